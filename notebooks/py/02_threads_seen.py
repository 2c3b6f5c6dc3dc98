"""Does asyncio create threads? List the process's threads before and after a host-name lookup.

Prints one JSON line: thread names at start, after awaiting a timer, after resolving "localhost".
"""
import asyncio
import json
import threading


def names():
    return sorted(t.name for t in threading.enumerate())


# region: threads_seen
async def main():
    seen = {"at_start": names()}
    await asyncio.sleep(0.01)                      # a timer: no thread needed
    seen["after_sleep"] = names()
    # The C library has no non-blocking name lookup, so asyncio runs it on its default executor (a thread).
    await asyncio.get_running_loop().getaddrinfo("localhost", 80)
    seen["after_getaddrinfo"] = names()
    return seen
# endregion


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main())))
