"""Lesson 4: the article's summary names asyncio.Future and concurrent.futures.Future. One of each,
waiting 0.2 s, while a ticker task counts how often the event loop got to run meanwhile.
Prints one JSON line.
"""
import asyncio
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1"))


# region: two_futures
def thread_future(pool):
    future = pool.submit(time.sleep, 0.2 * SCALE)  # concurrent.futures.Future: a pool thread works
    return future.result()                         # blocks the calling thread until it is done


async def loop_future():
    loop = asyncio.get_running_loop()
    future = loop.create_future()                  # asyncio.Future: a result slot, no thread
    loop.call_later(0.2 * SCALE, future.set_result, 42)
    return await future                            # suspends this coroutine; the loop runs on
# endregion


async def ticks_during(wait):
    """How many turns another task got on the loop while `wait` ran (it yields at once each time)."""
    ticks = 0

    async def ticker():
        nonlocal ticks
        while True:
            await asyncio.sleep(0)
            ticks += 1

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    start = time.perf_counter()
    await wait()
    elapsed = time.perf_counter() - start
    task.cancel()
    return ticks, round(elapsed / SCALE, 3)


async def main():
    with ThreadPoolExecutor(max_workers=1) as pool:
        async def blocking():
            thread_future(pool)                    # called on the loop thread: the loop stops

        async def bridged():                       # the bridge: await a thread's future
            await asyncio.wrap_future(pool.submit(time.sleep, 0.2 * SCALE))

        results = {name: await ticks_during(wait) for name, wait in
                   (("thread_future_result", blocking), ("loop_future_await", loop_future),
                    ("thread_future_awaited", bridged))}
    return {name: {"ticks": t, "elapsed_seconds": e} for name, (t, e) in results.items()}


print(json.dumps({"python": sys.version.split()[0], **asyncio.run(main())}))
