"""Host errors name the host and the URL tried (secrets redacted) and say why in fixed
words; a denied operation names the setting that grants it."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from typing import Any

import pytest

from bot.errors import DaemonError, ExecDenied, ExecError, HostUnreachable
from bot.executor import Executor, Principal
from bot.executor.backend import DockerBackend, map_exception
from bot.executor.config_model import HostConfig, Limits
from bot.executor.grammar import parse
from bot.executor.redact import redact_url

MakeExecutor = Callable[..., Executor]


def _closed_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = int(probe.getsockname()[1])
    probe.close()
    return port


def _fails(ex: Executor, text: str, who: Principal) -> ExecError:
    with pytest.raises(ExecError) as info:
        ex.run(text, who)
    return info.value


def test_a_refused_tcp_connection_names_host_url_and_reason(
    make_executor: MakeExecutor, admin: Principal,
) -> None:
    port = _closed_port()
    ex = make_executor(hosts={"prod": {"url": f"tcp://127.0.0.1:{port}"}})
    err = _fails(ex, "ps @prod", admin)
    assert isinstance(err, HostUnreachable) and err.exit_code == 3
    assert err.message == (
        f"The Docker host prod at tcp://127.0.0.1:{port} cannot be reached: connection refused."
    )
    assert "exec.hosts.prod.url" in err.hint


def test_docker_host_from_the_environment_is_named_as_such(admin: Principal) -> None:
    from bot.executor import build_executor
    from bot.settings import Settings

    port = _closed_port()
    ex = build_executor(Settings.from_env({
        "DOCKBOT_EXEC_ENABLED": "1", "DOCKER_HOST": f"tcp://127.0.0.1:{port}",
        "DOCKBOT_AUDIT_LOG": "off",
    }))
    try:
        err = _fails(ex, "version", Principal.cli())
    finally:
        ex.close()
    assert f"default at tcp://127.0.0.1:{port}" in err.message
    assert "DOCKER_HOST" in err.hint


def test_an_unknown_host_name_says_so(make_executor: MakeExecutor, admin: Principal) -> None:
    ex = make_executor(hosts={"proxy": {"url": "tcp://no-such-host.invalid:2375"}},
                       env={"DOCKBOT_TRUSTED_PROXY": "no-such-host.invalid:2375"})
    err = _fails(ex, "ps", admin)
    assert isinstance(err, HostUnreachable)
    assert "proxy at tcp://no-such-host.invalid:2375" in err.message
    assert err.message.endswith(("the host name is not known.", "cannot be reached."))


def test_secrets_in_a_url_are_redacted_in_the_message() -> None:
    port = _closed_port()
    for url in (f"tcp://ops:hunter2@127.0.0.1:{port}", f"tcp://127.0.0.1:{port}/?token=hunter2"):
        backend = DockerBackend(HostConfig("prod", url), Limits())
        with pytest.raises(ExecError) as info:
            backend.fetch(parse("version"), time.monotonic() + 3)
        backend.close()
        text = info.value.user_text()
        assert "hunter2" not in text and "***" in text and "prod at tcp://" in text


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("tcp://10.0.0.5:2375", "tcp://10.0.0.5:2375"),
        ("ssh://dockbot:pw@build.internal", "ssh://dockbot:***@build.internal"),
        ("ssh://dockbot@build.internal:22", "ssh://dockbot@build.internal:22"),
        ("unix:///var/run/docker.sock", "unix:///var/run/docker.sock"),
        ("tcp://h:2376/?access_token=abc#x", "tcp://h:2376/?***"),
        ("tcp://h:2376\x1b[31m", "tcp://h:2376"),
    ],
)
def test_redact_url(url: str, shown: str) -> None:
    assert redact_url(url) == shown


def test_korean_host_errors_name_the_host_too() -> None:
    host = HostConfig("prod", "tcp://10.0.0.5:2375")
    err = map_exception(ConnectionRefusedError(111, "refused"), "ko", host)
    assert err.message == "Docker 호스트 prod(tcp://10.0.0.5:2375)에 연결할 수 없습니다: 연결이 거부됨."
    assert "exec.hosts.prod.url" in err.hint
    plain = map_exception(ConnectionRefusedError(111, "refused"))
    assert plain.message == "The Docker host cannot be reached: connection refused."


def test_a_daemon_error_on_the_real_engine_names_the_host(
    make_executor: MakeExecutor, docker_containers: Any, admin: Principal,
) -> None:
    ex = make_executor(hosts={"local": {"url": docker_containers.url, "api_version": "1.12"}})
    err = _fails(ex, "ps", admin)
    assert isinstance(err, DaemonError)
    assert f"local at {docker_containers.url}" in err.message
    assert err.key == "api_version" and "api_version" in err.hint


def test_denied_logs_on_the_cli_names_policy_cli(
    make_executor: MakeExecutor, docker_containers: Any,
) -> None:
    ex = make_executor(docker_containers.url, policy={})     # the CLI is an operator
    assert ex.run(f"inspect {docker_containers.web}", Principal.cli()).rows
    err = _fails(ex, f"logs {docker_containers.web}", Principal.cli())
    assert isinstance(err, ExecDenied) and err.exit_code == 2
    assert err.message == "You are not allowed to run `logs` here."
    assert err.hint == ("`logs` needs the admin role: set `policy.cli: {role: admin}` in the "
                        "config file (DOCKBOT_CONFIG).")


def test_denied_logs_in_slack_names_the_user_and_channel_settings(
    make_executor: MakeExecutor, docker_containers: Any, viewer: Principal,
    read_audit: Callable[[], list[dict[str, Any]]],
) -> None:
    ex = make_executor(docker_containers.url)
    err = _fails(ex, f"logs {docker_containers.web}", viewer)
    assert isinstance(err, ExecDenied)
    assert "`policy.users.<your ID>: {role: admin}`" in err.hint
    assert "`policy.channels.CHANNEL_ID.ops`" in err.hint
    assert read_audit()[-1]["outcome"] == "denied"


def test_an_operation_no_role_lists_says_where_roles_are(
    make_executor: MakeExecutor, docker_containers: Any,
) -> None:
    roles = {"viewer": ["ps"], "operator": ["ps"], "admin": ["ps"]}
    ex = make_executor(docker_containers.url, policy={"roles": roles, "cli": {"role": "admin"}})
    err = _fails(ex, "df", Principal.cli())
    assert isinstance(err, ExecDenied) and "`policy.roles`" in err.hint
