"""The ``dockbot`` command: a thin shell over the library.

Parses arguments (:mod:`bot.cli.parser`), calls the library (:mod:`bot.cli.commands`,
:mod:`bot.cli.kb`), prints (:mod:`bot.cli.output`), returns an exit code. Library
errors (:class:`~bot.errors.DockbotError`) become one clear line on stderr
(or a JSON error object with ``--json``); nothing else reaches the user.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from bot.cli.commands import (
    cmd_ask,
    cmd_chat,
    cmd_exec,
    cmd_explain,
    cmd_learn,
    cmd_serve,
    cmd_slash,
)
from bot.cli.kb import cmd_kb
from bot.cli.output import err
from bot.cli.parser import build_parser
from bot.errors import DockbotError
from bot.lang import detect_lang
from bot.phrases import phrase
from bot.settings import Settings

__all__ = ["build_parser", "main"]

_COMMANDS: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
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
    words = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(words)
    if args.cmd is None:
        parser.print_help()
        return 2
    try:
        settings = Settings.from_env()
        return _COMMANDS[args.cmd](args, settings)
    except DockbotError as exc:  # said in --lang when the command has it and it was given
        lang = getattr(args, "lang", None)
        err(f"dockbot: {exc.text_in(lang) if lang else exc.user_text()}")
        return exc.exit_code
    except KeyboardInterrupt:
        err(phrase("cli.interrupted", getattr(args, "lang", None) or detect_lang(" ".join(words))))
        return 130
    except BrokenPipeError:
        return 0
