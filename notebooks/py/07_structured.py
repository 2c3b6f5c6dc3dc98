"""Lesson 7: structured concurrency and time in asyncio (trio where it is installed).

One call fails after 0.2 s while its sibling needs 1.0 s (article seconds): under a TaskGroup, and under
asyncio.timeout(0.3) around a group whose children need 1.0 s. Then a 5-minute timeout tested on a virtual clock.
Prints one JSON line: for each run, when the caller heard (raised_at), what it heard, and when and how each child
ended; the virtual-clock run's virtual and real seconds.
"""
import asyncio
import sys
import time

from _lab import SCALE, emit


class Run:
    """Times of one run, in article seconds from its start."""

    def __init__(self):
        self.start = time.perf_counter()
        self.children = {}

    def now(self):
        return round((time.perf_counter() - self.start) / SCALE, 3)

    async def child(self, name, seconds, fails=False):
        try:
            await asyncio.sleep(seconds * SCALE)
            if fails:
                raise ValueError(f"{name} failed after {seconds} s")
            self.children[name] = {"ended_at": self.now(), "how": "finished"}
        except asyncio.CancelledError:
            self.children[name] = {"ended_at": self.now(), "how": "cancelled"}
            raise
        except ValueError:
            self.children[name] = {"ended_at": self.now(), "how": "failed"}
            raise


# region: task_group
async def task_group(run):
    # a trio nursery, in asyncio
    async with asyncio.TaskGroup() as group:
        group.create_task(run.child("fails", 0.2, fails=True))
        group.create_task(run.child("sibling", 1.0))
# endregion


# region: timeout
async def timeout(run):
    # a cancel scope: C#'s CancelAfter
    async with asyncio.timeout(0.3 * SCALE):
        async with asyncio.TaskGroup() as group:
            group.create_task(run.child("first", 1.0))
            group.create_task(run.child("second", 1.0))
# endregion


def measure(body):
    """Each run gets its own asyncio.run (Debian's 3.11.2 keeps stale cancel counts otherwise)."""
    run = Run()
    result = {}

    async def main():
        try:
            await body(run)
            result["heard"] = "nothing"
        except BaseException as exc:   # noqa: BLE001 - ExceptionGroup is a BaseException subclass here
            result["heard"] = type(exc).__name__
        result["raised_at"] = run.now()

    asyncio.run(main())
    return {**result, "children": run.children}


# region: virtual_clock
class VirtualClockLoop(asyncio.SelectorEventLoop):
    """asyncio on a clock that jumps to the next timer
    whenever nothing is ready (trio's MockClock idea)."""

    def __init__(self):
        super().__init__()
        self.virtual_now = 0.0
        poll = self._selector.select

        def select(timeout=None):
            events = poll(0)   # look, never sleep
            if not events and timeout:
                # nothing to do until the next timer: jump
                self.virtual_now += timeout
            return events
        self._selector.select = select

    def time(self):
        return self.virtual_now
# endregion


# region: trio_mock_clock
async def fetch_with_timeout(answer_after, limit):
    import trio
    with trio.move_on_after(limit):   # CancelAfter
        await trio.sleep(answer_after)
        return "answer"
    return "timed out"

# trio.run(fetch_with_timeout, 3600, 300,
#          clock=trio.testing.MockClock(autojump_threshold=0))
# endregion


async def fetch_with_timeout_asyncio(answer_after, limit):
    try:
        async with asyncio.timeout(limit):
            await asyncio.sleep(answer_after)
            return "answer"
    except TimeoutError:
        return "timed out"


def virtual_clock():
    loop = VirtualClockLoop()
    started = time.perf_counter()
    try:
        result = loop.run_until_complete(fetch_with_timeout_asyncio(3600, 300))
        virtual = loop.time()
    finally:
        loop.close()
    out = {"result": result, "virtual_seconds": virtual, "real_seconds": time.perf_counter() - started}
    try:
        import trio
        import trio.testing
        started = time.perf_counter()
        clock = trio.testing.MockClock(autojump_threshold=0)
        out["trio"] = {"result": trio.run(fetch_with_timeout, 3600, 300, clock=clock),
                       "virtual_seconds": clock.current_time(), "real_seconds": time.perf_counter() - started}
    except ImportError:
        out["trio"] = None
    return out


if __name__ == "__main__":
    runs = {"task_group": measure(task_group), "timeout": measure(timeout)} if sys.version_info >= (3, 11) else {}
    emit(runs=runs, virtual=virtual_clock())
