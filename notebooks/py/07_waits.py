"""Lesson 7: waiting for I/O as coroutines, threads or processes, and mixed work offloaded with to_thread.

    07_waits.py TASKS THREADS PROCESSES

Each way waits 1 s (article seconds) as many times at once as it is told: coroutine tasks sleep, threads block
until an event is set after 1 s, child processes (cat) until their input ends after 1 s. For each: the time all
waits took, the extra OS threads this process (and its children) had meanwhile, and the memory one wait cost
(growth of resident memory per task and per thread; a child process's own resident memory). Then the mixed job: a
download stand-in (asyncio.sleep) followed by hashing, inline on the loop or offloaded with asyncio.to_thread, with a
heartbeat on the loop. Prints one JSON line.
"""
import asyncio
import hashlib
import os
import subprocess
import sys
import threading
import time

from _lab import SCALE, emit


def os_threads(pid="self"):
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("Threads:"))


def resident_kb(pid="self"):
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def coroutines(n):
    resident = resident_kb()
    started = time.perf_counter()
    peak = {}

    async def main():
        # region: tasks
        waits = [asyncio.create_task(asyncio.sleep(1 * SCALE))
                 for _ in range(n)]
        await asyncio.sleep(0)   # all n waiting now, one thread
        # endregion
        peak["bytes"] = (resident_kb() - resident) * 1024
        peak["threads"] = os_threads() - 1
        await asyncio.gather(*waits)

    asyncio.run(main())
    return {"count": n, "seconds": (time.perf_counter() - started) / SCALE,
            "extra_threads": peak["threads"], "bytes_each": peak["bytes"] / n}


def threads(n):
    resident = resident_kb()
    started = time.perf_counter()
    # region: threads
    answer = threading.Event()
    workers = [threading.Thread(target=answer.wait)
               for _ in range(n)]
    for worker in workers:
        worker.start()   # an OS thread each, blocked
    # endregion
    extra, grown = os_threads() - 1, resident_kb() - resident
    time.sleep(1 * SCALE)
    answer.set()
    for worker in workers:
        worker.join()
    return {"count": n, "seconds": (time.perf_counter() - started) / SCALE,
            "extra_threads": extra, "bytes_each": grown * 1024 / n}


def processes(n):
    started = time.perf_counter()
    # region: processes
    children = [subprocess.Popen(["cat"], stdin=subprocess.PIPE)
                for _ in range(n)]   # an OS process each, blocked
    # endregion
    each = sum(resident_kb(child.pid) for child in children) * 1024 / n
    extra = os_threads() - 1 + sum(os_threads(child.pid) for child in children)   # one thread in each child
    time.sleep(1 * SCALE)
    for child in children:
        child.stdin.close()                   # the answer: end of input, and cat exits
        child.wait()
    return {"count": n, "seconds": (time.perf_counter() - started) / SCALE,
            "extra_threads": extra, "bytes_each": each}


def busy_hash(seconds):
    """CPU work: hash a 64 KiB block over and over for `seconds` (article scale)."""
    block, end = os.urandom(1 << 16), time.perf_counter() + seconds * SCALE
    while time.perf_counter() < end:
        block = hashlib.sha256(block).digest() * 2048


# region: mixed
async def download_then_hash(offload):
    await asyncio.sleep(0.1 * SCALE)   # the download: a wait
    if offload:   # the hash, on a worker thread
        await asyncio.to_thread(busy_hash, 0.5)
    else:         # the hash, on the loop thread
        busy_hash(0.5)
# endregion


def mixed(offload):
    gaps = []

    async def heartbeat(stop):
        last = time.perf_counter()
        while not stop.is_set():
            await asyncio.sleep(0.1 * SCALE)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    async def main():
        stop = asyncio.Event()
        beat = asyncio.create_task(heartbeat(stop))
        started = time.perf_counter()
        for _ in range(2):
            await download_then_hash(offload)
        took = time.perf_counter() - started
        stop.set()
        await beat
        return took

    took = asyncio.run(main())
    return {"seconds": took / SCALE, "longest_gap": max(gaps) / SCALE}


if __name__ == "__main__":
    n_tasks, n_threads, n_processes = (int(a) for a in sys.argv[1:4])
    emit(waits={"tasks": coroutines(n_tasks), "processes": processes(n_processes), "threads": threads(n_threads)},
         mixed={"inline": mixed(False), "to_thread": mixed(True)})
