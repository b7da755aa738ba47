"""Every executor error, built from a fixed key whose text is in the phrase catalog.

Every :class:`bot.errors.ExecError` the executor raises is made by :func:`exec_error` from a
key of :data:`bot.phrases.exec_errors.EXEC_ERRORS` (phrases ``exec.error.<key>`` and
``exec.error.<key>.hint``), so the daemon's own text can never reach a user and each message
exists in both languages. A refusal without a hint of its own is told the allowed
operations (:func:`allowed`). The language follows the request text
(:func:`bot.lang.detect_lang`); the words that fill the messages are :mod:`bot.executor.reasons`.
"""

from __future__ import annotations

from functools import cache
from typing import TypeVar

from bot.errors import ExecError
from bot.executor.operations import usage_list
from bot.executor.reasons import host_setting, said_reason
from bot.lang import Lang
from bot.phrases import has_phrase, phrase

E = TypeVar("E", bound=ExecError)
__all__ = ["allowed", "exec_error", "host_params"]


@cache
def allowed(lang: Lang) -> str:
    """The allowed operations: the list from the operations table, the words around it
    from the catalog (``exec.allowed``)."""
    return phrase("exec.allowed", lang, ops=usage_list(lang))


def host_params(alias: str, url: str, setting: str, lang: Lang,
                reason: str | None = None) -> dict[str, str]:
    """The {where}, {setting} and {reason} of a host error; ``url`` is already redacted."""
    where = phrase("exec.host_where", lang, alias=alias, url=url)
    return {"where": where, "setting": setting, "reason": said_reason(reason, lang)}


def exec_error(cls: type[E], key: str, lang: Lang = "en", **params: object) -> E:
    """An ``ExecError`` subclass instance with the fixed text of ``key`` in ``lang``."""
    values = {"where": "", "reason": "", "setting": host_setting(lang), **params}
    message = phrase(f"exec.error.{key}", lang, **values)
    hint_key = f"exec.error.{key}.hint"
    hint = phrase(hint_key, lang, **values) if has_phrase(hint_key) else allowed(lang)
    return cls(message, hint=hint, key=key)
