"""Audit log: one JSON line per executor request, denials included.

Fields (safety.md, "Audit"): ``time``, ``request_id``, ``principal`` (cli or
slack), ``team``, ``channel``, ``user``, ``dm``, ``text`` (the request, redacted
and cut to 200 characters), ``op``, ``target``, ``host``, ``decision``,
``rule``, ``duration_ms``, ``outcome`` (``ok`` or the error code), ``bytes``
returned, ``truncated``, ``redactions``. Never tokens, response URLs or any
command output. The destination is ``stdout`` (or ``-``), ``stderr``, a file path
(appended to), or ``off`` (nothing is written).
"""

from __future__ import annotations

import json
import logging
import sys
import threading
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from bot.errors import ConfigError
from bot.executor.policy import Principal
from bot.executor.redact import cut, redact_text, strip_controls

FIELDS: tuple[str, ...] = (
    "time", "request_id", "principal", "team", "channel", "user", "dm", "text", "op",
    "target", "host", "decision", "rule", "duration_ms", "outcome", "bytes", "truncated",
    "redactions",
)
MAX_TEXT = 200
OFF = "off"
log = logging.getLogger(__name__)


def refusal_record(
    principal: Principal, text: str, *, decision: str, rule: str, outcome: str | None = None,
    op: str | None = None, target: str | None = None, host: str | None = None,
) -> dict[str, object]:
    """The audit record of a request a front end refused before calling the executor
    (a Slack command or button the policy denies): the fields :meth:`Executor.run` writes."""
    return {
        "request_id": uuid.uuid4().hex[:16], "principal": principal.kind, "team": principal.team,
        "channel": principal.channel, "user": principal.user, "dm": principal.is_dm,
        "text": audit_text(text), "op": op, "target": target, "host": host,
        "decision": decision, "rule": rule, "duration_ms": 0.0, "outcome": outcome or decision,
        "bytes": 0, "truncated": False, "redactions": 0,
    }


def audit_text(text: object) -> str:
    """The request text as it may be logged: no controls, cut, redacted."""
    if not isinstance(text, str):
        return ""
    short, dropped = cut(strip_controls(text[: MAX_TEXT * 4]), MAX_TEXT)
    short, _ = redact_text(short)
    return short + ("..." if dropped else "")


class AuditLog:
    """Writes audit records as JSON lines; safe to share between threads."""

    def __init__(self, destination: str) -> None:
        self.destination = destination
        self._lock = threading.Lock()
        self._file: TextIO | None = None
        if destination not in ("stdout", "-", "stderr", OFF):
            try:
                self._file = Path(destination).open("a", encoding="utf-8")  # noqa: SIM115
            except OSError as exc:
                raise ConfigError(
                    f"The audit log {destination!r} cannot be opened for writing.",
                    hint="Fix exec.audit / DOCKBOT_AUDIT_LOG, or use stdout, stderr or off.",
                ) from exc

    @classmethod
    def in_state_dir(cls, path: Path) -> AuditLog:
        """The CLI's own audit log at an interactive terminal: ``path`` (its folder made,
        private to the user); when it cannot be written, one warning and no audit log."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            return cls(str(path))
        except (OSError, ConfigError):
            log.warning("the audit log %s cannot be written; set DOCKBOT_AUDIT_LOG", path)
            return cls(OFF)

    def _stream(self) -> TextIO:
        if self._file is not None:
            return self._file
        return sys.stderr if self.destination == "stderr" else sys.stdout

    def write(self, record: Mapping[str, object]) -> None:
        if self.destination == OFF:
            return
        line = {key: record.get(key) for key in FIELDS}
        line["time"] = line["time"] or datetime.now(UTC).isoformat(timespec="milliseconds")
        data = json.dumps(line, ensure_ascii=False, separators=(",", ":"))
        with self._lock:
            stream = self._stream()
            stream.write(data + "\n")
            stream.flush()

    def close(self) -> None:
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None
