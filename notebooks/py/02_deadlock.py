"""Async code can deadlock too: two tasks take two asyncio.Locks in opposite order.

Usage: 02_deadlock.py TIMEOUT_SECONDS   (article seconds, scaled by ASYNCLAB_TIME_SCALE)
Every wait is guarded by the timeout so the script always ends. Events make the outcome independent of
timing: nobody asks for a second lock before both asked for their first, and a task that gave up keeps its
first lock until the other gave up too (releasing early would hand the other task both locks).
Prints one JSON line: how each task ended, for opposite order and for the same order.
"""
import asyncio
import json
import os
import sys

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1.0"))


async def within(event, timeout):
    try:
        await asyncio.wait_for(event.wait(), timeout)
    except asyncio.TimeoutError:
        pass


async def take_both(first, second, asked, other_asked, gave_up, other_gave_up, timeout):
    asked.set()  # no suspension between this and the acquire below: "set" means "asked for its first lock"
    async with first:
        await within(other_asked, timeout)
        try:
            await asyncio.wait_for(second.acquire(), timeout)
        except asyncio.TimeoutError:
            gave_up.set()
            await within(other_gave_up, timeout)
            return "timed out"
        second.release()
        return "got both"


async def scenario(opposite, timeout):
    a, b = asyncio.Lock(), asyncio.Lock()
    asked1, asked2, gave_up1, gave_up2 = (asyncio.Event() for _ in range(4))
    other_order = (b, a) if opposite else (a, b)
    return await asyncio.gather(
        take_both(a, b, asked1, asked2, gave_up1, gave_up2, timeout),
        take_both(*other_order, asked2, asked1, gave_up2, gave_up1, timeout))


if __name__ == "__main__":
    timeout_s = float(sys.argv[1]) * SCALE
    print(json.dumps({
        "opposite_order": asyncio.run(scenario(True, timeout_s)),
        "same_order": asyncio.run(scenario(False, timeout_s)),
    }))
