"""Routed results as terminal text (``dockbot chat``, ``ask`` and ``slash``), wrapped at a width.

Each kind from :mod:`bot.intent.results` has one rendering here; answers, explanations and
executor results reuse :mod:`bot.render.text`, :mod:`bot.render.explain_text` and
:mod:`bot.render.exec_text`. An :class:`~bot.intent.Exec` is shown as "running" only when
the caller prints before running it.
"""

from __future__ import annotations

from typing import Literal

from bot.intent.results import Result
from bot.kb.model import KnowledgeBase
from bot.lang import Lang
from bot.phrases import phrase
from bot.render.blockkit import unmark, w
from bot.render.blocks import error_text
from bot.render.exec_text import exec_result_text
from bot.render.explain_text import explanation_text
from bot.render.learn import lesson_text
from bot.render.text import answer_text
from bot.render.wrap import wrap

TextSurface = Literal["chat", "ask", "slash"]  # slash: what `/docker` replies, as text


def help_text(lang: Lang, ops: tuple[str, ...], hosts: tuple[str, ...],
              surface: TextSurface = "chat") -> str:
    """How to use the prompt, ``dockbot ask`` or ``/docker``, and the lookups the asker may
    run."""
    if surface == "slash":
        lines = phrase("cli.slash.help.title", lang) + "\n" + phrase("cli.slash.help.body", lang)
    else:
        lines = (phrase("chat.help.title", lang, surface=surface) + "\n"
                 + phrase("chat.help.body", lang))
    if surface == "chat":
        lines += phrase("chat.help.prompt", lang)
    if not ops:
        return f"{lines}\n{phrase('chat.help.cannot', lang)}"
    return f"{lines}\n" + phrase("chat.help.can", lang, ops=", ".join(ops),
                                  hosts=", ".join("@" + h for h in hosts))


def reply_text(
    result: Result, kb: KnowledgeBase, *, color: bool = False, width: int | None = None,
    surface: TextSurface = "chat",
) -> str:
    """The terminal text for a routed result, wrapped at ``width`` columns (None: not)."""
    return wrap(_text(result, kb, color, surface), width)


def _text(result: Result, kb: KnowledgeBase, color: bool, surface: TextSurface) -> str:
    lang = result.lang
    if result.kind == "help":
        return help_text(lang, result.ops, result.hosts, surface)
    if result.kind == "explain":
        return explanation_text(result.explanation, lang, color)
    if result.kind == "question":
        return answer_text(result.answer, kb, color)
    if result.kind == "exec":
        host = result.host or "default"
        return unmark(w("exec_running", lang).format(op=result.label, host=host))
    if result.kind == "exec_off":
        key = "exec_not_allowed" if result.enabled else "exec_off"
        return unmark(w(key, lang)).format(op=result.op)
    if result.kind == "exec_done":
        return exec_result_text(result.result, color)
    if result.kind == "gaps":
        if result.report is None:
            return w("gaps_denied" if result.state == "denied" else "gaps_off", lang)
        from bot.render.gaps_text import gaps_text

        return gaps_text(result.report, lang)
    if result.kind == "learn":
        return lesson_text(result.course, result.number, lang).rstrip("\n")
    return error_text(result.error, lang)
