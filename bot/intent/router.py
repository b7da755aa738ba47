"""What a line of text means, for every surface (Slack, ``dockbot slash/chat/ask``).

:func:`route` reads clean text (Slack's wire escaping already undone) and returns a typed
result from :mod:`bot.intent.results`; it renders nothing. In order:

1. empty text -> :class:`Help` (or, with ``blank_is_help=False``, the matcher's "empty
   question" error);
2. a leading word from :data:`LEADING_WORDS` (``help``, ``gaps``, ``explain``, ``learn
   [N]`` and their Korean forms) -> that word's handler; add a word by adding a row;
3. an executor operation (``ps``, ``image ls @prod`` ...) -> :class:`Exec` when this asker
   may run it here, else the refusal (a pasted ``docker ...`` line is explained instead,
   otherwise :class:`ExecOff`), audited; ``operations=False`` skips this step;
4. any other pasted docker command -> :class:`Explain`;
5. anything else -> :class:`Question` (recorded in the question log).

A :class:`DockbotError` on the way becomes :class:`Failed`. Routing never touches a Docker
host; :func:`run_exec` does, after the immediate reply.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot import metrics
from bot.ask.answer import Answer
from bot.errors import DockbotError, ExecError, ExecRefused, InputError
from bot.executor import Operation, Principal
from bot.explain import explain, looks_like_command
from bot.intent.access import (
    Asking,
    allowed_ops,
    asking,
    audit_refusal,
    groups_could_allow,
    may_run,
)
from bot.intent.results import (
    Exec,
    ExecDone,
    ExecOff,
    Explain,
    Failed,
    Gaps,
    Help,
    Learn,
    Outcome,
    Question,
    Reply,
)
from bot.lang import Lang, detect_lang
from bot.learn import load_course
from bot.questionlog import Surface, record
from bot.services import Services

GAPS_SINCE = "7d"


@dataclass(frozen=True)
class Request:
    """One line to route: who asks, in which language, from which surface."""

    services: Services
    text: str  # clean text, whitespace-trimmed
    asker: Asking
    lang: Lang
    rest: str  # the text after the leading word
    surface: Surface
    operations: bool


Handler = Callable[[Request], Reply]


def _help(req: Request) -> Reply:
    if req.rest:
        return _by_content(req)  # "help me list images" is a question
    ops, hosts = allowed_ops(req.services.executor, req.asker.principal)
    return Help(req.lang, tuple(ops), tuple(hosts))


def _gaps(req: Request) -> Reply:
    """The last week's unanswered questions, for the policy's admins (and the local
    operator of the CLI)."""
    if req.rest:
        return _by_content(req)
    from bot.kb.gaps import build_report, parse_duration, read_logs

    services, principal = req.services, req.asker.principal
    admin = principal.kind == "cli" or (
        services.executor.config.policy.role_of(principal) == "admin")
    target = services.settings.question_log
    if not admin:
        return Gaps(req.lang, "denied")
    if not target or target == "-":
        return Gaps(req.lang, "off")
    report = build_report(read_logs([target]), services.kb, parse_duration(GAPS_SINCE),
                          since_text=GAPS_SINCE)
    return Gaps(req.lang, "report", report)


def _explain_word(req: Request) -> Reply:
    return explain_reply(req.rest, req.lang)


def _learn(req: Request) -> Reply:
    """Lesson N of the onboarding course (``learn`` alone: lesson 1)."""
    if req.rest and not req.rest.isdecimal():
        return _by_content(req)  # "learn how to ..." is a question
    number = int(req.rest[:6]) if req.rest else 1
    course = load_course()
    course.lesson(number, req.lang)  # LessonNotFound outside the course
    return Learn(req.lang, course, number)


# leading word -> handler; a word not listed here is read by content (operation, command,
# question)
LEADING_WORDS: dict[str, Handler] = {
    **dict.fromkeys(("help", "-h", "--help", "?", "도움말", "도움", "사용법", "헬프"), _help),
    "gaps": _gaps,
    **dict.fromkeys(("explain", "설명", "풀이", "해설"), _explain_word),
    **dict.fromkeys(("learn", "배우기", "강의", "코스", "온보딩"), _learn),
}
HELP_WORDS = frozenset(k for k, v in LEADING_WORDS.items() if v is _help)
EXPLAIN_WORDS = frozenset(k for k, v in LEADING_WORDS.items() if v is _explain_word)
LEARN_WORDS = frozenset(k for k, v in LEADING_WORDS.items() if v is _learn)

# refusals that are plainly about an operation the user typed, so they are said rather
# than the text being taken for a question ("ps <@U123>": a mention after an operation)
_SAID_REFUSALS = frozenset({"mention"})


def parse_op(services: Services, text: str, *, say_refusal: bool = False) -> Operation | None:
    """The executor operation ``text`` names, or None when it names none."""
    if len(text) > 300 or "\n" in text:
        return None
    try:
        return services.executor.parse(text)
    except ExecRefused as err:
        if say_refusal and err.key in _SAID_REFUSALS:
            raise
        return None


def route(
    services: Services,
    text: str,
    who: Principal | Asking,
    lang: Lang | None = None,
    *,
    surface: Surface | None = None,
    operations: bool = True,
    blank_is_help: bool = True,
) -> Reply:
    """Decide what ``text`` asks for. Nothing here waits for the asker's user groups: what
    needs them is decided by :func:`run_exec`. ``surface`` names the asking surface in the
    question log (default: ``slash`` for the local operator, else ``slack``)."""
    asker = asking(who)
    clean = text.strip()
    lang = lang or detect_lang(clean)
    where: Surface = surface or ("slash" if asker.principal.kind == "cli" else "slack")
    words = clean.split(maxsplit=1)
    head = words[0] if words else ""
    rest = words[1].strip() if len(words) > 1 else ""
    req = Request(services, clean, asker, lang, rest, where, operations)
    try:
        if not clean and blank_is_help:
            return _help(req)
        handler = LEADING_WORDS.get(head.lower()) if clean else None
        if handler is not None:
            return handler(req)
        return _by_content(req)
    except DockbotError as err:
        return Failed(lang, err)


def _by_content(req: Request) -> Reply:
    clean, lang = req.text, req.lang
    op = parse_op(req.services, clean, say_refusal=True) if req.operations and clean else None
    if op is not None:
        denied: Explain | ExecOff
        if looks_like_command(clean):
            denied = explain_reply(clean, lang)
        else:
            denied = ExecOff(lang, op.describe(), req.services.executor.enabled)
        return decide(req.services, op, req.asker, lang, denied, clean)
    if clean and looks_like_command(clean):
        return explain_reply(clean, lang)
    return _question(req)


def explain_reply(command: str, lang: Lang) -> Explain:
    """The explanation of ``command`` (an :class:`InputError` when there is none)."""
    if not command.strip():
        raise InputError.keyed("input.no_command", lang)
    return Explain(lang, command, explain(command, lang))


def decide(
    services: Services, op: Operation, asker: Asking, lang: Lang, denied: Explain | ExecOff,
    text: str,
) -> Exec | Explain | ExecOff:
    """Run ``op`` after the reply when the asker may, else ``denied`` (audited).

    When only the asker's user groups (still being looked up) could allow it, the result
    is an :class:`Exec` carrying ``denied``: the run decides once the groups are known.
    """
    executor = services.executor
    job = Exec(lang, op.describe(), op.label, op.host)
    if may_run(executor, asker.principal, op):
        return job
    if groups_could_allow(executor, asker, op):
        return replace(job, denied=denied)
    audit_refusal(executor, asker.principal, op, text)
    return denied


def _question(req: Request) -> Question:
    services, asker = req.services, req.asker
    answer = services.knowledge.matcher.ask(req.text, req.lang)
    who = asker.principal
    qid = record(services.settings, answer, req.surface, user=who.user, team=who.team)
    metrics.count_answer(req.surface, answer.confident)
    return Question(answer.lang, answer, run_op(services, answer, asker), qid)


def run_op(services: Services, answer: Answer, asker: Asking) -> str | None:
    """The operation behind the answer's command, when this asker may (or, with user groups
    not known yet, might) run it; the click decides for whoever clicks."""
    if answer.best is None or not answer.best.entry.command:
        return None
    op = parse_op(services, answer.best.entry.command)
    if op is None:
        return None
    if may_run(services.executor, asker.principal, op) or groups_could_allow(
        services.executor, asker, op
    ):
        return op.describe()
    return None


def run_exec(services: Services, job: Exec, who: Principal | Asking) -> Outcome:
    """Decide (when the job waits for user groups), then run the Docker lookup (blocking,
    bounded by the executor's deadline)."""
    principal = asking(who).resolved()
    if job.denied is not None:
        op = parse_op(services, job.op)
        if op is None or not may_run(services.executor, principal, op):
            if op is not None:
                audit_refusal(services.executor, principal, op, job.op)
            return job.denied
    start = time.monotonic()
    try:
        result = services.executor.run(job.op, principal)
    except ExecError as err:
        op = parse_op(services, job.op)
        metrics.count_exec(op.kind if op else "unknown", (op.host if op else None) or "-",
                           err.code, time.monotonic() - start)
        return Failed(job.lang, err)
    metrics.count_exec(result.op, result.host, "ok", time.monotonic() - start)
    return ExecDone(job.lang, job.label, result)
