"""Executor test helpers: executors built from real config files in tmp_path."""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docker
import pytest
import yaml

from bot.executor import Executor, Principal, build_executor
from bot.settings import Settings

IMAGE = "dockbot-test/busybox:1"      # imported by tests/conftest.py's docker_engine
API_VERSION = "1.41"

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


# -- hostile containers for the hardening tests -------------------------------------------
KEY_CANARY = "KEYCANARY"


def _b64_line(tag: str, width: int = 64) -> str:
    body = f"{KEY_CANARY}{tag}" + secrets.token_urlsafe(64).replace("-", "+").replace("_", "/")
    return body[:width]


def _block(begin: str, end: str, lines: int, headers: tuple[str, ...] = ()) -> list[str]:
    body = [_b64_line(f"{begin[11:14]}{i:02d}") for i in range(lines)]
    body.append(_b64_line("LAST", 28))
    return [begin, *headers, *body, end]


@dataclass(frozen=True)
class KeyContainers:
    """Containers that print private keys to their logs (names -> number of log lines)."""

    lines: dict[str, int]
    topsecret: str            # running; its command line holds a --password= value
    top_canaries: tuple[str, ...]
    differ: str               # running; added /tmp/dockbot-added
    bare_env: str             # created; Env holds a bare value without a name
    env_canary: str


def _run_printer(api: Any, name: str, lines: list[str]) -> None:
    script = 'printf "%s\\n" "$OUT"; while true; do sleep 1; done'
    c = api.create_container(IMAGE, ["sh", "-c", script], name=name,
                             environment={"OUT": "\n".join(lines)},
                             host_config=api.create_host_config(network_mode="none"))
    api.start(c["Id"])


@pytest.fixture(scope="session")
def key_containers(docker_engine: str) -> Iterator[KeyContainers]:
    api = docker.APIClient(base_url=docker_engine, version=API_VERSION, timeout=60)
    before = [f"line {i}" for i in range(1, 21)]
    after = ["after key 1", "after key 2", "after key 3"]
    rsa = _block("-----BEGIN RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----", 24)
    pgp = _block("-----BEGIN PGP PRIVATE KEY BLOCK-----", "-----END PGP PRIVATE KEY BLOCK-----",
                 20, headers=("Version: GnuPG v2", "Comment: canary", ""))
    pgp.insert(-1, "=" + secrets.token_hex(2))          # the armour checksum line
    far = _block("x" * 900 + " -----BEGIN OPENSSH PRIVATE KEY-----",
                 "-----END OPENSSH PRIVATE KEY-----", 8)
    logs = {"dockbot-key-rsa": before + rsa + after, "dockbot-key-pgp": before + pgp + after,
            "dockbot-key-far": before + far + after}
    for name, lines in logs.items():
        _run_printer(api, name, lines)
    # `docker top` shows about 32 characters of a command line: the secret comes first
    pw = f"cnry{secrets.token_hex(3)}"
    none = api.create_host_config(network_mode="none")
    top = api.create_container(
        IMAGE, ["sh", "-c", f"P=--password={pw};while :;do sleep 1;done"],
        name="dockbot-topsecret", host_config=none)
    api.start(top["Id"])
    differ = api.create_container(
        IMAGE, ["sh", "-c", "echo x > /tmp/dockbot-added; while true; do sleep 1; done"],
        name="dockbot-differ", host_config=none)
    api.start(differ["Id"])
    env_canary = f"canary-bare-{secrets.token_hex(4)}"
    api.create_container(IMAGE, ["true"], name="dockbot-bare-env", host_config=none,
                         environment=[env_canary, "GOOD_NAME=1", "my secret=x"])
    deadline = time.monotonic() + 30
    while any(b"after key 3" not in api.logs(name, tail=2) for name in logs):
        if time.monotonic() > deadline:
            pytest.fail("the key printer containers did not print their logs")
        time.sleep(0.1)
    api.close()
    yield KeyContainers(lines={n: len(v) for n, v in logs.items()}, topsecret="dockbot-topsecret",
                        top_canaries=(pw,), differ="dockbot-differ",
                        bare_env="dockbot-bare-env", env_canary=env_canary)
