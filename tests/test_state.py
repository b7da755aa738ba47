"""The in-process shared state and how DOCKBOT_REDIS_URL picks the store."""

from __future__ import annotations

import threading

import pytest

from bot.errors import ConfigError
from bot.executor.service import RateLimiter
from bot.settings import Settings
from bot.slack.runtime import ReplayGuard
from bot.state import MemoryState, open_state


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_first_time_is_true_once_within_the_ttl_and_again_after_it() -> None:
    clock = Clock()
    state = MemoryState(clock)
    assert state.first_time("ev1", 300) is True
    assert state.first_time("ev1", 300) is False
    assert state.first_time("ev2", 300) is True
    clock.now += 299
    assert state.first_time("ev1", 300) is False
    clock.now += 2
    assert state.first_time("ev1", 300) is True


def test_keys_with_different_ttls_expire_on_their_own() -> None:
    clock = Clock()
    state = MemoryState(clock)
    assert state.first_time("event", 3600)       # long-lived, first in line
    assert state.first_time("trigger", 300)
    clock.now += 301
    assert state.first_time("trigger", 300) is True      # expired behind a longer-lived key
    assert state.first_time("event", 3600) is False


def test_first_time_forgets_the_oldest_keys_beyond_its_size() -> None:
    state = MemoryState(Clock(), size=3)
    for key in "abcd":
        assert state.first_time(key, 300)
    assert state.first_time("a", 300) is True       # pushed out by d
    assert state.first_time("d", 300) is False


def test_hit_counts_every_key_or_none() -> None:
    clock = Clock()
    state = MemoryState(clock)
    both = [("user:U1", 2), ("channel:C1", 3)]
    assert state.hit(both, 60) == 0
    assert state.hit(both, 60) == 0
    clock.now += 10
    assert state.hit(both, 60) == pytest.approx(50)      # the user is full; nothing counted
    assert state.hit([("user:U2", 2), ("channel:C1", 3)], 60) == 0   # so the channel has room
    assert state.hit([("user:U3", 2), ("channel:C1", 3)], 60) == pytest.approx(50)
    clock.now += 50
    assert state.hit(both, 60) == 0                      # the first hits left the window


def test_hit_is_exact_under_threads() -> None:
    state = MemoryState()
    granted: list[float] = []

    def worker() -> None:
        for _ in range(50):
            granted.append(state.hit([("user:U", 100)], 60))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert granted.count(0.0) == 100


def test_the_rate_limiter_and_replay_guard_use_the_state_they_are_given() -> None:
    state = MemoryState()
    one, two = RateLimiter(60, state), RateLimiter(60, state)
    assert one.hit([("user:U", 1)]) == 0
    assert two.hit([("user:U", 1)]) > 0
    assert RateLimiter(60).hit([("user:U", 1)]) == 0      # a limiter of its own
    a, b = ReplayGuard(state), ReplayGuard(state)
    assert a.first_time("trigger:t1") and not b.first_time("trigger:t1")


def test_without_a_redis_url_the_state_is_in_process() -> None:
    assert isinstance(open_state(Settings.from_env({})), MemoryState)


@pytest.mark.parametrize("url", ["http://redis:6379", "redis-host:6379", "redis://"])
def test_a_malformed_redis_url_is_refused_by_name(url: str) -> None:
    with pytest.raises(ConfigError) as err:
        Settings.from_env({"DOCKBOT_REDIS_URL": url})
    assert "DOCKBOT_REDIS_URL" in err.value.user_text()
    assert err.value.exit_code == 2


@pytest.mark.parametrize("url", ["redis://redis:6379/0", "rediss://:pw@redis.internal:6380/1",
                                 "unix:///run/redis/redis.sock"])
def test_redis_urls_are_accepted(url: str) -> None:
    assert Settings.from_env({"DOCKBOT_REDIS_URL": url}).redis_url == url


def test_a_map_is_replaced_whole_and_read_by_field_until_its_ttl() -> None:
    clock = Clock()
    state = MemoryState(clock)
    assert state.get_fields("groups:T1", ["U1"]) is None               # never stored
    state.put_map("groups:T1", {"U1": "S1,S2", "U2": ""}, 300)
    assert state.get_fields("groups:T1", ["U1", "U2", "U3"]) == ["S1,S2", "", None]
    assert state.get_fields("groups:T1", []) == []                    # present, no fields
    state.put_map("groups:T1", {"U3": "S3"}, 300)                       # replaced, not merged
    assert state.get_fields("groups:T1", ["U1", "U3"]) == [None, "S3"]
    state.put_map("groups:T2", {}, 30)                                 # an empty map exists
    assert state.get_fields("groups:T2", ["U1"]) == [None]
    clock.now += 31
    assert state.get_fields("groups:T2", ["U1"]) is None
    assert state.get_fields("groups:T1", ["U3"]) == ["S3"]
    clock.now += 270
    assert state.get_fields("groups:T1", ["U3"]) is None
def test_a_generation_counter_starts_at_zero_and_counts_bumps() -> None:
    state = MemoryState()
    assert state.counter("knowledge") == 0
    assert [state.bump("knowledge") for _ in range(3)] == [1, 2, 3]
    assert state.counter("knowledge") == 3 and state.counter("other") == 0
