"""What Slack sends, per payload type: its shape, checked before any listener reads it,
and who sent it.

Identity is read only from the fields Slack fills for each payload type, so a signed
body cannot claim another user, channel or team through an extra key:

* slash commands: top-level ``user_id``, ``channel_id``, ``team_id``;
* block actions: ``user.id``, ``channel.id`` (or ``container.channel_id``), ``team.id``
  (or ``user.team_id``);
* events: ``event.user``, ``event.channel``, top-level ``team_id``.

A conversation is a direct message when its id is a DM id (``D...``) or the event says
``channel_type: im``; a channel's *name* never decides (any channel can be named
``directmessage``).

:func:`shape_problem` names the first thing in a body that is not the shape Slack
sends (``actions`` as a string, ``[null]``, an integer ``action_id``, nesting deeper
than any Slack payload ...); such a body is answered 400 without a listener running.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

MAX_DEPTH = 64  # Slack's deepest payloads (rich text inside a message) nest about 12 levels
MAX_ACTIONS = 25
MAX_ID = 255


@dataclass(frozen=True)
class Identity:
    """Who sent a payload, from where; ``None`` for what the payload type does not carry."""

    team: str | None
    channel: str | None
    user: str | None
    is_dm: bool


def payload_kind(body: Mapping[str, Any]) -> str:
    """``command``, ``block_actions``, ``event``, or ``other``."""
    if isinstance(body.get("command"), str):
        return "command"
    kind = body.get("type")
    if kind == "block_actions":
        return "block_actions"
    if kind == "event_callback" and isinstance(body.get("event"), Mapping):
        return "event"
    return "other"


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value and len(value) <= MAX_ID else None


def _sub(body: Mapping[str, Any], key: str, sub: str) -> str | None:
    inner = body.get(key)
    return _str(inner.get(sub)) if isinstance(inner, Mapping) else None


def is_dm_id(channel: str | None) -> bool:
    """Direct-message conversation ids start with ``D``."""
    return bool(channel) and str(channel).startswith("D")


def identity(body: Mapping[str, Any]) -> Identity:
    """The sender of a command, click or event, read the way Slack sends each."""
    kind = payload_kind(body)
    if kind == "command":
        channel = _str(body.get("channel_id"))
        return Identity(_str(body.get("team_id")), channel, _str(body.get("user_id")),
                        is_dm_id(channel))
    if kind == "block_actions":
        channel = _sub(body, "channel", "id") or _sub(body, "container", "channel_id")
        team = _sub(body, "team", "id") or _sub(body, "user", "team_id")
        return Identity(team, channel, _sub(body, "user", "id"), is_dm_id(channel))
    if kind == "event":
        event = body["event"]
        channel = _str(event.get("channel"))
        dm = event.get("channel_type") == "im" or is_dm_id(channel)
        return Identity(_str(body.get("team_id")), channel, _str(event.get("user")), dm)
    return Identity(None, None, None, False)


def _depth(value: Any) -> int:
    """Nesting depth of parsed JSON, without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, Mapping):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        if deepest > MAX_DEPTH:
            return deepest
        stack.extend((child, level + 1) for child in children)
    return deepest


_OUR_EVENTS = ("app_mention", "message", "app_home_opened")
_OPTIONAL_OBJECTS = ("team", "channel", "container", "message", "view", "enterprise")
_OPTIONAL_TEXTS = ("response_url", "trigger_id", "api_app_id")


def shape_problem(body: Any) -> str | None:
    """What is wrong with a signed body Slack would never send; None when it is fine."""
    if not isinstance(body, Mapping):
        return "the body is not an object"
    if _depth(body) > MAX_DEPTH:
        return "the body is nested too deeply"
    kind = body.get("type")
    if kind == "block_actions":
        return _actions_problem(body)
    if kind == "event_callback":
        event = body.get("event")
        if not isinstance(event, Mapping):
            return "event is not an object"
        if event.get("type") not in _OUR_EVENTS:
            return None
        for key in ("type", "user", "channel", "channel_type", "text", "ts", "thread_ts",
                    "subtype", "bot_id", "tab", "team"):
            if event.get(key) is not None and not isinstance(event[key], str):
                return f"event.{key} is not text"
    return None


def _actions_problem(body: Mapping[str, Any]) -> str | None:
    actions = body.get("actions")
    if not isinstance(actions, list) or not 0 < len(actions) <= MAX_ACTIONS:
        return "actions is not a list of 1 to 25 actions"
    for action in actions:
        if not isinstance(action, Mapping):
            return "an action is not an object"
        if not isinstance(action.get("action_id"), str) or not action["action_id"]:
            return "an action has no text action_id"
        if action.get("value") is not None and not isinstance(action["value"], str):
            return "an action value is not text"
    user = body.get("user")
    if not isinstance(user, Mapping) or not isinstance(user.get("id"), str):
        return "user is not an object with an id"
    for key in _OPTIONAL_OBJECTS:
        if body.get(key) is not None and not isinstance(body[key], Mapping):
            return f"{key} is not an object"
    for key in _OPTIONAL_TEXTS:
        if body.get(key) is not None and not isinstance(body[key], str):
            return f"{key} is not text"
    return None
