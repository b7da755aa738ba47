"""Every executor decision from every Slack surface is exactly one audit line.

Denials made before the executor runs (the router, the Run-it button, a mention, a
decision that waited for user groups) are written to the executor's own audit log.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.executor.audit import FIELDS
from bot.render import blockkit as kit
from bot.render import blocks as bk

MakeApp = Callable[..., Any]


@pytest.fixture
def dead_socket(tmp_path: Path) -> str:
    return f"unix://{tmp_path}/no-docker.sock"


def audit_lines(app: Any) -> list[dict[str, Any]]:
    path = Path(str(app.runtime.services.settings.config_path) + ".audit")
    return [json.loads(x) for x in path.read_text().splitlines()] if path.exists() else []


def wait_lines(app: Any, n: int, timeout: float = 10.0) -> list[dict[str, Any]]:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        lines = audit_lines(app)
        if len(lines) >= n:
            return lines
        time.sleep(0.05)
    raise AssertionError(f"expected {n} audit lines, got {audit_lines(app)}")


def run_button(op: str = "ps") -> dict[str, Any]:
    return {"action_id": bk.ACTION_RUN, "value": json.dumps({"op": op, "l": "en"})}


def test_thirty_denied_attempts_from_every_surface_make_thirty_denied_lines(
    slack_app: MakeApp, dead_socket: str
) -> None:
    policy = {"channels": {"COPS": {"ops": "all"}}, "users": {"UOPS": {"role": "admin"}},
              "usergroups": {"SONCALL": {"role": "viewer"}}}
    app = slack_app(dead_socket, policy=policy)
    app.fake.usergroups = [{"id": "SONCALL", "users": ["UCALL"]}]
    assert app.runtime.groups.groups_of(app.app.client, "T0TEST", "UCALL") == {"SONCALL"}
    attempts = 0
    for i in range(6):  # slash commands the router denies
        body = app.command("ps -a" if i % 2 else "image ls", user=f"USTRANGER{i}",
                           channel="COPS")[0].json()
        assert "cannot run" in kit.plain_text(body)
        attempts += 1
    for i in range(6):  # a channel without a rule
        app.command("ps", user="UOPS", channel=f"CGEN{i}")
        attempts += 1
    for i in range(6):  # Run it, clicked by someone who may not
        _, key = app.click(run_button(), user=f"UCLICK{i}", channel="COPS")
        (note,) = app.fake.wait_responses(key)
        assert "cannot run" in kit.plain_text(note)
        attempts += 1
    for i in range(6):  # mentions
        app.event({"type": "app_mention", "user": f"UMENTION{i}", "channel": "COPS",
                   "ts": f"{i}.5", "text": "<@UBOT> ps"})
        attempts += 1
    for i in range(3):  # a pasted command is explained instead, and the refusal audited
        body = app.command("docker ps -a", user=f"UPASTE{i}", channel="COPS")[0].json()
        assert body["blocks"][0]["text"]["text"] == kit.w("explain_title", "en")
        attempts += 1
    for _ in range(3):  # an operation beyond what the user's group grants
        body = app.command("logs web", user="UCALL", channel="COPS")[0].json()
        assert "cannot run" in kit.plain_text(body)
        attempts += 1
    assert attempts == 30
    wait_lines(app, attempts)
    time.sleep(0.3)
    lines = audit_lines(app)
    assert len(lines) == attempts
    assert {line["decision"] for line in lines} == {"denied"}
    assert all(set(line) == set(FIELDS) and line["bytes"] == 0 for line in lines)
    assert all(line["principal"] == "slack" and line["team"] == "T0TEST" for line in lines)
    users = [line["user"] for line in lines]
    assert users.count("UOPS") == 6 and users.count("UCALL") == 3
    assert {line["op"] for line in lines} == {"ps", "images", "logs"}
    assert app.fake.calls_to("chat.postMessage") == []  # mention refusals went ephemeral


def test_a_decision_that_waits_for_groups_is_audited_once(
    slack_app: MakeApp, dead_socket: str
) -> None:
    policy = {"channels": {"COPS": {"ops": "all"}}, "usergroups": {"SONCALL": {"role": "viewer"}}}
    app = slack_app(dead_socket, policy=policy)
    app.fake.usergroups = [{"id": "SONCALL", "users": ["UCALL"]}]
    app.fake.usergroups_delay = 0.5
    _, denied_key = app.command("ps", user="UNOBODY", channel="COPS")
    _, allowed_key = app.command("ps", user="UCALL", channel="COPS")
    (denied,) = app.fake.wait_responses(denied_key)
    (allowed,) = app.fake.wait_responses(allowed_key)
    assert "cannot run" in kit.plain_text(denied)
    assert "cannot be reached" in kit.plain_text(allowed)
    time.sleep(0.3)
    lines = sorted(audit_lines(app), key=lambda line: str(line["user"]))
    assert [(line["user"], line["decision"], line["outcome"]) for line in lines] == [
        ("UCALL", "allowed", "unreachable"), ("UNOBODY", "denied", "denied")]


def test_executor_off_is_audited_as_disabled(slack_app: MakeApp, tmp_path: Path) -> None:
    audit = tmp_path / "off.audit"
    app = slack_app()
    app.runtime.services.executor.audit.close()
    from bot.executor.audit import AuditLog

    app.runtime.services.executor.audit = AuditLog(str(audit))
    app.command("ps", user="UOPS", channel="COPS")
    app.click(run_button(), user="UOPS", channel="COPS")
    time.sleep(0.5)
    lines = [json.loads(x) for x in audit.read_text().splitlines()]
    assert [(line["decision"], line["user"], line["op"]) for line in lines] == [
        ("disabled", "UOPS", "ps"), ("disabled", "UOPS", "ps")]


def test_an_allowed_run_is_one_line_from_the_executor(
    slack_app: MakeApp, dead_socket: str
) -> None:
    app = slack_app(dead_socket)
    _, key = app.click(run_button("ps @local"), user="UOPS", channel="COPS")
    app.fake.wait_responses(key, 2)
    time.sleep(0.2)
    (line,) = audit_lines(app)
    assert (line["decision"], line["host"], line["outcome"]) == ("allowed", "local", "unreachable")
    assert line["rule"] == "channels.COPS+users.UOPS"


def test_busy_refusals_are_audited(slack_app: MakeApp, slow_docker_socket: str) -> None:
    app = slack_app(slow_docker_socket, limits={"workers": 1, "queue": 0})
    _, first = app.command("ps", user="UOPS", channel="COPS")
    time.sleep(0.2)
    keys = [app.command("ps", user="UOPS", channel="COPS")[1] for _ in range(3)]
    for key in keys:
        (busy,) = app.fake.wait_responses(key)
        assert "busy" in kit.plain_text(busy)
    app.fake.wait_responses(first, timeout=15)
    lines = wait_lines(app, 4)
    assert sorted(line["decision"] for line in lines) == ["allowed", "busy", "busy", "busy"]
    assert [line["outcome"] for line in lines if line["decision"] == "allowed"] == ["timeout"]
