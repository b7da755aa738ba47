"""Executor test helpers: executors built from real config files in tmp_path."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.executor import Executor, Principal, build_executor
from bot.settings import Settings

POLICY: dict[str, Any] = {
    "cli": {"role": "admin"},
    "channels": {"COPS": {"ops": "all"}, "CVIEW": {"ops": "viewer"}},
    "users": {"UADMIN": {"role": "admin"}, "UVIEW": {"role": "viewer"}},
}
FAST_LIMITS: dict[str, Any] = {
    "deadline_seconds": 8, "rate_per_user": 100000,
    "rate_per_channel": 100000,
}

MakeExecutor = Callable[..., Executor]


@pytest.fixture
def audit_path(tmp_path: Path) -> Path:
    return tmp_path / "audit.jsonl"


@pytest.fixture
def read_audit(audit_path: Path) -> Callable[[], list[dict[str, Any]]]:
    def read() -> list[dict[str, Any]]:
        if not audit_path.exists():
            return []
        return [json.loads(line) for line in audit_path.read_text().splitlines()]
    return read


@pytest.fixture
def make_executor(tmp_path: Path, audit_path: Path) -> Iterator[MakeExecutor]:
    """Build an executor from a config file written to tmp_path.

    ``make(url)`` points the single host alias ``local`` at ``url``; keyword
    arguments replace the policy, merge limits, or give the whole ``hosts`` table.
    """
    made: list[Executor] = []

    def make(url: str | None = None, *, hosts: dict[str, Any] | None = None,
             policy: dict[str, Any] | None = None, limits: dict[str, Any] | None = None,
             enabled: bool = True, env: dict[str, str] | None = None) -> Executor:
        table = hosts if hosts is not None else {"local": {"url": url}}
        data = {
            "exec": {"enabled": enabled, "hosts": table, "audit": str(audit_path),
                     "limits": {**FAST_LIMITS, **(limits or {})}},
            "policy": POLICY if policy is None else policy,
        }
        path = tmp_path / f"dockbot-{len(made)}.yml"
        path.write_text(yaml.safe_dump(data))
        ex = build_executor(Settings.from_env({"DOCKBOT_CONFIG": str(path), **(env or {})}))
        made.append(ex)
        return ex

    yield make
    for ex in made:
        ex.close()


@pytest.fixture
def admin() -> Principal:
    return Principal.slack(user="UADMIN", channel="COPS", team="T01")


@pytest.fixture
def viewer() -> Principal:
    return Principal.slack(user="UVIEW", channel="COPS", team="T01")
