"""Tier 1: coroutines are cold; async with and async for clean up.

Prints one JSON line with
- `order`: what happens when a coroutine is created, wrapped in a task and awaited;
- `ticks`, `closed`, `exited`: an async generator stopped after two ticks is closed (its
  `finally` runs) and the async context manager around it exits exactly once;
- `closed_at_break`: whether `break` alone had run the generator's `finally` (it had not).
"""
import asyncio
import json
import os
import sys

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1.0"))


async def body(log):
    log.append("body runs")


async def cold_vs_task():
    log = ["before call"]
    # region: cold
    coro = body(log)                 # creates a coroutine object; nothing runs
    log.append("after call")
    task = asyncio.create_task(coro)  # scheduled, still not running
    log.append("after create_task")
    await task                       # the caller yields; now the body runs
    # endregion
    log.append("after await")
    return log


class Resource:
    def __init__(self, log):
        self.log = log

    async def __aenter__(self):
        self.log.append("enter")
        return self

    async def __aexit__(self, *exc):
        self.log.append("exit")


async def ticks(log):
    try:
        n = 0
        while True:
            await asyncio.sleep(0.1 * SCALE)
            n += 1
            yield n
    finally:
        log.append("generator closed")


async def with_and_for():
    log = []
    seen = []
    # region: break_and_aclose
    async with Resource(log):
        gen = ticks(log)
        async for n in gen:
            seen.append(n)
            if n == 2:
                break
        await gen.aclose()  # break left it suspended: close it now
    # endregion
    return log, seen


async def break_only():
    """Whether `break` alone runs the generator's `finally` (it does not: the generator stays suspended)."""
    log = []
    gen = ticks(log)
    async for n in gen:
        if n == 2:
            break
    closed_at_break = "generator closed" in log
    await gen.aclose()
    return closed_at_break


async def main():
    order = await cold_vs_task()
    log, seen = await with_and_for()
    return {"order": order, "ticks": len(seen), "closed": log.count("generator closed"),
            "exited": log.count("exit"), "closed_at_break": await break_only(), "log": log,
            "python": sys.version.split()[0]}


print(json.dumps(asyncio.run(main())))
