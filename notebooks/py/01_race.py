"""The epigraph's race: four threads add to one shared counter without a lock, in two spellings.

`counter += 1` is LOAD_GLOBAL, LOAD_CONST, BINARY_OP, STORE_GLOBAL: in CPython 3.11 no thread switch can
happen between the load and the store, so this spelling loses nothing there.
`counter += one()` loads the counter, then calls a function; the start of a Python call is a point where
the interpreter hands the GIL to a waiting thread (asked for every sys.getswitchinterval() seconds), so a
switch can land between the load and the store, and the later store erases what the others added.

Each thread runs for a fixed time and counts its own laps in a local variable; their sum is the true total.
Prints one JSON line.
"""
import json
import sys
import threading
import time

WORKERS = 4
SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 0.2

counter = 0
stop = False


def one():
    return 1


def add_one(laps, index):
    global counter
    n = 0
    while not stop:
        counter += 1          # no switch point between the load and the store (3.11)
        n += 1
    laps[index] = n


# region: add_call
def add_call(laps, index):
    global counter
    n = 0
    while not stop:
        counter += one()  # load, call (a switch point), store
        n += 1
    laps[index] = n
# endregion


def race(work):
    global counter, stop
    counter, stop = 0, False
    laps = [0] * WORKERS
    threads = [threading.Thread(target=work, args=(laps, i)) for i in range(WORKERS)]
    for t in threads:
        t.start()
    time.sleep(SECONDS)
    stop = True
    for t in threads:
        t.join()
    return {"laps": sum(laps), "counted": counter}


print(json.dumps({
    "python": sys.version.split()[0],
    "switch_interval_ms": sys.getswitchinterval() * 1000,
    "workers": WORKERS,
    "seconds": SECONDS,
    "plus_one": race(add_one),
    "plus_call": race(add_call),
}))
