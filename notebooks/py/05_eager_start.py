"""Lesson 5: does create_task run the body at once? Lazy by default; eager with 3.12's eager_task_factory.

Prints one JSON line: the order of the prints for each factory available on this Python.
"""
import asyncio
import json
import sys


async def body(log):
    log.append("body starts")
    await asyncio.sleep(0)


# region: create_task
async def main(log):
    log.append("before create_task")
    task = asyncio.create_task(body(log))
    log.append("after create_task")
    await task
# endregion


def order(eager):
    log = []

    async def runner():
        if eager:
            asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
        await main(log)

    asyncio.run(runner())
    return log


has_eager = hasattr(asyncio, "eager_task_factory")     # added in 3.12
print(json.dumps({"python": sys.version.split()[0],
                  "lazy": order(False),
                  "eager": order(True) if has_eager else None}))
