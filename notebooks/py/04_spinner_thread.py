"""Lesson 4: the article's thread spinner (a Signal object with a plain `go` attribute).

Frames are counted, not drawn (a notebook cannot honour backspaces). Prints one JSON line.
"""
import itertools
import json
import os
import sys
import threading
import time

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1"))


class Signal:
    go = True


def spin(signal, frames):
    for char in itertools.cycle("|/-\\"):
        frames.append({"frame": char, "at": time.perf_counter(), "thread": threading.get_ident()})
        time.sleep(0.1 * SCALE)
        if not signal.go:
            break


def slow_function():
    time.sleep(3 * SCALE)          # blocks this thread but releases the GIL, so the spinner runs
    return 42


def supervisor(frames):
    signal = Signal()
    spinner = threading.Thread(target=spin, args=(signal, frames))
    created = repr(spinner)
    spinner.start()
    result = slow_function()
    stopped = time.perf_counter()
    signal.go = False
    spinner.join()
    return created, result, time.perf_counter() - stopped


frames = []
start = time.perf_counter()
created, answer, stop_latency = supervisor(frames)
print(json.dumps({
    "python": sys.version.split()[0], "spinner_repr": created, "answer": answer,
    "frames": len(frames), "frame_threads": len({f["thread"] for f in frames}),
    "longest_gap_s": round(max((b["at"] - a["at"] for a, b in zip(frames, frames[1:])), default=0) / SCALE, 3),
    "main_thread_spun": any(f["thread"] == threading.get_ident() for f in frames),
    "total_s": round((time.perf_counter() - start) / SCALE, 3),
    "stop_latency_s": round(stop_latency / SCALE, 3),
}))
