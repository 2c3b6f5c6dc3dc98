"""Lesson 3, parts 3 and 4: a coroutine needs an event loop; which selector the loop uses.

Prints one JSON line: what calling a coroutine function does, what each way of running
it leaves behind, and the selector classes on this platform.
"""
import asyncio
import gc
import json
import selectors
import sys
import warnings

log = []


# region: func
async def func():
    log.append("body ran")
# endregion


async def leftover():
    try:
        await asyncio.sleep(1)
        log.append("leftover finished")
    finally:
        log.append("leftover finally ran")


async def main_leaving_work():
    asyncio.get_running_loop().create_task(leftover())
    await asyncio.sleep(0)  # the leftover starts, then main returns without awaiting it


def cold_coroutine():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # region: calling_func
        result = func()
        # endregion
        ran = bool(log)
        del result
        gc.collect()
    return {"calling_ran_body": ran, "warning": next((str(w.message) for w in caught), None)}


def way1_run_until_complete():
    log.clear()
    loop = asyncio.new_event_loop()
    # region: way1
    loop.run_until_complete(main_leaving_work())
    # endregion
    pending = len(asyncio.all_tasks(loop))
    reports = []
    loop.set_exception_handler(lambda _, context: reports.append(context["message"]))
    loop.close()  # a pending task is not cancelled: it is dropped, and complained about when collected
    gc.collect()
    return {"pending_after": pending, "report": reports[0] if reports else None}


def way2_asyncio_run():
    log.clear()
    # region: way2
    asyncio.run(main_leaving_work())  # cancels what is left, so finally blocks run
    # endregion
    return {"log": list(log)}


def get_event_loop_outside():
    """The article's way 1 at module level; must run before anything sets or clears a loop."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            asyncio.get_event_loop().close()
            outcome = "returned a new loop"
        except RuntimeError as error:
            outcome = f"RuntimeError: {error}"
    return {"outcome": outcome, "warning": next((str(w.message) for w in caught), None)}


def main():
    outside = get_event_loop_outside()
    loop = asyncio.new_event_loop()
    selector = type(loop._selector).__name__
    loop.close()
    print(json.dumps({
        "python": sys.version.split()[0],
        "cold": cold_coroutine(),
        "way1": way1_run_until_complete(),
        "way2": way2_asyncio_run(),
        "get_event_loop": outside,
        "default_selector": selectors.DefaultSelector.__name__,
        "loop_selector": selector,
    }))


if __name__ == "__main__":
    main()
