"""Faults and load: a host that trickles bytes, a host that answers hundreds of MB, bad answers.

The trickling daemon sends one byte every 2 s, so no socket read ever times out: only the
request's deadline can end the call. "The call ended" is checked by the host's only worker
slot being free again right after the deadline (a call left running would hold it: busy).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.errors import DaemonError, ExecBusy, ExecError, ExecTimeout
from bot.executor import Executor, Principal
from tests.executor.conftest import MakeExecutor
from tests.support.fake_daemon import HugeStats, fake_daemon, huge_answer, huge_daemon
from tests.support.slowsock import slow_docker_socket, slow_docker_tcp

ROOT = Path(__file__).resolve().parents[2]
ONE_SLOT = {"workers": 1, "queue": 0}


@pytest.fixture
def short_tmp() -> Iterator[Path]:
    """A short folder for unix sockets (paths are limited to 107 characters)."""
    folder = Path(tempfile.mkdtemp(prefix="dkf", dir="/tmp"))
    yield folder
    for p in folder.iterdir():
        p.unlink()
    folder.rmdir()


@pytest.fixture
def trickle(short_tmp: Path) -> Iterator[str]:
    with slow_docker_socket(short_tmp, byte_delay=2.0, name="trickle.sock") as url:
        yield url


@pytest.fixture
def trickle_body(short_tmp: Path) -> Iterator[str]:
    """Headers at once, then a 100 kB body one byte every 2 s (a log stream that trickles)."""
    with slow_docker_socket(short_tmp, byte_delay=2.0, fast_headers=True, body_bytes=100_000,
                            name="body.sock") as url:
        yield url


def _timed(ex: Executor, text: str) -> tuple[BaseException | None, float]:
    start = time.monotonic()
    try:
        ex.run(text, Principal.cli())
    except ExecError as err:
        return err, time.monotonic() - start
    return None, time.monotonic() - start


def _assert_call_ended(ex: Executor, text: str) -> None:
    """The host's single slot is free shortly after a timed-out call: the call ended."""
    time.sleep(0.5)
    err, _ = _timed(ex, text)
    assert not isinstance(err, ExecBusy), "the timed-out call still holds the host's slot"
    assert isinstance(err, ExecTimeout)


@pytest.mark.parametrize("version", ["1.41", "auto"])
def test_trickling_host_ends_at_the_deadline(make_executor: MakeExecutor, trickle: str,
                                             version: str) -> None:
    ex = make_executor(hosts={"slow": {"url": trickle, "api_version": version}},
                       limits={"deadline_seconds": 3, "socket_timeout_seconds": 3, **ONE_SLOT})
    err, elapsed = _timed(ex, "ps")
    assert isinstance(err, ExecTimeout) and 2.9 <= elapsed < 3.6
    _assert_call_ended(ex, "ps")


def test_trickling_tcp_host_ends_at_the_deadline(make_executor: MakeExecutor) -> None:
    with slow_docker_tcp(byte_delay=2.0) as url:
        ex = make_executor(url, limits={"deadline_seconds": 3, "socket_timeout_seconds": 3,
                                        **ONE_SLOT})
        err, elapsed = _timed(ex, "info")
        assert isinstance(err, ExecTimeout) and 2.9 <= elapsed < 3.6
        _assert_call_ended(ex, "info")


def test_logs_stream_honours_the_deadline(make_executor: MakeExecutor,
                                          trickle_body: str) -> None:
    ex = make_executor(trickle_body,
                       limits={"deadline_seconds": 2, "socket_timeout_seconds": 2, **ONE_SLOT})
    err, elapsed = _timed(ex, "logs web --tail 5")
    assert isinstance(err, ExecTimeout) and elapsed < 2.6
    _assert_call_ended(ex, "logs web --tail 5")


def test_one_slow_host_does_not_starve_a_healthy_one(make_executor: MakeExecutor, trickle: str,
                                                     docker_engine: str) -> None:
    ex = make_executor(hosts={"slow": {"url": trickle}, "local": {"url": docker_engine}},
                       limits={"deadline_seconds": 5, "socket_timeout_seconds": 5,
                               "workers": 4, "queue": 2})
    errors: list[BaseException | None] = []
    threads = [threading.Thread(target=lambda: errors.append(_timed(ex, "ps @slow")[0]))
               for _ in range(8)]
    for t in threads:
        t.start()
    time.sleep(0.5)                      # every worker of @slow is now waiting on it
    err, elapsed = _timed(ex, "ps @local")
    assert err is None and elapsed < 2, err
    for t in threads:
        t.join()
    assert {type(e).__name__ for e in errors} == {"ExecTimeout", "ExecBusy"}


def _config(tmp: Path, url: str, limits: dict[str, Any] | None = None) -> Path:
    path = tmp / "dockbot.yml"
    path.write_text(yaml.safe_dump({
        "exec": {"enabled": True, "hosts": {"local": {"url": url}}, "audit": str(tmp / "a.log"),
                 "limits": limits or {}},
    }))
    return path


def _cli(config: Path, *args: str, timeout: float = 60) -> tuple[subprocess.CompletedProcess[str],
                                                                 float]:
    env = {**os.environ, "DOCKBOT_CONFIG": str(config), "PYTHONPATH": str(ROOT)}
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True,
                          env=env, timeout=timeout, cwd=ROOT, check=False)
    return done, time.monotonic() - start


def test_cli_exits_promptly_after_the_deadline(trickle: str, short_tmp: Path) -> None:
    config = _config(short_tmp, trickle, {"deadline_seconds": 5, "socket_timeout_seconds": 5})
    done, lifetime = _cli(config, "exec", "ps")
    assert done.returncode == 3
    assert "did not answer in time" in done.stderr and "Traceback" not in done.stderr
    assert lifetime < 8, f"the process lived {lifetime:.1f} s after a 5 s deadline"


@pytest.mark.parametrize("with_length", [False, True])
def test_huge_answer_is_a_clean_too_large_error(make_executor: MakeExecutor, short_tmp: Path,
                                                with_length: bool) -> None:
    with huge_daemon(short_tmp, megabytes=300, with_length=with_length) as (url, stats):
        ex = make_executor(url, limits={"deadline_seconds": 20})
        err, elapsed = _timed(ex, "ps -a")
        assert isinstance(err, DaemonError) and elapsed < 3
        assert err.message == (
            f"The answer of the Docker host local at {url} is too large (over 8 MiB).")
        assert stats.sent < 64 * 1024 * 1024 and not stats.finished


_MEASURE = """
import json, sys, time
from bot.executor import Principal, build_executor
from bot.settings import Settings
ex = build_executor(Settings.from_env({"DOCKBOT_CONFIG": sys.argv[1]}))
start = time.monotonic()
try:
    ex.run("ps -a", Principal.cli())
    code = "ok"
except Exception as err:
    code = getattr(err, "code", type(err).__name__)
# this process's own peak (VmHWM of its address space: ru_maxrss also counts what the
# parent held when it forked, so it grows with the test session)
status = open("/proc/self/status", encoding="ascii").read()
hwm_kb = int(status.split("VmHWM:")[1].split()[0])
print(json.dumps({"code": code, "seconds": time.monotonic() - start,
                  "maxrss_mb": hwm_kb / 1024}))
"""


def test_memory_stays_bounded_on_a_huge_answer(short_tmp: Path) -> None:
    with huge_daemon(short_tmp, megabytes=400) as (url, _stats):
        config = _config(short_tmp, url, {"deadline_seconds": 20})
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        done = subprocess.run([sys.executable, "-c", _MEASURE, str(config)], capture_output=True,
                              text=True, env=env, timeout=60, cwd=ROOT, check=False)
    out = json.loads(done.stdout)
    assert out["code"] == "daemon_error" and out["seconds"] < 3
    assert out["maxrss_mb"] < 200, out


def test_a_malformed_answer_is_one_clean_line(short_tmp: Path) -> None:
    bad = json.dumps([{"Id": "a" * 64, "Names": ["/x"], "Created": "2024-99-99T00:00:00Z"}])
    with fake_daemon(short_tmp, {"/containers/json": bad.encode()}) as url:
        done, _ = _cli(_config(short_tmp, url), "exec", "ps")
    assert done.returncode == 3
    assert "Traceback" not in done.stderr and 'File "' not in done.stderr
    assert f"The Docker host local at {url} sent an answer dockbot cannot read." in done.stderr


def test_error_answers_are_read_only_a_little(make_executor: MakeExecutor,
                                              short_tmp: Path) -> None:
    stats = HugeStats()
    with fake_daemon(short_tmp, {"/info": huge_answer(300, stats, status=500)}) as url:
        ex = make_executor(url, limits={"deadline_seconds": 20})
        err, elapsed = _timed(ex, "info")
    assert isinstance(err, DaemonError) and err.code == "daemon_error" and elapsed < 3
    assert stats.sent < 64 * 1024 * 1024 and not stats.finished
