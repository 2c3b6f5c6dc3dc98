"""Lesson 6: asyncio's own loop, futures and coroutines, measured beside the loop the lesson builds in C#.

    python3 06_loop.py order      the order call_soon / call_later callbacks run in
    python3 06_loop.py futures    when asyncio.Future and concurrent.futures.Future run their callbacks
    python3 06_loop.py three_ways one three-step job as callbacks, as a generator coroutine, as async def
    python3 06_loop.py readers    a ping and its echo over a socket pair, read when add_reader says so

Each mode prints one JSON line (see _lab.emit).
"""
import asyncio
import concurrent.futures
import inspect
import socket
import sys
import time

from _lab import SCALE, article_seconds, emit


def order():
    # region: call_soon_later
    loop = asyncio.new_event_loop()
    order = []
    loop.call_later(0.3 * SCALE, order.append, "later 0.3")
    loop.call_later(0.1 * SCALE, order.append, "later 0.1")
    loop.call_soon(order.append, "soon 1")
    loop.call_later(0.2 * SCALE, order.append, "later 0.2")
    loop.call_soon(lambda: (order.append("soon 2"), loop.call_soon(order.append, "soon 3 (from soon 2)")))
    loop.call_later(0.35 * SCALE, loop.stop)      # run_forever returns once this has run
    loop.run_forever()
    # endregion
    loop.close()
    return {"order": order}


def futures():
    # region: two_futures
    log = []
    loop = asyncio.new_event_loop()
    on_loop = loop.create_future()                       # belongs to one loop, not thread-safe
    on_loop.add_done_callback(lambda f: log.append(f"asyncio.Future callback sees {f.result()}"))
    on_loop.set_result(42)
    log.append("line after asyncio set_result")
    loop.run_until_complete(asyncio.sleep(0))            # one turn of the loop: the queued callback runs
    for_threads = concurrent.futures.Future()            # thread-safe, made for executors
    for_threads.add_done_callback(lambda f: log.append(f"concurrent Future callback sees {f.result()}"))
    for_threads.set_result(42)
    log.append("line after concurrent set_result")
    # endregion
    loop.close()
    return {"log": log}


def after(loop, seconds, value):
    """A future the loop completes with `value` after the article's `seconds`: one step of the job."""
    future = loop.create_future()
    loop.call_later(seconds * SCALE, future.set_result, value)
    return future


# region: job_callbacks
def job_callbacks(loop, done):
    def on_connected(f):
        after(loop, 0.1, f.result() + ", sent").add_done_callback(on_sent)

    def on_sent(f):
        after(loop, 0.1, f.result() + ", read").add_done_callback(lambda f: done(f.result()))

    after(loop, 0.1, "connected").add_done_callback(on_connected)
# endregion


# region: job_generator
def job_generator(loop):
    connected = yield after(loop, 0.1, "connected")
    sent = yield after(loop, 0.1, connected + ", sent")
    read = yield after(loop, 0.1, sent + ", read")
    return read


def spawn(loop, coroutine, done):        # a Task in miniature: sends each result back in
    def step(value=None):
        try:
            future = coroutine.send(value)
        except StopIteration as finished:
            return done(finished.value)
        future.add_done_callback(lambda f: step(f.result()))
    loop.call_soon(step)
# endregion


# region: job_async
async def job_async(loop):
    connected = await after(loop, 0.1, "connected")
    sent = await after(loop, 0.1, connected + ", sent")
    return await after(loop, 0.1, sent + ", read")
# endregion


def run_job(start_job):
    """Runs one way of the job on a fresh loop: (result, article seconds)."""
    loop = asyncio.new_event_loop()
    finished = loop.create_future()
    started = time.perf_counter()
    start_job(loop, finished.set_result)
    result = loop.run_until_complete(finished)
    elapsed = article_seconds(started)
    loop.close()
    return result, round(elapsed, 3)


def code_lines(*functions):
    return sum(len([l for l in inspect.getsource(f).splitlines() if l.strip()]) for f in functions)


def three_ways():
    ways = {
        "callbacks": (job_callbacks, code_lines(job_callbacks)),
        "generator": (lambda loop, done: spawn(loop, job_generator(loop), done), code_lines(job_generator)),
        "async": (lambda loop, done: loop.create_task(job_async(loop)).add_done_callback(
            lambda t: done(t.result())), code_lines(job_async)),
    }
    results = {}
    for name, (start_job, lines) in ways.items():
        result, elapsed = run_job(start_job)
        results[name] = {"result": result, "elapsed_s": elapsed, "lines": lines}
    return {"ways": results, "spawn_lines": code_lines(spawn)}


def readers():
    # region: add_reader
    loop = asyncio.new_event_loop()
    server, client = socket.socketpair()
    server.setblocking(False)
    client.setblocking(False)
    log = []

    def on_server_readable():
        data = server.recv(100)
        log.append(f"server reads '{data.decode()}'")
        server.send(data.upper())

    def on_client_readable():
        log.append(f"client reads '{client.recv(100).decode()}'")
        loop.stop()

    loop.add_reader(server, on_server_readable)
    loop.add_reader(client, on_client_readable)
    loop.call_later(0.1 * SCALE, lambda: (log.append("client sends 'ping'"), client.send(b"ping")))
    loop.run_forever()
    # endregion
    loop.close()
    server.close()
    client.close()
    return {"log": log}


if __name__ == "__main__":
    emit(**{"order": order, "futures": futures, "three_ways": three_ways, "readers": readers}[sys.argv[1]]())
