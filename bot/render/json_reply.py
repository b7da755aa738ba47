"""Routed results as the JSON of ``dockbot ask --json`` (and ``--batch``), and its exit codes.

Every object has ``kind`` (the router's kind); a question keeps the matcher's shape
(``query``, ``lang``, ``confident``, ``answer``, ``alternatives``), a pasted command is
``{"kind": "explain", "query", "lang", "explanation"}`` with the shape of
``dockbot explain --json``, a lesson is ``{"kind": "learn", "query", "lang", "number",
"total", "title", "text"}``, and bad input is ``{"kind": "error", "query", "ok": false,
"error", "message"}``.
"""

from __future__ import annotations

from typing import Any

from bot.explain import mask_command
from bot.intent.results import Result
from bot.render.learn import lesson_text
from bot.render.reply_text import help_text


def ask_json(result: Result, query: str) -> dict[str, Any]:
    """The JSON of ``dockbot ask --json``: the matcher's answer for a question (with
    ``kind``), the explanation for a pasted command, an error object for bad input."""
    head: dict[str, Any] = {"kind": result.kind}
    if result.kind == "question":
        return {**head, **result.answer.to_dict()}
    if result.kind == "explain":
        return {**head, "query": mask_command(query), "lang": result.lang,
                "explanation": result.explanation.to_dict()}
    if result.kind == "help":
        return {**head, "query": query, "lang": result.lang, "ops": list(result.ops),
                "hosts": list(result.hosts),
                "text": help_text(result.lang, result.ops, result.hosts, "ask")}
    if result.kind == "gaps":
        report = result.report.to_dict() if result.report is not None else None
        return {**head, "query": query, "lang": result.lang, "state": result.state,
                "report": report}
    if result.kind == "learn":
        lesson = result.course.lesson(result.number, result.lang)
        return {**head, "query": query, "lang": result.lang, "number": result.number,
                "total": len(result.course), "title": lesson.title[result.lang],
                "text": lesson_text(result.course, result.number, result.lang)}
    if result.kind == "error":
        return {**head, "query": query, **result.error.to_dict()}
    raise AssertionError(f"dockbot ask does not route to {result.kind}")  # operations=False


def ask_exit_code(result: Result) -> int:
    """0 for a confident answer, an explanation or help; 1 when not sure; the error's code."""
    if result.kind == "question":
        return 0 if result.answer.confident else 1
    if result.kind == "error":
        return result.error.exit_code
    return 0
