"""Tier 0 (the epigraph): four threads increment one shared counter without a lock.

Prints one JSON line: how many increments were expected and how many survived.
Report-only: since CPython 3.10 the GIL switches threads less often inside `counter += 1`,
so lost updates are rare; a result of zero lost is not a proof of safety.
"""
import json
import sys
import threading

WORKERS = 4
PER_WORKER = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000

counter = 0


def work():
    global counter
    for _ in range(PER_WORKER):
        counter += 1  # read, add, write: three steps another thread can split


threads = [threading.Thread(target=work) for _ in range(WORKERS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

expected = WORKERS * PER_WORKER
print(json.dumps({"expected": expected, "got": counter, "lost": expected - counter,
                  "python": sys.version.split()[0]}))
