"""Real programs on loopback (redis-server, HAProxy, `dockbot serve`), signed Slack requests.

The deployment tests' fixtures (``tests/deploy/conftest.py``) and the replica benchmark
(``bench/replicas.py``) are built on these. A missing program is installed with apt
when running as root on Debian; otherwise the tests that need it are skipped (an error under
``CI=true``).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest
from slack_sdk.signature import SignatureVerifier

ROOT = Path(__file__).resolve().parents[2]
PROXY_CFG = ROOT / "deploy" / "socket-proxy" / "haproxy.cfg"
SECRET = "deploy-test-signing-secret"
_IN_CI = os.environ.get("CI", "").lower() == "true"


def unavailable(reason: str) -> None:
    if _IN_CI:
        pytest.fail(f"{reason} (CI=true, so this is an error).")
    pytest.skip(reason)


def _which(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for folder in ("/usr/sbin", "/usr/bin", "/sbin"):
        if (Path(folder) / name).is_file():
            return str(Path(folder) / name)
    return None


def program(name: str, package: str) -> str:
    """The path of ``name``, installing Debian ``package`` first when it is missing."""
    found = _which(name)
    if found is None and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", package]):
            subprocess.run(cmd, capture_output=True, env=env, timeout=900, check=False)
        found = _which(name)
    if found is None:
        unavailable(f"{name} is not installed (apt-get install {package})")
        raise AssertionError("unreachable")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop a process started with ``start_new_session=True`` (and its children)."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def wait_for_port(port: int, proc: subprocess.Popen[bytes], what: str,
                  timeout: float = 20) -> None:
    end = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            if proc.poll() is not None or time.monotonic() > end:
                stop(proc)
                out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                pytest.fail(f"{what} did not start: {out[-2000:]}")
            time.sleep(0.05)


# -- Redis -------------------------------------------------------------------------------

@dataclass
class RedisProcess:
    url: str
    proc: subprocess.Popen[bytes]
    tmp: Path

    def stop(self) -> None:
        stop(self.proc)
        shutil.rmtree(self.tmp, ignore_errors=True)


def start_redis(port: int | None = None) -> RedisProcess:
    """A throwaway redis-server on loopback (no persistence); ``redis://127.0.0.1:PORT``."""
    server = program("redis-server", "redis-server")
    tmp = Path(tempfile.mkdtemp(prefix="dkr", dir="/tmp"))
    port = port or free_port()
    proc = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
         "no", "--dir", str(tmp)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    wait_for_port(port, proc, "redis-server")
    return RedisProcess(f"redis://127.0.0.1:{port}", proc, tmp)


# -- Slack ---------------------------------------------------------------------------------

@dataclass
class SlackRecorder:
    """Records every Web API call (``/api/<method>``) and response_url post (``/respond/<key>``)."""

    port: int = 0
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    cond: threading.Condition = field(default_factory=threading.Condition)
    server: ThreadingHTTPServer | None = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, key: str) -> str:
        return f"http://127.0.0.1:{self.port}/respond/{key}"

    def record(self, path: str, params: dict[str, Any]) -> None:
        with self.cond:
            self.calls.append((path, params))
            self.cond.notify_all()

    def to(self, path: str) -> list[dict[str, Any]]:
        with self.cond:
            return [p for c, p in self.calls if c == path]

    def wait(self, path: str, n: int = 1, timeout: float = 15) -> list[dict[str, Any]]:
        end = time.monotonic() + timeout
        with self.cond:
            while len([c for c, _ in self.calls if c == path]) < n:
                left = end - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {n} call(s) to {path}; got {self.calls}")
                self.cond.wait(left)
        return self.to(path)

    def start(self) -> SlackRecorder:
        rec = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    params = json.loads(raw or "{}")
                else:
                    params = dict(parse_qsl(raw, keep_blank_values=True))
                rec.record(self.path.split("?")[0], params)
                ts = f"{time.time():.6f}"
                data = json.dumps({"ok": True, "ts": ts, "message_ts": ts}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True).start()
        return self

    def close(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def signed(body: str, content_type: str, secret: str = SECRET) -> dict[str, str]:
    stamp = str(int(time.time()))
    sig = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body) or ""
    return {"Content-Type": content_type, "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": sig}


def post(url: str, body: str, headers: dict[str, str]) -> tuple[int, str]:
    req = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


# -- `dockbot serve` processes ---------------------------------------------------------------

def get_json(url: str, timeout: float = 5) -> tuple[int, dict[str, Any]]:
    """GET ``url``: the status and the JSON body (an error status too)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def wait_status(url: str, status: int, seconds: float) -> tuple[int, dict[str, Any]]:
    """GET ``url`` until it answers ``status`` or ``seconds`` pass; the last answer
    (``(0, {})`` while nothing listens)."""
    end = time.monotonic() + seconds
    while True:
        try:
            got = get_json(url)
        except OSError:  # not listening yet
            got = (0, {})
        if got[0] == status or time.monotonic() > end:
            return got
        time.sleep(0.1)


def serve_env(env: dict[str, str]) -> dict[str, str]:
    return {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT),
            "HOME": os.environ.get("HOME", "/tmp"), "SLACK_BOT_TOKEN": "xoxb-deploy",
            "SLACK_SIGNING_SECRET": SECRET, **env}


@dataclass
class Replica:
    url: str
    proc: subprocess.Popen[bytes]
    log: Path | None = None  # the process's stderr (its log), kept in a file

    def post(self, body: str, headers: dict[str, str]) -> tuple[int, str]:
        return post(self.url + "/slack/events", body, headers)

    def log_tail(self, size: int = 3000) -> str:
        """The end of the replica's log, for a failing test's message."""
        if self.log is None or not self.log.exists():
            return ""
        return self.log.read_text(encoding="utf-8", errors="replace")[-size:]


def start_serve(env: dict[str, str], timeout: float = 30) -> Replica:
    """`dockbot serve` in HTTP mode as a separate process, once /healthz answers. Its log
    goes to a file (a pipe nobody reads would block the process once it fills up)."""
    port = free_port()
    log = Path(tempfile.mkstemp(prefix="dockbot-serve-", suffix=".log")[1])
    with log.open("wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "bot", "serve", "--port", str(port)],
                                cwd=ROOT, env=serve_env(env), stdout=subprocess.DEVNULL,
                                stderr=err, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    end = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2):
                return Replica(url, proc, log)
        except OSError:
            if proc.poll() is not None or time.monotonic() > end:
                stop(proc)
                tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
                pytest.fail(f"dockbot serve did not start: {tail}")
            time.sleep(0.1)
