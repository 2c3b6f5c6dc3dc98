"""Tier 3: when do a future's waiters run?

Prints one JSON line with the order of events when a future is resolved: asyncio never runs
callbacks or awaiting coroutines inside set_result; it schedules them on the loop.
"""
import asyncio
import json
import sys


async def main():
    log = []
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: log.append("done callback"))

    async def waiter():
        await fut
        log.append("continuation")

    task = asyncio.create_task(waiter())
    await asyncio.sleep(0)  # let the waiter reach `await fut`
    # region: set_result
    log.append("before set_result")
    fut.set_result(42)   # schedules the waiters; runs none
    log.append("after set_result")
    # endregion
    await task
    return {"order": log, "python": sys.version.split()[0]}


print(json.dumps(asyncio.run(main())))
