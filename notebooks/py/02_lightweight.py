"""How light are coroutines? N concurrent asyncio.sleep calls vs N sleeping OS threads.

Usage: 02_lightweight.py DELAY_SECONDS TASK_COUNTS THREAD_COUNT
  e.g. 02_lightweight.py 1 10000,100000 1000   (delay in article seconds, scaled by ASYNCLAB_TIME_SCALE)
For each case: total wall time, time to create everything, and resident memory grown while all are waiting
(Linux /proc/self/statm). Each case runs in a fresh interpreter, so memory freed by one case cannot hide the
cost of the next. Prints one JSON line.
"""
import asyncio
import json
import os
import subprocess
import sys
import threading
import time

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1.0"))
PAGE = os.sysconf("SC_PAGE_SIZE")


def resident_bytes():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE


async def many_sleeps(count, delay):
    before = resident_bytes()
    started = time.perf_counter()
    tasks = [asyncio.create_task(asyncio.sleep(delay)) for _ in range(count)]
    created = time.perf_counter() - started
    grown = resident_bytes() - before
    await asyncio.gather(*tasks)
    return {"kind": "asyncio tasks", "count": count, "total_s": time.perf_counter() - started,
            "create_s": created, "memory_bytes": grown}


def many_threads(count, delay):
    before = resident_bytes()
    started = time.perf_counter()
    threads = [threading.Thread(target=time.sleep, args=(delay,)) for _ in range(count)]
    for thread in threads:
        thread.start()
    created = time.perf_counter() - started
    grown = resident_bytes() - before
    for thread in threads:
        thread.join()
    return {"kind": "OS threads", "count": count, "total_s": time.perf_counter() - started,
            "create_s": created, "memory_bytes": grown}


def run_case(kind, count, delay):
    """Runs one case in a child interpreter and returns its row."""
    child = subprocess.run([sys.executable, __file__, "--case", kind, str(count), str(delay)],
                           check=True, capture_output=True, text=True)
    return json.loads(child.stdout)


if __name__ == "__main__":
    if sys.argv[1] == "--case":
        kind, count, delay = sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
        row = asyncio.run(many_sleeps(count, delay)) if kind == "tasks" else many_threads(count, delay)
        print(json.dumps(row))
    else:
        delay = float(sys.argv[1]) * SCALE
        rows = [run_case("tasks", int(count), delay) for count in sys.argv[2].split(",")]
        rows.append(run_case("threads", int(sys.argv[3]), delay))
        print(json.dumps({"rows": rows, "scale": SCALE}))
