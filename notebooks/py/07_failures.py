"""Lesson 7: asyncio's side of three production failures.

A coroutine awaited twice; a task that fails while nobody holds it ("Task exception was never retrieved"); a callback
that blocks the loop, found by debug mode's slow-callback report. Prints one JSON line with what each produced.
"""
import asyncio
import gc
import logging
import re
import time

from _lab import SCALE, emit


async def answer():
    await asyncio.sleep(0)
    return 42


async def await_twice():
    # region: await_twice
    coroutine = answer()
    first = await coroutine
    try:
        second = await coroutine   # a coroutine runs once
    except RuntimeError as error:
        second = str(error)   # cannot reuse already awaited coroutine
    # endregion
    return {"first": first, "second": second}


# region: never_retrieved
async def fails():
    raise ValueError("nobody is listening")


async def fire_and_forget():
    asyncio.create_task(fails())       # dropped at once
    await asyncio.sleep(0.1 * SCALE)   # it fails meanwhile
    gc.collect()   # collected: the loop reports it
# endregion


def never_retrieved():
    reports = []

    async def main():
        asyncio.get_running_loop().set_exception_handler(lambda loop, context: reports.append(context["message"]))
        await fire_and_forget()

    asyncio.run(main())
    return reports


# region: debug_mode
async def blocks_the_loop():
    time.sleep(0.3 * SCALE)               # a blocking call inside a coroutine

# asyncio.run(main(), debug=True): any callback over loop.slow_callback_duration (0.1 s) is logged
# endregion


class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def debug_mode():
    handler = Collect()
    logging.getLogger("asyncio").addHandler(handler)

    async def main():
        asyncio.get_running_loop().slow_callback_duration = 0.1 * SCALE
        await asyncio.gather(blocks_the_loop(), asyncio.sleep(0.1 * SCALE))

    asyncio.run(main(), debug=True)
    # the report names the task and its coroutine; where they were defined and created is left out here
    return [re.sub(r",? (defined|created) at [^>]*", "", line) for line in handler.lines if "took" in line]


if __name__ == "__main__":
    emit(await_twice=asyncio.run(await_twice()), never_retrieved=never_retrieved(), slow_callbacks=debug_mode())
