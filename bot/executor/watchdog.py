"""The deadline watchdog of executor calls (no docker import: it works on urllib3 pools).

Each request gets a :class:`Call`; every connection a watched pool hands out while a
thread works for that request is registered with it, and when the deadline passes the
watchdog shuts the sockets of those connections, so a host that trickles bytes (each
within the socket timeout) cannot hold a worker. A connection shut this way is never
handed to another request.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from typing import Any


class Call:
    """One request's connections, and the watchdog that shuts them at its deadline."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.expired = False
        self._conns: set[Any] = set()
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self.expire)
        self._timer.daemon = True

    def start(self) -> None:
        self._timer.start()

    def add(self, conn: Any) -> None:
        with self._lock:
            self._conns.add(conn)
            if not self.expired:
                return
        shut(conn)

    def discard(self, conn: Any) -> None:
        with self._lock:
            self._conns.discard(conn)

    def expire(self) -> None:
        """Shut every connection still in use by this request (the deadline passed)."""
        with self._lock:
            self.expired = True
            conns = list(self._conns)
        for conn in conns:
            shut(conn)

    def finish(self) -> None:
        """The request is over: stop the watchdog; abandoned connections are shut now."""
        self._timer.cancel()
        with self._lock:
            self.expired = True
            conns, self._conns = list(self._conns), set()
        for conn in conns:
            shut(conn)


def shut(conn: Any) -> None:
    sock = getattr(conn, "sock", None)
    if sock is None:
        return
    with contextlib.suppress(OSError, ValueError, AttributeError):   # closed, or not a socket
        sock.shutdown(socket.SHUT_RDWR)


current = threading.local()       # .call: the Call of the request this thread works for


def watch_pool(pool: Any) -> None:
    """Make a urllib3 pool report which request holds each connection it hands out."""
    if getattr(pool, "_dockbot_watched", False):
        return
    get_conn, put_conn = pool._get_conn, pool._put_conn
    owners: dict[int, Call] = {}
    lock = threading.Lock()

    def _get_conn(timeout: float | None = None) -> Any:
        conn = get_conn(timeout=timeout)
        call: Call | None = getattr(current, "call", None)
        if call is not None:
            with lock:
                owners[id(conn)] = call
            call.add(conn)
        return conn

    def _put_conn(conn: Any) -> None:
        if conn is not None:
            with lock:
                owner = owners.pop(id(conn), None)
            if owner is not None:
                owner.discard(conn)
                if owner.expired:          # never hand a shut connection to someone else
                    conn.close()
                    conn = None
        put_conn(conn)

    pool._get_conn = _get_conn
    pool._put_conn = _put_conn
    pool._dockbot_watched = True


def watch_client(client: Any) -> None:
    for adapter in client.adapters.values():
        get_pool = adapter.get_connection_with_tls_context

        def watched(*args: Any, _get: Any = get_pool, **kwargs: Any) -> Any:
            pool = _get(*args, **kwargs)
            watch_pool(pool)
            return pool

        adapter.get_connection_with_tls_context = watched


def run_in_call(call: Call, fn: Any, *args: Any) -> Any:
    """Run ``fn`` in a helper thread on behalf of ``call`` (its connections are watched)."""
    current.call = call
    try:
        return fn(*args)
    finally:
        current.call = None
