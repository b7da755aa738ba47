"""``dockbot chat``: an interactive prompt with line editing and history.

Each input goes through the same router as Slack's ``/docker`` (:func:`bot.intent.route`):
``help`` shows help, ``learn [N]`` a lesson of the onboarding course, ``explain
<command>`` or a pasted docker command is explained, an executor operation runs when the
executor allows it for the local operator (otherwise the reply says how it is enabled),
and anything else is a question. Results are rendered for the terminal
(:mod:`bot.render.reply_text`), wrapped at the terminal's width. When an answer's command
has a placeholder (``<container>``) and the executor lets the local operator list live
names, a numbered pick fills it in (the filled command is printed, never run).

At the prompt, Ctrl-C clears the line being typed (the session goes on), Ctrl-D on
an empty line ends the session, and lines ending with a backslash continue on the
next one, so a pasted multi-line command is one command. Uses the standard
library's readline where the platform has it.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from bot.lang import Lang, detect_lang
from bot.phrases import phrase
from bot.secrets import C0C1
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.fill import LiveNames
    from bot.intent import Result
    from bot.services import Services

_BYE = {"exit", "quit", ":q", "종료", "나가기"}
PROMPT = "dockbot> "
MORE = "... "
PICK_PROMPT = "# "
_GREETING = phrase("chat.greeting", "en") + "\n" + phrase("chat.greeting", "ko")


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


def commands(read: Callable[[str], str]) -> Iterator[str]:
    """Commands from ``read(prompt)`` (``input`` or a stand-in) until it raises EOFError.

    A line ending with a backslash continues on the next (read with the ``...`` prompt
    when it is not already there, as in a paste), so ``docker run -d \\`` followed by
    ``-p 80:80 nginx`` is one command. One read may hold several lines (a bracketed
    paste); each complete line is its own command.
    """
    pending: list[str] = []
    while True:
        if not pending:
            pending = read(PROMPT).splitlines() or [""]
        parts: list[str] = []
        line = pending.pop(0)
        while line.rstrip().endswith("\\"):
            parts.append(line.rstrip()[:-1].strip())
            if not pending:
                try:
                    pending = read(MORE).splitlines() or [""]
                except EOFError:
                    pending = [""]
            line = pending.pop(0)
        parts.append(line.strip())
        yield " ".join(p for p in parts if p)


def reply(line: str, services: Services, width: int | None = None) -> str:
    """The text chat prints for one input (a question, ``help``, ``explain ...``, a pasted
    command or an executor operation), routed as Slack's ``/docker`` routes it and wrapped
    at ``width`` columns."""
    return answer(line, services, width)[0]


def answer(line: str, services: Services,
           width: int | None = None) -> tuple[str, list[LiveNames]]:
    """:func:`reply`, and the live names that could fill the answer's command (when the
    executor is on and the local operator may list them)."""
    from bot.executor import Principal
    from bot.fill import offers
    from bot.intent import Exec, route, run_exec
    from bot.render.reply_text import reply_text

    color = sys.stdout.isatty() and not services.settings.no_color
    principal = Principal.cli()
    result: Result = route(services, C0C1.sub(" ", line), principal, surface="chat")
    if isinstance(result, Exec):
        result = run_exec(services, result, principal)
    text = reply_text(result, services.kb, color=color, width=width, surface="chat")
    best = result.answer.best if result.kind == "question" else None
    if best is None:
        return text, []
    found, _ = offers(services.executor, principal, best.command or best.entry.command)
    return text, found


def run_chat(settings: Settings, width: int | None = None) -> int:
    from bot.services import load_services

    services = load_services(settings, terminal=sys.stderr.isatty())
    interactive = sys.stdin.isatty()
    if interactive:
        _setup_history(settings.history_file)
        print(_GREETING)

    def read(prompt: str) -> str:
        return input(prompt if interactive else "")

    try:
        _loop(read, services, interactive, width)
    finally:
        services.close()
    return 0


def _loop(read: Callable[[str], str], services: Services, interactive: bool,
          width: int | None = None) -> None:
    source = commands(read)
    while True:
        mark = _history_length() if interactive else 0
        try:
            line = next(source)
        except KeyboardInterrupt:  # Ctrl-C while typing: drop the line, keep the session
            print(flush=True)
            source = commands(read)
            continue
        except EOFError:  # Ctrl-D or the end of the input
            if interactive:
                print(flush=True)  # the shell's prompt starts on a fresh line
            return
        if interactive:
            _remember(line, mark)
        if not line:
            continue
        if line.lower() in _BYE:
            return
        try:
            out, found = answer(line, services, width)
        except KeyboardInterrupt:  # Ctrl-C while answering: back to the prompt
            out, found = phrase("cli.chat.interrupted", detect_lang(line)), []
        print(out, flush=True)
        _offer_picks(read, found, detect_lang(line))


def _offer_picks(read: Callable[[str], str], found: list[LiveNames], lang: Lang) -> None:
    """One numbered pick per placeholder of the command, in order; each pick fills the
    command further and the command so far is printed (nothing is run)."""
    command: str | None = found[0].template if found else None
    for offer in found:
        if command is None:  # Ctrl-C or Ctrl-D at a pick: no more picks
            return
        command = _offer_pick(read, offer, lang, command)


def _offer_pick(read: Callable[[str], str], offer: LiveNames, lang: Lang,
                template: str) -> str | None:
    """A numbered pick of live names for ``offer``'s placeholder in ``template``; the
    filled command is printed and returned (``template`` when skipped, None on Ctrl-C or
    Ctrl-D), nothing is run."""
    from bot.fill import fill, numbered, slots

    token = dict(slots(template)).get(offer.kind)
    if token is None:
        return template
    print("\n".join([phrase("chat.fill.pick", lang, token=token), *numbered(offer.names)]),
          flush=True)
    try:
        choice = read(PICK_PROMPT).strip()
    except (EOFError, KeyboardInterrupt):
        print(flush=True)
        return None
    if not choice:
        return template
    if not choice.isdecimal() or not 1 <= int(choice[:4]) <= len(offer.names):
        print(phrase("chat.fill.skipped", lang, n=len(offer.names)), flush=True)
        return template
    filled = fill(template, offer.kind, offer.names[int(choice) - 1], lang)
    print(f"{phrase('chat.fill.ready', lang)}\n  {filled}", flush=True)
    return filled


def _history_length() -> int:
    try:
        import readline
    except ImportError:  # pragma: no cover - platforms without readline
        return 0
    return int(readline.get_current_history_length())


def _remember(line: str, mark: int) -> None:
    """Keep a continued command as one history item (readline stored each line)."""
    try:
        import readline
    except ImportError:  # pragma: no cover - platforms without readline
        return
    n = readline.get_current_history_length()
    if n - mark <= 1:
        return
    for pos in range(n - 1, mark - 1, -1):
        readline.remove_history_item(pos)
    readline.add_history(line)
