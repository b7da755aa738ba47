"""Who is asking, as the executor's policy sees it, and what they may run.

The policy is keyed by Slack IDs only: team, channel (or direct message), user, and
the user's user groups (identity as Slack sends it: :mod:`bot.slack.payloads`). User
groups are not in Slack's payloads; they come from ``usergroups.list``, which can be
slow or down, so nothing in the 3-second ack waits for it:

* an :class:`Asker` carries the principal as known *now* (groups from the cache, none
  when not cached);
* questions, explanations, help and the Home tab use what is known now and start no
  lookup; a *Run it* button is offered when some group could allow the operation (the
  click decides);
* an executor operation that only a group could allow is decided after the ack, by the
  job that runs it (:meth:`Asker.resolved`: the lookup, with a bounded wait);
* one lookup per team is in flight at a time (per process), whoever asks; successes are
  cached for :data:`GROUPS_TTL`, failures (errors, timeouts) for :data:`GROUPS_FAILURE_TTL`,
  during which the user is in no group, which can only deny;
* the cache is the shared state's (:mod:`bot.state`): with Redis every replica reads the
  answer one of them fetched.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.errors import StateUnavailable
from bot.executor import Executor, Principal
from bot.intent.access import allowed_ops, audit_refusal, groups_could_allow, may_run
from bot.slack.payloads import Identity, identity
from bot.state import MemoryState, SharedState

__all__ = [
    "Asker", "UsergroupDirectory", "allowed_ops", "asker_for", "audit_refusal",
    "groups_could_allow", "may_run", "principal_for",
]

log = logging.getLogger("dockbot.slack")

GROUPS_TTL = 300.0
GROUPS_FAILURE_TTL = 30.0
GROUPS_TIMEOUT = 6      # seconds for one usergroups.list call (it runs after the ack)
GROUPS_WAIT = 7.0       # the longest a decision after the ack waits for the groups

_Members = dict[str, frozenset[str]]


def _groups_key(team: str | None) -> str:
    return "usergroups:" + (team or "-")


class UsergroupDirectory:
    """The user groups of a user, from ``usergroups.list``: one lookup per team in flight,
    answers and failures cached.

    The cache lives in the shared state (:mod:`bot.state`): in-process for one replica, Redis
    (``DOCKBOT_REDIS_URL``) for several, so one replica's answer serves them all until its
    TTL runs out. While Redis cannot be reached the cache falls back to this process.
    """

    def __init__(self, state: SharedState | None = None, ttl: float = GROUPS_TTL,
                 failure_ttl: float = GROUPS_FAILURE_TTL,
                 timeout: float = GROUPS_TIMEOUT) -> None:
        self.state: SharedState = state if state is not None else MemoryState()
        self.ttl = ttl
        self.failure_ttl = failure_ttl
        self.timeout = timeout
        self.lookups = 0
        self._local = MemoryState()     # used only while the shared state is unavailable
        self._degraded = False
        self._lock = threading.Lock()
        self._inflight: dict[str, threading.Event] = {}

    def _read(self, key: str, fields: list[str]) -> list[str | None] | None:
        try:
            found = self.state.get_fields(key, fields)
        except StateUnavailable as exc:
            self._fallback(exc)
            return self._local.get_fields(key, fields)
        self._degraded = False
        return found

    def _write(self, key: str, values: dict[str, str], ttl: float) -> None:
        try:
            self.state.put_map(key, values, ttl)
        except StateUnavailable as exc:
            self._fallback(exc)
            self._local.put_map(key, values, ttl)

    def _fallback(self, exc: StateUnavailable) -> None:
        if not self._degraded:      # once until the shared state answers again
            self._degraded = True
            log.warning("user groups cached in this process only: %s", exc.message)

    def cached(self, team: str | None, user: str) -> frozenset[str] | None:
        """The user's groups when the team's answer (or failure) is fresh; None otherwise."""
        got = self._read(_groups_key(team), [user])
        if got is None:
            return None
        return frozenset(got[0].split(",")) if got[0] else frozenset()

    def start(self, client: WebClient, team: str | None) -> threading.Event:
        """Make sure the team's lookup is cached or under way; the event is set when done."""
        key = _groups_key(team)
        if self._read(key, []) is not None:
            done = threading.Event()
            done.set()
            return done
        with self._lock:
            running = self._inflight.get(key)
            if running is not None:
                return running
            done = self._inflight[key] = threading.Event()
            self.lookups += 1
        worker = threading.Thread(target=self._lookup, args=(client, team, key, done),
                                  name="dockbot-usergroups", daemon=True)
        worker.start()
        return done

    def groups_of(self, client: WebClient, team: str | None, user: str,
                  wait: float = GROUPS_WAIT) -> frozenset[str]:
        """The user's groups, waiting at most ``wait`` seconds; no groups when unknown."""
        found = self.cached(team, user)
        if found is None:
            self.start(client, team).wait(wait)
            found = self.cached(team, user)
        return found if found is not None else frozenset()

    def _lookup(self, client: WebClient, team: str | None, key: str,
                done: threading.Event) -> None:
        try:
            members = self._fetch(client, team)
            if members is None:          # a failure is cached too: no groups, for a while
                self._write(key, {}, self.failure_ttl)
            else:
                self._write(key, {uid: ",".join(sorted(gids)) for uid, gids in members.items()},
                            self.ttl)
        finally:
            with self._lock:
                self._inflight.pop(key, None)
            done.set()

    def _fetch(self, client: WebClient, team: str | None) -> _Members | None:
        quick = WebClient(token=client.token, base_url=client.base_url, timeout=int(self.timeout))
        try:
            resp = quick.usergroups_list(include_users=True, team_id=team)
        except (SlackApiError, SlackClientError, OSError) as exc:
            log.warning("usergroups.list failed (%s); users count as in no group for %.0f s",
                        type(exc).__name__, self.failure_ttl)
            return None
        groups = resp.get("usergroups")
        out: dict[str, set[str]] = {}
        for group in groups if isinstance(groups, list) else []:
            gid = group.get("id") if isinstance(group, dict) else None
            users = group.get("users") if isinstance(group, dict) else None
            if not isinstance(gid, str) or not isinstance(users, list):
                continue
            for uid in users:
                if isinstance(uid, str):
                    out.setdefault(uid, set()).add(gid)
        return {uid: frozenset(gids) for uid, gids in out.items()}


@dataclass(frozen=True)
class Asker:
    """Who is asking: the principal as known now, and whether their groups are still
    being looked up (``settled`` is False then)."""

    principal: Principal
    settled: bool = True
    directory: UsergroupDirectory | None = None
    client: WebClient | None = None

    @classmethod
    def known(cls, principal: Principal) -> Asker:
        return cls(principal)

    def resolved(self, wait: float = GROUPS_WAIT) -> Principal:
        """The principal with their groups, waiting at most ``wait`` seconds for them."""
        if self.settled or self.directory is None or self.client is None:
            return self.principal
        groups = self.directory.groups_of(self.client, self.principal.team,
                                          self.principal.user or "", wait)
        return replace(self.principal, usergroups=groups)


def asker_for(
    who: Identity, executor: Executor, client: WebClient | None,
    directory: UsergroupDirectory,
) -> Asker:
    """The asker for a sender, with the user groups already known (no lookup starts here)."""
    principal = Principal.slack(user=who.user or "", channel=who.channel or "", team=who.team,
                                is_dm=who.is_dm)
    policy = executor.config.policy
    if not (executor.enabled and who.user and client is not None and policy.usergroups
            and who.user not in policy.users):
        return Asker(principal)
    groups = directory.cached(who.team, who.user)
    if groups is not None:
        return Asker(replace(principal, usergroups=groups))
    return Asker(principal, settled=False, directory=directory, client=client)


def principal_for(
    body: Mapping[str, Any], executor: Executor, client: WebClient | None,
    directory: UsergroupDirectory,
) -> Asker:
    """The asker of a command, click or event payload."""
    return asker_for(identity(body), executor, client, directory)
