"""``dockbot kb gaps``: what the question log shows was asked and not answered.

Reads question logs (:mod:`bot.questionlog`), joins each question with its 👍/👎 lines
(same ``id``), and keeps the *gaps*: questions the matcher abstained on, answered with
low confidence (a confident score below ``THRESHOLD + LOW_CONFIDENCE_MARGIN``), or voted
👎. Near-duplicates are grouped with the matcher's own analysis
(:func:`bot.ask.analysis.analyze`): two questions belong together when their weighted
features overlap, when they name the same Docker concepts and flags (which the lexicon
shares between Korean and English, so ``컨테이너 로그 실시간으로`` meets ``follow a
container's logs``), or when their letters (Korean as jamo) are nearly the same
(rapidfuzz). Groups are ranked by how often they were asked; each comes with sample
questions, the nearest entries (the matcher's answer and suggestions, most frequent
first) and a draft entry in the ``dockbot kb import`` format, with TODOs to fill.
"""

from __future__ import annotations

import heapq
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from rapidfuzz import fuzz

from bot.ask.analysis import analyze
from bot.ask.matcher import THRESHOLD
from bot.errors import InputError
from bot.kb.model import KnowledgeBase
from bot.kb.notes_import import TODO, draft_entry
from bot.lang import LANGS, Lang
from bot.questionlog import SURFACES
from bot.settings import Settings
from bot.textinput import read_lines

# A confident answer scoring below THRESHOLD + this margin counts as low confidence: 5 of
# the 467 confident answers to the benchmark's dev questions (bench/questions/dev.tsv).
LOW_CONFIDENCE_MARGIN = 0.10
GROUP_SIMILARITY = 0.62  # two questions this similar (0..1) are near-duplicates
MIN_SHARED_CONCEPTS = 2  # concept/flag overlap only counts with at least this many in common
CONCEPT_AGREEMENT = 0.65  # shared concepts alone group two questions from this overlap on
# concepts nearly every question names count half in the overlap
GENERIC_CONCEPTS = {"c:container": 0.5, "c:image": 0.5, "c:docker": 0.5}
LETTERS_DISCOUNT = 0.2  # letter similarity counts this much less than shared features
MAX_CANDIDATES = 12  # groups compared in full: those sharing the most with a question
MAX_POSTING = 64  # features shared by more groups than this are not used to find candidates
MAX_SAMPLES = 5
MAX_NEAREST = 3
MAX_MALFORMED_SHOWN = 5
DRAFT_SOURCE = "dockbot kb gaps"

_DURATION = re.compile(r"(\d+)([smhdw])")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(text: str) -> timedelta:
    """``90s``, ``30m``, ``12h``, ``7d``, ``2w`` or a sum such as ``1d12h``."""
    raw = text.strip().lower().replace(" ", "")
    parts = _DURATION.findall(raw)
    if not raw or "".join(n + u for n, u in parts) != raw:
        raise InputError.keyed("kb.gaps.bad_since", since=repr(text))
    seconds = sum(int(n) * _UNITS[u] for n, u in parts)
    if seconds <= 0:
        raise InputError.keyed("kb.gaps.zero_since", since=repr(text))
    return timedelta(seconds=seconds)


@dataclass
class Logged:
    """One logged question and the votes joined to it."""

    id: str
    time: datetime
    surface: str
    lang: Lang
    question: str
    confident: bool
    answer: str | None
    score: float | None
    suggestions: tuple[str, ...]
    votes: list[str] = field(default_factory=list)

    def reasons(self) -> list[str]:
        out = []
        if not self.confident:
            out.append("abstained")
        elif self.score is not None and self.score < THRESHOLD + LOW_CONFIDENCE_MARGIN:
            out.append("low_confidence")
        if "down" in self.votes:
            out.append("voted_down")
        return out


@dataclass
class LogContents:
    questions: list[Logged] = field(default_factory=list)
    votes: dict[str, list[str]] = field(default_factory=dict)
    malformed: list[str] = field(default_factory=list)  # "file:line" of each bad line


def _time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _question(data: dict[str, object]) -> Logged | None:
    when = _time(data.get("time"))
    qid, surface, lang, text = (data.get(k) for k in ("id", "surface", "lang", "question"))
    score = data.get("score")
    answer = data.get("answer")
    suggestions = data.get("suggestions", [])
    if (
        when is None or not isinstance(qid, str) or surface not in SURFACES
        or lang not in LANGS or not isinstance(text, str) or not text.strip()
        or not isinstance(data.get("confident"), bool)
        or not (answer is None or isinstance(answer, str))
        or not (score is None or isinstance(score, int | float))
        or not isinstance(suggestions, list) or not all(isinstance(s, str) for s in suggestions)
    ):
        return None
    return Logged(qid, when, str(surface), lang, text, bool(data["confident"]), answer,
                  None if score is None else float(score), tuple(suggestions))


def read_logs(paths: Sequence[str]) -> LogContents:
    """Every question and vote in ``paths``; bad lines are counted, not fatal."""
    out = LogContents()
    for path in paths:
        lines = read_lines(path, "the question log",
                           hint="Give the file that DOCKBOT_QUESTION_LOG writes to.")
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except ValueError:
                data = None
            event = data.get("event") if isinstance(data, dict) else None
            if isinstance(data, dict) and event == "question":
                q = _question(data)
                if q is not None:
                    out.questions.append(q)
                    continue
            elif (isinstance(data, dict) and event == "feedback"
                  and isinstance(data.get("id"), str) and data.get("vote") in ("up", "down")):
                out.votes.setdefault(str(data["id"]), []).append(str(data["vote"]))
                continue
            out.malformed.append(f"{path}:{n}")
    for q in out.questions:
        q.votes = out.votes.get(q.id, [])
    return out


# ---------------------------------------------------------------- grouping


@dataclass(frozen=True)
class _Shape:
    features: dict[str, float]
    concepts: frozenset[str]
    letters: str
    norm: float


def _shape(text: str) -> _Shape:
    a = analyze(text)
    concepts = frozenset(k for k in a.features if k.startswith(("c:", "f:")))
    return _Shape(a.features, concepts, a.compact, sum(a.features.values()))


def similarity(x: _Shape, y: _Shape) -> float:
    """How near two questions are (0..1): the best of weighted feature overlap, shared
    concepts and flags (both languages), and letter similarity (typos)."""
    shared = x.features.keys() & y.features.keys()
    best = 0.0
    if shared:
        low = sum(min(x.features[k], y.features[k]) for k in shared)
        best = low / (x.norm + y.norm - low)
    common = x.concepts & y.concepts
    agree = _weight(common) / _weight(x.concepts | y.concepts) if common else 0.0
    if len(common) >= MIN_SHARED_CONCEPTS and agree >= CONCEPT_AGREEMENT:
        best = max(best, agree)
    if x.letters and y.letters and best < GROUP_SIMILARITY:
        best = max(best, fuzz.ratio(x.letters, y.letters) / 100 - LETTERS_DISCOUNT)
    if x.concepts and y.concepts:
        # the same words around another action or object ("delete" / "list" a container,
        # a container / its logs) make another question
        best = min(best, agree)
    return best


def _weight(concepts: frozenset[str]) -> float:
    return sum(GENERIC_CONCEPTS.get(c, 1.0) for c in concepts)


@dataclass
class GapGroup:
    questions: list[Logged]
    nearest: list[dict[str, object]] = field(default_factory=list)
    draft: dict[str, object] = field(default_factory=dict)

    @property
    def lang(self) -> Lang:
        langs = Counter(q.lang for q in self.questions)
        return "ko" if langs["ko"] >= langs["en"] else "en"

    def samples(self) -> list[str]:
        counts = Counter(q.question for q in self.questions)
        return [text for text, _ in counts.most_common(MAX_SAMPLES)]

    def to_dict(self) -> dict[str, object]:
        reasons = Counter(r for q in self.questions for r in q.reasons())
        return {
            "count": len(self.questions),
            "langs": dict(Counter(q.lang for q in self.questions)),
            "surfaces": dict(Counter(q.surface for q in self.questions)),
            "reasons": {k: reasons[k] for k in ("abstained", "low_confidence", "voted_down")},
            "last": max(q.time for q in self.questions).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "samples": self.samples(),
            "nearest": self.nearest,
            "draft": self.draft,
        }


def group_questions(questions: Iterable[Logged]) -> list[list[Logged]]:
    """Near-duplicates together, the most asked group first.

    Leader clustering over distinct texts, most frequent first: a text joins the group
    whose leader it is most similar to (at least :data:`GROUP_SIMILARITY`), or starts a
    group of its own. The leaders compared are found through an index of their features:
    those sharing the most feature weight, and those sharing the most concepts.
    """
    by_text: dict[str, list[Logged]] = {}
    for q in questions:
        by_text.setdefault(" ".join(q.question.split()).lower(), []).append(q)
    order = sorted(by_text, key=lambda t: (-len(by_text[t]), t))
    leaders: list[_Shape] = []
    groups: list[list[Logged]] = []
    index: dict[str, list[int]] = {}
    for text in order:
        shape = _shape(text)
        overlap: dict[int, float] = {}  # shared feature weight per leader
        concepts: Counter[int] = Counter()  # shared concepts and flags per leader
        for k, weight in shape.features.items():
            posting = index.get(k, ())
            if len(posting) > MAX_POSTING:
                continue  # a feature half the groups have says little about which one
            for g in posting:
                overlap[g] = overlap.get(g, 0.0) + min(weight, leaders[g].features[k])
                if k in shape.concepts:
                    concepts[g] += 1
        seen = set(heapq.nlargest(MAX_CANDIDATES, overlap, key=overlap.__getitem__))
        seen.update(g for g, n in concepts.most_common(MAX_CANDIDATES)
                    if n >= MIN_SHARED_CONCEPTS)
        scored = [(similarity(shape, leaders[g]), -g) for g in seen]
        best = max(scored, default=(0.0, 0))
        if best[0] >= GROUP_SIMILARITY:
            groups[-best[1]].extend(by_text[text])
            continue
        leaders.append(shape)
        groups.append(list(by_text[text]))
        for k in shape.features:
            index.setdefault(k, []).append(len(groups) - 1)
    groups.sort(key=lambda g: (-len(g), -max(q.time for q in g).timestamp()))
    return groups


# ---------------------------------------------------------------- report


@dataclass
class GapReport:
    questions: int
    gaps: int
    malformed: list[str]
    groups: list[GapGroup]
    since: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "questions": self.questions,
            "gaps": self.gaps,
            "since": self.since,
            "low_confidence_below": round(THRESHOLD + LOW_CONFIDENCE_MARGIN, 4),
            "malformed": len(self.malformed),
            "malformed_lines": self.malformed[:MAX_MALFORMED_SHOWN],
            "groups": [g.to_dict() for g in self.groups],
        }


def _nearest(group: GapGroup, kb: KnowledgeBase) -> list[dict[str, object]]:
    counts: Counter[str] = Counter()
    for q in group.questions:
        if q.answer:
            counts[q.answer] += 2
        counts.update(q.suggestions)
    out: list[dict[str, object]] = []
    for eid, _ in counts.most_common():
        entry = kb.get(eid)
        if entry is None:
            continue
        out.append({"id": eid, "title": entry.title[group.lang], "command": entry.command})
        if len(out) == MAX_NEAREST:
            break
    return out


def _draft(group: GapGroup, n: int, ids: set[str]) -> dict[str, object]:
    command = next((str(e["command"]) for e in group.nearest if e["command"]), None)
    samples = group.samples()
    draft = draft_entry(samples[0], command, ids, source=DRAFT_SOURCE, term=f"TODO {n}")
    # the question is not its answer: the explanation is for the reviewer to write
    draft["explanation"] = {lang: f"{TODO}: write the answer" for lang in LANGS}
    examples = draft.get("examples")
    if isinstance(examples, dict):
        for lang in LANGS:
            mine = [s for s in samples if next((q.lang for q in group.questions
                                                 if q.question == s), None) == lang]
            if mine:
                examples[lang] = mine
    return draft


def build_report(contents: LogContents, kb: KnowledgeBase, since: timedelta | None = None,
                 now: datetime | None = None, since_text: str | None = None) -> GapReport:
    """Gaps of ``contents`` (only questions within ``since`` of ``now``), grouped."""
    questions = contents.questions
    if since is not None:
        start = (now or datetime.now(UTC)) - since
        questions = [q for q in questions if q.time >= start]
    gaps = [q for q in questions if q.reasons()]
    ids = {e.id for e in kb}
    groups = [GapGroup(g) for g in group_questions(gaps)]
    for n, g in enumerate(groups, 1):
        g.nearest = _nearest(g, kb)
        g.draft = _draft(g, n, ids)
    return GapReport(len(questions), len(gaps), contents.malformed, groups, since_text)


def gaps_report(paths: Sequence[str], since: str | None, settings: Settings) -> GapReport:
    """``dockbot kb gaps``: read the logs, group the gaps, with the knowledge base's entries
    as the nearest ones. InputError for a bad ``--since`` or a log that cannot be read."""
    from bot.ask.index_cache import load_cached

    window = parse_duration(since) if since is not None else None
    contents = read_logs(paths)
    kb, _ = load_cached(settings.knowledge_folders, settings.cache_dir)
    return build_report(contents, kb, window, since_text=since)
