"""Async code can deadlock too: two asyncio tasks take two locks in opposite order, on one thread.

Usage: 02_deadlock.py TIMEOUT_SECONDS   (article seconds, scaled by ASYNCLAB_TIME_SCALE)
Each task takes its first lock, works 0.2 s, then waits at most TIMEOUT for the other lock. In opposite order each
holds what the other waits for: both time out. A task that gave up keeps its lock 0.1 s longer, so the other's
timeout fires first. Prints one JSON line: how each task ended, in opposite order and in the same order.
"""
import asyncio
import json
import os
import sys

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1.0"))


# region: take_both
async def take_both(first, second, timeout):
    async with first:
        await asyncio.sleep(0.2 * SCALE)                 # work under the first lock
        try:
            await asyncio.wait_for(second.acquire(), timeout)
        except asyncio.TimeoutError:
            await asyncio.sleep(0.1 * SCALE)             # give up, but hold on a little longer
            return "timed out"
        second.release()
        return "got both"
# endregion


async def scenario(opposite, timeout):
    a, b = asyncio.Lock(), asyncio.Lock()
    return await asyncio.gather(take_both(a, b, timeout), take_both(*((b, a) if opposite else (a, b)), timeout))


if __name__ == "__main__":
    timeout_s = float(sys.argv[1]) * SCALE
    print(json.dumps({
        "opposite_order": asyncio.run(scenario(True, timeout_s)),
        "same_order": asyncio.run(scenario(False, timeout_s)),
    }))
