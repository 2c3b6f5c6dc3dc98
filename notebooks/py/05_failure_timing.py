"""Lesson 5: when does a failure surface? gather vs TaskGroup (3.11+).

One call fails after 0.2 s, its sibling would finish after 1.0 s (article seconds).
Prints one JSON line: for each way, when the failing call raised, when the exception reached
the caller, what it was, and what had become of the sibling at that moment and when it ended.
"""
import asyncio
import sys
import time

from _lab import SCALE, emit



async def fail_after(seconds, state):
    await asyncio.sleep(seconds * SCALE)
    state["failed_at"] = round((time.perf_counter() - state["start"]) / SCALE, 3)
    raise ValueError(f"failed after {seconds} s")


async def finish_after(seconds, state):
    state["sibling"] = "running"
    try:
        await asyncio.sleep(seconds * SCALE)
        state["sibling"] = "finished"
    except asyncio.CancelledError:
        state["sibling"] = "cancelled"
        raise
    finally:
        state["sibling_ended_at"] = round((time.perf_counter() - state["start"]) / SCALE, 3)


# region: gather
async def with_gather(state):
    await asyncio.gather(fail_after(0.2, state),
                         finish_after(1.0, state))
# endregion


# region: task_group
async def with_task_group(state):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail_after(0.2, state))
        tg.create_task(finish_after(1.0, state))
# endregion


def measure(body):
    """Each way gets its own asyncio.run (Debian's 3.11.2 keeps stale cancel counts otherwise)."""
    state = {}
    result = {}

    async def main():
        start = state["start"] = time.perf_counter()
        try:
            await body(state)
        except BaseException as exc:   # noqa: BLE001 - ExceptionGroup is a BaseException subclass here
            result["raised_at"] = round((time.perf_counter() - start) / SCALE, 3)
            result["exception"] = type(exc).__name__
            result["sibling_when_raised"] = state["sibling"]
        await asyncio.sleep(1.2 * SCALE)   # let a surviving sibling show what it does afterwards
        result["sibling_later"] = state["sibling"]
        result["sibling_ended_at"] = state["sibling_ended_at"]
        result["failed_at"] = state["failed_at"]

    asyncio.run(main())
    return result


ways = {"gather": measure(with_gather)}
if sys.version_info >= (3, 11):
    ways["task_group"] = measure(with_task_group)
emit(ways=ways)
