"""Async code can deadlock too: two asyncio tasks take two locks in opposite order, on one thread.

Usage: 02_deadlock.py TIMEOUT_SECONDS   (article seconds, scaled by ASYNCLAB_TIME_SCALE)
Each task takes its first lock, works 0.2 s, then waits for the other lock until a deadline TIMEOUT after the start,
the same for both (so neither can give up early and hand the other its lock). In opposite order each holds what the
other waits for: both time out. Prints one JSON line: how each task ended, in opposite order and in the same order.
"""
import asyncio
import json
import os
import sys

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1.0"))


# region: take_both
async def take_both(first, second, give_up_at):
    async with first:
        await asyncio.sleep(0.2 * SCALE)                 # work under the first lock
        try:
            async with asyncio.timeout_at(give_up_at):   # both tasks give up at the same moment
                await second.acquire()
        except TimeoutError:
            return "timed out"
        second.release()
        return "got both"
# endregion


async def scenario(opposite, timeout):
    a, b = asyncio.Lock(), asyncio.Lock()
    give_up_at = asyncio.get_running_loop().time() + timeout
    return await asyncio.gather(take_both(a, b, give_up_at), take_both(*((b, a) if opposite else (a, b)), give_up_at))


if __name__ == "__main__":
    timeout_s = float(sys.argv[1]) * SCALE
    print(json.dumps({
        "opposite_order": asyncio.run(scenario(True, timeout_s)),
        "same_order": asyncio.run(scenario(False, timeout_s)),
    }))
