"""Helpers the lessons' companion scripts share, so that each script shows only what its lesson is about.

    from _lab import SCALE, article_seconds, cpu_speedups, emit, free_cores

SCALE               ASYNCLAB_TIME_SCALE (1 in VS Code, 0.2 in CI): multiply the article's delays by it
article_seconds(t0) seconds since perf_counter() was t0, divided by SCALE: what the article would have measured
free_cores()        cores other programs left free over a short window (Linux /proc/stat), or None elsewhere
cpu_speedups(n)     the same pure-Python CPU work one after another, in n threads and in n processes:
                    {"threads": 0.97, "processes": 1.86} (best of two runs each, interleaved, pools warmed first)
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


def _best_time(run, times):
    started = time.perf_counter()
    run()
    times.append(time.perf_counter() - started)


def cpu_speedups(workers, chunk_seconds=0.1):
    """Speed-ups of `workers` chunks of CPU work in threads and in processes over one after another.

    Each chunk takes about `chunk_seconds` of CPU, so handing it to another process costs little next to it.
    Both pools are started and warmed before any clock runs; every way runs twice, interleaved, and keeps its
    best time, so a moment of someone else's load spoils one run, not the result.
    """
    with ProcessPoolExecutor(workers) as processes, ThreadPoolExecutor(workers) as threads:
        list(processes.map(cpu_kernel, [1] * workers))
        list(threads.map(cpu_kernel, [1] * workers))
        jobs = [_iterations_for(chunk_seconds)] * workers
        times = {"sequential": [], "threads": [], "processes": []}
        for _ in range(2):
            _best_time(lambda: [cpu_kernel(n) for n in jobs], times["sequential"])
            _best_time(lambda: list(processes.map(cpu_kernel, jobs)), times["processes"])
            _best_time(lambda: list(threads.map(cpu_kernel, jobs)), times["threads"])
    sequential = min(times["sequential"])
    return {way: round(sequential / min(times[way]), 3) for way in ("threads", "processes")}


def emit(**result):
    """Prints `result` as one JSON line (AsyncLab reads the last such line), with the Python version."""
    print(json.dumps({"python": sys.version.split()[0], **result}), flush=True)
