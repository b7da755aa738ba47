"""The executor config file: hosts, TLS safety, limits, audit, and the example file."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.errors import ConfigError
from bot.executor.config import config_from_data, load_config
from bot.settings import Settings

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "dockbot.yml"


def _settings(env: dict[str, str] | None = None) -> Settings:
    return Settings.from_env(env or {})


def _load(data: dict[str, Any], env: dict[str, str] | None = None) -> Any:
    return config_from_data(data, _settings(env))


@pytest.fixture
def certs(tmp_path: Path) -> dict[str, str]:
    files = {}
    for name in ("ca.pem", "cert.pem", "key.pem"):
        (tmp_path / name).write_text("-----BEGIN CERTIFICATE-----\n")
        files[name] = str(tmp_path / name)
    return files


def test_disabled_by_default_with_no_hosts() -> None:
    cfg = load_config(_settings())
    assert cfg.enabled is False
    assert dict(cfg.hosts) == {}


def test_env_enables_and_gives_the_default_host() -> None:
    cfg = load_config(_settings({"DOCKBOT_EXEC_ENABLED": "1"}))
    assert cfg.enabled is True
    assert cfg.hosts["default"].url == "unix:///var/run/docker.sock"
    assert cfg.default_host == "default"
    assert cfg.audit == "stderr"


def test_docker_host_env_is_used() -> None:
    cfg = load_config(_settings({"DOCKBOT_EXEC_ENABLED": "1",
                                 "DOCKER_HOST": "unix:///run/user/1000/docker.sock"}))
    assert cfg.hosts["default"].url == "unix:///run/user/1000/docker.sock"


def test_cert_path_without_verify_is_refused() -> None:
    env = {"DOCKBOT_EXEC_ENABLED": "1", "DOCKER_HOST": "tcp://docker.example:2376",
           "DOCKER_CERT_PATH": "/etc/docker-certs"}
    with pytest.raises(ConfigError) as info:
        load_config(_settings(env))
    assert "without verifying" in info.value.message
    assert "DOCKER_TLS_VERIFY=1" in info.value.hint


def test_insecure_env_does_not_matter_while_disabled() -> None:
    env = {"DOCKER_HOST": "tcp://docker.example:2375", "DOCKER_CERT_PATH": "/nope"}
    assert load_config(_settings(env)).enabled is False


def test_env_tls_uses_the_cert_path(certs: dict[str, str]) -> None:
    folder = str(Path(certs["ca.pem"]).parent)
    cfg = load_config(_settings({"DOCKBOT_EXEC_ENABLED": "1", "DOCKER_TLS_VERIFY": "1",
                                 "DOCKER_CERT_PATH": folder,
                                 "DOCKER_HOST": "tcp://docker.example:2376"}))
    host = cfg.hosts["default"]
    assert host.url == "tcp://docker.example:2376"
    assert host.tls is not None and host.tls.ca_cert == certs["ca.pem"]


def test_env_tls_with_missing_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"has no ca\.pem"):
        load_config(_settings({"DOCKBOT_EXEC_ENABLED": "1", "DOCKER_TLS_VERIFY": "1",
                               "DOCKER_CERT_PATH": str(tmp_path),
                               "DOCKER_HOST": "tcp://docker.example:2376"}))


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("tcp://docker.example:2375", "plain unencrypted tcp"),
        ("http://10.0.0.5:2375", "plain unencrypted tcp"),
        ("https://docker.example:2376", "needs a `tls:` section"),
        ("tcp://user:pw@127.0.0.1:2375", "without credentials"),
        ("tcp://127.0.0.1:2375/v1.41", "must not have a path"),
        ("unix://var/run/docker.sock", "must look like unix:///"),
        ("npipe:////./pipe/docker_engine", "use unix://"),
        ("docker.example:2375", "use unix://"),
        ("ssh://user:pw@build", "without a password"),
    ],
)
def test_unsafe_or_malformed_urls_are_refused(url: str, fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        _load({"exec": {"hosts": {"h": {"url": url}}}})
    assert fragment in info.value.message
    assert info.value.message.startswith("Config exec.hosts.h")


@pytest.mark.parametrize("url", ["tcp://127.0.0.1:2375", "tcp://localhost:2375",
                                 "tcp://[::1]:2375", "unix:///var/run/docker.sock"])
def test_local_plain_endpoints_are_accepted(url: str) -> None:
    cfg = _load({"exec": {"enabled": True, "hosts": {"h": {"url": url}}}})
    assert cfg.hosts["h"].tls is None
    assert cfg.hosts["h"].url.split("://")[0] in ("tcp", "unix")


def test_verified_tls_host(certs: dict[str, str]) -> None:
    tls = {"ca_cert": certs["ca.pem"], "client_cert": certs["cert.pem"],
           "client_key": certs["key.pem"]}
    cfg = _load({"exec": {"hosts": {"prod": {"url": "https://prod.example:2376", "tls": tls}}}})
    host = cfg.hosts["prod"]
    assert host.url == "tcp://prod.example:2376"
    assert host.tls is not None and host.tls.client_key == certs["key.pem"]
    assert host.kind == "tcp"
    system_ca = _load({"exec": {"hosts": {"p": {"url": "tcp://p.example:2376", "tls": True}}}})
    assert system_ca.hosts["p"].tls is not None and system_ca.hosts["p"].tls.ca_cert is None


@pytest.mark.parametrize(
    ("tls", "fragment"),
    [
        ({"verify": False}, "without verifying"),
        ({"ca_cert": "/nonexistent/ca.pem"}, "not a readable file"),
        ({"client_cert": "CERT"}, "go together"),
        ({"client_key": "KEY"}, "go together"),
        ({"ca_cert": "CA", "insecure_skip_verify": True}, "unknown key"),
        ("yes", "must be a mapping"),
    ],
)
def test_insecure_tls_is_refused(certs: dict[str, str], tls: Any, fragment: str) -> None:
    if isinstance(tls, dict):
        names = {"CA": certs["ca.pem"], "CERT": certs["cert.pem"], "KEY": certs["key.pem"]}
        tls = {k: names.get(v, v) if isinstance(v, str) else v for k, v in tls.items()}
    with pytest.raises(ConfigError) as info:
        _load({"exec": {"hosts": {"prod": {"url": "tcp://prod.example:2376", "tls": tls}}}})
    assert fragment in info.value.message


def test_tls_on_a_unix_socket_is_refused(certs: dict[str, str]) -> None:
    with pytest.raises(ConfigError, match="tcp:// hosts only"):
        _load({"exec": {"hosts": {"h": {"url": "unix:///x.sock",
                                        "tls": {"ca_cert": certs["ca.pem"]}}}}})


def test_ssh_hosts_need_a_transport() -> None:
    data: dict[str, Any] = {"exec": {"hosts": {"b": {"url": "ssh://dockbot@build.example"}}}}
    if importlib.util.find_spec("paramiko") is None:
        with pytest.raises(ConfigError, match="paramiko"):
            _load(data)
    else:
        assert _load(data).hosts["b"].kind == "ssh"
    data["exec"]["hosts"]["b"]["use_ssh_client"] = True
    if shutil.which("ssh") is None:
        with pytest.raises(ConfigError, match="no `ssh` program"):
            _load(data)
    else:
        assert _load(data).hosts["b"].use_ssh_client is True


@pytest.mark.parametrize(
    ("exec_section", "fragment"),
    [
        ({"enabled": "yes"}, "must be true or false"),
        ({"hosts": {}}, "must map host aliases"),
        ({"hosts": ["local"]}, "must map host aliases"),
        ({"hosts": {"Prod": {"url": "unix:///x"}}}, "aliases are lower-case"),
        ({"hosts": {"p": {}}}, "is required"),
        ({"hosts": {"p": {"url": "unix:///x", "api_version": "2"}}}, "is not like"),
        ({"hosts": {"p": {"url": "unix:///x", "use_ssh_client": "no"}}}, "true or false"),
        ({"hosts": {"p": {"url": "unix:///x"}}, "default_host": "q"}, "not one of the hosts"),
        ({"hosts": {"p": {"url": "unix:///x"}}, "audit": ""}, "stdout, stderr, off or a file"),
        ({"limits": {"deadline_seconds": 0}}, "must be a number from"),
        ({"limits": {"deadline_seconds": "10"}}, "must be a number from"),
        ({"limits": {"workers": True}}, "must be a number from"),
        ({"limits": {"workers": 2.5}}, "whole number"),
        ({"limits": {"logs_max_tail": 500}}, "must be a number from"),
        ({"limits": {"max_rows": 0}}, "must be a number from"),
        ({"limits": {"deadline_seconds": 2, "socket_timeout_seconds": 3}}, "must not exceed"),
        ({"limits": {"logs_default_tail": 100, "logs_max_tail": 50}}, "must not exceed"),
        ({"limits": {"timeout": 3}}, "unknown key"),
        ({"hostz": {}}, "unknown key"),
        ("on", "must be a mapping"),
    ],
)
def test_invalid_exec_section(exec_section: Any, fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        _load({"exec": exec_section})
    assert fragment in info.value.message
    assert info.value.message.startswith("Config exec")


def test_defaults_and_overrides() -> None:
    cfg = _load({"exec": {"hosts": {"a": {"url": "unix:///a"}, "b": {"url": "unix:///b"}},
                          "limits": {"max_rows": 7, "deadline_seconds": 2.5}},
                 "slack": {"anything": "belongs to someone else"}})
    assert cfg.default_host is None           # two hosts, none named default
    assert cfg.limits.max_rows == 7 and cfg.limits.deadline_seconds == 2.5
    assert cfg.limits.workers == 4
    assert cfg.hosts["a"].api_version == "1.41"


def test_audit_env_overrides_file(tmp_path: Path) -> None:
    cfg = config_from_data({"exec": {"audit": "stdout"}},
                           _settings({"DOCKBOT_AUDIT_LOG": str(tmp_path / "a.log")}))
    assert cfg.audit == str(tmp_path / "a.log")


def test_file_enables_even_without_env(tmp_path: Path) -> None:
    path = tmp_path / "c.yml"
    path.write_text("exec:\n  enabled: true\n  hosts:\n    local: {url: 'unix:///x.sock'}\n")
    cfg = load_config(_settings({"DOCKBOT_CONFIG": str(path)}))
    assert cfg.enabled and cfg.default_host == "local"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("exec: [\n", "not valid YAML at line"), ("- a\n- b\n", "must be a YAML mapping")],
)
def test_broken_files(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "c.yml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=fragment):
        load_config(_settings({"DOCKBOT_CONFIG": str(path)}))


def test_empty_file_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "c.yml"
    path.write_text("")
    assert load_config(_settings({"DOCKBOT_CONFIG": str(path)})).enabled is False


def test_example_file_is_valid(certs: dict[str, str]) -> None:
    data = yaml.safe_load(EXAMPLE.read_text())
    tls = data["exec"]["hosts"]["prod"]["tls"]
    for key, name in (("ca_cert", "ca.pem"), ("client_cert", "cert.pem"),
                      ("client_key", "key.pem")):
        assert tls[key].startswith("/etc/dockbot/")
        tls[key] = certs[name]
    if shutil.which("ssh") is None:
        with pytest.raises(ConfigError, match="ssh"):
            _load(data)
        return
    cfg = _load(data)
    assert cfg.enabled and set(cfg.hosts) == {"local", "prod", "build"}
    assert cfg.default_host == "local"
    assert cfg.policy.allowed_ops(cfg_principal := _cli()) == (
        "version", "info", "ps", "images", "stats", "inspect", "port", "top", "diff", "logs",
        "events", "df", "volumes", "networks",
    )
    assert cfg.policy.allowed_hosts(cfg_principal, cfg.hosts) == ("local",)


def _cli() -> Any:
    from bot.executor import Principal

    return Principal.cli()


@pytest.mark.parametrize("url", ["tcp://127.0.0.1:99999", "tcp://127.0.0.1:abc", "tcp://[::1",
                                 "http://[::1]:65536"])
def test_bad_ports_in_the_config_are_named(url: str) -> None:
    with pytest.raises(ConfigError) as exc:
        _load({"exec": {"enabled": True, "hosts": {"local": {"url": url}}}})
    assert "exec.hosts.local.url" in exc.value.message and "not a valid URL" in exc.value.message
    assert exc.value.exit_code == 2


def test_non_utf8_config_file(tmp_path: Path) -> None:
    path = tmp_path / "c.yml"
    path.write_bytes(b"exec:\n  enabled: true\n# caf\xe9\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(Settings.from_env({"DOCKBOT_CONFIG": str(path)}))


@pytest.mark.parametrize(
    "text",
    ["exec:\n  enabled: false\n  enabled: true\n",
     "exec: {enabled: true}\nexec: {enabled: false}\n",
     "exec:\n  enabled: true\n  hosts:\n    a: {url: 'unix:///a'}\n    a: {url: 'unix:///b'}\n"],
)
def test_duplicate_keys_are_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "c.yml"
    path.write_text(text)
    with pytest.raises(ConfigError) as exc:
        load_config(Settings.from_env({"DOCKBOT_CONFIG": str(path)}))
    assert "twice" in exc.value.message and str(path) in exc.value.message


@pytest.mark.parametrize(("written", "version"), [("1.40", "1.40"), ("1.41", "1.41"),
                                                  ('"1.44"', "1.44")])
def test_api_version_keeps_its_digits(tmp_path: Path, written: str, version: str) -> None:
    path = tmp_path / "c.yml"
    path.write_text("exec:\n  hosts:\n    local:\n      url: unix:///var/run/docker.sock\n"
                    f"      api_version: {written}\n")
    cfg = load_config(Settings.from_env({"DOCKBOT_CONFIG": str(path)}))
    assert cfg.hosts["local"].api_version == version


def test_max_response_bytes_limit() -> None:
    cfg = _load({"exec": {"limits": {"max_response_bytes": 65536}}})
    assert cfg.limits.max_response_bytes == 65536
    with pytest.raises(ConfigError, match="max_response_bytes"):
        _load({"exec": {"limits": {"max_response_bytes": 10}}})
