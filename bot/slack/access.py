"""Who is asking, as the executor's policy sees it, and what they may run.

The policy is keyed by Slack IDs only: team, channel (or "direct message"),
user, and the user's user groups. User groups are not in Slack's payloads, so
they are looked up with ``usergroups.list`` only when the policy names any and
the user has no entry of their own; the answer is cached for a few minutes per
workspace (a cache, not state: a miss just asks Slack again) and any failure
means "no groups", which can only deny.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.executor import OP_LABELS, Executor, Operation, Principal

log = logging.getLogger("dockbot.slack")

GROUPS_TTL = 300.0
GROUPS_TIMEOUT = 2


def _ids(body: Mapping[str, Any]) -> tuple[str | None, str | None, str | None]:
    """(team, channel, user) of an event, command or interaction payload."""
    team = body.get("team_id") or _get(body, "team", "id") or _get(body, "user", "team_id")
    channel = body.get("channel_id") or _get(body, "channel", "id") or body.get("channel")
    user = body.get("user_id") or _get(body, "user", "id") or body.get("user")
    return _str(team), _str(channel), _str(user)


def _get(body: Mapping[str, Any], key: str, sub: str) -> Any:
    inner = body.get(key)
    return inner.get(sub) if isinstance(inner, Mapping) else None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def is_dm_channel(channel: str | None, body: Mapping[str, Any]) -> bool:
    name = body.get("channel_name") or _get(body, "channel", "name")
    return bool(
        body.get("channel_type") == "im"
        or name == "directmessage"
        or (channel or "").startswith("D")
    )


class UsergroupDirectory:
    """The user groups of a user, from ``usergroups.list``, cached per team."""

    def __init__(self, ttl: float = GROUPS_TTL) -> None:
        self.ttl = ttl
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, dict[str, frozenset[str]]]] = {}

    def groups_of(self, client: WebClient, team: str | None, user: str) -> frozenset[str]:
        key = team or "-"
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(key)
        if hit is None or hit[0] < now:
            members = self._fetch(client, team)
            if members is None:
                return frozenset()
            hit = (now + self.ttl, members)
            with self._lock:
                self._cache[key] = hit
        return hit[1].get(user, frozenset())

    @staticmethod
    def _fetch(client: WebClient, team: str | None) -> dict[str, frozenset[str]] | None:
        quick = WebClient(token=client.token, base_url=client.base_url, timeout=GROUPS_TIMEOUT)
        try:
            resp = quick.usergroups_list(include_users=True, team_id=team)
        except (SlackApiError, SlackClientError, OSError) as exc:
            log.warning("usergroups.list failed (%s); treating the user as in no group",
                        type(exc).__name__)
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


def principal_for(
    body: Mapping[str, Any],
    executor: Executor,
    client: WebClient | None,
    directory: UsergroupDirectory,
) -> Principal:
    """The Slack principal of a request; user groups only looked up when the policy needs them."""
    team, channel, user = _ids(body)
    dm = is_dm_channel(channel, body)
    policy = executor.config.policy
    groups: frozenset[str] = frozenset()
    if (
        executor.enabled and user and client is not None and policy.usergroups
        and user not in policy.users
    ):
        groups = directory.groups_of(client, team, user)
    return Principal.slack(user=user or "", channel=channel or "", team=team,
                           usergroups=groups, is_dm=dm)


def allowed_ops(executor: Executor, principal: Principal) -> tuple[list[str], list[str]]:
    """(operation labels, host aliases) this principal may use; empty when none."""
    if not executor.enabled:
        return [], []
    ops = [OP_LABELS[o] for o in executor.allowed_ops(principal)]
    hosts = list(executor.allowed_hosts(principal))
    if not hosts:
        return [], []
    return ops, hosts


def may_run(executor: Executor, principal: Principal, op: Operation) -> bool:
    """Whether the policy lets this principal run ``op`` (the executor checks again when
    it runs; this only decides what to offer)."""
    if not executor.enabled or op.kind not in executor.allowed_ops(principal):
        return False
    hosts = executor.allowed_hosts(principal)
    return op.host in hosts if op.host else bool(hosts)
