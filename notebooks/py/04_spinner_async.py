"""Lesson 4: the asyncio spinner, written the modern way (async def, create_task, cancel, asyncio.run).

Also what cancellation leaves behind: a spinner that swallows CancelledError (the article's `break`)
and one that cleans up and re-raises; and what asyncio.timeout reports around a wait that swallows
its cancellation vs one that re-raises it. Prints one JSON line.
"""
import asyncio
import itertools
import json
import os
import re
import sys
import threading
import time

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1"))
frames, shown = [], {}


def frame(char, msg):
    frames.append(threading.get_ident())


def show(label, value):
    # The repr names the script's full path; keep the file name and line, as the article shows them.
    shown[label] = re.sub(r"running at \S*/", "running at ", repr(value))


# region: task_spinner
async def spin(msg):
    for char in itertools.cycle("|/-\\"):
        frame(char, msg)
        try:
            await asyncio.sleep(0.1 * SCALE)
        except asyncio.CancelledError:
            break                # the article's choice: swallow the cancellation


async def slow_function():
    await asyncio.sleep(3 * SCALE)
    return 42


async def supervisor():
    spinner = asyncio.create_task(spin("thinking!"))
    show("spinner object", spinner)
    result = await slow_function()
    spinner.cancel()
    return result
# endregion


async def measured_supervisor():
    frames.clear()
    answer = await supervisor()
    spinner = next(t for t in asyncio.all_tasks() if t is not asyncio.current_task())
    await asyncio.gather(spinner, return_exceptions=True)
    return {"spinner_repr": shown["spinner object"], "answer": answer, "frames": len(frames),
            "frame_threads": len(set(frames)), "cancelled": spinner.cancelled()}


# region: clean_up_and_reraise
async def wait_a_while(reraise, cleaned_up):
    try:
        await asyncio.sleep(0.6 * SCALE)
    except asyncio.CancelledError:
        cleaned_up.append(True)  # clean up
        if reraise:
            raise                # and let it go on
# endregion


async def under_timeout(reraise):
    """asyncio.timeout(0.2 s) around a 0.6 s wait: does the caller hear that the time ran out?"""
    cleaned_up, went_on = [], False
    start = time.perf_counter()
    try:
        async with asyncio.timeout(0.2 * SCALE):
            await wait_a_while(reraise, cleaned_up)
            went_on = True       # runs only if the wait returned normally
        outcome = "no TimeoutError"
    except TimeoutError:
        outcome = "TimeoutError"
    return {"outcome": outcome, "block_went_on": went_on, "cleaned_up": bool(cleaned_up),
            "elapsed_seconds": round((time.perf_counter() - start) / SCALE, 3)}


print(json.dumps({"python": sys.version.split()[0],
                  "spinner": asyncio.run(measured_supervisor()),
                  "timeout_swallowed": asyncio.run(under_timeout(reraise=False)),
                  "timeout_reraised": asyncio.run(under_timeout(reraise=True))}))
