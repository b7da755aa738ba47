"""Bolt middleware and the authorize function (what runs before every listener).

``authorizer`` hands Bolt the bot token without calling ``auth.test``;
``reject_malformed`` answers 400 to a body Slack would never send (before anything
reads it, in HTTP and Socket Mode alike); ``attach_runtime`` puts the shared
:class:`~bot.slack.runtime.Runtime` on each request's context;
``skip_timeout_retries`` drops Slack's retries of events that were acknowledged at
once; ``drop_repeated_events`` acknowledges and ignores an event whose ``event_id``
was already seen (a retry for any reason, by whichever replica got it first);
``drop_replayed_clicks`` does the same for a click or slash command whose trigger id
was already seen (a replayed signed request). Seen keys live in the shared state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, BoltRequest, BoltResponse
from slack_bolt.authorization import AuthorizeResult

from bot.slack.payloads import shape_problem
from bot.slack.runtime import CONTEXT_KEY, Runtime

log = logging.getLogger("dockbot.slack")

# Slack retries an event up to three times: at once, after 1 minute and after 5 more.
EVENT_TTL = 3600.0


class QuietTokenNotice(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment by itself and then warns that the
    explicit client wins; the token is deliberately given through ``authorize``."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def authorizer(token: str) -> Callable[..., AuthorizeResult]:
    def authorize(
        enterprise_id: str | None, team_id: str | None, user_id: str | None
    ) -> AuthorizeResult:
        return AuthorizeResult(
            enterprise_id=enterprise_id, team_id=team_id, user_id=user_id, bot_token=token
        )

    return authorize


def reject_malformed(
    request: BoltRequest, body: dict[str, Any], next_: Callable[[], BoltResponse]
) -> BoltResponse:
    """A body of the wrong shape gets one log line, never a traceback: a 400 over HTTP,
    an empty acknowledgement in Socket Mode (an unacknowledged envelope is sent again)."""
    problem = shape_problem(body)
    if problem is not None:
        log.warning("rejected a malformed Slack payload: %s", problem)
        if request.mode == "socket_mode":
            return BoltResponse(status=200, body="")
        return BoltResponse(status=400, body=problem)
    return next_()


def attach_runtime(runtime: Runtime) -> Callable[..., BoltResponse | None]:
    def attach(context: BoltContext, next_: Callable[[], BoltResponse]) -> BoltResponse:
        context[CONTEXT_KEY] = runtime
        return next_()

    return attach


def skip_timeout_retries(
    request: BoltRequest, next_: Callable[[], BoltResponse]
) -> BoltResponse:
    """Events are acknowledged at once, so a retry after a timeout was already handled."""
    reason = request.headers.get("x-slack-retry-reason", [""])[0]
    if request.headers.get("x-slack-retry-num") and reason == "http_timeout":
        return BoltResponse(status=200, body="")
    return next_()


def drop_repeated_events(
    body: dict[str, Any], context: BoltContext, next_: Callable[[], BoltResponse]
) -> BoltResponse:
    """An event (event id) seen before is acknowledged and ignored."""
    event_id = body.get("event_id")
    if body.get("type") == "event_callback" and isinstance(event_id, str) and event_id:
        runtime = context.get(CONTEXT_KEY)
        team = body.get("team_id") if isinstance(body.get("team_id"), str) else ""
        if isinstance(runtime, Runtime) and not runtime.replays.first_time(
                f"event:{team}:{event_id}", EVENT_TTL):
            return BoltResponse(status=200, body="")
    return next_()


def drop_replayed_clicks(
    body: dict[str, Any], context: BoltContext, next_: Callable[[], BoltResponse]
) -> BoltResponse:
    """A click or slash command (trigger id) seen before is acknowledged and ignored."""
    trigger = body.get("trigger_id")
    if (body.get("type") == "block_actions" or "command" in body) and isinstance(trigger, str) \
            and trigger:
        runtime = context.get(CONTEXT_KEY)
        if isinstance(runtime, Runtime) and not runtime.replays.first_time(f"trigger:{trigger}"):
            return BoltResponse(status=200, body="")
    return next_()
