"""Events: mentions and direct messages (answered in a thread), and the App Home tab."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.fill import LiveNames
from bot.lang import Lang
from bot.render.blockkit import Message
from bot.render.fill import menus_message
from bot.slack.home import publish_home
from bot.slack.live_names import answer_command, offer_later
from bot.slack.payloads import identity
from bot.slack.router import route
from bot.slack.runtime import runtime_of

# Manifest event name -> the Bolt event type that receives it.
EVENTS = {
    "app_mention": "app_mention",
    "message.im": "message",
    "app_home_opened": "app_home_opened",
}

# What the executor answers, and the question log's gaps, are shown only to the asker, never
# to the whole channel.
PRIVATE_KINDS = frozenset({"exec", "exec_off", "gaps"})

_MENTION = re.compile(r"<@[UW][A-Z0-9]+(\|[^>]*)?>")


def register(app: App) -> None:
    app.event("app_mention")(handle_mention)
    app.event("message")(handle_message)
    app.event("app_home_opened")(handle_home_opened)


def _answer_in_thread(
    event: dict[str, Any], body: dict[str, Any], text: str, client: WebClient,
    context: BoltContext,
) -> None:
    """Answer in the event's thread. Executor output (and notes about it) and the
    live-name menus of an answer go only to the asker: ephemerally in the thread of a
    channel, in the thread of a DM."""
    rt = runtime_of(context)
    who = identity(body)
    channel = who.channel or ""
    thread = event.get("thread_ts") or event.get("ts")
    asker = rt.principal(body, client)
    routed = route(rt.services, text, asker, public=True)

    def post(msg: Message) -> None:
        client.chat_postMessage(channel=channel, thread_ts=thread, text=msg["text"],
                                blocks=msg["blocks"])

    def post_private(msg: Message) -> None:
        if who.is_dm:
            post(msg)
        else:
            client.chat_postEphemeral(channel=channel, user=who.user or "", thread_ts=thread,
                                      text=msg["text"], blocks=msg["blocks"])

    if routed.kind in PRIVATE_KINDS:
        post_private(routed.message)
    else:
        post(routed.message)
    if routed.job is not None:
        rt.run_later(routed.job, asker, post_private)
        return

    def menus(found: list[LiveNames]) -> None:
        follow_up = menus_message(found, routed.lang)
        if follow_up is not None:
            post_private(follow_up)

    offer_later(rt, asker, [answer_command(routed.result)], menus)


def handle_mention(
    event: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """``@dockbot how do I ...`` in a channel: the same router, answered in a thread."""
    if event.get("bot_id"):
        return
    text = _MENTION.sub(" ", str(event.get("text") or "")).strip()
    _answer_in_thread(event, body, text, client, context)


def handle_message(
    event: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """A direct message to the app; edits, bot messages and other channels are ignored."""
    if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
        return
    text = _MENTION.sub(" ", str(event.get("text") or "")).strip()
    _answer_in_thread(event, body, text, client, context)


def handle_home_opened(
    event: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Publish the Home tab: the onboarding guide and what this viewer may run."""
    user = identity(body).user
    if event.get("tab", "home") != "home" or not user:
        return
    lang: Lang = "ko"
    publish_home(runtime_of(context), client, body, user, lang)
