"""The words that fill executor messages, looked up in the phrase catalog: why a
read-only command is not run (``exec.reason.*``), why a host could not be reached
(``exec.net.*``), how an operation is granted (``exec.grant.*``), and which setting an
error names when it is not tied to one host (``exec.default_setting``). The texts are
:mod:`bot.phrases.exec_errors`."""

from __future__ import annotations

from bot.lang import Lang
from bot.phrases import has_phrase, phrase

__all__ = ["grant", "host_setting", "is_net_reason", "not_offered", "said_reason"]


def not_offered(reason: str, lang: Lang) -> str:
    """Why a read-only command is still not run (the {reason} of ``not_offered``)."""
    return phrase(f"exec.reason.{reason}", lang)


def is_net_reason(reason: str | None) -> bool:
    """Whether ``reason`` is a known reason a connection failed."""
    return reason is not None and has_phrase(f"exec.net.{reason}")


def said_reason(reason: str | None, lang: Lang) -> str:
    """The {reason} of ``unreachable`` and ``ssh``: ``": connection refused"`` ..., or ""
    when the reason is not known. Never the daemon's or the library's own text."""
    return f": {phrase(f'exec.net.{reason}', lang)}" if is_net_reason(reason) else ""


def grant(how: str, lang: Lang, *, role: str | None, op: str) -> str:
    """How to grant ``op`` (the {grant} of ``denied_op``): ``cli`` by the CLI's role,
    ``slack`` by a Slack user's role and the channel's operations, ``roles`` when no role
    lists it; another ``how`` is told the Slack way."""
    key = f"exec.grant.{how}" if has_phrase(f"exec.grant.{how}") else "exec.grant.slack"
    return phrase(key, lang, role=role, op=op)


def host_setting(lang: Lang) -> str:
    """The {setting} of an error that is not tied to one host."""
    return phrase("exec.default_setting", lang)
