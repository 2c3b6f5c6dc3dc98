"""Tiers 7-8: a Protocol sees TCP segments, not messages.

A line protocol on a loopback server buffers `data_received` chunks until a newline. The client
sends "HEL", pauses 50 ms, then sends "LO\\n". Prints one JSON line: the reassembled line and how
many chunks the protocol received.
"""
import asyncio
import json
import socket
import sys


class LineProtocol(asyncio.Protocol):
    def __init__(self, lines, chunks):
        self.buffer = b""
        self.lines = lines
        self.chunks = chunks

    # region: data_received
    def data_received(self, data):
        self.chunks.append(data.decode())
        self.buffer += data                      # reassembly is the protocol's own job
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            self.lines.put_nowait(line.decode())
    # endregion


async def main():
    loop = asyncio.get_running_loop()
    lines, chunks = asyncio.Queue(), []
    server = await loop.create_server(lambda: LineProtocol(lines, chunks), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    writer.write(b"HEL")
    await writer.drain()
    await asyncio.sleep(0.05)
    writer.write(b"LO\n")
    await writer.drain()
    line = await asyncio.wait_for(lines.get(), 5)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    return {"line": line, "chunks": chunks, "python": sys.version.split()[0]}


print(json.dumps(asyncio.run(main())))
