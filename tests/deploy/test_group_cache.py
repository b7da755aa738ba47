"""The Slack user-group cache in the shared state: with a real redis-server, two replicas
(two directories, each with its own Redis client) share one ``usergroups.list`` answer per
workspace, with its TTL; without Redis each replica keeps its own; with Redis gone the cache
falls back to the process."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from slack_sdk import WebClient

from bot.settings import Settings
from bot.slack.access import UsergroupDirectory
from bot.state import MemoryState, RedisState, open_state
from tests.support.fake_slack import FakeSlack, fake_slack_server
from tests.support.loopback import RedisProcess

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
