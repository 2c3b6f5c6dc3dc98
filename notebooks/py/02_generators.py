"""Generators as coroutines: a round-robin scheduler that resumes each paused generator in turn.

Prints one JSON line: the order in which the steps ran.
"""
import json
from collections import deque


# region: round_robin
def worker(name, steps, log):
    for step in range(steps):
        log.append(f"{name}{step}")
        yield                     # pause; `step` survives until the scheduler resumes this generator


def round_robin(generators):
    ready = deque(generators)
    while ready:
        current = ready.popleft()
        try:
            next(current)         # resume until the next yield
        except StopIteration:
            continue              # finished: dropped
        ready.append(current)     # paused again: back of the queue
# endregion


if __name__ == "__main__":
    log = []
    round_robin([worker("A", 3, log), worker("B", 2, log), worker("C", 1, log)])
    print(json.dumps({"order": log}))
