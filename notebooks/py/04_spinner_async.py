"""Lesson 4: the asyncio spinner, written the modern way (async def, create_task, cancel, asyncio.run).

Also what cancellation leaves behind: a spinner that swallows CancelledError (the article's `break`)
and one that cleans up and re-raises. Prints one JSON line.
"""
import asyncio
import itertools
import json
import os
import sys
import threading

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


print(json.dumps({"python": sys.version.split()[0],
                  "swallowed": asyncio.run(supervisor(reraise=False)),
                  "reraised": asyncio.run(supervisor(reraise=True))}))
