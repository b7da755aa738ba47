"""The socket proxy configuration (deploy/socket-proxy/haproxy.cfg), run for real.

HAProxy runs the shipped file against the test engine's unix socket. The executor works
through it for every operation; every other endpoint and every non-GET method is refused
with 403 at the proxy, and nothing of it reaches the engine.
"""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import docker
import pytest
import yaml

from bot.errors import ConfigError
from bot.executor import Executor, Principal, build_executor
from bot.executor.config import config_from_data
from bot.executor.grammar import OPS
from bot.settings import Settings

pytestmark = [pytest.mark.docker, pytest.mark.deploy]

# Every executor operation and the GET requests it makes (an example path for each).
# A new operation must be added here, and its endpoint to the allowlist in haproxy.cfg.
ENDPOINTS: dict[str, tuple[str, ...]] = {
    "version": ("/version", "/v1.41/version", "/v1.41/_ping"),
    "info": ("/v1.41/info",),
    "ps": ("/v1.41/containers/json?all=1",),
    "images": ("/v1.41/images/json",),
    "stats": ("/v1.41/containers/json", "/v1.41/containers/dockbot-web/stats?stream=0"),
    "inspect": ("/v1.41/containers/dockbot-web/json",),
    "logs": ("/v1.41/containers/dockbot-chatty/logs?stdout=1&stderr=1&tail=5",),
    "df": ("/v1.41/system/df",),
    "volumes": ("/v1.41/volumes",),
    "networks": ("/v1.41/networks",),
    "port": ("/v1.41/containers/dockbot-web/json",),
    "top": ("/v1.41/containers/dockbot-web/top",),
    "diff": ("/v1.41/containers/dockbot-web/changes",),
    "events": ("/v1.41/events?since=1700000000&until=1700000600",),
}

DENIED: list[tuple[str, str]] = [
    ("GET", "/v1.41/containers/dockbot-web/export"),
    ("GET", "/v1.41/containers/dockbot-web/archive?path=/etc"),
    ("HEAD", "/v1.41/containers/dockbot-web/archive?path=/etc"),
    ("GET", "/v1.41/containers/dockbot-web/attach/ws?stream=1&stdin=1"),
    ("GET", "/v1.41/containers/dockbot-chatty/logs?follow=1&stdout=1"),
    ("GET", "/v1.41/containers/dockbot-web/logs?follow=true&stdout=1"),
    ("GET", "/v1.41/exec/abc/json"),
    ("GET", "/v1.41/images/dockbot-test/busybox:1/json"),
    ("GET", "/v1.41/images/dockbot-test/busybox:1/get"),
    ("GET", "/v1.41/images/dockbot-test/busybox:1/history"),
    ("GET", "/v1.41/images/get?names=busybox"),
    ("GET", "/v1.41/events"),  # a stream: only since..until is allowed
    ("GET", "/v1.41/events?since=1700000000"),
    ("GET", "/v1.41/events?since=1700000000&until=now"),
    ("GET", "/v1.41/swarm"),
    ("GET", "/v1.41/secrets"),
    ("GET", "/v1.41/configs"),
    ("GET", "/v1.41/services"),
    ("GET", "/v1.41/tasks"),
    ("GET", "/v1.41/nodes"),
    ("GET", "/v1.41/plugins"),
    ("GET", "/v1.41/distribution/busybox/json"),
    ("GET", "/v1.41/volumes/dockbot-data"),
    ("GET", "/v1.41/networks/none"),
    ("GET", "/v1.41/containers/dockbot-web/../../images/json"),
    ("GET", "/v1.41/containers/web%2F..%2F..%2Fsecrets/json"),
    ("GET", "/v1.41/containers/../json"),
    ("GET", "/v1.41/containers/json/../../secrets"),
    ("GET", "/v1.41/system/df/../../swarm"),
    ("POST", "/v1.41/containers/create?name=dockbot-proxy-made"),
    ("POST", "/v1.41/containers/dockbot-web/exec"),
    ("POST", "/v1.41/containers/dockbot-web/stop"),
    ("POST", "/v1.41/containers/dockbot-web/kill"),
    ("POST", "/v1.41/containers/dockbot-web/json"),
    ("POST", "/v1.41/build"),
    ("POST", "/v1.41/images/create?fromImage=busybox"),
    ("PUT", "/v1.41/containers/dockbot-web/archive?path=/tmp"),
    ("DELETE", "/v1.41/containers/dockbot-idle?force=1"),
    ("DELETE", "/v1.41/images/dockbot-test/busybox:1"),
    ("DELETE", "/v1.41/volumes/dockbot-data"),
    ("OPTIONS", "/v1.41/containers/json"),
    ("PATCH", "/v1.41/containers/json"),
]


def request(proxy: str, method: str, path: str) -> tuple[int, bytes]:
    parsed = urlparse(proxy)
    conn = http.client.HTTPConnection(parsed.hostname or "", parsed.port, timeout=10)
    try:
        body = b"{}" if method in ("POST", "PUT", "PATCH") else None
        headers = {"Content-Type": "application/json"} if body else {}
        conn.request(method, path, body=body, headers=headers)
        resp = conn.getresponse()
        return resp.status, resp.read(4096)
    finally:
        conn.close()


def test_every_executor_operation_has_its_endpoints_listed() -> None:
    assert set(OPS) <= set(ENDPOINTS), (
        f"operations without proxy endpoints: {sorted(set(OPS) - set(ENDPOINTS))}; add their GET "
        "endpoints here and to the allowlist in deploy/socket-proxy/haproxy.cfg")


@pytest.mark.parametrize(("op", "path"), [(op, p) for op, ps in ENDPOINTS.items() for p in ps])
def test_the_executor_endpoints_get_through(socket_proxy: str, docker_containers: Any,
                                            op: str, path: str) -> None:
    status, body = request(socket_proxy, "GET", path)
    assert status == 200, (op, path, body[:200])


@pytest.mark.parametrize(("method", "path"), DENIED)
def test_everything_else_is_denied_at_the_proxy(socket_proxy: str, docker_containers: Any,
                                                method: str, path: str) -> None:
    status, body = request(socket_proxy, method, path)
    assert status == 403, (method, path, status, body[:200])
    if method != "HEAD":
        assert b"Request forbidden by administrative rules" in body   # HAProxy's, not the engine's


def test_denied_requests_never_reach_the_engine(socket_proxy: str, docker_containers: Any) -> None:
    api = docker.APIClient(base_url=docker_containers.url, version="1.41", timeout=30)
    try:
        before = {c["Id"] for c in api.containers(all=True)}
        for method, path in DENIED:
            request(socket_proxy, method, path)
        after = api.containers(all=True)
        assert {c["Id"] for c in after} == before
        assert all(c["State"] == "running" for c in after
                   if c["Names"][0] in ("/dockbot-web", "/dockbot-chatty"))
        assert api.images(name="dockbot-test/busybox")
        assert any(v["Name"] == "dockbot-data" for v in api.volumes()["Volumes"])
    finally:
        api.close()


POLICY = {"cli": {"role": "admin"}}


@pytest.fixture
def proxied_executor(socket_proxy: str, tmp_path: Path) -> Iterator[Executor]:
    data = {"exec": {"enabled": True, "hosts": {"proxy": {"url": socket_proxy}},
                     "audit": str(tmp_path / "audit.jsonl"),
                     "limits": {"rate_per_user": 100000, "rate_per_channel": 100000}},
            "policy": POLICY}
    path = tmp_path / "dockbot.yml"
    path.write_text(yaml.safe_dump(data))
    ex = build_executor(Settings.from_env({"DOCKBOT_CONFIG": str(path)}))
    yield ex
    ex.close()


@pytest.mark.parametrize(("text", "expect"), [
    ("version", "1.41"),
    ("info", ""),
    ("ps -a", "dockbot-idle"),
    ("ps", "dockbot-web"),
    ("image ls", "dockbot-test/busybox"),
    ("df", ""),
    ("volume ls", "dockbot-data"),
    ("network ls", "none"),
    ("inspect dockbot-web", "GREETING"),
    ("logs dockbot-chatty --tail 3", "chatty done"),
    ("stats dockbot-web", "dockbot-web"),
])
def test_the_executor_works_through_the_proxy(proxied_executor: Executor, docker_containers: Any,
                                              text: str, expect: str) -> None:
    result = proxied_executor.run(text, Principal.cli())
    assert result.host == "proxy"
    shown = result.text + "\n".join(" ".join(r) for r in result.rows)
    assert result.rows or result.text
    assert expect in shown, shown[:500]
    for canary in docker_containers.canaries:
        assert canary not in shown


# -- the executor's setting that trusts a named proxy over plain tcp ----------------------

def _config(url: str, trusted: list[str] | None = None, env: dict[str, str] | None = None) -> Any:
    section: dict[str, Any] = {"enabled": True, "hosts": {"docker": {"url": url}}}
    if trusted is not None:
        section["trusted_proxies"] = trusted
    return config_from_data({"exec": section, "policy": POLICY}, Settings.from_env(env or {}))


def test_plain_tcp_to_a_named_proxy_is_refused_by_default_and_says_how_to_allow_it() -> None:
    with pytest.raises(ConfigError) as err:
        _config("tcp://socket-proxy:2375")
    text = err.value.user_text()
    assert "plain unencrypted tcp" in text
    assert "exec.trusted_proxies" in text and "DOCKBOT_TRUSTED_PROXY" in text


@pytest.mark.parametrize(("url", "trusted"), [
    ("tcp://socket-proxy:2375", ["socket-proxy:2375"]),
    ("tcp://10.1.2.3:2375", ["10.1.2.3:2375"]),
    ("tcp://[fd00::5]:2375", ["[fd00::5]:2375"]),
    ("http://socket-proxy.dockbot.svc.cluster.local:2375",
     ["socket-proxy.dockbot.svc.cluster.local:2375"]),
])
def test_a_trusted_proxy_endpoint_is_accepted(url: str, trusted: list[str]) -> None:
    cfg = _config(url, trusted)
    assert cfg.hosts["docker"].url.startswith("tcp://")
    assert cfg.hosts["docker"].tls is None


@pytest.mark.parametrize(("url", "trusted"), [
    ("tcp://socket-proxy:2376", ["socket-proxy:2375"]),      # another port
    ("tcp://other:2375", ["socket-proxy:2375"]),             # another host
    ("tcp://socket-proxy", ["socket-proxy:2375"]),           # no port given
])
def test_only_the_named_endpoint_is_trusted(url: str, trusted: list[str]) -> None:
    with pytest.raises(ConfigError, match="plain unencrypted tcp"):
        _config(url, trusted)


@pytest.mark.parametrize(("trusted", "problem"), [
    (["8.8.8.8:2375"], "not a private address"),
    (["[2001:4860::1]:2375"], "not a private address"),
    (["socket-proxy"], "must look like socket-proxy:2375"),
    (["user@socket-proxy:2375"], "must look like socket-proxy:2375"),
    (["socket-proxy:2375/x"], "must look like socket-proxy:2375"),
    (["socket-proxy:notaport"], "must look like socket-proxy:2375"),
    ("socket-proxy:2375", "must be a list"),
])
def test_bad_trusted_proxy_entries_are_refused(trusted: Any, problem: str) -> None:
    with pytest.raises(ConfigError, match=problem):
        _config("tcp://socket-proxy:2375", trusted)


def test_the_environment_can_name_the_proxy_for_docker_host() -> None:
    section = {"exec": {"enabled": True}, "policy": POLICY}
    env = {"DOCKER_HOST": "tcp://socket-proxy:2375"}
    with pytest.raises(ConfigError) as err:
        config_from_data(section, Settings.from_env(env))
    assert "DOCKBOT_TRUSTED_PROXY" in err.value.user_text()
    cfg = config_from_data(section, Settings.from_env(
        {**env, "DOCKBOT_TRUSTED_PROXY": "other:1, socket-proxy:2375"}))
    assert cfg.hosts["default"].url == "tcp://socket-proxy:2375"
