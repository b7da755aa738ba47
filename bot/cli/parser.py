"""``dockbot``'s arguments: the parser, each sub-command's options, and the ``--help``
epilogs (examples and exit codes)."""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Sequence

from bot import __version__
from bot.lang import Lang, parse_lang


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
             "dockbot kb check knowledge/ team-knowledge/", "dockbot kb check --lang ko"],
            [(0, "no problems"), (1, "problems found, one per line"), _USAGE_ERROR],
        ),
    )
    chk.add_argument("--lang", type=_lang, help="problems in en (default) or ko; the "
                     "file:line: shape stays")
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
    imp.add_argument("--lang", type=_lang, help="messages in en (default) or ko")
    exp = kbsub.add_parser(
        "export", help="dump the loaded knowledge base", formatter_class=_FORMAT,
        epilog=_epilog(["dockbot kb export --json > kb.json"],
                       [(0, "printed"), (2, "the knowledge base has problems, or usage")]),
    )
    exp.add_argument("--json", action="store_true", required=True, help="as JSON")
    gap = kbsub.add_parser(
        "gaps", help="questions the question log shows were not answered", formatter_class=_FORMAT,
        epilog=_epilog(["dockbot kb gaps questions.log", "dockbot kb gaps --since 7d --json q.log",
                        "dockbot kb gaps --lang ko questions.log"],
                       [(0, "report printed"), (2, "a missing log, a bad --since, or usage")]),
    )
    gap.add_argument("--json", action="store_true", help="print one JSON object")
    gap.add_argument("--lang", type=_lang, help="the report in en (default) or ko")
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
        epilog=_epilog(['dockbot slash "explain docker ps -a"', "dockbot slash help --lang ko",
                        'dockbot slash "list images" --json'],
                       [(0, "printed"), (2, "bad settings or usage")]),
    )
    sl.add_argument("--json", action="store_true",
                    help="print the Block Kit message(s) Slack would get, one JSON per line")
    sl.add_argument("--lang", type=_lang, help="ko or en (default: the text's)")
    sl.add_argument("text", nargs="*", help="the text after /docker")
    return p
