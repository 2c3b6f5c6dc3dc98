"""Starving asyncio's one loop thread, and two ways out.

Usage: 02_loop_starvation.py BUSY_SECONDS BEAT_SECONDS   (article seconds, scaled by ASYNCLAB_TIME_SCALE)
1. CPU work inside a coroutine vs the same work in asyncio.to_thread: the heartbeat's longest gap.
2. A loop of `await noop()` (never suspends) vs one that also awaits asyncio.sleep(0) now and then:
   how many heartbeats happen while it runs.
Prints one JSON line; gaps in wall-clock seconds.
"""
import asyncio
import json
import os
import sys
import time

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1.0"))


async def heartbeat(interval, beats, stop):
    while not stop.is_set():
        await asyncio.sleep(interval)
        beats.append(time.perf_counter())


async def while_beating(work, interval):
    """Runs work() next to a heartbeat; returns (beats during the work, longest gap between beats)."""
    beats, stop = [], asyncio.Event()
    beater = asyncio.create_task(heartbeat(interval, beats, stop))
    await asyncio.sleep(interval * 1.5)  # let the heartbeat get going
    started = time.perf_counter()
    await work()
    ended = time.perf_counter()
    await asyncio.sleep(interval * 1.5)
    stop.set()
    await beater
    inside = [t for t in beats if started <= t <= ended]
    stamps = [started] + inside + [ended]
    return len(inside), max(b - a for a, b in zip(stamps, stamps[1:]))


def spin(seconds):
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        pass


# region: await_without_yielding
async def noop():
    return None                    # finishes without suspending: awaiting it never reaches the loop


async def awaits_without_yielding(seconds, yield_every):
    deadline = time.perf_counter() + seconds
    count = 0
    while time.perf_counter() < deadline:
        await noop()
        count += 1
        if yield_every and count % yield_every == 0:
            await asyncio.sleep(0)  # the explicit "let the others run"
# endregion


async def main(busy, beat):
    # region: cpu_work
    async def cpu_inline():
        spin(busy)                               # holds the loop's only thread

    async def cpu_in_thread():
        await asyncio.to_thread(spin, busy)      # another thread spins; the loop stays free (GIL permitting)
    # endregion

    inline_beats, inline_gap = await while_beating(cpu_inline, beat)
    thread_beats, thread_gap = await while_beating(cpu_in_thread, beat)
    noop_beats, _ = await while_beating(lambda: awaits_without_yielding(busy, 0), beat)
    sleep0_beats, _ = await while_beating(lambda: awaits_without_yielding(busy, 1000), beat)
    return {
        "cpu_inline_gap_seconds": inline_gap, "cpu_inline_beats": inline_beats,
        "cpu_to_thread_gap_seconds": thread_gap, "cpu_to_thread_beats": thread_beats,
        "await_noop_beats": noop_beats, "await_sleep0_beats": sleep0_beats,
    }


if __name__ == "__main__":
    busy_s, beat_s = float(sys.argv[1]) * SCALE, float(sys.argv[2]) * SCALE
    print(json.dumps(asyncio.run(main(busy_s, beat_s))))
