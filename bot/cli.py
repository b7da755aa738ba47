"""The ``dockbot`` command: a thin shell over the library.

Parses arguments, calls the library, prints, returns an exit code. Library
errors (:class:`~bot.errors.DockbotError`) become one clear line on stderr
(or a JSON error object with ``--json``); nothing else reaches the user.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from bot import __version__
from bot.errors import DockbotError, InputError
from bot.lang import Lang, parse_lang
from bot.settings import Settings


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


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="dockbot",
        description="A Docker cheat-sheet assistant: ask in Korean or English, explain a "
        "command, look up status.",
    )
    p.add_argument("--version", action="version", version=f"dockbot {__version__}")
    sub = p.add_subparsers(dest="cmd", metavar="COMMAND")

    ask = sub.add_parser("ask", help="answer a Docker question (Korean or English)")
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    ask.add_argument("--lang", type=_lang, help="answer in ko or en (default: the question's)")
    ask.add_argument(
        "--batch", metavar="FILE", help="one question per line (- for stdin); JSON lines out"
    )
    ask.add_argument("question", nargs=argparse.REMAINDER, help="the question (after options)")

    sub.add_parser("chat", help="interactive prompt (line editing and history)")

    kb = sub.add_parser("kb", help="knowledge base tools")
    kbsub = kb.add_subparsers(dest="kbcmd", metavar="KBCOMMAND")
    chk = kbsub.add_parser("check", help="validate knowledge files (file:line: message)")
    chk.add_argument("path", nargs="?", help="folder or file (default: the knowledge base)")
    imp = kbsub.add_parser("import", help="turn markdown notes into draft entries to review")
    imp.add_argument("notes", help="markdown file (- for stdin)")
    imp.add_argument("-o", "--output", help="write the YAML here instead of stdout")
    exp = kbsub.add_parser("export", help="dump the loaded knowledge base")
    exp.add_argument("--json", action="store_true", required=True, help="as JSON")
    gap = kbsub.add_parser("gaps", help="questions the question log shows were not answered")
    gap.add_argument("--json", action="store_true", help="print one JSON object")
    gap.add_argument("--since", metavar="DURATION", help="only questions this recent (7d, 12h)")
    gap.add_argument("logs", nargs="+", metavar="LOG", help="question log files (- for stdin)")

    ex = sub.add_parser("explain", help="explain a docker command flag by flag")
    ex.add_argument("--json", action="store_true", help="print one JSON object")
    ex.add_argument("--lang", type=_lang, help="ko or en (default: en, or ko if Hangul present)")
    ex.add_argument(
        "command", nargs=argparse.REMAINDER, help='e.g. "docker run -dp 80:80 web"'
    )

    run = sub.add_parser("exec", help="run a read-only status operation (opt-in)")
    run.add_argument("--json", action="store_true", help="print one JSON object")
    run.add_argument("--host", help="host alias from the config file")
    run.add_argument("text", nargs=argparse.REMAINDER, help='e.g. "ps -a" or "image ls"')

    srv = sub.add_parser("serve", help="run the Slack app (Socket Mode or HTTP)")
    srv.add_argument("--host", default="127.0.0.1", help="HTTP mode bind address")
    srv.add_argument("--port", type=_port, default=3000, help="HTTP mode port (1-65535)")

    sl = sub.add_parser("slash", help="print what `/docker TEXT` would reply in Slack")
    sl.add_argument("--lang", type=_lang, help="ko or en (before TEXT)")
    sl.add_argument("text", nargs=argparse.REMAINDER, help="the text after /docker")
    return p


# options of the commands whose free text may itself start with a dash
# (`dockbot ask -d 옵션이 뭐야`, `dockbot exec ps -a`): True when the option takes a value
_TEXT_COMMANDS: dict[str, dict[str, bool]] = {
    "ask": {"--json": False, "--lang": True, "--batch": True},
    "explain": {"--json": False, "--lang": True},
    "exec": {"--json": False, "--host": True},
    "slash": {"--lang": True},
}


def _mark_text(argv: list[str]) -> list[str]:
    """Insert ``--`` where a text command's own options end, so the text is never
    mistaken for options."""
    if not argv or argv[0] not in _TEXT_COMMANDS or "--" in argv:
        return argv
    opts = _TEXT_COMMANDS[argv[0]]
    i = 1
    while i < len(argv):
        name = argv[i].split("=", 1)[0]
        if argv[i] in ("-h", "--help"):
            return argv
        if name not in opts:
            break
        i += 2 if opts[name] and "=" not in argv[i] else 1
    if i >= len(argv):
        return argv
    return [*argv[:i], "--", *argv[i:]]


def _words(items: list[str]) -> list[str]:
    """The free text of a command, without the ``--`` that ends the options."""
    return items[1:] if items[:1] == ["--"] else items


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


def _lines(source: str) -> Iterator[str]:
    """Lines of a file or stdin, decoded leniently (bad bytes become U+FFFD)."""
    stream: IO[bytes]
    if source == "-":
        stream = sys.stdin.buffer
    else:
        try:
            stream = Path(source).open("rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise InputError(
                f"Cannot read {source!r}: {exc.strerror}.", hint="Check the file path."
            ) from exc
    try:
        for raw in stream:
            yield raw.decode("utf-8", errors="replace").rstrip("\r\n")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.questionlog import record
    from bot.render.text import answer_text
    from bot.services import load_services

    services = load_services(settings)
    if args.batch:
        if _words(args.question):
            raise InputError("Give either --batch FILE or a question, not both.")
        for line in _lines(args.batch):
            try:
                batch_answer = services.matcher.ask(line, args.lang)
                record(settings, batch_answer, "ask")
                obj: dict[str, Any] = batch_answer.to_dict()
            except DockbotError as exc:
                obj = {"query": line, **exc.to_dict()}
            _out(_dumps(obj))
        return 0
    question = " ".join(_words(args.question))
    try:
        answer = services.matcher.ask(question, args.lang)
    except DockbotError as exc:
        if args.json:
            _out(_dumps({"query": question, **exc.to_dict()}))
            return exc.exit_code
        raise
    record(settings, answer, "ask")
    if args.json:
        _out(_dumps(answer.to_dict()))
    else:
        _out(answer_text(answer, services.kb, _color(settings)))
    return 0 if answer.confident else 1


def cmd_kb(args: argparse.Namespace, settings: Settings) -> int:
    from bot.kb.check import check_knowledge, load_knowledge

    if args.kbcmd == "check":
        path = Path(args.path) if args.path else settings.knowledge_dir
        kb, problems = check_knowledge(path)
        for problem in problems:
            _out(str(problem))
        if problems:
            _err(f"{len(problems)} problem(s) found in {path}.")
            return 1
        _out(f"ok: {len(kb)} entries in {path}")
        return 0
    if args.kbcmd == "import":
        from bot.kb.notes_import import import_notes

        text = "\n".join(_lines(args.notes))
        draft = import_notes(text, source_name=Path(args.notes).name)
        if args.output:
            Path(args.output).write_text(draft, encoding="utf-8")
            _err(f"wrote draft entries to {args.output}; review them, then run `dockbot kb check`")
        else:
            _out(draft.rstrip("\n"))
        return 0
    if args.kbcmd == "export":
        kb = load_knowledge(settings.knowledge_dir)
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

    # one quoted argument is the command as typed; several were split by the shell
    words = _words(args.command)
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
        _out(explanation_text(expl, lang, _color(settings)))
    return 0


def cmd_exec(args: argparse.Namespace, settings: Settings) -> int:
    from bot.executor import Principal, build_executor
    from bot.render.exec_text import exec_result_text

    text = " ".join(_words(args.text))
    executor = build_executor(settings)
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

    services = load_services(settings)
    try:
        _out(preview(services, " ".join(_words(args.text)), args.lang))
    finally:
        services.close()
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.chat import run_chat

    return run_chat(settings)


_COMMANDS = {
    "ask": cmd_ask,
    "kb": cmd_kb,
    "explain": cmd_explain,
    "exec": cmd_exec,
    "serve": cmd_serve,
    "slash": cmd_slash,
    "chat": cmd_chat,
}


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(_mark_text(list(sys.argv[1:] if argv is None else argv)))
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
