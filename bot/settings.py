"""Settings: the only module that reads the process environment.

Everything else receives a frozen :class:`Settings` object. Each secret (the Slack tokens,
the signing secret, the question log's salt) can also come from a file named by
``NAME_FILE``. Validation happens
here, and every problem names the variable and says what a valid value is.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from bot.errors import ConfigError

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _flag(env: Mapping[str, str], name: str) -> bool:
    raw = env.get(name, "").strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ConfigError(
        f"{name}={env.get(name)!r} is not a yes/no value.",
        hint=f"Set {name} to 1 or 0 (or true/false).",
    )


def _width(env: Mapping[str, str]) -> int | None:
    """DOCKBOT_WIDTH: wrap terminal text at this many columns (0: never); unset: the
    terminal's width when output is a terminal."""
    raw = _opt(env, "DOCKBOT_WIDTH")
    if raw is None:
        return None
    if not raw.isdigit() or not (int(raw) == 0 or 20 <= int(raw) <= 1000):
        raise ConfigError(
            f"DOCKBOT_WIDTH={raw!r} is not a terminal width.",
            hint="Set it to a number of columns from 20 to 1000, or 0 to never wrap.",
        )
    return int(raw)


def _opt(env: Mapping[str, str], name: str) -> str | None:
    raw = env.get(name)
    if raw is None:
        return None
    raw = raw.strip()
    return raw or None


def _secret(env: Mapping[str, str], name: str) -> str | None:
    """A secret from ``NAME`` or, as Kubernetes and compose secrets provide it, from the
    file named by ``NAME_FILE`` (its content, stripped). Both set is an error."""
    file_var = name + "_FILE"
    path = _opt(env, file_var)
    if path is None:
        return _opt(env, name)
    if _opt(env, name) is not None:
        raise ConfigError(
            f"Both {name} and {file_var} are set.",
            hint=f"Set only one: {name} holds the value, {file_var} the path of a file "
            "holding it.",
        )
    try:
        value = Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        raise ConfigError(
            f"{file_var}={path!r} cannot be read ({reason}).",
            hint=f"Point {file_var} at a readable file that holds {name}, or unset it.",
        ) from None
    if not value:
        raise ConfigError(
            f"{file_var}={path!r} is empty.",
            hint=f"Write {name} into that file, or unset {file_var}.",
        )
    return value


def _port_ok(raw: str) -> bool:
    """False when a URL has a malformed port or an unclosed ``[`` (urlparse raises then)."""
    try:
        urlparse(raw).port  # noqa: B018 - raises ValueError for ports outside 0-65535
    except ValueError:
        return False
    return True


def _docker_host(env: Mapping[str, str]) -> str | None:
    raw = _opt(env, "DOCKER_HOST")
    if raw is None:
        return None
    if not _port_ok(raw):
        raise ConfigError(
            f"DOCKER_HOST={raw!r} is not a valid URL (check the port and [brackets]).",
            hint="Use unix:///var/run/docker.sock or tcp://HOST:2376 (ports 1-65535).",
        )
    return raw


def _http_url(env: Mapping[str, str], name: str) -> str | None:
    raw = _opt(env, name)
    if raw is None:
        return None
    parsed = urlparse(raw) if _port_ok(raw) else None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ConfigError(
            f"{name}={raw!r} is not an http(s) URL.",
            hint=f"Set {name} to a URL such as https://slack.com/api/ or unset it.",
        )
    return raw if raw.endswith("/") else raw + "/"


def _redis_url(env: Mapping[str, str]) -> str | None:
    raw = _opt(env, "DOCKBOT_REDIS_URL")
    if raw is None:
        return None
    parsed = urlparse(raw)
    if parsed.scheme not in ("redis", "rediss", "unix") or not (parsed.netloc or parsed.path):
        raise ConfigError(
            "DOCKBOT_REDIS_URL is not a Redis URL.",
            hint="Set it like redis://redis:6379/0 (rediss:// for TLS) or unset it for "
            "a single replica.",
        )
    return raw


def _port(env: Mapping[str, str], name: str) -> int | None:
    raw = _opt(env, name)
    if raw is None:
        return None
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= 65535:
        raise ConfigError(
            f"{name}={raw!r} is not a TCP port.",
            hint=f"Set {name} to a number from 1 to 65535 (e.g. 8080), or unset it.",
        )
    return int(raw)


MIN_SALT_CHARS = 16


def _question_log(env: Mapping[str, str]) -> tuple[str | None, str | None]:
    """``DOCKBOT_QUESTION_LOG`` (a file path or ``-`` for stdout) and its salt for users."""
    target = _opt(env, "DOCKBOT_QUESTION_LOG")
    salt = _secret(env, "DOCKBOT_QUESTION_LOG_SALT")
    if salt is not None and len(salt) < MIN_SALT_CHARS:
        raise ConfigError(
            f"DOCKBOT_QUESTION_LOG_SALT is shorter than {MIN_SALT_CHARS} characters.",
            hint="Set it to a long random string, e.g. the output of `openssl rand -hex 32`.",
        )
    return target, salt


def _audit_log(env: Mapping[str, str]) -> str | None:
    """DOCKBOT_AUDIT_LOG: ``off``, ``-`` or ``stdout``, ``stderr``, or a file path."""
    value = _opt(env, "DOCKBOT_AUDIT_LOG")
    if value is None:
        return None
    word = value.strip()
    if word.lower() in ("off", "stdout", "stderr"):
        return word.lower()
    if not word or any(ord(ch) < 32 for ch in word):
        raise ConfigError(
            f"DOCKBOT_AUDIT_LOG={value!r} is not an audit destination.",
            hint="Use a file path, - or stdout, stderr, or off.",
        )
    return word


def default_knowledge_dir() -> Path:
    """The repository's ``knowledge/`` folder, or the copy installed with the package."""
    here = Path(__file__).resolve().parent
    repo = here.parent / "knowledge"
    if repo.is_dir():
        return repo
    return here / "_kb"


def _knowledge(env: Mapping[str, str]) -> tuple[Path, ...]:
    """``DOCKBOT_KNOWLEDGE``: one folder or several, separated by ``os.pathsep`` (``:`` on
    Linux and macOS, ``;`` on Windows), earlier folders first; empty parts are skipped."""
    raw = _opt(env, "DOCKBOT_KNOWLEDGE")
    if raw is None:
        return (default_knowledge_dir(),)
    parts = tuple(Path(p.strip()) for p in raw.split(os.pathsep) if p.strip())
    if not parts:
        raise ConfigError(
            "DOCKBOT_KNOWLEDGE names no folder.",
            hint=f"Set it to one or more knowledge folders separated by {os.pathsep!r}, "
            "or unset it for the bundled knowledge base.",
        )
    return parts


DEFAULT_KNOWLEDGE_POLL = 2.0


def _poll(env: Mapping[str, str]) -> float:
    """``DOCKBOT_KNOWLEDGE_POLL``: seconds between checks of the knowledge folders in
    ``dockbot serve`` (0 turns polling off; SIGHUP still reloads)."""
    raw = _opt(env, "DOCKBOT_KNOWLEDGE_POLL")
    if raw is None:
        return DEFAULT_KNOWLEDGE_POLL
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 3600 or value != value:
        raise ConfigError(
            f"DOCKBOT_KNOWLEDGE_POLL={raw!r} is not a number of seconds from 0 to 3600.",
            hint="Set it like 2 or 0.5 (0 turns polling off), or unset it for 2 seconds.",
        )
    return value


@dataclass(frozen=True)
class Settings:
    """Validated settings for every part of dockbot."""

    knowledge_dir: Path
    config_path: Path | None = None
    exec_enabled: bool = False
    docker_host: str | None = None
    docker_tls_verify: bool = False
    docker_cert_path: str | None = None
    audit_log: str | None = None         # off | - | stdout | stderr | a file path
    state_dir: Path | None = None        # where the CLI keeps its audit log by default
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str | None = None
    log_level: str = "INFO"
    no_color: bool = False
    history_file: Path | None = None
    cache_dir: Path | None = None
    trusted_proxies: tuple[str, ...] = ()
    redis_url: str | None = None
    question_log: str | None = None
    question_log_salt: str | None = None
    log_format: str = "text"
    health_port: int | None = None
    knowledge_dirs: tuple[Path, ...] = ()
    knowledge_poll: float = DEFAULT_KNOWLEDGE_POLL
    width: int | None = None  # terminal text wrap width; 0 never, None the terminal's

    @property
    def knowledge_folders(self) -> tuple[Path, ...]:
        """Every knowledge folder, in order (``knowledge_dir`` is the first)."""
        return self.knowledge_dirs or (self.knowledge_dir,)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        knowledge_dirs = _knowledge(env)
        cfg = _opt(env, "DOCKBOT_CONFIG")
        config_path = Path(cfg) if cfg else None
        if config_path is not None and not config_path.is_file():
            raise ConfigError(
                f"DOCKBOT_CONFIG points to {cfg!r}, which is not a readable file.",
                hint="Fix the path or unset DOCKBOT_CONFIG.",
            )
        level = (_opt(env, "DOCKBOT_LOG_LEVEL") or "INFO").upper()
        if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise ConfigError(
                f"DOCKBOT_LOG_LEVEL={level!r} is not a log level.",
                hint="Use DEBUG, INFO, WARNING or ERROR.",
            )
        log_format = (_opt(env, "DOCKBOT_LOG_FORMAT") or "text").lower()
        if log_format not in ("text", "json"):
            raise ConfigError(
                f"DOCKBOT_LOG_FORMAT={log_format!r} is not a log format.",
                hint="Use text (the default) or json (one JSON object per line).",
            )
        app_token = _secret(env, "SLACK_APP_TOKEN")
        if app_token is not None and not app_token.startswith("xapp-"):
            raise ConfigError(
                "SLACK_APP_TOKEN does not look like an app-level token.",
                hint="App-level tokens start with xapp- (Basic Information > App-Level Tokens).",
            )
        bot_token = _secret(env, "SLACK_BOT_TOKEN")
        if bot_token is not None and not bot_token.startswith("xoxb-"):
            raise ConfigError(
                "SLACK_BOT_TOKEN does not look like a bot token.",
                hint="Bot tokens start with xoxb- (OAuth & Permissions > Bot User OAuth Token).",
            )
        hist = _opt(env, "DOCKBOT_HISTORY")
        home = _opt(env, "HOME")
        history_file = Path(hist) if hist else (Path(home) / ".dockbot_history" if home else None)
        cache = _opt(env, "DOCKBOT_CACHE_DIR")
        xdg = _opt(env, "XDG_CACHE_HOME")
        if cache is not None and cache.lower() in ("off", "none", "0"):
            cache_dir = None
        elif cache is not None:
            cache_dir = Path(cache)
        elif xdg is not None:
            cache_dir = Path(xdg) / "dockbot"
        else:
            cache_dir = Path(home) / ".cache" / "dockbot" if home else None
        question_log, question_log_salt = _question_log(env)
        state = _opt(env, "XDG_STATE_HOME")
        state_dir = (Path(state) / "dockbot" if state else
                     Path(home) / ".local" / "state" / "dockbot" if home else None)
        return cls(
            knowledge_dir=knowledge_dirs[0],
            knowledge_dirs=knowledge_dirs,
            knowledge_poll=_poll(env),
            config_path=config_path,
            exec_enabled=_flag(env, "DOCKBOT_EXEC_ENABLED"),
            docker_host=_docker_host(env),
            docker_tls_verify=_flag(env, "DOCKER_TLS_VERIFY"),
            docker_cert_path=_opt(env, "DOCKER_CERT_PATH"),
            audit_log=_audit_log(env),
            state_dir=state_dir,
            slack_bot_token=bot_token,
            slack_signing_secret=_secret(env, "SLACK_SIGNING_SECRET"),
            slack_app_token=app_token,
            slack_api_url=_http_url(env, "SLACK_API_URL"),
            log_level=level,
            no_color=bool(env.get("NO_COLOR")),  # no-color.org: set and not empty
            history_file=history_file,
            cache_dir=cache_dir,
            trusted_proxies=tuple(
                p.strip() for p in (_opt(env, "DOCKBOT_TRUSTED_PROXY") or "").split(",")
                if p.strip()
            ),
            redis_url=_redis_url(env),
            question_log=question_log,
            question_log_salt=question_log_salt,
            log_format=log_format,
            health_port=_port(env, "DOCKBOT_HEALTH_PORT"),
            width=_width(env),
        )

    def require_slack(self) -> None:
        """Raise a ConfigError naming the first Slack variable that is missing (or the
        question log's salt, which Slack users need when the log is on)."""
        if not self.slack_bot_token:
            raise ConfigError(
                "SLACK_BOT_TOKEN is not set.",
                hint="Set it to the app's Bot User OAuth Token (xoxb-...).",
            )
        if not self.slack_app_token and not self.slack_signing_secret:
            raise ConfigError(
                "SLACK_SIGNING_SECRET is not set (needed in HTTP mode).",
                hint="Set it from Basic Information > Signing Secret, or set SLACK_APP_TOKEN "
                "for Socket Mode.",
            )
        if self.question_log and not self.question_log_salt:
            raise ConfigError(
                "DOCKBOT_QUESTION_LOG_SALT is not set, and the question log would hold "
                "Slack users.",
                hint="Set DOCKBOT_QUESTION_LOG_SALT to a long random string (users are logged "
                "as its HMAC), or unset DOCKBOT_QUESTION_LOG.",
            )
