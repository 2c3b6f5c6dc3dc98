"""Lesson 5: the article's "threads run on one CPU", measured on CPU work.

    05_cpu.py N     the same N chunks of pure-Python work one after another, in N threads and in N processes

Prints one JSON line, {"python": "3.11.2", "speedups": {"threads": 0.97, "processes": 1.86}, "cores": {...}}: the
speed-ups, which AsyncLab's Parallelism.MeasurePythonAsync holds to what the machine offered in the same round, and the
cores each way kept busy at once.
"""
import sys

from _lab import cpu_speedups, emit

if __name__ == "__main__":          # process pools re-import the main module on some platforms
    # region: threads_vs_processes
    workers = int(sys.argv[1])
    # the same chunks, one after another, then in `workers` threads (one GIL:
    # one thread runs Python at a time), then in `workers` processes (one each)
    emit(**cpu_speedups(workers))
    # endregion
