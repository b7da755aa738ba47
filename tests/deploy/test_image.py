"""The container image (Dockerfile), built and run on the real test engine.

The base is a Debian bookworm with only python3, python3-venv and ca-certificates, assembled
with ``mmdebstrap`` and ``docker import`` (registries are not used). Building it takes about
20 s, so the tarball is cached under ``~/.cache/dockbot-test/`` for the day (the key also
covers the host's local CA certificates, which the base trusts so that pip can reach the
package index from inside the build). The image is then built with
``docker build --network host --build-arg BASE=...`` exactly as the README says.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.loopback import ROOT, program, unavailable

pytestmark = [pytest.mark.docker, pytest.mark.deploy]

BASE = "dockbot-test/bookworm-python:1"
IMAGE = "dockbot-test/dockbot:ci"
CACHE = Path(os.environ.get("HOME", "/tmp")) / ".cache" / "dockbot-test"
LOCAL_CAS = Path("/usr/local/share/ca-certificates")
QUESTION = "컨테이너를 백그라운드에서 실행하려면?"


def docker(engine: str, *args: str, timeout: float = 120,
           check: bool = True) -> subprocess.CompletedProcess[str]:
    cli = shutil.which("docker")
    if cli is None:
        unavailable("the docker CLI is not installed (apt-get install docker.io)")
        raise AssertionError("unreachable")
    env = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/tmp"),
           "DOCKER_HOST": engine, "DOCKER_BUILDKIT": "0", "DOCKER_CLI_HINTS": "false"}
    done = subprocess.run([cli, *args], env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)
    if check and done.returncode != 0:
        raise AssertionError(f"docker {' '.join(args)} failed ({done.returncode}):\n"
                             f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done


def _base_tarball() -> Path:
    """Today's bookworm base tarball, made with mmdebstrap when not cached yet."""
    cas = sorted(LOCAL_CAS.glob("*.crt")) if LOCAL_CAS.is_dir() else []
    key = hashlib.sha256(b"python3,python3-venv,ca-certificates")
    for ca in cas:
        key.update(ca.read_bytes())
    today = datetime.date.today().isoformat()
    tarball = CACHE / f"bookworm-python-{today}-{key.hexdigest()[:12]}.tar"
    if tarball.is_file():
        return tarball
    mmdebstrap = program("mmdebstrap", "mmdebstrap")
    if os.geteuid() != 0:
        unavailable("mmdebstrap needs root here to assemble the base image")
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = tarball.with_name(f".{tarball.stem}.partial.tar")   # mmdebstrap: format by suffix
    hook = ('cp /usr/local/share/ca-certificates/*.crt "$1/usr/local/share/ca-certificates/" '
            '2>/dev/null; chroot "$1" update-ca-certificates >/dev/null')
    done = subprocess.run(
        [mmdebstrap, "--quiet", "--variant=apt", "--include=python3,python3-venv,ca-certificates",
         "--customize-hook", hook, "bookworm", str(tmp)],
        capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        tmp.unlink(missing_ok=True)
        pytest.fail(f"mmdebstrap failed:\n{done.stderr[-3000:]}")
    tmp.replace(tarball)
    for old in CACHE.glob("bookworm-python-*.tar"):
        if old != tarball:
            old.unlink(missing_ok=True)
    return tarball


@pytest.fixture(scope="session")
def base_image(docker_engine: str) -> str:
    if docker(docker_engine, "image", "inspect", BASE, check=False).returncode != 0:
        docker(docker_engine, "import", str(_base_tarball()), BASE, timeout=300)
    return BASE


@pytest.fixture(scope="session")
def image(docker_engine: str, base_image: str) -> str:
    start = time.monotonic()
    docker(docker_engine, "build", "--network", "host", "--build-arg", f"BASE={base_image}",
           "-t", IMAGE, str(ROOT), timeout=600)
    print(f"image built in {time.monotonic() - start:.1f} s")
    return IMAGE


def run(engine: str, *args: str, timeout: float = 120,
        check: bool = True) -> subprocess.CompletedProcess[str]:
    return docker(engine, "run", "--rm", "--network", "none", *args, timeout=timeout,
                  check=check)


def test_the_image_is_configured_as_documented(docker_engine: str, image: str) -> None:
    config = json.loads(docker(docker_engine, "image", "inspect", image).stdout)[0]["Config"]
    assert config["User"] == "10001:10001"
    assert config["Entrypoint"] == ["dockbot"]
    assert config["Cmd"][0] == "serve" and "--host" in config["Cmd"]
    assert config["Healthcheck"]["Test"] == ["CMD", "python3", "/opt/dockbot/healthcheck.py"]
    assert "3000/tcp" in config["ExposedPorts"]
    assert "DOCKBOT_CACHE_DIR=/tmp/dockbot-cache" in config["Env"]


def test_ask_answers_offline_as_a_non_root_user_on_a_read_only_root(docker_engine: str,
                                                                    image: str) -> None:
    script = (f'dockbot ask --json "{QUESTION}" && id -u && id -g && ls /tmp/dockbot-cache '
              '&& (touch /opt/dockbot/x 2>/dev/null && echo root-writable || echo root-read-only)')
    out = run(docker_engine, "--read-only", "--tmpfs", "/tmp", "--entrypoint", "sh", image,
              "-c", script).stdout.splitlines()
    answer = json.loads(out[0])
    assert answer["confident"] is True
    assert answer["answer"]["command"] == "docker run -d <image>"
    assert out[1:3] == ["10001", "10001"]
    assert any(line.startswith("matcher-index-") for line in out[3:-1])   # cache under /tmp
    assert out[-1] == "root-read-only"


def test_the_entrypoint_runs_dockbot_commands(docker_engine: str, image: str) -> None:
    done = run(docker_engine, "--read-only", "--tmpfs", "/tmp", image,
               "ask", "how do I list running containers")
    assert done.stdout.startswith("docker ps"), done.stdout
    assert run(docker_engine, image, "kb", "check").returncode == 0
    # the bundled folder the Kubernetes team-knowledge component names first
    assert run(docker_engine, image, "kb", "check", "/opt/dockbot/knowledge").returncode == 0
    off = run(docker_engine, image, "ask", "오늘 점심 뭐 먹지", check=False)
    assert off.returncode == 1


def test_the_image_has_what_replicas_and_metrics_need(docker_engine: str, image: str) -> None:
    """compose.yaml and the Kubernetes base set DOCKBOT_REDIS_URL: the image must carry the
    Redis client (and the metrics library for /metrics)."""
    done = run(docker_engine, "--entrypoint", "/opt/dockbot/bin/python", image,
               "-c", "import redis, prometheus_client; print('ok')")
    assert done.stdout.strip() == "ok", done.stderr


@pytest.fixture
def serving(docker_engine: str, image: str) -> Iterator[str]:
    name = f"dockbot-serve-{os.getpid()}"
    docker(docker_engine, "run", "-d", "--name", name, "--network", "none", "--read-only",
           "--tmpfs", "/tmp", "--health-interval", "1s", "--health-start-period", "1s",
           "--health-retries", "3", "-e", "SLACK_BOT_TOKEN=xoxb-image-test",
           "-e", "SLACK_SIGNING_SECRET=image-test-secret", image)
    try:
        yield name
    finally:
        docker(docker_engine, "rm", "-f", name, check=False)


def test_serve_becomes_healthy_and_stops_cleanly(docker_engine: str, serving: str) -> None:
    end = time.monotonic() + 90
    status = ""
    while time.monotonic() < end:
        state = json.loads(docker(docker_engine, "inspect", serving).stdout)[0]["State"]
        status = state["Health"]["Status"]
        if status == "healthy" or not state["Running"]:
            break
        time.sleep(0.5)
    logs = docker(docker_engine, "logs", serving).stderr
    assert status == "healthy", logs
    assert "listens on http://0.0.0.0:3000/slack/events" in logs
    probe = docker(docker_engine, "exec", serving, "python3", "/opt/dockbot/healthcheck.py")
    assert probe.returncode == 0 and "healthy" in probe.stderr
    wrong = docker(docker_engine, "exec", "-e", "DOCKBOT_HEALTH_URL=http://127.0.0.1:9/healthz",
                   serving, "python3", "/opt/dockbot/healthcheck.py", check=False)
    assert wrong.returncode == 1 and "unhealthy" in wrong.stderr
    docker(docker_engine, "stop", "-t", "20", serving)
    state = json.loads(docker(docker_engine, "inspect", serving).stdout)[0]["State"]
    assert state["ExitCode"] == 0
