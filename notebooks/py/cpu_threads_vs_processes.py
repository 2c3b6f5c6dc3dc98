"""The same CPU work one after another, in threads and in processes: does CPython run it in parallel?

    cpu_threads_vs_processes.py N     N chunks of pure-Python work, about 0.05 s of CPU each

Lessons 2, 5 and 7 run it once per round of AsyncLab's Parallelism.MeasurePythonAsync, which holds each speed-up to
what the machine offered in the same round. Prints one JSON line,
{"python": "3.11.2", "speedups": {"threads": 0.97, "processes": 1.86}, "cores": {"threads": 1.0, "processes": 1.95}}:
the speed-ups over one after another, and the cores each way kept busy at once (py/_lab.py measures both).
"""
import sys

from _lab import cpu_speedups, emit

if __name__ == "__main__":          # process pools re-import the main module on some platforms
    # region: threads_vs_processes
    workers = int(sys.argv[1])
    # N chunks of pure-Python arithmetic: one after
    # another, then in a ThreadPoolExecutor(N) (one GIL:
    # one thread runs Python at a time), then in a
    # ProcessPoolExecutor(N) (a GIL per process)
    emit(**cpu_speedups(workers))
    # endregion
