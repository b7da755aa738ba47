"""Correctly signed bodies of the wrong shape: a 400 or a polite no-op, never a 500 or a
traceback in the log, over real HTTP."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import pytest

from bot.render import blocks as bk

MakeApp = Callable[..., Any]
FORM = "application/x-www-form-urlencoded"


def click_payload(app: Any, key: str, **over: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "type": "block_actions", "team": {"id": "T0TEST"}, "user": {"id": "UASK"},
        "channel": {"id": "CGEN"}, "trigger_id": f"trg-{key}",
        "response_url": app.fake.response_url(key),
        "container": {"type": "message", "channel_id": "CGEN", "is_ephemeral": True},
        "actions": [{"action_id": bk.ACTION_SHARE, "type": "button",
                     "value": json.dumps({"e": "ps", "q": "q", "l": "en"})}],
    }
    payload.update(over)
    return {k: v for k, v in payload.items() if v is not ...}


def nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = {"a": [value]}
    return value


MALFORMED: dict[str, dict[str, Any]] = {
    "actions-string": {"actions": "dockbot_share"},
    "actions-null": {"actions": [None]},
    "actions-empty": {"actions": []},
    "action-id-int": {"actions": [{"action_id": 5, "value": "x"}]},
    "action-value-object": {"actions": [{"action_id": bk.ACTION_SHARE, "value": {"e": "ps"}}]},
    "user-string": {"user": "UASK"},
    "user-missing": {"user": ...},
    "container-string": {"container": "message"},
    "channel-list": {"channel": ["CGEN"]},
    "response-url-int": {"response_url": 7},
    "deep": {"message": nested(300)},
}


def no_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    assert [r.getMessage() for r in caplog.records if r.exc_info] == []
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_clicks_get_400_and_no_traceback(
    slack_app: MakeApp, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    caplog.set_level(logging.DEBUG)
    app = slack_app()
    key = app.key()
    body = urlencode({"payload": json.dumps(click_payload(app, key, **MALFORMED[case]))})
    reply = app.send(body, FORM)
    assert reply.status == 400, reply.body
    time.sleep(0.2)
    no_tracebacks(caplog)
    assert app.fake.responses == {} and app.fake.calls == []
    good_key = app.key()
    good = urlencode({"payload": json.dumps(click_payload(app, good_key))})
    assert app.send(good, FORM).status == 200
    assert app.fake.wait_responses(good_key)


@pytest.mark.parametrize("depth", [200, 5000, 100_000])
def test_deeply_nested_json_gets_400(
    slack_app: MakeApp, caplog: pytest.LogCaptureFixture, depth: int
) -> None:
    caplog.set_level(logging.DEBUG)
    app = slack_app()
    event = '{"type": "event_callback", "team_id": "T0TEST", "event": ' + \
        '{"a": [' * depth + "1" + "]}" * depth + "}"
    assert app.send(event, "application/json").status == 400
    form = urlencode({"payload": '{"type": "block_actions", "x": ' + "[" * depth +
                      "]" * depth + "}"})
    assert app.send(form, FORM).status == 400
    no_tracebacks(caplog)


def test_malformed_event_fields_get_400(
    slack_app: MakeApp, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    app = slack_app()
    for event in ({"type": "app_mention", "user": {"id": "U1"}, "channel": "C1", "text": "x"},
                  {"type": "app_mention", "user": "U1", "channel": "C1", "text": ["ps"]},
                  {"type": "message", "channel_type": "im", "channel": 5, "user": "U1"}):
        body = json.dumps({"type": "event_callback", "team_id": "T0TEST", "event": event})
        assert app.send(body, "application/json").status == 400
    body = json.dumps({"type": "event_callback", "team_id": "T0TEST", "event": "app_mention"})
    assert app.send(body, "application/json").status == 400
    time.sleep(0.2)
    no_tracebacks(caplog)
    assert app.fake.calls == []


@pytest.mark.parametrize("action_id", [bk.ACTION_SHARE, bk.ACTION_OTHERS, bk.ACTION_RUN,
                                       bk.ACTION_FEEDBACK_UP, f"{bk.ACTION_PICK}_0"])
@pytest.mark.parametrize("channel", [True, False])
def test_a_click_without_response_url_is_a_polite_no_op(
    slack_app: MakeApp, caplog: pytest.LogCaptureFixture, action_id: str, channel: bool
) -> None:
    caplog.set_level(logging.DEBUG)
    app = slack_app()
    key = app.key()
    value = {"e": "ps", "q": "q", "l": "en", "a": ["ps"], "op": "ps", "v": "up"}
    over: dict[str, Any] = {"response_url": ...,
                            "actions": [{"action_id": action_id, "value": json.dumps(value)}]}
    if not channel:
        over.update(channel=..., container={"type": "message", "is_ephemeral": True})
    reply = app.send(urlencode({"payload": json.dumps(click_payload(app, key, **over))}), FORM)
    assert reply.status == 200
    time.sleep(0.4)
    no_tracebacks(caplog)
    assert app.fake.responses == {}
    posted = app.fake.calls_to("chat.postEphemeral")
    if channel and action_id != bk.ACTION_SHARE:
        assert posted and {c.params["user"] for c in posted} == {"UASK"}
    else:
        assert posted == []
    assert app.fake.calls_to("chat.postMessage") == []
