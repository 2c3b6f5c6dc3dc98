"""Lesson 5: the article's "concurrent" version, run as written (await asyncio.run inside a coroutine).

Prints one JSON line with the exception it raises and the warnings Python emits.
"""
import asyncio
import gc
import json
import warnings

from _lab import SCALE


# region: visit_url
async def visit_url(url, response_time):
    await asyncio.sleep(response_time * SCALE)
    return f"visited {url}"
# endregion


# region: article_run_task
async def run_task():
    task = visit_url("http://wangzhen.com", 2)
    task_2 = visit_url("http://another", 3)
    await asyncio.run(task)        # the article's line
    await asyncio.run(task_2)
# endregion


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        asyncio.run(run_task())
        error = None
    except Exception as exc:          # noqa: BLE001 - we report whatever it raises
        error = {"type": type(exc).__name__, "message": str(exc)}
    gc.collect()                      # the never-awaited coroutines warn when collected

print(json.dumps({"error": error,
                  "warnings": sorted({f"{w.category.__name__}: {w.message}" for w in caught})}))
