"""`dockbot serve` as a user runs it, plus failure handling (`dockbot slash`: tests/cli)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from slack_sdk.signature import SignatureVerifier

from bot.render import blockkit as kit
from bot.render import blocks as bk
from bot.services import Services

ROOT = Path(__file__).resolve().parents[2]
MakeApp = Callable[..., Any]


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_serve(env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    full = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT), **env}
    return subprocess.Popen([sys.executable, "-m", "bot", "serve", *args], cwd=ROOT, env=full,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_serve_http_mode_answers_signed_requests_and_stops_cleanly(fake_slack: Any) -> None:
    port = free_port()
    proc = run_serve({"SLACK_BOT_TOKEN": "xoxb-t", "SLACK_SIGNING_SECRET": "sekret",
                      "SLACK_API_URL": fake_slack.api_url}, "--port", str(port))
    base = f"http://127.0.0.1:{port}"
    try:
        end = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2) as resp:
                    assert json.loads(resp.read()) == {"ok": True, "status": "ok"}
                    break
            except OSError:
                assert proc.poll() is None and time.monotonic() < end, proc.stderr
                time.sleep(0.1)
        body = urlencode({"command": "/docker", "text": "help", "team_id": "T1",
                          "user_id": "U1", "channel_id": "C1"})
        ts = str(int(time.time()))
        sig = SignatureVerifier("sekret").generate_signature(timestamp=ts, body=body) or ""
        req = urllib.request.Request(base + "/slack/events", data=body.encode(), headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig})
        with urllib.request.urlopen(req, timeout=10) as resp:
            assert json.loads(resp.read())["text"] == kit.w("help_title", "en")
        assert fake_slack.calls_to("auth.test") == []
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err.decode()
    assert "listens on http://127.0.0.1" in err.decode()


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({}, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxb-t"}, "SLACK_SIGNING_SECRET"),
        ({"SLACK_BOT_TOKEN": "nope", "SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxb-t", "SLACK_APP_TOKEN": "xoxb-wrong"}, "SLACK_APP_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxb-t", "SLACK_SIGNING_SECRET": "s",
          "SLACK_API_URL": "ftp://x"}, "SLACK_API_URL"),
    ],
)
def test_serve_names_the_missing_or_bad_setting_and_exits_2(
    env: dict[str, str], names: str
) -> None:
    proc = run_serve(env, "--port", str(free_port()))
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 2
    assert names in err.decode() and "Traceback" not in err.decode()


def test_serve_refuses_a_bad_executor_config_at_start_up(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.yml"
    cfg.write_text("exec:\n  enabled: true\n  limits: {workers: -3}\n")
    proc = run_serve({"SLACK_BOT_TOKEN": "xoxb-t", "SLACK_SIGNING_SECRET": "s",
                      "DOCKBOT_CONFIG": str(cfg)}, "--port", str(free_port()))
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 2 and "workers" in err.decode()
    assert "Traceback" not in err.decode()


def test_two_replicas_share_nothing(slack_app: MakeApp) -> None:
    first, second = slack_app(), slack_app()
    answer = first.command("how do I list images")[0].json()
    share = next(e for b in answer["blocks"] if b["type"] == "actions" for e in b["elements"]
                 if e["action_id"] == bk.ACTION_SHARE)
    _, key = second.click(share)
    (shared,) = second.fake.wait_responses(key)
    assert shared["blocks"][1] == answer["blocks"][0]


def test_unexpected_failures_reach_the_user(
    slack_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.slack.listeners.actions as actions
    import bot.slack.listeners.commands as commands

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(commands, "route", boom)
    monkeypatch.setattr(actions, "alternatives_message", boom)
    app = slack_app()
    reply, _ = app.command("how do I list images")
    assert reply.status == 200 and reply.json()["text"] == kit.w("internal", "en")
    assert "kaboom" not in reply.body
    click, key = app.click({"action_id": bk.ACTION_OTHERS, "value": '{"a": [], "l": "en"}'})
    assert click.status == 200 and click.seconds < 1.0  # not Bolt's 404 after 3 s
    (said,) = app.fake.wait_responses(key)
    assert said["text"] == kit.w("internal", "en")


def test_build_app_uses_the_given_client_and_calls_nothing(
    fake_slack: Any, make_services: Callable[..., Services]
) -> None:
    from slack_sdk import WebClient

    from bot.slack.app import build_app

    services = make_services(SLACK_API_URL=fake_slack.api_url)
    client = WebClient(base_url=fake_slack.api_url)
    app = build_app(services, services.settings, client=client)
    assert app.client is client
    default = build_app(services, services.settings)
    assert default.client.base_url == fake_slack.api_url
    assert fake_slack.calls == []
