"""A real `dockbot serve` process in HTTP mode, signed `/docker` questions, and a load loop.

Used by the live-reload tests (``tests/deploy/test_live_reload.py``) and the reload benchmark
(``bench/reload.py``). The process logs to a file (never to an unread pipe, which would fill
and stall it), so a test can read what it logged.
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

ROOT = Path(__file__).resolve().parents[2]
SECRET = "live-reload-signing-secret"
FORM = "application/x-www-form-urlencoded"
_keys = itertools.count()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class ServeProcess:
    url: str
    proc: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def sighup(self) -> None:
        self.proc.send_signal(signal.SIGHUP)

    def ready(self) -> tuple[int, dict[str, object]]:
        """``GET /readyz``: status and the JSON body."""
        try:
            with urllib.request.urlopen(self.url + "/readyz", timeout=10) as resp:
                return resp.status, json.loads(resp.read())
        except urllib.error.HTTPError as err:
            return err.code, json.loads(err.read())

    def ask(self, text: str, timeout: float = 10) -> tuple[int, str]:
        """A signed ``/docker TEXT`` slash command; the answer comes back in the ack."""
        key = f"{os.getpid()}-{next(_keys)}"
        body = urlencode({
            "token": "legacy", "team_id": "T0LIVE", "team_domain": "t", "channel_id": "CGEN",
            "channel_name": "general", "user_id": "UASK", "user_name": "asker",
            "command": "/docker", "text": text, "api_app_id": "A0LIVE",
            "response_url": "http://127.0.0.1:9/unused", "trigger_id": f"trg-{key}",
        })
        stamp = str(int(time.time()))
        sig = SignatureVerifier(SECRET).generate_signature(timestamp=stamp, body=body) or ""
        req = urllib.request.Request(
            self.url + "/slack/events", data=body.encode(), method="POST",
            headers={"Content-Type": FORM, "X-Slack-Request-Timestamp": stamp,
                     "X-Slack-Signature": sig})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return resp.status, resp.read().decode()
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode()

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)


def start_serve(env: dict[str, str], log_path: Path, timeout: float = 60) -> ServeProcess:
    """`dockbot serve` on a free loopback port, once ``/healthz`` answers."""
    port = free_port()
    full = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT),
            "HOME": os.environ.get("HOME", "/tmp"), "SLACK_BOT_TOKEN": "xoxb-live",
            "SLACK_SIGNING_SECRET": SECRET, **env}
    with log_path.open("ab") as log:
        proc = subprocess.Popen([sys.executable, "-m", "bot", "serve", "--port", str(port)],
                                cwd=ROOT, env=full, stdout=log, stderr=log,
                                start_new_session=True)
    served = ServeProcess(f"http://127.0.0.1:{port}", proc, log_path)
    end = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(served.url + "/healthz", timeout=2):
                return served
        except OSError as exc:
            if proc.poll() is not None or time.monotonic() > end:
                served.stop()
                raise RuntimeError(f"dockbot serve did not start: {served.log()[-2000:]}") \
                    from exc
            time.sleep(0.1)


@dataclass
class Load:
    """Threads asking one question in a loop; counts every request that failed (not a 200,
    a timeout, or an answer with neither expected command) and which command answered."""

    served: ServeProcess
    question: str
    commands: tuple[str, ...]
    threads: int = 4
    total: int = 0
    failures: list[str] = field(default_factory=list)
    seen: Counter[str] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)  # seconds, every request
    _stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _workers: list[threading.Thread] = field(default_factory=list)

    def start(self) -> Load:
        for i in range(self.threads):
            t = threading.Thread(target=self._loop, name=f"load-{i}", daemon=True)
            t.start()
            self._workers.append(t)
        return self

    def _loop(self) -> None:
        while not self._stop.is_set():
            start = time.perf_counter()
            try:
                status, body = self.served.ask(self.question)
            except OSError as exc:
                status, body = 0, repr(exc)
            took = time.perf_counter() - start
            hit = next((c for c in self.commands if c in body), None)
            with self._lock:
                self.total += 1
                self.latencies.append(took)
                if status != 200 or hit is None:
                    self.failures.append(f"{status}: {body[:200]}")
                else:
                    self.seen[hit] += 1

    def reset_seen(self) -> None:
        with self._lock:
            self.seen.clear()

    def stop(self) -> Load:
        self._stop.set()
        for t in self._workers:
            t.join(timeout=30)
        return self
