"""Socket Mode: the same app and router, driven through a local websocket server that the
stand-in ``apps.connections.open`` points to, in-process and through ``dockbot serve``."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.render import blockkit as kit
from bot.render import blocks as bk
from bot.render.buttons import Share, decode, encode
from bot.services import Services
from bot.slack.app import build_app_for
from bot.slack.runtime import Runtime
from bot.slack.socket_mode import socket_handler
from tests.support.socket_mode import LocalSocketMode

ROOT = Path(__file__).resolve().parents[2]
MakeServices = Callable[..., Services]


@pytest.fixture
def socket_server(fake_slack: Any) -> Iterator[LocalSocketMode]:
    local = LocalSocketMode()
    fake_slack.ws_url = local.url
    yield local
    local.close()


def command_payload(fake: Any, text: str, key: str, user: str = "U1",
                    channel: str = "C1") -> dict[str, Any]:
    return {"command": "/docker", "text": text, "team_id": "T0TEST", "user_id": user,
            "channel_id": channel, "channel_name": "general", "trigger_id": f"t-{key}",
            "response_url": fake.response_url(key), "api_app_id": "A0TEST"}


def test_socket_mode_uses_the_same_router(
    fake_slack: Any, socket_server: LocalSocketMode, make_services: MakeServices,
    base_services: Services, tmp_path: Path,
) -> None:
    services = make_services(f"unix://{tmp_path}/none.sock", SLACK_APP_TOKEN="xapp-1-test",
                             SLACK_API_URL=fake_slack.api_url, SLACK_SIGNING_SECRET="")
    runtime = Runtime(services)
    app = build_app_for(runtime, services.settings)
    handler = socket_handler(app, services.settings)
    handler.client.connect()
    try:
        (opened,) = fake_slack.wait_calls("apps.connections.open")
        assert opened.params["_auth"] == "Bearer xapp-1-test"

        ack = socket_server.send("slash_commands",
                                 command_payload(fake_slack, "how do I list images", "s1"), "e1")
        answer = base_services.matcher.ask("how do I list images")
        assert answer.best is not None
        assert ack["payload"]["blocks"][0]["text"]["text"] == answer.best.entry.title["en"]

        ack = socket_server.send("slash_commands",
                                 command_payload(fake_slack, "explain docker ps -a", "s2"), "e2")
        assert ack["payload"]["blocks"][0]["text"]["text"] == kit.w("explain_title", "en")

        ack = socket_server.send(
            "slash_commands",
            command_payload(fake_slack, "ps", "s3", user="UOPS", channel="COPS"), "e3")
        assert "⏳" in ack["payload"]["text"]
        (result,) = fake_slack.wait_responses("s3")
        assert "cannot be reached" in kit.plain_text(result)

        event = {"type": "event_callback", "team_id": "T0TEST", "event_id": "Ev1",
                 "event": {"type": "app_mention", "user": "U1", "channel": "C1", "ts": "4.4",
                           "text": "<@UBOT> 이미지 목록"}}
        assert socket_server.send("events_api", event, "e4") == {"envelope_id": "e4"}
        (posted,) = fake_slack.wait_calls("chat.postMessage")
        assert posted.params["thread_ts"] == "4.4"

        share = decode(Share, next(
            e for e in ack_blocks(socket_server, fake_slack) if e["action_id"] == bk.ACTION_SHARE
        )["value"])
        click = {"type": "block_actions", "team": {"id": "T0TEST"}, "user": {"id": "U1"},
                 "trigger_id": "t-click", "response_url": fake_slack.response_url("s5"),
                 "channel": {"id": "C1"}, "container": {"type": "message", "is_ephemeral": True},
                 "actions": [{"action_id": bk.ACTION_SHARE, "block_id": "b",
                              "value": encode(share), "type": "button"}]}
        socket_server.send("interactive", click, "e5")
        (shared,) = fake_slack.wait_responses("s5")
        assert shared["response_type"] == "in_channel"
    finally:
        handler.client.close()
        runtime.close()


def ack_blocks(server: LocalSocketMode, fake: Any) -> list[dict[str, Any]]:
    ack = server.send("slash_commands", command_payload(fake, "list images", "s4"), "e-share")
    return [e for b in ack["payload"]["blocks"] if b["type"] == "actions" for e in b["elements"]]


def test_dockbot_serve_in_socket_mode(fake_slack: Any, socket_server: LocalSocketMode) -> None:
    env = {"PATH": os.environ.get("PATH", ""), "SLACK_BOT_TOKEN": "xoxb-test",
           "SLACK_APP_TOKEN": "xapp-1-test", "SLACK_API_URL": fake_slack.api_url,
           "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "bot", "serve"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        ack = socket_server.send("slash_commands", command_payload(fake_slack, "도움말", "p1"),
                                 "p1")
        assert ack["payload"]["blocks"][0]["text"]["text"] == kit.w("help_title", "ko")
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err.decode()


def test_socket_mode_refuses_malformed_payloads_without_a_traceback(
    fake_slack: Any, socket_server: LocalSocketMode, make_services: MakeServices,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    services = make_services(SLACK_APP_TOKEN="xapp-1-test", SLACK_API_URL=fake_slack.api_url,
                             SLACK_SIGNING_SECRET="")
    runtime = Runtime(services)
    handler = socket_handler(build_app_for(runtime, services.settings), services.settings)
    handler.client.connect()
    try:
        base = {"type": "block_actions", "team": {"id": "T0TEST"}, "user": {"id": "U1"},
                "trigger_id": "t-bad", "response_url": fake_slack.response_url("bad"),
                "container": {"type": "message", "is_ephemeral": True}}
        for i, actions in enumerate(["dockbot_share", [None], [{"action_id": 5}]]):
            ack = socket_server.send("interactive", {**base, "trigger_id": f"t-{i}",
                                                     "actions": actions}, f"bad-{i}")
            assert ack == {"envelope_id": f"bad-{i}"}  # acknowledged, and nothing else
        ack = socket_server.send("slash_commands", command_payload(fake_slack, "help", "ok"),
                                 "ok")
        assert ack["payload"]["blocks"][0]["text"]["text"] == kit.w("help_title", "en")
        time.sleep(0.3)
        assert fake_slack.responses == {}
        assert [r.getMessage() for r in caplog.records if r.exc_info] == []
        assert sum(r.getMessage().startswith("rejected a malformed") for r in caplog.records
                   if r.name == "dockbot.slack") == 3
    finally:
        handler.client.close()
        runtime.close()
