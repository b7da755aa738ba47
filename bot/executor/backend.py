"""The Docker Engine backend: the only module in dockbot that imports ``docker``.

One low-level :class:`docker.APIClient` per host alias, built explicitly from the
configuration (base URL, pinned API version or ``auto``, socket timeout, verified
TLS); never from the environment or a Docker CLI context. Each operation is one
read-only GET (``stats`` without a name lists running containers first, then
samples each):

    version  GET /version                 info    GET /info
    ps       GET /containers/json         images  GET /images/json
    stats    GET /containers/{id}/stats?stream=false
    inspect  GET /containers/{id}/json    logs    GET /containers/{id}/logs (no follow)
    df       GET /system/df               volumes GET /volumes    networks GET /networks

:func:`map_exception` is the one place where docker, requests, urllib3 and
socket exceptions become :class:`bot.errors.ExecError` subclasses with fixed
messages; the daemon's own text is never passed on.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, wait
from typing import Any

import docker
import docker.errors
import requests
import urllib3.exceptions

from bot.errors import DaemonError, ExecError, ExecNotFound, ExecTimeout, HostUnreachable
from bot.executor.config import HostConfig, Limits
from bot.executor.grammar import NAME_RE, Operation
from bot.executor.messages import exec_error
from bot.lang import Lang

log = logging.getLogger(__name__)

_CLASSES: dict[str, type[ExecError]] = {
    "not_found": ExecNotFound, "timeout": ExecTimeout, "unreachable": HostUnreachable,
    "socket_permission": HostUnreachable, "tls": HostUnreachable, "ssh": HostUnreachable,
    "daemon_error": DaemonError, "daemon_refused": DaemonError, "api_version": DaemonError,
    "bad_answer": DaemonError, "client_error": DaemonError,
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
    if status == 404:
        return "not_found"
    if status in (401, 403, 407):
        return "daemon_refused"
    if status == 400 and "version" in str(explanation or "").lower():
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


def map_exception(exc: BaseException, lang: Lang = "en") -> ExecError:
    """Translate any exception raised while talking to a Docker host (the one place)."""
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
            log.error("unexpected executor error", exc_info=exc)
            key = "client_error"
    return exec_error(_CLASSES[key], key, lang)


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


class DockerBackend:
    """Read-only calls to one Docker host."""

    def __init__(self, host: HostConfig, limits: Limits) -> None:
        self.host = host
        self.limits = limits
        self._client: Any = None
        self._lock = threading.Lock()

    def _api(self) -> Any:
        with self._lock:
            if self._client is None:
                tls: Any = False
                if self.host.tls is not None:
                    files = self.host.tls
                    cert = (files.client_cert, files.client_key) if files.client_cert else None
                    tls = docker.tls.TLSConfig(client_cert=cert, ca_cert=files.ca_cert,
                                               verify=files.ca_cert or True)
                self._client = docker.APIClient(
                    base_url=self.host.url, version=self.host.api_version,
                    timeout=self.limits.socket_timeout_seconds, tls=tls,
                    use_ssh_client=self.host.use_ssh_client,
                    max_pool_size=self.limits.workers + 2,
                )
                # No proxies, netrc credentials or CA bundles from the environment.
                self._client.trust_env = False
            return self._client

    def fetch(self, op: Operation, deadline: float, lang: Lang = "en") -> Any:
        """The raw answer for ``op``; every failure is raised as an ExecError."""
        try:
            if time.monotonic() >= deadline:
                raise exec_error(ExecTimeout, "timeout", lang)
            return self._fetch(op, deadline, lang)
        except Exception as exc:
            raise map_exception(exc, lang) from exc

    def _fetch(self, op: Operation, deadline: float, lang: Lang) -> Any:
        api = self._api()
        kind = op.kind
        target = op.target
        if target is not None and not NAME_RE.fullmatch(target):
            raise exec_error(ExecNotFound, "not_found", lang)   # parse() checked it already
        if kind == "version":
            client = {"library": f"docker-py {docker.__version__}",
                      "api_version": str(api.api_version)}
            return {"server": api.version(), "client": client}
        if kind == "info":
            return api.info()
        if kind == "ps":
            return api.containers(all=op.all)
        if kind == "images":
            return api.images()
        if kind == "inspect":
            return api.inspect_container(op.target)
        if kind == "df":
            return api.df()
        if kind == "volumes":
            return api.volumes()
        if kind == "networks":
            return api.networks()
        if kind == "stats":
            return self._stats(api, op.target, deadline, lang)
        if kind == "logs":
            return self._logs(api, str(op.target), op.tail or self.limits.logs_default_tail,
                              deadline, lang)
        raise exec_error(DaemonError, "client_error", lang)

    def _stats(self, api: Any, target: str | None, deadline: float, lang: Lang) -> Any:
        if target is not None:
            return {"samples": [(target, api.stats(target, stream=False))], "more": 0}
        running = api.containers()
        cap = self.limits.stats_max_containers
        picked = running[:cap]
        names = [str((c.get("Names") or ["/" + c["Id"][:12]])[0]).lstrip("/") for c in picked]
        pool = ThreadPoolExecutor(max_workers=min(4, max(1, len(picked))))
        try:
            futures = [pool.submit(api.stats, c["Id"], stream=False) for c in picked]
            wait(futures, timeout=max(0.0, deadline - time.monotonic() - 0.2))
            samples: list[tuple[str, object]] = []
            for name, fut in zip(names, futures, strict=True):
                if fut.done() and fut.exception() is None:
                    samples.append((name, fut.result()))
                elif fut.done() and isinstance(fut.exception(), docker.errors.NotFound):
                    continue            # stopped between the list and the sample
                else:
                    samples.append((name, None))
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        if picked and all(s is None for _, s in samples):
            raise exec_error(ExecTimeout, "timeout", lang)
        return {"samples": samples, "more": max(0, len(running) - cap)}

    def _logs(self, api: Any, name: str, tail: int, deadline: float, lang: Lang) -> Any:
        """One GET of the last ``tail`` lines (no follow), read up to the byte cap."""
        url = f"{api.base_url}/v{api.api_version}/containers/{name}/logs"
        params = {"stdout": 1, "stderr": 1, "timestamps": 0, "follow": 0, "tail": tail}
        resp = api.get(url, params=params, stream=True, timeout=api.timeout)
        try:
            resp.raise_for_status()
            buf = bytearray()
            cut = False
            for chunk in resp.iter_content(chunk_size=16384):
                buf += chunk
                if len(buf) >= self.limits.logs_max_bytes:
                    cut = True
                    del buf[self.limits.logs_max_bytes:]
                    break
                if time.monotonic() >= deadline:
                    raise exec_error(ExecTimeout, "timeout", lang)
        finally:
            resp.close()
        return {"data": demux(bytes(buf)), "cut": cut}

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None
