"""Two `dockbot serve` replicas (separate processes, HTTP mode) sharing one real Redis.

Slack may deliver an event again (a retry, for any reason) to whichever replica the load
balancer picks, and a signed click or slash command can be replayed within the signature
window. With ``DOCKBOT_REDIS_URL`` each is answered exactly once across replicas; the control
tests show what happens without it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import pytest

from bot.render import blocks as bk
from tests.support.loopback import (
    RedisProcess,
    Replica,
    SlackRecorder,
    free_port,
    serve_env,
    signed,
)

pytestmark = [pytest.mark.deploy]

FORM = "application/x-www-form-urlencoded"
TEAM = "T0DEPLOY"
MakeReplica = Callable[..., Replica]


def _event_body(event_id: str, text: str = "<@UBOT> how do I list images") -> str:
    return json.dumps({
        "token": "legacy", "team_id": TEAM, "api_app_id": "A0DEPLOY", "type": "event_callback",
        "event_id": event_id, "event_time": int(time.time()),
        "event": {"type": "app_mention", "user": "UASK", "channel": "CGEN", "ts": "7.7",
                  "text": text},
    })


def _deliver_three_times(a: Replica, b: Replica, body: str) -> None:
    status, text = a.post(body, signed(body, "application/json"))
    assert status == 200, (text, a.log_tail())
    retry = {**signed(body, "application/json"), "X-Slack-Retry-Num": "1",
             "X-Slack-Retry-Reason": "http_error"}
    status, text = b.post(body, retry)
    assert status == 200, (text, b.log_tail())
    retry2 = {**signed(body, "application/json"), "X-Slack-Retry-Num": "2",
              "X-Slack-Retry-Reason": "too_many_requests"}
    status, text = a.post(body, retry2)
    assert status == 200, (text, a.log_tail())


def _pair(replicas: MakeReplica, rec: SlackRecorder, **env: str) -> tuple[Replica, Replica]:
    return (replicas(SLACK_API_URL=rec.api_url, **env),
            replicas(SLACK_API_URL=rec.api_url, **env))


def test_a_retried_event_is_answered_once_across_replicas(
        replicas: MakeReplica, slack_recorder: SlackRecorder, redis_url: str) -> None:
    a, b = _pair(replicas, slack_recorder, DOCKBOT_REDIS_URL=redis_url)
    _deliver_three_times(a, b, _event_body("Ev0DEPLOY1"))
    (posted,) = slack_recorder.wait("/api/chat.postMessage")
    assert posted["channel"] == "CGEN" and "docker image ls" in json.dumps(posted)
    time.sleep(1.0)
    assert len(slack_recorder.to("/api/chat.postMessage")) == 1
    _deliver_three_times(b, a, _event_body("Ev0DEPLOY2"))     # a new event is answered
    slack_recorder.wait("/api/chat.postMessage", 2)
    time.sleep(1.0)
    assert len(slack_recorder.to("/api/chat.postMessage")) == 2


def test_without_shared_state_each_replica_answers_the_retry(
        replicas: MakeReplica, slack_recorder: SlackRecorder) -> None:
    """The control: in-process state only de-duplicates within one replica."""
    a, b = _pair(replicas, slack_recorder)
    _deliver_three_times(a, b, _event_body("Ev0DEPLOY3"))
    slack_recorder.wait("/api/chat.postMessage", 2)
    time.sleep(1.0)
    assert len(slack_recorder.to("/api/chat.postMessage")) == 2    # a: once, b: once


def _command(rec: SlackRecorder, key: str, text: str = "how do I list images") -> str:
    return urlencode({
        "token": "legacy", "team_id": TEAM, "team_domain": "t", "channel_id": "CGEN",
        "channel_name": "general", "user_id": "UASK", "user_name": "asker",
        "command": "/docker", "text": text, "api_app_id": "A0DEPLOY",
        "response_url": rec.response_url(key), "trigger_id": f"trg-{key}",
    })


def _click(rec: SlackRecorder, button: dict[str, Any], key: str) -> str:
    payload = {
        "type": "block_actions", "team": {"id": TEAM, "domain": "t"},
        "user": {"id": "UASK", "team_id": TEAM}, "api_app_id": "A0DEPLOY",
        "trigger_id": f"trg-{key}", "response_url": rec.response_url(key),
        "channel": {"id": "CGEN", "name": "general"},
        "container": {"type": "message", "message_ts": "1.0", "channel_id": "CGEN",
                      "is_ephemeral": True},
        "actions": [{"type": "button", "action_id": button["action_id"], "block_id": "b1",
                     "value": button.get("value", ""), "text": button["text"],
                     "action_ts": f"{time.time():.6f}"}],
    }
    return urlencode({"payload": json.dumps(payload)})


def _button(msg: dict[str, Any], action_id: str) -> dict[str, Any]:
    for block in msg["blocks"]:
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                return dict(element)
    raise AssertionError(f"no {action_id} button in {json.dumps(msg)[:500]}")


def test_a_replayed_click_and_command_have_one_effect_across_replicas(
        replicas: MakeReplica, slack_recorder: SlackRecorder, redis_url: str) -> None:
    a, b = _pair(replicas, slack_recorder, DOCKBOT_REDIS_URL=redis_url)
    command = _command(slack_recorder, "cmd1")
    status, first = a.post(command, signed(command, FORM))
    assert status == 200 and "docker image ls" in first
    status, replayed = b.post(command, signed(command, FORM))
    assert status == 200 and replayed == ""                      # acknowledged, ignored

    share = _button(json.loads(first), bk.ACTION_SHARE)
    click = _click(slack_recorder, share, "click1")
    assert a.post(click, signed(click, FORM))[0] == 200
    assert b.post(click, signed(click, FORM))[0] == 200
    assert a.post(click, signed(click, FORM))[0] == 200
    (shared,) = slack_recorder.wait("/respond/click1")
    assert shared["response_type"] == "in_channel"
    time.sleep(1.0)
    assert len(slack_recorder.to("/respond/click1")) == 1


def test_serve_stops_at_start_up_when_redis_does_not_answer() -> None:
    import subprocess
    import sys

    from tests.support.loopback import ROOT

    url = f"redis://:hunter2-secret@127.0.0.1:{free_port()}/0"
    done = subprocess.run([sys.executable, "-m", "bot", "serve", "--port", str(free_port())],
                          cwd=ROOT, env=serve_env({"DOCKBOT_REDIS_URL": url}),
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert "DOCKBOT_REDIS_URL" in done.stderr and "does not answer" in done.stderr
    assert "hunter2" not in done.stderr + done.stdout


def test_answers_keep_working_when_redis_goes_away(
        replicas: MakeReplica, slack_recorder: SlackRecorder, own_redis: RedisProcess) -> None:
    a = replicas(SLACK_API_URL=slack_recorder.api_url, DOCKBOT_REDIS_URL=own_redis.url)
    own_redis.stop()
    command = _command(slack_recorder, "cmd2")
    start = time.monotonic()
    status, answer = a.post(command, signed(command, FORM))
    assert status == 200 and "docker image ls" in answer
    assert time.monotonic() - start < 2.5                  # inside Slack's 3-second ack
    body = _event_body("Ev0DEPLOY4")
    assert a.post(body, signed(body, "application/json"))[0] == 200
    slack_recorder.wait("/api/chat.postMessage")
