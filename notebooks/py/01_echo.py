"""Tier 9: an echo server and 100 concurrent clients with asyncio streams.

Each client sends 10 lines and reads each echo back. Prints one JSON line: how many echoes were
correct out of how many, the peak number of open connections, and the elapsed seconds.
"""
import asyncio
import json
import sys
import time

CLIENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 100
LINES = 10


async def main():
    open_now = peak = 0

    # region: handle
    async def handle(reader, writer):
        nonlocal open_now, peak
        open_now += 1
        peak = max(peak, open_now)
        while line := await reader.readline():
            writer.write(line)
            await writer.drain()
        open_now -= 1
        writer.close()
        await writer.wait_closed()
    # endregion

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]

    async def client(c):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        good = 0
        for i in range(LINES):
            message = f"client {c} line {i}\n".encode()
            writer.write(message)
            await writer.drain()
            good += await reader.readline() == message
        writer.close()
        await writer.wait_closed()
        return good

    start = time.perf_counter()
    good = sum(await asyncio.gather(*(client(c) for c in range(CLIENTS))))
    elapsed = time.perf_counter() - start
    server.close()
    await server.wait_closed()
    return {"correct": good, "total": CLIENTS * LINES, "peak_connections": peak,
            "seconds": elapsed, "python": sys.version.split()[0]}


print(json.dumps(asyncio.run(main())))
