"""Lesson 4: the article's thread spinner (a Signal object with a plain `go` attribute).

Frames are recorded, not drawn (a notebook cannot honour backspaces). Prints one JSON line.
"""
import itertools
import json
import os
import sys
import threading
import time

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1"))
frames, shown = [], {}


def frame(char, msg):
    """Stands in for the article's `write(char + ' ' + msg); flush(); write('\\x08' * len(...))`."""
    frames.append({"at": time.perf_counter(), "thread": threading.get_ident()})


def show(label, value):
    shown[label] = repr(value)


# region: thread_spinner
class Signal:
    go = True


def spin(msg, signal):
    for char in itertools.cycle("|/-\\"):
        frame(char, msg)
        time.sleep(0.1 * SCALE)
        if not signal.go:
            break


def slow_function():
    time.sleep(3 * SCALE)        # blocks this thread, releases the GIL: the spinner runs
    return 42


def supervisor():
    signal = Signal()
    spinner = threading.Thread(target=spin, args=("thinking!", signal))
    show("spinner object", spinner)
    spinner.start()
    result = slow_function()
    signal.go = False
    spinner.join()
    return result
# endregion


answer = supervisor()
print(json.dumps({
    "python": sys.version.split()[0], "spinner_repr": shown["spinner object"], "answer": answer,
    "frames": len(frames), "frame_threads": len({f["thread"] for f in frames}),
    "main_thread_spun": any(f["thread"] == threading.get_ident() for f in frames),
}))
