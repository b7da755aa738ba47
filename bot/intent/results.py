"""What a line of text asks for: one frozen result type per kind (no rendering here).

:func:`bot.intent.route` returns one of the immediate results; an :class:`Exec` is Docker
work still to do, and :func:`bot.intent.run_exec` turns it into an :class:`ExecDone`, a
:class:`Failed` or the reply it falls back to when the asker turns out not to be allowed.
Each surface renders these with its own renderer (:mod:`bot.render.blocks` for Slack,
:mod:`bot.render.reply_text` for the terminal).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.ask.answer import Answer
from bot.errors import DockbotError
from bot.executor.result import ExecResult
from bot.explain.model import Explanation
from bot.kb.gaps import GapReport
from bot.lang import Lang
from bot.learn import Course

Kind = Literal["help", "explain", "exec", "exec_off", "exec_done", "question", "gaps", "learn",
               "error"]
GapsState = Literal["report", "denied", "off"]


@dataclass(frozen=True)
class Help:
    """Help, listing only the operations (and hosts) this asker may run."""

    lang: Lang
    ops: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    kind: Literal["help"] = "help"


@dataclass(frozen=True)
class Explain:
    """A docker command explained flag by flag (typos, risky flags)."""

    lang: Lang
    command: str  # the command as typed (after `explain`, or the whole pasted line)
    explanation: Explanation
    kind: Literal["explain"] = "explain"


@dataclass(frozen=True)
class ExecOff:
    """An executor operation this asker may not run here: the executor is off
    (``enabled`` False) or the policy does not allow it."""

    lang: Lang
    op: str  # the canonical operation text
    enabled: bool
    kind: Literal["exec_off"] = "exec_off"


@dataclass(frozen=True)
class Exec:
    """A Docker lookup to run after the immediate reply.

    ``denied`` is set when the decision waits for the asker's user groups: the run decides
    and answers ``denied`` when the policy says no.
    """

    lang: Lang
    op: str  # canonical operation text, with @host when one was named
    label: str
    host: str | None
    denied: Explain | ExecOff | None = None
    kind: Literal["exec"] = "exec"


@dataclass(frozen=True)
class ExecDone:
    """What a Docker lookup returned."""

    lang: Lang
    label: str
    result: ExecResult
    kind: Literal["exec_done"] = "exec_done"


@dataclass(frozen=True)
class Question:
    """A question for the matcher, answered (or not: ``answer.best`` is None / not confident).

    ``run_op`` is the operation behind the answer's command when this asker may (or, with
    user groups not known yet, might) run it; ``question_id`` is the question log's id.
    """

    lang: Lang
    answer: Answer
    run_op: str | None = None
    question_id: str | None = None
    kind: Literal["question"] = "question"


@dataclass(frozen=True)
class Gaps:
    """`gaps`: the last week's unanswered questions (admins only, the question log on)."""

    lang: Lang
    state: GapsState
    report: GapReport | None = None
    kind: Literal["gaps"] = "gaps"


@dataclass(frozen=True)
class Learn:
    """`learn [N]`: lesson ``number`` (1-based, within the course) of the onboarding course."""

    lang: Lang
    course: Course
    number: int = 1
    kind: Literal["learn"] = "learn"


@dataclass(frozen=True)
class Failed:
    """The text could not be used, or the Docker lookup failed; ``error`` says why."""

    lang: Lang
    error: DockbotError
    kind: Literal["error"] = "error"


Reply = Help | Explain | ExecOff | Exec | Question | Gaps | Learn | Failed
Outcome = ExecDone | Failed | Explain | ExecOff
Result = Reply | ExecDone
