"""Does asyncio create threads? List the process's threads before and after a host-name lookup.

Prints one JSON line: thread names at start, after awaiting a timer, after resolving "localhost".
"""
import asyncio
import json
import threading


def names():
    return sorted(t.name for t in threading.enumerate())


async def main():
    seen = {"at_start": names()}
    await asyncio.sleep(0.01)
    seen["after_sleep"] = names()
    # Name resolution has no non-blocking API in the C library, so asyncio hands it to its default executor.
    await asyncio.get_running_loop().getaddrinfo("localhost", 80)
    seen["after_getaddrinfo"] = names()
    return seen


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main())))
