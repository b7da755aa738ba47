"""Health, readiness and metrics endpoints, in both modes.

``GET /healthz`` is liveness: 200 while the process answers. Its body says ``"status": "ok"``,
or ``"degraded"`` with a ``reason`` when Redis is configured (``DOCKBOT_REDIS_URL``) but does
not answer: the process is fine and must not be restarted, but it is running without shared
state. ``GET /readyz`` is readiness: 200 when the knowledge base is loaded, Redis (when
configured) answers and, in Socket Mode, the websocket to Slack is connected; 503 with a
``reason`` otherwise. ``GET /metrics`` is the Prometheus exposition (optional extra).

HTTP mode answers these on its serving port (:class:`bot.slack.server.SlackWsgi`); Socket
Mode serves no HTTP for Slack, so there they are on a side port (``DOCKBOT_HEALTH_PORT``,
:class:`ProbeWsgi`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from bot import metrics
from bot.errors import DockbotError

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

    from bot.services import Services

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"
METRICS_PATH = "/metrics"

Check = Callable[[], "str | None"]          # None when fine, else the reason
Details = Callable[[], dict[str, object]]   # extra /readyz fields, e.g. {"knowledge": {...}}
Response = tuple[str, list[tuple[str, str]], str]


def _redis_problem(services: Services) -> str | None:
    if services.settings.redis_url is None:
        return None
    try:
        services.state.check()
    except DockbotError as exc:
        return exc.message
    return None


def readiness(services: Services, link: Check | None = None) -> Check:
    """What ``/readyz`` checks: the knowledge base, Redis when configured, and ``link`` (the
    Socket Mode websocket) when given."""

    def check() -> str | None:
        if not services.kb.entries:
            return "the knowledge base has no entries"
        problem = _redis_problem(services)
        if problem is None and link is not None:
            problem = link()
        return problem

    return check


def degradation(services: Services) -> Check:
    """What makes ``/healthz`` say "degraded" (never a failure): Redis configured but down."""

    def check() -> str | None:
        return _redis_problem(services)

    return check


def json_response(status: str, data: dict[str, object]) -> Response:
    return status, [("Content-Type", "application/json")], json.dumps(data)


def probe(path: str, method: str, ready: Check | None, degraded: Check | None,
          details: Details | None = None) -> Response | None:
    """The answer to a health, readiness or metrics request; None for any other request."""
    if method not in ("GET", "HEAD"):
        return None
    if path == HEALTH_PATH:
        reason = degraded() if degraded is not None else None
        if reason is not None:
            return json_response("200 OK", {"ok": True, "status": "degraded", "reason": reason})
        return json_response("200 OK", {"ok": True, "status": "ok"})
    if path == READY_PATH:
        reason = ready() if ready is not None else None
        extra = details() if details is not None else {}
        if reason is not None:
            return json_response("503 Service Unavailable",
                                 {"ready": False, "reason": reason, **extra})
        return json_response("200 OK", {"ready": True, **extra})
    if path == METRICS_PATH:
        exposition = metrics.exposition()
        if exposition is None:
            return json_response("404 Not Found", {
                "error": "metrics need the prometheus-client package: "
                         "pip install 'dockbot[metrics]'"})
        content_type, data = exposition
        return "200 OK", [("Content-Type", content_type)], data.decode("utf-8")
    return None


class ProbeWsgi:
    """The side port's WSGI app: health, readiness and metrics, nothing else."""

    def __init__(self, ready: Check, degraded: Check, details: Details | None = None) -> None:
        self.ready = ready
        self.degraded = degraded
        self.details = details

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        method = str(environ.get("REQUEST_METHOD", "GET")).upper()
        answer = probe(str(environ.get("PATH_INFO", "")), method, self.ready, self.degraded,
                       self.details)
        if answer is None:
            answer = json_response("404 Not Found", {
                "error": "this port serves only /healthz, /readyz and /metrics"})
        status, headers, body = answer
        payload = body.encode("utf-8")
        start_response(status, [*headers, ("Content-Length", str(len(payload)))])
        return [payload]
