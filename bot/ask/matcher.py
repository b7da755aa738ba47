"""Question -> ranked knowledge-base entries. Pure: no I/O after construction.

How a question is scored:

1. Typo repair: an English word that no phrasing in the knowledge base uses is
   replaced by its closest known word (rapidfuzz ratio); a Korean word by its
   closest known word compared letter by letter (jamo), so ``삭재`` -> ``삭제``.
2. Retrieval: every phrasing of every entry (its example questions, titles,
   command line and flag notes) is a sparse TF-IDF vector of the features from
   :mod:`bot.ask.analysis`; an entry scores the cosine of its best phrasing.
3. Re-ranking: the best few entries are compared character by character
   (rapidfuzz, on jamo-decomposed text) with each of their phrasings.
4. Confidence: the blended score must reach :data:`THRESHOLD`, which is
   calibrated on the benchmark's dev question set (``bench/calibrate.py``).
   A question naming another tool (git, SQL, npm ...) and nothing about
   Docker is never answered with confidence.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.ask.analysis import Analysis, analyze, jamo, stem_en, strip_korean
from bot.ask.lexicon import CONCEPTS, DOMAIN_WORDS, EN_STOP, FOREIGN, KO_STOP
from bot.errors import InputError
from bot.kb.model import Entry, KnowledgeBase
from bot.lang import LANGS, Lang, detect_lang
from bot.secrets import CONTROL_CHARS

# Calibrated on bench/questions/dev.tsv with bench/calibrate.py.
THRESHOLD = 0.52
MAX_QUESTION_CHARS = 500
MAX_ALTERNATIVES = 4
SUGGESTION_FLOOR = 0.12
_RERANK = 8
_KIND_WEIGHT = {"c": 1.3, "f": 1.6, "w": 1.0, "k": 0.6, "b": 0.55}
_UNKNOWN_DAMPING = 0.6
_SECOND = 0.35  # weight of an entry's second-best phrasing
_FUZZY = 0.3  # weight of the character-level re-ranking
_COVERAGE = 0.25  # weight of how much of the question an entry covers
_CONTROL = CONTROL_CHARS


@dataclass(frozen=True)
class Candidate:
    """An entry and how well it matches (0..1)."""

    entry: Entry
    score: float

    def to_dict(self, lang: Lang) -> dict[str, object]:
        e = self.entry
        return {
            "id": e.id,
            "title": e.title[lang],
            "command": e.command,
            "explanation": e.explanation[lang],
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class Answer:
    """The matcher's verdict for one question."""

    query: str
    lang: Lang
    confident: bool
    best: Candidate | None
    alternatives: tuple[Candidate, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "query": self.query,
            "lang": self.lang,
            "confident": self.confident,
            "answer": self.best.to_dict(self.lang) if self.best else None,
            "alternatives": [c.to_dict(self.lang) for c in self.alternatives],
        }


@dataclass(frozen=True)
class _Doc:
    entry: int
    vector: dict[str, float]
    fuzzy: str
    compact: str


def clean_question(question: str) -> str:
    """The question as one line of text, or InputError saying why it cannot be used."""
    if not isinstance(question, str):
        raise InputError("The question must be text.")
    text = unicodedata.normalize("NFC", question)
    bad = sum(
        1
        for ch in text
        if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r") or "\ud800" <= ch <= "\udfff"
    )
    if text and bad / len(text) > 0.2:
        raise InputError(
            "That looks like binary data, not a question.",
            hint="Type the question as plain text.",
        )
    text = _CONTROL.sub(" ", text).replace("\ufffd", " ")
    text = " ".join(text.split())
    if not text:
        raise InputError(
            "The question is empty.",
            hint='Ask something like "how do I list running containers?".',
        )
    if len(text) > MAX_QUESTION_CHARS:
        raise InputError(
            f"The question is too long ({len(text)} characters; the limit is "
            f"{MAX_QUESTION_CHARS}).",
            hint="Ask one short question at a time.",
        )
    return text


def _phrasings(entry: Entry) -> Iterable[str]:
    for lang in LANGS:
        yield entry.title[lang]
        yield from entry.examples.get(lang, ())
    if entry.command:
        yield entry.command
    for flag in entry.flags:
        names = " ".join(flag.names)
        for text in flag.text.values():
            yield f"{names} {text}"


# The index as plain data (str/float/int/list/dict only), so it can be cached on disk
# with :mod:`marshal` and rebuilt identically. ``docs`` rows are
# (entry number, unit TF-IDF vector, fuzzy text, compact fuzzy text).
IndexData = dict[str, Any]
INDEX_FORMAT = 1


def _weigh(
    features: dict[str, float], idf: dict[str, float], unknown_idf: float
) -> dict[str, float]:
    return {k: tf * idf.get(k, unknown_idf) * _KIND_WEIGHT[k[0]] for k, tf in features.items()}


def build_index(kb: KnowledgeBase) -> IndexData:
    """Analyse every phrasing of every entry into the matcher's index."""
    analyses: list[tuple[int, Analysis]] = []
    for i, entry in enumerate(kb.entries):
        analyses.extend((i, analyze(p)) for p in _phrasings(entry))
    n = len(analyses)
    df: dict[str, int] = defaultdict(int)
    en_vocab: set[str] = set()
    ko_vocab: set[str] = set()
    for _, a in analyses:
        for key in a.features:
            df[key] += 1
        en_vocab.update(a.en_words)
        ko_vocab.update(a.ko_words)
    for ko_forms, en_forms in CONCEPTS.values():
        en_vocab.update(w for f in en_forms for w in f.split() if w.isalpha())
        ko_vocab.update(f for f in ko_forms if " " not in f and len(f) >= 2)
    en_vocab.update(w for w in FOREIGN | DOMAIN_WORDS | EN_STOP if w.isascii() and w.isalpha())
    ko_vocab.update(w for w in FOREIGN | DOMAIN_WORDS | KO_STOP if not w.isascii())
    idf = {k: math.log((n + 1) / (d + 0.5)) for k, d in df.items()}
    unknown_idf = math.log((n + 1) / 0.5) * _UNKNOWN_DAMPING
    docs: list[tuple[int, dict[str, float], str, str]] = []
    for i, a in analyses:
        vec = _weigh(a.features, idf, unknown_idf)
        if not vec:
            continue
        norm = math.sqrt(sum(w * w for w in vec.values()))
        docs.append((i, {k: w / norm for k, w in vec.items()}, a.fuzzy, a.compact))
    # most used first, so that ties between equally close spellings go to the common word
    # (stop words count as the most common: "waht" is "what" before it is "wait")
    en_sorted = sorted(
        (w for w in en_vocab if len(w) >= 3),
        key=lambda w: (w not in EN_STOP, -df.get("w:" + w, 0), w),
    )
    return {
        "format": INDEX_FORMAT,
        "idf": idf,
        "unknown_idf": unknown_idf,
        "docs": docs,
        "en_vocab": en_sorted,
        "en_known": sorted(en_vocab),
        "ko_words": sorted(ko_vocab),
    }


class Matcher:
    """Builds its index once; :meth:`ask` is then pure and fast."""

    def __init__(
        self, kb: KnowledgeBase, threshold: float = THRESHOLD, index: IndexData | None = None
    ) -> None:
        """Build the index, or take one built earlier for the same knowledge base
        (see :mod:`bot.ask.index_cache`)."""
        self.kb = kb
        self.threshold = threshold
        self._entries = kb.entries
        self.index = index if index is not None else build_index(kb)
        self._idf: dict[str, float] = self.index["idf"]
        self._unknown_idf: float = self.index["unknown_idf"]
        self._docs = [_Doc(*d) for d in self.index["docs"]]
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self._docs_of: dict[int, list[_Doc]] = defaultdict(list)
        self._features_of: dict[int, set[str]] = defaultdict(set)
        for doc_id, d in enumerate(self._docs):
            for k, w in d.vector.items():
                self._postings[k].append((doc_id, w))
            self._docs_of[d.entry].append(d)
            self._features_of[d.entry].update(d.vector)
        self._en_vocab: list[str] = self.index["en_vocab"]
        self._en_short: list[str] = [w for w in self._en_vocab if len(w) in (3, 4)]
        self._en_set = frozenset(self.index["en_known"])
        self._ko_words: list[str] = self.index["ko_words"]
        self._ko_set = frozenset(self._ko_words)
        self._ko_jamo = [jamo(w) for w in self._ko_words]

    def _vector(self, features: dict[str, float]) -> dict[str, float]:
        return _weigh(features, self._idf, self._unknown_idf)

    def _repair(self, text: str) -> str:
        """Replace unknown words by their closest known spelling.

        English: optimal-string-alignment distance (a swap of two letters is one
        edit), at most 1 edit for words of 4-5 letters, 2 for longer ones, and
        only a swap for 3-letter words (``rnu`` -> ``run``); ties go to the word
        the knowledge base uses most. Korean: letter-level (jamo) similarity.
        """

        def en(m: re.Match[str]) -> str:
            word = m.group(0)
            low = word.lower()
            if low in self._en_set or stem_en(low) in self._en_set:
                return word
            if len(low) == 3:
                # only a swap (rnu -> run) or a dropped letter (kil -> kill)
                for cand in self._en_short:
                    swap = len(cand) == 3 and sorted(cand) == sorted(low)
                    if (swap or len(cand) == 4) and OSA.distance(cand, low) == 1:
                        return cand
                return word
            limit = 1 if len(low) <= 5 else 2
            hit = process.extractOne(low, self._en_vocab, scorer=OSA.distance, score_cutoff=limit)
            return str(hit[0]) if hit else word

        def ko(m: re.Match[str]) -> str:
            word = m.group(0)
            stem = strip_korean(word)
            # long unspaced runs are several words: repairing them as one would replace them
            if len(stem) < 2 or len(stem) > 4 or stem in self._ko_set:
                return word
            cutoff = 80 if len(stem) < 4 else 75
            hit = process.extractOne(
                jamo(stem), self._ko_jamo, scorer=fuzz.ratio, score_cutoff=cutoff
            )
            if not hit:
                return word
            return self._ko_words[hit[2]] + word[len(stem) :]

        text = re.sub(r"(?<![-\w])[A-Za-z]{3,}(?![-\w])", en, text)
        return re.sub(r"[\uac00-\ud7a3]+", ko, text)

    def rank(self, question: str) -> tuple[list[Candidate], Analysis]:
        """Every entry with a non-zero score, best first, and the question's analysis."""
        repaired = self._repair(question)
        a = analyze(repaired)
        if repaired != question:
            # topic signals survive the repair: judge them on both spellings
            o = analyze(question)
            a = replace(
                a,
                anchored=a.anchored or o.anchored,
                on_topic=a.on_topic or o.on_topic,
                foreign=a.foreign or o.foreign,
            )
        qvec = self._vector(a.features)
        if not qvec:
            return [], a
        qnorm = math.sqrt(sum(w * w for w in qvec.values()))
        dots: dict[int, float] = defaultdict(float)
        for key, w in qvec.items():
            for doc_id, dw in self._postings.get(key, ()):
                dots[doc_id] += w * dw
        per_entry: dict[int, list[float]] = defaultdict(list)
        for doc_id, dot in dots.items():
            per_entry[self._docs[doc_id].entry].append(dot / qnorm)
        best: dict[int, float] = {}
        for e, sims in per_entry.items():
            sims.sort(reverse=True)
            second = sims[1] if len(sims) > 1 else 0.0
            best[e] = (1 - _SECOND) * sims[0] + _SECOND * second
        top = sorted(best.items(), key=lambda kv: kv[1], reverse=True)
        # how much of the question's words, concepts and flags an entry knows at all
        key_q = {k: w for k, w in qvec.items() if k[0] in "cfwk"}
        key_total = sum(key_q.values())
        scored: list[Candidate] = []
        for e, cos in top[:_RERANK]:
            fz = max(
                max(
                    fuzz.token_sort_ratio(a.fuzzy, d.fuzzy),
                    fuzz.ratio(a.compact, d.compact),
                )
                for d in self._docs_of[e]
            )
            base = (1 - _FUZZY) * cos + _FUZZY * fz / 100.0
            if _COVERAGE > 0 and key_total > 0:
                have = self._features_of[e]
                covered = sum(w for k, w in key_q.items() if k in have) / key_total
                base *= 1 - _COVERAGE + _COVERAGE * covered
            scored.append(Candidate(self._entries[e], base))
        scored.sort(key=lambda c: c.score, reverse=True)
        rest = [Candidate(self._entries[e], (1 - _FUZZY) * cos) for e, cos in top[_RERANK:]]
        return scored + rest, a

    def ask(self, question: str, lang: Lang | None = None) -> Answer:
        text = clean_question(question)
        answer_lang = lang or detect_lang(text)
        ranked, a = self.rank(text)
        off_topic = (a.foreign and not a.anchored) or not a.on_topic
        confident = bool(ranked) and ranked[0].score >= self.threshold and not off_topic
        if confident:
            alternatives = tuple(ranked[1 : 1 + MAX_ALTERNATIVES])
            return Answer(text, answer_lang, True, ranked[0], alternatives)
        suggestions = tuple(c for c in ranked[:MAX_ALTERNATIVES] if c.score >= SUGGESTION_FLOOR)
        return Answer(text, answer_lang, False, None, () if off_topic else suggestions)
