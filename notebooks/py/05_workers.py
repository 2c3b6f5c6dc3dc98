"""Lesson 5: coroutines vs threads vs processes, measured.

    05_workers.py waits        what a pending wait holds (memory, OS threads) as an asyncio task and as a
                               thread, and what one switch between two tasks / two threads costs
    05_workers.py cpu N        N chunks of CPU work in N threads and in N processes

Prints one JSON line.

waits: 10,000 pending asyncio.sleep tasks and 500 threads blocked on an Event; for each, the growth of the
process's resident memory per wait (Linux's /proc/self/status VmRSS; null elsewhere) and the OS threads the
process held meanwhile. A switch is one hand-over of control: two tasks that await asyncio.sleep(0) in turn,
and two threads that release each other's semaphore in turn.

cpu: each run reports how many cores the workers kept busy at once (their CPU time divided by the wall time)
and how many cores other programs left free meanwhile (Linux's /proc/stat: how busy all cores were, minus our
own share). With the GIL, threads keep about one core busy; processes keep every free core busy. The script
repeats the runs (up to two rounds) until a round had a spare core for both, and reports that round, so the
notebook does not have to: "settled" says whether it found one.
"""
import asyncio
import json
import os
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from threading import Semaphore

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1"))
TASKS = 10_000
THREADS = 500
SWITCHES = 5_000
CHUNK_CPU_SECONDS = 0.1    # CPU time of one chunk: long enough that handing work to a worker is noise


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


def cpu_chunk(loops):
    """Pure-Python work; returns the CPU time it used in the process that ran it."""
    start = time.process_time()
    total = 0
    for i in range(loops):
        total += i * i % 7
    return time.process_time() - start


def loops_for(cpu_seconds):
    """Size a chunk by CPU time (process_time), so a busy machine does not make it shorter."""
    probe = 1_000_000
    used = max(cpu_chunk(probe), 1e-3)
    return int(probe * cpu_seconds / used)


def cpu_ticks():
    """(busy, total) jiffies over all cores from /proc/stat, or None where there is no such file."""
    try:
        with open("/proc/stat") as stat:
            fields = [int(x) for x in stat.readline().split()[1:9]]   # user nice system idle iowait irq softirq steal
    except OSError:
        return None
    return sum(fields) - fields[3] - fields[4], sum(fields)


def timed(run, own_cpu, chunks):
    """The cores our code kept busy during run(), and the cores (at most chunks) other programs left free.

    own_cpu(result, main_cpu) is the CPU time our code used: the main process's for the threads, plus
    the workers' own accounts for the processes.
    """
    before_ticks, before_cpu, start = cpu_ticks(), time.process_time(), time.perf_counter()
    result = run()
    wall = time.perf_counter() - start
    after_ticks = cpu_ticks()
    cores = own_cpu(result, time.process_time() - before_cpu) / wall
    free = None
    if before_ticks and after_ticks and after_ticks[1] > before_ticks[1]:
        busy = os.cpu_count() * (after_ticks[0] - before_ticks[0]) / (after_ticks[1] - before_ticks[1])
        free = min(chunks, max(0.0, os.cpu_count() - max(0.0, busy - cores)))
    return {"cores": round(cores, 2), "free": None if free is None else round(free, 2)}


# region: cpu_in_threads
def in_threads(pool_of_threads, work):
    # one chunk per thread; the GIL runs one at a time
    return list(pool_of_threads.map(cpu_chunk, work))
# endregion


# region: cpu_in_processes
def in_processes(pool_of_processes, work):
    # one chunk per process: one interpreter, one GIL each
    return list(pool_of_processes.map(cpu_chunk, work))
# endregion


def cpu(chunks):
    work = [loops_for(CHUNK_CPU_SECONDS)] * chunks
    # Both pools are created and warmed before anything is timed, so the runs measure the work, not start-up.
    with ThreadPoolExecutor(max_workers=chunks) as pool_of_threads, ProcessPoolExecutor(max_workers=chunks) as pool:
        list(pool_of_threads.map(cpu_chunk, [1000] * chunks))
        list(pool.map(cpu_chunk, [1000] * chunks))
        for attempt in range(1, 3):
            threads = timed(lambda: in_threads(pool_of_threads, work), lambda result, main: main, chunks)
            processes = timed(lambda: in_processes(pool, work), lambda result, main: main + sum(result), chunks)
            # The threads leave cores idle, which other programs soon take: what was free for the threads
            # is judged by the processes run right after them.
            threads["free"] = processes["free"]
            settled = processes["free"] is not None and processes["free"] >= 1.5
            if settled:
                break
    return {"chunks": chunks, "attempts": attempt, "settled": settled, "threads": threads, "processes": processes}


mode = sys.argv[1] if len(sys.argv) > 1 else "waits"
result = waits() if mode == "waits" else cpu(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
print(json.dumps({"python": sys.version.split()[0], "cpus": os.cpu_count(), **result}))
