"""Lesson 3, part 5: an echo benchmark, asyncio's loop vs uvloop vs another server given by port.

Usage: 03_echo.py PORT
  Starts this script's stream echo server on asyncio's loop and on uvloop (each in a child process)
  and measures them next to the echo server already listening on 127.0.0.1:PORT (the lesson's C# server).
The client always runs on the same loop (uvloop when installed), so only the server changes.
Each server first gets a short warm-up trial; then three rounds measure every server once per round, in
turn, so a burst of load from elsewhere hits all of them alike. A trial lasts a fixed time (scaled by
ASYNCLAB_TIME_SCALE) and counts the round trips that fit in it.
Prints one JSON line: per server, round trips per second of the three trials and their median, the
share of the trials' wall time the client process spent on the CPU, and whether every echo came back
intact; plus the load average before and after.
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
TRIAL_S = max(0.12, 0.6 * SCALE)
WARM_UP_S = TRIAL_S / 3
MESSAGE_BYTES = 100
TRIALS = 3


def new_loop(kind):
    if kind == "uvloop":
        import uvloop
        return uvloop.new_event_loop()
    return asyncio.new_event_loop()


def has_uvloop():
    try:
        import uvloop  # noqa: F401
        return True
    except ImportError:
        return False


async def handle(reader, writer):
    while data := await reader.read(65536):
        writer.write(data)
        await writer.drain()
    writer.close()


async def serve():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)  # until the parent closes stdin


async def client(port, index, connected, go, stop_at):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    connected.release()
    await go.wait()
    trips = wrong = 0
    while time.perf_counter() < stop_at[0]:
        message = f"{index:04}:{trips:08}:".encode().ljust(MESSAGE_BYTES, b".")
        writer.write(message)
        if await reader.readexactly(MESSAGE_BYTES) != message:
            wrong += 1
        trips += 1
    writer.close()
    await writer.wait_closed()
    return trips, wrong


async def trial(port, seconds):
    """All connections open first; then they echo until the time is up. Returns (trips/s, client CPU share, wrong)."""
    connected, go, stop_at = asyncio.Semaphore(0), asyncio.Event(), [0.0]
    clients = [asyncio.create_task(client(port, i, connected, go, stop_at)) for i in range(CONNECTIONS)]
    for _ in range(CONNECTIONS):
        await connected.acquire()
    wall, cpu = time.perf_counter(), time.process_time()
    stop_at[0] = wall + seconds
    go.set()
    counts = await asyncio.gather(*clients)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return sum(t for t, _ in counts) / wall, cpu / wall, sum(w for _, w in counts)


def load_average():
    try:
        with open("/proc/loadavg") as f:
            return float(f.read().split()[0])
    except OSError:
        return None


def main(port):
    client_loop = "uvloop" if has_uvloop() else "asyncio"
    children, servers = [], []
    try:
        for kind in ("asyncio", "uvloop"):
            if kind == "uvloop" and not has_uvloop():
                servers.append({"server": kind, "skipped": "uvloop is not installed"})
                continue
            child = subprocess.Popen([sys.executable, __file__, "--serve", kind],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            children.append(child)
            servers.append({"server": kind, "port": int(child.stdout.readline())})
        servers.append({"server": f"port {port}", "port": port})
        measured = [s for s in servers if "port" in s]
        for s in measured:
            s.update(rates=[], client_cpu=[], wrong_echoes=0)
        load_before = load_average()
        with asyncio.Runner(loop_factory=lambda: new_loop(client_loop)) as runner:
            for s in measured:  # warm-up: connections, caches, the .NET server's JIT
                s["wrong_echoes"] += runner.run(trial(s["port"], WARM_UP_S))[2]
            for _ in range(TRIALS):
                for s in measured:
                    rate, busy, wrong = runner.run(trial(s["port"], TRIAL_S))
                    s["rates"].append(round(rate))
                    s["client_cpu"].append(round(busy, 2))
                    s["wrong_echoes"] += wrong
        for s in measured:
            s["median"] = statistics.median(s["rates"])
            s["trial_s"] = round(TRIAL_S, 2)
            del s["port"]
    finally:
        for child in children:
            child.stdin.close()
            child.wait(timeout=10)
    print(json.dumps({"python": sys.version.split()[0], "client_loop": client_loop, "cpus": os.cpu_count(),
                      "load_before": load_before, "load_after": load_average(), "results": servers}))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--serve":
        with asyncio.Runner(loop_factory=lambda: new_loop(sys.argv[2])) as runner:
            runner.run(serve())
    elif len(sys.argv) == 2 and sys.argv[1].isdigit():
        main(int(sys.argv[1]))
    else:
        sys.exit(__doc__)
