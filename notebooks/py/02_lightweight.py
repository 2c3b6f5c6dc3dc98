"""How light are coroutines? N concurrent asyncio.sleep tasks vs N sleeping OS threads.

Usage: 02_lightweight.py DELAY_SECONDS TASK_COUNTS THREAD_COUNT
  e.g. 02_lightweight.py 1 10000 1000   (delay in article seconds, scaled by ASYNCLAB_TIME_SCALE)
For each case: total wall time, time to start everything, and memory grown once every wait is pending, measured
as the C# side does: tasks by the interpreter's own heap (tracemalloc, like .NET's GC.GetTotalMemory), threads by
resident memory (Linux /proc/self/statm: a thread's stack lives outside any heap). "Pending" means each task has
run up to its sleep, so its future and its timer exist, as after C#'s Task.Delay. tracemalloc slows allocation, so
the task memory comes from a second, untimed pass that cancels its sleeps once measured. Each case runs in a fresh
interpreter, so memory freed by one case cannot hide the cost of the next. Prints one JSON line; wall-clock seconds.
"""
import asyncio
import json
import os
import subprocess
import sys
import threading
import time
import tracemalloc

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1.0"))
PAGE = os.sysconf("SC_PAGE_SIZE")


def resident_bytes():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE


# region: many_sleeps
async def many_sleeps(count, delay):
    started = time.perf_counter()
    tasks = [asyncio.create_task(asyncio.sleep(delay)) for _ in range(count)]
    await asyncio.sleep(0)          # every task runs up to its sleep: now its timer exists, as after Task.Delay
    created = time.perf_counter() - started
    await asyncio.gather(*tasks)
    return row("tasks", count, started, created, await heap_per_pending_sleeps(count, delay))
# endregion


async def heap_per_pending_sleeps(count, delay):
    """Heap bytes held by `count` pending sleep tasks (an untimed pass: tracemalloc slows allocation)."""
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    tasks = [asyncio.create_task(asyncio.sleep(delay)) for _ in range(count)]
    await asyncio.sleep(0)
    grown = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return grown


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
    return row("threads", count, started, created, grown)


def row(kind, count, started, created, grown):
    return {"kind": kind, "count": count, "total_seconds": time.perf_counter() - started,
            "start_seconds": created, "memory_bytes": grown}


def run_case(kind, count, delay):
    """Runs one case in a child interpreter and returns its row."""
    child = subprocess.run([sys.executable, __file__, "--case", kind, str(count), str(delay)],
                           check=True, capture_output=True, text=True)
    return json.loads(child.stdout)


if __name__ == "__main__":
    if sys.argv[1] == "--case":
        kind, count, delay = sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
        result = asyncio.run(many_sleeps(count, delay)) if kind == "tasks" else many_threads(count, delay)
        print(json.dumps(result))
    else:
        delay = float(sys.argv[1]) * SCALE
        rows = [run_case("tasks", int(count), delay) for count in sys.argv[2].split(",")]
        rows.append(run_case("threads", int(sys.argv[3]), delay))
        print(json.dumps({"rows": rows}))
