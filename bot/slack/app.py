"""The Bolt app factory: wiring only.

``build_app`` never calls Slack: an ``authorize`` function hands Bolt the bot
token, so there is no ``auth.test`` at start-up or on the first request.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App, BoltContext, BoltRequest, BoltResponse
from slack_bolt.authorization import AuthorizeResult
from slack_sdk import WebClient

from bot.errors import ConfigError, DockbotError
from bot.explain import explain
from bot.services import Services
from bot.settings import Settings
from bot.slack.failures import on_error
from bot.slack.listeners import actions, commands, events
from bot.slack.runtime import CONTEXT_KEY, Runtime

log = logging.getLogger("dockbot.slack")

ACK_THREADS = 16


class _QuietTokenNotice(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment by itself and then warns that the
    explicit client wins; the token is deliberately given through ``authorize``."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def build_app(services: Services, settings: Settings, *, client: WebClient | None = None) -> App:
    """A Bolt App for dockbot (Socket Mode or HTTP is decided by the server)."""
    return build_app_for(Runtime(services), settings, client=client)


def build_app_for(runtime: Runtime, settings: Settings, *, client: WebClient | None = None) -> App:
    token = settings.slack_bot_token
    if not token:
        raise ConfigError(
            "SLACK_BOT_TOKEN is not set.",
            hint="Set it to the app's Bot User OAuth Token (xoxb-...).",
        )
    executor = runtime.services.executor  # built now, so a bad config fails at start-up
    log.info("read-only executor: %s", "on" if executor.enabled else "off")
    if client is None:
        client = WebClient(base_url=settings.slack_api_url or WebClient.BASE_URL, timeout=10)
    secret = settings.slack_signing_secret or ""
    if not any(isinstance(f, _QuietTokenNotice) for f in log.filters):
        log.addFilter(_QuietTokenNotice())
    app = App(
        name="dockbot",
        logger=log,
        client=client,
        signing_secret=secret,
        request_verification_enabled=bool(secret),
        authorize=_authorizer(token),
        listener_executor=ThreadPoolExecutor(ACK_THREADS, thread_name_prefix="dockbot-ack"),
    )
    app.use(_attach(runtime))
    app.use(_skip_timeout_retries)
    app.use(_drop_replayed_clicks)
    commands.register(app)
    actions.register(app)
    events.register(app)
    app.error(on_error)
    _warm_up()
    return app


def _warm_up() -> None:
    """Load the explainer's flag tables now, so the first explanation is as fast as the rest."""
    try:
        explain("docker ps -a", "en")
    except DockbotError:
        log.warning("the explainer failed its warm-up; explanations may fail")


def _authorizer(token: str) -> Callable[..., AuthorizeResult]:
    def authorize(
        enterprise_id: str | None, team_id: str | None, user_id: str | None
    ) -> AuthorizeResult:
        return AuthorizeResult(
            enterprise_id=enterprise_id, team_id=team_id, user_id=user_id, bot_token=token
        )

    return authorize


def _attach(runtime: Runtime) -> Callable[..., BoltResponse | None]:
    def attach(context: BoltContext, next_: Callable[[], BoltResponse]) -> BoltResponse:
        context[CONTEXT_KEY] = runtime
        return next_()

    return attach


def _skip_timeout_retries(
    request: BoltRequest, next_: Callable[[], BoltResponse]
) -> BoltResponse:
    """Events are acknowledged at once, so a retry after a timeout was already handled."""
    reason = request.headers.get("x-slack-retry-reason", [""])[0]
    if request.headers.get("x-slack-retry-num") and reason == "http_timeout":
        return BoltResponse(status=200, body="")
    return next_()


def _drop_replayed_clicks(
    body: dict[str, Any], context: BoltContext, next_: Callable[[], BoltResponse]
) -> BoltResponse:
    """A click (trigger id) seen before is acknowledged and ignored."""
    trigger = body.get("trigger_id")
    if body.get("type") == "block_actions" and isinstance(trigger, str):
        runtime = context.get(CONTEXT_KEY)
        if isinstance(runtime, Runtime) and not runtime.replays.first_time(trigger):
            return BoltResponse(status=200, body="")
    return next_()
