"""The benchmark's report: machine facts, markdown tables and the JSON dump."""

from __future__ import annotations

import os
import platform
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.metrics import CATEGORIES

TARGETS = {"top1": 0.92, "top3": 0.98, "abstention": 0.90, "p99_ms": 5.0, "startup_s": 0.5}

Summary = Mapping[str, float | int | None]


@dataclass
class SystemResult:
    """One system's numbers on one question set."""

    name: str
    overall: Summary
    categories: Mapping[str, Summary]
    p50_ms: float
    p99_ms: float
    threshold: float | None


@dataclass
class Run:
    machine: Mapping[str, str | int]
    sets: dict[str, list[SystemResult]] = field(default_factory=dict)
    startup: dict[str, Mapping[str, float]] = field(default_factory=dict)
    kb_examples: set[str] = field(default_factory=set)
    unavailable: dict[str, str] = field(default_factory=dict)
    command: str = ""
    date: str = ""
    kb_entries: int = 0
    notes: list[str] = field(default_factory=list)


def machine_info() -> dict[str, str | int]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.lower().startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return {
        "nproc": cpus or 0,
        "loadavg_at_start": load,
        "cpu": model,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def _pct(v: float | int | None) -> str:
    return "–" if v is None else f"{float(v):.3f}"


def _ms(v: float) -> str:
    return f"{v:.2f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def summary_table(
    results: Sequence[SystemResult], startup: Mapping[str, Mapping[str, float]]
) -> list[str]:
    rows = []
    for r in results:
        st = startup.get(r.name)
        rows.append(
            [
                r.name,
                _pct(r.overall["top1"]),
                _pct(r.overall["top3"]),
                _pct(r.overall["abstention"]),
                _pct(r.overall["false_answer"]),
                _ms(r.p50_ms),
                _ms(r.p99_ms),
                f"{st['in_process_s']:.3f} / {st['process_s']:.3f}" if st else "–",
                "built-in" if r.threshold is None else f"{r.threshold:.4g}",
            ]
        )
    header = [
        "system",
        "top-1",
        "top-3",
        "abstention",
        "false answers",
        "p50 ms",
        "p99 ms",
        "start-up s (in-process / wall)",
        "threshold",
    ]
    return _table(header, rows)


def category_table(results: Sequence[SystemResult]) -> list[str]:
    header = ["category", "n"]
    for r in results:
        header += [f"{r.name} top-1 / abst.", f"{r.name} top-3", f"{r.name} false"]
    rows = []
    for cat in CATEGORIES:
        if not results or cat not in results[0].categories:
            continue
        row = [cat, str(results[0].categories[cat]["n"])]
        for r in results:
            s = r.categories[cat]
            first = s["abstention"] if cat == "oos" else s["top1"]
            row += [_pct(first), "–" if cat == "oos" else _pct(s["top3"]), _pct(s["false_answer"])]
        rows.append(row)
    return _table(header, rows)


def _at_least(v: float | int | None, target: float) -> bool:
    return v is not None and float(v) >= target


def target_lines(
    results: Sequence[SystemResult], startup: Mapping[str, Mapping[str, float]]
) -> list[str]:
    bot = next((r for r in results if r.name == "dockbot"), None)
    if bot is None:
        return []
    o = bot.overall
    st = startup.get("dockbot")
    checks = [
        (f"top-1 >= {TARGETS['top1']}", _pct(o["top1"]), _at_least(o["top1"], TARGETS["top1"])),
        (f"top-3 >= {TARGETS['top3']}", _pct(o["top3"]), _at_least(o["top3"], TARGETS["top3"])),
        (
            f"abstention >= {TARGETS['abstention']}",
            _pct(o["abstention"]),
            _at_least(o["abstention"], TARGETS["abstention"]),
        ),
        (f"p99 <= {TARGETS['p99_ms']} ms", _ms(bot.p99_ms), bot.p99_ms <= TARGETS["p99_ms"]),
    ]
    if st:
        checks.append(
            (
                f"start-up <= {TARGETS['startup_s']} s (wall, fresh process)",
                f"{st['process_s']:.3f}",
                st["process_s"] <= TARGETS["startup_s"],
            )
        )
    for base in results:
        if base.name == "dockbot":
            continue
        b = base.overall
        beats = (
            float(o["top1"] or 0) > float(b["top1"] or 0)
            and float(o["top3"] or 0) >= float(b["top3"] or 0)
            and float(o["top1"] or 0) + float(o["abstention"] or 0)
            > float(b["top1"] or 0) + float(b["abstention"] or 0)
        )
        checks.append(
            (
                f"beats {base.name} (higher top-1 and top-1 + abstention, top-3 no lower)",
                f"{_pct(o['top1'])}/{_pct(o['top3'])} vs {_pct(b['top1'])}/{_pct(b['top3'])}",
                beats,
            )
        )
    return _table(
        ["target (dockbot)", "value", "met"],
        [[name, value, "yes" if ok else "**no**"] for name, value, ok in checks],
    )


def markdown(run: Run) -> str:
    m = run.machine
    lines = [
        "# dockbot benchmark results",
        "",
        f"Command: `{run.command}`  ",
        f"Date: {run.date}  ",
        f"Machine: {m['nproc']} CPUs, {m['cpu']}, Python {m['python']} ({m['platform']})  ",
        f"Load average when the run started (1/5/15 min): {m['loadavg_at_start']}  ",
        f"Knowledge base: {run.kb_entries} entries",
        "",
        "Baseline thresholds are calibrated on the dev set (each maximises its own "
        "in-scope top-1 rate + abstention rate); dockbot uses its built-in threshold. "
        "Latency is per question after a warm-up; start-up is import + load knowledge "
        "base + build index + first answer in a fresh process (in-process time / wall "
        "time of the whole process, median of the runs shown in results.json).",
        "",
    ]
    for name, reason in run.unavailable.items():
        lines += [f"**{name}: unavailable** ({reason})", ""]
    lines += [f"- {note}" for note in run.notes]
    if run.notes:
        lines.append("")
    for name, st in run.startup.items():
        parts = [
            f"{k[len('phase_') : -len('_s')].replace('_', ' ')} {v:.3f}"
            for k, v in st.items()
            if k.startswith("phase_")
        ]
        if parts:
            lines.append(f"- start-up phases of {name} (s, in-process): {', '.join(parts)}")
        if "cold_process_s" in st:
            lines.append(
                f"- start-up of {name} with an empty index cache (first run ever, wall): "
                f"{st['cold_process_s']:.3f} s; the tables show the median of the runs after it"
            )
    if run.startup:
        lines.append("")
    for set_name, results in run.sets.items():
        n = results[0].overall if results else {}
        lines += [
            f"## {set_name} set ({n.get('n', 0)} questions: {n.get('n_in_scope', 0)} in-scope, "
            f"{n.get('n_oos', 0)} out-of-scope)",
            "",
            *summary_table(results, run.startup),
            "",
            "### By category (oos row: abstention instead of top-1)",
            "",
            *category_table(results),
            "",
            "### Targets",
            "",
            *target_lines(results, run.startup),
            "",
        ]
    return "\n".join(lines)


def to_json(run: Run) -> dict[str, Any]:
    return {
        "command": run.command,
        "kb_entries": run.kb_entries,
        "date": run.date,
        "machine": dict(run.machine),
        "targets": TARGETS,
        "unavailable": run.unavailable,
        "notes": run.notes,
        "startup": {k: dict(v) for k, v in run.startup.items()},
        "sets": {
            name: [
                {
                    "system": r.name,
                    "threshold": r.threshold,
                    "overall": dict(r.overall),
                    "categories": {c: dict(s) for c, s in r.categories.items()},
                    "latency_ms": {"p50": r.p50_ms, "p99": r.p99_ms},
                }
                for r in results
            ]
            for name, results in run.sets.items()
        },
    }
