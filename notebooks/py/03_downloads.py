"""Lesson 3, part 2: the article's aiohttp downloader against the lesson's local server.

Usage: 03_downloads.py MODE BASE_URL ARG...
  download DIR PATH...     fetch every PATH concurrently, write each to DIR; report sizes, SHA-256, total
  failure PATH...          one PATH fails: when do asyncio.wait and asyncio.gather tell you?
  bounded LIMIT PATH...    fetch every PATH with at most LIMIT requests in flight (asyncio.Semaphore)
Prints one JSON line.
"""
import asyncio
import hashlib
import json
import os
import sys
import time

import aiohttp


# region: fetch
async def fetch(session, url):
    async with session.get(url) as response:
        response.raise_for_status()
        return await response.read()
# endregion


async def save(session, url, folder):
    content = await fetch(session, url)
    name = os.path.join(folder, url.rsplit("/", 1)[-1].split("?")[0] + ".bin")
    # A plain write would block the loop for big files; a thread keeps it free.
    await asyncio.to_thread(write_file, name, content)
    return {"file": name, "bytes": len(content), "sha256": hashlib.sha256(content).hexdigest()}


def write_file(name, content):
    with open(name, "wb") as f:
        f.write(content)


# region: download
async def download(base, folder, paths):
    start = time.perf_counter()
    async with aiohttp.ClientSession(base) as session:
        files = await asyncio.gather(*(save(session, p, folder) for p in paths))
# endregion
    return {"total_s": round(time.perf_counter() - start, 3), "files": files}


async def with_wait(base, paths):
    start = time.perf_counter()
    async with aiohttp.ClientSession(base) as session:
        tasks = [asyncio.create_task(fetch(session, p)) for p in paths]
        # region: wait
        done, pending = await asyncio.wait(tasks)  # never raises a task's exception
        # endregion
        errors = [type(t.exception()).__name__ for t in done if t.exception()]
    return {"raised": False, "after_s": round(time.perf_counter() - start, 3),
            "errors_in_done_set": errors, "done": len(done), "pending": len(pending)}


async def with_gather(base, paths):
    start = time.perf_counter()
    async with aiohttp.ClientSession(base) as session:
        tasks = [asyncio.create_task(fetch(session, p)) for p in paths]
        try:
            # region: gather
            await asyncio.gather(*tasks)
            # endregion
            raised = None
        except aiohttp.ClientResponseError as error:
            raised = f"{type(error).__name__} {error.status}"
        after = time.perf_counter() - start
        still_running = sum(not t.done() for t in tasks)  # gather does not cancel the others
        await asyncio.wait(tasks)
    return {"raised": raised, "after_s": round(after, 3), "still_running": still_running}


async def bounded(base, limit, paths):
    # region: semaphore
    gate = asyncio.Semaphore(limit)

    async def one(session, path):
        async with gate:
            return len(await fetch(session, path))
    # endregion

    start = time.perf_counter()
    async with aiohttp.ClientSession(base) as session:
        sizes = await asyncio.gather(*(one(session, p) for p in paths))
    return {"total_s": round(time.perf_counter() - start, 3), "requests": len(sizes), "bytes": sum(sizes)}


def main(mode, base, *args):
    if mode == "download":
        result = asyncio.run(download(base, args[0], args[1:]))
    elif mode == "failure":
        result = {"wait": asyncio.run(with_wait(base, args)), "gather": asyncio.run(with_gather(base, args))}
    elif mode == "bounded":
        result = asyncio.run(bounded(base, int(args[0]), args[1:]))
    else:
        sys.exit(f"03_downloads.py: unknown mode {mode!r} (download, failure, bounded)")
    result["aiohttp"] = aiohttp.__version__
    print(json.dumps(result))


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
