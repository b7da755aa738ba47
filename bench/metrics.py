"""Questions, outcomes and the numbers computed from them.

Definitions (the same for every system):

- top-1 (in-scope): the system answers with confidence and its answer is the expected entry.
- top-3 (in-scope): the expected entry is among the first three entries the system
  shows (its answer and alternatives, or its suggestions when it abstains).
- abstention (out-of-scope): the system does not answer with confidence.
- false-answer rate: confident answers that are wrong (wrong entry, or any answer to
  an out-of-scope question) over all questions of the slice.
"""

from __future__ import annotations

import csv
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from bench.systems import Reply

if TYPE_CHECKING:
    from bot.kb.model import KnowledgeBase

OOS = "-"
CATEGORIES = ("ko", "en", "typo", "spacing", "mixed", "konglish", "flag", "oos")


@dataclass(frozen=True)
class Question:
    category: str
    lang: str
    expected: str
    text: str

    @property
    def in_scope(self) -> bool:
        return self.expected != OOS


@dataclass(frozen=True)
class Outcome:
    question: Question
    reply: Reply
    confident: bool
    seconds: float

    @property
    def top1(self) -> bool:
        return (
            self.confident
            and bool(self.reply.ranked)
            and (self.reply.ranked[0] == self.question.expected)
        )

    @property
    def top3(self) -> bool:
        return self.question.expected in self.reply.ranked[:3]

    @property
    def false_answer(self) -> bool:
        return self.confident and not self.top1


def read_questions(path: Path) -> list[Question]:
    """Rows of a question set; ValueError naming the line when a row is malformed."""
    out: list[Question] = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header != ["category", "lang", "expected", "question"]:
            raise ValueError(f"{path}:1: header must be category, lang, expected, question")
        for lineno, row in enumerate(reader, start=2):
            if len(row) != 4 or not row[3].strip():
                raise ValueError(f"{path}:{lineno}: expected 4 tab-separated fields")
            if row[0] not in CATEGORIES:
                raise ValueError(f"{path}:{lineno}: unknown category {row[0]!r}")
            out.append(Question(row[0], row[1], row[2], row[3].strip()))
    return out


def decide(reply: Reply, threshold: float | None) -> bool:
    """The system's own confidence, or the calibrated threshold for a baseline."""
    if reply.confident is not None:
        return reply.confident
    assert threshold is not None, "a baseline needs a calibrated threshold"
    return bool(reply.ranked) and reply.score >= threshold


def _rate(hits: int, n: int) -> float | None:
    return hits / n if n else None


def summarize(outcomes: Sequence[Outcome]) -> dict[str, float | int | None]:
    inscope = [o for o in outcomes if o.question.in_scope]
    oos = [o for o in outcomes if not o.question.in_scope]
    return {
        "n": len(outcomes),
        "n_in_scope": len(inscope),
        "n_oos": len(oos),
        "top1": _rate(sum(o.top1 for o in inscope), len(inscope)),
        "top3": _rate(sum(o.top3 for o in inscope), len(inscope)),
        "abstention": _rate(sum(not o.confident for o in oos), len(oos)),
        "false_answer": _rate(sum(o.false_answer for o in outcomes), len(outcomes)),
    }


def by_category(outcomes: Sequence[Outcome]) -> dict[str, dict[str, float | int | None]]:
    return {
        cat: summarize([o for o in outcomes if o.question.category == cat])
        for cat in CATEGORIES
        if any(o.question.category == cat for o in outcomes)
    }


def calibrate(pairs: Sequence[tuple[Question, Reply]]) -> float:
    """The threshold maximising in-scope top-1 rate + out-of-scope abstention rate.

    Candidates are the midpoints between consecutive distinct top scores (and one
    below the lowest and one above the highest); ties go to the lower threshold.
    """
    scores = sorted({r.score for _, r in pairs})
    if not scores:
        return 0.0
    cands = [scores[0] - 1.0]
    cands += [(a + b) / 2 for a, b in itertools.pairwise(scores)]
    cands.append(scores[-1] + 1.0)
    inscope = [(q, r) for q, r in pairs if q.in_scope and r.ranked]
    right = sorted(r.score for q, r in inscope if r.ranked[0] == q.expected)
    oos_scores = sorted(r.score for q, r in pairs if not q.in_scope and r.ranked)
    n_in = sum(q.in_scope for q, _ in pairs) or 1
    n_oos = sum(not q.in_scope for q, _ in pairs) or 1
    n_oos_empty = sum(not q.in_scope and not r.ranked for q, r in pairs)
    best_t, best_v = cands[0], -math.inf
    for t in cands:
        top1 = sum(s >= t for s in right) / n_in
        abst = (sum(s < t for s in oos_scores) + n_oos_empty) / n_oos
        if top1 + abst > best_v + 1e-12:
            best_t, best_v = t, top1 + abst
    return best_t


def percentile(values: Iterable[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    data = sorted(values)
    if not data:
        return math.nan
    k = max(0, min(len(data) - 1, math.ceil(p / 100 * len(data)) - 1))
    return data[k]


def normalized(text: str) -> str:
    """Letters and digits only, lowercased: how questions and examples are compared."""
    return re.sub(r"[\W_]+", "", text.lower())


def example_texts(kb: KnowledgeBase) -> set[str]:
    """Every knowledge-base example of ``kb``, :func:`normalized`."""
    return {normalized(x) for e in kb.entries for xs in e.examples.values() for x in xs}


NEAR = 85  # how alike (rapidfuzz ratio, 0-100) a question and an example are to count as near


def near_example(question: str, examples: Sequence[str]) -> bool:
    """A knowledge-base example (of ``examples``, :func:`normalized`) is within
    :data:`NEAR` % of the question: it may be answered by its wording more than its
    meaning."""
    return process.extractOne(normalized(question), examples, scorer=fuzz.ratio,
                              score_cutoff=NEAR) is not None
