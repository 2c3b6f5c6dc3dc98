"""Lesson 4: the asyncio spinner, written the modern way (async def, create_task, cancel, asyncio.run).

Also what cancellation leaves behind: a spinner that swallows CancelledError (the article's `break`)
and one that cleans up and re-raises; and what asyncio.timeout reports around a wait that swallows
its cancellation vs one that re-raises it. Prints one JSON line.
"""
import asyncio
import itertools
import json
import os
import sys
import threading
import time

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1"))


async def spin(frames, reraise):
    for char in itertools.cycle("|/-\\"):
        frames.append(threading.get_ident())
        try:
            await asyncio.sleep(0.1 * SCALE)
        except asyncio.CancelledError:
            if reraise:
                raise
            break                      # the article's choice: swallow the cancellation


async def slow_function():
    await asyncio.sleep(3 * SCALE)
    return 42


async def supervisor(reraise):
    frames = []
    spinner = asyncio.create_task(spin(frames, reraise))
    created = repr(spinner)
    result = await slow_function()
    spinner.cancel()
    try:
        await spinner
    except asyncio.CancelledError:
        pass
    return {"spinner_repr": created.split(" coro=")[0] + ">", "answer": result, "frames": len(frames),
            "frame_threads": len(set(frames)), "cancelled": spinner.cancelled()}


async def wait_a_while(reraise, cleaned_up):
    try:
        await asyncio.sleep(0.6 * SCALE)
    except asyncio.CancelledError:
        cleaned_up.append(True)        # clean up here, then let the cancellation go on (or not)
        if reraise:
            raise


async def under_timeout(reraise):
    """asyncio.timeout(0.2 s) around a 0.6 s wait: does the caller hear that the time ran out?"""
    cleaned_up, went_on = [], False
    start = time.perf_counter()
    try:
        async with asyncio.timeout(0.2 * SCALE):
            await wait_a_while(reraise, cleaned_up)
            went_on = True             # runs only if the wait returned normally
        outcome = "no TimeoutError"
    except TimeoutError:
        outcome = "TimeoutError"
    return {"outcome": outcome, "block_went_on": went_on, "cleaned_up": bool(cleaned_up),
            "elapsed_s": round((time.perf_counter() - start) / SCALE, 3)}


print(json.dumps({"python": sys.version.split()[0],
                  "swallowed": asyncio.run(supervisor(reraise=False)),
                  "reraised": asyncio.run(supervisor(reraise=True)),
                  "timeout_swallowed": asyncio.run(under_timeout(reraise=False)),
                  "timeout_reraised": asyncio.run(under_timeout(reraise=True))}))
