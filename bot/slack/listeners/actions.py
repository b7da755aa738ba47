"""Buttons: share, other answers, did-you-mean, run it, feedback, Home language.

Every button carries what it needs in its value (see bot.render.blockkit.button), so
any replica can handle any click. Replies go to the clicker only: through
``respond`` for ephemeral messages, ``chat.postEphemeral`` in the thread for
public ones.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import App

from bot.errors import DockbotError
from bot.executor.redact import redact_text
from bot.explain import explain
from bot.fill import LiveNames
from bot.lang import Lang
from bot.questionlog import Vote, record_feedback
from bot.render.blockkit import Message, message, section, w
from bot.render.blocks import (
    ACTION_FEEDBACK_DOWN,
    ACTION_FEEDBACK_UP,
    ACTION_OTHERS,
    ACTION_RUN,
    ACTION_SHARE,
    HOME_LANG_PATTERN,
    PICK_PATTERN,
    alternatives_message,
    error_message,
    explanation_message,
    shared_message,
)
from bot.render.buttons import Feedback, HomeLang, Others, Pick, Run, Share
from bot.render.fill import menus_message, with_menus
from bot.slack.clicks import Click, on_click
from bot.slack.home import publish_home
from bot.slack.live_names import offer_later
from bot.slack.payloads import identity
from bot.slack.router import decide, entry_answer, entry_command, entry_message
from bot.slack.sharing import shareable_text

MAX_OTHERS = 4  # the alternatives the "Other answers" list shows
feedback_log = logging.getLogger("dockbot.feedback")
log = logging.getLogger("dockbot.slack")


def register(app: App) -> None:
    app.action(ACTION_SHARE)(on_click(Share)(handle_share))
    app.action(ACTION_OTHERS)(on_click(Others)(handle_others))
    app.action(PICK_PATTERN)(on_click(Pick)(handle_pick))
    app.action(ACTION_RUN)(on_click(Run)(handle_run))
    app.action(ACTION_FEEDBACK_UP)(on_click(Feedback)(handle_feedback))
    app.action(ACTION_FEEDBACK_DOWN)(on_click(Feedback)(handle_feedback))
    app.action(HOME_LANG_PATTERN)(on_click(HomeLang)(handle_home_lang))


def _expired(lang: Lang) -> Message:
    return message([section(w("expired", lang))], w("expired", lang), lang)


def handle_share(click: Click[Share]) -> None:
    """Post the same answer visibly in the channel, attributed to the asker."""
    value, lang = click.value, click.value.lang
    inner: Message | None = None
    query = shareable_text(value.query)
    if value.entry is not None:
        inner = entry_message(click.rt.services, value.entry, lang, query)
    elif value.command:
        query = shareable_text(value.command)  # masked again: the value may predate masking
        try:
            inner = explanation_message(explain(query, lang).to_dict(), lang)
        except DockbotError as err:
            inner = error_message(err, lang)
    if inner is None:
        click.reply(_expired(lang))
        return
    if not isinstance(click.body.get("response_url"), str):
        log.info("a share click came without a response_url; nothing was shared")
        return
    shared = shared_message(inner, click.clicker, query, lang)
    click.respond(text=shared["text"], blocks=shared["blocks"], response_type="in_channel",
                  replace_original=False)


def handle_others(click: Click[Others]) -> None:
    """List the alternatives the matcher ranked after the answer; their commands get
    live-name menus after the ack."""
    lang = click.value.lang
    kb = click.rt.services.kb
    entries = [e for e in (kb.get(i) for i in click.value.ids) if e is not None]
    msg = alternatives_message(entries, lang, click.value.query)
    click.reply(msg)
    commands = [e.command for e in entries[:MAX_OTHERS]]
    offer_later(click.rt, click.asker(), commands, _menus_for(click, msg, lang, replace=False))


def handle_pick(click: Click[Pick]) -> None:
    """A did-you-mean suggestion was picked: show that entry's full answer, with live-name
    menus after the ack."""
    value, services = click.value, click.rt.services
    asker = click.asker()
    msg = entry_answer(services, value.entry, value.lang, value.query, asker,
                       public=click.public)
    click.reply(msg or _expired(value.lang), replace=not click.public)
    if msg is not None:
        command = entry_command(services, value.entry, value.query)
        offer_later(click.rt, asker, [command],
                    _menus_for(click, msg, value.lang, replace=not click.public))


def _menus_for(click: Click[Any], msg: Message, lang: Lang, *,
               replace: bool) -> Callable[[list[LiveNames]], None]:
    """How the menus reach the clicker: an ephemeral reply is sent again with them when it
    replaced the clicked message; otherwise they follow as their own ephemeral message
    (only the clicker sees the names)."""

    def deliver(found: list[LiveNames]) -> None:
        if replace:
            click.reply(with_menus(msg, found, lang), replace=True)
            return
        follow_up = menus_message(found, lang)
        if follow_up is not None:
            click.reply(follow_up)

    return deliver


def handle_run(click: Click[Run]) -> None:
    """Run the answer's status command for the clicker, after checking the clicker's rights."""
    lang, text = click.value.lang, click.value.op
    asker = click.asker()
    executor = click.rt.services.executor
    try:
        op = executor.parse(text)
    except DockbotError:
        click.reply(_expired(lang))
        return
    routed = decide(click.rt.services, op, asker, lang, text)
    click.reply(routed.message)
    if routed.job is not None:
        click.rt.run_later(routed.job, asker, click.reply)


def handle_feedback(click: Click[Feedback]) -> None:
    """👍/👎: one JSON line in the feedback log (entry, vote, question with anything
    secret-looking masked) and a thank-you."""
    value, lang = click.value, click.value.lang
    vote: Vote = "up" if click.action_id == ACTION_FEEDBACK_UP else "down"
    who = identity(click.body)
    record = {"event": "feedback", "vote": vote, "entry": value.entry,
              "lang": lang, "query": redact_text(value.query[:300])[0],
              "team": who.team}
    feedback_log.info(json.dumps(record, ensure_ascii=False))
    record_feedback(click.rt.services.settings, value.question_id, vote,
                    value.entry, user=who.user, team=who.team)
    thanks = message([section(w("feedback_thanks", lang))], w("feedback_thanks", lang), lang)
    click.reply(thanks)


def handle_home_lang(click: Click[HomeLang]) -> None:
    """Switch the Home tab between Korean and English."""
    lang: Lang = "en" if click.action_id.endswith("_en") else "ko"
    publish_home(click.rt, click.client, click.body, click.clicker, lang)
