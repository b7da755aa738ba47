"""A deliberately slow Docker endpoint, shared by the tests and the Slack load benchmark.

A unix socket that reads one HTTP request, then answers a valid Engine API
reply one byte every ``byte_delay`` seconds. Every byte arrives well inside any
socket timeout, so a client only stops waiting if it enforces an overall
deadline of its own. With ``fast_headers`` the status line and headers come at
once and only the body trickles (``body_bytes`` long), as a log stream would.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

SLOW_REPLY = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nApi-Version: 1.41\r\n"
    b"Content-Length: 2\r\n\r\n[]"
)


def _reply(fast_headers: bool, body_bytes: int) -> tuple[bytes, bytes]:
    """(sent at once, trickled) parts of the answer."""
    if not fast_headers:
        return b"", SLOW_REPLY
    head = (b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
            b"Api-Version: 1.41\r\nContent-Length: " + str(body_bytes).encode() + b"\r\n\r\n")
    return head, b"x" * body_bytes


@contextlib.contextmanager
def slow_docker_socket(
    folder: Path, byte_delay: float = 0.25, backlog: int = 64, *, fast_headers: bool = False,
    body_bytes: int = 2, name: str = "slow.sock",
) -> Iterator[str]:
    """Serve the slow endpoint at ``folder/name``; yields ``unix:///...``."""
    path = folder / name
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    with _serve(server, byte_delay, backlog, fast_headers, body_bytes):
        yield f"unix://{path}"


@contextlib.contextmanager
def slow_docker_tcp(
    byte_delay: float = 0.25, backlog: int = 64, *, fast_headers: bool = False,
    body_bytes: int = 2,
) -> Iterator[str]:
    """The same endpoint on a free loopback TCP port; yields ``tcp://127.0.0.1:PORT``."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    port = server.getsockname()[1]
    with _serve(server, byte_delay, backlog, fast_headers, body_bytes):
        yield f"tcp://127.0.0.1:{port}"


@contextlib.contextmanager
def _serve(server: socket.socket, byte_delay: float, backlog: int, fast_headers: bool,
           body_bytes: int) -> Iterator[None]:
    head, slow = _reply(fast_headers, body_bytes)
    server.listen(backlog)
    server.settimeout(0.2)
    stop = threading.Event()
    conns: list[socket.socket] = []

    def answer(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(0.2)
            data = b""
            while b"\r\n\r\n" not in data and not stop.is_set():
                try:
                    chunk = conn.recv(4096)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not chunk:
                    return
                data += chunk
            try:
                conn.sendall(head)
            except OSError:
                return
            for i in range(len(slow)):
                if stop.wait(byte_delay):
                    return
                try:
                    conn.sendall(slow[i : i + 1])
                except OSError:
                    return

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conns.append(conn)
            threading.Thread(target=answer, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)
        server.close()
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
