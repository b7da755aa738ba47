"""The Bolt app factory: wiring only.

``build_app`` never calls Slack: an ``authorize`` function hands Bolt the bot
token, so there is no ``auth.test`` at start-up or on the first request.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App
from slack_sdk import WebClient

from bot.errors import ConfigError, DockbotError
from bot.explain import explain
from bot.services import Services
from bot.settings import Settings
from bot.slack.failures import on_error
from bot.slack.listeners import actions, commands, events, fill, lessons
from bot.slack.middleware import (
    QuietTokenNotice,
    attach_runtime,
    authorizer,
    drop_repeated_events,
    drop_replayed_clicks,
    reject_malformed,
    skip_timeout_retries,
)
from bot.slack.runtime import Runtime

log = logging.getLogger("dockbot.slack")

ACK_THREADS = 16


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
    if not any(isinstance(f, QuietTokenNotice) for f in log.filters):
        log.addFilter(QuietTokenNotice())
    app = App(
        name="dockbot",
        logger=log,
        client=client,
        signing_secret=secret,
        request_verification_enabled=bool(secret),
        authorize=authorizer(token),
        listener_executor=ThreadPoolExecutor(ACK_THREADS, thread_name_prefix="dockbot-ack"),
    )
    app.use(reject_malformed)
    app.use(attach_runtime(runtime))
    app.use(skip_timeout_retries)
    app.use(drop_repeated_events)
    app.use(drop_replayed_clicks)
    commands.register(app)
    actions.register(app)
    lessons.register(app)
    fill.register(app)
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
