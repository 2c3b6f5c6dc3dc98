"""Lesson 5: coroutines vs threads vs processes, measured.

    05_workers.py waits        1,000 waits of 0.2 s as asyncio tasks and as threads
    05_workers.py cpu N        N chunks of CPU work in a plain loop, in N threads and in N processes

Prints one JSON line. The waits are in the article's seconds (wall time divided by
ASYNCLAB_TIME_SCALE). Each CPU run reports ratios, which do not depend on the scale:
  speedup    the plain loop's time divided by this run's wall time; the plain loop's time is its CPU
             time, which a moment of waiting for a busy core does not stretch;
  cores      the CPU time our workers used divided by the wall time: how many cores they kept busy
             at once. Unlike the speed-up it does not change when a shared virtual machine runs all
             cores slower for a moment (the work then costs more CPU time as well as more wall time);
  available  what the machine offered during this very run: Linux's /proc/stat says how busy all
             cores were meanwhile; minus our own CPU time, that is what other programs took, and the
             cores they left free (at most N) are the most N workers could use. Null without /proc/stat.
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
CHUNK_CPU_SECONDS = 0.22   # CPU time of one chunk (at least 0.2 s): long enough that handing work to a worker is noise
RUNS = 2                   # the threads and the processes each run twice, interleaved


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


def waits():
    start = time.perf_counter()
    asyncio.run(wait_as_tasks())
    tasks_s = seconds(start)
    start = time.perf_counter()
    wait_as_threads()
    return {"count": WAITS, "tasks_s": tasks_s, "threads_s": seconds(start)}


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


def timed(run, own_cpu):
    """Wall time of run(), the cores our code kept busy, and the cores other programs left free meanwhile.

    own_cpu(result) is the CPU time our code used for it: the main process's for the plain loop and the
    threads, the workers' own accounts for the processes.
    """
    before_ticks, before_cpu = cpu_ticks(), time.process_time()
    start = time.perf_counter()
    result = run()
    wall = time.perf_counter() - start
    after_ticks = cpu_ticks()
    ours = own_cpu(result, time.process_time() - before_cpu) / wall
    if before_ticks is None or after_ticks is None or after_ticks[1] == before_ticks[1]:
        return wall, ours, None
    cores = os.cpu_count()
    busy_cores = cores * (after_ticks[0] - before_ticks[0]) / (after_ticks[1] - before_ticks[1])
    return wall, ours, max(0.0, cores - max(0.0, busy_cores - ours))


def cpu(chunks):
    work = [loops_for(CHUNK_CPU_SECONDS)] * chunks
    main_process = lambda result, main_cpu: main_cpu                   # noqa: E731
    workers = lambda result, main_cpu: main_cpu + sum(result)          # noqa: E731
    # Both pools are created and warmed before anything is timed: every worker process is started and
    # has run code once, so the timed runs measure the work, not start-up.
    with ThreadPoolExecutor(max_workers=chunks) as threads, ProcessPoolExecutor(max_workers=chunks) as processes:
        list(threads.map(cpu_chunk, [1000] * chunks))
        list(processes.map(cpu_chunk, [1000] * chunks))
        wall, ours, _ = timed(lambda: [cpu_chunk(n) for n in work], main_process)
        sequential_s = wall * ours   # the plain loop's CPU time
        runs = {"threads": [], "processes": []}
        for _ in range(RUNS):
            runs["threads"].append(timed(lambda: list(threads.map(cpu_chunk, work)), main_process))
            runs["processes"].append(timed(lambda: list(processes.map(cpu_chunk, work)), workers))

    def speedups(kind):
        return [{"speedup": round(sequential_s / wall, 2), "cores": round(ours, 2),
                 "available": None if free is None else round(min(free, chunks), 2)} for wall, ours, free in runs[kind]]

    return {"chunks": chunks, "chunk_cpu_s": round(CHUNK_CPU_SECONDS, 2), "sequential_s": round(sequential_s, 3),
            "threads": speedups("threads"), "processes": speedups("processes")}


mode = sys.argv[1] if len(sys.argv) > 1 else "waits"
result = waits() if mode == "waits" else cpu(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
print(json.dumps({"python": sys.version.split()[0], "cpus": os.cpu_count(), **result}))
