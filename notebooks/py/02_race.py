"""A race across await on one thread: two asyncio tasks read, suspend, then write a shared counter.

Usage: 02_race.py TIMES
Without a lock both tasks read the same value before either writes it back, so updates are lost although
only one thread runs; asyncio.Lock around the read-await-write makes it whole again.
Prints one JSON line: the final counts and the total expected.
"""
import asyncio
import json
import sys

balance = 0


# region: race
async def deposit(times):
    global balance
    for _ in range(times):
        read = balance
        await asyncio.sleep(0)   # suspends: the other task runs between the read and the write
        balance = read + 1
# endregion


# region: locked
async def safe_deposit(times, lock):
    global balance
    for _ in range(times):
        async with lock:         # the other task waits here until the write is done
            read = balance
            await asyncio.sleep(0)
            balance = read + 1
# endregion


async def main(times):
    global balance
    balance = 0
    await asyncio.gather(deposit(times), deposit(times))
    racy = balance
    balance, lock = 0, asyncio.Lock()
    await asyncio.gather(safe_deposit(times, lock), safe_deposit(times, lock))
    return {"without_lock": racy, "with_lock": balance, "expected": 2 * times}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(int(sys.argv[1])))))
