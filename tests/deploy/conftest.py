"""Deployment test fixtures: real HAProxy, Redis and `dockbot serve` processes on loopback.

``socket_proxy`` (session): HAProxy running ``deploy/socket-proxy/haproxy.cfg`` against the
test engine's unix socket, listening on 127.0.0.1 on a free port; returns ``tcp://...``.
``redis_server`` (session): a throwaway ``redis-server`` on a free loopback port; ``redis_url``
is its database 0, emptied for each test; ``own_redis`` is a server of the test's own, which
it may stop. ``slack_recorder`` stands in for Slack's Web API and response_url;
``replicas(**env)`` starts `dockbot serve` processes in HTTP mode. Helpers: ``tests/support/loopback.py``.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator

import pytest

from tests.support.loopback import (
    PROXY_CFG,
    RedisProcess,
    Replica,
    SlackRecorder,
    free_port,
    program,
    start_redis,
    start_serve,
    stop,
    wait_for_port,
)


@pytest.fixture(scope="session")
def socket_proxy(docker_engine: str) -> Iterator[str]:
    """HAProxy with the shipped configuration in front of the test engine."""
    haproxy = program("haproxy", "haproxy")
    port = free_port()
    env = {"PATH": os.environ.get("PATH", ""), "SOCKET_PATH": docker_engine[len("unix://"):],
           "BIND": f"127.0.0.1:{port}"}
    check = subprocess.run([haproxy, "-c", "-q", "-f", str(PROXY_CFG)], env=env,
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    proc = subprocess.Popen([haproxy, "-db", "-f", str(PROXY_CFG)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    wait_for_port(port, proc, "haproxy")
    try:
        yield f"tcp://127.0.0.1:{port}"
    finally:
        stop(proc)


@pytest.fixture(scope="session")
def redis_server() -> Iterator[str]:
    """One redis-server for the session; returns ``redis://127.0.0.1:PORT``."""
    rp = start_redis()
    try:
        yield rp.url
    finally:
        rp.stop()


@pytest.fixture
def redis_url(redis_server: str) -> str:
    """The shared redis-server's database 0, emptied for this test."""
    import redis

    url = f"{redis_server}/0"
    client = redis.Redis.from_url(url)
    client.flushdb()
    client.close()
    return url


@pytest.fixture
def own_redis() -> Iterator[RedisProcess]:
    """A redis-server of this test's own, which the test may stop."""
    rp = start_redis()
    try:
        yield rp
    finally:
        rp.stop()


@pytest.fixture
def slack_recorder() -> Iterator[SlackRecorder]:
    rec = SlackRecorder().start()
    try:
        yield rec
    finally:
        rec.close()


@pytest.fixture
def replicas() -> Iterator[Callable[..., Replica]]:
    """``replicas(**env)`` starts one `dockbot serve` process; all are stopped afterwards."""
    started: list[Replica] = []

    def make(**env: str) -> Replica:
        rep = start_serve(env)
        started.append(rep)
        return rep

    yield make
    for rep in started:
        stop(rep.proc)
