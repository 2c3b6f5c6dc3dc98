"""Tier 2: which threads does asyncio use?

Prints one JSON line: thread names inside asyncio.run before and after a name lookup
(`getaddrinfo` runs in the loop's default executor, which starts its first worker thread).
"""
import asyncio
import json
import sys
import threading


def names():
    return sorted(t.name for t in threading.enumerate())


async def main():
    # region: lookup
    before = names()
    # a blocking lookup: asyncio runs it in its default executor
    await asyncio.get_running_loop().getaddrinfo("localhost", 80)
    after = names()
    # endregion
    return {"before": before, "after": after, "python": sys.version.split()[0]}


print(json.dumps(asyncio.run(main())))
