"""Live-name menus after the ack, for every Slack surface that shows an answer.

``/docker`` answers, mentions, DMs, a did-you-mean pick and the "Other answers" list all
end here: when a command of the reply has placeholders (``<container>``, ``<image>`` ...)
and the asker may list those names on a host, the names are listed on the background pool
(through the executor: policy, rate limits, audit, projection and redaction) and handed
to ``deliver``, which each surface writes its own way (replacing an ephemeral answer, or a
follow-up shown only to the asker). Nothing is looked up before the ack and nothing is run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from bot.fill import LiveNames, fillable, offers_for
from bot.intent import Question, Result
from bot.slack.access import Asker
from bot.slack.runtime import Runtime

log = logging.getLogger("dockbot.slack")
Deliver = Callable[[list[LiveNames]], object]


def answer_command(result: Result) -> str | None:
    """The command of a question's best answer (composed when it was), else None."""
    if not isinstance(result, Question):
        return None
    best = result.answer.best
    if best is None:
        return None
    return best.command or best.entry.command


def offer_later(rt: Runtime, asker: Asker, commands: Sequence[str | None],
                deliver: Deliver) -> bool:
    """List the live names for ``commands`` on the pool and ``deliver`` them when there are
    any. False (and nothing submitted) when no command has a placeholder the asker may
    list names for, or the pool is full."""
    executor = rt.services.executor
    wanted = [c for c in commands if c and fillable(executor, asker.principal, c)]
    if not wanted or rt.pool is None:
        return False

    def work() -> None:
        found, errors = offers_for(executor, asker.resolved(), wanted)
        for err in errors:
            log.info("live names not listed: %s", err.code)
        if found:
            deliver(found)

    if not rt.pool.submit(work):
        log.info("live names skipped: the background pool is full")
        return False
    return True
