"""Unreachable hosts, the overall deadline, the bounded pool and rate limits."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.errors import ExecBusy, ExecError, ExecRateLimited, ExecTimeout, HostUnreachable
from bot.executor import Executor, Principal

MakeExecutor = Callable[..., Executor]


def _timed(ex: Executor, text: str, principal: Principal) -> tuple[ExecError, float]:
    start = time.monotonic()
    with pytest.raises(ExecError) as info:
        ex.run(text, principal)
    return info.value, time.monotonic() - start


@pytest.mark.parametrize("version", ["1.41", "auto"])
def test_missing_socket_is_unreachable(make_executor: MakeExecutor, tmp_path: Path,
                                       admin: Principal, version: str) -> None:
    ex = make_executor(hosts={"local": {"url": f"unix://{tmp_path}/nope.sock",
                                        "api_version": version}},
                       limits={"deadline_seconds": 3})
    err, elapsed = _timed(ex, "ps", admin)
    assert isinstance(err, HostUnreachable)
    assert err.to_dict()["error"] == "unreachable" and err.exit_code == 3
    assert err.message == (
        f"The Docker host local at unix://{tmp_path}/nope.sock cannot be reached: "
        "no such socket file.")
    assert err.hint == ("Check that the Docker daemon is running there and that "
                        "exec.hosts.local.url points at it.")
    assert elapsed < 3


def test_dead_daemon_socket_is_unreachable(make_executor: MakeExecutor, admin: Principal
                                           ) -> None:
    path = Path(f"/tmp/dkb-dead-{time.monotonic_ns()}.sock")
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))                  # a socket file nobody listens on
    try:
        ex = make_executor(f"unix://{path}", limits={"deadline_seconds": 3})
        err, elapsed = _timed(ex, "info", admin)
        assert isinstance(err, HostUnreachable) and elapsed < 3
    finally:
        stale.close()
        path.unlink()


def test_closed_tcp_port_is_unreachable(make_executor: MakeExecutor, admin: Principal) -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    ex = make_executor(f"tcp://127.0.0.1:{port}", limits={"deadline_seconds": 3})
    err, elapsed = _timed(ex, "version", admin)
    assert isinstance(err, HostUnreachable) and elapsed < 3


def test_slow_endpoint_hits_the_overall_deadline(make_executor: MakeExecutor,
                                                 slow_docker_socket: str, admin: Principal,
                                                 read_audit: Callable[[], list[dict[str, Any]]]
                                                 ) -> None:
    # each byte comes within the socket timeout: only the overall deadline can stop it
    ex = make_executor(slow_docker_socket,
                       limits={"deadline_seconds": 1, "socket_timeout_seconds": 1})
    err, elapsed = _timed(ex, "ps", admin)
    assert isinstance(err, ExecTimeout) and err.exit_code == 3
    assert err.message == f"The Docker host local at {slow_docker_socket} did not answer in time."
    assert 0.9 <= elapsed < 2.0
    assert read_audit()[-1]["outcome"] == "timeout"


def test_pool_is_bounded_and_says_busy(make_executor: MakeExecutor, slow_docker_socket: str,
                                       admin: Principal) -> None:
    ex = make_executor(slow_docker_socket,
                       limits={"deadline_seconds": 1.5, "socket_timeout_seconds": 1,
                               "workers": 1, "queue": 1})
    results: list[BaseException] = []

    def call() -> None:
        try:
            ex.run("ps", admin)
        except ExecError as err:
            results.append(err)

    running = threading.Thread(target=call)     # takes the only worker
    queued = threading.Thread(target=call)      # takes the only queue place
    running.start()
    time.sleep(0.2)
    queued.start()
    time.sleep(0.2)
    err, elapsed = _timed(ex, "ps", admin)
    assert isinstance(err, ExecBusy) and elapsed < 0.5
    assert err.message == "dockbot is busy running other requests."
    running.join()
    queued.join()
    assert sorted(type(e).__name__ for e in results) == ["ExecTimeout", "ExecTimeout"]


def test_rate_limit_per_user_and_channel(make_executor: MakeExecutor, tmp_path: Path) -> None:
    ex = make_executor(f"unix://{tmp_path}/nope.sock",
                       limits={"rate_per_user": 2, "rate_per_channel": 3})
    alice = Principal.slack(user="UADMIN", channel="COPS")
    bob = Principal.slack(user="UVIEW", channel="COPS")
    for _ in range(2):
        with pytest.raises(HostUnreachable):
            ex.run("ps", alice)
    with pytest.raises(ExecRateLimited) as info:
        ex.run("ps", alice)
    assert info.value.exit_code == 3
    assert re.fullmatch(r"Wait \d+ seconds and try again\.", info.value.hint)
    with pytest.raises(HostUnreachable):
        ex.run("ps", bob)                    # another user, same channel: third of three
    with pytest.raises(ExecRateLimited):
        ex.run("ps", bob)                    # the channel is now full


def test_refusals_do_not_use_the_rate_budget(make_executor: MakeExecutor, tmp_path: Path,
                                             admin: Principal) -> None:
    ex = make_executor(f"unix://{tmp_path}/nope.sock", limits={"rate_per_user": 1})
    for _ in range(5):
        with pytest.raises(ExecError) as info:
            ex.run("rm web", admin)
        assert info.value.code == "refused"
    with pytest.raises(HostUnreachable):
        ex.run("ps", admin)
    with pytest.raises(ExecRateLimited):
        ex.run("ps", admin)
