"""Lesson 3, part 4: what one call of select, poll and epoll costs with 10, 100 and 1,000 idle sockets.

Each round opens N idle UDP sockets (nothing to read) and one that always has a datagram waiting, so every
call returns at once with one ready socket. select and poll hand the kernel the whole list on every call;
epoll keeps the list in the kernel (registered once) and reports only the ready one. Prints one JSON line:
microseconds per call (best of 30 batches of 20 calls) for each mechanism and each N; select only below
its FD_SETSIZE limit of 1024 descriptors.
"""
import select
import socket
import time

from _lab import emit

SIZES = (10, 100, 1000)


def udp_socket():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    return s


def best_us(call, batches=30, calls=20):
    best = float("inf")
    for _ in range(batches):
        start = time.perf_counter()
        for _ in range(calls):
            call()
        best = min(best, (time.perf_counter() - start) / calls * 1e6)
    return round(best, 2)


def costs(n):
    idle = [udp_socket() for _ in range(n)]
    ready = udp_socket()
    ready.sendto(b"x", ready.getsockname())          # readable from now on
    watched = idle + [ready]
    # region: three_calls
    poller = select.poll()
    epoller = select.epoll()
    for s in watched:
        poller.register(s, select.POLLIN)            # poll: the whole array goes to the kernel on every call
        epoller.register(s, select.EPOLLIN)          # epoll: registered once, kept in the kernel
    result = {"poll": best_us(lambda: poller.poll(0)), "epoll": best_us(lambda: epoller.poll(0))}
    if max(s.fileno() for s in watched) < 1024:      # select: FD_SETSIZE
        result["select"] = best_us(lambda: select.select(watched, [], [], 0))
    # endregion
    epoller.close()
    for s in watched:
        s.close()
    return result


if __name__ == "__main__":
    emit(sockets=list(SIZES), costs=[costs(n) for n in SIZES])
