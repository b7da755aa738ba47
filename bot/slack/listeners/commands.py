"""The ``/docker`` slash command."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.fill import LiveNames
from bot.render.blockkit import Message
from bot.render.fill import with_menus
from bot.slack.live_names import answer_command, offer_later
from bot.slack.router import route
from bot.slack.runtime import runtime_of

COMMANDS = ("/docker",)
log = logging.getLogger("dockbot.slack")


def register(app: App) -> None:
    for name in COMMANDS:
        app.command(name)(handle_docker)


def handle_docker(
    ack: Ack, respond: Respond, command: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Answer in the ack (ephemeral); Docker lookups (and live-name menus) follow through
    ``respond``."""
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

        def menus(found: list[LiveNames]) -> None:
            msg = with_menus(routed.message, found, routed.lang)
            respond(text=msg["text"], blocks=msg["blocks"], response_type="ephemeral",
                    replace_original=True)

        offer_later(rt, principal, [answer_command(routed.result)], menus)
