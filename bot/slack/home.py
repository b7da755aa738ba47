"""The App Home tab: an onboarding guide built from the team notes, and what the viewer may run.

The guide uses the knowledge-base entries that cite a section of the team notes
(``source:``), in the notes' order: the concepts first, then the core commands.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from slack_sdk import WebClient

from bot.executor import Executor, Principal
from bot.kb.model import Entry, KnowledgeBase
from bot.lang import Lang
from bot.learn import load_course
from bot.phrases import phrase
from bot.render.blocks import home_view
from bot.slack.access import allowed_ops, asker_for
from bot.slack.payloads import Identity, identity
from bot.slack.runtime import Runtime

MAX_PLACES = 10


def guide(kb: KnowledgeBase) -> tuple[list[Entry], list[Entry]]:
    """(concepts, core commands) from the notes, in the notes' order."""
    noted = sorted((e for e in kb.entries if e.source), key=lambda e: (e.file, e.line))
    concepts = [e for e in noted if e.kind == "concept"]
    commands = [e for e in noted if e.kind == "command" and e.command]
    if not concepts:
        concepts = [e for e in kb.entries if e.kind == "concept"]
    if not commands:
        commands = [e for e in kb.entries if e.kind == "command" and e.command]
    return concepts, commands


def access_by_place(
    executor: Executor, viewer: Principal, lang: Lang
) -> list[tuple[str, list[str], list[str]]]:
    """Where the viewer may run lookups: (place as mrkdwn, operations, hosts)."""
    if not executor.enabled or viewer.user is None:
        return []
    places: list[tuple[str, Principal]] = [
        (phrase("slack.home_dm", lang),
         Principal.slack(user=viewer.user, channel="", team=viewer.team,
                         usergroups=viewer.usergroups, is_dm=True))
    ]
    for channel in list(executor.config.policy.channels)[:MAX_PLACES]:
        places.append((f"<#{channel}>", Principal.slack(
            user=viewer.user, channel=channel, team=viewer.team, usergroups=viewer.usergroups)))
    out: list[tuple[str, list[str], list[str]]] = []
    for label, principal in places:
        ops, hosts = allowed_ops(executor, principal)
        if ops:
            out.append((label, ops, hosts))
    return out


def home_for(rt: Runtime, client: WebClient | None, body: Mapping[str, Any], user: str,
             lang: Lang) -> dict[str, Any]:
    team = identity(body).team
    viewer = asker_for(Identity(team, None, user, False), rt.services.executor, client,
                       rt.groups).principal
    concepts, commands = guide(rt.services.kb)
    access = access_by_place(rt.services.executor, viewer, lang)
    return home_view(lang, concepts, commands, access, course_lessons=len(load_course()))


def publish_home(rt: Runtime, client: WebClient, body: Mapping[str, Any], user: str,
                 lang: Lang) -> None:
    client.views_publish(user_id=user, view=home_for(rt, client, body, user, lang))
