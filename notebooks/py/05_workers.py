"""Lesson 5: what a pending wait holds (memory, OS threads) as an asyncio task and as a thread, and what
one switch between two tasks or two threads costs. (CPU work in threads vs processes:
cpu_threads_vs_processes.py.)

Prints one JSON line. 10,000 pending asyncio.sleep tasks and 500 threads blocked on an Event; for each, the
growth of the process's resident memory per wait (Linux's /proc/self/status VmRSS; null elsewhere) and the OS
threads the process held meanwhile. A switch is one hand-over of control: two tasks that await asyncio.sleep(0)
in turn, and two threads that release each other's semaphore in turn.
"""
import asyncio
import threading
import time
from threading import Semaphore

from _lab import SCALE, emit

TASKS = 10_000
THREADS = 500
SWITCHES = 5_000


def status(key):
    """A number from /proc/self/status (VmRSS in kB, Threads), or None where there is no such file."""
    try:
        with open("/proc/self/status") as lines:
            return next(int(line.split()[1]) for line in lines if line.startswith(key + ":"))
    except OSError:
        return None


def held(before_rss, count):
    rss = status("VmRSS")
    per_wait = None if rss is None else round((rss - before_rss) * 1024 / count)
    return {"count": count, "bytes_each": per_wait, "os_threads": status("Threads") or threading.active_count()}


# region: pending_tasks
async def pending_tasks():
    rss = status("VmRSS") or 0
    waits = [asyncio.create_task(asyncio.sleep(0.2 * SCALE))
             for _ in range(TASKS)]
    await asyncio.sleep(0)   # now every task is waiting
    report = held(rss, TASKS)
    await asyncio.gather(*waits)
    return report
# endregion


# region: pending_threads
def pending_threads():
    rss, release = status("VmRSS") or 0, threading.Event()
    threads = [threading.Thread(target=release.wait)
               for _ in range(THREADS)]
    for t in threads:
        t.start()            # it blocks in release.wait()
    report = held(rss, THREADS)
    release.set()
    for t in threads:
        t.join()
    return report
# endregion


# region: task_switch
async def task_switch():
    async def take_turns():
        for _ in range(SWITCHES):
            await asyncio.sleep(0)   # back to the loop
    start = time.perf_counter()
    await asyncio.gather(take_turns(), take_turns())
    return (time.perf_counter() - start) / (2 * SWITCHES)
# endregion


# region: thread_switch
def thread_switch():
    ping, pong = Semaphore(0), Semaphore(0)

    def other():
        for _ in range(SWITCHES):
            ping.acquire()
            pong.release()
    partner = threading.Thread(target=other)
    partner.start()
    start = time.perf_counter()
    for _ in range(SWITCHES):
        ping.release()       # wake the partner ...
        pong.acquire()       # ... sleep until it wakes us
    partner.join()
    return (time.perf_counter() - start) / (2 * SWITCHES)
# endregion


def waits():
    tasks = asyncio.run(pending_tasks())
    threads = pending_threads()
    asyncio.run(task_switch())        # warm-up: the first round pays for start-up
    switches = {"task_us": round(asyncio.run(task_switch()) * 1e6, 2), "thread_us": round(thread_switch() * 1e6, 2)}
    return {"tasks": tasks, "threads": threads, "switch": switches}


emit(**waits())
