"""Socket Mode in operation: readiness follows the websocket, an unreachable Slack is retried
with capped exponential backoff and never ends the process, and the probes' side port
(``DOCKBOT_HEALTH_PORT``). `dockbot serve` runs as a separate process against the stand-in Web
API and a local Socket Mode websocket server that can go away and come back."""

from __future__ import annotations

import logging
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import pytest

from bot.render import blockkit as kit
from bot.services import Services
from bot.slack.app import build_app_for
from bot.slack.runtime import Runtime
from bot.slack.socket_mode import SocketLink, socket_handler
from tests.support.fake_slack import FakeSlack
from tests.support.loopback import free_port, get_json, start_redis, wait_status
from tests.support.socket_mode import LocalSocketMode

ROOT = Path(__file__).resolve().parents[2]
MakeServices = Callable[..., Services]






class Serving:
    """`dockbot serve` in Socket Mode, its stderr in a file that can be read while it runs."""

    def __init__(self, env: dict[str, str]) -> None:
        self.health_port = free_port()
        self.err: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the fixture
        full = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT),
                "HOME": os.environ.get("HOME", "/tmp"), "SLACK_BOT_TOKEN": "xoxb-test",
                "SLACK_APP_TOKEN": "xapp-1-test", "DOCKBOT_HEALTH_PORT": str(self.health_port),
                **env}
        self.proc = subprocess.Popen([sys.executable, "-m", "bot", "serve"], cwd=ROOT, env=full,
                                     stdout=subprocess.DEVNULL, stderr=self.err)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.health_port}{path}"

    def stderr(self) -> str:
        self.err.seek(0)
        return self.err.read().decode(errors="replace")

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=30)


@pytest.fixture
def serving() -> Iterator[Callable[..., Serving]]:
    started: list[Serving] = []

    def make(**env: str) -> Serving:
        s = Serving(env)
        started.append(s)
        return s

    yield make
    for s in started:
        if s.proc.poll() is None:
            s.proc.kill()
            s.proc.wait(timeout=10)
        s.err.close()


def _help(fake: FakeSlack, key: str) -> dict[str, Any]:
    return {"command": "/docker", "text": "help", "team_id": "T0TEST", "user_id": "U1",
            "channel_id": "C1", "trigger_id": f"t-{key}", "response_url": fake.response_url(key),
            "api_app_id": "A0TEST"}


def _image_healthcheck(port: int) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ.get("PATH", ""), "SLACK_APP_TOKEN": "xapp-1-test",
           "DOCKBOT_HEALTH_PORT": str(port)}
    return subprocess.run([sys.executable, str(ROOT / "deploy" / "healthcheck.py")], env=env,
                          capture_output=True, text=True, timeout=30, check=False)


def test_readiness_follows_the_websocket(
        fake_slack: FakeSlack, serving: Callable[..., Serving]) -> None:
    slack_side = LocalSocketMode(free_port(), start=False)      # Slack's websocket: not yet
    fake_slack.ws_url = slack_side.url
    bot = serving(SLACK_API_URL=fake_slack.api_url)
    try:
        assert wait_status(bot.url("/healthz"), 200, 30) == (200, {"ok": True,
                                                                    "status": "ok"})
        status, body = get_json(bot.url("/readyz"))
        assert status == 503 and body["ready"] is False
        assert "websocket is not connected" in body["reason"]

        slack_side.start()
        assert _ready(wait_status(bot.url("/readyz"), 200, 20))
        ack = slack_side.send("slash_commands", _help(fake_slack, "h1"), "h1")
        assert ack["payload"]["blocks"][0]["text"]["text"] == kit.w("help_title", "en")

        slack_side.stop()                                        # Slack goes away
        status, body = wait_status(bot.url("/readyz"), 503, 10)
        assert status == 503 and "websocket is not connected" in body["reason"], body
        assert get_json(bot.url("/healthz")) == (200, {"ok": True, "status": "ok"})  # alive

        slack_side.start()                                       # and comes back
        assert _ready(wait_status(bot.url("/readyz"), 200, 20))
        ack = slack_side.send("slash_commands", _help(fake_slack, "h2"), "h2")
        assert ack["payload"]["blocks"][0]["text"]["text"] == kit.w("help_title", "en")
        assert slack_side.connections == 2
        assert len(fake_slack.calls_to("apps.connections.open")) >= 2  # a new URL each time

        assert get_json(bot.url("/slack/events"))[0] == 404          # the side port is probes only
        probe = _image_healthcheck(bot.health_port)               # the image's HEALTHCHECK
        assert probe.returncode == 0 and "healthy" in probe.stderr
        assert _image_healthcheck(free_port()).returncode == 1
    finally:
        slack_side.stop()
        code = bot.stop()
    err = bot.stderr()
    assert code == 0, err
    assert "Traceback" not in err
    assert "the Socket Mode websocket to Slack closed; reconnecting" in err


def test_an_unreachable_slack_is_retried_with_backoff_and_no_traceback(
        serving: Callable[..., Serving]) -> None:
    dead = free_port()
    bot = serving(SLACK_API_URL=f"http://127.0.0.1:{dead}/api/")
    try:
        assert wait_status(bot.url("/healthz"), 200, 30)[0] == 200
        end = time.monotonic() + 20
        while len(re.findall(r"Retrying in", bot.stderr())) < 3 and time.monotonic() < end:
            time.sleep(0.2)
        status, body = get_json(bot.url("/readyz"))
        assert status == 503 and body["ready"] is False
        assert f"127.0.0.1:{dead}" in body["reason"] and "cannot be reached" in body["reason"]
        assert bot.proc.poll() is None                           # still running
    finally:
        code = bot.stop()
    err = bot.stderr()
    assert code == 0, err
    assert "Traceback" not in err
    retries = [line for line in err.splitlines() if "Retrying in" in line]
    assert len(retries) >= 3, err
    assert [float(re.findall(r"Retrying in ([0-9.]+) s", line)[0]) for line in retries[:3]] \
        == [1.0, 2.0, 4.0]
    for line in retries:      # one line each: what went wrong, and what to do
        assert f"Slack's Web API at http://127.0.0.1:{dead}/api/ cannot be reached" in line
        assert "SLACK_API_URL" in line and "SLACK_APP_TOKEN" in line
    assert [line for line in err.splitlines() if " ERROR " in line] == retries  # nothing else
    assert "xapp-1-test" not in err


def test_backoff_doubles_up_to_its_cap_and_resets_once_connected(
        fake_slack: FakeSlack, make_services: MakeServices,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="dockbot.slack")
    slack_side = LocalSocketMode()
    fake_slack.ws_url = slack_side.url
    services = make_services(SLACK_APP_TOKEN="xapp-1-test", SLACK_SIGNING_SECRET="",
                             SLACK_API_URL=f"http://127.0.0.1:{free_port()}/api/")
    runtime = Runtime(services)
    handler = socket_handler(build_app_for(runtime, services.settings), services.settings)
    link = SocketLink(handler.client, first_delay=0.05, max_delay=0.2).start()
    try:
        end = time.monotonic() + 15
        while link.failures < 6 and time.monotonic() < end:
            time.sleep(0.05)
        problem = link.problem()
        assert problem is not None and "cannot be reached" in problem
        delays = [float(m) for r in caplog.records
                  for m in re.findall(r"Retrying in ([0-9.]+) s", r.getMessage())]
        assert delays[:6] == [0.05, 0.1, 0.2, 0.2, 0.2, 0.2]

        handler.client.web_client.base_url = fake_slack.api_url       # Slack is back
        assert slack_side.connected.wait(10)
        end = time.monotonic() + 10
        while (link.problem() is not None or link.failures) and time.monotonic() < end:
            time.sleep(0.05)
        assert link.problem() is None and link.failures == 0
        ack = slack_side.send("slash_commands", _help(fake_slack, "b1"), "b1")
        assert ack["payload"]["blocks"][0]["text"]["text"] == kit.w("help_title", "en")
    finally:
        link.close()
        runtime.close()
        slack_side.stop()
    assert not handler.client.is_connected()


def test_the_side_port_says_degraded_while_redis_is_down(
        fake_slack: FakeSlack, serving: Callable[..., Serving]) -> None:
    slack_side = LocalSocketMode()
    fake_slack.ws_url = slack_side.url
    redis = start_redis()
    port = int(redis.url.rsplit(":", 1)[1])
    bot = serving(SLACK_API_URL=fake_slack.api_url, DOCKBOT_REDIS_URL=redis.url + "/0")
    try:
        assert _ready(wait_status(bot.url("/readyz"), 200, 30))
        assert get_json(bot.url("/healthz")) == (200, {"ok": True, "status": "ok"})
        redis.stop()
        status, body = wait_status(bot.url("/readyz"), 503, 10)
        assert status == 503 and f"Redis at 127.0.0.1:{port}" in body["reason"], body
        status, health = get_json(bot.url("/healthz"))
        assert status == 200 and health["ok"] is True and health["status"] == "degraded"
        assert f"Redis at 127.0.0.1:{port}" in health["reason"]
        ack = slack_side.send("slash_commands", _help(fake_slack, "d1"), "d1")  # still answers
        assert ack["payload"]["blocks"][0]["text"]["text"] == kit.w("help_title", "en")
    finally:
        slack_side.stop()
        code = bot.stop()
        redis.stop()
    assert code == 0, bot.stderr()


def test_a_refused_token_says_to_check_slack_app_token(
        fake_slack: FakeSlack, make_services: MakeServices) -> None:
    fake_slack.connections_error = "invalid_auth"
    services = make_services(SLACK_APP_TOKEN="xapp-1-revoked", SLACK_SIGNING_SECRET="",
                             SLACK_API_URL=fake_slack.api_url)
    runtime = Runtime(services)
    handler = socket_handler(build_app_for(runtime, services.settings), services.settings)
    link = SocketLink(handler.client)
    try:
        error = link.connect_once()
        assert error is not None and error.code == "slack_unavailable"
        assert "invalid_auth" in error.message and "SLACK_APP_TOKEN" in error.hint
        assert "xapp-1-revoked" not in error.user_text()
        assert not handler.client.is_connected()
        (opened,) = fake_slack.calls_to("apps.connections.open")   # not retried behind our back
        assert opened.params["_auth"] == "Bearer xapp-1-revoked"
    finally:
        link.close()
        runtime.close()


def _ready(answer: tuple[int, dict[str, object]]) -> bool:
    """200, ready, and the knowledge base's details along (entries loaded, no reload error)."""
    status, body = answer
    knowledge = body.get("knowledge")
    return (status == 200 and body.get("ready") is True and isinstance(knowledge, dict)
            and int(knowledge["entries"]) > 0 and knowledge["last_reload_error"] == [])
