"""Do CPython threads run CPU work in parallel? Same work: one after another, in threads, in processes.

Usage: 02_cpu_parallel.py WORKERS CHUNK_SECONDS
Each of WORKERS chunks runs a pure-Python kernel (it holds the GIL) sized to take about CHUNK_SECONDS of CPU on
this machine, so that handing a chunk to another process costs little next to the chunk itself.
The process pool is started and warmed up before any clock runs. Each way runs twice, interleaved, and keeps its
best time: a moment when a busy machine took a core away then spoils one run, not the result.
The notebook runs the script once per round, each bracketed by its own measurement of what the machine offers.
Prints one JSON line: seconds for each way and, under "speedups", the speed-ups over sequential (the shape
AsyncLab's Parallelism.MeasurePythonAsync reads and judges round by round).
"""
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


# region: kernel
def cpu_kernel(iterations):
    acc = 0
    for i in range(iterations):
        acc = (acc * 31 + i) % 1_000_003
    return acc
# endregion


def iterations_for(seconds):
    """How many kernel steps take about `seconds` of CPU here (best of three short probes)."""
    probe = 500_000
    fastest = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        cpu_kernel(probe)
        fastest = min(fastest, time.perf_counter() - started)
    return max(probe, int(probe * seconds / fastest))


def timed(run):
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def main():
    workers, chunk_seconds = int(sys.argv[1]), float(sys.argv[2])
    with ProcessPoolExecutor(workers) as processes, ThreadPoolExecutor(workers) as threads:
        list(processes.map(cpu_kernel, [1] * workers))  # start the worker processes before any clock runs
        list(threads.map(cpu_kernel, [1] * workers))
        jobs = [iterations_for(chunk_seconds)] * workers

        # region: three_ways
        def one_by_one():
            return [cpu_kernel(n) for n in jobs]

        def spread_over(pool):
            return lambda: list(pool.map(cpu_kernel, jobs))   # the same chunks, spread over threads or processes
        # endregion

        runs = {"sequential": [], "threads": [], "processes": []}
        for _ in range(2):
            for way, run in [("sequential", one_by_one), ("processes", spread_over(processes)), ("threads", spread_over(threads))]:
                runs[way].append(timed(run))
        sequential, in_threads, in_processes = (min(runs[way]) for way in ("sequential", "threads", "processes"))
    print(json.dumps({
        "workers": workers,
        "iterations": jobs[0],
        "sequential_s": sequential,
        "threads_s": in_threads,
        "processes_s": in_processes,
        "speedups": {"threads": sequential / in_threads, "processes": sequential / in_processes},
    }))


if __name__ == "__main__":
    main()
