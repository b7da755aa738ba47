"""How the matcher's cost grows with the knowledge base: the curated KB copied N times.

    python bench/scaling.py [--copies 1 5 20] [--runs 5]

For each size it writes the curated knowledge base N times into a temporary folder (ids
and ``related`` suffixed per copy; the reference tier is added once, as dockbot always
does), then measures, on the dev questions of all three styles:

- per-question latency of ``Matcher.ask`` in this process (p50, p99), after a warm-up
  (``Matcher.warm``, as ``dockbot serve`` starts, then 50 questions);
- start-up of the real CLI to its first answer (``dockbot ask``) in a fresh process with
  a warm index cache (median of --runs; the cold first run, which builds the cache, is
  reported separately);
- the peak resident memory of that CLI process.

Writes bench/scaling.md and bench/scaling.json. Numbers to read, not timed tests.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import metrics, report  # noqa: E402
from bench.command_sets import load_set  # noqa: E402
from bot.ask.matcher import Matcher  # noqa: E402
from bot.ask.reference import with_reference  # noqa: E402
from bot.kb.check import knowledge_files, load_knowledge  # noqa: E402
from bot.settings import Settings  # noqa: E402

QUESTIONS = ROOT / "bench" / "questions"
STARTUP_QUESTION = "컨테이너를 백그라운드에서 실행하려면?"


def copy_kb(source: Path, into: Path, copies: int) -> None:
    """``copies`` copies of every knowledge file, ids made unique per copy."""
    for f in knowledge_files(source):
        data: dict[str, Any] = yaml.safe_load(f.read_text(encoding="utf-8"))
        for k in range(copies):
            entries = []
            for e in data["entries"]:
                e = dict(e)
                if k:
                    e["id"] = f"{e['id']}-c{k}"
                    e["related"] = [f"{r}-c{k}" for r in e.get("related", [])]
                entries.append(e)
            out = into / f"{f.stem}-{k}.yml"
            out.write_text(yaml.safe_dump({"entries": entries}, allow_unicode=True), "utf-8")


def questions() -> list[str]:
    qs = [q.text for q in metrics.read_questions(QUESTIONS / "dev.tsv")]
    for style in ("real", "task"):
        qs += [q.text for q in load_set(QUESTIONS, f"{style}-dev")]
    return qs


def latency(kb_dir: Path, qs: list[str]) -> dict[str, float]:
    t0 = time.perf_counter()
    matcher = Matcher(with_reference(load_knowledge(kb_dir)))
    build = time.perf_counter() - t0
    matcher.warm()  # as `dockbot serve` starts
    for q in qs[:50]:
        matcher.ask(q)
    times = []
    for q in qs:
        t = time.perf_counter()
        matcher.ask(q)
        times.append((time.perf_counter() - t) * 1000)
    return {
        "entries": len(matcher.kb.entries),
        "build_s": build,
        "p50_ms": metrics.percentile(times, 50),
        "p99_ms": metrics.percentile(times, 99),
        "mean_ms": statistics.fmean(times),
    }


def startup(kb_dir: Path, runs: int) -> dict[str, float]:
    cache = Path(tempfile.mkdtemp(prefix="dockbot-scaling-cache-"))
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cache), "DOCKBOT_KNOWLEDGE": str(kb_dir),
           "DOCKBOT_CACHE_DIR": str(cache)}
    cmd = [sys.executable, "-m", "bot", "ask", STARTUP_QUESTION]
    walls = []
    rss = 0
    cold = 0.0
    for i in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
        wall = time.perf_counter() - t0
        if proc.returncode not in (0, 1):
            raise RuntimeError(f"dockbot ask failed: {proc.stderr[-500:]}")
        rss = max(rss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
        if i == 0:
            cold = wall
        else:
            walls.append(wall)
    shutil.rmtree(cache, ignore_errors=True)
    return {"startup_warm_s": statistics.median(walls), "startup_cold_s": cold,
            "rss_mb": rss / 1024}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--copies", type=int, nargs="+", default=[1, 5, 20])
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args(argv)
    source = Settings.from_env().knowledge_dir
    qs = questions()
    rows = []
    for n in args.copies:
        folder = Path(tempfile.mkdtemp(prefix=f"dockbot-kb-x{n}-"))
        try:
            copy_kb(source, folder, n)
            row: dict[str, float] = {"copies": n, **latency(folder, qs)}
            row.update(startup(folder, args.runs))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        rows.append(row)
        print(json.dumps(row), file=sys.stderr)
    base = rows[0]
    machine = report.machine_info()
    lines = [
        "# Matcher cost against knowledge-base size",
        "",
        f"`python bench/scaling.py`, {machine['nproc']} cores ({machine['cpu']}), "
        f"Python {machine['python']}, {len(qs)} dev questions of all three styles. The curated "
        "knowledge base is copied N times; the reference tier is loaded once.",
        "",
        "| copies | entries | p50 ms | p99 ms | mean ms (× 1×) | index build s | start-up warm s "
        "| start-up cold s | peak RSS MB |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['copies']}× | {r['entries']:.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} "
            f"| {r['mean_ms']:.2f} ({r['mean_ms'] / base['mean_ms']:.2f}×) | {r['build_s']:.2f} "
            f"| {r['startup_warm_s']:.2f} | {r['startup_cold_s']:.2f} | {r['rss_mb']:.0f} |"
        )
    text = "\n".join(lines)
    print(text)
    (ROOT / "bench" / "scaling.md").write_text(text + "\n", encoding="utf-8")
    (ROOT / "bench" / "scaling.json").write_text(
        json.dumps({"machine": machine, "rows": rows}, indent=2) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
