"""Lesson 5: visit_url run four ways (and the article's two asyncio.run calls).

Prints one JSON line: for each pattern its total time, its results and, per call, its url, its
response time, when it started and ended, all in the article's seconds (measured time divided by ASYNCLAB_TIME_SCALE).
The article's two asyncio.run calls come first; then the four patterns run side by side in
one loop (they only wait, so they do not disturb each other), each timed from its own start.
"""
import asyncio
import time

from _lab import SCALE, emit

CLOCK = time.perf_counter
calls = []          # (pattern, url, start, end) in seconds since the pattern began
origins = {}        # pattern -> the moment it began


async def visit_url(pattern, url, response_time):
    origin = origins[pattern]
    start = CLOCK() - origin
    await asyncio.sleep(response_time * SCALE)
    calls.append({"pattern": pattern, "url": url, "seconds": response_time, "start": round(start / SCALE, 3),
                  "end": round((CLOCK() - origin) / SCALE, 3)})
    return f"visited {url}"


A, B = "http://wangzhen.com", "http://another.com"


# region: inline
async def inline(p):
    r1 = await visit_url(p, A, 2)
    r2 = await visit_url(p, B, 3)
    return [r1, r2]
# endregion


# region: coroutines_then_await
async def coroutines_then_await(p):
    c1 = visit_url(p, A, 2)     # cold: nothing runs yet
    c2 = visit_url(p, B, 3)
    return [await c1, await c2]
# endregion


# region: create_task_then_await
async def create_task_then_await(p):
    t1 = asyncio.create_task(visit_url(p, A, 2))
    t2 = asyncio.create_task(visit_url(p, B, 3))
    return [await t1, await t2]
# endregion


# region: gather
async def gather(p):
    # slow call first: results still in argument order
    return await asyncio.gather(visit_url(p, B, 3),
                                visit_url(p, A, 2))
# endregion


def report(pattern, results):
    return {"total": round((CLOCK() - origins[pattern]) / SCALE, 3), "results": results,
            "calls": [c for c in calls if c["pattern"] == pattern]}


def timed(pattern, run):
    origins[pattern] = CLOCK()
    return report(pattern, run(pattern))


async def timed_async(pattern, body):
    origins[pattern] = CLOCK()
    return report(pattern, await body(pattern))


async def side_by_side(bodies):
    reports = await asyncio.gather(*(timed_async(name, body) for name, body in bodies))
    return dict(zip([name for name, _ in bodies], reports))


# region: two_runs
def two_runs(p):
    # the article's first version: one asyncio.run per call
    r1 = asyncio.run(visit_url(p, A, 2))
    r2 = asyncio.run(visit_url(p, B, 3))
    return [r1, r2]
# endregion


patterns = {"two_runs": timed("two_runs", two_runs)}
patterns.update(asyncio.run(side_by_side([
    ("inline", inline), ("coroutines_then_await", coroutines_then_await),
    ("create_task_then_await", create_task_then_await), ("gather", gather)])))

emit(scale=SCALE, patterns=patterns)
