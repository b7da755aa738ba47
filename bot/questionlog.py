"""The question log: one JSON line per question asked, opt-in (``DOCKBOT_QUESTION_LOG``).

Every surface (``ask``, ``chat``, ``slash``, ``slack``) calls :func:`record` after the
matcher has answered; a 👍/👎 click calls :func:`record_feedback` with the question's id,
which the Slack buttons carry. ``dockbot kb gaps`` reads the file back and joins the two.

A question line::

    {"event": "question", "id": "9f2c...", "time": "2026-12-01T10:30:00Z",
     "surface": "slack", "lang": "ko", "question": "... PASSWORD=*** ...",
     "confident": true, "answer": "logs-tail", "source": "kb", "score": 0.41,
     "suggestions": ["logs-follow", "..."], "user": "a3f1..."}

A feedback line: ``{"event": "feedback", "id": ..., "time": ..., "vote": "up"|"down",
"entry": ..., "user": ...}``.

What is never written: a secret value (the question goes through
:func:`bot.explain.mask_command`), a Slack id in clear (users are an HMAC-SHA256 of the
workspace and user ids under ``DOCKBOT_QUESTION_LOG_SALT``; without a salt no user is
written; user and channel ids inside a question are masked too). Appends are serialised
by one lock per log and line-buffered; a log that cannot be written logs one warning and
never stops an answer.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import secrets
import sys
import threading
from datetime import UTC, datetime
from typing import IO, TYPE_CHECKING, Literal

from bot.settings import Settings

if TYPE_CHECKING:
    from bot.ask.answer import Answer

Surface = Literal["ask", "chat", "slash", "slack"]
Vote = Literal["up", "down"]
SURFACES: tuple[Surface, ...] = ("ask", "chat", "slash", "slack")
MAX_QUESTION_CHARS = 500

log = logging.getLogger("dockbot.questionlog")

# a Slack user/bot/channel/team id as it appears in text (after mentions are unwrapped)
_SLACK_ID = re.compile(r"(?<![A-Za-z0-9])[UWBCGDT][A-Z0-9]{8,12}(?![A-Za-z0-9])")
_QUESTION_ID = re.compile(r"[0-9a-f]{16}")


def now_text() -> str:
    """The current time as the log writes it (UTC, seconds)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_id() -> str:
    """A random question id (16 hex digits)."""
    return secrets.token_hex(8)


def is_question_id(value: object) -> bool:
    return isinstance(value, str) and _QUESTION_ID.fullmatch(value) is not None


def mask_question(text: str) -> str:
    """The question as it may be logged: secret values ``***``, Slack ids ``***``."""
    from bot.explain import mask_command

    masked = mask_command(text[:MAX_QUESTION_CHARS])
    return _SLACK_ID.sub("***", masked)


class QuestionLog:
    """Appends question and feedback lines to one file (or stdout for ``-``)."""

    def __init__(self, target: str, salt: str | None = None,
                 stream: IO[str] | None = None) -> None:
        self.target = target
        self._salt = salt.encode() if salt else None
        self._stream = stream
        self._lock = threading.Lock()
        self._warned = False

    def user_hash(self, user: str | None, team: str | None = None) -> str | None:
        """The user as the log writes it: a salted HMAC, or None (no user, or no salt)."""
        if not user or self._salt is None:
            return None
        digest = hmac.new(self._salt, f"{team or '-'}:{user}".encode(), hashlib.sha256)
        return digest.hexdigest()[:32]

    def question(self, answer: Answer, surface: Surface, *, user: str | None = None,
                 team: str | None = None) -> str:
        """Log one answered question; returns its id (for the feedback buttons)."""
        qid = new_id()
        best = answer.best
        self.append({
            "event": "question",
            "id": qid,
            "time": now_text(),
            "surface": surface,
            "lang": answer.lang,
            "question": mask_question(answer.query),
            "confident": answer.confident,
            "answer": best.entry.id if best else None,
            "source": best.source if best else None,
            "score": round(best.score, 4) if best else None,
            "suggestions": [c.entry.id for c in answer.alternatives],
            "user": self.user_hash(user, team),
        })
        return qid

    def feedback(self, qid: str, vote: Vote, entry: str, *, user: str | None = None,
                 team: str | None = None) -> None:
        """Log a 👍/👎 for the question ``qid``."""
        self.append({"event": "feedback", "id": qid, "time": now_text(), "vote": vote,
                     "entry": entry[:80], "user": self.user_hash(user, team)})

    def append(self, record: dict[str, object]) -> None:
        """Write one line; a failure logs one warning (the first) and is otherwise ignored."""
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        with self._lock:
            try:
                self._open().write(line)
            except (OSError, ValueError) as exc:
                self._stream = None
                if not self._warned:
                    self._warned = True
                    log.warning("cannot write the question log %s (%s); answers go on "
                                "without it", self.target, exc)

    def _open(self) -> IO[str]:
        if self._stream is None:
            if self.target == "-":
                self._stream = sys.stdout
            else:
                self._stream = open(self.target, "a", buffering=1,  # noqa: SIM115
                                    encoding="utf-8")
        return self._stream

    def close(self) -> None:
        with self._lock:
            if self._stream is not None and self._stream is not sys.stdout:
                self._stream.close()
            self._stream = None


_logs: dict[tuple[str, str | None], QuestionLog] = {}
_logs_lock = threading.Lock()


def log_for(settings: Settings) -> QuestionLog | None:
    """The process's log for these settings (one per file, so one lock), or None when off."""
    if not settings.question_log:
        return None
    key = (settings.question_log, settings.question_log_salt)
    with _logs_lock:
        qlog = _logs.get(key)
        if qlog is None:
            qlog = _logs[key] = QuestionLog(*key)
        return qlog


def record(settings: Settings, answer: Answer, surface: Surface, *,
           user: str | None = None, team: str | None = None) -> str | None:
    """Log ``answer`` when the question log is on; its id, or None when it is off."""
    qlog = log_for(settings)
    return qlog.question(answer, surface, user=user, team=team) if qlog else None


def record_feedback(settings: Settings, qid: object, vote: Vote, entry: str, *,
                    user: str | None = None, team: str | None = None) -> None:
    """Log a vote for the question ``qid`` (from a button value) when the log is on."""
    qlog = log_for(settings)
    if qlog is not None and is_question_id(qid):
        assert isinstance(qid, str)
        qlog.feedback(qid, vote, entry, user=user, team=team)
