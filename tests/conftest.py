"""Docker engine fixtures shared by every test area.

``docker_engine`` (session): starts a throwaway ``dockerd`` on a temporary unix
socket, imports a busybox image as ``dockbot-test/busybox:1`` and returns the
socket URL (``unix:///tmp/.../docker.sock``). Without dockerd (or root) the
tests that use it are skipped, except in CI (``CI=true``) where that is an error.

``docker_containers`` (session): the fixture containers on that engine (a running
one with secret environment variables and labels, one that prints secrets and
ANSI codes to its log, one created but never started) and the canary secrets
that must never appear in any output.

``slow_docker_socket``: a unix socket that answers every HTTP request with a
valid Docker-like reply, one byte at a time, so only an overall deadline can
stop a client waiting on it. Returns its URL.
"""

from __future__ import annotations

import io
import os
import secrets
import shutil
import signal
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docker
import pytest

from bot.services import Services, load_services
from bot.settings import Settings
from tests.support.slowsock import slow_docker_socket as slow_socket_server

IMAGE = "dockbot-test/busybox:1"
API_VERSION = "1.41"
_IN_CI = os.environ.get("CI", "").lower() == "true"


def _unavailable(reason: str) -> None:
    if _IN_CI:
        pytest.fail(f"Docker engine for tests: {reason} (CI=true, so this is an error).")
    pytest.skip(f"Docker engine for tests: {reason}")


def _static_busybox() -> bool:
    busybox = Path("/bin/busybox")
    if not busybox.is_file():
        return False
    out = subprocess.run(["ldd", str(busybox)], capture_output=True, text=True, check=False)
    return "not a dynamic" in out.stdout + out.stderr


def _ensure_system_packages() -> None:
    """Install docker.io and busybox-static with apt when they are missing (root on Debian),
    so that the README's test command works on a fresh machine."""
    need = []
    if not (shutil.which("dockerd") or Path("/usr/sbin/dockerd").is_file()):
        need.append("docker.io")
    if not _static_busybox():
        need.append("busybox-static")
    if not need:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        _unavailable(f"{' '.join(need)} missing; install with: apt-get install -y {' '.join(need)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *need]):
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900, check=False)
        if done.returncode != 0:
            _unavailable(f"`{' '.join(cmd)}` failed: {done.stderr[-500:]}")


def _busybox_tar() -> bytes:
    busybox = Path("/bin/busybox")
    if not _static_busybox():
        _unavailable("/bin/busybox is missing or not static (apt-get install busybox-static)")
    applets = subprocess.run(
        [str(busybox), "--list"], capture_output=True, text=True, check=True
    ).stdout.split()
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for folder in ("bin", "tmp", "etc"):
            info = tarfile.TarInfo(folder)
            info.type = tarfile.DIRTYPE
            info.mode = 0o755
            tar.addfile(info)
        tar.add(str(busybox), arcname="bin/busybox")
        for applet in applets:
            if applet == "busybox":
                continue
            link = tarfile.TarInfo(f"bin/{applet}")
            link.type = tarfile.SYMTYPE
            link.linkname = "busybox"
            tar.addfile(link)
    return buf.getvalue()


def _ping(url: str) -> bool:
    try:
        api = docker.APIClient(base_url=url, version=API_VERSION, timeout=2)
        try:
            return bool(api.ping())
        finally:
            api.close()
    except Exception:
        return False


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def docker_engine() -> Iterator[str]:
    """A throwaway dockerd on a temp unix socket, with the busybox test image imported."""
    _ensure_system_packages()
    dockerd = shutil.which("dockerd") or "/usr/sbin/dockerd"
    if not Path(dockerd).is_file():
        _unavailable("dockerd is not installed (apt-get install docker.io)")
    if os.geteuid() != 0:
        _unavailable("dockerd needs root")
    tmp = Path(tempfile.mkdtemp(prefix="dkb", dir="/tmp"))   # short: socket paths <= 107 chars
    sock = tmp / "docker.sock"
    url = f"unix://{sock}"
    log_path = tmp / "dockerd.log"
    cmd = [
        dockerd, "--host", url, "--data-root", str(tmp / "data"), "--exec-root",
        str(tmp / "x"), "--pidfile", str(tmp / "docker.pid"), "--iptables=false",
        "--ip6tables=false", "--bridge=none", "--storage-driver=vfs",
    ]
    with log_path.open("wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not _ping(url):
            if proc.poll() is not None or time.monotonic() > deadline:
                tail = log_path.read_text(errors="replace")[-2000:]
                _stop(proc)
                _unavailable(f"dockerd did not start:\n{tail}")
            time.sleep(0.2)
        api = docker.APIClient(base_url=url, version=API_VERSION, timeout=60)
        repo, tag = IMAGE.split(":")
        api.import_image_from_data(_busybox_tar(), repository=repo, tag=tag)
        api.close()
        yield url
    finally:
        if proc.poll() is None:
            try:
                api = docker.APIClient(base_url=url, version=API_VERSION, timeout=30)
                for c in api.containers(all=True):
                    api.remove_container(c["Id"], force=True)
                api.close()
            except Exception:
                pass
        _stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)


@dataclass(frozen=True)
class DockerContainers:
    url: str
    web: str          # running; secret env vars and labels
    chatty: str       # running; logged 300 numbered lines, then secrets and ANSI codes
    tty: str          # running with a terminal (its log is not multiplexed)
    volume: str       # a named volume
    idle: str         # created, never started
    canaries: tuple[str, ...]   # secret values that must never be shown anywhere


def _canary(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(6)}"


_CHATTY_SCRIPT = r"""
for i in $(seq 1 300); do echo "line $i"; done
echo "starting worker"
printf '\033[31mERROR\033[0m disk almost full\n'
echo "connecting to postgres://app:$LOG_PW@db:5432/app"
echo "token=$LOG_TOKEN"
echo "github ghp_$GH_PART"
echo "aws AKIA$AWS_PART"
echo "<!channel> deploy finished & ok"
echo "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.$JWT_SIG"
echo "-----BEGIN RSA PRIVATE KEY-----"
echo "$PEM_BODY"
echo "-----END RSA PRIVATE KEY-----"
printf '%3000s\n' "x$LONG_PW" | tr ' ' 'y'
echo "chatty done"
while true; do sleep 1; done
"""


@pytest.fixture(scope="session")
def docker_containers(docker_engine: str) -> DockerContainers:
    """Fixture containers on the test engine (all with --network none)."""
    api = docker.APIClient(base_url=docker_engine, version=API_VERSION, timeout=60)
    host_config = api.create_host_config(network_mode="none")
    db_pw, url_pw, plain = _canary("canary-db"), _canary("canary-url"), _canary("canary-plain")
    label = _canary("canary-label")
    aws = "AKIA" + secrets.token_hex(8).upper()
    web = api.create_container(
        IMAGE, ["sh", "-c", "while true; do sleep 1; done"], name="dockbot-web",
        environment={"DB_PASSWORD": db_pw, "AWS_ACCESS_KEY_ID": aws, "GREETING": plain,
                     "DATABASE_URL": f"postgres://admin:{url_pw}@db:5432/app"},
        labels={"com.example.team": "payments", "api_token": label},
        host_config=host_config,
    )
    api.start(web["Id"])
    log_pw, log_token = _canary("canary-logpw"), _canary("canary-logtoken")
    gh_part = secrets.token_hex(18)
    aws_part = secrets.token_hex(8).upper()
    jwt_sig = "canaryjwt" + secrets.token_hex(8)
    pem_body = "MIIEcanarypem" + secrets.token_hex(16)
    long_pw = _canary("canary-long")
    chatty = api.create_container(
        IMAGE, ["sh", "-c", _CHATTY_SCRIPT], name="dockbot-chatty",
        environment={"LOG_PW": log_pw, "LOG_TOKEN": log_token, "GH_PART": gh_part,
                     "AWS_PART": aws_part, "JWT_SIG": jwt_sig, "PEM_BODY": pem_body,
                     "LONG_PW": long_pw},
        host_config=host_config,
    )
    api.start(chatty["Id"])
    api.create_container(IMAGE, ["sleep", "1"], name="dockbot-idle", host_config=host_config)
    tty = api.create_container(
        IMAGE, ["sh", "-c", "echo tty line; while true; do sleep 1; done"], name="dockbot-tty",
        tty=True, host_config=host_config,
    )
    api.start(tty["Id"])
    deadline = time.monotonic() + 30
    api.create_volume("dockbot-data", labels={"com.example.team": "payments"})
    while (b"chatty done" not in api.logs(chatty["Id"], tail=5)
           or b"tty line" not in api.logs(tty["Id"], tail=5)):
        if time.monotonic() > deadline:
            pytest.fail("the chatty fixture container did not print its log")
        time.sleep(0.1)
    api.close()
    return DockerContainers(
        url=docker_engine, web="dockbot-web", chatty="dockbot-chatty", idle="dockbot-idle",
        tty="dockbot-tty", volume="dockbot-data",
        canaries=(db_pw, url_pw, plain, label, aws, log_pw, log_token, f"ghp_{gh_part}",
                  f"AKIA{aws_part}", jwt_sig, pem_body, long_pw),
    )


@pytest.fixture
def slow_docker_socket() -> Iterator[str]:
    """A unix socket that answers each request byte by byte (0.25 s per byte).

    Every byte arrives well inside any socket timeout, so a client only stops
    waiting if it enforces an overall deadline. Returns ``unix:///...``.
    """
    tmp = Path(tempfile.mkdtemp(prefix="dks", dir="/tmp"))
    try:
        with slow_socket_server(tmp, backlog=16) as url:
            yield url
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def base_services() -> Services:
    """Knowledge base and matcher, loaded once (the executor comes from each test's settings)."""
    return load_services(Settings.from_env({}))
