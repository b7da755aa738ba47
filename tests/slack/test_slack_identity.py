"""Who sent a payload is read the way Slack sends each payload type; DMs by id, not name."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from bot.render import blockkit as kit
from bot.render import blocks as bk
from bot.slack.payloads import Identity, identity

MakeApp = Callable[..., Any]
FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def dead_socket(tmp_path: Path) -> str:
    return f"unix://{tmp_path}/no-docker.sock"


def audit_lines(app: Any) -> list[dict[str, Any]]:
    path = Path(str(app.runtime.services.settings.config_path) + ".audit")
    return [json.loads(x) for x in path.read_text().splitlines()] if path.exists() else []


FORGED = {"user_id": "UOPS", "channel_id": "COPS", "team_id": "TOTHER",
          "user": "UOPS", "channel": "COPS"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"command": "/docker", "user_id": "U1", "channel_id": "C1", "team_id": "T1",
          "channel_name": "directmessage"}, Identity("T1", "C1", "U1", False)),
        ({"command": "/docker", "user_id": "U1", "channel_id": "D1", "team_id": "T1",
          "channel_name": "general"}, Identity("T1", "D1", "U1", True)),
        ({"type": "block_actions", **FORGED, "user": {"id": "U2", "team_id": "T2"},
          "channel": {"id": "C2", "name": "directmessage"}, "team": {"id": "T2"},
          "actions": []}, Identity("T2", "C2", "U2", False)),
        ({"type": "block_actions", "user": {"id": "U2", "team_id": "T2"},
          "container": {"type": "message", "channel_id": "D9"}, "actions": []},
         Identity("T2", "D9", "U2", True)),
        ({"type": "block_actions", "user_id": "UOPS", "actions": []},
         Identity(None, None, None, False)),
        ({"type": "event_callback", **FORGED, "team_id": "T3",
          "event": {"type": "app_mention", "user": "U3", "channel": "C3", "user_id": "UOPS",
                    "channel_id": "COPS", "team": "TOTHER"}},
         Identity("T3", "C3", "U3", False)),
        ({"type": "event_callback", "team_id": "T3",
          "event": {"type": "message", "user": "U3", "channel": "D3", "channel_type": "im"}},
         Identity("T3", "D3", "U3", True)),
        ({"type": "event_callback", "team_id": "T3",
          "event": {"type": "message", "user": "U3", "channel": "C3",
                    "channel_name": "directmessage"}}, Identity("T3", "C3", "U3", False)),
        (FORGED, Identity(None, None, None, False)),
    ],
    ids=["command", "command-dm", "click-forged", "click-container", "click-no-user",
         "event-forged", "event-im", "event-named-dm", "unknown-type"],
)
def test_identity_per_payload_type(body: dict[str, Any], expected: Identity) -> None:
    assert identity(body) == expected


def test_a_click_cannot_claim_another_user_through_extra_keys(
    slack_app: MakeApp, dead_socket: str
) -> None:
    app = slack_app(dead_socket)
    key = app.key()
    payload = {
        "type": "block_actions", "team": {"id": "T0TEST"}, "user": {"id": "USTRANGER"},
        "user_id": "UOPS", "channel": {"id": "COPS"}, "trigger_id": f"trg-{key}",
        "response_url": app.fake.response_url(key),
        "container": {"type": "message", "channel_id": "COPS", "is_ephemeral": True},
        "actions": [{"action_id": bk.ACTION_RUN, "value": json.dumps({"op": "ps", "l": "en"}),
                     "type": "button"}],
    }
    app.send(urlencode({"payload": json.dumps(payload)}), FORM)
    (note,) = app.fake.wait_responses(key)
    assert "cannot run" in kit.plain_text(note)
    time.sleep(0.2)
    assert [(a["user"], a["decision"]) for a in audit_lines(app)] == [("USTRANGER", "denied")]


def test_a_mention_cannot_claim_another_user(
    slack_app: MakeApp, dead_socket: str, valid_message: Callable[[dict[str, Any]], None]
) -> None:
    app = slack_app(dead_socket)
    app.event({"type": "app_mention", "user": "USTRANGER", "user_id": "UOPS",
               "channel": "COPS", "ts": "4.4", "text": "<@UBOT> ps"})
    (note,) = app.fake.wait_calls("chat.postEphemeral")
    valid_message({"text": note.params["text"], "blocks": note.params["blocks"]})
    assert note.params["user"] == "USTRANGER"
    assert "cannot run" in kit.plain_text({"blocks": note.params["blocks"]})
    time.sleep(0.2)
    assert [(a["user"], a["decision"]) for a in audit_lines(app)] == [("USTRANGER", "denied")]


def test_a_channel_named_directmessage_is_not_a_dm(slack_app: MakeApp, dead_socket: str) -> None:
    app = slack_app(dead_socket)  # direct_messages: viewer; UVIEW is a viewer
    body = app.command("ps", user="UVIEW", channel="CNOTDM", channel_name="directmessage")[0]
    assert "cannot run" in kit.plain_text(body.json())
    reply, key = app.command("ps", user="UVIEW", channel="D0REAL", channel_name="directmessage")
    assert "⏳" in reply.json()["text"]
    app.fake.wait_responses(key)
    time.sleep(0.2)
    assert [(a["channel"], a["dm"], a["decision"]) for a in audit_lines(app)] == [
        ("CNOTDM", False, "denied"), ("D0REAL", True, "allowed")]


def test_a_dm_event_uses_the_dm_policy_and_answers_in_the_dm(
    slack_app: MakeApp, dead_socket: str
) -> None:
    app = slack_app(dead_socket)
    app.event({"type": "message", "channel_type": "im", "channel": "D0REAL", "ts": "2.2",
               "user": "UVIEW", "text": "ps"})
    pending, result = app.fake.wait_calls("chat.postMessage", 2)
    assert {pending.params["channel"], result.params["channel"]} == {"D0REAL"}
    assert "cannot be reached" in kit.plain_text({"blocks": result.params["blocks"]})
    assert app.fake.calls_to("chat.postEphemeral") == []
