"""Do CPython threads run CPU work in parallel? The same work one after another, in threads, in processes.

Usage: 02_cpu_parallel.py WORKERS CHUNK_SECONDS
Each of WORKERS chunks is pure-Python arithmetic (it holds the GIL) sized to take about CHUNK_SECONDS of CPU, so
handing a chunk to another process costs little next to the chunk itself. The measuring is shared with the other
lessons (py/_lab.py: pools warmed before any clock runs, each way twice, best time kept); the notebook runs this
script once per round, each bracketed by its own measurement of what the machine offers.
Prints one JSON line: {"speedups": {"threads": ..., "processes": ...}, "cores": {...}}: speed-ups over one after another,
and the cores each way kept busy at once.
"""
import sys

from _lab import cpu_speedups, emit

# region: threads_vs_processes
if __name__ == "__main__":              # process pools re-import this module: run only in the parent
    workers, chunk_seconds = int(sys.argv[1]), float(sys.argv[2])
    # The same chunks of cpu_kernel one after another, then through ThreadPoolExecutor(workers).map
    # and ProcessPoolExecutor(workers).map: time one after another / time spread out, for each way.
    emit(**cpu_speedups(workers, chunk_seconds))
# endregion
