"""A local websocket server speaking Slack's Socket Mode envelope protocol.

Point the stand-in Web API's ``apps.connections.open`` at :attr:`LocalSocketMode.url`
(``fake_slack.ws_url = local.url``). :meth:`LocalSocketMode.stop` makes Slack's side go away
(open websockets are closed, the port stops listening); :meth:`LocalSocketMode.start` brings
it back on the same port.
"""

from __future__ import annotations

import json
import queue
import threading
import time
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve


class LocalSocketMode:
    """Socket Mode's websocket side: says hello, delivers envelopes, collects acks."""

    def __init__(self, port: int = 0, *, start: bool = True) -> None:
        self.port = port
        self.server: Server | None = None
        self.thread: threading.Thread | None = None
        self.conn: ServerConnection | None = None
        self.connected = threading.Event()
        self.connections = 0
        self.acks: queue.Queue[dict[str, Any]] = queue.Queue()
        if start:
            self.start()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/link/?ticket=local"

    def start(self) -> None:
        self.server = serve(self._handle, "127.0.0.1", self.port, compression=None)
        self.port = self.server.socket.getsockname()[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def _handle(self, conn: ServerConnection) -> None:
        self.conn = conn
        self.connections += 1
        conn.send(json.dumps({"type": "hello", "num_connections": 1,
                              "connection_info": {"app_id": "A0TEST"}}))
        self.connected.set()
        try:
            for raw in conn:
                self.acks.put(json.loads(raw))
        except ConnectionClosed:    # the app dropped the connection without a close frame
            pass

    def send(self, kind: str, payload: dict[str, Any], envelope_id: str) -> dict[str, Any]:
        """Deliver one envelope and return the app's ack for it."""
        assert self.connected.wait(15), "the app never connected"
        assert self.conn is not None
        self.conn.send(json.dumps({"envelope_id": envelope_id, "type": kind, "payload": payload,
                                   "accepts_response_payload": kind != "events_api"}))
        end = time.monotonic() + 10
        while True:
            ack = self.acks.get(timeout=max(0.1, end - time.monotonic()))
            if ack.get("envelope_id") == envelope_id:
                return ack

    def stop(self) -> None:
        """Close every websocket (going away) and stop listening."""
        self.connected.clear()
        self.conn = None
        if self.server is not None:
            self.server.shutdown()
            self.server = None
        if self.thread is not None:
            self.thread.join(timeout=5)
            self.thread = None

    close = stop
