"""Async code can deadlock too: two tasks take two asyncio.Locks in opposite order.

Usage: 02_deadlock.py TIMEOUT_SECONDS   (article seconds, scaled by ASYNCLAB_TIME_SCALE)
The second acquire is guarded by a timeout so the script always ends.
Prints one JSON line: how each task ended, for opposite order and for the same order.
"""
import asyncio
import json
import os
import sys

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1.0"))


async def take_both(first, second, timeout):
    async with first:
        await asyncio.sleep(0)  # let the other task take its first lock
        try:
            await asyncio.wait_for(second.acquire(), timeout)
        except asyncio.TimeoutError:
            return "timed out"
        second.release()
        return "got both"


async def scenario(opposite, timeout):
    a, b = asyncio.Lock(), asyncio.Lock()
    other_order = (b, a) if opposite else (a, b)
    return await asyncio.gather(take_both(a, b, timeout), take_both(*other_order, timeout))


if __name__ == "__main__":
    timeout_s = float(sys.argv[1]) * SCALE
    print(json.dumps({
        "opposite_order": asyncio.run(scenario(True, timeout_s)),
        "same_order": asyncio.run(scenario(False, timeout_s)),
    }))
