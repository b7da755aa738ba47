"""Prometheus metrics for ``GET /metrics`` (the optional ``metrics`` extra).

Without ``prometheus-client`` installed every ``count_*`` call does nothing and
:func:`exposition` returns None. Labels are small fixed sets (surface, outcome,
operation, host alias), never a user, channel or question.
"""

from __future__ import annotations

from typing import Any

try:
    from prometheus_client import (
        CONTENT_TYPE_LATEST,
        CollectorRegistry,
        Counter,
        Histogram,
        generate_latest,
    )
except ImportError:  # pragma: no cover - exercised only without the extra
    _ENABLED = False
else:
    _ENABLED = True

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 3.0, 5.0, 10.0, 30.0)

_registry: Any = None
_m: dict[str, Any] = {}


def enabled() -> bool:
    return _ENABLED


def _metrics() -> dict[str, Any]:
    global _registry
    if not _m and _ENABLED:
        _registry = CollectorRegistry()
        _m["requests"] = Counter(
            "dockbot_requests", "Slack requests over HTTP, by surface and outcome.",
            ["surface", "outcome"], registry=_registry)
        _m["request_seconds"] = Histogram(
            "dockbot_request_seconds", "Time to answer a Slack request over HTTP.",
            ["surface"], buckets=LATENCY_BUCKETS, registry=_registry)
        _m["answers"] = Counter(
            "dockbot_answers", "Questions answered, by surface: confident or abstained.",
            ["surface", "result"], registry=_registry)
        _m["exec"] = Counter(
            "dockbot_exec", "Executor requests, by operation, host alias and outcome.",
            ["operation", "host", "outcome"], registry=_registry)
        _m["exec_seconds"] = Histogram(
            "dockbot_exec_seconds", "Time an executor request took.",
            ["operation"], buckets=LATENCY_BUCKETS, registry=_registry)
    return _m


def count_request(surface: str, outcome: str, seconds: float) -> None:
    m = _metrics()
    if m:
        m["requests"].labels(surface, outcome).inc()
        m["request_seconds"].labels(surface).observe(seconds)


def count_answer(surface: str, confident: bool) -> None:
    m = _metrics()
    if m:
        m["answers"].labels(surface, "confident" if confident else "abstained").inc()


def count_exec(operation: str, host: str, outcome: str, seconds: float) -> None:
    m = _metrics()
    if m:
        m["exec"].labels(operation, host, outcome).inc()
        m["exec_seconds"].labels(operation).observe(seconds)


def exposition() -> tuple[str, bytes] | None:
    """(content type, body) in the Prometheus text format; None without the extra."""
    if not _metrics():
        return None
    return str(CONTENT_TYPE_LATEST), bytes(generate_latest(_registry))
