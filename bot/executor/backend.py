"""The Docker Engine backend: the only module in dockbot that imports ``docker``.

One low-level :class:`docker.APIClient` per host alias, built explicitly from the
configuration (base URL, pinned API version or ``auto``, socket timeout, verified
TLS); never from the environment or a Docker CLI context. Each operation is one
read-only GET, the ``call`` of its record in :mod:`bot.executor.operations` (path,
how the answer is read, query switches); ``stats`` without a name lists the running
containers first, then samples each.

Every answer is read by dockbot itself, in chunks, up to ``max_response_bytes``
(``logs_max_bytes`` for logs; a longer answer is a "too large" error, a longer
log is cut), and every call ends at the request's deadline: a watchdog shuts
the socket of each connection the call holds when the deadline passes, so a
host that trickles bytes (each within the socket timeout) cannot hold a worker,
and no thread outlives its request by more than one socket read.

:func:`map_exception` is the one place where docker, requests, urllib3 and
socket exceptions become :class:`bot.errors.ExecError` subclasses with fixed
messages; the daemon's own text is never passed on.
"""

from __future__ import annotations

import errno
import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, wait
from typing import Any

import docker
import docker.errors
import requests
import urllib3.exceptions

from bot.errors import (
    DaemonError,
    ExecError,
    ExecNotFound,
    ExecRefused,
    ExecTimeout,
    HostUnreachable,
)
from bot.executor.config_model import DEFAULT_API_VERSION, HostConfig, Limits
from bot.executor.grammar import NAME_RE, Operation
from bot.executor.messages import exec_error
from bot.executor.reasons import said_reason
from bot.executor.watchdog import Call as _Call
from bot.executor.watchdog import current as _current
from bot.executor.watchdog import run_in_call as _run_in_call
from bot.executor.watchdog import watch_client as _watch_client
from bot.lang import Lang

log = logging.getLogger(__name__)

_CLASSES: dict[str, type[ExecError]] = {
    "not_found": ExecNotFound, "timeout": ExecTimeout, "unreachable": HostUnreachable,
    "socket_permission": HostUnreachable, "tls": HostUnreachable, "ssh": HostUnreachable,
    "daemon_error": DaemonError, "daemon_refused": DaemonError, "api_version": DaemonError,
    "bad_answer": DaemonError, "client_error": DaemonError, "too_large": DaemonError,
    "ambiguous": ExecRefused,
}


def _related(exc: BaseException) -> Iterator[BaseException]:
    """The exception, then its causes, contexts and wrapped exceptions (bounded)."""
    seen: set[int] = set()
    todo = [exc]
    while todo and len(seen) < 20:
        cur = todo.pop(0)
        if id(cur) in seen:
            continue
        seen.add(id(cur))
        yield cur
        todo.extend(e for e in (cur.__cause__, cur.__context__) if e is not None)
        todo.extend(a for a in getattr(cur, "args", ()) if isinstance(a, BaseException))
        reason = getattr(cur, "reason", None)
        if isinstance(reason, BaseException):
            todo.append(reason)


def _status_key(status: object, explanation: object) -> str:
    text = str(explanation or "").lower()
    if status in (400, 404, 409, 500) and "multiple" in text and ("prefix" in text or "id" in text):
        return "ambiguous"
    if status == 404:
        return "not_found"
    if status in (401, 403, 407):
        return "daemon_refused"
    if status == 400 and "version" in text:
        return "api_version"
    return "daemon_error"


def _transport_key(exc: BaseException) -> str | None:
    """The key for a transport-level exception, or None if this one is not one."""
    chain = list(_related(exc))
    if any(isinstance(e, PermissionError) for e in chain):
        return "socket_permission"
    if type(exc).__module__.split(".")[0] == "paramiko":
        return "ssh"
    checks: tuple[tuple[type[BaseException] | tuple[type[BaseException], ...], str], ...] = (
        ((requests.exceptions.SSLError, urllib3.exceptions.SSLError), "tls"),
        ((requests.exceptions.ConnectTimeout, urllib3.exceptions.ConnectTimeoutError),
         "unreachable"),
        ((requests.exceptions.Timeout, urllib3.exceptions.ReadTimeoutError,
          urllib3.exceptions.TimeoutError, TimeoutError), "timeout"),
        ((requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError,
          requests.exceptions.InvalidJSONError, requests.exceptions.TooManyRedirects,
          urllib3.exceptions.DecodeError, urllib3.exceptions.IncompleteRead,
          urllib3.exceptions.InvalidChunkLength, urllib3.exceptions.ResponseNotChunked,
          urllib3.exceptions.HeaderParsingError, urllib3.exceptions.ResponseError,
          json.JSONDecodeError, UnicodeDecodeError, docker.errors.StreamParseError),
         "bad_answer"),
        ((requests.exceptions.ConnectionError, urllib3.exceptions.ProtocolError,
          urllib3.exceptions.NewConnectionError, urllib3.exceptions.MaxRetryError,
          urllib3.exceptions.ProxyError, ConnectionError), "unreachable"),
        ((requests.exceptions.RequestException, urllib3.exceptions.HTTPError), "client_error"),
        (OSError, "unreachable"),
    )
    for classes, key in checks:
        if isinstance(exc, classes):
            return key
    return None


_ERRNO_REASONS = {
    errno.ECONNREFUSED: "refused", errno.ENOENT: "no_socket", errno.EHOSTUNREACH: "no_route",
    errno.ENETUNREACH: "no_route", errno.ECONNRESET: "reset", errno.EPIPE: "reset",
    errno.ETIMEDOUT: "connect_timeout", errno.ECONNABORTED: "reset",
}


def net_reason(exc: BaseException) -> str | None:
    """Why a connection failed, as a key of the ``exec.net.*`` phrases (never the library's
    own text), or None when the exception does not say."""
    chain = list(_related(exc))
    for e in chain:
        if isinstance(e, socket.gaierror):
            return "no_name"
        code = getattr(e, "errno", None)
        if isinstance(e, OSError) and code in _ERRNO_REASONS:
            return _ERRNO_REASONS[code]
    for e in chain:
        if isinstance(e, (requests.exceptions.ConnectTimeout, socket.timeout)) or (
                isinstance(e, urllib3.exceptions.ConnectTimeoutError)
                and not isinstance(e, urllib3.exceptions.NewConnectionError)):
            return "connect_timeout"
    return None


def _host_params(host: HostConfig | None, lang: Lang,
                 reason: str | None = None) -> dict[str, str]:
    if host is None:
        said = said_reason(reason, lang)
        return {"reason": said} if said else {}
    return host.error_params(lang, reason)


def map_exception(exc: BaseException, lang: Lang = "en",
                  host: HostConfig | None = None) -> ExecError:
    """Translate any exception raised while talking to a Docker host (the one place).

    The message names the host and its URL (redacted) when ``host`` is given, and for a
    failed connection says why in fixed words (``connection refused`` ...)."""
    if isinstance(exc, ExecError):
        return exc
    key: str | None
    if isinstance(exc, docker.errors.NotFound):
        key = "not_found"
    elif isinstance(exc, docker.errors.APIError | requests.exceptions.HTTPError):
        response = getattr(exc, "response", None)
        key = _status_key(getattr(response, "status_code", None),
                          getattr(exc, "explanation", None))
    elif isinstance(exc, docker.errors.InvalidVersion):
        key = "api_version"
    elif isinstance(exc, docker.errors.TLSParameterError):
        key = "tls"
    else:
        key = _transport_key(exc)
        if key is None:
            causes = list(_related(exc))[1:]
            key = next((k for k in map(_transport_key, causes) if k is not None), None)
        if key is None and isinstance(exc, docker.errors.DockerException):
            key = "ssh" if "paramiko" in str(exc).lower() else "client_error"
        if key is None:
            log.error("unexpected executor error: %s", type(exc).__name__)
            log.debug("unexpected executor error", exc_info=exc)
            key = "client_error"
    reason = net_reason(exc) if key in ("unreachable", "ssh") else None
    return exec_error(_CLASSES[key], key, lang, **_host_params(host, lang, reason))


def demux(buf: bytes) -> bytes:
    """Docker's multiplexed log stream -> plain bytes (TTY containers are not framed)."""
    if len(buf) < 8 or buf[0] not in (0, 1, 2) or buf[1:4] != b"\0\0\0":
        return buf
    out: list[bytes] = []
    i = 0
    while i + 8 <= len(buf) and buf[i] in (0, 1, 2) and buf[i + 1:i + 4] == b"\0\0\0":
        size = int.from_bytes(buf[i + 4:i + 8], "big")
        out.append(buf[i + 8:i + 8 + size])
        i += 8 + size
    return b"".join(out)


_ERROR_BODY = 4096          # bytes of an error answer read to classify it
_CHUNK = 65536


class DockerBackend:
    """Read-only calls to one Docker host."""

    def __init__(self, host: HostConfig, limits: Limits) -> None:
        self.host = host
        self.limits = limits
        self._client: Any = None
        self._version_known = host.api_version != "auto"
        self._lock = threading.Lock()

    def _error(self, cls: type[ExecError], key: str, lang: Lang, **params: object) -> ExecError:
        """An error of this host: its message names the alias and the (redacted) URL."""
        return exec_error(cls, key, lang, **{**_host_params(self.host, lang), **params})

    def _api(self) -> Any:
        with self._lock:
            if self._client is None:
                tls: Any = False
                if self.host.tls is not None:
                    files = self.host.tls
                    cert = (files.client_cert, files.client_key) if files.client_cert else None
                    tls = docker.tls.TLSConfig(client_cert=cert, ca_cert=files.ca_cert,
                                               verify=files.ca_cert or True)
                # "auto" is resolved below, through the same capped and watched reader
                version = DEFAULT_API_VERSION if not self._version_known else self.host.api_version
                client = docker.APIClient(
                    base_url=self.host.url, version=version,
                    timeout=self.limits.socket_timeout_seconds, tls=tls,
                    use_ssh_client=self.host.use_ssh_client,
                    max_pool_size=self.limits.workers + 2,
                )
                # No proxies, netrc credentials or CA bundles from the environment.
                client.trust_env = False
                _watch_client(client)
                self._client = client
            client = self._client
        if not self._version_known:
            server = self._json(client, "/version", versioned=False)
            found = server.get("ApiVersion") if isinstance(server, dict) else None
            if not isinstance(found, str) or not found.startswith("1."):
                raise self._error(DaemonError, "bad_answer", "en")
            client._version = found
            self._version_known = True
        return client

    def fetch(self, op: Operation, deadline: float, lang: Lang = "en") -> Any:
        """The raw answer for ``op``; every failure is raised as an ExecError.

        The call never outlives ``deadline``: the watchdog shuts its connections then.
        """
        if time.monotonic() >= deadline:
            raise self._error(ExecTimeout, "timeout", lang)
        call = _Call(deadline)
        call.start()
        _current.call = call
        try:
            return self._fetch(op, deadline, lang)
        except Exception as exc:
            if call.expired or time.monotonic() >= deadline:
                raise self._error(ExecTimeout, "timeout", lang) from exc
            if isinstance(exc, ExecError):
                if exc.code == "bad_answer":
                    raise self._error(DaemonError, "bad_answer", lang) from exc
                raise
            raise map_exception(exc, lang, self.host) from exc
        finally:
            _current.call = None
            call.finish()

    # -- reading answers ----------------------------------------------------------------
    def _read(self, resp: Any, cap: int, lang: Lang, *, cut: bool = False) -> tuple[bytes, bool]:
        """The body, at most ``cap`` bytes; (data, cut). Over the cap: an error unless ``cut``."""
        encoding = str(resp.headers.get("Content-Encoding", "identity")).lower()
        if encoding not in ("identity", ""):
            raise self._error(DaemonError, "bad_answer", lang)
        length = resp.headers.get("Content-Length")
        if not cut and length is not None and str(length).isdigit() and int(length) > cap:
            raise self._error(DaemonError, "too_large", lang, limit=_mib(cap))
        buf = bytearray()
        for chunk in resp.raw.stream(_CHUNK, decode_content=False):
            buf += chunk
            if len(buf) > cap:
                if not cut:
                    raise self._error(DaemonError, "too_large", lang, limit=_mib(cap))
                del buf[cap:]
                return bytes(buf), True
        return bytes(buf), False

    def _get(self, api: Any, path: str, *args: str, params: dict[str, Any] | None = None,
             versioned: bool = True, cap: int | None = None, cut: bool = False,
             lang: Lang = "en") -> tuple[bytes, bool]:
        """One GET, read by dockbot in chunks up to the cap; HTTP errors classified."""
        url = api._url(path, *args, versioned_api=versioned)
        resp = api._get(url, params=params or {}, stream=True)
        try:
            if resp.status_code >= 400:
                body, _ = self._read(resp, _ERROR_BODY, lang, cut=True)
                text = body.decode("utf-8", errors="replace")
                raise self._error(_CLASSES[_status_key(resp.status_code, text)],
                                 _status_key(resp.status_code, text), lang)
            limit = cap if cap is not None else self.limits.max_response_bytes
            return self._read(resp, limit, lang, cut=cut)
        finally:
            resp.close()

    def _json(self, api: Any, path: str, *args: str, params: dict[str, Any] | None = None,
              versioned: bool = True, lang: Lang = "en") -> Any:
        data, _ = self._get(api, path, *args, params=params, versioned=versioned, lang=lang)
        return json.loads(data.decode("utf-8"))

    # -- operations ---------------------------------------------------------------------
    def _fetch(self, op: Operation, deadline: float, lang: Lang) -> Any:
        api = self._api()
        call = op.spec.call
        target = op.target
        if target is not None and not NAME_RE.fullmatch(target):
            raise self._error(ExecNotFound, "not_found", lang)   # parse() checked it already
        if call.reader == "samples":
            return self._stats(api, call.path, target, deadline, lang)
        args = (str(target),) if "{0}" in call.path else ()
        if call.reader == "window":
            return self._events(api, call.path, op.since or 600, lang)
        if call.reader == "log_tail":
            return self._logs(api, call.path, args, op.tail or self.limits.logs_default_tail,
                              lang)
        params = {name: 1 if getattr(op, name) else 0 for name in call.query}
        answer = self._json(api, call.path, *args, params=params, lang=lang)
        if call.reader == "json_client":
            client = {"library": f"docker-py {docker.__version__}",
                      "api_version": str(api.api_version)}
            return {"server": answer, "client": client}
        return answer

    def _sample(self, api: Any, path: str, ident: str, lang: Lang) -> Any:
        return self._json(api, path, ident, params={"stream": "false"}, lang=lang)

    def _stats(self, api: Any, path: str, target: str | None, deadline: float,
               lang: Lang) -> Any:
        if target is not None:
            return {"samples": [(target, self._sample(api, path, target, lang))], "more": 0}
        running = self._json(api, "/containers/json", lang=lang)
        if not isinstance(running, list):
            raise self._error(DaemonError, "bad_answer", lang)
        cap = self.limits.stats_max_containers
        picked = [c for c in running[:cap] if isinstance(c, dict) and isinstance(c.get("Id"), str)]
        names = [str((c.get("Names") or ["/" + c["Id"][:12]])[0]).lstrip("/") for c in picked]
        call: _Call = _current.call
        pool = ThreadPoolExecutor(max_workers=min(4, max(1, len(picked))))
        try:
            futures = [pool.submit(_run_in_call, call, self._sample, api, path, c["Id"], lang)
                       for c in picked]
            wait(futures, timeout=max(0.0, deadline - time.monotonic() - 0.2))
            samples: list[tuple[str, object]] = []
            for name, fut in zip(names, futures, strict=True):
                if fut.done() and fut.exception() is None:
                    samples.append((name, fut.result()))
                elif fut.done() and isinstance(fut.exception(), ExecNotFound):
                    continue            # stopped between the list and the sample
                else:
                    samples.append((name, None))
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        if picked and all(s is None for _, s in samples):
            raise self._error(ExecTimeout, "timeout", lang)
        return {"samples": samples, "more": max(0, len(running) - cap)}

    def _events(self, api: Any, path: str, since: int, lang: Lang) -> Any:
        """The events of the last ``since`` seconds (a bounded query, never a stream)."""
        now = int(time.time()) + 1  # the engine's `until` is whole seconds: include this one
        data, _ = self._get(api, path, params={"since": now - since, "until": now},
                            lang=lang)
        text = data.decode("utf-8")
        decoder = json.JSONDecoder()
        events: list[Any] = []
        i = 0
        while i < len(text):
            while i < len(text) and text[i].isspace():
                i += 1
            if i >= len(text):
                break
            obj, i = decoder.raw_decode(text, i)
            events.append(obj)
        return events

    def _logs(self, api: Any, path: str, args: tuple[str, ...], tail: int, lang: Lang) -> Any:
        """One GET of the last ``tail`` lines (no follow), read up to the byte cap."""
        params = {"stdout": 1, "stderr": 1, "timestamps": 0, "follow": 0, "tail": tail}
        data, cut = self._get(api, path, *args, params=params,
                              cap=self.limits.logs_max_bytes, cut=True, lang=lang)
        return {"data": demux(data), "cut": cut}

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):g} MiB"
