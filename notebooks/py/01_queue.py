"""Tier 6: asyncio.Queue(maxsize=2) with one producer and three consumers.

Twelve items take 0.1 s (scaled) of work each. Prints one JSON line: elapsed time in work units
(≈ 12 / 3 = 4, not 12), how often the producer found the queue full, and items per consumer.
"""
import asyncio
import json
import os
import sys
import time

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1.0"))
ITEMS, CONSUMERS, CAPACITY, UNIT = 12, 3, 2, 0.1


# region: producer_consumer
async def producer(queue, stats):
    for item in range(ITEMS):
        if queue.full():
            stats["producer_waits"] += 1
        await queue.put(item)


async def consumer(name, queue, stats):
    while True:
        await queue.get()
        await asyncio.sleep(UNIT * SCALE)
        stats["per_consumer"][name] += 1
        queue.task_done()
# endregion


async def main():
    queue = asyncio.Queue(maxsize=CAPACITY)
    stats = {"producer_waits": 0, "per_consumer": {f"c{i}": 0 for i in range(1, CONSUMERS + 1)}}
    start = time.perf_counter()
    workers = [asyncio.create_task(consumer(name, queue, stats)) for name in stats["per_consumer"]]
    await producer(queue, stats)
    # region: join_and_cancel
    await queue.join()           # every item marked task_done: processed, not only taken
    for w in workers:            # consumers loop forever: cancel them (3.13: queue.shutdown() ends them)
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    # endregion
    units = (time.perf_counter() - start) / SCALE / UNIT
    return {"units": units, **stats, "python": sys.version.split()[0]}


print(json.dumps(asyncio.run(main())))
