"""Tier 5b: CPU work inline vs asyncio.to_thread, watched by a heartbeat.

A heartbeat coroutine ticks every 50 ms (scaled). CPU work of 1 s (scaled) runs first inline in
the loop, then in a worker thread. Prints one JSON line: the longest heartbeat gap in article
seconds for each case.
"""
import asyncio
import json
import os
import sys
import time

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1.0"))
BEAT = 0.05 * SCALE
WORK = 1.0 * SCALE


def cpu():
    end = time.perf_counter() + WORK
    n = 0
    while time.perf_counter() < end:
        n += 1
    return n


async def heartbeat(stop, gaps):
    last = time.perf_counter()
    while not stop.is_set():
        await asyncio.sleep(BEAT)
        now = time.perf_counter()
        gaps.append(now - last)
        last = now


async def watch(run_cpu):
    stop = asyncio.Event()
    gaps = []
    beat = asyncio.create_task(heartbeat(stop, gaps))
    await asyncio.sleep(2 * BEAT)
    await run_cpu()
    await asyncio.sleep(2 * BEAT)
    stop.set()
    await beat
    return max(gaps) / SCALE


# region: inline_vs_thread
async def inline():
    cpu()


async def offloaded():
    await asyncio.to_thread(cpu)
# endregion


async def main():
    return {"inline_gap": await watch(inline), "to_thread_gap": await watch(offloaded),
            "work": 1.0, "beat": 0.05, "python": sys.version.split()[0]}


print(json.dumps(asyncio.run(main())))
