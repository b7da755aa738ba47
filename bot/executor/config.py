"""The executor's part of the config file (``DOCKBOT_CONFIG``, YAML), validated.

Only the ``exec:`` and ``policy:`` sections are read here; other top-level
sections belong to other parts of dockbot and are ignored. A full example lives
in ``examples/dockbot.yml``::

    exec:
      enabled: true                 # or DOCKBOT_EXEC_ENABLED=1; off by default
      default_host: local           # used when the request names no @alias
      hosts:                        # aliases users pick with @alias; never URLs
        local: {url: "unix:///var/run/docker.sock"}
        prod:
          url: "tcp://prod.internal:2376"          # tcp needs verified TLS ...
          tls: {ca_cert: /etc/dockbot/prod/ca.pem,  # ... (system CAs when omitted)
                client_cert: /etc/dockbot/prod/cert.pem,
                client_key: /etc/dockbot/prod/key.pem}
          api_version: "1.41"       # pinned (default) or "auto"
        build: {url: "ssh://dockbot@build.internal"}   # needs paramiko or use_ssh_client
      limits:
        deadline_seconds: 10        # overall time for one request, queue included
        socket_timeout_seconds: 5   # each socket read
        workers: 4                  # requests run at the same time
        queue: 8                    # requests waiting; beyond that: "busy"
        max_rows: 50
        max_chars: 3000
        max_cell_chars: 120
        logs_default_tail: 50
        logs_max_tail: 200
        logs_max_line_chars: 300
        logs_max_bytes: 1048576
        max_response_bytes: 8388608 # any other answer; larger ones are refused
        stats_max_containers: 10
        rate_per_user: 10           # requests per user per window
        rate_per_channel: 30        # requests per channel per window
        rate_window_seconds: 60
      audit: stderr                 # stdout, stderr, off or a file path (JSON lines)
      trusted_proxies:              # plain tcp allowed to exactly these HOST:PORT endpoints:
        - "socket-proxy:2375"       # a read-only socket proxy on a private network
    policy: ...                     # see bot.executor.policy

Without ``exec.hosts`` the single host ``default`` comes from ``DOCKER_HOST``
(``unix:///var/run/docker.sock`` when unset) with ``DOCKER_TLS_VERIFY`` /
``DOCKER_CERT_PATH``. Insecure settings are refused at start-up with a
ConfigError: TLS without verification (``verify: false``, or
``DOCKER_CERT_PATH`` without ``DOCKER_TLS_VERIFY``), plain ``tcp://`` to
anything but the loopback interface or a named ``trusted_proxies`` endpoint
(also ``DOCKBOT_TRUSTED_PROXY``; IP literals there must be private addresses),
passwords in URLs. ``DOCKBOT_AUDIT_LOG`` overrides ``exec.audit``; with neither, the
audit log goes to stderr, except for the CLI at an interactive terminal
(:func:`bot.executor.service.build_executor`).

This module checks what the data means; :mod:`bot.executor.config_file` reads the file and
:mod:`bot.executor.config_model` holds the typed values it builds.
"""

from __future__ import annotations

import importlib.util
import ipaddress
import re
import shutil
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from bot.errors import ConfigError
from bot.executor.config_file import CONFIG_HINT, YamlFloat, read_config_file
from bot.executor.config_model import (
    DEFAULT_API_VERSION,
    LIMIT_RANGES,
    ExecConfig,
    HostConfig,
    Limits,
    TlsFiles,
)
from bot.executor.grammar import ALIAS_RE
from bot.executor.policy import parse_policy
from bot.settings import Settings

_LOOPBACK = {"127.0.0.1", "::1", "localhost"}
_API_VERSION = re.compile(r"^1\.[0-9]{2}$")


def _fail(path: str, problem: str, hint: str = CONFIG_HINT) -> ConfigError:
    return ConfigError(f"Config {path}: {problem}", hint=hint)


def _section(raw: object, path: str, allowed: tuple[str, ...]) -> dict[str, object]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping) or not all(isinstance(k, str) for k in raw):
        raise _fail(path, "must be a mapping.")
    for key in raw:
        if key not in allowed:
            raise _fail(f"{path}.{key}", f"unknown key; expected one of {', '.join(allowed)}.")
    return dict(raw)


def _file(value: object, path: str) -> str:
    if not isinstance(value, str) or not Path(value).is_file():
        raise _fail(path, f"{value!r} is not a readable file.")
    return value


def _tls(raw: object, path: str) -> TlsFiles:
    if raw is True:
        return TlsFiles()
    entry = _section(raw, path, ("ca_cert", "client_cert", "client_key", "verify"))
    if entry.get("verify", True) is not True:
        raise _fail(
            f"{path}.verify", "TLS without verifying the server is not allowed.",
            "Give the CA that signed the daemon's certificate as ca_cert instead.",
        )
    ca = _file(entry["ca_cert"], f"{path}.ca_cert") if "ca_cert" in entry else None
    cert = entry.get("client_cert")
    key = entry.get("client_key")
    if (cert is None) != (key is None):
        raise _fail(path, "client_cert and client_key go together.")
    if cert is not None:
        cert = _file(cert, f"{path}.client_cert")
        key = _file(key, f"{path}.client_key")
    return TlsFiles(ca, cert, key if isinstance(key, str) else None)


def trusted_proxies(raw: object, path: str = "exec.trusted_proxies") -> frozenset[str]:
    """``HOST:PORT`` endpoints of socket proxies that may be reached over plain tcp."""
    if raw is None:
        return frozenset()
    if not isinstance(raw, (list, tuple)):
        raise _fail(path, "must be a list of HOST:PORT endpoints.")
    out: set[str] = set()
    for item in raw:
        parsed = urlparse(f"tcp://{item}") if isinstance(item, str) else None
        try:
            port = parsed.port if parsed is not None else None
        except ValueError:
            port = None
        if parsed is None or not parsed.hostname or port is None or parsed.username \
                or parsed.path:
            raise _fail(path, f"{item!r} must look like socket-proxy:2375.")
        try:
            address = ipaddress.ip_address(parsed.hostname)
        except ValueError:
            address = None
        if address is not None and not address.is_private:
            raise _fail(path, f"{item!r} is not a private address.",
                        "A socket proxy without TLS must sit on a private network.")
        out.add(f"{parsed.hostname}:{port}")
    return frozenset(out)


def check_url(alias: str, url: str, tls: TlsFiles | None, use_ssh_client: bool,
              trusted: frozenset[str] = frozenset()) -> str:
    """Validate a host URL; return it normalised (https:// becomes tcp:// with TLS)."""
    path = f"exec.hosts.{alias}.url"
    try:
        parsed = urlparse(url)
        parsed.port          # noqa: B018 - raises ValueError for a port that is not 0-65535
    except ValueError:
        raise _fail(path, f"{url!r} is not a valid URL (check the port and [brackets]).",
                    "Use unix:///var/run/docker.sock, tcp://HOST:2376 or ssh://user@host; "
                    "ports are 1-65535.") from None
    scheme = parsed.scheme.lower()
    if scheme == "unix":
        if not parsed.path.startswith("/") or parsed.netloc:
            raise _fail(path, f"{url!r} must look like unix:///var/run/docker.sock.")
        return f"unix://{parsed.path}"
    if scheme in ("tcp", "http", "https"):
        if not parsed.hostname or parsed.password is not None or parsed.username is not None:
            raise _fail(path, f"{url!r} must look like tcp://HOST:2376, without credentials.")
        if parsed.path not in ("", "/"):
            raise _fail(path, f"{url!r} must not have a path.")
        if scheme == "https" and tls is None:
            raise _fail(path, "https:// needs a `tls:` section (verified TLS).")
        if (tls is None and parsed.hostname not in _LOOPBACK
                and f"{parsed.hostname}:{parsed.port}" not in trusted):
            raise _fail(
                path, f"{url!r} is plain unencrypted tcp to another machine.",
                "Add `tls:` with ca_cert (and client_cert/client_key), or use ssh://; for a "
                "read-only socket proxy on a private network, name it as HOST:PORT in "
                "exec.trusted_proxies (or DOCKBOT_TRUSTED_PROXY).",
            )
        port = f":{parsed.port}" if parsed.port else ""
        host = f"[{parsed.hostname}]" if ":" in parsed.hostname else parsed.hostname
        return f"tcp://{host}{port}"
    if scheme == "ssh":
        if not parsed.hostname or parsed.password is not None:
            raise _fail(path, f"{url!r} must look like ssh://user@host, without a password.")
        if use_ssh_client:
            if shutil.which("ssh") is None:
                raise _fail(path, "use_ssh_client is set but no `ssh` program is installed.")
        elif importlib.util.find_spec("paramiko") is None:
            raise _fail(
                path, "ssh:// hosts need the paramiko package.",
                "Install paramiko, or set `use_ssh_client: true` to use the ssh program.",
            )
        return url
    raise _fail(path, f"{url!r}: use unix://, tcp:// (with TLS) or ssh://.")


def _host(alias: str, raw: object, trusted: frozenset[str] = frozenset()) -> HostConfig:
    path = f"exec.hosts.{alias}"
    if not ALIAS_RE.fullmatch(alias):
        raise _fail(path, "aliases are lower-case letters, digits, `_` and `-` (max 32).")
    entry = _section(raw, path, ("url", "tls", "api_version", "use_ssh_client"))
    url = entry.get("url")
    if not isinstance(url, str):
        raise _fail(f"{path}.url", "is required (unix://, tcp:// or ssh://).")
    tls = _tls(entry["tls"], f"{path}.tls") if entry.get("tls") not in (None, False) else None
    if entry.get("tls") is False and url.startswith("https"):
        raise _fail(f"{path}.tls", "https:// needs verified TLS.")
    raw_version = entry.get("api_version", DEFAULT_API_VERSION)
    version = raw_version.text if isinstance(raw_version, YamlFloat) else str(raw_version)
    if version != "auto" and not _API_VERSION.fullmatch(version):
        raise _fail(f"{path}.api_version", f"{version!r} is not like \"1.41\" or \"auto\".")
    ssh_client = entry.get("use_ssh_client", False)
    if not isinstance(ssh_client, bool):
        raise _fail(f"{path}.use_ssh_client", "must be true or false.")
    if tls is not None and not url.lower().startswith(("tcp://", "https://", "http://")):
        raise _fail(f"{path}.tls", "TLS applies to tcp:// hosts only.")
    return HostConfig(alias, check_url(alias, url, tls, ssh_client, trusted), tls, version,
                      ssh_client)


def _env_host(settings: Settings, trusted: frozenset[str] = frozenset()) -> HostConfig:
    url = settings.docker_host or "unix:///var/run/docker.sock"
    tls: TlsFiles | None = None
    if settings.docker_cert_path and not settings.docker_tls_verify:
        raise ConfigError(
            "DOCKER_CERT_PATH is set without DOCKER_TLS_VERIFY=1: that would use TLS "
            "without verifying the Docker host.",
            hint="Set DOCKER_TLS_VERIFY=1 (or unset DOCKER_CERT_PATH).",
        )
    if settings.docker_tls_verify:
        if settings.docker_cert_path:
            base = Path(settings.docker_cert_path)
            ca, cert, key = (str(base / n) for n in ("ca.pem", "cert.pem", "key.pem"))
            for name in (ca, cert, key):
                if not Path(name).is_file():
                    raise ConfigError(
                        f"DOCKER_CERT_PATH has no {Path(name).name}.",
                        hint="It must hold ca.pem, cert.pem and key.pem.",
                    )
            tls = TlsFiles(ca, cert, key)
        else:
            tls = TlsFiles()
    try:
        return HostConfig("default", check_url("default", url, tls, False, trusted), tls,
                          setting="DOCKER_HOST")
    except ConfigError as err:
        raise ConfigError(f"DOCKER_HOST: {err.message}", hint=err.hint) from None


def _limits(raw: object) -> Limits:
    names = tuple(f.name for f in fields(Limits))
    entry = _section(raw, "exec.limits", names)
    values: dict[str, Any] = {}
    for name, value in entry.items():
        lo, hi = LIMIT_RANGES[name]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
            raise _fail(f"exec.limits.{name}", f"{value!r} must be a number from {lo:g} to {hi:g}.")
        default = getattr(Limits, name)
        if isinstance(default, int) and not isinstance(value, int):
            raise _fail(f"exec.limits.{name}", f"{value!r} must be a whole number.")
        values[name] = value
    if "socket_timeout_seconds" not in values and "deadline_seconds" in values:
        values["socket_timeout_seconds"] = min(Limits.socket_timeout_seconds,
                                               values["deadline_seconds"])
    limits = Limits(**values)
    if limits.socket_timeout_seconds > limits.deadline_seconds:
        raise _fail("exec.limits.socket_timeout_seconds", "must not exceed deadline_seconds.")
    if limits.logs_default_tail > limits.logs_max_tail:
        raise _fail("exec.limits.logs_default_tail", "must not exceed logs_max_tail.")
    return limits


def config_from_data(data: Mapping[str, object], settings: Settings,
                     audit_default: str = "stderr") -> ExecConfig:
    """Validate the ``exec`` and ``policy`` sections of parsed config data; the audit log
    goes to ``audit_default`` when neither DOCKBOT_AUDIT_LOG nor ``exec.audit`` says."""
    section = _section(
        data.get("exec"), "exec",
        ("enabled", "default_host", "hosts", "limits", "audit", "trusted_proxies"),
    )
    trusted = trusted_proxies(section.get("trusted_proxies")) | trusted_proxies(
        list(settings.trusted_proxies), "DOCKBOT_TRUSTED_PROXY")
    enabled_raw = section.get("enabled", False)
    if not isinstance(enabled_raw, bool):
        raise _fail("exec.enabled", "must be true or false.")
    enabled = settings.exec_enabled or enabled_raw
    hosts_raw = section.get("hosts")
    if hosts_raw is not None:
        if not isinstance(hosts_raw, Mapping) or not hosts_raw:
            raise _fail("exec.hosts", "must map host aliases to hosts.")
        hosts = {str(alias): _host(str(alias), raw, trusted) for alias, raw in hosts_raw.items()}
    elif enabled:
        hosts = {"default": _env_host(settings, trusted)}
    else:
        hosts = {}
    default = section.get("default_host")
    if default is None and len(hosts) == 1:
        default = next(iter(hosts))
    if default is not None and default not in hosts:
        raise _fail("exec.default_host", f"{default!r} is not one of the hosts.")
    raw_audit = section.get("audit")
    audit = settings.audit_log or (audit_default if raw_audit is None else raw_audit)
    if not isinstance(audit, str) or not audit.strip():
        raise _fail("exec.audit", "must be stdout, stderr, off or a file path.")
    return ExecConfig(
        enabled=enabled, hosts=hosts, default_host=default if isinstance(default, str) else None,
        limits=_limits(section.get("limits")), audit=audit.strip(),
        policy=parse_policy(data.get("policy"), tuple(hosts)),
    )


def load_config(settings: Settings, audit_default: str = "stderr") -> ExecConfig:
    """Read and validate the executor configuration; ConfigError on any problem."""
    data = read_config_file(settings.config_path) if settings.config_path else {}
    return config_from_data(data, settings, audit_default)
