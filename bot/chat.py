"""``dockbot chat``: an interactive prompt with line editing and history.

Each input goes through the same router as Slack's ``/docker``
(:func:`bot.slack.router.route`): ``help`` shows help, ``explain <command>`` or a
pasted docker command is explained, an executor operation runs when the executor
allows it for the local operator (otherwise the reply says how it is enabled), and
anything else is a question. Answers and explanations are rendered for the terminal.

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
from typing import TYPE_CHECKING, Any

from bot.errors import DockbotError, InputError
from bot.lang import Lang, detect_lang
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.fill import LiveNames
    from bot.services import Services
    from bot.slack.router import Routed

_BYE = {"exit", "quit", ":q", "종료", "나가기"}
PROMPT = "dockbot> "
MORE = "... "
PICK_PROMPT = "# "
_GREETING = (
    "dockbot chat. Ask about Docker in Korean or English, paste a docker command to explain "
    "it, or type help. exit or Ctrl-D leaves.\n"
    "도커에 대해 한국어나 영어로 물어보세요. docker 명령어를 붙여넣으면 설명해 드려요. "
    "도움말은 help, 나가려면 exit 또는 Ctrl-D."
)
_HELP: dict[Lang, tuple[str, str, str]] = {
    "en": (
        "How to use dockbot chat\n"
        "  <question>          ask how to do something, e.g. run a container in the background\n"
        "  explain <command>   a flag-by-flag explanation, e.g. explain docker run -dp 80:80 "
        "nginx\n"
        "  docker ...          a pasted command is explained too; end a line with \\ to "
        "continue it\n"
        "  learn [N]           lesson N of the onboarding course (answer with dockbot learn N "
        "--answer K)\n"
        "  exit, Ctrl-D        leave; Ctrl-C clears the line being typed",
        "Status lookups you may run here: {ops} (hosts: {hosts})",
        "Docker status lookups are not available here.",
    ),
    "ko": (
        "dockbot chat 사용법\n"
        "  <질문>              도커로 무언가 하는 방법을 물어보세요. 예: 컨테이너를 백그라운드에서 "
        "실행하려면?\n"
        "  explain <명령어>    옵션 하나하나 설명. 예: explain docker run -dp 80:80 nginx\n"
        "  docker ...          명령어를 붙여넣어도 설명해요. 줄 끝에 \\ 를 쓰면 다음 줄로 "
        "이어져요\n"
        "  배우기 [번호]       온보딩 코스의 수업 보기 (답은 dockbot learn 번호 --answer 보기)\n"
        "  exit, Ctrl-D        나가기. Ctrl-C는 입력 중인 줄을 지워요",
        "여기서 조회할 수 있는 상태 명령: {ops} (호스트: {hosts})",
        "여기서는 도커 상태 조회를 쓸 수 없어요.",
    ),
}


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


def _wire(text: str) -> str:
    """Text as Slack would send it (``& < >`` escaped), so the router reads it verbatim."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _help_text(services: Services, lang: Lang) -> str:
    from bot.executor import Principal
    from bot.slack.access import allowed_ops

    body, can, cannot = _HELP[lang]
    ops, hosts = allowed_ops(services.executor, Principal.cli())
    if not ops:
        return f"{body}\n{cannot}"
    return f"{body}\n" + can.format(ops=", ".join(ops), hosts=", ".join("@" + h for h in hosts))


def reply(line: str, services: Services) -> str:
    """The text chat prints for one input (a question, ``help``, ``explain ...``, a pasted
    command or an executor operation), routed as Slack's ``/docker`` routes it."""
    return answer(line, services)[0]


def answer(line: str, services: Services) -> tuple[str, list[LiveNames]]:
    """:func:`reply`, and the live names that could fill the answer's command (when the
    executor is on and the local operator may list them)."""
    from bot.fill import offers

    text, routed = _route_reply(line, services)
    best = routed.answer.best if routed is not None and routed.answer is not None else None
    if best is None:
        return text, []
    from bot.executor import Principal

    found, _ = offers(services.executor, Principal.cli(), best.command or best.entry.command)
    return text, found


def _route_reply(line: str, services: Services) -> tuple[str, Routed | None]:
    from bot.executor import Principal
    from bot.explain import explain
    from bot.render.blockkit import plain_text
    from bot.render.explain_text import explanation_text
    from bot.render.text import answer_text
    from bot.slack.router import EXPLAIN_WORDS, route, run_job, slack_text

    color = sys.stdout.isatty() and not services.settings.no_color
    principal = Principal.cli()
    if len(line.split()) == 1 and line.strip().lower() in EXPLAIN_WORDS:
        return InputError(
            "There is no command to explain.", hint="Write it after explain: explain docker ps -a"
        ).user_text(), None
    text = _wire(line)
    clean = slack_text(text)
    routed = route(services, text, principal, surface="chat")
    lang = routed.lang
    try:
        if routed.kind == "help":
            return _help_text(services, lang), routed
        if routed.kind == "question" and routed.answer is not None:
            return answer_text(routed.answer, services.kb, color), routed
        if routed.kind == "learn":
            from bot.learn import load_course
            from bot.render.learn import lesson_text

            words = clean.split()
            number = int(words[1][:6]) if len(words) > 1 else 1
            return lesson_text(load_course(), number, lang).rstrip("\n"), routed
        if routed.kind == "explain":
            head, _, rest = clean.partition(" ")
            command = rest.strip() if head.lower() in EXPLAIN_WORDS else clean
            return explanation_text(explain(command, lang), lang, color), routed
        msg: Any = routed.message
        if routed.job is not None:
            msg = run_job(services, routed.job, principal)
        return str(plain_text(msg)).rstrip("\n"), routed
    except DockbotError as exc:
        return exc.user_text(), None


def run_chat(settings: Settings) -> int:
    from bot.services import load_services

    services = load_services(settings, terminal=sys.stderr.isatty())
    interactive = sys.stdin.isatty()
    if interactive:
        _setup_history(settings.history_file)
        print(_GREETING)

    def read(prompt: str) -> str:
        return input(prompt if interactive else "")

    try:
        _loop(read, services, interactive)
    finally:
        services.close()
    return 0


def _loop(read: Callable[[str], str], services: Services, interactive: bool) -> None:
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
            out, found = answer(line, services)
        except KeyboardInterrupt:  # Ctrl-C while answering: back to the prompt
            out, found = "interrupted", []
        print(out, flush=True)
        for offer in found[:1]:
            _offer_pick(read, offer, detect_lang(line))


def _offer_pick(read: Callable[[str], str], offer: LiveNames, lang: Lang) -> None:
    """A numbered pick of live names; the filled command is printed, nothing is run."""
    from bot.fill import fill, numbered, slots

    token = dict(slots(offer.template)).get(offer.kind, f"<{offer.kind}>")
    head = (f"{token} 자리에 넣을 이름 번호를 고르세요 (Enter: 건너뛰기):" if lang == "ko"
            else f"Fill {token} with a live name: type its number (Enter to skip):")
    print("\n".join([head, *numbered(offer.names)]), flush=True)
    try:
        choice = read(PICK_PROMPT).strip()
    except (EOFError, KeyboardInterrupt):
        print(flush=True)
        return
    if not choice:
        return
    if not choice.isdecimal() or not 1 <= int(choice[:4]) <= len(offer.names):
        print(f"1-{len(offer.names)} 사이의 번호가 아니라서 건너뛰었어요." if lang == "ko" else
              f"Not a number from 1 to {len(offer.names)}; skipped.", flush=True)
        return
    filled = fill(offer.template, offer.kind, offer.names[int(choice) - 1], lang)
    ready = ("복사해서 쓰세요 (아무것도 실행하지 않았어요):" if lang == "ko"
             else "Ready to copy (nothing was run):")
    print(f"{ready}\n  {filled}", flush=True)


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
