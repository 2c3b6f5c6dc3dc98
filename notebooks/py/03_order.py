"""Lesson 3, part 1: the article's func1/func2, written the modern way.

Prints one JSON line: the print order and total of one run at the article's 2 s
(scaled by ASYNCLAB_TIME_SCALE), and how often each order appeared over repeated
short runs on asyncio's default loop and, when installed, on uvloop.
"""
import asyncio
import json
import os
import sys
import time
from collections import Counter

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1.0"))
REPEATS = 10


async def func1(log, delay):
    log.append(1)
    await asyncio.sleep(delay)
    log.append(2)


async def func2(log, delay):
    log.append(3)
    await asyncio.sleep(delay)
    log.append(4)


async def both(delay):
    log = []
    await asyncio.gather(func1(log, delay), func2(log, delay))
    return "".join(map(str, log))


def order_counts(new_loop):
    counts = Counter()
    for _ in range(REPEATS):
        with asyncio.Runner(loop_factory=new_loop) as runner:
            counts[runner.run(both(0.02))] += 1
    return dict(counts)


def main():
    start = time.perf_counter()
    order = asyncio.run(both(2.0 * SCALE))
    total = time.perf_counter() - start
    result = {
        "python": sys.version.split()[0],
        "order": order,
        "total_article_s": round(total / SCALE, 3),
        "asyncio_orders": order_counts(asyncio.new_event_loop),
    }
    try:
        import uvloop
        result["uvloop_orders"] = order_counts(uvloop.new_event_loop)
    except ImportError:
        result["uvloop_orders"] = None
    print(json.dumps(result))


if __name__ == "__main__":
    main()
