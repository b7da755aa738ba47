"""The HTTP server in operation: slow-drip clients, health and readiness endpoints."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlencode

import pytest

from bot.kb.model import KnowledgeBase
from bot.render import blockkit as kit
from bot.services import Services
from bot.slack.app import build_app_for
from bot.slack.runtime import Runtime
from bot.slack.server import http_server, readiness, stop_http
from tests.slack.conftest import FakeSlack, MakeServices, Reply, post, signed_headers
from tests.support.loopback import get_json, start_redis, start_serve, stop, wait_status

Serve = Callable[..., "Running"]


class Running:
    def __init__(self, server: Any) -> None:
        self.server = server
        self.port = int(server.effective_port)
        self.url = f"http://127.0.0.1:{self.port}"

    def get(self, path: str, timeout: float = 10) -> Reply:
        import urllib.error
        import urllib.request

        start = time.perf_counter()
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as resp:
                return Reply(resp.status, resp.read().decode(), time.perf_counter() - start)
        except urllib.error.HTTPError as err:
            return Reply(err.code, err.read().decode(), time.perf_counter() - start)

    def command(self, text: str) -> Reply:
        body = urlencode({"command": "/docker", "text": text, "team_id": "T1",
                          "user_id": "U1", "channel_id": "C1"})
        return post(self.url + "/slack/events", body,
                    signed_headers(body, "application/x-www-form-urlencoded"), timeout=10)


@pytest.fixture
def serve(fake_slack: FakeSlack, make_services: MakeServices) -> Iterator[Serve]:
    """``serve(**http_server_kwargs, env=...)`` runs the real app on waitress on loopback."""
    started: list[tuple[Any, threading.Thread, Runtime]] = []

    def make(env: dict[str, str] | None = None, *, empty_kb: bool = False,
             **kw: Any) -> Running:
        services = make_services(SLACK_API_URL=fake_slack.api_url, **(env or {}))
        if empty_kb:
            services = Services(settings=services.settings, kb=KnowledgeBase.of(()),
                                matcher=services.matcher)
        runtime = Runtime(services)
        app = build_app_for(runtime, services.settings)
        server = http_server(app, services.settings, "127.0.0.1", 0,
                             ready=readiness(services), **kw)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        started.append((server, thread, runtime))
        return Running(server)

    yield make
    for server, thread, runtime in started:
        stop_http(server, thread)
        runtime.close()


# ------------------------------------------------------------------ slow-drip clients


DRIPS = 300
DRIP_EVERY = 0.5  # seconds between bytes on each connection (an attack would use ~10 s)


def _open_drips(port: int, n: int) -> list[socket.socket]:
    socks = []
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: ")
        socks.append(s)
    return socks


def _drip(socks: list[socket.socket], stop: threading.Event, seconds: float) -> None:
    """One header byte per connection every DRIP_EVERY seconds, never ending the headers;
    stops by itself after ``seconds``."""
    end = time.monotonic() + seconds
    while not stop.is_set() and time.monotonic() < end:
        for s in socks:
            with contextlib.suppress(OSError):  # closed by the server
                s.send(b"a")
        stop.wait(DRIP_EVERY)


def _closed_by_server(s: socket.socket) -> bool:
    s.settimeout(0.2)
    try:
        return s.recv(1024) == b""
    except TimeoutError:
        return False
    except OSError:
        return True


def test_drip_connections_do_not_lock_out_others_and_are_closed_after_the_read_timeout(
    serve: Serve,
) -> None:
    running = serve(read_timeout=3.0)
    socks = _open_drips(running.port, DRIPS)
    stop = threading.Event()
    dripper = threading.Thread(target=_drip, args=(socks, stop, 20.0), daemon=True)
    dripper.start()
    try:
        end = time.monotonic() + 5
        while len(running.server.active_channels) < DRIPS and time.monotonic() < end:
            time.sleep(0.05)
        assert len(running.server.active_channels) >= DRIPS
        # while every drip connection is open and active, others are served promptly
        health = running.get("/healthz", timeout=5)
        assert health.status == 200 and health.json() == {"ok": True, "status": "ok"}
        assert health.seconds < 2.0, health.seconds
        reply = running.command("help")
        assert reply.status == 200 and reply.json()["text"] == kit.w("help_title", "en")
        assert reply.seconds < 3.0, reply.seconds
        # the drip keeps each connection active, yet each is closed once its request has
        # taken longer than the read timeout (3 s, checked every second)
        time.sleep(3.0 + 2.5)
        closed = sum(_closed_by_server(s) for s in socks)
        assert closed == DRIPS, f"{closed} of {DRIPS} drip connections closed"
        assert len(running.server.active_channels) < 5
        assert running.get("/healthz", timeout=5).status == 200
    finally:
        stop.set()
        dripper.join(timeout=5)
        for s in socks:
            s.close()


def test_a_request_that_arrives_in_time_is_not_cut_off(serve: Serve) -> None:
    running = serve(read_timeout=3.0)
    with socket.create_connection(("127.0.0.1", running.port), timeout=10) as s:
        for byte in b"GET /healthz HTTP/1.1\r\nHost: x\r\n":
            s.send(bytes([byte]))
            time.sleep(0.02)  # ~0.7 s in all, well inside the deadline
        s.sendall(b"\r\n")
        data = b""
        while not data.endswith(b'{"ok": true, "status": "ok"}'):
            chunk = s.recv(4096)
            assert chunk, data
            data += chunk
    assert data.startswith(b"HTTP/1.1 200"), data[:100]
    assert b'{"ok": true, "status": "ok"}' in data


def test_an_idle_keep_alive_connection_is_closed_after_the_idle_timeout(serve: Serve) -> None:
    running = serve(idle_timeout=2)
    with socket.create_connection(("127.0.0.1", running.port), timeout=10) as s:
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        data = b""
        while not data.endswith(b'{"ok": true, "status": "ok"}'):  # it may come in pieces
            chunk = s.recv(4096)
            assert chunk, data
            data += chunk
        assert data.startswith(b"HTTP/1.1 200")
        start = time.monotonic()
        assert s.recv(4096) == b""  # closed by the server, not by us
        waited = time.monotonic() - start
    assert 1.0 <= waited < 6.0, waited


def test_an_oversized_header_block_is_refused(serve: Serve) -> None:
    running = serve()
    with socket.create_connection(("127.0.0.1", running.port), timeout=10) as s:
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 70_000 + b"\r\n\r\n")
        data = s.recv(4096)
    assert data.split(b"\r\n")[0].endswith(b" 431 Request Header Fields Too Large"), data[:100]


# ------------------------------------------------------------------ readiness






def test_readyz_is_200_with_the_knowledge_base_and_no_redis(serve: Serve) -> None:
    running = serve()
    assert get_json(running.url + "/readyz") == (200, {"ready": True})
    assert get_json(running.url + "/healthz") == (200, {"ok": True, "status": "ok"})


def test_readyz_carries_the_details_it_is_given_ready_or_not(serve: Serve) -> None:
    details = {"knowledge": {"entries": 3, "last_reload_error": ["team.yml:4: bad kind"]}}
    running = serve(details=lambda: details)
    assert get_json(running.url + "/readyz") == (200, {"ready": True, **details})
    status, body = get_json(serve(empty_kb=True, details=lambda: details).url + "/readyz")
    assert status == 503 and body["ready"] is False and body["knowledge"] == details["knowledge"]


def test_readyz_is_503_without_a_knowledge_base_while_healthz_stays_200(serve: Serve) -> None:
    running = serve(empty_kb=True)
    status, body = get_json(running.url + "/readyz")
    assert status == 503 and body["ready"] is False
    assert "knowledge base" in body["reason"]
    assert get_json(running.url + "/healthz") == (200, {"ok": True, "status": "ok"})


def test_readyz_and_healthz_follow_redis_going_away_and_coming_back() -> None:
    redis = start_redis()
    port = int(redis.url.rsplit(":", 1)[1])
    replica = start_serve({"DOCKBOT_REDIS_URL": redis.url + "/0"})
    again = None
    try:
        status, body = get_json(replica.url + "/readyz")
        assert status == 200 and body["ready"] is True
        assert body["knowledge"]["last_reload_error"] == [] and body["knowledge"]["entries"] > 0
        assert get_json(replica.url + "/healthz") == (200, {"ok": True, "status": "ok"})
        redis.stop()
        status, body = wait_status(replica.url + "/readyz", 503, 10)
        assert status == 503 and body["ready"] is False, body
        assert f"Redis at 127.0.0.1:{port}" in body["reason"]
        assert "knowledge" in body  # the details are there when not ready, too
        status, health = get_json(replica.url + "/healthz")      # alive, but degraded
        assert status == 200 and health["ok"] is True and health["status"] == "degraded"
        assert f"Redis at 127.0.0.1:{port}" in health["reason"]
        again = start_redis(port)
        # a failed Redis call pauses Redis for 5 s; readiness returns after that
        status, body = wait_status(replica.url + "/readyz", 200, 15)
        assert status == 200 and body["ready"] is True
        assert get_json(replica.url + "/healthz") == (200, {"ok": True, "status": "ok"})
    finally:
        stop(replica.proc)
        (again or redis).stop()


def test_serve_takes_its_secrets_from_files(tmp_path: Any) -> None:
    from tests.support.loopback import SECRET

    token = tmp_path / "bot-token"
    token.write_text("xoxb-from-a-file\n")
    signing = tmp_path / "signing-secret"
    signing.write_text(SECRET + "\n")
    replica = start_serve({"SLACK_BOT_TOKEN": "", "SLACK_SIGNING_SECRET": "",
                           "SLACK_BOT_TOKEN_FILE": str(token),
                           "SLACK_SIGNING_SECRET_FILE": str(signing)})
    try:
        body = urlencode({"command": "/docker", "text": "help", "team_id": "T1",
                          "user_id": "U1", "channel_id": "C1"})
        headers = signed_headers(body, "application/x-www-form-urlencoded", secret=SECRET)
        reply = post(replica.url + "/slack/events", body, headers, timeout=10)
        assert reply.status == 200 and reply.json()["text"] == kit.w("help_title", "en")
        bad = signed_headers(body, "application/x-www-form-urlencoded", secret="other")
        assert post(replica.url + "/slack/events", body, bad, timeout=10).status == 401
    finally:
        stop(replica.proc)


# ------------------------------------------------------------------ JSON logs


def _serve_log(env: dict[str, str], tmp_path: Any) -> str:
    """Start `dockbot serve`, send one signed command and one malformed signed body, stop it;
    its stderr."""
    import json
    import signal
    import subprocess
    import sys

    from tests.support.loopback import ROOT, SECRET, free_port, serve_env

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "bot", "serve", "--port", str(port)],
                            cwd=ROOT, env=serve_env({"DOCKBOT_CACHE_DIR": "off", **env}),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_status(url + "/healthz", 200, 30)[0] == 200
        body = urlencode({"command": "/docker", "text": "help", "team_id": "T1",
                          "user_id": "U1", "channel_id": "C1"})
        headers = signed_headers(body, "application/x-www-form-urlencoded", secret=SECRET)
        assert post(url + "/slack/events", body, headers, timeout=10).status == 200
        bad = json.dumps({"type": "event_callback", "event": "not an object"})
        assert post(url + "/slack/events", bad,
                    signed_headers(bad, "application/json", secret=SECRET)).status == 400
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err.decode()
    return err.decode()


def test_json_logs_are_one_object_per_line_without_tokens(tmp_path: Any) -> None:
    import json

    err = _serve_log({"DOCKBOT_LOG_FORMAT": "json"}, tmp_path)
    records = [json.loads(line) for line in err.splitlines() if line.strip()]
    assert records, err
    for rec in records:
        assert set(rec) >= {"time", "level", "logger", "message"}, rec
        assert rec["time"].endswith("+00:00")
    messages = [r["message"] for r in records]
    assert any("listens on http://127.0.0.1" in m for m in messages), messages
    assert any(r["level"] == "WARNING" and "malformed" in r["message"] for r in records)
    assert "xoxb-deploy" not in err
    assert not any("`token` will be unused" in m for m in messages)  # the filter stays


def test_text_logs_are_the_default(tmp_path: Any) -> None:
    err = _serve_log({}, tmp_path)
    lines = [line for line in err.splitlines() if line.strip()]
    assert any(" INFO dockbot.slack: dockbot listens on http://127.0.0.1" in x for x in lines)
    assert not any(x.startswith("{") for x in lines)


def test_the_json_formatter_masks_tokens_and_keeps_tracebacks() -> None:
    import json
    import logging

    from bot.slack.server import JsonFormatter

    try:
        raise RuntimeError("failed with xoxb-1111-2222-abcdefABCDEF")
    except RuntimeError:
        import sys

        exc = sys.exc_info()
    record = logging.LogRecord("dockbot.test", logging.ERROR, __file__, 1,
                               "posting with %s to 컨테이너", ("xoxb-1111-2222-abcdefABCDEF",), exc)
    line = JsonFormatter().format(record)
    assert "\n" not in line
    data = json.loads(line)
    assert data["level"] == "ERROR" and data["logger"] == "dockbot.test"
    assert data["message"] == "posting with *** to 컨테이너"
    assert "RuntimeError" in data["exc"] and "xoxb-1111" not in line


# ------------------------------------------------------------------ metrics


def _scrape(url: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    import urllib.request

    from prometheus_client.parser import text_string_to_metric_families

    with urllib.request.urlopen(url + "/metrics", timeout=5) as resp:
        assert resp.status == 200
        assert resp.headers["Content-Type"].startswith("text/plain; version=")
        text = resp.read().decode()
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for fam in text_string_to_metric_families(text) for s in fam.samples}


def _delta(before: dict[Any, float], after: dict[Any, float], name: str,
           **labels: str) -> float:
    key = (name, tuple(sorted(labels.items())))
    return after.get(key, 0.0) - before.get(key, 0.0)


@pytest.mark.docker
def test_metrics_count_requests_answers_and_executor_outcomes(
    slack_app: Callable[..., Any], base_services: Services, docker_containers: Any,
    tmp_path: Any,
) -> None:
    app = slack_app(docker_containers.url)
    confident, abstained = "how do I list images", "qwzx blorf frobnicate zyx"
    assert base_services.matcher.ask(confident).confident
    assert not base_services.matcher.ask(abstained).confident
    before = _scrape(app.url)
    assert app.command(confident)[0].status == 200
    assert app.command(abstained)[0].status == 200
    reply, key = app.command("ps -a @local", user="UOPS", channel="COPS")
    assert reply.status == 200
    app.fake.wait_responses(key)
    dead = slack_app(f"unix://{tmp_path}/no-docker.sock")
    _, key = dead.command("ps -a @local", user="UOPS", channel="COPS")
    assert "cannot be reached" in kit.plain_text(dead.fake.wait_responses(key)[0])
    body = "command=/docker&text=help"
    forged = {**signed_headers(body, "application/x-www-form-urlencoded", secret="wrong")}
    assert app.post_raw(body, forged).status == 401
    after = _scrape(app.url)

    assert _delta(before, after, "dockbot_requests_total", surface="command", outcome="ok") == 4
    assert _delta(before, after, "dockbot_requests_total", surface="unknown",
                  outcome="rejected") == 1
    assert _delta(before, after, "dockbot_request_seconds_count", surface="command") == 4
    assert _delta(before, after, "dockbot_answers_total", surface="slack",
                  result="confident") == 1
    assert _delta(before, after, "dockbot_answers_total", surface="slack",
                  result="abstained") == 1
    assert _delta(before, after, "dockbot_exec_total", operation="ps", host="local",
                  outcome="ok") == 1
    assert _delta(before, after, "dockbot_exec_total", operation="ps", host="local",
                  outcome="unreachable") == 1
    assert _delta(before, after, "dockbot_exec_seconds_count", operation="ps") == 2
    # buckets are cumulative: the +Inf bucket holds every observation
    assert _delta(before, after, "dockbot_request_seconds_bucket", surface="command",
                  le="+Inf") == 4


def test_metrics_carry_no_user_channel_or_question(serve: Serve) -> None:
    running = serve()
    running.command("how do I list images")
    text = running.get("/metrics").body
    assert "dockbot_requests_total" in text
    for private in ("U1", "C1", "list images"):
        assert private not in text
