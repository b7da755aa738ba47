"""The Share button's value and the message it posts never carry a secret value."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from bot.render import blockkit as kit
from bot.render import blocks as bk
from bot.render.buttons import Share, decode
from bot.slack.sharing import shareable_text

MakeApp = Callable[..., Any]


@pytest.mark.parametrize(
    ("text", "secret", "kept"),
    [
        ("docker run -e DB_PASSWORD=swordfish nginx", "swordfish", "-e DB_PASSWORD=*** nginx"),
        ("docker run --env=API_KEY=zzz-top nginx", "zzz-top", "--env=API_KEY=***"),
        ("docker login -u me -p hunter2 registry.example", "hunter2", "-u me -p ***"),
        ("docker login --password hunter2 registry.example", "hunter2", "--password ***"),
        ("docker build --build-arg NPM_TOKEN=npm_abc123 .", "npm_abc123", "NPM_TOKEN=***"),
        ('docker run -e "PASS=correct horse battery" x', "horse", "PASS=***"),
        ("docker run -e MYSQL_PWD=s3cr3t mysql", "s3cr3t", "MYSQL_PWD=***"),
        ("docker exec db mysql -uroot -ps3cr3t", "s3cr3t", "-uroot -p***"),
        ("SIGNING_KEY=k3y docker run x", "k3y", "SIGNING_KEY=***"),
        ("docker run -e SLACK=xoxb-123456-abcdef x", "xoxb-123456", "SLACK=***"),
        ('docker run "unbalanced -e TOKEN=abc', "abc", "TOKEN"),
    ],
)
def test_shareable_text_masks_secret_values(text: str, secret: str, kept: str) -> None:
    shown = shareable_text(text)
    assert secret not in shown and kept in shown


@pytest.mark.parametrize("text", ["docker run -d -p 80:80 --name web nginx",
                                  "docker login --password-stdin registry.example",
                                  "docker run -e A=1 -l 'team=a b' x", "how do I list images"])
def test_shareable_text_keeps_what_is_not_secret(text: str) -> None:
    assert shareable_text(text) == text


@pytest.mark.parametrize(
    ("command", "secret"),
    [("docker run -e DB_PASSWORD=swordfish nginx", "swordfish"),
     ("docker login -u me -p hunter2 registry.example", "hunter2"),
     ("docker build --build-arg NPM_TOKEN=npm_abc123 .", "npm_abc123")],
)
def test_sharing_an_explanation_never_carries_the_secret(
    slack_app: MakeApp, valid_message: Callable[[dict[str, Any]], None], command: str,
    secret: str,
) -> None:
    app = slack_app()
    answer = app.command(f"explain {command}")[0].json()
    valid_message(answer)
    share = next(e for b in answer["blocks"] if b["type"] == "actions" for e in b["elements"]
                 if e["action_id"] == bk.ACTION_SHARE)
    assert secret not in share["value"] and "***" in str(decode(Share, share["value"]).command)
    _, key = app.click(share)
    (shared,) = app.fake.wait_responses(key)
    valid_message(shared)
    assert shared["response_type"] == "in_channel"
    assert secret not in json.dumps(shared, ensure_ascii=False)
    assert kit.w("explain_title", "en") in kit.plain_text(shared)


def test_sharing_a_question_masks_it(
    slack_app: MakeApp, valid_message: Callable[[dict[str, Any]], None]
) -> None:
    app = slack_app()
    answer = app.command("how do I docker login -p hunter2 to my registry")[0].json()
    valid_message(answer)
    share = next(e for b in answer["blocks"] if b["type"] == "actions" for e in b["elements"]
                 if e["action_id"] == bk.ACTION_SHARE)
    assert "hunter2" not in share["value"]
    _, key = app.click(share)
    (shared,) = app.fake.wait_responses(key)
    valid_message(shared)
    assert "hunter2" not in json.dumps(shared, ensure_ascii=False)
    assert "docker login -p ***" in kit.plain_text(shared)


def test_an_old_share_value_with_a_secret_is_masked_when_clicked(slack_app: MakeApp) -> None:
    app = slack_app()
    value = json.dumps({"x": "docker run -e DB_PASSWORD=swordfish nginx", "l": "en"})
    _, key = app.click({"action_id": bk.ACTION_SHARE, "value": value})
    (shared,) = app.fake.wait_responses(key)
    assert "swordfish" not in json.dumps(shared, ensure_ascii=False)
    assert "DB_PASSWORD=***" in kit.plain_text(shared)
