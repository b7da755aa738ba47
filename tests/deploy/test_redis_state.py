"""Shared state in a real redis-server: the store itself, and the executor's rate limits
holding across replicas (two executors on one Redis) and failing closed without it."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.errors import ConfigError, ExecRateLimited, StateUnavailable
from bot.executor import Executor, Principal, build_executor
from bot.settings import Settings
from bot.state import RedisState, open_state
from tests.support.loopback import RedisProcess, free_port, start_redis

pytestmark = [pytest.mark.deploy]


@pytest.fixture
def state(redis_url: str) -> Iterator[RedisState]:
    st = open_state(Settings.from_env({"DOCKBOT_REDIS_URL": redis_url}))
    assert isinstance(st, RedisState)
    yield st
    st.close()


def test_first_time_is_shared_and_expires(redis_url: str, state: RedisState) -> None:
    other = RedisState.from_url(redis_url)
    try:
        assert state.first_time("event:T:Ev1", 0.4) is True
        assert other.first_time("event:T:Ev1", 0.4) is False
        assert state.first_time("event:T:Ev1", 0.4) is False
        assert other.first_time("event:T:Ev2", 0.4) is True
        time.sleep(0.6)
        assert other.first_time("event:T:Ev1", 0.4) is True
    finally:
        other.close()


def test_hit_is_a_sliding_window_shared_by_every_client(redis_url: str,
                                                       state: RedisState) -> None:
    other = RedisState.from_url(redis_url)
    try:
        both = [("user:U1", 2), ("channel:C1", 3)]
        assert state.hit(both, 1.0) == 0
        assert other.hit(both, 1.0) == 0
        wait = state.hit(both, 1.0)                   # U1 is full, on either client
        assert 0 < wait <= 1.0
        assert other.hit([("user:U2", 2), ("channel:C1", 3)], 1.0) == 0
        assert other.hit([("user:U3", 2), ("channel:C1", 3)], 1.0) > 0   # channel full now
        time.sleep(wait + 0.05)
        assert state.hit([("user:U1", 2)], 1.0) == 0
    finally:
        other.close()


def test_keys_expire_with_their_window(redis_url: str, state: RedisState) -> None:
    import redis

    state.hit([("user:U9", 5)], 2.0)
    state.first_time("trigger:t9", 30)
    client = redis.Redis.from_url(redis_url)
    try:
        ttls = {k.decode(): client.pttl(k) for k in client.keys("*")}
    finally:
        client.close()
    assert set(ttls) == {"{dockbot}:rate:user:U9", "{dockbot}:once:trigger:t9"}
    assert 0 < ttls["{dockbot}:rate:user:U9"] <= 2000
    assert 0 < ttls["{dockbot}:once:trigger:t9"] <= 30000


def test_an_unreachable_redis_stops_start_up_with_a_clear_error() -> None:
    url = f"redis://:hunter2-secret@127.0.0.1:{free_port()}/0"
    start = time.monotonic()
    with pytest.raises(ConfigError) as err:
        open_state(Settings.from_env({"DOCKBOT_REDIS_URL": url}))
    text = err.value.user_text()
    assert "DOCKBOT_REDIS_URL" in text and "does not answer" in text
    assert "127.0.0.1:" in text and "hunter2" not in text
    assert err.value.exit_code == 2
    assert time.monotonic() - start < 10


def test_after_an_outage_calls_fail_fast_then_recover(own_redis: RedisProcess) -> None:
    st = RedisState.from_url(own_redis.url, pause=1.0)
    back: RedisProcess | None = None
    try:
        assert st.first_time("before", 60)
        own_redis.stop()
        with pytest.raises(StateUnavailable):
            st.first_time("during", 60)
        start = time.monotonic()
        with pytest.raises(StateUnavailable):          # no new attempt during the pause
            st.hit([("user:U", 1)], 60)
        assert time.monotonic() - start < 0.05
        back = start_redis(int(own_redis.url.rsplit(":", 1)[1]))
        time.sleep(1.1)
        assert st.first_time("after", 60) is True      # Redis is back: used again
        assert st.first_time("after", 60) is False
    finally:
        st.close()
        if back is not None:
            back.stop()


def test_calls_raise_state_unavailable_once_redis_is_gone(own_redis: RedisProcess) -> None:
    st = open_state(Settings.from_env({"DOCKBOT_REDIS_URL": own_redis.url}))
    try:
        assert st.first_time("k", 10)
        own_redis.stop()
        for call in (lambda: st.first_time("k2", 10), lambda: st.hit([("user:U", 1)], 10),
                     st.check):
            start = time.monotonic()
            with pytest.raises(StateUnavailable, match=r"Redis at 127\.0\.0\.1:"):
                call()
            assert time.monotonic() - start < 3
    finally:
        st.close()


# -- the executor's rate limits across replicas ----------------------------------------------

MakeExecutor = Callable[..., Executor]


@pytest.fixture
def make_executor(docker_engine: str, tmp_path: Path) -> Iterator[MakeExecutor]:
    made: list[Executor] = []

    def make(redis_url: str | None, **limits: Any) -> Executor:
        data = {"exec": {"enabled": True, "hosts": {"local": {"url": docker_engine}},
                         "audit": str(tmp_path / f"audit-{len(made)}.jsonl"),
                         "limits": {"rate_window_seconds": 60, **limits}},
                "policy": {"cli": {"role": "viewer"},
                           "channels": {"COPS": {"ops": "all"}},
                           "users": {"UONE1": {"role": "viewer"}, "UTWO2": {"role": "viewer"},
                                     "UTHREE3": {"role": "viewer"}}}}
        path = tmp_path / f"dockbot-{len(made)}.yml"
        path.write_text(yaml.safe_dump(data))
        env = {"DOCKBOT_CONFIG": str(path)}
        if redis_url is not None:
            env["DOCKBOT_REDIS_URL"] = redis_url
        ex = build_executor(Settings.from_env(env))
        made.append(ex)
        return ex

    yield make
    for ex in made:
        ex.close()


def _runs(executors: list[Executor], principal: Principal, n: int) -> list[str]:
    outcomes = []
    for i in range(n):
        try:
            executors[i % len(executors)].run("version", principal)
            outcomes.append("ok")
        except ExecRateLimited:
            outcomes.append("limited")
    return outcomes


@pytest.mark.docker
def test_the_per_user_limit_holds_across_two_replicas(make_executor: MakeExecutor,
                                                      redis_url: str) -> None:
    one, two = make_executor(redis_url, rate_per_user=3), make_executor(redis_url, rate_per_user=3)
    user = Principal.slack(user="UONE1", channel="COPS", team="T1")
    assert _runs([one, two], user, 6) == ["ok", "ok", "ok", "limited", "limited", "limited"]
    other = Principal.slack(user="UTWO2", channel="COPS", team="T1")
    assert _runs([two], other, 1) == ["ok"]


@pytest.mark.docker
def test_the_per_channel_limit_holds_across_two_replicas(make_executor: MakeExecutor,
                                                         redis_url: str) -> None:
    limits = {"rate_per_user": 100, "rate_per_channel": 2}
    one, two = make_executor(redis_url, **limits), make_executor(redis_url, **limits)
    first = Principal.slack(user="UONE1", channel="COPS", team="T1")
    second = Principal.slack(user="UTWO2", channel="COPS", team="T1")
    assert _runs([one], first, 1) + _runs([two], second, 1) == ["ok", "ok"]
    assert _runs([one, two], Principal.slack(user="UTHREE3", channel="COPS", team="T1"), 2) == [
        "limited", "limited"]


@pytest.mark.docker
def test_without_shared_state_each_replica_counts_alone(make_executor: MakeExecutor) -> None:
    """What Redis is for: two in-process replicas allow twice the limit."""
    one, two = make_executor(None, rate_per_user=3), make_executor(None, rate_per_user=3)
    user = Principal.slack(user="UONE1", channel="COPS", team="T1")
    assert _runs([one, two], user, 6) == ["ok"] * 6


@pytest.mark.docker
def test_the_executor_fails_closed_when_redis_goes_away(make_executor: MakeExecutor,
                                                        own_redis: RedisProcess,
                                                        tmp_path: Path) -> None:
    ex = make_executor(own_redis.url, rate_per_user=10)
    user = Principal.slack(user="UONE1", channel="COPS", team="T1")
    assert ex.run("version", user).op == "version"
    own_redis.stop()
    with pytest.raises(StateUnavailable) as err:
        ex.run("version", user)
    assert err.value.user_text() == (
        "dockbot cannot check its rate limits right now. Try again in a minute; if it "
        "persists, ask whoever runs dockbot to check Redis.")
    assert err.value.exit_code == 3
    ex.audit.close()
    records = [json.loads(line) for line in (tmp_path / "audit-0.jsonl").read_text().splitlines()]
    assert [r["outcome"] for r in records] == ["ok", "state_unavailable"]


def test_event_ids_outlive_slacks_last_retry(redis_url: str) -> None:
    """Slack's third retry comes about 6 minutes after the event: longer than the 5-minute
    replay window used for trigger ids."""
    import redis

    from bot.slack.middleware import EVENT_TTL
    from bot.slack.runtime import ReplayGuard

    state = RedisState.from_url(redis_url)
    try:
        guard = ReplayGuard(state)
        assert guard.first_time("event:T:Ev9", EVENT_TTL)
        assert guard.first_time("trigger:t9")
        client = redis.Redis.from_url(redis_url)
        try:
            event_ms = client.pttl("{dockbot}:once:event:T:Ev9")
            trigger_ms = client.pttl("{dockbot}:once:trigger:t9")
        finally:
            client.close()
        assert event_ms > 7 * 60 * 1000
        assert 0 < trigger_ms <= 300 * 1000
    finally:
        state.close()


def test_start_up_waits_briefly_for_a_redis_that_is_starting() -> None:
    """Redis started next to dockbot (compose, a pod) may come up a moment later."""
    import threading

    port = free_port()
    started: list[RedisProcess] = []
    timer = threading.Timer(0.3, lambda: started.append(start_redis(port)))
    timer.start()
    try:
        state = open_state(Settings.from_env({"DOCKBOT_REDIS_URL": f"redis://127.0.0.1:{port}/0"}))
        assert isinstance(state, RedisState)
        assert state.first_time("up", 10)
        state.close()
    finally:
        timer.join()
        for rp in started:
            rp.stop()


def test_the_generation_counter_is_shared(redis_url: str, state: RedisState) -> None:
    other = RedisState.from_url(redis_url)
    try:
        assert state.counter("knowledge") == other.counter("knowledge") == 0
        assert state.bump("knowledge") == 1 and other.bump("knowledge") == 2
        assert state.counter("knowledge") == 2
    finally:
        other.close()
