"""One error tree for everything a user can see.

Every error carries a short machine ``code``, a ``message`` that says what went
wrong, a ``hint`` that says what to do, and the CLI ``exit_code``; the default message and
hint of each code, in both languages, are the phrase catalog's ``error.<code>``
(:mod:`bot.phrases`). An error built from a catalog ``key`` and its ``params``
(:meth:`DockbotError.keyed`) can be said in either language (:meth:`DockbotError.text_in`).
Third-party exceptions are translated into these at the edges (``raise X(...) from exc``);
nothing else reaches a user.

    DockbotError
    ├── ConfigError            settings or config files are missing or invalid
    ├── KnowledgeError         the knowledge base cannot be loaded
    ├── InputError             the user's text cannot be used as given
    │   ├── ExplainError       the text is not a docker command line we can read
    │   ├── ButtonError        a button's value is not one dockbot wrote
    │   └── LessonNotFound     the lesson number is outside the course
    ├── SlackUnavailable       Slack (Socket Mode's websocket) cannot be reached
    └── ExecError              the read-only executor did not run the request
        ├── ExecDisabled       the executor is off
        ├── ExecRefused        the text is not an allowed read-only operation
        ├── ExecDenied         the policy does not allow this user/channel/host
        ├── ExecBusy           every worker is busy
        ├── ExecRateLimited    too many requests from this user or channel
        ├── StateUnavailable   the shared store (Redis) holding the rate limits is down
        ├── HostUnreachable    the Docker host cannot be reached
        ├── ExecTimeout        the overall deadline passed
        ├── ExecNotFound       the container (or other object) does not exist
        └── DaemonError        the Docker daemon answered with an error
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Self

from bot.lang import Lang, has_hangul
from bot.phrases import has_phrase, phrase


class DockbotError(Exception):
    """Base of every error dockbot shows to a user."""

    code = "error"
    exit_code = 1
    default_message = phrase("error.error", "en")
    default_hint = phrase("error.error.hint", "en")

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if "code" in cls.__dict__:  # the default text of this code, from the phrase catalog
            cls.default_message = phrase(f"error.{cls.code}", "en")
            cls.default_hint = phrase(f"error.{cls.code}.hint", "en")

    def __init__(
        self, message: str | None = None, *, hint: str | None = None, key: str | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        self.message = message or self.default_message
        self.hint = self.default_hint if hint is None else hint
        self.key = key  # which fixed message this is (e.g. "mention"), when it is one
        self.params: Mapping[str, object] = dict(params or {})  # what fills the key's phrase
        super().__init__(self.message)

    @classmethod
    def keyed(cls, key: str, lang: Lang = "en", **params: object) -> Self:
        """The error whose text is the catalog's phrase ``key`` (and ``key.hint``), so it can
        be said again in another language (:meth:`text_in`)."""
        hint = phrase(f"{key}.hint", lang, **params) if has_phrase(f"{key}.hint") else None
        return cls(phrase(key, lang, **params), hint=hint, key=key, params=params)

    def user_text(self) -> str:
        """The message and the hint, as one line a user can act on."""
        return f"{self.message} {self.hint}".strip()

    def text_in(self, lang: Lang) -> str:
        """:meth:`user_text` in ``lang``: a keyed error is said again from its phrase; an
        English-only error shown to a Korean speaker gets the Korean text for its code (with
        the specific English message after it)."""
        if self.key is not None and has_phrase(self.key):
            again = type(self).keyed(self.key, lang, **self.params)
            return again.user_text()
        if lang != "ko" or has_hangul(self.message) or not has_phrase(f"error.{self.code}"):
            return self.user_text()
        ko = " ".join(t for t in (phrase(f"error.{self.code}", "ko"),
                                  phrase(f"error.{self.code}.hint", "ko")) if t)
        custom = self.message != type(self).default_message
        return ko + (f" ({self.message})" if custom else "")

    def to_dict(self) -> dict[str, object]:
        return {"ok": False, "error": self.code, "message": self.user_text()}


class ConfigError(DockbotError):
    """A setting or configuration file is missing or invalid."""

    code = "config"
    exit_code = 2


class KnowledgeError(DockbotError):
    """The knowledge base could not be loaded."""

    code = "knowledge"
    exit_code = 2
    problems: tuple[object, ...] = ()  # every problem found (bot.kb.model.Problem), when known


class InputError(DockbotError):
    """The user's text cannot be used as given."""

    code = "bad_input"
    exit_code = 2


class ExplainError(InputError):
    """The text is not a docker command line that can be explained."""

    code = "bad_command"


class SlackUnavailable(DockbotError):
    """Socket Mode cannot connect to Slack (dockbot keeps retrying)."""

    code = "slack_unavailable"
    exit_code = 3


class ExecError(DockbotError):
    """The read-only executor did not run the request."""

    code = "exec_error"
    exit_code = 2


class ExecDisabled(ExecError):
    """The executor is switched off (the default)."""

    code = "disabled"
    exit_code = 2


class ExecRefused(ExecError):
    """The text is not one of the allowed read-only operations."""

    code = "refused"
    exit_code = 2


class ExecDenied(ExecError):
    """The policy does not allow this operation for this user, channel or host."""

    code = "denied"
    exit_code = 2


class ExecBusy(ExecError):
    """Every executor worker is busy."""

    code = "busy"
    exit_code = 3


class ExecRateLimited(ExecError):
    """Too many requests from this user or channel."""

    code = "rate_limited"
    exit_code = 3


class StateUnavailable(ExecError):
    """The shared store that holds the rate limits (Redis) cannot be reached."""

    code = "state_unavailable"
    exit_code = 3


class HostUnreachable(ExecError):
    """The Docker host cannot be reached."""

    code = "unreachable"
    exit_code = 3


class ExecTimeout(ExecError):
    """The overall deadline passed before the Docker host answered."""

    code = "timeout"
    exit_code = 3


class ExecNotFound(ExecError):
    """The named container or object does not exist on the host."""

    code = "not_found"
    exit_code = 2


class DaemonError(ExecError):
    """The Docker daemon answered with an error."""

    code = "daemon_error"
    exit_code = 3


class ButtonError(InputError):
    """A button's or menu's value is not one dockbot wrote (stale, tampered or garbage)."""

    code = "bad_button"


class LessonNotFound(InputError):
    """The lesson number is outside the onboarding course."""

    code = "no_lesson"
