"""Benchmark dockbot's matcher against BM25 and sentence-embedding baselines.

    python bench/run.py [--set dev|holdout|all] [--no-embeddings]

Writes bench/results.md, bench/results.json and bench/misses-dev.txt (see bench/README.md).
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import metrics, report, systems  # noqa: E402
from bot.errors import DockbotError  # noqa: E402
from bot.kb.model import KnowledgeBase  # noqa: E402

BENCH = ROOT / "bench"
QUESTIONS = BENCH / "questions"
STARTUP_QUESTION = "컨테이너를 백그라운드에서 실행하려면?"
SLOW_STARTUP_S = 10.0


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--set", choices=("dev", "holdout", "all"), default="dev", dest="qset")
    p.add_argument("--no-embeddings", action="store_true", help="skip the embedding baseline")
    p.add_argument("--warmup", type=int, default=30, help="untimed questions per system first")
    p.add_argument(
        "--startup-runs", type=int, default=3, help="fresh processes per system (0: skip)"
    )
    p.add_argument("--out", type=Path, default=BENCH, help="where results.* and misses go")
    return p.parse_args(argv)


def build_system(name: str, kb: KnowledgeBase) -> systems.System:
    if name == "dockbot":
        return systems.DockbotSystem(kb)
    if name == "bm25":
        return systems.Bm25System(kb)
    return systems.EmbeddingSystem(kb)


def evaluate(
    system: systems.System,
    qsets: dict[str, list[metrics.Question]],
    wanted: Sequence[str],
    warmup: int,
    run: report.Run,
) -> list[metrics.Outcome]:
    """Ask every question once (timed, after a warm-up); record results; return dev outcomes."""
    for q in qsets["dev"][:warmup]:
        system.ask(q.text)
    got = {name: replies(system, qs) for name, qs in qsets.items()}
    threshold: float | None = None
    if system.name != "dockbot":
        threshold = metrics.calibrate(
            [(q, r) for q, (r, _) in zip(qsets["dev"], got["dev"], strict=True)]
        )
    dev: list[metrics.Outcome] = []
    for name in wanted:
        outcomes = [
            metrics.Outcome(q, r, metrics.decide(r, threshold), s)
            for q, (r, s) in zip(qsets[name], got[name], strict=True)
        ]
        times = [o.seconds * 1000 for o in outcomes]
        run.sets.setdefault(name, []).append(
            report.SystemResult(
                system.name,
                metrics.summarize(outcomes),
                metrics.by_category(outcomes),
                metrics.percentile(times, 50),
                metrics.percentile(times, 99),
                threshold,
            )
        )
        if name == "dev":
            dev = outcomes
        if system.name == "dockbot":
            run.notes.append(unseen_note(name, outcomes, run.kb_examples))
    return dev


def unseen_note(name: str, outcomes: Sequence[metrics.Outcome], examples: set[str]) -> str:
    """dockbot's numbers on the questions that are not (by chance) a knowledge-base example."""
    unseen = [o for o in outcomes if metrics.normalized(o.question.text) not in examples]
    s = metrics.summarize(unseen)

    def fmt(key: str) -> str:
        value = s[key]
        return "n/a" if value is None else f"{value:.3f}"

    return (
        f"{name}, dockbot on the {len(unseen)} questions that equal no knowledge-base example: "
        f"top-1 {fmt('top1')}, top-3 {fmt('top3')}, abstention {fmt('abstention')}"
    )




def coverage_notes(kb: KnowledgeBase, qsets: dict[str, list[metrics.Question]]) -> list[str]:
    """Problems between the question sets and the knowledge base, as sentences."""
    ids = {e.id for e in kb.entries}
    notes = []
    asked = {q.expected for qs in qsets.values() for q in qs if q.in_scope}
    unknown = sorted(asked - ids)
    if unknown:
        notes.append(
            f"expected ids not in the knowledge base (counted as misses): {', '.join(unknown)}"
        )
    unasked = sorted(ids - asked)
    if unasked:
        notes.append(f"entries no question of these sets expects: {', '.join(unasked)}")
    examples = metrics.example_texts(kb)
    for name, qs in sorted(qsets.items()):
        same = sum(metrics.normalized(q.text) in examples for q in qs)
        notes.append(
            f"{name}: {same} of {len(qs)} questions equal a knowledge-base example "
            "(ignoring case, spaces and punctuation)"
        )
    return notes


def replies(
    system: systems.System, questions: Sequence[metrics.Question]
) -> list[tuple[systems.Reply, float]]:
    out = []
    for q in questions:
        t0 = time.perf_counter()
        r = system.ask(q.text)
        out.append((r, time.perf_counter() - t0))
    return out


def startup(name: str, runs: int) -> dict[str, float] | str:
    """Median start-up of ``runs`` fresh processes, or the reason it could not be measured."""
    inside: list[float] = []
    wall: list[float] = []
    phases: dict[str, list[float]] = {}
    # dockbot caches its index on disk: the first run starts with an empty cache (cold),
    # the median is over the runs after it (warm), as a user's second `dockbot ask` is
    cache = tempfile.mkdtemp(prefix="dockbot-bench-cache-")
    env = {**os.environ, "DOCKBOT_CACHE_DIR": cache}
    cold: float | None = None
    for i in range(runs + 1 if name == "dockbot" else runs):
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, str(BENCH / "startup.py"), name, STARTUP_QUESTION],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
            env=env,
        )
        if name == "dockbot" and i == 0:
            cold = time.perf_counter() - t0
            if proc.returncode == 0:
                continue
        wall.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            return f"start-up probe failed (exit {proc.returncode}): {last[:300]}"
        probe = json.loads(proc.stdout.strip().splitlines()[-1])
        inside.append(float(probe["seconds"]))
        for phase, secs in probe["phases"].items():
            phases.setdefault(phase, []).append(float(secs))
        if wall[-1] > SLOW_STARTUP_S:
            break  # one run is enough to show a start-up this slow
    shutil.rmtree(cache, ignore_errors=True)
    return {
        "in_process_s": statistics.median(inside),
        "process_s": statistics.median(wall),
        "runs": len(wall),
        **({"cold_process_s": cold} if cold is not None else {}),
        **{f"phase_{k}_s": statistics.median(v) for k, v in phases.items()},
    }


def write_misses(path: Path, outcomes: Sequence[metrics.Outcome]) -> int:
    lines = ["category\texpected\tgot\tscore\tconfident\ttop3\tquestion"]
    misses = [o for o in outcomes if (o.question.in_scope and not o.top1) or o.false_answer]
    misses.sort(key=lambda o: (not o.question.in_scope, o.question.category, o.question.expected))
    for o in misses:
        got = o.reply.ranked[0] if o.confident and o.reply.ranked else "(abstained)"
        lines.append(
            "\t".join(
                [
                    o.question.category,
                    o.question.expected,
                    got,
                    f"{o.reply.score:.3f}",
                    "yes" if o.confident else "no",
                    ",".join(o.reply.ranked[:3]) or "-",
                    o.question.text,
                ]
            )
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(misses)


def _kept_sections(path: Path) -> str:
    """Sections other benchmarks keep in results.md (``<!-- bench/NAME.py: begin -->`` to
    ``end``), carried over when this run rewrites the file."""
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8")
    blocks = re.finditer(r"<!-- (bench/[\w.]+): begin -->.*?<!-- \1: end -->", text, flags=re.S)
    return "".join("\n" + b.group(0) + "\n" for b in blocks)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    wanted = ["dev", "holdout"] if args.qset == "all" else [args.qset]
    qsets = {name: metrics.read_questions(QUESTIONS / f"{name}.tsv") for name in {"dev", *wanted}}
    run = report.Run(
        machine=report.machine_info(),
        command="python bench/run.py " + " ".join(sys.argv[1:] if argv is None else argv),
        date=datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )
    try:
        kb = systems.load_kb()
    except DockbotError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    run.kb_entries = len(kb.entries)
    run.kb_examples = metrics.example_texts(kb)
    print(f"knowledge base: {len(kb.entries)} entries", file=sys.stderr)
    for note in coverage_notes(kb, qsets):
        print(f"note: {note}", file=sys.stderr)
        run.notes.append(note)
    names = ["dockbot", "bm25"]
    if args.no_embeddings:
        run.unavailable["embeddings"] = "skipped with --no-embeddings"
    else:
        names.append("embeddings")
    dev_outcomes: list[metrics.Outcome] = []
    # One system at a time, so that none runs next to another's threads or memory.
    for name in names:
        print(f"evaluating {name} ...", file=sys.stderr)
        try:
            system = build_system(name, kb)
        except systems.EmbeddingsUnavailable as exc:
            run.unavailable[name] = str(exc)
            continue
        outcomes = evaluate(system, qsets, wanted, args.warmup, run)
        if name == "dockbot":
            dev_outcomes = outcomes
        del system
        gc.collect()
        if args.startup_runs > 0:
            print(f"start-up of {name} ...", file=sys.stderr)
            measured = startup(name, args.startup_runs)
            if isinstance(measured, str):
                run.unavailable[f"{name} start-up"] = measured
            else:
                run.startup[name] = measured
    text = report.markdown(run)
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    results_md = args.out / "results.md"
    results_md.write_text(text + "\n" + _kept_sections(results_md), encoding="utf-8")
    (args.out / "results.json").write_text(
        json.dumps(report.to_json(run), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    if dev_outcomes:
        n = write_misses(args.out / "misses-dev.txt", dev_outcomes)
        print(f"{n} dockbot misses on dev -> {args.out / 'misses-dev.txt'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
