"""Slack test harness: the real app over real HTTP, with a local stand-in for Slack.

``fake_slack``: a local HTTP server playing Slack's Web API (``/api/<method>``,
recording every call) and receiving response_url posts (``/respond/<key>``):
:class:`tests.support.fake_slack.FakeSlack`. ``valid_message`` (fixture) checks blocks with
slack_sdk's Block Kit models.
``slack_app(...)``: the real Bolt app from ``build_app`` served by waitress in a
thread on a free port, with helpers that send correctly signed requests.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
import yaml
from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier

from bot.services import Services
from bot.settings import Settings
from bot.slack.app import build_app_for
from bot.slack.runtime import Runtime
from bot.slack.server import http_server, stop_http
from tests.support.blockkit import check_block_kit
from tests.support.fake_slack import TEAM, FakeSlack, fake_slack_server

SECRET = "test-signing-secret-0123456789"
TOKEN = "xoxb-test-token"


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    with fake_slack_server() as fake:
        yield fake


@dataclass
class Reply:
    status: int
    body: str
    seconds: float

    def json(self) -> dict[str, Any]:
        data = json.loads(self.body)
        assert isinstance(data, dict)
        return data


def post(url: str, body: str, headers: dict[str, str], timeout: float = 30) -> Reply:
    req = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return Reply(resp.status, resp.read().decode(), time.perf_counter() - start)
    except urllib.error.HTTPError as err:
        return Reply(err.code, err.read().decode(), time.perf_counter() - start)


def signed_headers(body: str, content_type: str, ts: int | None = None,
                   secret: str = SECRET) -> dict[str, str]:
    stamp = str(int(time.time()) if ts is None else ts)
    sig = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body) or ""
    return {"Content-Type": content_type, "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": sig}


@dataclass
class SlackApp:
    """The running app and signed-request helpers."""

    url: str
    fake: FakeSlack
    app: App
    runtime: Runtime
    dispatched: list[int]
    seq: list[int] = field(default_factory=lambda: [0])

    @property
    def events_url(self) -> str:
        return self.url + "/slack/events"

    def key(self) -> str:
        self.seq[0] += 1
        return f"r{self.seq[0]}-{time.monotonic_ns()}"

    def send(self, body: str, content_type: str, **kw: Any) -> Reply:
        """POST a correctly signed body (``ts=`` / ``secret=`` to sign it otherwise)."""
        return post(self.events_url, body, signed_headers(body, content_type, **kw))

    def post_raw(self, body: str, headers: dict[str, str], path: str = "/slack/events") -> Reply:
        return post(self.url + path, body, headers)

    def get(self, path: str) -> Reply:
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as resp:
                return Reply(resp.status, resp.read().decode(), time.perf_counter() - start)
        except urllib.error.HTTPError as err:
            return Reply(err.code, err.read().decode(), time.perf_counter() - start)

    def command(self, text: str, *, user: str = "UASK", channel: str = "CGEN",
                key: str | None = None, channel_name: str = "general",
                name: str = "/docker") -> tuple[Reply, str]:
        key = key or self.key()
        form = {
            "token": "legacy", "team_id": TEAM, "team_domain": "t", "channel_id": channel,
            "channel_name": channel_name, "user_id": user, "user_name": "asker",
            "command": name, "text": text, "api_app_id": "A0TEST",
            "response_url": self.fake.response_url(key), "trigger_id": f"trg-{key}",
        }
        return self.send(urlencode(form), "application/x-www-form-urlencoded"), key

    def click(self, button: dict[str, Any], *, user: str = "UASK", channel: str = "CGEN",
              ephemeral: bool = True, message: dict[str, Any] | None = None,
              view: bool = False, key: str | None = None) -> tuple[Reply, str]:
        key = key or self.key()
        payload: dict[str, Any] = {
            "type": "block_actions", "team": {"id": TEAM, "domain": "t"},
            "user": {"id": user, "team_id": TEAM}, "api_app_id": "A0TEST",
            "trigger_id": f"trg-{key}", "response_url": self.fake.response_url(key),
            "actions": [{"type": "button", "action_id": button["action_id"],
                         "block_id": "b1", "value": button.get("value", ""),
                         "text": button.get("text", {"type": "plain_text", "text": "x"}),
                         "action_ts": f"{time.time():.6f}"}],
        }
        if view:
            payload["container"] = {"type": "view", "view_id": "V1"}
            payload["view"] = {"id": "V1", "type": "home", "blocks": []}
            payload.pop("response_url")
        else:
            payload["channel"] = {"id": channel, "name": "general"}
            payload["container"] = {"type": "message", "message_ts": "1.0",
                                    "channel_id": channel, "is_ephemeral": ephemeral}
            if not ephemeral:
                payload["message"] = message or {"ts": "1.0", "text": "x", "type": "message"}
        body = urlencode({"payload": json.dumps(payload)})
        return self.send(body, "application/x-www-form-urlencoded"), key

    def event(self, event: dict[str, Any], headers: dict[str, str] | None = None) -> Reply:
        body = json.dumps({
            "token": "legacy", "team_id": TEAM, "api_app_id": "A0TEST", "type": "event_callback",
            "event_id": f"Ev{time.monotonic_ns()}", "event_time": int(time.time()),
            "event": event,
        })
        hdrs = {**signed_headers(body, "application/json"), **(headers or {})}
        return post(self.events_url, body, hdrs)


@pytest.fixture
def valid_message() -> Callable[[dict[str, Any]], None]:
    """``valid_message(msg)``: :func:`check_block_kit` as a fixture for test modules."""
    return check_block_kit


def write_config(path: Path, url: str, *, policy: dict[str, Any] | None = None,
                 limits: dict[str, Any] | None = None) -> Path:
    data = {
        "exec": {"enabled": True, "hosts": {"local": {"url": url}}, "audit": str(path) + ".audit",
                 "limits": {"deadline_seconds": 2, "socket_timeout_seconds": 1,
                            "rate_per_user": 100000, "rate_per_channel": 100000,
                            **(limits or {})}},
        "policy": policy if policy is not None else {
            "channels": {"COPS": {"ops": "all"}},
            "direct_messages": {"ops": "viewer"},
            "users": {"UOPS": {"role": "admin"}, "UVIEW": {"role": "viewer"}},
        },
    }
    path.write_text(yaml.safe_dump(data))
    return path


MakeApp = Callable[..., SlackApp]
MakeServices = Callable[..., Services]


@pytest.fixture
def make_services(base_services: Services, tmp_path: Path) -> Iterator[MakeServices]:
    """``make_services(exec_url=None, policy=None, limits=None, **env)``: Services whose
    executor is off (no url) or on with the single host alias ``local`` at ``exec_url``."""
    made: list[Services] = []

    def make(exec_url: str | None = None, *, policy: dict[str, Any] | None = None,
             limits: dict[str, Any] | None = None, **env: str) -> Services:
        full = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET, **env}
        if exec_url is not None:
            cfg = write_config(tmp_path / f"dockbot-{len(made)}.yml", exec_url,
                               policy=policy, limits=limits)
            full["DOCKBOT_CONFIG"] = str(cfg)
        services = Services(settings=Settings.from_env(full), kb=base_services.kb,
                            matcher=base_services.matcher)
        made.append(services)
        return services

    yield make
    for services in made:
        services.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def slack_app(fake_slack: FakeSlack, make_services: MakeServices) -> Iterator[MakeApp]:
    """``slack_app(exec_url=None, policy=None, limits=None)`` starts the real app over HTTP."""
    started: list[tuple[Any, threading.Thread, Runtime]] = []

    def make(exec_url: str | None = None, *, policy: dict[str, Any] | None = None,
             limits: dict[str, Any] | None = None) -> SlackApp:
        services = make_services(exec_url, policy=policy, limits=limits,
                                 SLACK_API_URL=fake_slack.api_url)
        runtime = Runtime(services)
        app = build_app_for(runtime, services.settings)
        assert isinstance(app.client, WebClient)
        assert app.client.base_url == fake_slack.api_url
        dispatched: list[int] = []
        real = app.dispatch

        def counting(req: Any) -> Any:
            dispatched.append(1)
            return real(req)

        app.dispatch = counting  # type: ignore[method-assign]
        server = http_server(app, services.settings, "127.0.0.1", 0)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        started.append((server, thread, runtime))
        return SlackApp(f"http://127.0.0.1:{server.effective_port}", fake_slack, app, runtime,
                        dispatched)

    yield make
    for server, thread, runtime in started:
        stop_http(server, thread)
        runtime.close()
