"""One router for every surface: text -> a typed result, rendered by each surface.

``route(services, text, principal, lang)`` decides what a line means (help, explain, a
lesson of the onboarding course, an executor operation, a question, gaps) and returns a
frozen result from :mod:`bot.intent.results`; ``run_exec`` runs the Docker work an
:class:`Exec` stands for. Slack renders results with :mod:`bot.render.blocks`, the
terminal with :mod:`bot.render.reply_text`.
"""

from bot.intent.results import (
    Exec,
    ExecDone,
    ExecOff,
    Explain,
    Failed,
    Gaps,
    Help,
    Kind,
    Learn,
    Outcome,
    Question,
    Reply,
    Result,
)
from bot.intent.router import (
    EXPLAIN_WORDS,
    HELP_WORDS,
    LEADING_WORDS,
    LEARN_WORDS,
    decide,
    explain_reply,
    parse_op,
    route,
    run_exec,
    run_op,
)

__all__ = [
    "EXPLAIN_WORDS",
    "HELP_WORDS",
    "LEADING_WORDS",
    "LEARN_WORDS",
    "Exec",
    "ExecDone",
    "ExecOff",
    "Explain",
    "Failed",
    "Gaps",
    "Help",
    "Kind",
    "Learn",
    "Outcome",
    "Question",
    "Reply",
    "Result",
    "decide",
    "explain_reply",
    "parse_op",
    "route",
    "run_exec",
    "run_op",
]
