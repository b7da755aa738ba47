"""A scripted Docker daemon on a unix socket: fixed answers per API path, or a huge one.

    with fake_daemon(tmp, {"/containers/json": b"[...]"}) as url:   # unix:///.../fake.sock
        ...
    with huge_daemon(tmp, megabytes=300) as (url, stats):           # /containers/json is huge
        ...

Paths are matched without the ``/v1.NN`` prefix and the query string. ``/version``
and ``/_ping`` answer like a real engine unless the script says otherwise; any
other path is a 404 with a JSON message, as the engine sends.
"""

from __future__ import annotations

import contextlib
import json
import re
import socketserver
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path

Answer = bytes | tuple[int, bytes] | Callable[[BaseHTTPRequestHandler], None]
VERSION = {"Version": "24.0.0", "ApiVersion": "1.43", "MinAPIVersion": "1.12",
           "Os": "linux", "Arch": "amd64", "GoVersion": "go1.20"}
_PREFIX = re.compile(r"^/v1\.\d+")


class _Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up early (a size cap, a deadline) is what the tests provoke:
        no traceback on stderr, where it would land in another test's captured output."""
        exc = sys.exc_info()[1]
        if not isinstance(exc, (BrokenPipeError, ConnectionResetError, TimeoutError)):
            super().handle_error(request, client_address)


def _send(h: BaseHTTPRequestHandler, status: int, body: bytes) -> None:
    h.send_response(status)
    h.send_header("Content-Type", "application/json")
    h.send_header("Api-Version", "1.43")
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)


@contextlib.contextmanager
def fake_daemon(folder: Path, answers: dict[str, Answer],
                name: str = "fake.sock") -> Iterator[str]:
    """Serve ``answers`` at ``folder/name``; yields its ``unix://`` URL."""
    script = {"/version": json.dumps(VERSION).encode(), "/_ping": b"OK", **answers}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            return

        def do_GET(self) -> None:
            path = _PREFIX.sub("", self.path.split("?", 1)[0])
            answer = script.get(path)
            try:
                if answer is None:
                    _send(self, 404, json.dumps({"message": f"no such path {path}"}).encode())
                elif callable(answer):
                    answer(self)
                elif isinstance(answer, tuple):
                    _send(self, *answer)
                else:
                    _send(self, 200, answer)
            except OSError:           # the client hung up: that is what some tests want
                self.close_connection = True

    path = folder / name
    server = _Server(str(path), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              daemon=True)
    thread.start()
    try:
        yield f"unix://{path}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class HugeStats:
    """How much of the huge answer the client actually took."""

    sent: int = 0
    finished: bool = False


def huge_answer(megabytes: int, stats: HugeStats, *, with_length: bool = False,
                status: int = 200) -> Callable[[BaseHTTPRequestHandler], None]:
    """A ``/containers/json`` answer of ``megabytes`` MB, streamed (chunked, or with a
    Content-Length header), made of valid container objects."""
    item = json.dumps({"Id": "f" * 64, "Names": ["/x"], "Image": "busybox",
                       "Status": "Up", "Created": 0, "Ports": []}).encode()
    per_chunk = b",".join([item] * 500) + b","
    total = megabytes * 1024 * 1024

    def answer(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        if with_length:
            h.send_header("Content-Length", str(total))
        else:
            h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        sent = 0
        while sent < total:
            piece = b"[" if sent == 0 else per_chunk[: min(len(per_chunk), total - sent)]
            if with_length:
                h.wfile.write(piece)
            else:
                h.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            sent += len(piece)
            stats.sent = sent
        if not with_length:
            h.wfile.write(b"0\r\n\r\n")
        stats.finished = True

    return answer


@contextlib.contextmanager
def huge_daemon(folder: Path, megabytes: int = 300, *,
                with_length: bool = False) -> Iterator[tuple[str, HugeStats]]:
    """A daemon whose ``/containers/json`` answer is ``megabytes`` MB long."""
    stats = HugeStats()
    answers: dict[str, Answer] = {
        "/containers/json": huge_answer(megabytes, stats, with_length=with_length)}
    with fake_daemon(folder, answers, name="huge.sock") as url:
        yield url, stats
