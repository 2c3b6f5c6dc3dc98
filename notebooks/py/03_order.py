"""Lesson 3, part 1: the article's func1/func2, written the modern way.

Prints one JSON line: the print order and total of one run at the article's 2 s
(scaled by ASYNCLAB_TIME_SCALE), how often each order appeared over repeated short
runs on asyncio's default loop and, when installed, on uvloop, and how far apart the
two sleeps read the loop's clock (each asyncio.sleep sets its deadline to loop.time() + delay).
"""
import asyncio
import json
import os
import sys
import time
from collections import Counter

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1.0"))
REPEATS = 10


# region: func1_func2
async def func1(log, clock, delay):
    log.append(1)
    clock.append(asyncio.get_running_loop().time())  # the sleep below reads the same clock a moment later
    await asyncio.sleep(delay)
    log.append(2)


async def func2(log, clock, delay):
    log.append(3)
    clock.append(asyncio.get_running_loop().time())
    await asyncio.sleep(delay)
    log.append(4)
# endregion


# region: gather_both
async def both(delay):
    log, clock = [], []
    await asyncio.gather(func1(log, clock, delay), func2(log, clock, delay))
    return "".join(map(str, log)), (clock[1] - clock[0]) * 1e6
# endregion


def order_counts(new_loop, gaps):
    counts = Counter()
    for _ in range(REPEATS):
        with asyncio.Runner(loop_factory=new_loop) as runner:
            order, gap_us = runner.run(both(0.005))
        counts[order] += 1
        gaps.append(gap_us)
    return dict(counts)


def main():
    start = time.perf_counter()
    order, _ = asyncio.run(both(2.0 * SCALE))
    total = time.perf_counter() - start
    asyncio_gaps, uvloop_gaps = [], []
    result = {
        "python": sys.version.split()[0],
        "order": order,
        "total_article_s": round(total / SCALE, 3),
        "asyncio_orders": order_counts(asyncio.new_event_loop, asyncio_gaps),
        # asyncio's loop.time() reads the monotonic clock on every call: func2's deadline is later by this much.
        "asyncio_deadline_gap_us": {"min": round(min(asyncio_gaps), 1), "max": round(max(asyncio_gaps), 1)},
    }
    try:
        import uvloop
        result["uvloop_orders"] = order_counts(uvloop.new_event_loop, uvloop_gaps)
        # uvloop's loop.time() is libuv's cached millisecond clock: usually the same value for both sleeps.
        result["uvloop_deadline_gap_us"] = {"min": round(min(uvloop_gaps), 1), "max": round(max(uvloop_gaps), 1)}
    except ImportError:
        result["uvloop_orders"] = None
        result["uvloop_deadline_gap_us"] = None
    print(json.dumps(result))


if __name__ == "__main__":
    main()
