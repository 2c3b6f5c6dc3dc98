"""Three downloads from the lesson's local server: blocking one after another, then concurrently.

Usage: 02_downloads.py BASE_URL DELAY_SECONDS   (article seconds, scaled by ASYNCLAB_TIME_SCALE)
Prints one JSON line: wall-clock seconds for each way.
"""
import asyncio
import json
import os
import sys
import time
import urllib.request

import aiohttp

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1.0"))


def urls(base, delay_s):
    ms = round(delay_s * SCALE * 1000)
    return [f"{base.rstrip('/')}/delay/{ms}?from=python-{kind}" for kind in ("a", "b", "c")]


# region: blocking
def download_blocking(all_urls):
    for url in all_urls:
        with urllib.request.urlopen(url) as response:  # the thread waits here, and so does everything else
            response.read()
# endregion


# region: concurrent
async def download_concurrently(all_urls):
    async with aiohttp.ClientSession() as session:
        async def fetch(url):
            async with session.get(url) as response:
                return await response.read()

        await asyncio.gather(*(fetch(url) for url in all_urls))
# endregion


def timed(run):
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def main():
    base, delay_s = sys.argv[1], float(sys.argv[2])
    sequential = timed(lambda: download_blocking(urls(base, delay_s)))
    concurrent = timed(lambda: asyncio.run(download_concurrently(urls(base, delay_s))))
    print(json.dumps({"sequential_seconds": sequential, "concurrent_seconds": concurrent}))


if __name__ == "__main__":
    main()
