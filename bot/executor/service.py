"""The executor: parse, check policy, limit, run on a bounded pool, cap, audit.

One :class:`Executor` is built per process (:func:`build_executor`) and shared by
the CLI and the Slack app. :meth:`Executor.run` either returns an
:class:`ExecResult` or raises an :class:`bot.errors.ExecError` subclass, and
writes exactly one audit line either way.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, Protocol

from bot.errors import (
    DaemonError,
    ExecBusy,
    ExecDenied,
    ExecDisabled,
    ExecError,
    ExecRateLimited,
    ExecRefused,
    ExecTimeout,
    StateUnavailable,
)
from bot.executor import grammar, reasons, views
from bot.executor.audit import OFF, AuditLog, audit_text
from bot.executor.config import load_config
from bot.executor.config_model import ExecConfig, HostConfig, Limits
from bot.executor.grammar import ALIAS_RE, Operation
from bot.executor.messages import exec_error
from bot.executor.operations import ROLE_NAMES
from bot.executor.policy import Principal
from bot.executor.result import ExecResult
from bot.lang import Lang, detect_lang
from bot.phrases import phrase
from bot.settings import Settings
from bot.state import MemoryState, SharedState, open_state

log = logging.getLogger(__name__)
AUDIT_FILE = "audit.jsonl"      # the CLI's audit log at a terminal, in the state folder

_DECISIONS = {
    "disabled": "disabled", "refused": "refused", "denied": "denied", "busy": "busy",
    "rate_limited": "rate_limited", "state_unavailable": "state_unavailable",
}


class Backend(Protocol):
    def fetch(self, op: Operation, deadline: float, lang: Lang = "en") -> Any: ...
    def close(self) -> None: ...


BackendFactory = Callable[[HostConfig, Limits], Backend]


class RateLimiter:
    """Sliding-window request counts per key, kept in the shared state (in-process by
    default; Redis when configured, so the limits hold across replicas)."""

    def __init__(self, window: float, state: SharedState | None = None) -> None:
        self.window = window
        self.state: SharedState = state if state is not None else MemoryState()

    def hit(self, limits: list[tuple[str, int]]) -> float:
        """Count one request for every key unless one is over its limit.

        Returns 0 when counted, else the seconds until the fullest key frees up; raises
        StateUnavailable when the shared state cannot be reached.
        """
        return self.state.hit(limits, self.window)


def _default_backend(host: HostConfig, limits: Limits) -> Backend:
    from bot.executor.backend import DockerBackend

    return DockerBackend(host, limits)


class Executor:
    """The opt-in read-only executor shared by the CLI and the Slack app."""

    def __init__(
        self, config: ExecConfig, audit: AuditLog,
        backend_factory: BackendFactory | None = None, state: SharedState | None = None,
    ) -> None:
        self.config = config
        self.enabled = config.enabled
        self.audit = audit
        self._factory = backend_factory or _default_backend
        self._backends: dict[str, Backend] = {}
        self._lock = threading.Lock()
        # one pool and one set of slots per host: a slow host cannot starve the others
        self._pools: dict[str, ThreadPoolExecutor] = {}
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        limits = config.limits
        self._rate = RateLimiter(limits.rate_window_seconds, state)

    # -- help ---------------------------------------------------------------------------
    def parse(self, text: str) -> Operation:
        """The operation ``text`` asks for; ExecRefused when it is not allowed grammar."""
        return grammar.parse(text)

    def allowed_ops(self, principal: Principal) -> tuple[str, ...]:
        """Operation ids this principal may run (empty when disabled), for help listings."""
        return self.config.policy.allowed_ops(principal) if self.enabled else ()

    def allowed_hosts(self, principal: Principal) -> tuple[str, ...]:
        if not self.enabled:
            return ()
        return self.config.policy.allowed_hosts(principal, self.config.hosts)

    # -- running ------------------------------------------------------------------------
    def run(
        self, text: str, principal: Principal, host: str | None = None,
        *, request_id: str | None = None,
    ) -> ExecResult:
        """Run one request; raises an ExecError subclass when it does not run."""
        start = time.monotonic()
        deadline = start + self.config.limits.deadline_seconds
        lang: Lang = detect_lang(text[: grammar.MAX_TEXT]) if isinstance(text, str) else "en"
        record: dict[str, object] = {
            "request_id": request_id or uuid.uuid4().hex[:16],
            "principal": principal.kind, "team": principal.team, "channel": principal.channel,
            "user": principal.user, "dm": principal.is_dm, "text": audit_text(text),
            "decision": "allowed", "bytes": 0, "truncated": False, "redactions": 0,
        }
        try:
            if not self.enabled:
                raise exec_error(ExecDisabled, "disabled", lang)
            op = grammar.parse(text)
            record.update(op=op.kind, target=op.target)
            alias = self._pick_host(op, principal, host, lang, record)
            record["host"] = alias
            decision = self.config.policy.decide(principal, op.kind, alias)
            record["rule"] = decision.rule
            if not decision.allowed:
                if decision.rule.endswith(":op"):
                    raise self._denied_op(op, principal, lang)
                raise exec_error(ExecDenied, "denied", lang)
            self._check_rate(principal, lang)
            raw = self._submit(op, alias, deadline, lang)
            try:
                result = self._result(op, alias, raw, lang)
            except Exception as exc:     # a malformed answer must not become a traceback
                log.warning("unreadable %s answer from host %s (%s)", op.kind, alias,
                            type(exc).__name__)
                log.debug("unreadable answer", exc_info=exc)
                raise exec_error(DaemonError, "bad_answer", lang,
                                 **self.config.hosts[alias].error_params(lang)) from exc
            record.update(outcome="ok", bytes=result.size, truncated=result.truncated,
                          redactions=result.redactions)
            return result
        except ExecError as err:
            record["outcome"] = err.code
            record["decision"] = _DECISIONS.get(err.code, record["decision"])
            raise
        finally:
            record["duration_ms"] = round((time.monotonic() - start) * 1000, 1)
            self.audit.write(record)

    def _pick_host(self, op: Operation, principal: Principal, host: str | None, lang: Lang,
                   record: dict[str, object]) -> str:
        ops, _, rule = self.config.policy.scope(principal)
        if op.kind not in ops:
            record["rule"] = f"{rule}:op"
            raise self._denied_op(op, principal, lang)
        usable = self.allowed_hosts(principal)
        if host is not None:
            host = host.lower().lstrip("@")
            if not ALIAS_RE.fullmatch(host):
                raise exec_error(ExecRefused, "bad_alias", lang, word=host[:40])
            if op.host is not None and op.host != host:
                raise exec_error(ExecRefused, "two_hosts", lang)
        chosen = host or op.host
        if chosen is not None:
            if chosen not in usable:
                record["rule"] = f"{rule}:host"
                raise exec_error(ExecDenied, "unknown_host", lang, alias=chosen,
                                 hosts=", ".join(f"@{h}" for h in usable) or "-")
            return chosen
        if not usable:
            record["rule"] = f"{rule}:host"
            raise exec_error(ExecDenied, "denied", lang)
        default = self.config.default_host
        if default in usable:
            return default
        if len(usable) == 1:
            return usable[0]
        raise exec_error(ExecRefused, "pick_host", lang,
                         hosts=", ".join(f"@{h}" for h in usable))

    def _denied_op(self, op: Operation, principal: Principal, lang: Lang) -> ExecDenied:
        """The refusal of an operation the policy does not grant: which role has it, and
        the setting that grants it (``policy.cli`` for the CLI, users and channels in Slack)."""
        roles = self.config.policy.roles
        role = next((r for r in ROLE_NAMES if op.kind in roles.get(r, ())), None)
        how = "roles" if role is None else principal.kind
        grant = reasons.grant(how, lang, role=role, op=op.label)
        return exec_error(ExecDenied, "denied_op", lang, op=op.label, grant=grant)

    def _check_rate(self, principal: Principal, lang: Lang) -> None:
        limits = self.config.limits
        keys = [(f"user:{principal.rate_key}", limits.rate_per_user)]
        if principal.channel_key is not None:
            keys.append((f"channel:{principal.channel_key}", limits.rate_per_channel))
        try:
            wait_for = self._rate.hit(keys)
        except StateUnavailable as exc:     # fail closed: no limits, no Docker work
            log.warning("rate limits unavailable: %s", exc.message)
            raise exec_error(StateUnavailable, "state_unavailable", lang) from exc
        if wait_for > 0:
            raise exec_error(ExecRateLimited, "rate_limited", lang, seconds=int(wait_for) + 1)

    def _backend(self, alias: str) -> Backend:
        with self._lock:
            if alias not in self._backends:
                self._backends[alias] = self._factory(self.config.hosts[alias], self.config.limits)
            return self._backends[alias]

    def _submit(self, op: Operation, alias: str, deadline: float, lang: Lang) -> Any:
        limits = self.config.limits
        with self._lock:
            slots = self._slots.setdefault(
                alias, threading.BoundedSemaphore(limits.workers + limits.queue))
        if not slots.acquire(blocking=False):
            raise exec_error(ExecBusy, "busy", lang)
        try:
            backend = self._backend(alias)
            with self._lock:
                pool = self._pools.get(alias)
                if pool is None:
                    pool = self._pools[alias] = ThreadPoolExecutor(
                        max_workers=limits.workers, thread_name_prefix=f"dockbot-exec-{alias}"
                    )
            future: Future[Any] = pool.submit(backend.fetch, op, deadline, lang)
        except BaseException:
            slots.release()
            raise
        future.add_done_callback(lambda _: slots.release())
        try:
            return future.result(timeout=max(0.0, deadline - time.monotonic()))
        except FutureTimeout:
            future.cancel()
            raise exec_error(ExecTimeout, "timeout", lang,
                             **self.config.hosts[alias].error_params(lang)) from None
        except ExecError:
            raise
        except Exception as exc:          # backends map their errors; this is a last guard
            log.error("executor backend failed: %s", type(exc).__name__)
            log.debug("executor backend failed", exc_info=exc)
            raise exec_error(DaemonError, "client_error", lang,
                             **self.config.hosts[alias].error_params(lang)) from exc

    def close(self) -> None:
        """Stop the workers (a running call ends by its deadline), close clients and the log."""
        with self._lock:
            pools, self._pools = list(self._pools.values()), {}
            backends, self._backends = list(self._backends.values()), {}
        for pool in pools:
            pool.shutdown(wait=False, cancel_futures=True)
        for backend in backends:
            backend.close()
        self.audit.close()

    def _result(self, op: Operation, alias: str, raw: Any, lang: Lang) -> ExecResult:
        limits = self.config.limits
        spec = op.spec
        if spec.output == "lines":
            view = spec.view(raw, op, limits.logs_max_line_chars)
            return _capped_logs(op, alias, view, limits.max_chars, lang)
        view = spec.view(raw, op, max(limits.max_cell_chars, spec.width))
        return _capped_table(op, alias, view, limits.max_rows, limits.max_chars, lang)


def _more(n: int, lang: Lang, what: str = "rows") -> str:
    return phrase("exec.more_lines" if what == "lines" else "exec.more", lang, n=n)


def _capped_table(op: Operation, alias: str, view: views.View, max_rows: int, max_chars: int,
                  lang: Lang) -> ExecResult:
    rows: list[tuple[str, ...]] = []
    used = sum(len(c) + 2 for c in view.columns)
    for row in view.rows[:max_rows]:
        size = sum(len(c) + 2 for c in row)
        if used + size > max_chars:
            break
        rows.append(row)
        used += size
    more = len(view.rows) - len(rows) + view.more
    return ExecResult(
        op=op.kind, host=alias, columns=view.columns, rows=tuple(rows),
        text=_more(more, lang) if more else "", truncated=more > 0 or view.truncated,
        redactions=view.redactions,
    )


def _capped_logs(op: Operation, alias: str, view: views.View, max_chars: int,
                 lang: Lang) -> ExecResult:
    kept: list[str] = []
    used = 0
    for line in reversed(view.lines):       # keep the newest lines
        if used + len(line) + 1 > max_chars:
            break
        kept.append(line)
        used += len(line) + 1
    kept.reverse()
    dropped = len(view.lines) - len(kept)
    if dropped:
        kept.insert(0, _more(dropped, lang, "lines"))
    return ExecResult(
        op=op.kind, host=alias, text="\n".join(kept), truncated=bool(dropped) or view.truncated,
        redactions=view.redactions,
    )


def build_executor(settings: Settings, state: SharedState | None = None, *,
                   terminal: bool = False) -> Executor:
    """The executor for these settings; ConfigError when the config or policy is invalid,
    or when ``DOCKBOT_REDIS_URL`` is set and Redis does not answer (``state`` given: used).

    The audit log goes where DOCKBOT_AUDIT_LOG or ``exec.audit`` says; otherwise to stderr
    (the server: JSON lines for the log collector), except for a person at a terminal
    (``terminal``: the CLI with stderr on a tty), whose requests are appended to
    ``audit.jsonl`` in the state folder (``$XDG_STATE_HOME/dockbot``, by default
    ``~/.local/state/dockbot``) rather than printed among the answers."""
    default_file = settings.state_dir / AUDIT_FILE if terminal and settings.state_dir else None
    default = str(default_file) if default_file else (OFF if terminal else "stderr")
    config = load_config(settings, audit_default=default)
    if default_file is not None and config.audit == default:
        audit = AuditLog.in_state_dir(default_file)
    else:
        audit = AuditLog(config.audit)
    return Executor(config, audit, state=state if state is not None else open_state(settings))
