"""One way to handle a click: acknowledge, decode the value, resolve the runtime.

:func:`on_click` wraps a handler that takes a :class:`Click` of one value type (see
:mod:`bot.render.buttons`). The wrapper is the Bolt listener: it acknowledges at once,
decodes the button's value (or a menu option's, or a menu's block id) into that type,
and calls the handler. A value that does not decode gets a reply saying the button no
longer works and what to do, never a traceback; any other failure goes to the app's
error handler (:func:`bot.slack.failures.on_error`), which tells the user too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.errors import ButtonError
from bot.lang import Lang
from bot.render.blockkit import Message, message, section, w
from bot.render.blocks import error_text
from bot.render.buttons import FillMenu, FillPick, V, decode, lang_hint
from bot.slack.access import Asker
from bot.slack.failures import on_error
from bot.slack.payloads import identity
from bot.slack.runtime import Runtime, runtime_of

log = logging.getLogger("dockbot.slack")


def _object(body: dict[str, Any], key: str) -> dict[str, Any]:
    value = body.get(key)
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class Click(Generic[V]):
    """One decoded click: its value, who clicked, and how to answer them."""

    value: V
    action_id: str
    body: dict[str, Any]
    respond: Respond
    client: WebClient
    rt: Runtime
    block_id: str = ""

    @property
    def clicker(self) -> str:
        return identity(self.body).user or ""

    @property
    def public(self) -> bool:
        """The button sat in a message everyone in the conversation sees."""
        return not _object(self.body, "container").get("is_ephemeral") and bool(
            self.body.get("message"))

    def asker(self) -> Asker:
        return self.rt.principal(self.body, self.client)

    def reply(self, msg: Message, *, replace: bool = False) -> None:
        reply_to_clicker(self.body, self.respond, self.client, msg, replace=replace)


def reply_to_clicker(
    body: dict[str, Any], respond: Respond, client: WebClient, msg: Message,
    *, replace: bool = False,
) -> None:
    """Show ``msg`` to whoever clicked, next to the message that held the button.

    Without a ``response_url`` (Slack always sends one for message buttons) the reply
    goes ephemerally to the clicker in the channel, or nowhere when there is no channel.
    """
    original = _object(body, "message")
    who = identity(body)
    ephemeral = bool(_object(body, "container").get("is_ephemeral")) or not original
    if ephemeral and isinstance(body.get("response_url"), str):
        respond(text=msg["text"], blocks=msg["blocks"], response_type="ephemeral",
                replace_original=replace)
        return
    if not who.channel or not who.user:
        log.info("a click came without a response_url or channel; nothing to answer")
        return
    thread = original.get("thread_ts") or original.get("ts")
    client.chat_postEphemeral(channel=who.channel, user=who.user, text=msg["text"],
                              blocks=msg["blocks"],
                              thread_ts=thread if isinstance(thread, str) else None)


def _raw_value(kind: type[Any], action: dict[str, Any]) -> object:
    if kind is FillPick:
        option = action.get("selected_option")
        return option.get("value") if isinstance(option, dict) else None
    if kind is FillMenu:
        return action.get("block_id")
    return action.get("value")


def bad_button_message(err: ButtonError, lang: Lang) -> Message:
    """The reply to a click whose value does not decode: what happened, what to do."""
    text = f"{w('expired', lang)}\n{error_text(err, lang)}"
    return message([section(text)], w("expired", lang), lang)


def on_click(kind: type[V]) -> Callable[[Callable[[Click[V]], None]], Callable[..., None]]:
    """Make ``handler(click)`` a Bolt listener for buttons carrying a ``kind`` value."""

    def wrap(handler: Callable[[Click[V]], None]) -> Callable[..., None]:
        def listener(ack: Ack, body: dict[str, Any], action: dict[str, Any],
                     respond: Respond, client: WebClient, context: BoltContext) -> None:
            ack()
            try:
                raw = _raw_value(kind, action)
                try:
                    value = decode(kind, raw)
                except ButtonError as err:
                    log.info("a click carried a value that does not decode: %s", err.message)
                    msg = bad_button_message(err, lang_hint(raw))
                    reply_to_clicker(body, respond, client, msg)
                    return
                handler(Click(value, str(action.get("action_id") or ""), body, respond,
                              client, runtime_of(context), str(action.get("block_id") or "")))
            except Exception as exc:
                on_error(exc, body, None, context.respond, context.client, context.logger)

        listener.__name__ = handler.__name__
        listener.__qualname__ = handler.__qualname__
        listener.__doc__ = handler.__doc__
        listener.__module__ = handler.__module__
        return listener

    return wrap
