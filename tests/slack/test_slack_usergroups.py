"""User groups come from a slow, failing ``usergroups.list``: acks never wait for it.

The local Web API stand-in answers ``usergroups.list`` after 2.5-5 s, or with an
error; 20 users ask at once over real HTTP with signed requests.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from slack_sdk import WebClient

from bot.render import blockkit as kit
from bot.render import blocks as bk
from bot.slack.access import UsergroupDirectory

MakeApp = Callable[..., Any]
POLICY = {"channels": {"COPS": {"ops": "all"}}, "usergroups": {"SONCALL": {"role": "viewer"}},
          "users": {"UOPS": {"role": "admin"}}}
GROUPS = [{"id": "SONCALL", "users": [f"UCALL{i}" for i in range(20)]},
          {"id": "SOTHER", "users": ["UOUT"]}]
ACK_BUDGET = 1.5  # Slack allows 3 s; well under it


@pytest.fixture
def dead_socket(tmp_path: Path) -> str:
    return f"unix://{tmp_path}/no-docker.sock"


def audit_lines(app: Any) -> list[dict[str, Any]]:
    path = Path(str(app.runtime.services.settings.config_path) + ".audit")
    return [json.loads(x) for x in path.read_text().splitlines()] if path.exists() else []


def in_parallel(jobs: list[Callable[[], Any]]) -> list[Any]:
    start = threading.Barrier(len(jobs))
    out: list[Any] = [None] * len(jobs)

    def run(i: int) -> None:
        start.wait()
        out[i] = jobs[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return out


def test_questions_never_wait_for_a_slow_lookup(slack_app: MakeApp, dead_socket: str) -> None:
    app = slack_app(dead_socket, policy=POLICY)
    app.fake.usergroups = GROUPS
    app.fake.usergroups_delay = 4.0
    questions = ["remove a stopped container", "show running containers"]
    replies = in_parallel([lambda i=i: app.command(questions[i % 2], user=f"UCALL{i}",
                                                   channel="COPS")[0] for i in range(20)])
    assert all(r.status == 200 for r in replies)
    slowest = max(r.seconds for r in replies)
    assert slowest < ACK_BUDGET, slowest
    assert all(bk.ACTION_SHARE in json.dumps(r.json()) for r in replies)
    # a group could allow `ps`, so Run it is offered; the click decides
    assert all((bk.ACTION_RUN in json.dumps(r.json())) == (i % 2 == 1)
               for i, r in enumerate(replies))
    time.sleep(0.3)
    assert app.fake.calls_to("usergroups.list") == []  # no decision needed the groups


def test_run_it_for_a_group_member_is_decided_after_the_ack(
    slack_app: MakeApp, dead_socket: str
) -> None:
    app = slack_app(dead_socket, policy=POLICY)
    app.fake.usergroups = GROUPS
    app.fake.usergroups_delay = 2.5
    answer = app.command("show running containers", user="UCALL1", channel="COPS")[0].json()
    button = next(e for b in answer["blocks"] if b["type"] == "actions" for e in b["elements"]
                  if e["action_id"] == bk.ACTION_RUN)
    member, key = app.click(button, user="UCALL1", channel="COPS")
    outsider, other = app.click(button, user="UOUT", channel="COPS")
    assert member.seconds < ACK_BUDGET and outsider.seconds < ACK_BUDGET
    pending, result = app.fake.wait_responses(key, 2, timeout=15)
    assert "⏳" in pending["text"] and "cannot be reached" in kit.plain_text(result)
    _, note = app.fake.wait_responses(other, 2, timeout=15)
    assert "cannot run" in kit.plain_text(note)
    assert len(app.fake.calls_to("usergroups.list")) == 1
    assert sorted((a["user"], a["decision"]) for a in audit_lines(app)) == [
        ("UCALL1", "allowed"), ("UOUT", "denied")]


def test_twenty_group_members_run_a_lookup_with_one_slow_group_lookup(
    slack_app: MakeApp, dead_socket: str, valid_message: Callable[[dict[str, Any]], None]
) -> None:
    app = slack_app(dead_socket, policy=POLICY, limits={"workers": 10, "queue": 20})
    app.fake.usergroups = GROUPS
    app.fake.usergroups_delay = 2.5
    keys = [f"grp-{i}" for i in range(20)]
    replies = in_parallel([lambda i=i: app.command("ps", user=f"UCALL{i}", channel="COPS",
                                                   key=keys[i])[0] for i in range(20)])
    assert max(r.seconds for r in replies) < ACK_BUDGET
    for reply in replies:
        body = reply.json()
        valid_message(body)
        assert "⏳" in body["text"]
    for key in keys:
        (result,) = app.fake.wait_responses(key, timeout=30)
        valid_message(result)
        assert "cannot be reached" in kit.plain_text(result)  # it ran: the group allowed it
    assert len(app.fake.calls_to("usergroups.list")) == 1
    lines = audit_lines(app)
    assert len(lines) == 20 and {line["decision"] for line in lines} == {"allowed"}
    # cached now: the next member is decided in the ack, with no new lookup
    body = app.command("ps", user="UCALL3", channel="COPS")[0].json()
    assert "⏳" in body["text"]
    body = app.command("ps", user="UOUT", channel="COPS")[0].json()
    assert "cannot run" in kit.plain_text(body)
    assert len(app.fake.calls_to("usergroups.list")) == 1


def test_a_failing_lookup_is_cached_and_only_denies(
    slack_app: MakeApp, dead_socket: str, valid_message: Callable[[dict[str, Any]], None]
) -> None:
    app = slack_app(dead_socket, policy=POLICY)
    app.fake.usergroups = GROUPS
    app.fake.usergroups_error = "ratelimited"
    reply, key = app.command("ps", user="UCALL1", channel="COPS")
    assert reply.seconds < ACK_BUDGET and "⏳" in reply.json()["text"]
    (result,) = app.fake.wait_responses(key, timeout=15)
    valid_message(result)
    assert "cannot run" in kit.plain_text(result)
    for i in range(5):  # failure cached: decided at once, no new lookup
        body = app.command("ps", user=f"UCALL{i}", channel="COPS")[0].json()
        assert "cannot run" in kit.plain_text(body)
    assert len(app.fake.calls_to("usergroups.list")) == 1
    lines = audit_lines(app)
    assert [line["decision"] for line in lines] == ["denied"] * 6
    assert all(line["rule"] == "channels.COPS+no-role:op" for line in lines)
    # an operator's own entry never needs the groups, whatever Slack's API does
    assert "⏳" in app.command("ps", user="UOPS", channel="COPS")[0].json()["text"]


def test_a_lookup_slower_than_its_timeout_counts_as_a_failure(
    slack_app: MakeApp, dead_socket: str
) -> None:
    app = slack_app(dead_socket, policy=POLICY)
    app.runtime.groups.timeout = 1
    app.fake.usergroups = GROUPS
    app.fake.usergroups_delay = 5.0
    started = time.monotonic()
    reply, key = app.command("ps", user="UCALL2", channel="COPS")
    assert reply.seconds < ACK_BUDGET
    (result,) = app.fake.wait_responses(key, timeout=15)
    assert "cannot run" in kit.plain_text(result)
    assert time.monotonic() - started < 4.0  # bounded by the lookup's timeout, not Slack
    assert "cannot run" in kit.plain_text(app.command("ps", user="UCALL2",
                                                      channel="COPS")[0].json())
    assert len(app.fake.calls_to("usergroups.list")) == 1


def test_no_lookup_when_no_group_could_allow_it(slack_app: MakeApp, dead_socket: str) -> None:
    app = slack_app(dead_socket, policy=POLICY)
    app.fake.usergroups_delay = 5.0
    reply, _ = app.command("ps", user="UCALL1", channel="CGEN")  # no rule for this channel
    assert reply.seconds < ACK_BUDGET and "cannot run" in kit.plain_text(reply.json())
    reply, _ = app.command("logs web", user="UCALL1", channel="COPS")  # beyond every group
    assert "cannot run" in kit.plain_text(reply.json())
    assert [line["decision"] for line in audit_lines(app)] == ["denied", "denied"]


def test_directory_makes_one_lookup_for_many_waiters(fake_slack: Any) -> None:
    fake_slack.usergroups = GROUPS
    fake_slack.usergroups_delay = 1.0
    client = WebClient(token="xoxb-test", base_url=fake_slack.api_url)
    directory = UsergroupDirectory()
    got = in_parallel([lambda i=i: directory.groups_of(client, "T1", f"UCALL{i}")
                       for i in range(20)])
    assert got == [frozenset({"SONCALL"})] * 20
    assert directory.lookups == 1 and len(fake_slack.calls_to("usergroups.list")) == 1
    assert directory.groups_of(client, "T2", "UOUT", wait=0.01) == frozenset()  # not yet known
    assert directory.groups_of(client, "T2", "UOUT") == frozenset({"SOTHER"})
    assert directory.lookups == 2
