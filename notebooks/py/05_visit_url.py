"""Lesson 5: visit_url run four ways (and the article's two asyncio.run calls).

Prints one JSON line: for each pattern its total time and, per call, when it started
and ended, all in the article's seconds (measured time divided by ASYNCLAB_TIME_SCALE).
"""
import asyncio
import json
import sys
import os
import time

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1"))
CLOCK = time.perf_counter
calls = []          # (pattern, url, start, end) in seconds since the pattern began
origin = 0.0


async def visit_url(pattern, url, response_time):
    start = CLOCK() - origin
    await asyncio.sleep(response_time * SCALE)
    calls.append({"pattern": pattern, "url": url, "start": round(start / SCALE, 3),
                  "end": round((CLOCK() - origin) / SCALE, 3)})
    return f"visited {url}"


async def inline(p):
    return [await visit_url(p, "a", 2), await visit_url(p, "b", 3)]


async def coroutines_then_await(p):
    c1, c2 = visit_url(p, "a", 2), visit_url(p, "b", 3)   # cold: nothing runs yet
    return [await c1, await c2]


async def create_task_then_await(p):
    t1 = asyncio.create_task(visit_url(p, "a", 2))       # scheduled now
    t2 = asyncio.create_task(visit_url(p, "b", 3))
    return [await t1, await t2]


async def gather(p):
    # Slow call first: the results still come back in argument order.
    return await asyncio.gather(visit_url(p, "b", 3), visit_url(p, "a", 2))


def timed(pattern, run):
    global origin
    origin = CLOCK()
    results = run(pattern)
    return {"total": round((CLOCK() - origin) / SCALE, 3), "results": results,
            "calls": [c for c in calls if c["pattern"] == pattern]}


def two_runs(p):
    # The article's first version: one asyncio.run per call.
    return [asyncio.run(visit_url(p, "a", 2)), asyncio.run(visit_url(p, "b", 3))]


patterns = {"two_runs": timed("two_runs", two_runs)}
for name, body in [("inline", inline), ("coroutines_then_await", coroutines_then_await),
                   ("create_task_then_await", create_task_then_await), ("gather", gather)]:
    patterns[name] = timed(name, lambda p, body=body: asyncio.run(body(p)))

print(json.dumps({"python": sys.version.split()[0], "scale": SCALE, "patterns": patterns}))
