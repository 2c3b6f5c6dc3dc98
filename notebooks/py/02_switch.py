"""What does one switch cost: between two OS threads, and between two asyncio tasks on one loop?

Usage: 02_switch.py HANDOFFS ROUNDS
Two parties hand a token back and forth HANDOFFS times in all. Threads: each waits on its own lock until the
other releases it (a Lock may be released by another thread; it is the cheapest blocking handoff Python has).
Tasks: the same with asyncio.Semaphore on one event loop. The two ways alternate for ROUNDS rounds and each keeps
its best round, which filters out moments when a busy machine took the CPU away.
Prints one JSON line: microseconds per handoff for each way.
"""
import asyncio
import json
import sys
import threading
import time


# region: thread_handoffs
def thread_handoffs(handoffs):
    ping, pong = threading.Lock(), threading.Lock()
    ping.acquire()
    pong.acquire()

    def other():
        for _ in range(handoffs // 2):
            ping.acquire()      # blocks in the kernel until the main thread hands the token over
            pong.release()

    partner = threading.Thread(target=other)
    partner.start()
    started = time.perf_counter()
    for _ in range(handoffs // 2):
        ping.release()
        pong.acquire()
    elapsed = time.perf_counter() - started
    partner.join()
    return elapsed
# endregion


# region: task_handoffs
async def task_handoffs(handoffs):
    ping, pong = asyncio.Semaphore(0), asyncio.Semaphore(0)

    async def other():
        for _ in range(handoffs // 2):
            await ping.acquire()    # suspends this coroutine; the loop runs the other one
            pong.release()

    partner = asyncio.create_task(other())
    await asyncio.sleep(0)          # let the partner reach its first wait
    started = time.perf_counter()
    for _ in range(handoffs // 2):
        ping.release()
        await pong.acquire()
    elapsed = time.perf_counter() - started
    await partner
    return elapsed
# endregion


def main():
    handoffs, rounds = int(sys.argv[1]), int(sys.argv[2])
    thread_best = task_best = float("inf")
    for _ in range(rounds):
        thread_best = min(thread_best, thread_handoffs(handoffs))
        task_best = min(task_best, asyncio.run(task_handoffs(handoffs)))
    print(json.dumps({
        "handoffs": handoffs,
        "thread_microseconds": thread_best / handoffs * 1e6,
        "task_microseconds": task_best / handoffs * 1e6,
    }))


if __name__ == "__main__":
    main()
