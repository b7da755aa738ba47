"""The executor's settings as typed values: hosts, TLS files, limits, and the whole
``exec:`` configuration (:class:`ExecConfig`). Built and validated by
:mod:`bot.executor.config` from the config file (:mod:`bot.executor.config_file`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.executor.grammar import MAX_TAIL
from bot.executor.messages import host_params
from bot.executor.policy import Policy
from bot.executor.redact import redact_url
from bot.lang import Lang

DEFAULT_API_VERSION = "1.41"


@dataclass(frozen=True)
class TlsFiles:
    """Verified TLS: CA file (None = system CAs) and an optional client cert/key."""

    ca_cert: str | None = None
    client_cert: str | None = None
    client_key: str | None = None


@dataclass(frozen=True)
class HostConfig:
    alias: str
    url: str                     # unix:///path, tcp://host:port or ssh://user@host
    tls: TlsFiles | None = None
    api_version: str = DEFAULT_API_VERSION
    use_ssh_client: bool = False
    setting: str = ""            # where the URL is configured (shown in errors)

    @property
    def kind(self) -> str:
        return self.url.split("://", 1)[0]

    @property
    def where(self) -> str:
        """The setting that holds this host's URL: ``exec.hosts.ALIAS.url`` or ``DOCKER_HOST``."""
        return self.setting or f"exec.hosts.{self.alias}.url"

    def error_params(self, lang: Lang, reason: str | None = None) -> dict[str, str]:
        """What an error about this host says: alias, redacted URL, the setting, why."""
        return host_params(self.alias, redact_url(self.url), self.where, lang, reason)


@dataclass(frozen=True)
class Limits:
    deadline_seconds: float = 10.0
    socket_timeout_seconds: float = 5.0
    workers: int = 4
    queue: int = 8
    max_rows: int = 50
    max_chars: int = 3000
    max_cell_chars: int = 120
    logs_default_tail: int = 50
    logs_max_tail: int = MAX_TAIL
    logs_max_line_chars: int = 300
    logs_max_bytes: int = 1024 * 1024
    max_response_bytes: int = 8 * 1024 * 1024
    stats_max_containers: int = 10
    rate_per_user: int = 10
    rate_per_channel: int = 30
    rate_window_seconds: float = 60.0


# the values each limit may take (inclusive)
LIMIT_RANGES: dict[str, tuple[float, float]] = {
    "deadline_seconds": (0.1, 300), "socket_timeout_seconds": (0.1, 300), "workers": (1, 64),
    "queue": (0, 1000), "max_rows": (1, 1000), "max_chars": (100, 40000),
    "max_cell_chars": (10, 1000), "logs_default_tail": (1, MAX_TAIL),
    "logs_max_tail": (1, MAX_TAIL), "logs_max_line_chars": (40, 5000),
    "logs_max_bytes": (1024, 16 * 1024 * 1024), "stats_max_containers": (1, 100),
    "max_response_bytes": (64 * 1024, 256 * 1024 * 1024),
    "rate_per_user": (1, 100000), "rate_per_channel": (1, 100000),
    "rate_window_seconds": (1, 86400),
}


@dataclass(frozen=True)
class ExecConfig:
    enabled: bool = False
    hosts: Mapping[str, HostConfig] = field(default_factory=dict)
    default_host: str | None = None
    limits: Limits = field(default_factory=Limits)
    audit: str = "stderr"
    policy: Policy = field(default_factory=Policy)
