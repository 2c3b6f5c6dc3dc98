"""Lesson 7: CPU work in CPython, in threads and in processes.

    07_cpu.py N     the same N chunks of pure-Python work one after another, in N threads and in N processes

Prints one JSON line, {"python": "3.11.2", "speedups": {"threads": 0.97, "processes": 1.86}, "cores": {...}}: the
speed-ups, which AsyncLab's Parallelism.MeasurePythonAsync holds to what the machine offered in the same round, and the
cores each way kept busy at once.
"""
import sys

from _lab import cpu_speedups, emit

if __name__ == "__main__":          # process pools re-import the main module on some platforms
    # region: cpu
    workers = int(sys.argv[1])
    # N chunks of pure-Python arithmetic: one after
    # another, then in a ThreadPoolExecutor(N) (one GIL:
    # one thread runs Python at a time), then in a
    # ProcessPoolExecutor(N) (a GIL per process)
    emit(**cpu_speedups(workers))
    # endregion
