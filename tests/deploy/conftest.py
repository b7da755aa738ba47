"""Deployment test fixtures: real HAProxy and real Redis processes on loopback.

``socket_proxy`` (session): HAProxy running ``deploy/socket-proxy/haproxy.cfg`` against the
test engine's unix socket, listening on 127.0.0.1 on a free port; returns ``tcp://...``.
``redis_server`` (session): a throwaway ``redis-server`` on a free loopback port, no
persistence; returns ``redis://127.0.0.1:PORT``. ``redis_url`` is its database 0, emptied
for each test.

A missing program is installed with apt when running as root on Debian; otherwise the tests
that need it are skipped (an error under ``CI=true``).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROXY_CFG = ROOT / "deploy" / "socket-proxy" / "haproxy.cfg"
_IN_CI = os.environ.get("CI", "").lower() == "true"


def unavailable(reason: str) -> None:
    if _IN_CI:
        pytest.fail(f"{reason} (CI=true, so this is an error).")
    pytest.skip(reason)


def program(name: str, package: str) -> str:
    """The path of ``name``, installing Debian ``package`` first when it is missing."""
    found = shutil.which(name) or next(
        (str(p) for p in (Path("/usr/sbin") / name, Path("/usr/bin") / name) if p.is_file()),
        None)
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", package]):
            subprocess.run(cmd, capture_output=True, env=env, timeout=900, check=False)
        found = shutil.which(name) or (f"/usr/sbin/{name}" if Path(f"/usr/sbin/{name}").is_file()
                                       else None)
        if found:
            return found
    unavailable(f"{name} is not installed (apt-get install {package})")
    raise AssertionError("unreachable")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, proc: subprocess.Popen[bytes], what: str,
                  timeout: float = 20) -> None:
    end = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            if proc.poll() is not None or time.monotonic() > end:
                out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                stop(proc)
                pytest.fail(f"{what} did not start: {out[-2000:]}")
            time.sleep(0.05)


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


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
    """A throwaway redis-server on loopback (no persistence, no protected-mode surprises)."""
    server = program("redis-server", "redis-server")
    tmp = Path(tempfile.mkdtemp(prefix="dkr", dir="/tmp"))
    port = free_port()
    proc = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
         "no", "--dir", str(tmp)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    wait_for_port(port, proc, "redis-server")
    try:
        yield f"redis://127.0.0.1:{port}"
    finally:
        stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture
def redis_url(redis_server: str) -> str:
    """The shared redis-server's database 0, emptied for this test."""
    import redis

    url = f"{redis_server}/0"
    client = redis.Redis.from_url(url)
    client.flushdb()
    client.close()
    return url
