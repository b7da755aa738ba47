"""The Executor's own logic with a fake backend: hosts, audit, errors from workers."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from bot.errors import DaemonError, ExecDenied, ExecRefused, ExecTimeout
from bot.executor import Executor, Operation, Principal
from bot.executor.audit import AuditLog
from bot.executor.config import config_from_data
from bot.executor.config_model import ExecConfig, HostConfig, Limits
from bot.lang import Lang
from bot.settings import Settings


class FakeBackend:
    """Answers every operation with a canned payload; records what it was asked."""

    def __init__(self, host: HostConfig, limits: Limits) -> None:
        self.host = host
        self.calls: list[Operation] = []
        self.gate: threading.Event | None = None
        self.closed = False

    def fetch(self, op: Operation, deadline: float, lang: Lang = "en") -> Any:
        self.calls.append(op)
        if self.gate is not None:
            self.gate.wait(5)
        if op.target == "boom":
            raise DaemonError("The Docker daemon returned an error.")
        if op.target == "bug":
            raise RuntimeError("internal detail that must not be shown")
        if op.kind == "version":
            return {"unexpected": "shape"}
        return [{"Names": [f"/{self.host.alias}-c"], "Image": "img", "Status": "Up",
                 "Created": 0}]

    def close(self) -> None:
        self.closed = True


def _executor(tmp_path: Path, policy: dict[str, Any], **exec_extra: Any
              ) -> tuple[Executor, dict[str, FakeBackend]]:
    data = {"exec": {"enabled": True, "hosts": {"a": {"url": "unix:///a.sock"},
                                                "b": {"url": "unix:///b.sock"}},
                     **exec_extra},
            "policy": policy}
    config: ExecConfig = config_from_data(data, Settings.from_env({}))
    made: dict[str, FakeBackend] = {}

    def factory(host: HostConfig, limits: Limits) -> FakeBackend:
        made[host.alias] = FakeBackend(host, limits)
        return made[host.alias]

    return Executor(config, AuditLog(str(tmp_path / "audit.jsonl")), factory), made


POLICY = {"channels": {"C01": {"ops": "all"}, "C02": {"ops": "all", "hosts": ["b"]}},
          "users": {"U01": {"role": "admin"}}}


def test_default_host_and_single_allowed_host(tmp_path: Path) -> None:
    ex, made = _executor(tmp_path, POLICY, default_host="a")
    assert ex.run("ps", Principal.slack(user="U01", channel="C01")).host == "a"
    # the default is not allowed in C02, but exactly one host is: use it
    res = ex.run("ps", Principal.slack(user="U01", channel="C02"))
    assert res.host == "b" and res.rows[0][0] == "b-c"
    with pytest.raises(ExecDenied):
        ex.run("ps @a", Principal.slack(user="U01", channel="C02"))
    assert [op.kind for op in made["a"].calls] == ["ps"]
    ex.close()
    assert made["a"].closed and made["b"].closed


def test_helpers_follow_the_policy(tmp_path: Path) -> None:
    ex, _ = _executor(tmp_path, POLICY)
    p = Principal.slack(user="U01", channel="C02")
    assert ex.allowed_hosts(p) == ("b",)
    assert "logs" in ex.allowed_ops(p)
    assert ex.allowed_ops(Principal.slack(user="U09", channel="C02")) == ()
    assert ex.parse("docker ps -a @b") == Operation("ps", all=True, host="b")
    with pytest.raises(ExecRefused):
        ex.parse("rm x")


def test_audit_line_per_request(tmp_path: Path) -> None:
    ex, _ = _executor(tmp_path, POLICY, default_host="a")
    p = Principal.slack(user="U01", channel="C01", team="T1")
    ex.run("ps", p, request_id="req-1")
    with pytest.raises(ExecRefused):
        ex.run("rm --password=hunter2 web", p, request_id="req-2")
    with pytest.raises(DaemonError):
        ex.run("inspect boom", p, request_id="req-3")
    lines = [json.loads(x) for x in (tmp_path / "audit.jsonl").read_text().splitlines()]
    assert [x["request_id"] for x in lines] == ["req-1", "req-2", "req-3"]
    assert [x["decision"] for x in lines] == ["allowed", "refused", "allowed"]
    assert [x["outcome"] for x in lines] == ["ok", "refused", "daemon_error"]
    assert lines[0]["team"] == "T1" and lines[0]["host"] == "a" and lines[0]["bytes"] > 0
    assert "hunter2" not in json.dumps(lines) and lines[1]["text"] == "rm --password=*** web"
    assert lines[2]["target"] == "boom" and lines[1]["op"] is None


def test_unexpected_failures_become_fixed_errors(tmp_path: Path) -> None:
    ex, _ = _executor(tmp_path, POLICY, default_host="a")
    p = Principal.slack(user="U01", channel="C01")
    with pytest.raises(DaemonError) as bug:
        ex.run("inspect bug", p)
    url = ex.config.hosts["a"].url
    assert bug.value.message == f"The request to the Docker host a at {url} could not be completed."
    with pytest.raises(DaemonError) as shape:
        ex.run("version", p)
    assert shape.value.message == f"The Docker host a at {url} sent an answer dockbot cannot read."
    assert "exec.hosts.a.url" in shape.value.hint


def test_deadline_covers_a_hung_worker(tmp_path: Path) -> None:
    ex, made = _executor(tmp_path, POLICY, default_host="a",
                         limits={"deadline_seconds": 0.5, "workers": 1})
    p = Principal.slack(user="U01", channel="C01")
    ex.run("ps", p)                      # creates the backend
    gate = threading.Event()
    made["a"].gate = gate
    with pytest.raises(ExecTimeout):
        ex.run("ps", p)
    gate.set()
    made["a"].gate = None
    ex.close()
    assert ex.run("ps", p).rows           # a closed executor starts a fresh pool
    ex.close()
