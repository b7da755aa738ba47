"""Buttons: share, other answers, did-you-mean, run it, feedback, Home language.

Every button carries what it needs in its value (see bot.render.blockkit.button), so
any replica can handle any click. Replies go to the clicker only: through
``respond`` for ephemeral messages, ``chat.postEphemeral`` in the thread for
public ones.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.errors import DockbotError
from bot.executor.redact import redact_text
from bot.explain import explain
from bot.lang import Lang
from bot.questionlog import Vote, record_feedback
from bot.render.blockkit import Message, message, read_value, section, w
from bot.render.blocks import (
    ACTION_FEEDBACK_DOWN,
    ACTION_FEEDBACK_UP,
    ACTION_OTHERS,
    ACTION_RUN,
    ACTION_SHARE,
    HOME_LANG_PATTERN,
    PICK_PATTERN,
    QUESTION_ID_KEY,
    alternatives_message,
    error_message,
    explanation_message,
    shared_message,
)
from bot.slack.failures import after_ack
from bot.slack.home import publish_home
from bot.slack.payloads import identity
from bot.slack.router import decide, entry_answer, entry_message
from bot.slack.runtime import runtime_of
from bot.slack.sharing import shareable_text

feedback_log = logging.getLogger("dockbot.feedback")
log = logging.getLogger("dockbot.slack")


def register(app: App) -> None:
    app.action(ACTION_SHARE)(after_ack(handle_share))
    app.action(ACTION_OTHERS)(after_ack(handle_others))
    app.action(PICK_PATTERN)(after_ack(handle_pick))
    app.action(ACTION_RUN)(after_ack(handle_run))
    app.action(ACTION_FEEDBACK_UP)(after_ack(handle_feedback))
    app.action(ACTION_FEEDBACK_DOWN)(after_ack(handle_feedback))
    app.action(HOME_LANG_PATTERN)(after_ack(handle_home_lang))


def _lang(value: dict[str, Any]) -> Lang:
    return "ko" if value.get("l") == "ko" else "en"


def _clicker(body: dict[str, Any]) -> str:
    return identity(body).user or ""


def _object(body: dict[str, Any], key: str) -> dict[str, Any]:
    value = body.get(key)
    return value if isinstance(value, dict) else {}


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


def _expired(lang: Lang) -> Message:
    return message([section(w("expired", lang))], w("expired", lang), lang)


def handle_share(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond,
    client: WebClient, context: BoltContext,
) -> None:
    """Post the same answer visibly in the channel, attributed to the asker."""
    ack()
    rt = runtime_of(context)
    value = read_value(action.get("value"))
    lang = _lang(value)
    inner: Message | None = None
    query = shareable_text(str(value.get("q") or ""))
    if isinstance(value.get("e"), str):
        inner = entry_message(rt.services, value["e"], lang, query)
    elif isinstance(value.get("x"), str):
        query = shareable_text(value["x"])  # masked again: the value may predate masking
        try:
            inner = explanation_message(explain(query, lang).to_dict(), lang)
        except DockbotError as err:
            inner = error_message(err, lang)
    if inner is None:
        reply_to_clicker(body, respond, client, _expired(lang))
        return
    if not isinstance(body.get("response_url"), str):
        log.info("a share click came without a response_url; nothing was shared")
        return
    shared = shared_message(inner, _clicker(body), query, lang)
    respond(text=shared["text"], blocks=shared["blocks"], response_type="in_channel",
            replace_original=False)


def handle_others(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond,
    client: WebClient, context: BoltContext,
) -> None:
    """List the alternatives the matcher ranked after the answer."""
    ack()
    rt = runtime_of(context)
    value = read_value(action.get("value"))
    lang = _lang(value)
    raw = value.get("a")
    ids: list[Any] = raw if isinstance(raw, list) else []
    entries = [e for e in (rt.services.kb.get(str(i)) for i in ids[:4]) if e is not None]
    msg = alternatives_message(entries, lang, str(value.get("q") or ""))
    reply_to_clicker(body, respond, client, msg)


def handle_pick(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond,
    client: WebClient, context: BoltContext,
) -> None:
    """A did-you-mean suggestion was picked: show that entry's full answer."""
    ack()
    rt = runtime_of(context)
    value = read_value(action.get("value"))
    lang = _lang(value)
    asker = rt.principal(body, client)
    public = not _object(body, "container").get("is_ephemeral") and bool(body.get("message"))
    msg = entry_answer(rt.services, str(value.get("e") or ""), lang,
                       str(value.get("q") or ""), asker, public=public)
    reply_to_clicker(body, respond, client, msg or _expired(lang), replace=not public)


def handle_run(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond,
    client: WebClient, context: BoltContext,
) -> None:
    """Run the answer's status command for the clicker, after checking the clicker's rights."""
    ack()
    rt = runtime_of(context)
    value = read_value(action.get("value"))
    lang = _lang(value)
    text = str(value.get("op") or "")
    asker = rt.principal(body, client)
    executor = rt.services.executor
    try:
        op = executor.parse(text)
    except DockbotError:
        reply_to_clicker(body, respond, client, _expired(lang))
        return
    routed = decide(rt.services, op, asker, lang, text)
    reply_to_clicker(body, respond, client, routed.message)
    if routed.job is not None:
        rt.run_later(routed.job, asker,
                     lambda msg: reply_to_clicker(body, respond, client, msg))


def handle_feedback(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond,
    client: WebClient, context: BoltContext,
) -> None:
    """👍/👎: one JSON line in the feedback log (entry, vote, question with anything
    secret-looking masked) and a thank-you."""
    ack()
    value = read_value(action.get("value"))
    lang = _lang(value)
    vote: Vote = "up" if action.get("action_id") == ACTION_FEEDBACK_UP else "down"
    who = identity(body)
    entry = str(value.get("e") or "")[:80]
    record = {"event": "feedback", "vote": vote, "entry": entry,
              "lang": lang, "query": redact_text(str(value.get("q") or "")[:300])[0],
              "team": who.team}
    feedback_log.info(json.dumps(record, ensure_ascii=False))
    record_feedback(runtime_of(context).services.settings, value.get(QUESTION_ID_KEY), vote,
                    entry, user=who.user, team=who.team)
    thanks = message([section(w("feedback_thanks", lang))], w("feedback_thanks", lang), lang)
    reply_to_clicker(body, respond, client, thanks)


def handle_home_lang(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Switch the Home tab between Korean and English."""
    ack()
    lang: Lang = "en" if str(action.get("action_id", "")).endswith("_en") else "ko"
    publish_home(runtime_of(context), client, body, _clicker(body), lang)
