"""``dockbot chat``: an interactive prompt with line editing and history.

Questions go to the matcher; a pasted docker command line is explained.
Uses the standard library's readline where the platform has it.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import DockbotError
from bot.lang import detect_lang
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.services import Services

_BYE = {"exit", "quit", ":q", "종료", "나가기"}
_GREETING = (
    "dockbot chat. Ask about Docker in Korean or English, or paste a docker command to "
    "explain it. Type exit to leave.\n"
    "도커에 대해 한국어나 영어로 물어보세요. docker 명령어를 붙여넣으면 설명해 드려요. "
    "나가려면 exit."
)


def _setup_history(path: Path | None) -> None:
    try:
        import readline
    except ImportError:  # pragma: no cover - platforms without readline
        return
    if path is None:
        return
    try:
        if path.exists():
            readline.read_history_file(path)
    except OSError:
        pass
    readline.set_history_length(1000)
    import atexit

    def save() -> None:
        with contextlib.suppress(OSError):
            readline.write_history_file(path)

    atexit.register(save)


def reply(line: str, services: Services) -> str:
    """The text chat prints for one input line."""
    from bot.explain import explain, looks_like_command
    from bot.questionlog import record
    from bot.render.explain_text import explanation_text
    from bot.render.text import answer_text
    color = sys.stdout.isatty() and not services.settings.no_color
    try:
        if looks_like_command(line):
            lang = detect_lang(line)
            return explanation_text(explain(line, lang), lang, color)
        answer = services.matcher.ask(line)
        record(services.settings, answer, "chat")
        return answer_text(answer, services.kb, color)
    except DockbotError as exc:
        return exc.user_text()


def run_chat(settings: Settings) -> int:
    from bot.services import load_services

    services = load_services(settings)
    interactive = sys.stdin.isatty()
    if interactive:
        _setup_history(settings.history_file)
        print(_GREETING)
    while True:
        try:
            line = input("dockbot> " if interactive else "")
        except EOFError:
            break
        line = line.strip()
        if not line:
            continue
        if line.lower() in _BYE:
            break
        print(reply(line, services), flush=True)
    return 0
