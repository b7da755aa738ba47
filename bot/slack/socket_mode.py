"""Socket Mode: the websocket to Slack, kept connected, and the probes' side port.

:class:`SocketLink` owns the connection (slack_sdk's own reconnection is off): it asks
``apps.connections.open`` for a websocket URL and connects; while that fails - Slack or the
network down, a revoked token - it logs one line saying what went wrong and what to do, and
tries again after 1, 2, 4 ... seconds, at most :data:`MAX_DELAY`; when an open websocket
closes it reconnects at once (then backs off the same way). Nothing of this is fatal: the
process stays up, and its readiness follows the websocket.

Socket Mode serves no HTTP for Slack, so ``/healthz``, ``/readyz`` and ``/metrics``
(:mod:`bot.slack.health`) are served on ``DOCKBOT_HEALTH_PORT`` when it is set (in HTTP mode
too, besides the serving port). ``/readyz`` is 503 until the websocket is connected and
whenever it is not. A websocket that Slack closes is noticed at once; one that goes silent
(no answer to pings, every :data:`PING_INTERVAL` seconds) after four missed intervals.
"""

from __future__ import annotations

import logging
import threading
import urllib.error
from collections.abc import Callable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.socket_mode import SocketModeClient
from waitress.server import create_server

from bot.errors import ConfigError, SlackUnavailable
from bot.secrets import mask_secrets
from bot.services import Services
from bot.settings import Settings
from bot.slack.health import Details, ProbeWsgi, degradation, readiness
from bot.slack.server import quiet_bolt_loggers, stop_http

log = logging.getLogger("dockbot.slack")

FIRST_DELAY = 1.0
MAX_DELAY = 60.0
PING_INTERVAL = 5.0
POLL = 0.25      # how often a connected link checks that it still is

_SDK_LOGGER = "dockbot.slack.socket_mode"
# slack_sdk logs every failed attempt at ERROR, several lines each; SocketLink reports them
# as one line with what to do, so these are kept out of the log (DEBUG shows them).
_SDK_NOISE = ("Failed to establish a connection", "on_error invoked", "Failed to retrieve WSS",
              "Error code:", "Failed to check the current session",
              "Failed to send a request to Slack API server")


class _QuietConnectFailures(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        return not any(record.getMessage().startswith(n) for n in _SDK_NOISE)


def socket_handler(app: App, settings: Settings, *,
                   ping_interval: float = PING_INTERVAL) -> SocketModeHandler:
    """A Socket Mode handler whose client does not reconnect by itself (:class:`SocketLink`
    does); ``.client.connect()`` opens the websocket, ``.client.close()`` ends it."""
    if not settings.slack_app_token:
        raise ConfigError("SLACK_APP_TOKEN is not set.", hint="Set it to an xapp- token.")
    sdk_log = logging.getLogger(_SDK_LOGGER)
    if settings.log_level != "DEBUG" and not sdk_log.filters:
        sdk_log.addFilter(_QuietConnectFailures())
    # apps.connections.open gets a client of its own: no retry of its own (SocketLink retries,
    # with backoff) and its failures logged as SocketLink's one line; listeners keep app.client.
    opener = WebClient(base_url=app.client.base_url, timeout=10, logger=sdk_log,
                       proxy=app.client.proxy, retry_handlers=[])
    return SocketModeHandler(app, settings.slack_app_token, logger=sdk_log,
                             web_client=opener, concurrency=16,
                             auto_reconnect_enabled=False, ping_interval=ping_interval)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.URLError) and not isinstance(exc, urllib.error.HTTPError):
        text = str(exc.reason)
    else:
        text = str(exc) or type(exc).__name__
    return mask_secrets(text.splitlines()[0] if text else type(exc).__name__)[0]


class SocketLink:
    """Keeps a Socket Mode client connected, with capped exponential backoff."""

    def __init__(self, client: SocketModeClient, *, first_delay: float = FIRST_DELAY,
                 max_delay: float = MAX_DELAY, poll: float = POLL) -> None:
        self.client = client
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.poll = poll
        self.failures = 0                  # failed attempts since the last connection
        self.last_error: SlackUnavailable | None = None
        self._ws_error: BaseException | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        client.on_error_listeners.append(self._note)

    @property
    def where(self) -> str:
        return str(self.client.web_client.base_url)

    def _note(self, error: Exception) -> None:
        self._ws_error = error

    def problem(self) -> str | None:
        """None while the websocket is connected; otherwise why not (for ``/readyz``)."""
        if self.client.is_connected():
            return None
        if self.last_error is not None:
            return f"the Socket Mode websocket is not connected: {self.last_error.message}"
        return "the Socket Mode websocket is not connected yet"

    def start(self) -> SocketLink:
        self._thread = threading.Thread(target=self.run, name="dockbot-socket-mode",
                                        daemon=True)
        self._thread.start()
        return self

    def connect_once(self) -> SlackUnavailable | None:
        """One attempt: a new websocket URL, then the websocket; None when connected."""
        self._ws_error = None
        try:
            self.client.connect_to_new_endpoint(force=True)
        except SlackApiError as exc:
            error = exc.response.get("error") if exc.response is not None else None
            return SlackUnavailable(
                f"Slack refused to open a Socket Mode connection ({error or 'no reason'}).",
                hint="Check SLACK_APP_TOKEN: an app-level xapp- token of this app with "
                "connections:write, and Socket Mode turned on for the app.")
        except (SlackClientError, OSError, ValueError) as exc:
            return SlackUnavailable(
                f"Slack's Web API at {self.where} cannot be reached ({_reason(exc)}).")
        if self.client.is_connected():
            return None
        why = _reason(self._ws_error) if self._ws_error is not None else "no handshake"
        return SlackUnavailable(f"Slack's Socket Mode websocket did not connect ({why}).")

    def run(self) -> None:
        delay = self.first_delay
        connected = False
        while not self._stop.is_set():
            if self.client.is_connected():
                if not connected:
                    connected, delay = True, self.first_delay
                    self.failures, self.last_error = 0, None
                    log.info("dockbot is connected to Slack in Socket Mode")
                self._stop.wait(self.poll)
                continue
            if connected:
                connected = False
                log.warning("the Socket Mode websocket to Slack closed; reconnecting")
            error = self.connect_once()
            if error is None or self._stop.is_set():
                continue
            self.failures += 1
            self.last_error = error
            log.error("%s Retrying in %g s.", error.user_text(), delay)
            self._stop.wait(delay)
            delay = min(delay * 2, self.max_delay)

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=15)
        self.client.close()


def probe_server(host: str, port: int, services: Services,
                 link: Callable[[], str | None] | None = None,
                 details: Details | None = None) -> Any:
    """A small waitress server (not started) for ``/healthz``, ``/readyz`` and ``/metrics``."""
    app = ProbeWsgi(readiness(services, link), degradation(services), details)
    try:
        return create_server(app, host=host, port=port, threads=2, ident="dockbot",
                             expose_tracebacks=False, channel_timeout=10,
                             connection_limit=64, cleanup_interval=1)
    except OSError as exc:
        raise ConfigError(
            f"DOCKBOT_HEALTH_PORT={port}: cannot listen on {host}:{port} "
            f"({exc.strerror or exc}).",
            hint="Pick a free port for DOCKBOT_HEALTH_PORT, or unset it.",
        ) from None


def start_probes(host: str, services: Services,
                 link: Callable[[], str | None] | None = None,
                 details: Details | None = None) -> list[Callable[[], object]]:
    """Serve the probes on ``DOCKBOT_HEALTH_PORT`` when it is set; the closers to call."""
    port = services.settings.health_port
    if port is None:
        return []
    server = probe_server(host, port, services, link, details)
    thread = threading.Thread(target=server.run, name="dockbot-probes", daemon=True)
    thread.start()
    log.info("health and readiness on http://%s:%s/healthz and /readyz", host,
             server.effective_port)
    return [lambda: stop_http(server, thread)]


def start_socket_mode(app: App, services: Services, host: str,
                      details: Details | None = None) -> list[Callable[[], object]]:
    """Connect to Slack in the background (never fatal) and serve the probes; returns the
    closers, in the order to call them."""
    handler = socket_handler(app, services.settings)
    quiet_bolt_loggers()
    link = SocketLink(handler.client)
    closers = start_probes(host, services, link.problem, details)
    link.start()
    return [link.close, *closers]

