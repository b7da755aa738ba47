"""The Slack user-group cache in the shared state: with a real redis-server, two replicas
(two directories, each with its own Redis client) share one ``usergroups.list`` answer per
workspace, with its TTL; without Redis each replica keeps its own; with Redis gone the cache
falls back to the process. The same through two `dockbot serve` processes: a group member's
``/docker ps`` on each, one ``usergroups.list`` between them."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
import yaml
from slack_sdk import WebClient

from bot.settings import Settings
from bot.slack.access import UsergroupDirectory
from bot.state import MemoryState, RedisState, open_state
from tests.support.fake_slack import FakeSlack, fake_slack_server
from tests.support.loopback import RedisProcess, Replica, signed

pytestmark = [pytest.mark.deploy]

GROUPS = [{"id": "SONCALL", "users": ["U1", "U2"]}, {"id": "SADMIN", "users": ["U1"]}]


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with fake_slack_server() as fake:
        fake.usergroups = GROUPS
        yield fake


def _replica(url: str) -> RedisState:
    state = open_state(Settings.from_env({"DOCKBOT_REDIS_URL": url}))
    assert isinstance(state, RedisState)
    return state


def test_replicas_share_the_groups_one_of_them_looked_up(slack: FakeSlack,
                                                         redis_url: str) -> None:
    import redis

    client = WebClient(token="xoxb-test", base_url=slack.api_url)
    a_state, b_state = _replica(redis_url), _replica(redis_url)
    try:
        a = UsergroupDirectory(a_state, ttl=1.0)
        b = UsergroupDirectory(b_state, ttl=1.0)
        assert b.cached("T1", "U1") is None                       # nobody has looked yet
        assert a.groups_of(client, "T1", "U1") == frozenset({"SONCALL", "SADMIN"})
        assert b.cached("T1", "U1") == frozenset({"SONCALL", "SADMIN"})   # no lookup of b's
        assert b.groups_of(client, "T1", "U2") == frozenset({"SONCALL"})
        assert b.groups_of(client, "T1", "U9") == frozenset()          # known: in no group
        assert (a.lookups, b.lookups) == (1, 0)
        assert len(slack.calls_to("usergroups.list")) == 1

        raw = redis.Redis.from_url(redis_url)
        try:
            ttl = raw.pttl("{dockbot}:map:usergroups:T1")
        finally:
            raw.close()
        assert 0 < ttl <= 1000

        time.sleep(1.2)                                           # the TTL ran out
        assert a.cached("T1", "U1") is None and b.cached("T1", "U1") is None
        assert b.groups_of(client, "T1", "U1") == frozenset({"SONCALL", "SADMIN"})
        assert (a.lookups, b.lookups) == (1, 1)
        assert a.cached("T1", "U2") == frozenset({"SONCALL"})
        assert len(slack.calls_to("usergroups.list")) == 2
    finally:
        a_state.close()
        b_state.close()


def test_a_failed_lookup_is_shared_for_its_shorter_ttl(slack: FakeSlack, redis_url: str) -> None:
    client = WebClient(token="xoxb-test", base_url=slack.api_url)
    slack.usergroups_error = "missing_scope"
    a_state, b_state = _replica(redis_url), _replica(redis_url)
    try:
        a = UsergroupDirectory(a_state, ttl=30, failure_ttl=0.5)
        b = UsergroupDirectory(b_state, ttl=30, failure_ttl=0.5)
        assert a.groups_of(client, "T1", "U1") == frozenset()      # failure: no groups
        assert b.groups_of(client, "T1", "U1") == frozenset()      # b does not ask again
        assert len(slack.calls_to("usergroups.list")) == 1
        slack.usergroups_error = None
        time.sleep(0.7)
        assert b.groups_of(client, "T1", "U1") == frozenset({"SONCALL", "SADMIN"})
        assert a.cached("T1", "U1") == frozenset({"SONCALL", "SADMIN"})
        assert len(slack.calls_to("usergroups.list")) == 2
    finally:
        a_state.close()
        b_state.close()


def test_without_redis_each_replica_looks_up_on_its_own(slack: FakeSlack) -> None:
    """The control: in-process state is one replica's own."""
    client = WebClient(token="xoxb-test", base_url=slack.api_url)
    a, b = UsergroupDirectory(MemoryState()), UsergroupDirectory(MemoryState())
    assert a.groups_of(client, "T1", "U1") == frozenset({"SONCALL", "SADMIN"})
    assert b.cached("T1", "U1") is None
    assert b.groups_of(client, "T1", "U1") == frozenset({"SONCALL", "SADMIN"})
    assert len(slack.calls_to("usergroups.list")) == 2


def test_with_redis_gone_the_groups_are_cached_in_the_process(
        slack: FakeSlack, own_redis: RedisProcess, caplog: pytest.LogCaptureFixture) -> None:
    client = WebClient(token="xoxb-test", base_url=slack.api_url)
    state = _replica(own_redis.url)
    try:
        directory = UsergroupDirectory(state)
        own_redis.stop()
        assert directory.groups_of(client, "T1", "U1") == frozenset({"SONCALL", "SADMIN"})
        assert directory.groups_of(client, "T1", "U2") == frozenset({"SONCALL"})
        assert directory.lookups == 1 and len(slack.calls_to("usergroups.list")) == 1
        assert any("cached in this process only" in r.getMessage() for r in caplog.records)
    finally:
        state.close()


POLICY = {"channels": {"COPS": {"ops": "all"}}, "usergroups": {"SONCALL": {"role": "viewer"}}}


def _config(tmp_path: Path) -> str:
    path = tmp_path / "dockbot.yml"
    path.write_text(yaml.safe_dump({
        "exec": {"enabled": True, "hosts": {"local": {"url": f"unix://{tmp_path}/none.sock"}},
                 "limits": {"deadline_seconds": 2, "socket_timeout_seconds": 1}},
        "policy": POLICY}))
    return str(path)


def _ps(slack: FakeSlack, user: str, key: str) -> str:
    return urlencode({"token": "legacy", "team_id": "T0DEPLOY", "team_domain": "t",
                      "channel_id": "COPS", "channel_name": "ops", "user_id": user,
                      "user_name": "asker", "command": "/docker", "text": "ps",
                      "api_app_id": "A0DEPLOY", "response_url": slack.response_url(key),
                      "trigger_id": f"trg-{key}"})


def _run_ps_on_both(slack: FakeSlack, a: Replica, b: Replica) -> None:
    for rep, user, key in ((a, "U1", "ps-a"), (b, "U2", "ps-b")):
        body = _ps(slack, user, key)
        status, ack = rep.post(body, signed(body, "application/x-www-form-urlencoded"))
        assert status == 200 and "⏳" in json.loads(ack)["text"]
        (result,) = slack.wait_responses(key, timeout=20)
        assert "cannot be reached" in json.dumps(result)     # the group allowed it: it ran


def test_two_serve_replicas_make_one_usergroups_lookup_through_redis(
        slack: FakeSlack, redis_url: str, replicas: Callable[..., Replica],
        tmp_path: Path) -> None:
    env = {"SLACK_API_URL": slack.api_url, "DOCKBOT_CONFIG": _config(tmp_path),
           "DOCKBOT_REDIS_URL": redis_url}
    a, b = replicas(**env), replicas(**env)
    _run_ps_on_both(slack, a, b)
    assert len(slack.calls_to("usergroups.list")) == 1


def test_without_redis_each_serve_replica_makes_its_own_lookup(
        slack: FakeSlack, replicas: Callable[..., Replica], tmp_path: Path) -> None:
    env = {"SLACK_API_URL": slack.api_url, "DOCKBOT_CONFIG": _config(tmp_path)}
    a, b = replicas(**env), replicas(**env)
    _run_ps_on_both(slack, a, b)
    assert len(slack.calls_to("usergroups.list")) == 2
