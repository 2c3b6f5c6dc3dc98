"""Lesson 3, part 5: an echo benchmark, asyncio's loop vs uvloop vs another server given by port.

Usage: 03_echo.py PORT
  Measures this script's stream echo server on asyncio's loop and on uvloop (each in a child process),
  then the echo server already listening on 127.0.0.1:PORT (the lesson's C# server).
The client always runs on the same loop (uvloop when installed), so only the server changes.
Round trips scale with ASYNCLAB_TIME_SCALE. Prints one JSON line: per server, round trips per
second for three trials and their median, and whether every echo came back intact.
"""
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time

SCALE = float(os.environ.get("ASYNCLAB_TIME_SCALE", "1.0"))
CONNECTIONS = 20
ROUND_TRIPS = max(20, int(250 * SCALE))  # per connection
MESSAGE_BYTES = 100
TRIALS = 3


def new_loop(kind):
    if kind == "uvloop":
        import uvloop
        return uvloop.new_event_loop()
    return asyncio.new_event_loop()


async def handle(reader, writer):
    while data := await reader.read(65536):
        writer.write(data)
        await writer.drain()
    writer.close()


async def serve():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)  # until the parent closes stdin


async def client(port, index):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    wrong = 0
    for trip in range(ROUND_TRIPS):
        message = f"{index:04}:{trip:06}:".encode().ljust(MESSAGE_BYTES, b".")
        writer.write(message)
        if await reader.readexactly(MESSAGE_BYTES) != message:
            wrong += 1
    writer.close()
    await writer.wait_closed()
    return wrong


async def trial(port):
    start = time.perf_counter()
    wrong = await asyncio.gather(*(client(port, i) for i in range(CONNECTIONS)))
    return CONNECTIONS * ROUND_TRIPS / (time.perf_counter() - start), sum(wrong)


def measure(port):
    client_loop = "uvloop" if has_uvloop() else "asyncio"
    rates, wrong = [], 0
    for _ in range(TRIALS):
        with asyncio.Runner(loop_factory=lambda: new_loop(client_loop)) as runner:
            rate, bad = runner.run(trial(port))
        rates.append(round(rate))
        wrong += bad
    return {"client_loop": client_loop, "rates": rates, "median": statistics.median(rates),
            "round_trips": TRIALS * CONNECTIONS * ROUND_TRIPS, "wrong_echoes": wrong}


def has_uvloop():
    try:
        import uvloop  # noqa: F401
        return True
    except ImportError:
        return False


def measure_own_server(kind):
    if kind == "uvloop" and not has_uvloop():
        return {"server": kind, "skipped": "uvloop is not installed"}
    server = subprocess.Popen([sys.executable, __file__, "--serve", kind],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        port = int(server.stdout.readline())
        return {"server": kind, **measure(port)}
    finally:
        server.stdin.close()
        server.wait(timeout=10)


def main(port):
    results = [measure_own_server("asyncio"), measure_own_server("uvloop"), {"server": f"port {port}", **measure(port)}]
    print(json.dumps({"python": sys.version.split()[0], "results": results}))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--serve":
        with asyncio.Runner(loop_factory=lambda: new_loop(sys.argv[2])) as runner:
            runner.run(serve())
    elif len(sys.argv) == 2 and sys.argv[1].isdigit():
        main(int(sys.argv[1]))
    else:
        sys.exit(__doc__)
