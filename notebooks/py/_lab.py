"""Helpers the lessons' companion scripts share, so that each script shows only what its lesson is about.

    from _lab import SCALE, article_seconds, cpu_speedups, emit, free_cores

SCALE               ASYNCLAB_TIME_SCALE (1 in VS Code, 0.2 in CI): multiply the article's delays by it
article_seconds(t0) seconds since perf_counter() was t0, divided by SCALE: what the article would have measured
free_cores()        cores other programs left free over a short window (Linux /proc/stat), or None elsewhere
cpu_speedups(n)     the same pure-Python CPU work one after another, in n threads and in n processes:
                    {"speedups": {"threads": 0.97, "processes": 1.86}, "cores": {"threads": 1.0, "processes": 1.98}}
                    (best of two runs each, interleaved, pools warmed first; cores: kept busy at once)
emit(**result)      prints the result as the one JSON line AsyncLab reads (Python.RunAsync<T>), with the Python version

A script that uses cpu_speedups must guard its entry point with `if __name__ == "__main__":` (process pools
re-import the main module on some platforms).
"""
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1"))


def article_seconds(start):
    """Seconds since time.perf_counter() was `start`, in the article's scale."""
    return (time.perf_counter() - start) / SCALE


def _cpu_ticks():
    """(busy, total) jiffies over all cores from /proc/stat, or None where there is no such file."""
    try:
        with open("/proc/stat") as stat:
            fields = [int(x) for x in stat.readline().split()[1:9]]  # user nice system idle iowait irq softirq steal
    except OSError:
        return None
    return sum(fields) - fields[3] - fields[4], sum(fields)


def free_cores(window=0.25):
    """Cores other programs left free while this process slept for `window` seconds; None without /proc/stat."""
    before = _cpu_ticks()
    time.sleep(window)
    after = _cpu_ticks()
    if before is None or after is None or after[1] == before[1]:
        return None
    cores = os.cpu_count() or 1
    busy = cores * (after[0] - before[0]) / (after[1] - before[1])
    return round(max(0.0, cores - busy), 2)


def cpu_kernel(iterations):
    """Pure-Python work that holds the GIL the whole time."""
    acc = 0
    for i in range(iterations):
        acc = (acc * 31 + i) % 1_000_003
    return acc


def _iterations_for(seconds):
    """Kernel steps that take about `seconds` of CPU here (best of three short probes)."""
    probe = 200_000
    fastest = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        cpu_kernel(probe)
        fastest = min(fastest, time.perf_counter() - started)
    return max(probe, int(probe * seconds / fastest))


def _cpu_seconds(iterations):
    """Runs cpu_kernel and returns the CPU time this thread spent on it (in a process pool: that worker's)."""
    started = time.thread_time()
    cpu_kernel(iterations)
    return time.thread_time() - started


def _timed(run, walls, busy):
    """Runs `run` (which returns each chunk's CPU seconds); records its wall time and the cores it kept busy at once."""
    started = time.perf_counter()
    cpu = sum(run())
    wall = time.perf_counter() - started
    walls.append(wall)
    busy.append(cpu / wall)


def cpu_speedups(workers, chunk_seconds=0.05):
    """Speed-ups of `workers` chunks of CPU work in threads and in processes over one after another, and the cores each
    way kept busy at once (the chunks' CPU time over the wall time), as {"speedups": {...}, "cores": {...}}.

    Each chunk takes about `chunk_seconds` of CPU, so handing it to another process costs little next to it.
    Both pools are started and warmed before any clock runs; every way runs twice, interleaved, and keeps its
    best time, so a moment of someone else's load spoils one run, not the result. Busy cores tell a way that did not
    run in parallel (one core busy) from one that ran on slowed cores (all busy, little done).
    """
    with ProcessPoolExecutor(workers) as processes, ThreadPoolExecutor(workers) as threads:
        list(processes.map(cpu_kernel, [1] * workers))
        list(threads.map(cpu_kernel, [1] * workers))
        jobs = [_iterations_for(chunk_seconds)] * workers
        walls = {"sequential": [], "threads": [], "processes": []}
        busy = {"sequential": [], "threads": [], "processes": []}
        for _ in range(2):
            _timed(lambda: [_cpu_seconds(n) for n in jobs], walls["sequential"], busy["sequential"])
            _timed(lambda: list(processes.map(_cpu_seconds, jobs)), walls["processes"], busy["processes"])
            _timed(lambda: list(threads.map(_cpu_seconds, jobs)), walls["threads"], busy["threads"])
    sequential = min(walls["sequential"])
    best = {way: walls[way].index(min(walls[way])) for way in ("threads", "processes")}
    return {"speedups": {way: round(sequential / walls[way][best[way]], 3) for way in best},
            "cores": {way: round(busy[way][best[way]], 3) for way in best}}


def emit(**result):
    """Prints `result` as one JSON line (AsyncLab reads the last such line), with the Python version."""
    print(json.dumps({"python": sys.version.split()[0], **result}), flush=True)
