"""Tier 4: cancelling a task.

A task sleeps 10 s (scaled); the loop cancels it after 0.1 s (scaled). Prints one JSON line: the
exception the awaiting code caught, whether the task ended cancelled, and the article seconds it took.
"""
import asyncio
import json
import os
import sys
import time

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1.0"))


async def main():
    start = time.perf_counter()
    # region: cancel
    task = asyncio.create_task(asyncio.sleep(10 * SCALE))
    # any code that holds the task may cancel it
    asyncio.get_running_loop().call_later(0.1 * SCALE, task.cancel)
    try:
        await task
    except asyncio.CancelledError as error:
        caught = type(error).__name__
    # endregion
    return {"caught": caught, "cancelled": task.cancelled(),
            "seconds": (time.perf_counter() - start) / SCALE, "python": sys.version.split()[0]}


print(json.dumps(asyncio.run(main())))
