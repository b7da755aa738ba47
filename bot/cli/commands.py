"""The ``dockbot`` sub-commands other than ``kb``: each parses nothing itself, calls the
library, prints and returns the exit code."""

from __future__ import annotations

import argparse
import shlex
import sys
from typing import TYPE_CHECKING

from bot.cli.output import color, dumps, out, width
from bot.errors import DockbotError, InputError
from bot.lang import Lang
from bot.settings import Settings
from bot.textinput import read_lines

if TYPE_CHECKING:
    from bot.intent import Result
    from bot.services import Services


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
            out(dumps(ask_json(_ask_route(services, line, args.lang), line)))
        return 0
    question = " ".join(args.question)
    result = _ask_route(services, question, args.lang)
    if args.json:
        out(dumps(ask_json(result, question)))
    elif result.kind == "error":
        raise result.error
    else:
        out(reply_text(result, services.kb, color=color(settings), width=width(settings),
                        surface="ask"))
    return ask_exit_code(result)


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

            out(dumps({"command": mask_command(line), **exc.to_dict()}))
            return exc.exit_code
        raise
    if args.json:
        out(dumps(expl.to_dict()))
    else:
        out(wrap(explanation_text(expl, lang, color(settings)), width(settings)))
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
            out(dumps(exc.to_dict()))
            return exc.exit_code
        raise
    finally:
        executor.close()
    if args.json:
        out(dumps(result.to_dict()))
    else:
        out(exec_result_text(result, color(settings)))
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from bot.slack.server import serve

    return serve(settings, args.host, args.port)


def cmd_slash(args: argparse.Namespace, settings: Settings) -> int:
    from bot.render.reply_text import reply_text
    from bot.services import load_services
    from bot.slack.router import render, slash_results

    services = load_services(settings, terminal=sys.stderr.isatty())
    try:
        results = slash_results(services, " ".join(args.text), args.lang)
        if args.json:  # each message Slack gets: the reply, then an operation's follow-up
            for result in results:
                out(dumps(render(services, result)))
        else:
            out(reply_text(results[-1], services.kb, color=color(settings),
                           width=width(settings), surface="slash"))
    finally:
        services.close()
    return 0


def cmd_learn(args: argparse.Namespace, settings: Settings) -> int:
    from bot.learn import load_course
    from bot.render.learn import lesson_text

    course = load_course()
    lesson = course.lesson(args.number, args.lang)
    graded = None if args.answer is None else lesson.grade(args.answer - 1, args.lang)
    out(lesson_text(course, args.number, args.lang, graded).rstrip("\n"))
    return 1 if graded is not None and not graded.right else 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.chat import run_chat

    return run_chat(settings, width(settings))
