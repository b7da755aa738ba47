"""Findings of the attack run, replayed against the real engine and its hostile containers."""

from __future__ import annotations

import json
import secrets
import time
from typing import Any

import docker
import pytest

from bot.cli import main
from bot.errors import ExecRefused
from bot.executor import Executor, Principal
from tests.executor.conftest import API_VERSION, IMAGE, KEY_CANARY, KeyContainers, MakeExecutor

pytestmark = pytest.mark.docker


@pytest.fixture
def ex(make_executor: MakeExecutor, docker_engine: str) -> Executor:
    return make_executor(docker_engine)


# -- 1. private keys in logs, whatever the window ------------------------------------------
@pytest.mark.parametrize("name", ["dockbot-key-rsa", "dockbot-key-pgp", "dockbot-key-far"])
def test_no_tail_window_shows_key_material(ex: Executor, key_containers: KeyContainers,
                                           name: str) -> None:
    total = key_containers.lines[name]
    shown_after = 0
    for tail in range(1, min(total, 200) + 1):
        res = ex.run(f"logs {name} --tail {tail}", Principal.cli())
        assert KEY_CANARY not in res.text, (tail, res.text)
        assert "KEYCANARY"[:6] not in res.text.replace("PRIVATE KEY", "")
        shown_after += "after key 1" in res.text
    assert shown_after >= total - 3       # the lines after the key are still shown
    whole = ex.run(f"logs {name} --tail {total}", Principal.cli()).text
    assert "line 1\n" in whole and "-----PRIVATE KEY ***-----" in whole
    assert whole.count("PRIVATE KEY ***") == 1          # one block, one mask line


# -- 4. an env entry without a name is a value --------------------------------------------
def test_inspect_shows_a_bare_env_value_as_masked(ex: Executor,
                                                  key_containers: KeyContainers) -> None:
    res = ex.run(f"inspect {key_containers.bare_env}", Principal.cli())
    fields = dict(res.rows)
    assert key_containers.env_canary not in json.dumps(res.to_dict())
    names = fields["env (names)"].split(", ")
    assert "GOOD_NAME" in names and names.count("***") == 2    # the bare value, "my secret"


# -- 14. read-only commands that are now allowed, projected and redacted -------------------
def test_top_shows_processes_with_secrets_masked(ex: Executor,
                                                 key_containers: KeyContainers) -> None:
    res = ex.run(f"top {key_containers.topsecret}", Principal.cli())
    assert res.columns == ("PID", "USER", "TIME", "CMD")
    text = json.dumps(res.to_dict())
    assert all(c not in text for c in key_containers.top_canaries), text
    assert any(row[3].startswith("sh -c P=--password=***") for row in res.rows), res.rows


def test_diff_lists_changed_paths(ex: Executor, key_containers: KeyContainers) -> None:
    res = ex.run(f"container diff {key_containers.differ}", Principal.cli())
    assert res.columns == ("KIND", "PATH")
    assert ("A", "/tmp/dockbot-added") in res.rows


def test_port_of_a_container_without_published_ports(ex: Executor,
                                                     docker_containers: Any) -> None:
    res = ex.run(f"port {docker_containers.web}", Principal.cli())
    assert res.columns == ("CONTAINER PORT", "HOST") and res.rows == ()


def test_events_since_is_bounded_and_projected(ex: Executor, docker_containers: Any) -> None:
    # a fresh event, so the newest rows (which a capped answer keeps) hold a known one
    api = docker.APIClient(base_url=docker_containers.url, version=API_VERSION, timeout=30)
    name = f"dockbot-event-{secrets.token_hex(3)}"
    c = api.create_container(IMAGE, ["true"], name=name,
                             host_config=api.create_host_config(network_mode="none"))
    api.start(c["Id"])
    api.wait(c["Id"], timeout=30)
    api.remove_container(c["Id"])
    api.close()
    start = time.monotonic()
    res = ex.run("events --since 1h", Principal.cli())
    assert time.monotonic() - start < 5                      # never follows the stream
    assert res.columns == ("WHEN", "TYPE", "ACTION", "NAME")
    recent = [(r[1], r[2]) for r in res.rows if r[3] == name]
    assert recent[0] == ("container", "destroy")             # newest first
    assert ("container", "start") in recent
    text = json.dumps(res.to_dict())
    assert all(c not in text for c in docker_containers.canaries)
    assert all(":" not in r[2] for r in res.rows)           # exec_start: <command> is cut


def test_ps_aq_lists_ids(ex: Executor, docker_containers: Any) -> None:
    res = ex.run("ps -aq", Principal.cli())
    assert res.columns == ("CONTAINER ID",)
    assert len(res.rows) >= 5 and all(len(r[0]) == 12 for r in res.rows)


def test_repeated_tail_takes_the_last(ex: Executor, docker_containers: Any) -> None:
    res = ex.run(f"logs {docker_containers.chatty} --tail 2 --tail 3", Principal.cli())
    assert len(res.text.splitlines()) == 3


def test_ambiguous_id_prefix_says_so(ex: Executor, docker_engine: str,
                                     docker_containers: Any) -> None:
    api = docker.APIClient(base_url=docker_engine, version=API_VERSION, timeout=30)
    try:
        for _ in range(40):
            ids = [c["Id"] for c in api.containers(all=True)]
            firsts = [i[0] for i in ids]
            shared = next((ch for ch in set(firsts) if firsts.count(ch) > 1), None)
            if shared is not None:
                break
            api.create_container("dockbot-test/busybox:1", ["true"])
        assert shared is not None
    finally:
        api.close()
    with pytest.raises(ExecRefused) as info:
        ex.run(f"inspect {shared}", Principal.cli())
    assert info.value.message == "That ID prefix matches more than one container."
    assert "more characters of the ID" in info.value.hint
    with pytest.raises(ExecRefused) as ko:
        ex.run(f"inspect {shared} 확인", Principal.cli())     # the Korean text is refused first
    assert ko.value.code == "refused"


def test_cli_exec_takes_host_after_the_operation(docker_containers: Any, tmp_path: Any,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "c.yml"
    cfg.write_text(json.dumps({"exec": {"enabled": True, "audit": str(tmp_path / "a.log"),
                                        "hosts": {"local": {"url": docker_containers.url}}}}))
    monkeypatch.setenv("DOCKBOT_CONFIG", str(cfg))
    assert main(["exec", "--json", "ps", "--host", "local"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is True and out["host"] == "local"
    assert main(["exec", "--json", "ps", "--host", "nope"]) == 2
    assert "no host alias @nope" in json.loads(capsys.readouterr().out)["message"]
