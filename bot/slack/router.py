"""What ``/docker TEXT`` means, shared by Slack and ``dockbot slash``.

In order: empty or ``help`` -> help; ``explain <command>`` -> a flag-by-flag
explanation; an executor operation (``ps``, ``image ls @prod`` ...) -> a job to
run after the ack when this user may run it in this channel, else a polite note
on how it gets enabled (a pasted ``docker ...`` line is explained instead); any
other pasted docker command -> explanation; anything else -> a question for the
matcher. Routing itself never touches a Docker host; :func:`run_job` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ask.matcher import Answer, Candidate
from bot.errors import DockbotError, ExecError, ExecRefused, InputError
from bot.executor import Operation, Principal
from bot.explain import explain, looks_like_command
from bot.lang import Lang, detect_lang
from bot.render.blockkit import Message, plain_text
from bot.render.blocks import (
    answer_message,
    entry_blocks,
    error_message,
    exec_message,
    exec_off_message,
    exec_pending_message,
    explanation_message,
    help_message,
)
from bot.secrets import C0C1
from bot.services import Services
from bot.slack.access import allowed_ops, may_run

HELP_WORDS = frozenset({"help", "-h", "--help", "?", "도움말", "도움", "사용법", "헬프"})
EXPLAIN_WORDS = frozenset({"explain", "설명", "풀이", "해설"})
MAX_SHARE_COMMAND = 1500

_MARKUP = re.compile(r"<([^<>\n]{1,500})>")
_CONTROL = C0C1


@dataclass(frozen=True)
class ExecJob:
    """A Docker lookup to run after the ack."""

    text: str  # canonical operation text, with @host when one was named
    label: str
    host: str | None
    lang: Lang


@dataclass(frozen=True)
class Routed:
    """The immediate reply to a text, and the Docker work (if any) to do after it."""

    kind: str  # help | explain | exec | exec_off | question | error
    lang: Lang
    message: Message
    job: ExecJob | None = None


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


def _parse_op(services: Services, text: str) -> Operation | None:
    if len(text) > 300 or "\n" in text:
        return None
    try:
        return services.executor.parse(text)
    except ExecRefused:
        return None


def route(
    services: Services,
    text: str,
    principal: Principal,
    lang: Lang | None = None,
    *,
    public: bool = False,
) -> Routed:
    """Decide what ``text`` asks for and build the immediate reply.

    ``public`` replies (mentions, DMs) get no "Share to channel" button.
    """
    clean = slack_text(text)
    lang = lang or detect_lang(clean)
    words = clean.split(maxsplit=1)
    head = words[0].lower() if words else ""
    try:
        if not clean or (len(words) == 1 and head in HELP_WORDS):
            ops, hosts = allowed_ops(services.executor, principal)
            return Routed("help", lang, help_message(lang, ops, hosts))
        if head in EXPLAIN_WORDS:
            command = words[1] if len(words) > 1 else ""
            return _explain(command, lang, public)
        op = _parse_op(services, clean)
        if op is not None:
            if may_run(services.executor, principal, op):
                job = ExecJob(op.describe(), op.label, op.host, lang)
                return Routed("exec", lang, exec_pending_message(op.label, op.host, lang), job)
            if looks_like_command(clean):
                return _explain(clean, lang, public)
            note = exec_off_message(op.describe(), lang, enabled=services.executor.enabled)
            return Routed("exec_off", lang, note)
        if looks_like_command(clean):
            return _explain(clean, lang, public)
        return _question(services, clean, principal, lang, public)
    except DockbotError as err:
        return Routed("error", lang, error_message(err, lang))


def _explain(command: str, lang: Lang, public: bool) -> Routed:
    if not command.strip():
        raise InputError(
            "There is no command to explain.",
            hint="Write it after `explain`, e.g. `/docker explain docker ps -a`.",
        )
    expl = explain(command, lang).to_dict()
    share = None
    if not public and len(command) <= MAX_SHARE_COMMAND:
        share = {"x": command, "l": lang}
    return Routed("explain", lang, explanation_message(expl, lang, share_value=share))


def _question(
    services: Services, text: str, principal: Principal, lang: Lang, public: bool
) -> Routed:
    answer = services.matcher.ask(text, lang)
    msg = answer_message(answer, services.kb, run_op=_run_op(services, answer, principal),
                         shareable=not public)
    return Routed("question", lang, msg)


def _run_op(services: Services, answer: Answer, principal: Principal) -> str | None:
    """The operation behind the answer's command, when this principal may run it."""
    if answer.best is None or not answer.best.entry.command:
        return None
    op = _parse_op(services, answer.best.entry.command)
    if op is None or not may_run(services.executor, principal, op):
        return None
    return op.describe()


def entry_answer(
    services: Services, entry_id: str, lang: Lang, query: str, principal: Principal,
    *, public: bool = False,
) -> Message | None:
    """The full answer (with buttons) for one entry picked from suggestions; None if unknown."""
    entry = services.kb.get(entry_id)
    if entry is None:
        return None
    answer = Answer(query, lang, True, Candidate(entry, 1.0), ())
    return answer_message(answer, services.kb, run_op=_run_op(services, answer, principal),
                          shareable=not public)


def run_job(services: Services, job: ExecJob, principal: Principal) -> Message:
    """Run the Docker lookup (blocking, bounded by the executor's deadline) and render it."""
    try:
        result = services.executor.run(job.text, principal)
    except ExecError as err:
        return error_message(err, job.lang)
    return exec_message(result.to_dict(), job.lang, job.label)


def entry_message(services: Services, entry_id: str, lang: Lang) -> Message | None:
    """One entry's answer body without buttons (shared copies); None when the id is unknown."""
    entry = services.kb.get(entry_id)
    if entry is None:
        return None
    return {"text": entry.title[lang], "blocks": entry_blocks(entry, lang, services.kb)}


def preview(services: Services, text: str, lang: Lang | None) -> str:
    """Plain text of what ``/docker TEXT`` replies, as the local operator (CLI principal)."""
    principal = Principal.cli()
    routed = route(services, text, principal, lang)
    msg = routed.message if routed.job is None else run_job(services, routed.job, principal)
    return plain_text(msg).rstrip("\n")
