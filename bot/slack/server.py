"""Running the Slack app: Socket Mode (:mod:`bot.slack.socket_mode`), or HTTP mode on waitress.

HTTP mode serves ``POST /slack/events`` and the probes of :mod:`bot.slack.health`
(``/healthz``, ``/readyz`` with ``knowledge`` details: entries, when loaded, the last
reload's problems; ``/metrics``) through a small WSGI front door
that checks the request before Bolt sees it: a missing or
non-numeric ``X-Slack-Request-Timestamp``, a stale timestamp or a bad
signature is a 401 and nothing else runs (Bolt alone answers 500 on a
non-numeric timestamp and logs rejected bodies). A signed body that is unreadable or
not the shape Slack sends (:func:`bot.slack.payloads.shape_problem`) is a 400. Nothing
is kept between requests, so replicas can sit behind any load balancer.
"""

from __future__ import annotations

import json
import logging
import signal
import threading
import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from types import FrameType
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from slack_bolt import App, BoltRequest
from slack_bolt.context import BoltContext
from slack_bolt.request.internals import build_context
from slack_sdk.signature import SignatureVerifier
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher

from bot import metrics
from bot.errors import ConfigError
from bot.settings import Settings
from bot.slack.health import Check, Details, degradation, json_response, probe, readiness
from bot.slack.payloads import shape_problem

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

log = logging.getLogger("dockbot.slack")

EVENTS_PATH = "/slack/events"
MAX_BODY = 1_000_000  # Slack payloads are far smaller
HTTP_THREADS = 32
# A request (headers and body) must arrive within REQUEST_READ_TIMEOUT seconds of its first
# byte; a connection with nothing in flight closes after IDLE_TIMEOUT seconds of silence.
REQUEST_READ_TIMEOUT = 10.0
IDLE_TIMEOUT = 30
CONNECTION_LIMIT = 4000
MAX_HEADER_BYTES = 64 * 1024


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, and the
    traceback as ``exc`` when there is one. Secret-looking values (Slack tokens, passwords,
    keys) are masked in the message and the traceback."""

    def format(self, record: logging.LogRecord) -> str:
        from datetime import UTC, datetime

        from bot.secrets import mask_secrets

        out: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": mask_secrets(record.getMessage())[0],
        }
        if record.exc_info:
            out["exc"] = mask_secrets(self.formatException(record.exc_info))[0]
        return json.dumps(out, ensure_ascii=False)


def configure_logging(settings: Settings) -> None:
    """Log to stderr at ``DOCKBOT_LOG_LEVEL``, as text or (``DOCKBOT_LOG_FORMAT=json``) JSON
    lines; nothing changes when logging is already configured."""
    root = logging.getLogger()
    if root.handlers:
        return
    handler = logging.StreamHandler()
    if settings.log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(settings.log_level)


def quiet_bolt_loggers() -> None:
    """Bolt logs the full body of every rejected request at INFO; keep bodies out of logs."""
    logging.getLogger("slack_bolt.RequestVerification").setLevel(logging.WARNING)


def _parse_body(raw: str, content_type: str | None) -> dict[str, Any] | None:
    """Form bodies parsed correctly (Bolt reads any form text that contains "payload" as
    an interactive payload); None when Bolt's own parsing is right."""
    if raw.startswith("{") or (content_type or "").startswith("application/json"):
        return None
    params = dict(parse_qsl(raw, keep_blank_values=True))
    if "payload" in params:
        return None
    return params


def bolt_request(raw: str, query: str, headers: dict[str, str]) -> BoltRequest:
    """A BoltRequest for an HTTP body; raises ValueError on a body that is not Slack's."""
    req = BoltRequest(body=raw, query=query, headers=dict(headers))
    if not isinstance(req.body, dict):
        raise ValueError("request body is not an object")
    fixed = _parse_body(raw, req.content_type)
    if fixed is not None and fixed != req.body:
        req.body = fixed
        req.context = build_context(BoltContext({}), fixed)
    return req


class SlackWsgi:
    """WSGI front door: health and readiness, request checks, then Bolt."""

    def __init__(self, app: App, signing_secret: str, *, path: str = EVENTS_PATH,
                 ready: Check | None = None, degraded: Check | None = None,
                 details: Details | None = None) -> None:
        self.app = app
        self.path = path
        self.verifier = SignatureVerifier(signing_secret)
        self.ready = ready
        self.degraded = degraded
        self.details = details  # extra /readyz fields, e.g. {"knowledge": {...}}

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        start = time.perf_counter()
        status, headers, body = self.handle(environ)
        if environ.get("PATH_INFO") == self.path:
            metrics.count_request(str(environ.get("dockbot.surface", "unknown")),
                                  _outcome(status), time.perf_counter() - start)
        payload = body.encode("utf-8")
        start_response(status, [*headers, ("Content-Length", str(len(payload)))])
        return [payload]

    def handle(self, environ: WSGIEnvironment) -> tuple[str, list[tuple[str, str]], str]:
        method = str(environ.get("REQUEST_METHOD", "GET")).upper()
        path = str(environ.get("PATH_INFO", ""))
        answer = probe(path, method, self.ready, self.degraded, self.details)
        if answer is not None:
            return answer
        if path != self.path:
            return _json("404 Not Found", {"error": "not found"})
        if method != "POST":
            return _json("405 Method Not Allowed", {"error": "use POST"})
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _json("400 Bad Request", {"error": "bad content-length"})
        if length < 0 or length > MAX_BODY:
            return _json("413 Payload Too Large", {"error": "body too large"})
        raw = environ["wsgi.input"].read(length) if length else b""
        headers = _headers(environ)
        timestamp = headers.get("x-slack-request-timestamp", "")
        signature = headers.get("x-slack-signature", "")
        if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12 and signature):
            return _json("401 Unauthorized", {"error": "invalid request"})
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:  # Slack always sends UTF-8; the verifier cannot check it
            return _json("401 Unauthorized", {"error": "invalid request"})
        if not self.verifier.is_valid(text, timestamp, signature):
            return _json("401 Unauthorized", {"error": "invalid request"})
        try:
            req = bolt_request(text, str(environ.get("QUERY_STRING", "")), headers)
        except (ValueError, AttributeError, TypeError, RecursionError):
            return _json("400 Bad Request", {"error": "unreadable body"})
        environ["dockbot.surface"] = _surface(req.body)
        problem = shape_problem(req.body)
        if problem is not None:
            log.warning("rejected a malformed Slack payload: %s", problem)
            return _json("400 Bad Request", {"error": problem})
        resp = self.app.dispatch(req)
        out = [(k, v) for k, vs in resp.headers.items() for v in vs
               if k.lower() != "content-length"]
        return _status(resp.status), out, resp.body or ""


def _headers(environ: WSGIEnvironment) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in environ.items():
        if key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            out[key.lower().replace("_", "-")] = str(value)
        elif key.startswith("HTTP_"):
            out[key[5:].lower().replace("_", "-")] = str(value)
    return out


def _surface(body: dict[str, Any]) -> str:
    """Which kind of Slack request this is: command, interaction, event or other."""
    if "command" in body:
        return "command"
    if body.get("type") in ("block_actions", "view_submission", "view_closed", "shortcut",
                            "message_action", "block_suggestion"):
        return "interaction"
    if body.get("type") in ("event_callback", "url_verification"):
        return "event"
    return "other"


def _outcome(status: str) -> str:
    code = status[:3]
    if code.startswith("2"):
        return "ok"
    if code == "401":
        return "rejected"
    if code.startswith("4"):
        return "bad_request"
    return "error"


def _status(code: int) -> str:
    try:
        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:
        return f"{code} Unknown"


_json = json_response


class _DeadlineChannel(HTTPChannel):  # type: ignore[misc]
    """A waitress channel that remembers when the request being read began.

    waitress's ``channel_timeout`` counts from the last byte received, so a client that
    sends one byte every few seconds keeps a connection (and a slot under
    ``connection_limit``) forever; waitress has no setting for a whole-request deadline.
    """

    request_started = 0.0

    def received(self, data: bytes) -> bool:
        if data and self.request is None:
            self.request_started = time.monotonic()
        return bool(super().received(data))


class _DeadlineServer(TcpWSGIServer):  # type: ignore[misc]
    """waitress's TCP server plus a read deadline per request, checked by its own
    maintenance pass (every ``cleanup_interval`` seconds, from the server's loop)."""

    channel_class = _DeadlineChannel
    read_timeout = REQUEST_READ_TIMEOUT

    def maintenance(self, now: float) -> None:
        super().maintenance(now)
        cutoff = time.monotonic() - self.read_timeout
        for channel in list(self.active_channels.values()):
            req = channel.request
            if req is not None and not req.completed and channel.request_started < cutoff:
                channel.will_close = True  # the loop closes it on its next pass


def http_server(app: App, settings: Settings, host: str, port: int, *,
                read_timeout: float = REQUEST_READ_TIMEOUT,
                idle_timeout: int = IDLE_TIMEOUT, ready: Check | None = None,
                degraded: Check | None = None, details: Details | None = None) -> Any:
    """A waitress server for the app (not started); ``.run()`` serves, ``.close()`` stops.

    Bounded against slow clients: headers and body within ``read_timeout`` seconds of the
    first byte, idle keep-alive connections closed after ``idle_timeout`` seconds, headers
    at most 64 KiB, bodies at most 1 MB, ``poll()`` instead of ``select()`` so thousands
    of open connections do not hit the 1,024-descriptor ceiling.
    """
    if not settings.slack_signing_secret:
        raise ConfigError(
            "SLACK_SIGNING_SECRET is not set (needed in HTTP mode).",
            hint="Set it from Basic Information > Signing Secret, or set SLACK_APP_TOKEN "
            "for Socket Mode.",
        )
    quiet_bolt_loggers()
    front = SlackWsgi(app, settings.slack_signing_secret, ready=ready, degraded=degraded,
                      details=details)
    adj = Adjustments(
        host=host,
        port=port,
        threads=HTTP_THREADS,
        connection_limit=CONNECTION_LIMIT,
        backlog=1024,
        max_request_header_size=MAX_HEADER_BYTES,
        max_request_body_size=MAX_BODY,
        channel_timeout=idle_timeout,
        cleanup_interval=1,
        asyncore_use_poll=True,
        ident="dockbot",
        expose_tracebacks=False,
    )
    if len(adj.listen) != 1:
        raise ConfigError(f"--host {host} names {len(adj.listen)} addresses.",
                          hint="Give one address, e.g. 0.0.0.0 or 127.0.0.1.")
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.set_thread_count(adj.threads)
    server = _DeadlineServer(front, {}, True, None, dispatcher=dispatcher, adj=adj,
                             sockinfo=adj.listen[0])
    server.read_timeout = read_timeout
    return server


def stop_http(server: Any, thread: threading.Thread | None = None) -> None:
    """Stop a waitress server started with ``.run()`` in ``thread``: close it from its own
    loop (closing from outside races the loop's select), then stop its worker threads."""
    try:
        server.trigger.pull_trigger(server.close)
    except OSError:  # the loop has ended already and closed its trigger: close directly
        server.close()
    if thread is not None:
        thread.join(timeout=10)
    server.task_dispatcher.shutdown()


def _wait_for_signal(stop: threading.Event, on_hup: Callable[[], None] | None = None) -> None:
    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    def on_sighup(signum: int, frame: FrameType | None) -> None:
        if on_hup is not None:
            on_hup()

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, on_signal)
    if hasattr(signal, "SIGHUP"):  # not on Windows
        signal.signal(signal.SIGHUP, on_sighup)
    stop.wait()


def serve(settings: Settings, host: str, port: int) -> int:
    """Run the Slack app until SIGINT/SIGTERM; Socket Mode when an app token is set. The
    knowledge base reloads when its files change and on SIGHUP (:mod:`bot.kb.live`)."""
    from bot.kb.live import KnowledgeWatcher
    from bot.services import load_services
    from bot.slack.app import build_app_for
    from bot.slack.runtime import Runtime

    settings.require_slack()
    configure_logging(settings)
    services = load_services(settings)
    services.matcher.warm()
    runtime = Runtime(services)
    stop = threading.Event()
    closers: list[Callable[[], object]] = [services.close, runtime.close]
    try:
        shared = services.state if settings.redis_url is not None else None
        watcher = KnowledgeWatcher(services, state=shared).start()
        closers.insert(0, watcher.close)
        app = build_app_for(runtime, settings)

        def knowledge() -> dict[str, object]:
            return {"knowledge": watcher.status()}

        if settings.slack_app_token:
            from bot.slack.socket_mode import start_socket_mode

            closers[:0] = start_socket_mode(app, services, host, details=knowledge)
        else:
            from bot.slack.socket_mode import start_probes

            server = http_server(app, settings, host, port, ready=readiness(services),
                                 degraded=degradation(services), details=knowledge)
            closers[:0] = start_probes(host, services, details=knowledge)
            thread = threading.Thread(target=server.run, name="dockbot-http", daemon=True)
            thread.start()
            closers.insert(0, lambda: stop_http(server, thread))
            log.info("dockbot listens on http://%s:%s%s", host, server.effective_port,
                     EVENTS_PATH)
        _wait_for_signal(stop, watcher.request)
    finally:
        for close in closers:
            close()
    return 0
