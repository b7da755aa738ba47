"""What ``/docker TEXT``, a mention or a DM replies: the shared router, rendered as Block Kit.

Slack's wire text is read back as typed (:func:`slack_text`), :func:`bot.intent.route`
decides what it asks for, and :func:`bot.render.blocks.reply_message` renders the result.
An executor operation comes back with its :class:`~bot.intent.Exec` job, which
:func:`run_job` runs after the ack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot import intent
from bot.ask.answer import Answer, Candidate
from bot.errors import ExecBusy
from bot.executor import Operation, Principal
from bot.executor.messages import exec_error
from bot.intent import Exec, Reply
from bot.lang import Lang
from bot.questionlog import Surface
from bot.render.blockkit import Message
from bot.render.blocks import answer_message, entry_blocks, error_message, reply_message
from bot.secrets import C0C1
from bot.services import Services
from bot.slack.access import Asker, audit_refusal
from bot.slack.sharing import shareable_text

ExecJob = Exec  # the Docker work to do after the ack

_MARKUP = re.compile(r"<([^<>\n]{1,500})>")
_CONTROL = C0C1


@dataclass(frozen=True)
class Routed:
    """The immediate reply to a text, and the Docker work (if any) to do after it."""

    result: Reply
    message: Message

    @property
    def kind(self) -> str:
        return self.result.kind

    @property
    def lang(self) -> Lang:
        return self.result.lang

    @property
    def job(self) -> Exec | None:
        return self.result if isinstance(self.result, Exec) else None

    @property
    def answer(self) -> Answer | None:
        return self.result.answer if isinstance(self.result, intent.Question) else None


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


def render(services: Services, result: intent.Result, *, public: bool = False) -> Message:
    return reply_message(result, services.kb, public=public, mask=shareable_text)


def route(
    services: Services,
    text: str,
    who: Principal | Asker,
    lang: Lang | None = None,
    *,
    public: bool = False,
    surface: Surface | None = None,
) -> Routed:
    """Route Slack's wire ``text`` and render the immediate reply. ``public`` replies
    (mentions, DMs) get no "Share to channel" button."""
    result = intent.route(services, slack_text(text), who, lang, surface=surface)
    return Routed(result, render(services, result, public=public))


def decide(services: Services, op: Operation, asker: Asker, lang: Lang, text: str) -> Routed:
    """A *Run it* click: run ``op`` after the ack when the clicker may, else the polite note."""
    denied = intent.ExecOff(lang, op.describe(), services.executor.enabled)
    result = intent.decide(services, op, asker, lang, denied, text)
    return Routed(result, render(services, result))


def run_job(services: Services, job: Exec, who: Principal | Asker) -> Message:
    """Run the Docker lookup (deciding first when it waits for user groups) and render it."""
    return render(services, intent.run_exec(services, job, who))


def busy_reply(services: Services, job: Exec, who: Principal | Asker) -> Message:
    """The answer when the background pool is full, audited as a ``busy`` decision."""
    principal = who.principal if isinstance(who, Asker) else who
    op = intent.parse_op(services, job.op)
    if op is not None:
        audit_refusal(services.executor, principal, op, job.op, busy=True)
    return error_message(exec_error(ExecBusy, "busy", job.lang), job.lang)


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
    return answer_message(answer, knowledge.kb, run_op=intent.run_op(services, answer, asker),
                          shareable=not public, share_query=shareable_text(query))


def entry_command(services: Services, entry_id: str, query: str) -> str | None:
    """The command :func:`entry_answer` shows for ``entry_id`` (composed for ``query``)."""
    knowledge = services.knowledge
    entry = knowledge.kb.get(entry_id)
    if entry is None:
        return None
    return knowledge.matcher.candidate_for(entry, query).command or entry.command


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


def slash_results(services: Services, text: str, lang: Lang | None) -> list[intent.Result]:
    """What ``/docker TEXT`` answers, as the local operator (CLI principal), without Slack:
    the immediate reply, then, for an executor operation, what running it gives (Slack gets
    that as a follow-up). ``dockbot slash`` renders the last for a terminal, or each as the
    Block Kit message Slack would get (:func:`render`)."""
    principal = Principal.cli()
    first = intent.route(services, slack_text(text), principal, lang)
    if isinstance(first, Exec):
        return [first, intent.run_exec(services, first, principal)]
    return [first]
