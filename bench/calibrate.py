"""Calibrate the matcher's confidence threshold on the dev question set.

    python bench/calibrate.py

For every candidate threshold it prints in-scope top-1 (confident and right)
and out-of-scope abstention on ``bench/questions/dev.tsv``. The rule: among
thresholds that meet both targets (top-1 >= 0.92, abstention >= 0.90), take
the one with the highest top-1 + abstention, the more cautious (higher) one on
a tie; when none meets both, the highest sum overall. The holdout set is never
read here. Exit code 1 when ``bot.ask.matcher.THRESHOLD`` differs
from what the rule picks, so a change to the matcher or the knowledge base
that moves the best threshold is noticed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.metrics import read_questions
from bot.ask.matcher import THRESHOLD, Matcher, clean_question
from bot.kb.check import load_knowledge
from bot.settings import Settings

TOP1_TARGET = 0.92
ABSTENTION_TARGET = 0.90
CANDIDATES = [round(0.30 + 0.02 * i, 2) for i in range(16)]


def main() -> int:
    questions = read_questions(Path(__file__).parent / "questions" / "dev.tsv")
    matcher = Matcher(load_knowledge(Settings.from_env().knowledge_dir))
    rows = []
    for q in questions:
        ranked, a = matcher.rank(clean_question(q.text))
        off_topic = (a.foreign and not a.anchored) or not a.on_topic
        top = ranked[0] if ranked else None
        rows.append((q, top.entry.id if top else None, top.score if top else 0.0, off_topic))
    in_scope = [r for r in rows if r[0].in_scope]
    oos = [r for r in rows if not r[0].in_scope]
    table: list[tuple[float, float, float]] = []
    print("threshold  top-1  abstention  sum")
    for t in CANDIDATES:
        top1 = sum(1 for q, got, s, off in in_scope if got == q.expected and s >= t and not off)
        abst = sum(1 for _, got, s, off in oos if got is None or s < t or off)
        r1, ra = top1 / len(in_scope), abst / len(oos)
        table.append((t, r1, ra))
        print(f"{t:9.2f}  {r1:.3f}  {ra:10.3f}  {r1 + ra:.3f}")
    meeting = [row for row in table if row[1] >= TOP1_TARGET and row[2] >= ABSTENTION_TARGET]
    pool = meeting or table
    best = max(pool, key=lambda row: (round(row[1] + row[2], 9), row[0]))[0]
    note = "meets both targets" if meeting else "no threshold meets both targets"
    print(f"\nthreshold by the rule: {best:.2f} ({note}); bot.ask.matcher.THRESHOLD = {THRESHOLD}")
    return 0 if abs(best - THRESHOLD) < 1e-9 else 1


if __name__ == "__main__":
    raise SystemExit(main())
