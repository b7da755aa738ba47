"""State that replicas must share: one-time keys and windowed request counters.

Two operations, with one in-process and one Redis implementation:

* ``first_time(key, ttl)`` - set-if-absent with a time to live. True the first time a key is
  seen within ``ttl`` seconds, False afterwards. Slack event ids, click trigger ids and
  slash-command trigger ids go through it, so a retried event or a replayed request is
  answered once, by whichever replica sees it first (Redis ``SET key 1 NX PX ttl``).
* ``hit(limits, window)`` - a sliding-window counter over several keys at once: count one
  request for every key unless one of them is at its limit; return 0 when counted, otherwise
  the seconds until the fullest key frees up. The executor's per-user and per-channel rate
  limits go through it (Redis: a sorted set per key, updated by one Lua script, with the
  Redis server's clock, so every replica counts against the same window).
* ``put_map(key, values, ttl)`` / ``get_fields(key, fields)`` - a small string map with a time
  to live, replaced whole and read field by field (``None`` when the map is absent or expired).
  The Slack user-group cache goes through it, so replicas share one ``usergroups.list`` answer
  per workspace (Redis: a hash, replaced in one ``MULTI``, with ``PEXPIRE``).
* ``counter(name)`` / ``bump(name)`` - a shared generation number (Redis ``GET`` / ``INCR``,
  never expiring). ``dockbot serve`` bumps ``knowledge`` on SIGHUP and every replica polls
  it, so a reload asked of one replica reloads them all (:mod:`bot.kb.live`).

:func:`open_state` picks :class:`MemoryState` (a single process; the default) or, when
``DOCKBOT_REDIS_URL`` is set, :class:`RedisState`, which must answer a ``PING`` at start-up or
start-up fails with a :class:`~bot.errors.ConfigError`. When Redis goes away later, every
call raises :class:`~bot.errors.StateUnavailable` (at once for a few seconds after a failure,
then Redis is tried again); callers decide: de-duplication lets the request through (an
answer may repeat), the executor refuses (rate limits fail closed).
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import OrderedDict, deque
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlparse

from bot.errors import ConfigError, StateUnavailable
from bot.settings import Settings

if TYPE_CHECKING:
    import redis

Limits = Sequence[tuple[str, int]]

PREFIX = "{dockbot}:"   # one hash slot, so the multi-key script also runs on Redis Cluster


class SharedState(Protocol):
    """What replicas share; every method may raise StateUnavailable."""

    def first_time(self, key: str, ttl: float) -> bool: ...
    def hit(self, limits: Limits, window: float) -> float: ...
    def put_map(self, key: str, values: Mapping[str, str], ttl: float) -> None: ...
    def get_fields(self, key: str, fields: Sequence[str]) -> list[str | None] | None: ...
    def counter(self, name: str) -> int: ...
    def bump(self, name: str) -> int: ...
    def check(self) -> None: ...
    def close(self) -> None: ...


class MemoryState:
    """Shared state for one process; thread-safe. ``size`` caps the remembered keys."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, size: int = 10_000) -> None:
        self._clock = clock
        self.size = size
        self._once: OrderedDict[str, float] = OrderedDict()
        self._hits: dict[str, deque[float]] = {}
        self._maps: OrderedDict[str, tuple[float, dict[str, str]]] = OrderedDict()
        self._counters: dict[str, int] = {}
        self._lock = threading.Lock()

    def first_time(self, key: str, ttl: float) -> bool:
        now = self._clock()
        with self._lock:
            while self._once and next(iter(self._once.values())) <= now:
                self._once.popitem(last=False)          # oldest first; O(1) per key
            until = self._once.get(key)
            if until is not None and until > now:
                return False
            self._once[key] = now + ttl
            self._once.move_to_end(key)
            while len(self._once) > self.size:
                self._once.popitem(last=False)
            return True

    def hit(self, limits: Limits, window: float) -> float:
        now = self._clock()
        with self._lock:
            wait_for = 0.0
            for key, limit in limits:
                hits = self._hits.setdefault(key, deque())
                while hits and hits[0] <= now - window:
                    hits.popleft()
                if len(hits) >= limit:
                    wait_for = max(wait_for, hits[0] + window - now)
            if wait_for > 0:
                return wait_for
            for key, _ in limits:
                self._hits[key].append(now)
            return 0.0

    def put_map(self, key: str, values: Mapping[str, str], ttl: float) -> None:
        with self._lock:
            self._maps[key] = (self._clock() + ttl, dict(values))
            self._maps.move_to_end(key)
            while len(self._maps) > self.size:
                self._maps.popitem(last=False)

    def get_fields(self, key: str, fields: Sequence[str]) -> list[str | None] | None:
        with self._lock:
            hit = self._maps.get(key)
            if hit is None or hit[0] <= self._clock():
                return None
            return [hit[1].get(f) for f in fields]

    def counter(self, name: str) -> int:
        with self._lock:
            return self._counters.get(name, 0)

    def bump(self, name: str) -> int:
        with self._lock:
            self._counters[name] = self._counters.get(name, 0) + 1
            return self._counters[name]

    def check(self) -> None:
        return None

    def close(self) -> None:
        return None


# KEYS: one sorted set per counter. ARGV[1]: window in ms; ARGV[2..n+1]: the limits;
# ARGV[n+2]: a unique id for this request. Returns 0 (counted) or ms to wait.
_HIT_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local wait = 0
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) >= tonumber(ARGV[i + 1]) then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    local w = tonumber(oldest[2]) + window - now
    if w > wait then wait = w end
  end
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[#KEYS + 2] .. ':' .. i)
  redis.call('PEXPIRE', key, window)
end
return 0
"""


_MAP_MARK = "~"   # present in every stored map, so an empty map still reads as present


class RedisState:
    """Shared state in Redis, for several replicas. Calls time out after ``timeout`` seconds,
    so an unreachable Redis cannot hold a request past Slack's 3-second ack; after a failure,
    calls fail at once for ``pause`` seconds, then Redis is tried again (it may be back)."""

    def __init__(self, client: redis.Redis, where: str, pause: float = 5.0) -> None:
        self._client = client
        self.where = where
        self.pause = pause
        self._down_until = 0.0
        self._hit = client.register_script(_HIT_SCRIPT)

    @classmethod
    def from_url(cls, url: str, timeout: float = 0.5, pause: float = 5.0) -> RedisState:
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        client = redis.Redis.from_url(
            url, socket_timeout=timeout, socket_connect_timeout=timeout,
            retry=Retry(NoBackoff(), 1), health_check_interval=30,
        )
        return cls(client, _where(url), pause)

    def _call(self, fn: Callable[[], Any]) -> Any:
        import redis

        down = StateUnavailable(
            f"The shared state store (Redis at {self.where}) cannot be reached.")
        if time.monotonic() < self._down_until:
            raise down
        try:
            return fn()
        except redis.RedisError as exc:
            self._down_until = time.monotonic() + self.pause
            raise down from exc

    def first_time(self, key: str, ttl: float) -> bool:
        ms = max(1, int(ttl * 1000))
        return bool(self._call(lambda: self._client.set(PREFIX + "once:" + key, b"1", nx=True,
                                                        px=ms)))

    def hit(self, limits: Limits, window: float) -> float:
        if not limits:
            return 0.0
        keys = [PREFIX + "rate:" + key for key, _ in limits]
        args: list[int | str] = [max(1, int(window * 1000)), *(n for _, n in limits),
                                 uuid.uuid4().hex]
        waited = self._call(lambda: self._hit(keys=keys, args=args))
        return int(waited) / 1000.0

    def put_map(self, key: str, values: Mapping[str, str], ttl: float) -> None:
        name = PREFIX + "map:" + key
        ms = max(1, int(ttl * 1000))
        mapping = {_MAP_MARK: "1", **values}

        def replace() -> None:
            pipe = self._client.pipeline(transaction=True)
            pipe.delete(name)
            pipe.hset(name, mapping=mapping)  # type: ignore[arg-type]
            pipe.pexpire(name, ms)
            pipe.execute()

        self._call(replace)

    def get_fields(self, key: str, fields: Sequence[str]) -> list[str | None] | None:
        raw = self._call(lambda: self._client.hmget(PREFIX + "map:" + key, [_MAP_MARK, *fields]))
        if raw[0] is None:
            return None
        return [None if v is None else v.decode("utf-8") for v in raw[1:]]

    def counter(self, name: str) -> int:
        raw = self._call(lambda: self._client.get(PREFIX + "gen:" + name))
        return int(raw) if raw is not None else 0

    def bump(self, name: str) -> int:
        return int(self._call(lambda: self._client.incr(PREFIX + "gen:" + name)))

    def check(self) -> None:
        self._call(self._client.ping)

    def close(self) -> None:
        self._client.close()


def _where(url: str) -> str:
    """host:port (or the socket path) of a Redis URL, never its password."""
    parsed = urlparse(url)
    if parsed.scheme == "unix":
        return parsed.path
    try:
        port = parsed.port or 6379
    except ValueError:
        port = 6379
    return f"{parsed.hostname or 'localhost'}:{port}"


def open_state(settings: Settings) -> SharedState:
    """The shared state for these settings; ConfigError when Redis is set but unusable."""
    if settings.redis_url is None:
        return MemoryState()
    try:
        import redis  # noqa: F401
    except ImportError:
        raise ConfigError(
            "DOCKBOT_REDIS_URL is set but the redis package is not installed.",
            hint="Install it with pip install 'dockbot[redis]', or unset DOCKBOT_REDIS_URL.",
        ) from None
    try:
        state = RedisState.from_url(settings.redis_url)
    except ValueError as exc:
        raise ConfigError(
            "DOCKBOT_REDIS_URL cannot be used as a Redis URL.",
            hint="Set it like redis://redis:6379/0 (rediss:// for TLS).",
        ) from exc
    for attempt in range(3):        # Redis may be starting next to dockbot
        state._down_until = 0.0
        try:
            state.check()
            return state
        except StateUnavailable:
            if attempt < 2:
                time.sleep(0.5)
    state.close()
    raise ConfigError(
        f"DOCKBOT_REDIS_URL: Redis at {state.where} does not answer.",
        hint="Start Redis or fix DOCKBOT_REDIS_URL; unset it to run a single replica "
        "with in-process state.",
    )
