"""What ``/docker TEXT`` means, shared by Slack and ``dockbot slash``.

In order: empty or ``help`` -> help; ``learn [N]`` -> lesson N of the onboarding
course; ``explain <command>`` -> a flag-by-flag
explanation; an executor operation (``ps``, ``image ls @prod`` ...) -> a job to
run after the ack when this user may run it in this channel, else a polite note
on how it gets enabled (a pasted ``docker ...`` line is explained instead); any
other pasted docker command -> explanation; anything else -> a question for the
matcher. Routing itself never touches a Docker host; :func:`run_job` does. Every
refusal of an operation is one line in the executor's audit log, and a decision that
needs the asker's user groups is left to the job (after the ack).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, replace

from bot import metrics
from bot.ask.matcher import Answer, Candidate
from bot.errors import DockbotError, ExecBusy, ExecError, ExecRefused, InputError
from bot.executor import Operation, Principal
from bot.executor.messages import exec_error
from bot.explain import explain, looks_like_command
from bot.lang import Lang, detect_lang
from bot.learn import load_course
from bot.questionlog import Surface, record
from bot.render.blockkit import Message, message, plain_text, section, w
from bot.render.blocks import (
    answer_message,
    entry_blocks,
    error_message,
    exec_message,
    exec_off_message,
    exec_pending_message,
    explanation_message,
    gaps_message,
    help_message,
)
from bot.render.buttons import Share
from bot.render.learn import lesson_message
from bot.secrets import C0C1
from bot.services import Services
from bot.slack.access import Asker, allowed_ops, audit_refusal, groups_could_allow, may_run
from bot.slack.sharing import shareable_text

HELP_WORDS = frozenset({"help", "-h", "--help", "?", "도움말", "도움", "사용법", "헬프"})
GAPS_WORDS = frozenset({"gaps"})
GAPS_SINCE = "7d"
EXPLAIN_WORDS = frozenset({"explain", "설명", "풀이", "해설"})
LEARN_WORDS = frozenset({"learn", "배우기", "강의", "코스", "온보딩"})
MAX_SHARE_COMMAND = 1500

_MARKUP = re.compile(r"<([^<>\n]{1,500})>")
_CONTROL = C0C1


@dataclass(frozen=True)
class ExecJob:
    """A Docker lookup to run after the ack.

    ``denied`` is set when the decision waits for the asker's user groups: the job
    decides after the ack and answers ``denied`` when the policy says no.
    """

    text: str  # canonical operation text, with @host when one was named
    label: str
    host: str | None
    lang: Lang
    denied: Message | None = None


@dataclass(frozen=True)
class Routed:
    """The immediate reply to a text, and the Docker work (if any) to do after it."""

    kind: str  # help | explain | exec | exec_off | question | gaps | learn | error
    lang: Lang
    message: Message
    job: ExecJob | None = None
    answer: Answer | None = None  # the matcher's answer, for a question


def _unmarkup(match: re.Match[str]) -> str:
    target, _, label = match.group(1).partition("|")
    if target.startswith("@"):
        return "@" + (label.lstrip("@") or target[1:])
    if target.startswith("#"):
        return "#" + (label or target[1:])
    if target.startswith("!"):
        return label
    return label or target


def slack_text(text: str) -> str:
    """Slack's wire text as the user typed it: links and mentions unwrapped,
    ``&lt; &gt; &amp;`` unescaped, control characters removed."""
    text = _MARKUP.sub(_unmarkup, text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return _CONTROL.sub(" ", text).strip()


# refusals that are plainly about an operation the user typed, so they are said rather
# than the text being taken for a question ("ps <@U123>": a mention after an operation)
_SAID_REFUSALS = frozenset({"mention"})


def _parse_op(services: Services, text: str, *, say_refusal: bool = False) -> Operation | None:
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
    who: Principal | Asker,
    lang: Lang | None = None,
    *,
    public: bool = False,
    surface: Surface | None = None,
) -> Routed:
    """Decide what ``text`` asks for and build the immediate reply.

    ``public`` replies (mentions, DMs) get no "Share to channel" button. Nothing here
    waits for the asker's user groups: what needs them is decided by the job. ``surface``
    names the asking surface in the question log (default: ``slash`` for the local
    operator, else ``slack``).
    """
    asker = who if isinstance(who, Asker) else Asker.known(who)
    principal = asker.principal
    clean = slack_text(text)
    lang = lang or detect_lang(clean)
    words = clean.split(maxsplit=1)
    head = words[0].lower() if words else ""
    try:
        if not clean or (len(words) == 1 and head in HELP_WORDS):
            ops, hosts = allowed_ops(services.executor, principal)
            return Routed("help", lang, help_message(lang, ops, hosts))
        if head in LEARN_WORDS and (len(words) == 1 or words[1].isdecimal()):
            number = int(words[1][:6]) if len(words) > 1 else 1
            return Routed("learn", lang, lesson_message(load_course(), number, lang))
        if len(words) == 1 and head in GAPS_WORDS:
            return _gaps(services, principal, lang)
        if head in EXPLAIN_WORDS:
            command = words[1] if len(words) > 1 else ""
            return _explain(command, lang, public)
        op = _parse_op(services, clean, say_refusal=True)
        if op is not None:
            if looks_like_command(clean):
                denied = _explain(clean, lang, public)
            else:
                note = exec_off_message(op.describe(), lang, enabled=services.executor.enabled)
                denied = Routed("exec_off", lang, note)
            return decide(services, op, asker, lang, denied, clean)
        if looks_like_command(clean):
            return _explain(clean, lang, public)
        return _question(services, clean, asker, lang, public, surface)
    except DockbotError as err:
        return Routed("error", lang, error_message(err, lang))


def decide(
    services: Services, op: Operation, asker: Asker, lang: Lang, denied: Routed, text: str
) -> Routed:
    """Run ``op`` after the ack when the asker may, else the ``denied`` reply (audited).

    When only the asker's user groups (still being looked up) could allow it, the reply
    is "running" and the job decides once the groups are known.
    """
    executor = services.executor
    job = ExecJob(op.describe(), op.label, op.host, lang)
    pending = exec_pending_message(op.label, op.host, lang)
    if may_run(executor, asker.principal, op):
        return Routed("exec", lang, pending, job)
    if groups_could_allow(executor, asker, op):
        return Routed("exec", lang, pending, replace(job, denied=denied.message))
    audit_refusal(executor, asker.principal, op, text)
    return denied


def _explain(command: str, lang: Lang, public: bool) -> Routed:
    if not command.strip():
        raise InputError(
            "There is no command to explain.",
            hint="Write it after `explain`, e.g. `/docker explain docker ps -a`.",
        )
    expl = explain(command, lang).to_dict()
    share = None
    masked = shareable_text(command)
    if not public and len(masked) <= MAX_SHARE_COMMAND:
        share = Share(lang, command=masked)
    return Routed("explain", lang, explanation_message(expl, lang, share_value=share))


def _gaps(services: Services, principal: Principal, lang: Lang) -> Routed:
    """`/docker gaps`: the last week's unanswered questions, for the policy's admins (and
    the local operator of `dockbot slash`)."""
    from bot.kb.gaps import build_report, parse_duration, read_logs

    admin = principal.kind == "cli" or (
        services.executor.config.policy.role_of(principal) == "admin")
    target = services.settings.question_log
    if not admin:
        return Routed("gaps", lang, message([section(w("gaps_denied", lang))],
                                            w("gaps_denied", lang), lang))
    if not target or target == "-":
        return Routed("gaps", lang, message([section(w("gaps_off", lang))],
                                            w("gaps_off", lang), lang))
    report = build_report(read_logs([target]), services.kb, parse_duration(GAPS_SINCE),
                          since_text=GAPS_SINCE)
    return Routed("gaps", lang, gaps_message(report, lang))


def _question(
    services: Services, text: str, asker: Asker, lang: Lang, public: bool,
    surface: Surface | None = None,
) -> Routed:
    knowledge = services.knowledge  # one knowledge base for the whole answer
    answer = knowledge.matcher.ask(text, lang)
    who = asker.principal
    where: Surface = surface or ("slash" if who.kind == "cli" else "slack")
    qid = record(services.settings, answer, where, user=who.user, team=who.team)
    metrics.count_answer(where, answer.confident)
    msg = answer_message(answer, knowledge.kb, run_op=_run_op(services, answer, asker),
                         shareable=not public, share_query=shareable_text(answer.query),
                         question_id=qid)
    return Routed("question", lang, msg, answer=answer)


def _run_op(services: Services, answer: Answer, asker: Asker) -> str | None:
    """The operation behind the answer's command, when this asker may (or, with user groups
    not known yet, might) run it; the click decides for whoever clicks."""
    if answer.best is None or not answer.best.entry.command:
        return None
    op = _parse_op(services, answer.best.entry.command)
    if op is None:
        return None
    if may_run(services.executor, asker.principal, op) or groups_could_allow(
        services.executor, asker, op
    ):
        return op.describe()
    return None


def entry_answer(
    services: Services, entry_id: str, lang: Lang, query: str, who: Principal | Asker,
    *, public: bool = False,
) -> Message | None:
    """The full answer (with buttons) for one entry picked from suggestions; None if unknown."""
    knowledge = services.knowledge
    entry = knowledge.kb.get(entry_id)
    if entry is None:
        return None
    asker = who if isinstance(who, Asker) else Asker.known(who)
    answer = Answer(query, lang, True, knowledge.matcher.candidate_for(entry, query), ())
    return answer_message(answer, knowledge.kb, run_op=_run_op(services, answer, asker),
                          shareable=not public, share_query=shareable_text(query))


def run_job(services: Services, job: ExecJob, who: Principal | Asker) -> Message:
    """Decide (when the job waits for user groups), then run the Docker lookup (blocking,
    bounded by the executor's deadline) and render it."""
    principal = who.resolved() if isinstance(who, Asker) else who
    if job.denied is not None:
        op = _parse_op(services, job.text)
        if op is None or not may_run(services.executor, principal, op):
            if op is not None:
                audit_refusal(services.executor, principal, op, job.text)
            return job.denied
    start = time.monotonic()
    try:
        result = services.executor.run(job.text, principal)
    except ExecError as err:
        op = _parse_op(services, job.text)
        metrics.count_exec(op.kind if op else "unknown", (op.host if op else None) or "-",
                           err.code, time.monotonic() - start)
        return error_message(err, job.lang)
    metrics.count_exec(result.op, result.host, "ok", time.monotonic() - start)
    return exec_message(result.to_dict(), job.lang, job.label)


def busy_reply(services: Services, job: ExecJob, who: Principal | Asker) -> Message:
    """The answer when the background pool is full, audited as a ``busy`` decision."""
    principal = who.principal if isinstance(who, Asker) else who
    op = _parse_op(services, job.text)
    if op is not None:
        audit_refusal(services.executor, principal, op, job.text, busy=True)
    return error_message(exec_error(ExecBusy, "busy", job.lang), job.lang)


def entry_message(
    services: Services, entry_id: str, lang: Lang, query: str = ""
) -> Message | None:
    """One entry's answer body without buttons (shared copies), composed for ``query`` as
    the asker saw it; None when the id is unknown."""
    knowledge = services.knowledge
    entry = knowledge.kb.get(entry_id)
    if entry is None:
        return None
    c = knowledge.matcher.candidate_for(entry, query) if query else Candidate(entry, 1.0)
    blocks = entry_blocks(entry, lang, knowledge.kb, c.command, c.shown_flags())
    return {"text": entry.title[lang], "blocks": blocks}


def preview(services: Services, text: str, lang: Lang | None) -> str:
    """Plain text of what ``/docker TEXT`` replies, as the local operator (CLI principal)."""
    principal = Principal.cli()
    routed = route(services, text, principal, lang)
    msg = routed.message if routed.job is None else run_job(services, routed.job, principal)
    return plain_text(msg).rstrip("\n")
