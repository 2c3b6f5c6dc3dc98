"""Lesson 4: "don't call time.sleep in a coroutine". The spinner next to a 1 s slow function that
awaits asyncio.sleep, and next to one that calls time.sleep. Prints one JSON line with, for each,
the frame times in the article's seconds since the supervisor started.
"""
import asyncio
import json
import os
import sys
import time

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1"))


async def spin(frames, start):
    while True:
        frames.append(round((time.perf_counter() - start) / SCALE, 3))
        await asyncio.sleep(0.1 * SCALE)


# region: slow_function
async def slow_function(blocking):
    if blocking:
        time.sleep(1 * SCALE)            # freezes the loop: nothing else can run
    else:
        await asyncio.sleep(1 * SCALE)   # hands the loop back until the time is up
    return 42
# endregion


async def supervisor(blocking):
    frames = []
    start = time.perf_counter()
    spinner = asyncio.create_task(spin(frames, start))
    answer = await slow_function(blocking)
    spinner.cancel()
    try:
        await spinner
    except asyncio.CancelledError:
        pass
    return {"answer": answer, "frames": frames}


print(json.dumps({"python": sys.version.split()[0],
                  "awaiting": asyncio.run(supervisor(blocking=False)),
                  "blocking": asyncio.run(supervisor(blocking=True))}))
