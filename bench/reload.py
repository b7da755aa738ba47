"""Knowledge reload: ``python -m bench.reload [--rounds 5] [--swaps 8] [--threads 4]``.

Runs real `dockbot serve` processes (HTTP mode) over the bundled knowledge base plus a
team folder in a temporary directory, and measures:

- **change to answer**: the time from a team file being replaced (written beside it and
  renamed over it, as editors and ConfigMaps do) to a signed ``/docker`` question getting
  the new answer, at the default 2 s poll interval; each round writes new content, so the
  index is built afresh every time;
- **SIGHUP to answer**: the same with polling off, reloading on SIGHUP;
- **SIGHUP across replicas**: two replicas sharing a redis-server (when ``redis-server`` is
  installed), polling off, SIGHUP sent to the first; the time until the second answers anew;
- **under load**: threads asking in a loop, first without changes (the baseline), then while
  the team file is replaced ``--swaps`` times (poll 0.5 s); every request that is not a 200
  with an answer counts as a failure; latency percentiles of both phases.

Writes ``bench/reload.md`` and the section ``reload`` of ``bench/results.md``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from bot.settings import default_knowledge_dir
from tests.support.serving import Load, ServeProcess, free_port, start_serve

QUESTION = "how do I rotate the zebra registry token"
PREFIX = "docker login zebra-"
OUT = Path(__file__).resolve().parent
SECTION_START = "<!-- bench/reload.py: begin -->"
SECTION_END = "<!-- bench/reload.py: end -->"


def team_file(tag: str) -> str:
    return f"""\
entries:
  - id: zebra-token
    kind: command
    title: {{ko: 제브라 레지스트리 토큰 교체, en: Rotate the zebra registry token}}
    explanation: {{ko: 새 토큰으로 다시 로그인합니다., en: Log in again with a new token.}}
    command: {PREFIX}{tag}.example
    examples:
      ko: [제브라 토큰 교체, 제브라 레지스트리 토큰 바꾸기, 제브라 토큰 갱신]
      en: [rotate the zebra registry token, renew zebra token, zebra registry token expired]
"""


def replace(path: Path, text: str) -> float:
    """Write beside, rename over; returns the moment of the rename (perf_counter)."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return time.perf_counter()


def until_answers(served: ServeProcess, tag: str, since: float, timeout: float = 30) -> float:
    while time.perf_counter() - since < timeout:
        status, body = served.ask(QUESTION)
        if status == 200 and f"{PREFIX}{tag}.example" in body:
            return time.perf_counter() - since
        time.sleep(0.02)
    raise RuntimeError(f"the new answer {tag} did not appear within {timeout} s")


@contextmanager
def redis_server() -> Iterator[str | None]:
    exe = shutil.which("redis-server")
    if exe is None:
        yield None
        return
    port = free_port()
    proc = subprocess.Popen([exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        end = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > end:
                    raise
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class Bench:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.team = root / "team"
        self.team.mkdir()
        self.file = self.team / "team.yml"
        self.current = "start"
        replace(self.file, team_file(self.current))
        self.n = 0
        self.started: list[ServeProcess] = []

    def serve(self, **env: str) -> ServeProcess:
        self.n += 1
        served = start_serve({
            "DOCKBOT_KNOWLEDGE": os.pathsep.join([str(default_knowledge_dir()), str(self.team)]),
            "DOCKBOT_CACHE_DIR": str(self.root / f"cache-{self.n}"), **env},
            self.root / f"serve-{self.n}.log")
        self.started.append(served)
        until_answers(served, self.current, time.perf_counter())
        return served

    def close(self) -> None:
        for served in self.started:
            served.stop()

    def rounds(self, served: ServeProcess, n: int, name: str,
               trigger: Callable[[], None] | None = None,
               watch: ServeProcess | None = None) -> list[float]:
        out = []
        for i in range(n):
            tag = self.current = f"{name}{i}"
            since = replace(self.file, team_file(tag))
            if trigger is not None:
                trigger()
            out.append(until_answers(watch or served, tag, since))
            time.sleep(0.5)
        return out


def rss_mb(pid: int) -> str:
    """Resident memory of a process now and at its peak (Linux ``/proc``), in MB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return "n/a"
    kb = {k: int(v.split()[0]) for k, v in (ln.split(":", 1) for ln in status.splitlines())
          if k in ("VmRSS", "VmHWM")}
    return f"{kb['VmRSS'] / 1024:.0f} MB (peak {kb['VmHWM'] / 1024:.0f} MB)"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def summary(values: list[float]) -> str:
    return (f"median {statistics.median(values):.2f} s, min {min(values):.2f} s, "
            f"max {max(values):.2f} s (n={len(values)})")


def reload_times(log: str) -> list[float]:
    out = []
    for line in log.splitlines():
        if "knowledge reloaded (" in line and " entries in " in line:
            out.append(float(line.rsplit(" entries in ", 1)[1].split()[0]))
    return out


def run(args: argparse.Namespace) -> str:
    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="dockbot-reload-") as tmp:
        bench = Bench(Path(tmp))
        try:
            polled = bench.serve()
            change = bench.rounds(polled, args.rounds, "poll")
            built = reload_times(polled.log())
            hup = bench.serve(DOCKBOT_KNOWLEDGE_POLL="0")
            sighup = bench.rounds(hup, args.rounds, "hup", trigger=hup.sighup)
            lines += [
                f"- change to answer (default poll 2 s): {summary(change)}",
                f"- SIGHUP to answer (polling off): {summary(sighup)}",
                f"- of which checking and indexing the new knowledge base: {summary(built)}",
            ]
            with redis_server() as url:
                if url is None:
                    lines.append("- SIGHUP across replicas: not measured (no redis-server)")
                else:
                    a = bench.serve(DOCKBOT_REDIS_URL=url, DOCKBOT_KNOWLEDGE_POLL="0")
                    b = bench.serve(DOCKBOT_REDIS_URL=url, DOCKBOT_KNOWLEDGE_POLL="0")
                    across = bench.rounds(a, args.rounds, "redis", trigger=a.sighup, watch=b)
                    lines.append("- SIGHUP on one replica to the other replica's new answer "
                                 f"(shared Redis, generation polled every 2 s): {summary(across)}")
            loaded = bench.serve(DOCKBOT_KNOWLEDGE_POLL="0.5")
            memory_before = rss_mb(loaded.proc.pid)
            base = Load(loaded, QUESTION, (PREFIX,), threads=args.threads).start()
            time.sleep(args.baseline)
            base.stop()
            load = Load(loaded, QUESTION, (PREFIX,), threads=args.threads).start()
            started = time.perf_counter()
            swaps = bench.rounds(loaded, args.swaps, "load")
            load.stop()
            took = time.perf_counter() - started
            lines += [
                f"- under load ({args.threads} threads asking in a loop), no changes, "
                f"{args.baseline:.0f} s: {base.total} requests, {len(base.failures)} failed, "
                f"latency p50 {pct(base.latencies, 0.5) * 1000:.0f} ms, "
                f"p99 {pct(base.latencies, 0.99) * 1000:.0f} ms, "
                f"max {max(base.latencies) * 1000:.0f} ms",
                f"- under load, {args.swaps} swaps (poll 0.5 s, each new content) in "
                f"{took:.1f} s: {load.total} requests, **{len(load.failures)} failed**, "
                f"latency p50 {pct(load.latencies, 0.5) * 1000:.0f} ms, "
                f"p99 {pct(load.latencies, 0.99) * 1000:.0f} ms, "
                f"max {max(load.latencies) * 1000:.0f} ms; change to answer "
                f"{summary(swaps)}",
                f"- memory of that process: {memory_before} before the swaps, "
                f"{rss_mb(loaded.proc.pid)} after them",
            ]
        finally:
            bench.close()
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{os.cpu_count()} CPUs, Python {platform.python_version()}"
    load_avg = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    head = (f"Command: `python -m bench.reload --rounds {args.rounds} --swaps {args.swaps} "
            f"--threads {args.threads}`  \nDate: {when}  \nMachine: {machine}; load average "
            f"at the end {load_avg}\n")
    return head + "\n" + "\n".join(lines) + "\n"


def write_section(path: Path, text: str) -> None:
    """Replace (or add) this benchmark's section of ``results.md``."""
    block = f"{SECTION_START}\n## Knowledge reload (`bench/reload.py`)\n\n{text}{SECTION_END}\n"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if SECTION_START in old and SECTION_END in old:
        before, rest = old.split(SECTION_START, 1)
        after = rest.split(SECTION_END, 1)[1].lstrip("\n")
        new = before + block + (("\n" + after) if after else "")
    else:
        new = old.rstrip("\n") + ("\n\n" if old else "") + block
    path.write_text(new, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--swaps", type=int, default=8)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--baseline", type=float, default=5.0, help="seconds of load alone")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    text = run(args)
    print(text)
    (args.out / "reload.md").write_text("# Knowledge reload\n\n" + text, encoding="utf-8")
    write_section(args.out / "results.md", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
