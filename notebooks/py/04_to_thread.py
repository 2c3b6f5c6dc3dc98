"""Lesson 4: offloading blocking calls with asyncio.to_thread. N calls of time.sleep(0.5) share the
default executor's fixed min(32, cpus + 4) threads; N awaits of asyncio.sleep(0.5) share nothing.
Usage: 04_to_thread.py N. Prints one JSON line.
"""
import asyncio
import json
import math
import os
import sys
import time

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1"))


# region: to_thread
async def blocking_calls(calls):
    # to_thread(f, x) is loop.run_in_executor(None, f, x) plus the caller's contextvars
    await asyncio.gather(*(asyncio.to_thread(time.sleep, 0.5 * SCALE) for _ in range(calls)))
# endregion


async def main(calls):
    start = time.perf_counter()
    await blocking_calls(calls)
    return round((time.perf_counter() - start) / SCALE, 3)


async def awaiting(calls):
    start = time.perf_counter()
    await asyncio.gather(*(asyncio.sleep(0.5 * SCALE) for _ in range(calls)))
    return round((time.perf_counter() - start) / SCALE, 3)


calls = int(sys.argv[1])
workers = min(32, (os.cpu_count() or 1) + 4)
print(json.dumps({"python": sys.version.split()[0], "calls": calls, "executor_threads": workers,
                  "elapsed_seconds": asyncio.run(main(calls)), "awaiting_seconds": asyncio.run(awaiting(calls)),
                  "expected_seconds": round(math.ceil(calls / workers) * 0.5, 3)}))
