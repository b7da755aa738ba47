"""Every docker/requests/urllib3 exception maps to our own error with a fixed message."""

from __future__ import annotations

import ast
import inspect
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import docker.errors
import pytest
import requests
import requests.exceptions
import urllib3.exceptions

from bot.errors import (
    DaemonError,
    ExecBusy,
    ExecDenied,
    ExecDisabled,
    ExecError,
    ExecNotFound,
    ExecRateLimited,
    ExecRefused,
    ExecTimeout,
    HostUnreachable,
)
from bot.executor import backend, grammar
from bot.executor.backend import demux, map_exception
from bot.executor.messages import allowed, exec_error
from bot.lang import Lang
from bot.phrases import PHRASES, has_phrase, phrase, placeholders
from bot.phrases.exec_errors import EXEC_ERRORS, GRANTS, NET_REASONS

CANARY = "daemon-said-canary-7f3e"


def _fixed() -> set[tuple[str, str]]:
    """Every text a backend error may have without a host: the templates with their
    defaults, and with each fixed connection reason."""
    out: set[tuple[str, str]] = set()
    langs: tuple[Lang, ...] = ("en", "ko")
    for key in EXEC_ERRORS:
        for lang in langs:
            m = PHRASES[f"exec.error.{key}"][lang]
            hint_key = f"exec.error.{key}.hint"
            h = PHRASES[hint_key][lang] if has_phrase(hint_key) else allowed(lang)
            reasons = [phrase(f"exec.net.{r}", lang) for r in NET_REASONS]
            for reason in ["", *(f": {r}" for r in reasons)]:
                values = defaultdict(str, {"setting": phrase("exec.default_setting", lang),
                                           "reason": reason})
                out.add((m.format_map(values), h.format_map(values)))
    return out


FIXED = _fixed()
BACKEND_ERRORS = (ExecNotFound, HostUnreachable, ExecTimeout, DaemonError)


def _response(status: int | None) -> requests.Response | None:
    if status is None:
        return None
    resp = requests.Response()
    resp.status_code = status
    resp.url = f"http+docker://localhost/v1.41/containers/{CANARY}/json"
    resp.reason = CANARY
    resp._content = json.dumps({"message": CANARY}).encode()
    return resp


def _make(cls: type[BaseException]) -> BaseException:
    """An instance of ``cls`` whose every argument carries the canary text."""
    if issubclass(cls, docker.errors.APIError):
        return cls(CANARY, response=_response(404 if issubclass(cls, docker.errors.NotFound)
                                                else 500), explanation=CANARY)
    try:
        params = [p for p in inspect.signature(cls.__init__).parameters.values()
                  if p.name != "self" and p.default is p.empty
                  and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        return cls(*([CANARY] * max(1, len(params))))
    except Exception:
        obj = cls.__new__(cls)
        BaseException.__init__(obj, CANARY)
        return obj


def _classes(module: Any) -> list[type[BaseException]]:
    return sorted(
        (c for _, c in inspect.getmembers(module, inspect.isclass)
         if issubclass(c, BaseException) and not issubclass(c, Warning)
         and c.__module__ == module.__name__),
        key=lambda c: c.__name__,
    )


DOCKER_CLASSES = _classes(docker.errors)
REQUESTS_CLASSES = _classes(requests.exceptions)
URLLIB3_CLASSES = _classes(urllib3.exceptions)


def test_the_enumeration_sees_the_known_classes() -> None:
    names = {c.__name__ for c in DOCKER_CLASSES}
    assert {"DockerException", "APIError", "NotFound", "ImageNotFound", "InvalidVersion",
            "TLSParameterError", "ContextNotFound", "StreamParseError"} <= names
    assert len(DOCKER_CLASSES) >= 18
    assert {"ConnectionError", "ReadTimeout", "SSLError", "JSONDecodeError"} <= {
        c.__name__ for c in REQUESTS_CLASSES}
    assert len(URLLIB3_CLASSES) >= 25


@pytest.mark.parametrize(
    "cls", DOCKER_CLASSES + REQUESTS_CLASSES + URLLIB3_CLASSES,
    ids=lambda c: f"{c.__module__}.{c.__name__}",
)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_class_is_mapped_to_a_fixed_message(cls: type[BaseException], lang: str) -> None:
    exc = _make(cls)
    assert CANARY in str(exc.args) or CANARY in str(vars(exc))   # the canary is really there
    err = map_exception(exc, lang)  # type: ignore[arg-type]
    assert isinstance(err, BACKEND_ERRORS)
    assert (err.message, err.hint) in FIXED
    assert CANARY not in err.user_text()
    assert CANARY not in json.dumps(err.to_dict(), ensure_ascii=False)
    assert err.to_dict()["error"] in ("not_found", "unreachable", "timeout", "daemon_error")


def _wrapped(outer: BaseException, inner: BaseException) -> BaseException:
    outer.__cause__ = inner
    return outer


@pytest.mark.parametrize(
    ("exc", "cls", "key"),
    [
        (docker.errors.NotFound(CANARY, response=_response(404)), ExecNotFound, "not_found"),
        (docker.errors.APIError(CANARY, response=_response(404)), ExecNotFound, "not_found"),
        (docker.errors.APIError(CANARY, response=_response(403)), DaemonError, "daemon_refused"),
        (docker.errors.APIError(CANARY, response=_response(401)), DaemonError, "daemon_refused"),
        (docker.errors.APIError(CANARY, response=_response(400),
                                explanation="client version 1.44 is too new"),
         DaemonError, "api_version"),
        (docker.errors.APIError(CANARY, response=_response(409)), DaemonError, "daemon_error"),
        (docker.errors.APIError(CANARY, response=_response(500)), DaemonError, "daemon_error"),
        (docker.errors.APIError(CANARY), DaemonError, "daemon_error"),
        (requests.exceptions.HTTPError(CANARY, response=_response(404)), ExecNotFound,
         "not_found"),
        (docker.errors.InvalidVersion(CANARY), DaemonError, "api_version"),
        (docker.errors.TLSParameterError(CANARY), HostUnreachable, "tls"),
        (_wrapped(docker.errors.DockerException(CANARY),
                  requests.exceptions.ConnectionError(CANARY)), HostUnreachable, "unreachable"),
        (docker.errors.DockerException("Install paramiko package"), HostUnreachable, "ssh"),
        (docker.errors.InvalidArgument(CANARY), DaemonError, "client_error"),
        (requests.exceptions.ConnectionError(CANARY), HostUnreachable, "unreachable"),
        (requests.exceptions.ConnectionError(urllib3.exceptions.ProtocolError(
            CANARY, PermissionError(13, CANARY))), HostUnreachable, "socket_permission"),
        (requests.exceptions.ConnectTimeout(CANARY), HostUnreachable, "unreachable"),
        (requests.exceptions.ReadTimeout(CANARY), ExecTimeout, "timeout"),
        (requests.exceptions.Timeout(CANARY), ExecTimeout, "timeout"),
        (requests.exceptions.SSLError(CANARY), HostUnreachable, "tls"),
        (requests.exceptions.ProxyError(CANARY), HostUnreachable, "unreachable"),
        (requests.exceptions.JSONDecodeError(CANARY, "doc", 0), DaemonError, "bad_answer"),
        (requests.exceptions.ChunkedEncodingError(CANARY), DaemonError, "bad_answer"),
        (requests.exceptions.InvalidURL(CANARY), DaemonError, "client_error"),
        (urllib3.exceptions.ReadTimeoutError(None, CANARY, CANARY), ExecTimeout, "timeout"),  # type: ignore[arg-type]
        (urllib3.exceptions.ProtocolError(CANARY), HostUnreachable, "unreachable"),
        (urllib3.exceptions.IncompleteRead(1, 2), DaemonError, "bad_answer"),
        (json.JSONDecodeError(CANARY, "doc", 0), DaemonError, "bad_answer"),
        (FileNotFoundError(2, CANARY), HostUnreachable, "unreachable"),
        (ConnectionRefusedError(111, CANARY), HostUnreachable, "unreachable"),
        (PermissionError(13, CANARY), HostUnreachable, "socket_permission"),
        (TimeoutError(CANARY), ExecTimeout, "timeout"),
        (RuntimeError(CANARY), DaemonError, "client_error"),
        (KeyError(CANARY), DaemonError, "client_error"),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, BaseException) else str(v),
)
def test_specific_mappings(exc: BaseException, cls: type[ExecError], key: str) -> None:
    err = map_exception(exc)
    assert type(err) is cls
    assert err.key == key
    assert (err.message, err.hint) in FIXED
    assert CANARY not in err.user_text()


def test_our_own_errors_pass_through() -> None:
    err = ExecNotFound("x")
    assert map_exception(err) is err


@pytest.mark.parametrize(
    ("cls", "code", "exit_code"),
    [
        (ExecDisabled, "disabled", 2), (ExecRefused, "refused", 2), (ExecDenied, "denied", 2),
        (HostUnreachable, "unreachable", 3), (ExecTimeout, "timeout", 3),
        (ExecNotFound, "not_found", 2), (ExecBusy, "busy", 3),
        (ExecRateLimited, "rate_limited", 3), (DaemonError, "daemon_error", 3),
    ],
)
def test_codes_and_exit_codes(cls: type[ExecError], code: str, exit_code: int) -> None:
    err = cls()
    assert (err.code, err.exit_code) == (code, exit_code)
    assert err.to_dict() == {"ok": False, "error": code, "message": err.user_text()}


def test_every_message_exists_in_both_languages() -> None:
    for key, (m_en, h_en, m_ko, h_ko) in EXEC_ERRORS.items():
        assert m_en and m_ko, key
        assert (h_en is None) == (h_ko is None) and (h_en is None or (h_en and h_ko)), key
        langs: tuple[Lang, ...] = ("en", "ko")
        for lang in langs:
            names = placeholders(PHRASES[f"exec.error.{key}"][lang])
            if h_en is not None:
                names |= placeholders(PHRASES[f"exec.error.{key}.hint"][lang])
            err = exec_error(ExecError, key, lang, **{n: f"<{n}>" for n in names})
            assert err.message and err.hint and err.key == key
            assert "{" not in err.message + err.hint, key


def test_demux_of_framed_and_raw_logs() -> None:
    framed = b"\x01\x00\x00\x00\x00\x00\x00\x03ab\n" + b"\x02\x00\x00\x00\x00\x00\x00\x02c\n"
    assert demux(framed) == b"ab\nc\n"
    assert demux(b"plain tty output\n") == b"plain tty output\n"
    assert demux(framed[:9]) == b"a"


def _literal_keys() -> set[str]:
    """The keys bot/ passes to ``exec_error`` as a literal."""
    root = Path(__file__).resolve().parents[2] / "bot"
    keys: set[str] = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "exec_error"
                    and len(node.args) > 1 and isinstance(node.args[1], ast.Constant)):
                keys.add(node.args[1].value)
    return keys


def test_every_key_the_executor_raises_has_its_text_in_the_catalog() -> None:
    literal = _literal_keys()
    assert {"empty", "mention", "pick_host", "denied_op"} <= literal
    for key in literal | set(backend._CLASSES) | set(grammar._VALUE_ERRORS.values()):
        assert has_phrase(f"exec.error.{key}"), key
    for reason in grammar._NOT_OFFERED.values():
        assert has_phrase(f"exec.reason.{reason}"), reason
    for reason in {*backend._ERRNO_REASONS.values(), "no_name", "connect_timeout"}:
        assert has_phrase(f"exec.net.{reason}"), reason
    assert set(GRANTS) == {"cli", "slack", "roles"}
