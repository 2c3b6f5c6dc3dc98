"""Three downloads from the lesson's local server: blocking one after another, then concurrently.

Usage: 02_downloads.py BASE_URL DELAY_SECONDS
Prints one JSON line: wall-clock seconds for each way (already scaled by ASYNCLAB_TIME_SCALE).
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


def download_blocking(all_urls):
    started = time.perf_counter()
    for url in all_urls:
        with urllib.request.urlopen(url) as response:  # the thread waits here, and so does everything else
            response.read()
    return time.perf_counter() - started


async def download_concurrently(all_urls):
    async with aiohttp.ClientSession() as session:

        async def fetch(url):
            async with session.get(url) as response:
                return await response.read()

        started = time.perf_counter()
        await asyncio.gather(*(fetch(url) for url in all_urls))
        return time.perf_counter() - started


def main():
    base, delay_s = sys.argv[1], float(sys.argv[2])
    sequential = download_blocking(urls(base, delay_s))
    concurrent = asyncio.run(download_concurrently(urls(base, delay_s)))
    print(json.dumps({"sequential_s": sequential, "concurrent_s": concurrent, "scale": SCALE}))


if __name__ == "__main__":
    main()
