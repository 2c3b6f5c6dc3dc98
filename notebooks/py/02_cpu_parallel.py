"""Do CPython threads run CPU work in parallel? Same work: one after another, in threads, in processes.

Usage: 02_cpu_parallel.py WORKERS ITERATIONS
Each worker counts primes-ish work for ITERATIONS steps (pure Python, holds the GIL).
Each way runs three times and keeps its best time, which filters out moments when a busy machine took the CPU away.
Prints one JSON line: seconds for each way and the speed-ups over sequential.
"""
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def cpu_kernel(iterations):
    acc = 0
    for i in range(iterations):
        acc = (acc * 31 + i) % 1_000_003
    return acc


def timed(run, repeats=3):
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def main():
    workers, iterations = int(sys.argv[1]), int(sys.argv[2])
    jobs = [iterations] * workers
    sequential = timed(lambda: [cpu_kernel(n) for n in jobs])
    with ThreadPoolExecutor(workers) as pool:
        threads = timed(lambda: list(pool.map(cpu_kernel, jobs)))
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(cpu_kernel, [1] * workers))  # start the worker processes before the clock runs
        processes = timed(lambda: list(pool.map(cpu_kernel, jobs)))
    print(json.dumps({
        "workers": workers,
        "sequential_s": sequential,
        "threads_s": threads,
        "processes_s": processes,
        "threads_speedup": sequential / threads,
        "processes_speedup": sequential / processes,
    }))


if __name__ == "__main__":
    main()
