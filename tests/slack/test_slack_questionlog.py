"""The question log behind the real app over real HTTP: questions from /docker and mentions,
👍/👎 joined by the id the buttons carry, no Slack id in clear."""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.kb.gaps import build_report, read_logs
from bot.render import blockkit as kit
from bot.render import blocks as bk
from bot.render.buttons import Feedback, decode

SALT = "slack-question-log-salt-0123456789"
USER = "U0QLOGASKER"
TEAM = "T0TEST"  # the workspace of tests/slack/conftest.py's requests


@pytest.fixture
def logged_app(slack_app: Callable[..., Any], tmp_path: Path) -> Callable[[], tuple[Any, Path]]:
    """The real app over HTTP, its settings with the question log on."""

    def make() -> tuple[Any, Path]:
        app = slack_app()
        path = tmp_path / "questions.jsonl"
        services = app.runtime.services
        services.settings = dataclasses.replace(
            services.settings, question_log=str(path), question_log_salt=SALT)
        services.settings.require_slack()
        return app, path

    return make


def button(msg: dict[str, Any], action_id: str) -> dict[str, Any]:
    for b in msg["blocks"]:
        for e in b.get("elements", []):
            if e.get("action_id") == action_id:
                return dict(e)
    raise AssertionError(f"no {action_id} button")


def records(path: Path, n: int, timeout: float = 10.0) -> list[dict[str, Any]]:
    end = time.monotonic() + timeout
    while True:
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        if len(lines) >= n or time.monotonic() > end:
            return [json.loads(line) for line in lines]
        time.sleep(0.05)


def test_slash_questions_and_votes_are_logged_and_joined(
    logged_app: Callable[[], tuple[Any, Path]]
) -> None:
    app, path = logged_app()
    reply, _ = app.command("how do I list images with password=hunter2", user=USER)
    answer = reply.json()
    down = button(answer, bk.ACTION_FEEDBACK_DOWN)
    value = decode(Feedback, down["value"])
    (question,) = records(path, 1)
    assert question["surface"] == "slack" and question["id"] == value.question_id
    assert question["answer"] == value.entry and question["confident"] is True
    assert isinstance(question["user"], str) and len(question["user"]) == 32
    _, key = app.click(down, user=USER)
    (thanks,) = app.fake.wait_responses(key)
    assert kit.w("feedback_thanks", "en") in kit.plain_text(thanks)
    vote = records(path, 2)[1]
    assert vote == {"event": "feedback", "id": question["id"], "time": vote["time"],
                    "vote": "down", "entry": value.entry, "user": question["user"]}
    text = path.read_text(encoding="utf-8")
    assert USER not in text and TEAM not in text and "hunter2" not in text
    report = build_report(read_logs([str(path)]), app.runtime.services.kb)
    assert report.gaps == 1 and report.groups[0].to_dict()["reasons"]["voted_down"] == 1


def test_help_and_explain_are_not_questions(
    logged_app: Callable[[], tuple[Any, Path]]
) -> None:
    app, path = logged_app()
    app.command("help", user=USER)
    app.command("explain docker ps -a", user=USER)
    app.command("오늘 점심 뭐 먹지", user=USER)
    (line,) = records(path, 1)
    assert line["question"] == "오늘 점심 뭐 먹지" and line["confident"] is False
    assert line["lang"] == "ko" and line["suggestions"] == []


def test_a_mention_is_logged_once(logged_app: Callable[[], tuple[Any, Path]]) -> None:
    app, path = logged_app()
    reply = app.event({"type": "app_mention", "user": USER, "channel": "CGEN",
                       "text": "<@U0BOT> 실행 중인 컨테이너 보기", "ts": "1.1"})
    assert reply.status == 200
    (posted,) = app.fake.wait_calls("chat.postMessage")
    (line,) = records(path, 1)
    assert line["surface"] == "slack" and line["question"] == "실행 중인 컨테이너 보기"
    down = button({"blocks": json.loads(posted.params["blocks"])
                   if isinstance(posted.params["blocks"], str) else posted.params["blocks"]},
                  bk.ACTION_FEEDBACK_DOWN)
    assert decode(Feedback, down["value"]).question_id == line["id"]
    assert USER not in path.read_text(encoding="utf-8")


ADMIN_POLICY = {"channels": {"CGEN": {"ops": "viewer"}},
                "users": {"UADMIN": {"role": "admin"}, "UVIEW": {"role": "viewer"}}}


@pytest.fixture
def admin_app(slack_app: Callable[..., Any], tmp_path: Path) -> Callable[..., tuple[Any, Path]]:
    """The real app with an executor policy naming an admin, and the question log on."""

    def make(log: bool = True) -> tuple[Any, Path]:
        app = slack_app("unix:///nonexistent/docker.sock", policy=ADMIN_POLICY)
        path = tmp_path / "questions.jsonl"
        services = app.runtime.services
        services.settings = dataclasses.replace(
            services.settings, question_log=str(path) if log else None, question_log_salt=SALT)
        return app, path

    return make


def test_gaps_for_admins_only(admin_app: Callable[..., tuple[Any, Path]]) -> None:
    app, path = admin_app()
    for text in ("오늘 점심 뭐 먹지", "오늘 점심 뭐먹지", "what should I eat for lunch"):
        app.command(text, user=USER)
    records(path, 3)
    reply = app.command("gaps", user="UADMIN")[0].json()
    text = kit.plain_text(reply)
    assert kit.w("gaps_title", "en") in text and "3 of 3 questions" in text
    assert "asked 2 time(s)" in text and "오늘 점심 뭐 먹지" in text
    for user in ("UVIEW", USER):
        denied = kit.plain_text(app.command("gaps", user=user)[0].json())
        assert kit.w("gaps_denied", "en") in denied and "점심" not in denied
    assert len(records(path, 3)) == 3  # `gaps` itself is not a question


def test_gaps_in_a_channel_mention_go_to_the_admin_only(
    admin_app: Callable[..., tuple[Any, Path]]
) -> None:
    app, path = admin_app()
    app.command("오늘 점심 뭐 먹지", user=USER)
    records(path, 1)
    app.event({"type": "app_mention", "user": "UADMIN", "channel": "CGEN",
               "text": "<@U0BOT> gaps", "ts": "2.1"})
    (private,) = app.fake.wait_calls("chat.postEphemeral")
    assert private.params["user"] == "UADMIN"
    assert app.fake.calls_to("chat.postMessage") == []


def test_gaps_when_the_log_is_off(admin_app: Callable[..., tuple[Any, Path]]) -> None:
    app, _ = admin_app(log=False)
    off = kit.plain_text(app.command("gaps", user="UADMIN")[0].json())
    assert kit.w("gaps_off", "en") in off
