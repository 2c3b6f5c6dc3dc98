"""Lesson 7: CPU work in CPython, in threads and in processes.

    07_cpu.py N     the same N chunks of pure-Python work one after another, in N threads and in N processes

Prints one JSON line, {"python": "3.11.2", "speedups": {"threads": 0.97, "processes": 1.86}}, which AsyncLab's
Parallelism.MeasurePythonAsync holds to what the machine offered in the same round.
"""
import sys

from _lab import cpu_speedups, emit

# Chunks of 0.2 s of CPU (not the shared 0.1 s): with 0.1 s chunks, processes sometimes measured only 1.1-1.2x inside
# the notebook runner while the machine offered 1.6-1.8x, so the claim "processes do" failed though it holds.
if __name__ == "__main__":          # process pools re-import the main module on some platforms
    # region: cpu
    workers = int(sys.argv[1])
    # N chunks of pure-Python arithmetic: one after
    # another, then in a ThreadPoolExecutor(N) (one GIL:
    # one thread runs Python at a time), then in a
    # ProcessPoolExecutor(N) (a GIL per process)
    emit(speedups=cpu_speedups(workers, chunk_seconds=0.2))
    # endregion
