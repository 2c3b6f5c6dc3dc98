"""Lesson 3, part 5: the event loop's own cost per turn, asyncio's loop vs uvloop, no network.

A coroutine awaits asyncio.sleep(0) many times: each await hands control back to the loop, which
reschedules the task at once, so the time per hop is the loop's own work. Both loops run in this
process, alternating, and each hop is timed in CPU seconds of this process (time.process_time), so
other programs taking turns on the cores do not inflate it. Prints one JSON line: CPU microseconds
per hop for each loop (best of the rounds), the ratio, and the cores other programs left free.
"""
import asyncio
import time

from _lab import emit, free_cores

HOPS = 10_000
ROUNDS = 3


# region: hop
async def hop(n):
    for _ in range(n):
        await asyncio.sleep(0)   # back to the loop, which runs this task again on its next turn
# endregion


def cpu_us_per_hop(new_loop):
    with asyncio.Runner(loop_factory=new_loop) as runner:
        runner.run(hop(1_000))                       # warm-up
        start = time.process_time()
        runner.run(hop(HOPS))
        return (time.process_time() - start) / HOPS * 1e6


def main():
    import uvloop
    free = free_cores()
    asyncio_us, uvloop_us = [], []
    for _ in range(ROUNDS):
        asyncio_us.append(cpu_us_per_hop(asyncio.new_event_loop))
        uvloop_us.append(cpu_us_per_hop(uvloop.new_event_loop))
    best_asyncio, best_uvloop = min(asyncio_us), min(uvloop_us)
    emit(asyncio_us=round(best_asyncio, 2), uvloop_us=round(best_uvloop, 2),
         speedup=round(best_asyncio / best_uvloop, 2), free_cores=free, uvloop=uvloop.__version__)


if __name__ == "__main__":
    main()
