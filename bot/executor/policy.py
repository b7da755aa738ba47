"""Who may run which operation on which host (pure; no I/O).

The ``policy:`` section of the config file (see :mod:`bot.executor.config` for
the whole file)::

    policy:
      teams: [T0123ABCD]            # optional: only these Slack workspaces
      roles:                        # optional: override the built-in role table
        viewer: [version, info, ps, images, df]
      cli: {role: operator}         # the local `dockbot exec` user; `role: none` denies it
      channels:                     # Slack channel IDs (never names)
        C0123ABCD: {ops: [ps, images, stats], hosts: [prod]}
        C0456EFGH: {ops: operator}  # a role name stands for that role's operations
      direct_messages: {ops: viewer}   # requests from DMs with the bot; absent = denied
      users:                        # Slack user IDs; their own entry beats their groups
        U0123ABCD: {role: admin}
        U0456EFGH: {role: viewer, hosts: [staging]}
        U0789IJKL: {role: none}     # blocked, whatever their groups grant
      usergroups:                   # Slack user group IDs
        S0123ABCD: {role: operator}

Built-in roles: each operation names the lowest role that may run it
(:mod:`bot.executor.operations`); ``operator`` may run what ``viewer`` may and more,
``admin`` everything, ``logs`` included. Logs are never allowed unless both the channel
and the role list them.

A Slack request is allowed when the team is listed (if ``teams`` is set), the
channel (or ``direct_messages``) has a rule, the user has a role (their own
``users`` entry wins; otherwise the highest role among their user groups), the
operation is in channel ops ∩ role ops, and the host is in channel hosts ∩ role
hosts (an omitted ``hosts`` means every configured host). Anything missing means
deny. The CLI runs with ``policy.cli`` (default: operator on every host).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from bot.errors import ConfigError
from bot.executor.operations import OPS, ROLE_NAMES, role_ops

# Each role may run the operations whose lowest role (bot.executor.operations) it reaches.
DEFAULT_ROLES: Mapping[str, frozenset[str]] = {
    "none": frozenset(), **{role: role_ops(role) for role in ROLE_NAMES},
}
_IDS = {
    "teams": (re.compile(r"^[TE][A-Z0-9]{2,}$"), "T0123ABCD"),
    "channels": (re.compile(r"^[CGD][A-Z0-9]{2,}$"), "C0123ABCD"),
    "users": (re.compile(r"^[UW][A-Z0-9]{2,}$"), "U0123ABCD"),
    "usergroups": (re.compile(r"^S[A-Z0-9]{2,}$"), "S0123ABCD"),
}
_HINT = "See the policy format in examples/dockbot.yml."


@dataclass(frozen=True)
class Principal:
    """Who is asking: the local CLI user, or a Slack user in a channel."""

    kind: str                                   # "cli" | "slack"
    user: str | None = None
    team: str | None = None
    channel: str | None = None
    usergroups: frozenset[str] = field(default_factory=frozenset)
    is_dm: bool = False

    @classmethod
    def cli(cls) -> Principal:
        """The local operator running ``dockbot exec``."""
        return cls(kind="cli")

    @classmethod
    def slack(
        cls, *, user: str, channel: str, team: str | None = None,
        usergroups: Iterable[str] = (), is_dm: bool = False,
    ) -> Principal:
        return cls(
            kind="slack", user=user, team=team, channel=channel,
            usergroups=frozenset(usergroups), is_dm=is_dm,
        )

    @property
    def rate_key(self) -> str:
        return "cli" if self.kind == "cli" else f"{self.team or '-'}:{self.user or '-'}"

    @property
    def channel_key(self) -> str | None:
        return None if self.kind == "cli" else f"{self.team or '-'}:{self.channel or '-'}"


@dataclass(frozen=True)
class Scope:
    """What a channel allows: operations, and hosts (None = every host)."""

    ops: frozenset[str]
    hosts: frozenset[str] | None = None


@dataclass(frozen=True)
class Grant:
    """A role, optionally limited to some hosts (None = every host)."""

    role: str
    hosts: frozenset[str] | None = None


@dataclass(frozen=True)
class Decision:
    allowed: bool
    rule: str          # which rule decided, for the audit log (never shown to users)


@dataclass(frozen=True)
class Policy:
    roles: Mapping[str, frozenset[str]] = field(default_factory=lambda: dict(DEFAULT_ROLES))
    teams: frozenset[str] | None = None
    channels: Mapping[str, Scope] = field(default_factory=dict)
    direct_messages: Scope | None = None
    users: Mapping[str, Grant] = field(default_factory=dict)
    usergroups: Mapping[str, Grant] = field(default_factory=dict)
    cli: Grant = field(default_factory=lambda: Grant("operator"))

    def _channel(self, p: Principal) -> tuple[Scope | None, str]:
        if self.teams is not None and p.team not in self.teams:
            return None, "team-not-listed"
        if p.is_dm:
            return self.direct_messages, "direct_messages"
        if p.channel is None or p.channel not in self.channels:
            return None, "no-channel-rule"
        return self.channels[p.channel], f"channels.{p.channel}"

    def _grant(self, p: Principal) -> tuple[Grant | None, str]:
        if p.user is not None and p.user in self.users:
            return self.users[p.user], f"users.{p.user}"
        best: Grant | None = None
        rule = "no-role"
        for group in sorted(p.usergroups):
            g = self.usergroups.get(group)
            if g is None or g.role == "none":
                continue
            if best is None or ROLE_NAMES.index(g.role) > ROLE_NAMES.index(best.role):
                best, rule = g, f"usergroups.{group}"
            elif g.role == best.role:
                hosts = None if best.hosts is None or g.hosts is None else best.hosts | g.hosts
                best = Grant(best.role, hosts)
        return best, rule

    def scope(self, p: Principal) -> tuple[frozenset[str], frozenset[str] | None, str]:
        """(allowed ops, allowed hosts or None for all, rule) for a principal."""
        if p.kind == "cli":
            return self.roles[self.cli.role], self.cli.hosts, "cli"
        if p.kind != "slack" or not p.user:
            return frozenset(), frozenset(), "unknown-principal"
        channel, crule = self._channel(p)
        if channel is None:
            return frozenset(), frozenset(), crule
        grant, grule = self._grant(p)
        if grant is None:
            return frozenset(), frozenset(), f"{crule}+{grule}"
        ops = channel.ops & self.roles[grant.role]
        hosts = _meet(channel.hosts, grant.hosts)
        return ops, hosts, f"{crule}+{grule}"

    def role_of(self, p: Principal) -> str | None:
        """A Slack principal's role (by user, or by the user groups known), or None."""
        if p.kind != "slack" or not p.user:
            return None
        if self.teams is not None and p.team not in self.teams:
            return None
        grant, _ = self._grant(p)
        return grant.role if grant is not None else None

    def allowed_ops(self, p: Principal) -> tuple[str, ...]:
        """The operations this principal may run, in help order (for help listings)."""
        ops, _, _ = self.scope(p)
        return tuple(op for op in OPS if op in ops)

    def allowed_hosts(self, p: Principal, configured: Iterable[str]) -> tuple[str, ...]:
        _, hosts, _ = self.scope(p)
        return tuple(h for h in configured if hosts is None or h in hosts)

    def decide(self, p: Principal, op: str, host: str) -> Decision:
        ops, hosts, rule = self.scope(p)
        if op not in ops:
            return Decision(False, f"{rule}:op")
        if hosts is not None and host not in hosts:
            return Decision(False, f"{rule}:host")
        return Decision(True, rule)


def _meet(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    if a is None:
        return b
    if b is None:
        return a
    return a & b


def _fail(path: str, problem: str) -> ConfigError:
    return ConfigError(f"Config {path}: {problem}", hint=_HINT)


def _mapping(raw: object, path: str) -> Mapping[str, object]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping) or not all(isinstance(k, str) for k in raw):
        raise _fail(path, "must be a mapping with text keys.")
    return raw


def _keys(raw: Mapping[str, object], path: str, allowed: Collection[str]) -> None:
    for key in raw:
        if key not in allowed:
            raise _fail(f"{path}.{key}", f"unknown key; expected one of {', '.join(allowed)}.")


def _names(raw: object, path: str, known: Collection[str], what: str) -> frozenset[str]:
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise _fail(path, f"must be a list of {what}.")
    for item in raw:
        if item not in known:
            raise _fail(path, f"{item!r} is not one of the {what}: {', '.join(known)}.")
    return frozenset(raw)


def _ops(raw: object, path: str, roles: Mapping[str, frozenset[str]]) -> frozenset[str]:
    if isinstance(raw, str):
        if raw == "all":
            return frozenset(OPS)
        if raw in roles:
            return roles[raw]
        raise _fail(path, f"{raw!r} is neither a role nor `all`; use a list of operations.")
    return _names(raw, path, OPS, "operations")


def _hosts(raw: Mapping[str, object], path: str, hosts: Collection[str]) -> frozenset[str] | None:
    if "hosts" not in raw:
        return None
    return _names(raw["hosts"], f"{path}.hosts", hosts, "host aliases")


def _grant(raw: object, path: str, hosts: Collection[str]) -> Grant:
    entry = _mapping(raw, path)
    _keys(entry, path, ("role", "hosts"))
    role = entry.get("role")
    if role == "none":
        return Grant("none", frozenset())
    if role not in ROLE_NAMES:
        raise _fail(
            f"{path}.role", f"{role!r} is not a role; use viewer, operator, admin or none."
        )
    assert isinstance(role, str)
    return Grant(role, _hosts(entry, path, hosts))


def _scope(raw: object, path: str, roles: Mapping[str, frozenset[str]],
           hosts: Collection[str]) -> Scope:
    entry = _mapping(raw, path)
    _keys(entry, path, ("ops", "hosts"))
    if "ops" not in entry:
        raise _fail(path, "needs `ops` (a list of operations or a role name).")
    return Scope(_ops(entry["ops"], f"{path}.ops", roles), _hosts(entry, path, hosts))


def _ids(raw: object, section: str) -> Mapping[str, object]:
    table = _mapping(raw, f"policy.{section}")
    pattern, example = _IDS[section]
    for key in table:
        if not pattern.fullmatch(key):
            raise _fail(
                f"policy.{section}.{key}",
                f"not a Slack ID; use IDs like {example} (names can change and be reused).",
            )
    return table


def parse_policy(raw: object, hosts: Collection[str]) -> Policy:
    """Validate the ``policy:`` section; raise ConfigError naming the first problem."""
    if raw is None:
        return Policy()
    top = _mapping(raw, "policy")
    _keys(top, "policy", ("teams", "roles", "cli", "channels", "direct_messages", "users",
                          "usergroups"))
    roles = dict(DEFAULT_ROLES)
    for name, ops in _mapping(top.get("roles"), "policy.roles").items():
        if name not in ROLE_NAMES:
            raise _fail(f"policy.roles.{name}", "the roles are viewer, operator and admin.")
        roles[name] = _names(ops, f"policy.roles.{name}", OPS, "operations")
    teams = None
    if "teams" in top:
        teams_raw = top["teams"]
        if not isinstance(teams_raw, list) or not all(isinstance(t, str) for t in teams_raw):
            raise _fail("policy.teams", "must be a list of Slack team IDs.")
        _ids({t: None for t in teams_raw}, "teams")
        teams = frozenset(teams_raw)
    cli = _grant(top["cli"], "policy.cli", hosts) if "cli" in top else Grant("operator")
    channels = {
        key: _scope(val, f"policy.channels.{key}", roles, hosts)
        for key, val in _ids(top.get("channels"), "channels").items()
    }
    dms = None
    if top.get("direct_messages") is not None:
        dms = _scope(top["direct_messages"], "policy.direct_messages", roles, hosts)
    users = {
        key: _grant(val, f"policy.users.{key}", hosts)
        for key, val in _ids(top.get("users"), "users").items()
    }
    groups = {
        key: _grant(val, f"policy.usergroups.{key}", hosts)
        for key, val in _ids(top.get("usergroups"), "usergroups").items()
    }
    return Policy(roles=roles, teams=teams, channels=channels, direct_messages=dms,
                  users=users, usergroups=groups, cli=cli)
