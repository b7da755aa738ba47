"""The ``dockbot`` command: a thin shell over the library.

Parses arguments, calls the library, prints, returns an exit code. Library
errors (:class:`~bot.errors.DockbotError`) become one clear line on stderr
(or a JSON error object with ``--json``); nothing else reaches the user.
"""

from __future__ import annotations

import argparse
import difflib
import json
import shlex
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot import __version__
from bot.errors import DockbotError, InputError
from bot.lang import Lang, parse_lang
from bot.settings import Settings
from bot.textinput import read_lines

if TYPE_CHECKING:
    from bot.intent import Result
    from bot.services import Services


def _lang(value: str) -> Lang:
    try:
        lang = parse_lang(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    assert lang is not None
    return lang


def _port(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a TCP port (1-65535)")
    return int(value)


class _Parser(argparse.ArgumentParser):
    """argparse, with options allowed anywhere among a sub-command's words.

    A sub-command without sub-commands of its own is parsed with
    :meth:`~argparse.ArgumentParser.parse_known_intermixed_args`, so
    ``dockbot ask "list containers" --json`` takes ``--json`` as the option. An
    unknown option is refused (exit 2, naming it); everything after ``--`` is text.
    """

    _intermixed_active = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._subparsers is not None or self._intermixed_active:
            return super().parse_known_args(args, namespace)
        words = list(sys.argv[1:] if args is None else args)
        rest: list[str] = []
        if "--" in words:  # Python 3.11's intermixed parsing loses text after `--`
            cut = words.index("--")
            words, rest = words[:cut], words[cut + 1 :]
        self._intermixed_active = True
        try:
            ns, extras = self.parse_known_intermixed_args(words, namespace)
        finally:
            self._intermixed_active = False
        text = next((a for a in self._actions if not a.option_strings and a.nargs == "*"), None)
        if rest and text is not None:
            setattr(ns, text.dest, [*getattr(ns, text.dest), *rest])
        elif rest:
            extras += rest
        if extras:
            self._refuse(extras[0])
        return ns, extras

    def _refuse(self, word: str) -> None:
        if not word.startswith("-"):
            self.error(f"unexpected argument {word!r}")
        name = word.split("=", 1)[0]
        known = [s for a in self._actions for s in a.option_strings]
        close = difflib.get_close_matches(name, known, n=1)
        guess = f" (did you mean {close[0]}?)" if close else ""
        self.error(
            f"unknown option {name}{guess}; for text that starts with a dash, quote the "
            f"whole text or put it after `--` ({self.prog} -- {word} ...)"
        )


_FORMAT = argparse.RawDescriptionHelpFormatter

_OPERATIONS_MARK = "{operations}"


class _ExecFormat(_FORMAT):
    """``dockbot exec --help``: the operation table is read only when help is shown."""

    def add_text(self, text: str | None) -> None:
        if text and _OPERATIONS_MARK in text:
            from bot.executor.operations import help_lines

            listing = "operations (optionally @alias):\n" + "\n".join(help_lines())
            text = text.replace(_OPERATIONS_MARK, listing)
        super().add_text(text)


_IMPORT_FORMAT = """\
Turn markdown notes into draft knowledge entries to review. Input, line by line:

  ## Section                      a heading: the `source` of the entries below it
  docker image ls  - list images  a command, a separator (" - ", " : ", a tab), a description
  docker run -d -p 80:80 {image}  a command on its own line (also `$ docker ...`, in ``` fences)
  -d        - run in background   a flag of the command above, with its meaning
  {image}   - the image to run    an argument note, added to the explanation
  Dockerfile  - build recipe      "term - description" outside a command: a concept

Every other line is skipped with a warning on stderr (file:line). Text in the other
language is left as TODO, so `dockbot kb check` rejects the draft until it is reviewed."""


def _epilog(examples: Sequence[str], codes: Sequence[tuple[int, str]]) -> str:
    """The end of a sub-command's ``--help``: examples and exit codes."""
    lines = ["examples:", *(f"  {e}" for e in examples), "", "exit codes:"]
    lines += [f"  {code}  {meaning}" for code, meaning in codes]
    return "\n".join(lines)


_USAGE_ERROR = (2, "bad input or usage (unknown option, missing text)")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="dockbot",
        description="A Docker cheat-sheet assistant: ask in Korean or English, explain a "
        "command, look up status.",
    )
    p.add_argument("--version", action="version", version=f"dockbot {__version__}")
    sub = p.add_subparsers(dest="cmd", metavar="COMMAND", parser_class=_Parser)

    ask = sub.add_parser(
        "ask", help="answer a Docker question (Korean or English)", formatter_class=_FORMAT,
        epilog=_epilog(
            ['dockbot ask "컨테이너를 백그라운드에서 실행하려면?"',
             'dockbot ask "how to list containers" --json --lang ko',
             "dockbot ask -- -d 옵션이 뭐야",
             "dockbot ask --json --batch questions.txt"],
            [(0, "a confident answer (always 0 with --batch: errors are JSON lines)"),
             (1, "not sure: suggestions instead of an answer"),
             (2, "bad input (empty, too long, binary) or usage (unknown option)")],
        ),
    )
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    ask.add_argument("--lang", type=_lang, help="answer in ko or en (default: the question's)")
    ask.add_argument(
        "--batch", metavar="FILE", help="one question per line (- for stdin); JSON lines out"
    )
    ask.add_argument("question", nargs="*", help="the question (after -- when it starts with -)")

    sub.add_parser(
        "chat", help="interactive prompt (line editing and history)", formatter_class=_FORMAT,
        epilog=_epilog(
            ["dockbot chat", "printf 'help\\nlist images\\n' | dockbot chat"],
            [(0, "the session ended (exit, Ctrl-D or end of input)"),
             (2, "bad settings or knowledge base")],
        ),
    )

    kb = sub.add_parser("kb", help="knowledge base tools")
    kbsub = kb.add_subparsers(dest="kbcmd", metavar="KBCOMMAND", parser_class=_Parser)
    chk = kbsub.add_parser(
        "check", help="validate knowledge files (file:line: message)", formatter_class=_FORMAT,
        epilog=_epilog(
            ["dockbot kb check", "dockbot kb check knowledge/container.yml",
             "dockbot kb check knowledge/ team-knowledge/"],
            [(0, "no problems"), (1, "problems found, one per line"), _USAGE_ERROR],
        ),
    )
    chk.add_argument("paths", nargs="*", metavar="PATH",
                     help="folders (combined in order) or one file (default: every folder "
                     "of DOCKBOT_KNOWLEDGE)")
    imp = kbsub.add_parser(
        "import", help="turn markdown notes into draft entries to review",
        formatter_class=_FORMAT, description=_IMPORT_FORMAT,
        epilog=_epilog(
            ["dockbot kb import notes.md -o knowledge/drafts.yml",
             "dockbot kb import - < notes.md"],
            [(0, "draft written (skipped lines and id clashes are warned about on stderr)"),
             (2, "no input, nothing importable, unreadable file or usage")],
        ),
    )
    imp.add_argument("notes", help="markdown file (- for stdin)")
    imp.add_argument("-o", "--output", help="write the YAML here instead of stdout")
    exp = kbsub.add_parser(
        "export", help="dump the loaded knowledge base", formatter_class=_FORMAT,
        epilog=_epilog(["dockbot kb export --json > kb.json"],
                       [(0, "printed"), (2, "the knowledge base has problems, or usage")]),
    )
    exp.add_argument("--json", action="store_true", required=True, help="as JSON")
    gap = kbsub.add_parser(
        "gaps", help="questions the question log shows were not answered", formatter_class=_FORMAT,
        epilog=_epilog(["dockbot kb gaps questions.log", "dockbot kb gaps --since 7d --json q.log"],
                       [(0, "report printed"), (2, "a missing log, a bad --since, or usage")]),
    )
    gap.add_argument("--json", action="store_true", help="print one JSON object")
    gap.add_argument("--since", metavar="DURATION", help="only questions this recent (7d, 12h)")
    gap.add_argument("logs", nargs="+", metavar="LOG", help="question log files (- for stdin)")

    ex = sub.add_parser(
        "explain", help="explain a docker command flag by flag", formatter_class=_FORMAT,
        epilog=_epilog(
            ['dockbot explain "docker run -d -p 80:80 nginx"',
             'dockbot explain "docker run -d nginx" --json',
             "dockbot explain --lang ko -- docker ps -a"],
            [(0, "explained"), (2, "not a docker command, bad input or usage")],
        ),
    )
    ex.add_argument("--json", action="store_true", help="print one JSON object")
    ex.add_argument("--lang", type=_lang, help="ko or en (default: en, or ko if Hangul present)")
    ex.add_argument(
        "command", nargs="*", help='quoted, or after --: "docker run -dp 80:80 web"'
    )

    run = sub.add_parser(
        "exec", help="run a read-only status operation (opt-in)", formatter_class=_ExecFormat,
        epilog=_OPERATIONS_MARK + "\n\n" + _epilog(
            ['dockbot exec "ps -a"', 'dockbot exec --json --host prod "image ls"'],
            [(0, "ok"), (2, "refused, disabled, not allowed or usage"),
             (3, "host unreachable, timeout or busy")],
        ),
    )
    run.add_argument("--json", action="store_true", help="print one JSON object")
    run.add_argument("--host", help="host alias from the config file")
    run.add_argument("text", nargs="*", help='quoted, or after --: "ps -a" or "image ls"')

    srv = sub.add_parser(
        "serve", help="run the Slack app (Socket Mode or HTTP)", formatter_class=_FORMAT,
        epilog=_epilog(
            ["dockbot serve --port 3000  # HTTP mode: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET set",
             "dockbot serve              # Socket Mode when SLACK_APP_TOKEN is set"],
            [(0, "stopped"), (2, "missing or malformed settings (the variable is named)")],
        ),
    )
    srv.add_argument("--host", default="127.0.0.1", help="HTTP mode bind address")
    srv.add_argument("--port", type=_port, default=3000, help="HTTP mode port (1-65535)")

    lrn = sub.add_parser(
        "learn", help="the onboarding course, one lesson at a time", formatter_class=_FORMAT,
        epilog=_epilog(["dockbot learn", "dockbot learn 3 --lang en",
                        "dockbot learn 3 --answer 2"],
                       [(0, "the lesson was shown (or the answer was right)"),
                        (1, "the answer was wrong"), (2, "no such lesson or option")]),
    )
    lrn.add_argument("number", nargs="?", type=int, default=1, help="lesson number (default 1)")
    lrn.add_argument("--lang", type=_lang, default="ko", help="ko (default) or en")
    lrn.add_argument("--answer", type=int, metavar="OPTION", help="answer the quick check")

    sl = sub.add_parser(
        "slash", help="print what `/docker TEXT` would reply in Slack", formatter_class=_FORMAT,
        epilog=_epilog(['dockbot slash "explain docker ps -a"', "dockbot slash help --lang ko"],
                       [(0, "printed"), (2, "bad settings or usage")]),
    )
    sl.add_argument("--lang", type=_lang, help="ko or en")
    sl.add_argument("text", nargs="*", help="the text after /docker")
    return p


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def _dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _color(settings: Settings) -> bool:
    return sys.stdout.isatty() and not settings.no_color


def _width(settings: Settings) -> int | None:
    """Where terminal text wraps: DOCKBOT_WIDTH, else the terminal's width when stdout is a
    terminal; piped output is not wrapped."""
    if settings.width is not None:
        return settings.width or None
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def _ask_route(services: Services, text: str, lang: Lang | None) -> Result:
    """``dockbot ask`` routes like chat, but never runs an executor operation ("ps" is a
    question) and empty text is a bad question, not help."""
    from bot.executor import Principal
    from bot.intent import route

    return route(services, text, Principal.cli(), lang, surface="ask", operations=False,
                 blank_is_help=False)


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.render.json_reply import ask_exit_code, ask_json
    from bot.render.reply_text import reply_text
    from bot.services import load_services

    services = load_services(settings)
    if args.batch:
        if args.question:
            raise InputError("Give either --batch FILE or a question, not both.")
        for line in read_lines(args.batch):
            _out(_dumps(ask_json(_ask_route(services, line, args.lang), line)))
        return 0
    question = " ".join(args.question)
    result = _ask_route(services, question, args.lang)
    if args.json:
        _out(_dumps(ask_json(result, question)))
    elif result.kind == "error":
        raise result.error
    else:
        _out(reply_text(result, services.kb, color=_color(settings), width=_width(settings),
                        surface="ask"))
    return ask_exit_code(result)


def cmd_kb(args: argparse.Namespace, settings: Settings) -> int:
    from bot.kb.check import check_knowledge, load_knowledge, shown_path

    if args.kbcmd == "check":
        from bot.kb.check import check_path

        given = [Path(p) for p in args.paths]
        folders = given or list(settings.knowledge_folders)
        result = check_path(folders if len(folders) > 1 else folders[0],
                            within=settings.knowledge_folders)
        where = ", ".join(shown_path(p) for p in folders)
        problems = list(result.problems)
        course = None
        from bot.settings import default_knowledge_dir

        bundled = default_knowledge_dir().resolve()
        # the course follows the bundled knowledge base: checked with it
        if not given and any(p.resolve() == bundled for p in folders):
            from bot.learn import check_course

            course, course_problems = check_course(kb=result.kb, shown="bot/learn/course.yml")
            problems = [*problems, *course_problems]
        for notice in result.notices:
            _out(f"{notice.file}:{notice.line}: note: {notice.message}")
        for problem in problems:
            _out(str(problem))
        if problems:
            _err(f"{len(problems)} problem(s) found in {where}.")
            return 1
        _out(f"ok: {len(result.kb)} entries in {where}"
             + (f"; {len(course)} lessons in the course" if course else ""))
        return 0
    if args.kbcmd == "import":
        from bot.kb.notes_import import import_draft

        name = "stdin" if args.notes == "-" else shown_path(Path(args.notes))
        text = "\n".join(read_lines(args.notes))
        kb, _ = check_knowledge(settings.knowledge_folders)  # ids to clash with, even unchecked
        existing = {e.id: f"{e.file}:{e.line}" for e in kb}
        imported = import_draft(text, source_name=name, existing=existing)
        for warning in imported.warnings:
            _err(f"dockbot: warning: {warning}")
        if args.output:
            Path(args.output).write_text(imported.draft, encoding="utf-8")
            _err(f"wrote {imported.count} draft entries to {args.output}; review them, "
                 "then run `dockbot kb check`")
        else:
            _out(imported.draft.rstrip("\n"))
        return 0
    if args.kbcmd == "export":
        kb = load_knowledge(settings.knowledge_folders)
        _out(_dumps(kb.to_dict()))
        return 0
    if args.kbcmd == "gaps":
        from bot.kb.gaps import gaps_report, gaps_text

        report = gaps_report(args.logs, args.since, settings)
        _out(_dumps(report.to_dict()) if args.json else gaps_text(report))
        return 0
    _err("usage: dockbot kb {check,import,export,gaps} ...")
    return 2


def _text_lang(text: str, forced: Lang | None) -> Lang:
    from bot.lang import detect_lang

    return forced or detect_lang(text)


def cmd_explain(args: argparse.Namespace, settings: Settings) -> int:
    from bot.explain import explain
    from bot.render.explain_text import explanation_text
    from bot.render.wrap import wrap

    # one quoted argument is the command as typed; several were split by the shell
    words = args.command
    if not words:
        raise InputError(
            "There is no command to explain.", hint='Try: dockbot explain "docker ps -a"'
        )
    line = words[0] if len(words) == 1 else shlex.join(words)
    lang = _text_lang(line, args.lang)
    try:
        expl = explain(line, lang)
    except DockbotError as exc:
        if args.json:
            from bot.explain import mask_command

            _out(_dumps({"command": mask_command(line), **exc.to_dict()}))
            return exc.exit_code
        raise
    if args.json:
        _out(_dumps(expl.to_dict()))
    else:
        _out(wrap(explanation_text(expl, lang, _color(settings)), _width(settings)))
    return 0


def cmd_exec(args: argparse.Namespace, settings: Settings) -> int:
    from bot.executor import Principal, build_executor
    from bot.render.exec_text import exec_result_text

    text = " ".join(args.text)
    executor = build_executor(settings, terminal=sys.stderr.isatty())
    try:
        result = executor.run(text, Principal.cli(), args.host)
    except DockbotError as exc:
        if args.json:
            _out(_dumps(exc.to_dict()))
            return exc.exit_code
        raise
    finally:
        executor.close()
    if args.json:
        _out(_dumps(result.to_dict()))
    else:
        _out(exec_result_text(result, _color(settings)))
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from bot.slack.server import serve

    return serve(settings, args.host, args.port)


def cmd_slash(args: argparse.Namespace, settings: Settings) -> int:
    from bot.services import load_services
    from bot.slack.router import preview

    services = load_services(settings, terminal=sys.stderr.isatty())
    try:
        _out(preview(services, " ".join(args.text), args.lang))
    finally:
        services.close()
    return 0


def cmd_learn(args: argparse.Namespace, settings: Settings) -> int:
    from bot.learn import load_course
    from bot.render.learn import lesson_text

    course = load_course()
    lesson = course.lesson(args.number, args.lang)
    graded = None if args.answer is None else lesson.grade(args.answer - 1, args.lang)
    _out(lesson_text(course, args.number, args.lang, graded).rstrip("\n"))
    return 1 if graded is not None and not graded.right else 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.chat import run_chat

    return run_chat(settings, _width(settings))


_COMMANDS = {
    "ask": cmd_ask,
    "kb": cmd_kb,
    "explain": cmd_explain,
    "exec": cmd_exec,
    "serve": cmd_serve,
    "slash": cmd_slash,
    "chat": cmd_chat,
    "learn": cmd_learn,
}


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.cmd is None:
        parser.print_help()
        return 2
    try:
        settings = Settings.from_env()
        return _COMMANDS[args.cmd](args, settings)
    except DockbotError as exc:
        _err(f"dockbot: {exc.user_text()}")
        return exc.exit_code
    except KeyboardInterrupt:
        _err("dockbot: interrupted")
        return 130
    except BrokenPipeError:
        return 0
