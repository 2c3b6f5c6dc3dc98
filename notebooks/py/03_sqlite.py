"""Lesson 3, part 6: sqlite3 inside a coroutine blocks the loop; asyncio.to_thread frees it.

A heartbeat coroutine ticks every 0.1 article seconds (scaled by ASYNCLAB_TIME_SCALE) while a
slow query runs, first called directly, then through asyncio.to_thread. Prints one JSON line:
the query time and the heartbeat's longest gap in each case, in milliseconds.
"""
import asyncio
import json
import os
import sqlite3
import statistics
import time

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1.0"))
TICK_S = 0.1 * SCALE
SLOW_QUERY = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?) "
              "SELECT count(*) FROM c")


def run_query(rows):
    with sqlite3.connect(":memory:") as db:  # a connection per call: sqlite3 objects stay in their thread
        start = time.perf_counter()
        db.execute(SLOW_QUERY, (rows,)).fetchone()
        return (time.perf_counter() - start) * 1000


async def heartbeat(stop):
    gaps, last = [], time.perf_counter()
    while not stop.is_set():
        await asyncio.sleep(TICK_S)
        now = time.perf_counter()
        gaps.append((now - last) * 1000)
        last = now
    return max(gaps)


async def with_heartbeat(query):
    stop = asyncio.Event()
    beat = asyncio.create_task(heartbeat(stop))
    await asyncio.sleep(2 * TICK_S)  # let the heartbeat settle first
    query_ms = await query()
    stop.set()
    return {"query_ms": round(query_ms), "longest_gap_ms": round(await beat)}


async def main(rows):
    # region: blocking_vs_thread
    async def blocking():
        return run_query(rows)  # looks like async code, runs on the loop's thread

    async def in_thread():
        return await asyncio.to_thread(run_query, rows)
    # endregion

    return {"direct": await with_heartbeat(blocking), "to_thread": await with_heartbeat(in_thread),
            "tick_ms": round(TICK_S * 1000)}


if __name__ == "__main__":
    # Size the query to about 2 article seconds on this machine, like the C# side.
    # The median of three timings, so one burst of load from elsewhere does not skew the size.
    run_query(1000)  # warm-up
    rows = int(2 * 150_000 * 1000 * SCALE / max(5.0, statistics.median(run_query(150_000) for _ in range(3))))
    print(json.dumps({"sqlite": sqlite3.sqlite_version, "rows": rows, **asyncio.run(main(rows))}))
