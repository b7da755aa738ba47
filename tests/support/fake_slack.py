"""A local stand-in for Slack's Web API and response_url, over real HTTP.

:class:`FakeSlack` records every Web API call (``/api/<method>``) and response_url post
(``/respond/<key>``) and answers like Slack would; ``usergroups.list`` can be made slow
(``usergroups_delay``) or failing (``usergroups_error``), and ``apps.connections.open``
returns ``ws_url`` (a local Socket Mode server, :mod:`tests.support.socket_mode`).
:func:`fake_slack_server` runs one on a free loopback port.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

TEAM = "T0TEST"


@dataclass
class Call:
    method: str
    params: dict[str, Any]


@dataclass
class FakeSlack:
    """Records Web API calls and response_url posts; answers like Slack would."""

    port: int = 0
    calls: list[Call] = field(default_factory=list)
    responses: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    arrived: dict[str, list[float]] = field(default_factory=dict)  # perf_counter of each response
    usergroups: list[dict[str, Any]] = field(default_factory=list)
    usergroups_delay: float = 0.0  # seconds usergroups.list takes to answer
    usergroups_error: str | None = None  # usergroups.list answers ok: false with this error
    ws_url: str = ""
    connections_error: str | None = None  # apps.connections.open answers ok: false with this
    cond: threading.Condition = field(default_factory=threading.Condition)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, key: str) -> str:
        return f"http://127.0.0.1:{self.port}/respond/{key}"

    def record_call(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        with self.cond:
            self.calls.append(Call(method, params))
            self.cond.notify_all()
        if method == "apps.connections.open":
            if self.connections_error is not None:
                return {"ok": False, "error": self.connections_error}
            return {"ok": True, "url": self.ws_url}
        if method == "usergroups.list":
            time.sleep(self.usergroups_delay)
            if self.usergroups_error is not None:
                return {"ok": False, "error": self.usergroups_error}
            return {"ok": True, "usergroups": self.usergroups}
        if method == "auth.test":
            return {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": TEAM}
        if method in ("chat.postMessage", "chat.postEphemeral", "views.publish"):
            return {"ok": True, "ts": f"{time.time():.6f}", "message_ts": "1.000001"}
        return {"ok": False, "error": "unknown_method"}

    def record_response(self, key: str, body: dict[str, Any]) -> None:
        with self.cond:
            self.responses.setdefault(key, []).append(body)
            self.arrived.setdefault(key, []).append(time.perf_counter())
            self.cond.notify_all()

    def calls_to(self, method: str) -> list[Call]:
        with self.cond:
            return [c for c in self.calls if c.method == method]

    def wait_calls(self, method: str, n: int = 1, timeout: float = 10.0) -> list[Call]:
        end = time.monotonic() + timeout
        with self.cond:
            while len([c for c in self.calls if c.method == method]) < n:
                left = end - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {n} call(s) to {method}; got {self.calls}")
                self.cond.wait(left)
            return [c for c in self.calls if c.method == method]

    def wait_responses(self, key: str, n: int = 1, timeout: float = 15.0) -> list[dict[str, Any]]:
        end = time.monotonic() + timeout
        with self.cond:
            while len(self.responses.get(key, [])) < n:
                left = end - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {n} response(s) at {key}: {self.responses}")
                self.cond.wait(left)
            return list(self.responses[key])


def _handler(fake: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            path, _, query = self.path.partition("?")
            self._answer(path, dict(parse_qsl(query, keep_blank_values=True)))

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            ctype = self.headers.get("Content-Type", "")
            if ctype.startswith("application/json"):
                params = json.loads(raw or "{}")
            else:
                params = dict(parse_qsl(raw, keep_blank_values=True))
            for key in ("blocks", "view"):
                if isinstance(params.get(key), str):
                    params[key] = json.loads(params[key])
            self._answer(self.path.split("?")[0], params)

        def _answer(self, path: str, params: dict[str, Any]) -> None:
            if path.startswith("/api/"):
                params["_auth"] = self.headers.get("Authorization", "")
                out = fake.record_call(path[5:], params)
            elif path.startswith("/respond/"):
                fake.record_response(path[9:], params)
                out = {"ok": True}
            else:
                out = {"ok": False}
            data = json.dumps(out).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


@contextmanager
def fake_slack_server() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    fake.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
