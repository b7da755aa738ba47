"""Benchmark on the command-scored sets: real questions and statement-style tasks.

    python bench/run_sets.py [--split dev|holdout|fresh|all] [--no-bm25]

``fresh`` is a second collection of real questions (questions/real-fresh.*.tsv), read
only as totals, before and after a piece of work: a check that what was tuned on dev
also holds on questions nobody has looked at.

Both tiers are loaded (curated knowledge base + CLI reference). dockbot is scored on its
composed command; BM25 (over the same two tiers, threshold calibrated on the dev split of
each style) on the stored command of the entry it ranks first. Writes
bench/results-sets.md, bench/results-sets.json and bench/misses-<style>-dev.txt.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import metrics, report, systems  # noqa: E402
from bench.command_sets import CommandQuestion, Scored, load_set, summarize, target  # noqa: E402
from bot.ask.matcher import Matcher  # noqa: E402
from bot.kb.model import KnowledgeBase  # noqa: E402

BENCH = ROOT / "bench"
QUESTIONS = BENCH / "questions"
STYLES = ("real", "task")

Reply = tuple[bool | None, float, tuple[str, ...]]  # confident (None: baseline), score, targets


def dockbot_system(kb: KnowledgeBase) -> Callable[[str], Reply]:
    matcher = Matcher(kb).warm()  # as `dockbot serve` starts

    def ask(text: str) -> Reply:
        a = matcher.ask(text)
        cands = ([a.best] if a.best else []) + list(a.alternatives)
        targets = tuple(target(c.command, c.entry.title["en"]) for c in cands[:3])
        return a.confident, cands[0].score if cands else 0.0, targets

    return ask


def bm25_system(kb: KnowledgeBase) -> Callable[[str], Reply]:
    bm = systems.Bm25System(kb)

    def ask(text: str) -> Reply:
        r = bm.ask(text)
        entries = [kb.get(i) for i in r.ranked[:3]]
        targets = tuple(target(e.command, e.title["en"]) for e in entries if e is not None)
        return None, r.score, targets

    return ask


def run_system(
    ask: Callable[[str], Reply], questions: Sequence[CommandQuestion]
) -> list[tuple[Reply, float]]:
    out = []
    for q in questions:
        t0 = time.perf_counter()
        reply = ask(q.text)
        out.append((reply, time.perf_counter() - t0))
    return out


def calibrate(qs: Sequence[CommandQuestion], got: Sequence[tuple[Reply, float]]) -> float:
    """A baseline's threshold: maximise top-1 rate + abstention rate on the dev split."""
    best_t, best_v = 0.0, -1.0
    scores = sorted({r[1] for r, _ in got})
    for t in [scores[0] - 1, *scores] if scores else [0.0]:
        rows = score_rows(qs, got, t)
        s = summarize(rows)
        v = (s["top1"] or 0.0) + (s["abstention"] or 0.0)
        if v > best_v:
            best_t, best_v = t, float(v)
    return best_t


def score_rows(
    qs: Sequence[CommandQuestion], got: Sequence[tuple[Reply, float]], threshold: float | None
) -> list[Scored]:
    rows = []
    for q, ((confident, score, targets), secs) in zip(qs, got, strict=True):
        conf = confident if confident is not None else bool(targets) and score >= (threshold or 0)
        rows.append(Scored(q, conf, targets, secs))
    return rows


def _fmt(v: object) -> str:
    return "n/a" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))


def table(results: dict[str, dict[str, dict[str, dict[str, object]]]]) -> str:
    lines = [
        "| set | system | questions | n (in/out) | top-1 | top-1 with flags | flags when asked "
        "| top-3 | abstention | p50 ms | p99 ms |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for set_name, per_system in results.items():
        for system, per_lang in per_system.items():
            for lang, s in per_lang.items():
                lines.append(
                    f"| {set_name} | {system} | {lang} | {s['n_in_scope']}/{s['n_oos']} "
                    f"| {_fmt(s['top1'])} | {_fmt(s['top1_flags'])} "
                    f"| {_fmt(s['flags_when_asked'])} "
                    f"| {_fmt(s['top3'])} | {_fmt(s['abstention'])} | {_fmt(s.get('p50_ms'))} "
                    f"| {_fmt(s.get('p99_ms'))} |"
                )
    return "\n".join(lines)


def write_misses(path: Path, rows: Sequence[Scored]) -> int:
    lines = ["where\tlang\tconfident\tgot\tcommand\tflags\tquestion"]
    n = 0
    for r in rows:
        q = r.question
        bad = (q.in_scope and not r.top1_flags) or (not q.in_scope and r.confident)
        if not bad:
            continue
        n += 1
        lines.append(
            "\t".join(
                [
                    q.where,
                    q.lang,
                    "yes" if r.confident else "no",
                    " | ".join(r.targets) or "-",
                    q.command.pattern if q.command else "-",
                    q.flags.pattern if q.flags else "-",
                    q.text,
                ]
            )
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return n


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--split", choices=("dev", "holdout", "fresh", "all"), default="dev")
    p.add_argument("--no-bm25", action="store_true")
    p.add_argument("--out", type=Path, default=BENCH)
    args = p.parse_args(argv)
    splits = ["dev", "holdout", "fresh"] if args.split == "all" else [args.split]
    kb = systems.load_kb()
    print(f"entries: {len(kb.entries)} (both tiers)", file=sys.stderr)
    builders: dict[str, Callable[[KnowledgeBase], Callable[[str], Reply]]] = {
        "dockbot": dockbot_system
    }
    if not args.no_bm25:
        builders["bm25"] = bm25_system
    args.out.mkdir(parents=True, exist_ok=True)
    examples = metrics.example_texts(kb)
    ordered = sorted(examples)
    results: dict[str, dict[str, dict[str, dict[str, object]]]] = {}
    for style in STYLES:
        sets = {s: load_set(QUESTIONS, f"{style}-{s}") for s in {"dev", *splits}}
        if not sets["dev"]:
            print(f"no {style} sets found", file=sys.stderr)
            continue
        for name, build in builders.items():
            ask = build(kb)
            got = {s: run_system(ask, qs) for s, qs in sets.items()}
            threshold = None if name == "dockbot" else calibrate(sets["dev"], got["dev"])
            for s in splits:
                if not sets[s]:  # (only real questions have a fresh split)
                    continue
                rows = score_rows(sets[s], got[s], threshold)
                per_lang: dict[str, dict[str, object]] = {}
                for lang in ("all", "en", "ko", "unseen", "far"):
                    if lang == "unseen":  # the questions that equal no knowledge-base example
                        sub = [r for r in rows
                               if metrics.normalized(r.question.text) not in examples]
                    elif lang == "far":  # and those that no example comes within 85 % of
                        sub = [r for r in rows
                               if not metrics.near_example(r.question.text, ordered)]
                    else:
                        sub = [r for r in rows if lang == "all" or r.question.lang == lang]
                    if not sub:
                        continue
                    summary: dict[str, object] = dict(summarize(sub))
                    ms = [r.seconds * 1000 for r in sub]
                    summary["p50_ms"] = metrics.percentile(ms, 50)
                    summary["p99_ms"] = metrics.percentile(ms, 99)
                    per_lang[lang] = summary
                results.setdefault(f"{style}-{s}", {})[name] = per_lang
                if name == "dockbot" and s == "dev":
                    n = write_misses(args.out / f"misses-{style}-dev.txt", rows)
                    print(f"{style}-dev: {n} dockbot misses", file=sys.stderr)
    machine = report.machine_info()
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = (
        f"# Command-scored sets\n\n`python bench/run_sets.py {' '.join(argv or sys.argv[1:])}`"
        f", {when}, {machine['nproc']} cores ({machine['cpu']}), Python {machine['python']}.\n\n"
        + table(results)
    )
    print(text)
    (args.out / "results-sets.md").write_text(text + "\n", encoding="utf-8")
    (args.out / "results-sets.json").write_text(
        json.dumps({"date": when, "machine": machine, "results": results}, indent=2) + "\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
