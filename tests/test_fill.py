"""Filling commands with live names: which placeholders count, what a usable name is, and
the names read from a real Docker engine through the executor (policy, redaction)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.errors import ExecDenied, InputError
from bot.executor import Executor, Principal, build_executor
from bot.fill import (
    fill,
    fillable,
    live_names,
    offers,
    offers_for,
    placeholders,
    slots,
    usable_name,
)
from bot.settings import Settings
from tests.conftest import IMAGE


@pytest.mark.parametrize(("command", "kinds"), [
    ("docker logs -f <container>", ["container"]),
    ("docker rmi <image>", ["image"]),
    ("docker network connect <network> <container>", ["network", "container"]),
    ("docker cp <container>:<path> <host-path>", ["container"]),
    ("docker volume rm <name>", ["volume"]),
    ("docker network inspect <name>", ["network"]),
    ("docker volume create <name>", []),       # a new name, not an existing one
    ("docker run -d <image> <container>", ["image", "container"]),
    ("docker ps", []),
    (None, []),
])
def test_placeholders(command: str | None, kinds: list[str]) -> None:
    assert placeholders(command) == kinds


def test_fill_replaces_one_placeholder_and_refuses_what_is_not_a_name() -> None:
    assert fill("docker logs -f <container>", "container", "web") == "docker logs -f web"
    assert fill("docker volume rm <name>", "volume", "data") == "docker volume rm data"
    net = "docker network connect <network> <container>"
    assert fill(net, "network", "front") == "docker network connect front <container>"
    for bad in ("web; rm -rf /", "$(id)", "a b", "<none>", "***", "", "-rf", "`x`"):
        assert not usable_name(bad)
        with pytest.raises(InputError):
            fill("docker stop <container>", "container", bad)
    with pytest.raises(InputError, match="채울 자리"):
        fill("docker ps", "container", "web", "ko")
    assert dict(slots("docker network rm <name>")) == {"network": "<name>"}


@pytest.fixture
def executor(tmp_path: Path, docker_containers: Any) -> Iterator[Executor]:
    config = tmp_path / "dockbot.yml"
    config.write_text(yaml.safe_dump({
        "exec": {"enabled": True, "hosts": {"local": {"url": docker_containers.url}},
                 "audit": str(tmp_path / "audit.jsonl")},
        "policy": {"users": {"UOPS": {"role": "viewer"}}, "cli": {"role": "viewer"}},
    }))
    ex = build_executor(Settings.from_env({"DOCKBOT_CONFIG": str(config)}))
    yield ex
    ex.close()


@pytest.mark.docker
def test_live_names_come_from_the_engine_through_the_executor(
    executor: Executor, docker_containers: Any, tmp_path: Path
) -> None:
    cli = Principal.cli()
    containers = live_names(executor, cli, "container")
    assert {docker_containers.web, docker_containers.idle} <= set(containers)
    assert IMAGE in live_names(executor, cli, "image")
    assert docker_containers.volume in live_names(executor, cli, "volume")
    assert "none" in live_names(executor, cli, "network")  # the engine's own networks
    everything = json.dumps([containers, live_names(executor, cli, "image")])
    for canary in docker_containers.canaries:
        assert canary not in everything
    audit = [json.loads(line) for line in (tmp_path / "audit.jsonl").read_text().splitlines()]
    assert [a["op"] for a in audit] == ["ps", "images", "volumes", "networks", "images"]
    assert all(a["decision"] == "allowed" for a in audit)


@pytest.mark.docker
def test_only_askers_the_policy_allows_get_names(
    executor: Executor, docker_containers: Any
) -> None:
    stranger = Principal.slack(user="UX", channel="CX", team="T1")
    assert fillable(executor, stranger, "docker logs <container>") == []
    assert offers(executor, stranger, "docker logs <container>") == ([], [])
    with pytest.raises(ExecDenied):
        live_names(executor, stranger, "container")
    found, errors = offers(executor, Principal.cli(), "docker network connect <network> "
                                                      "<container>")
    assert errors == [] and [o.kind for o in found] == ["network", "container"]
    assert docker_containers.web in found[1].names


@pytest.mark.docker
def test_several_commands_list_each_kind_of_name_once(
    executor: Executor, docker_containers: Any, tmp_path: Path
) -> None:
    commands = ["docker stop <container>", "docker logs <container>", "docker stop <container>",
                "docker run --network <network> <image>", "docker ps", None]
    found, errors = offers_for(executor, Principal.cli(), commands)
    assert errors == []
    assert [(o.template, o.kind) for o in found] == [
        ("docker stop <container>", "container"), ("docker logs <container>", "container"),
        ("docker run --network <network> <image>", "network"),
        ("docker run --network <network> <image>", "image")]
    assert found[0].names == found[1].names and docker_containers.web in found[0].names
    audit = [json.loads(line) for line in (tmp_path / "audit.jsonl").read_text().splitlines()]
    assert sorted(a["op"] for a in audit) == ["images", "networks", "ps"]
