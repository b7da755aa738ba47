"""The executor policy, tested exhaustively against an independent table."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from bot.errors import ConfigError
from bot.executor.grammar import OPS
from bot.executor.policy import Policy, Principal, parse_policy

HOSTS = ("dev", "prod")
RAW: dict[str, Any] = {
    "cli": {"role": "viewer", "hosts": ["dev"]},
    "channels": {
        "COPS": {"ops": "all"},
        "CVIEW": {"ops": "viewer", "hosts": ["dev"]},
        "CLIST": {"ops": ["ps", "logs"]},
    },
    "direct_messages": {"ops": "operator"},
    "users": {
        "UADMIN": {"role": "admin"},
        "UOPER": {"role": "operator"},
        "UVIEW": {"role": "viewer", "hosts": ["dev"]},
        "UBANNED": {"role": "none"},
    },
    "usergroups": {
        "SOPS": {"role": "operator"},
        "SADM": {"role": "admin", "hosts": ["prod"]},
        "SNONE": {"role": "none"},
    },
}

# The oracle: written out by hand from the policy documentation, not from the code.
VIEWER = {"version", "info", "ps", "images", "port", "df", "volumes", "networks"}
OPERATOR = VIEWER | {"stats", "inspect", "top", "diff", "events"}
ADMIN = OPERATOR | {"logs"}
CHANNELS: dict[str, tuple[set[str], set[str]] | None] = {
    "COPS": (set(OPS), set(HOSTS)),
    "CVIEW": (VIEWER, {"dev"}),
    "CLIST": ({"ps", "logs"}, set(HOSTS)),
    "DM": (OPERATOR, set(HOSTS)),
    "CUNKNOWN": None,
}
# name -> (user id, user groups, expected ops, expected hosts) ; None = no role
USERS: dict[str, tuple[str, tuple[str, ...], tuple[set[str], set[str]] | None]] = {
    "admin": ("UADMIN", (), (ADMIN, set(HOSTS))),
    "operator": ("UOPER", (), (OPERATOR, set(HOSTS))),
    "viewer-dev": ("UVIEW", (), (VIEWER, {"dev"})),
    "banned": ("UBANNED", (), None),
    "banned-in-admin-group": ("UBANNED", ("SADM",), None),   # the user entry wins
    "nobody": ("UNOBODY", (), None),
    "unknown-group": ("UNOBODY", ("SOTHER",), None),
    "none-group": ("UNOBODY", ("SNONE",), None),
    "ops-group": ("UGROUP", ("SOPS",), (OPERATOR, set(HOSTS))),
    "highest-group": ("UBOTH", ("SOPS", "SADM", "SNONE"), (ADMIN, {"prod"})),
    "viewer-in-admin-group": ("UVIEW", ("SADM",), (VIEWER, {"dev"})),
}


@pytest.fixture(scope="module")
def policy() -> Policy:
    return parse_policy(RAW, HOSTS)


def _principal(user: str, groups: tuple[str, ...], channel: str) -> Principal:
    if channel == "DM":
        return Principal.slack(user=user, channel="D0DM", usergroups=groups, is_dm=True)
    return Principal.slack(user=user, channel=channel, usergroups=groups)


@pytest.mark.parametrize(
    ("who", "channel", "op", "host"),
    list(itertools.product(USERS, CHANNELS, OPS, HOSTS)),
)
def test_decision_matches_the_table(policy: Policy, who: str, channel: str, op: str,
                                    host: str) -> None:
    user, groups, grant = USERS[who]
    scope = CHANNELS[channel]
    expected = (
        scope is not None and grant is not None
        and op in scope[0] & grant[0] and host in scope[1] & grant[1]
    )
    decision = policy.decide(_principal(user, groups, channel), op, host)
    assert decision.allowed is expected
    assert decision.rule


@pytest.mark.parametrize(("who", "channel"), list(itertools.product(USERS, CHANNELS)))
def test_help_lists_exactly_the_allowed_ops(policy: Policy, who: str, channel: str) -> None:
    user, groups, grant = USERS[who]
    scope = CHANNELS[channel]
    expected = set() if scope is None or grant is None else scope[0] & grant[0]
    p = _principal(user, groups, channel)
    listed = policy.allowed_ops(p)
    assert set(listed) == expected
    assert list(listed) == [op for op in OPS if op in expected]   # help order
    hosts = set() if scope is None or grant is None else scope[1] & grant[1]
    assert set(policy.allowed_hosts(p, HOSTS)) == hosts


@pytest.mark.parametrize(("op", "host"), list(itertools.product(OPS, HOSTS)))
def test_cli_runs_with_its_configured_role(policy: Policy, op: str, host: str) -> None:
    assert policy.decide(Principal.cli(), op, host).allowed is (op in VIEWER and host == "dev")


@pytest.mark.parametrize("op", OPS)
def test_without_a_policy_slack_is_denied_and_cli_is_operator(op: str) -> None:
    policy = parse_policy(None, HOSTS)
    p = Principal.slack(user="UADMIN", channel="COPS")
    assert not policy.decide(p, op, "dev").allowed
    assert policy.decide(Principal.cli(), op, "prod").allowed is (op in OPERATOR)
    assert policy.allowed_ops(p) == ()


@pytest.mark.parametrize("op", OPS)
def test_cli_role_none_denies_everything(op: str) -> None:
    policy = parse_policy({"cli": {"role": "none"}}, HOSTS)
    assert not policy.decide(Principal.cli(), op, "dev").allowed


@pytest.mark.parametrize(
    ("team", "allowed"), [("T01", True), ("T02", False), (None, False)]
)
def test_teams_restrict_workspaces(team: str | None, allowed: bool) -> None:
    policy = parse_policy({**RAW, "teams": ["T01"]}, HOSTS)
    p = Principal.slack(user="UADMIN", channel="COPS", team=team)
    assert policy.decide(p, "ps", "dev").allowed is allowed


def test_principal_without_user_is_denied(policy: Policy) -> None:
    p = Principal(kind="slack", channel="COPS")
    assert not policy.decide(p, "ps", "dev").allowed
    assert not policy.decide(Principal(kind="other"), "ps", "dev").allowed


def test_logs_need_both_channel_and_role(policy: Policy) -> None:
    assert policy.decide(_principal("UADMIN", (), "CLIST"), "logs", "dev").allowed
    assert not policy.decide(_principal("UOPER", (), "CLIST"), "logs", "dev").allowed
    assert not policy.decide(_principal("UADMIN", (), "DM"), "logs", "dev").allowed


def test_roles_can_be_overridden() -> None:
    policy = parse_policy({**RAW, "roles": {"viewer": ["ps"]}}, HOSTS)
    assert policy.allowed_ops(_principal("UVIEW", (), "COPS")) == ("ps",)
    assert policy.allowed_ops(Principal.cli()) == ("ps",)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ({"channels": {"#general": {"ops": "all"}}}, "not a Slack ID"),
        ({"channels": {"general": {"ops": "all"}}}, "not a Slack ID"),
        ({"users": {"alice": {"role": "admin"}}}, "not a Slack ID"),
        ({"users": {"U01": {"role": "superuser"}}}, "is not a role"),
        ({"users": {"U01": {}}}, "is not a role"),
        ({"users": {"U01": {"role": "admin", "hosts": ["nope"]}}}, "one of the host aliases"),
        ({"users": {"U01": {"role": "admin", "hosts": "dev"}}}, "must be a list"),
        ({"users": {"U01": {"role": "admin", "extra": 1}}}, "unknown key"),
        ({"usergroups": {"G01": {"role": "admin"}}}, "not a Slack ID"),
        ({"teams": ["acme"]}, "not a Slack ID"),
        ({"teams": "T01"}, "must be a list"),
        ({"channels": {"C01": {"ops": ["rm"]}}}, "is not one of the operations"),
        ({"channels": {"C01": {"ops": "superuser"}}}, "neither a role"),
        ({"channels": {"C01": {"hosts": ["dev"]}}}, "needs `ops`"),
        ({"channels": {"C01": "all"}}, "must be a mapping"),
        ({"channels": ["C01"]}, "must be a mapping"),
        ({"chanels": {}}, "unknown key"),
        ({"roles": {"root": ["ps"]}}, "the roles are"),
        ({"roles": {"viewer": ["ps", "exec"]}}, "is not one of the operations"),
        ({"cli": {"role": "god"}}, "is not a role"),
        ({"direct_messages": {"ops": 3}}, "must be a list"),
        ("everyone", "must be a mapping"),
    ],
)
def test_invalid_policy_is_a_config_error(raw: object, fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_policy(raw, HOSTS)
    assert fragment in info.value.message
    assert info.value.message.startswith("Config policy")
