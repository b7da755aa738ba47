"""Routed results as terminal text (``dockbot chat`` and ``dockbot ask``), wrapped at a width.

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
from bot.render.blockkit import unmark, w
from bot.render.blocks import error_text
from bot.render.exec_text import exec_result_text
from bot.render.explain_text import explanation_text
from bot.render.text import answer_text
from bot.render.wrap import wrap

TextSurface = Literal["chat", "ask"]

_HELP: dict[Lang, tuple[str, str, str, str, str]] = {
    "en": (
        "How to use dockbot {surface}",
        "  <question>          ask how to do something, e.g. run a container in the background\n"
        "  explain <command>   a flag-by-flag explanation, e.g. explain docker run -dp 80:80 "
        "nginx\n"
        "  docker ...          a pasted command is explained too",
        "; end a line with \\ to continue it\n"
        "  exit, Ctrl-D        leave; Ctrl-C clears the line being typed",
        "Status lookups you may run here: {ops} (hosts: {hosts})",
        "Docker status lookups are not available here.",
    ),
    "ko": (
        "dockbot {surface} 사용법",
        "  <질문>              도커로 무언가 하는 방법을 물어보세요. 예: 컨테이너를 백그라운드에서 "
        "실행하려면?\n"
        "  explain <명령어>    옵션 하나하나 설명. 예: explain docker run -dp 80:80 nginx\n"
        "  docker ...          명령어를 붙여넣어도 설명해요",
        ". 줄 끝에 \\ 를 쓰면 다음 줄로 이어져요\n"
        "  exit, Ctrl-D        나가기. Ctrl-C는 입력 중인 줄을 지워요",
        "여기서 조회할 수 있는 상태 명령: {ops} (호스트: {hosts})",
        "여기서는 도커 상태 조회를 쓸 수 없어요.",
    ),
}


def help_text(lang: Lang, ops: tuple[str, ...], hosts: tuple[str, ...],
              surface: TextSurface = "chat") -> str:
    """How to use the prompt (or ``dockbot ask``), and the lookups the operator may run."""
    title, body, chat_only, can, cannot = _HELP[lang]
    lines = title.format(surface=surface) + "\n" + body + (chat_only if surface == "chat" else "")
    if not ops:
        return f"{lines}\n{cannot}"
    return f"{lines}\n" + can.format(ops=", ".join(ops), hosts=", ".join("@" + h for h in hosts))


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
        return w(key, lang).format(op=result.op)
    if result.kind == "exec_done":
        return exec_result_text(result.result, color)
    if result.kind == "gaps":
        if result.report is None:
            return w("gaps_denied" if result.state == "denied" else "gaps_off", lang)
        from bot.kb.gaps import gaps_text

        return gaps_text(result.report)
    return error_text(result.error, lang)
