"""The ``/docker`` slash command."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.fill import fillable, offers
from bot.render.blockkit import Message
from bot.render.fill import with_menus
from bot.slack.access import Asker
from bot.slack.router import Routed, route
from bot.slack.runtime import Runtime, runtime_of

COMMANDS = ("/docker",)
log = logging.getLogger("dockbot.slack")


def register(app: App) -> None:
    for name in COMMANDS:
        app.command(name)(handle_docker)


def handle_docker(
    ack: Ack, respond: Respond, command: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Answer in the ack (ephemeral); Docker lookups follow through ``respond``."""
    rt = runtime_of(context)
    principal = rt.principal(command, client)
    routed = route(rt.services, str(command.get("text") or ""), principal)
    msg = routed.message
    ack(text=msg["text"], blocks=msg["blocks"], response_type="ephemeral")
    if routed.job is not None:

        def reply(result: Message) -> None:
            respond(text=result["text"], blocks=result["blocks"], response_type="ephemeral",
                    replace_original=True)

        rt.run_later(routed.job, principal, reply)
    else:
        offer_live_names(rt, routed, principal, respond)


def offer_live_names(rt: Runtime, routed: Routed, asker: Asker, respond: Respond) -> None:
    """After the ack: when the answer's command has placeholders the asker may list names
    for, look the names up on the pool and replace the answer with one that has menus."""
    answer = routed.answer
    if routed.kind != "question" or answer is None or answer.best is None:
        return
    command = answer.best.command or answer.best.entry.command
    executor = rt.services.executor
    if not fillable(executor, asker.principal, command) or rt.pool is None:
        return

    def work() -> None:
        found, errors = offers(executor, asker.resolved(), command)
        for err in errors:
            log.info("live names not listed: %s", err.code)
        if found:
            msg = with_menus(routed.message, found, routed.lang)
            respond(text=msg["text"], blocks=msg["blocks"], response_type="ephemeral",
                    replace_original=True)

    if not rt.pool.submit(work):
        log.info("live names skipped: the background pool is full")
