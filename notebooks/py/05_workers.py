"""Lesson 5: coroutines vs threads vs processes, measured.

1,000 waits of 0.2 s as asyncio tasks and as threads; the same CPU work run once
sequentially, in threads and in processes. Prints one JSON line: the waits in the article's
seconds (wall time divided by ASYNCLAB_TIME_SCALE), the CPU work as speed-ups over sequential
(a ratio, so it does not depend on the scale).
"""
import asyncio
import json
import os
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1"))
WAITS = 1000
CHUNKS = 4
CHUNK_LOOPS = 400_000   # about 0.04 s of pure Python per chunk on an idle core


def seconds(start):
    return round((time.perf_counter() - start) / SCALE, 3)


async def wait_as_tasks():
    await asyncio.gather(*(asyncio.sleep(0.2 * SCALE) for _ in range(WAITS)))


def wait_as_threads():
    threads = [threading.Thread(target=time.sleep, args=(0.2 * SCALE,)) for _ in range(WAITS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def cpu_chunk(loops):
    total = 0
    for i in range(loops):
        total += i * i % 7
    return total


def best_of_three(run):
    """On a shared machine one run can be stretched by other work: keep the fastest of three."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def cpu_in(executor_type):
    def run():
        with executor_type(max_workers=CHUNKS) as pool:
            list(pool.map(cpu_chunk, [CHUNK_LOOPS] * CHUNKS))
    return best_of_three(run)


start = time.perf_counter()
asyncio.run(wait_as_tasks())
tasks_s = seconds(start)

start = time.perf_counter()
wait_as_threads()
threads_s = seconds(start)

sequential_s = best_of_three(lambda: [cpu_chunk(CHUNK_LOOPS) for _ in range(CHUNKS)])

print(json.dumps({
    "python": sys.version.split()[0], "cpus": os.cpu_count(),
    "waits": {"count": WAITS, "tasks_s": tasks_s, "threads_s": threads_s},
    "cpu": {"chunks": CHUNKS,
            "threads_speedup": round(sequential_s / cpu_in(ThreadPoolExecutor), 2),
            "processes_speedup": round(sequential_s / cpu_in(ProcessPoolExecutor), 2)},
}))
