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
from bot.ask.composition import ComposedFlag, Composer, Composition
from bot.ask.lexicon import COMMON_EN, CONCEPTS, DOMAIN_WORDS, EN_STOP, FOREIGN, KO_STOP
from bot.ask.phrasing import clauses, focus
from bot.errors import InputError
from bot.kb.model import Entry, FlagNote, KnowledgeBase
from bot.lang import LANGS, Lang, detect_lang
from bot.secrets import CONTROL_CHARS

# Confidence, fitted on the dev splits of all three question styles by bench/calibrate.py:
# confident when score + MARGIN_WEIGHT * (score - runner-up's score) reaches THRESHOLD,
# or THRESHOLD_UNANCHORED when the question is not plainly about Docker (see
# :func:`specific`): a question about "a network" or "a process" alone needs more
# evidence before it is taken to be about Docker.
THRESHOLD = 0.36
THRESHOLD_UNANCHORED = 0.79
MARGIN_WEIGHT = 0.25
MAX_QUESTION_CHARS = 500
MAX_ALTERNATIVES = 4
SUGGESTION_FLOOR = 0.12
_RERANK = 8
_MAX_CLAUSES = 3  # clauses of a long question matched on their own
_POSTINGS_CAP = 300  # phrasings kept per feature, highest weight first
_FUZZY_DOCS = 16  # phrasings of an entry compared character by character
_KIND_WEIGHT = {"c": 1.3, "f": 1.6, "i": 1.0, "w": 1.0, "k": 0.6, "b": 0.55, "x": 0.0}
_UNKNOWN_DAMPING = 0.6
_SECOND = 0.35  # weight of an entry's second-best phrasing
_FUZZY = 0.3  # weight of the character-level re-ranking
_COVERAGE = 0.25  # weight of how much of the question an entry covers
_REFERENCE_WEIGHT = 0.9
# Docker objects a question names: an answer about another object is probably about
# something else ("remove an image" is rmi, not rm). Checked against the entry's title
# and command only, so an incidental word in an example does not count.
_OBJECTS = frozenset(
    {"c:image", "c:container", "c:volume", "c:network", "c:compose", "c:service",
     "c:dockerfile", "c:registry", "c:context", "c:swarm", "c:windows", "c:wsl"}
)
_OBJECT_MISSING = 0.85
# What the question wants done. An entry whose title and command do none of it is
# probably another task on the same object ("kill a container" is not "remove" it).
_ACTIONS = frozenset(
    {"c:remove", "c:list", "c:run", "c:start", "c:stop", "c:restart", "c:kill", "c:pause",
     "c:build", "c:push", "c:pull", "c:tag", "c:login", "c:logout", "c:copy", "c:rename",
     "c:save", "c:load", "c:commit", "c:update", "c:inspect", "c:search", "c:prune",
     "c:install", "c:exec", "c:wait"}
)
_ACTION_MISSING = 0.85
# What an entry's title says about which ones ("all", "stopped", "running"): an entry
# for *all* images does not answer a question about an image.
_QUALIFIERS = frozenset({"c:all", "c:stopped", "c:running"})
_QUALIFIER_EXTRA = 0.9
_CONTROL = CONTROL_CHARS


@dataclass(frozen=True)
class Candidate:
    """An entry and how well it matches (0..1)."""

    entry: Entry
    score: float
    composition: Composition | None = None

    @property
    def command(self) -> str | None:
        """The command to show: the entry's, with the flags the question asked for."""
        return self.composition.command if self.composition else self.entry.command

    @property
    def added_flags(self) -> tuple[ComposedFlag, ...]:
        return self.composition.flags if self.composition else ()

    @property
    def source(self) -> str:
        return "reference" if self.entry.is_reference else "kb"

    def shown_flags(self) -> tuple[FlagNote, ...]:
        """The flags to explain with this answer: a curated entry's own notes (a composed
        flag replaces the note for the same flag), a reference entry's composed flags only
        (it knows every flag of its command; listing them all would bury the answer)."""
        added = tuple(
            FlagNote(
                short=next((n for n in f.names if not n.startswith("--")), None),
                long=next((n for n in f.names if n.startswith("--")), None),
                value=f.value,
                text=f.meaning,
            )
            for f in self.added_flags
        )
        if self.entry.is_reference:
            return added
        names = {n for f in added for n in f.names}
        kept = tuple(f for f in self.entry.flags if not set(f.names) & names)
        return (*kept, *added)

    def to_dict(self, lang: Lang) -> dict[str, object]:
        e = self.entry
        return {
            "id": e.id,
            "title": e.title[lang],
            "command": self.command,
            "explanation": e.explanation[lang],
            "score": round(self.score, 4),
            "source": self.source,
            "flags": [f.to_dict(lang) for f in self.added_flags],
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


def off_topic_of(a: Analysis) -> bool:
    """Never answered with confidence: names nothing of Docker's; names another topic (git,
    SQL, npm ...) and no Docker object; or names another container tool or another kind of
    image or container (Podman, kubectl, an SVG image) without naming Docker itself."""
    return (a.foreign and not a.anchored) or (a.foreign_strict and not a.named_docker)


def specific(a: Analysis) -> bool:
    """The question is plainly about Docker: it names Docker, a container, an image ...,
    or at least two of Docker's objects, words or flags ("로그 실시간으로 보기" names one
    generic word; "logs -f" two)."""
    return a.anchored or a.domain_signals >= 2


def _core_objects(entry: Entry) -> frozenset[str]:
    """The Docker objects and actions an entry's titles and command name (placeholders
    included: ``<image>`` names an image)."""
    command = re.sub(r"<([^<>]{1,40})>", r" \1 ", entry.command or "")
    text = " ".join([*entry.title.values(), command])
    return (_OBJECTS | _ACTIONS | _QUALIFIERS).intersection(analyze(text).features)


def _phrasings(entry: Entry) -> Iterable[str]:
    for lang in LANGS:
        yield entry.title[lang]
        yield from entry.examples.get(lang, ())
    if entry.command:
        yield entry.command
    # a reference entry's flag notes name their command, so "stop timeout" finds docker stop
    prefix = ""
    if entry.is_reference and entry.command:
        prefix = entry.command.split("<", 1)[0].strip() + " "
    for flag in entry.flags:
        names = " ".join(flag.names)
        for text in flag.text.values():
            yield f"{prefix}{names} {text}"


# The index as plain data (str/float/int/list/dict only), so it can be cached on disk
# with :mod:`marshal` and rebuilt identically. ``docs`` rows are (entry number, fuzzy
# text, compact fuzzy text); ``postings`` maps a feature to (doc, weight) pairs of the
# docs' unit TF-IDF vectors; the per-entry lists follow the knowledge base's order.
IndexData = dict[str, Any]
INDEX_FORMAT = 2


def _weigh(
    features: dict[str, float], idf: dict[str, float], unknown_idf: float
) -> dict[str, float]:
    return {k: tf * idf.get(k, unknown_idf) * _KIND_WEIGHT[k[0]]
            for k, tf in features.items() if _KIND_WEIGHT[k[0]]}


def build_index(kb: KnowledgeBase) -> IndexData:
    """Analyse every phrasing of every entry into the matcher's index."""
    composer = Composer()
    paths = []
    for entry in kb.entries:
        node, _ = composer.node_of(entry.command or "")
        paths.append(node.path if node is not None else "")
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
    # words that are spelt right although no phrasing uses them: every word of the
    # explanations, and common English words that look like Docker words
    # ("overlay" is not a typo of "overlap", nor "uninstall" of "install")
    en_known = set(en_vocab) | COMMON_EN
    for entry in kb.entries:
        for text in entry.explanation.values():
            en_known.update(re.findall(r"[a-z]{3,}", text.lower()))
    idf = {k: math.log((n + 1) / (d + 0.5)) for k, d in df.items()}
    unknown_idf = math.log((n + 1) / 0.5) * _UNKNOWN_DAMPING
    docs: list[tuple[int, str, str]] = []
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    features_of: list[set[str]] = [set() for _ in kb.entries]
    for i, a in analyses:
        vec = _weigh(a.features, idf, unknown_idf)
        if not vec:
            continue
        norm = math.sqrt(sum(w * w for w in vec.values()))
        doc_id = len(docs)
        docs.append((i, a.fuzzy, a.compact))
        for k, w in vec.items():
            postings[k].append((doc_id, w / norm))
        features_of[i].update(vec)
    # impact-ordered, truncated postings: a feature shared by thousands of phrasings
    # ("container") only contributes through the phrasings it weighs most in, so the
    # cost of a question stops growing with the size of the knowledge base
    for plist in postings.values():
        if len(plist) > _POSTINGS_CAP:
            plist.sort(key=lambda p: p[1], reverse=True)
            del plist[_POSTINGS_CAP:]
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
        "postings": dict(postings),
        "features_of": [sorted(f) for f in features_of],
        "core": [sorted(_core_objects(e)) for e in kb.entries],
        "paths": paths,
        "flags": composer.export(),
        "en_vocab": en_sorted,
        "en_known": sorted(en_known),
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
        self.threshold_unanchored = THRESHOLD_UNANCHORED
        self._entries = kb.entries
        self.index = index if index is not None else build_index(kb)
        self._idf: dict[str, float] = self.index["idf"]
        self._unknown_idf: float = self.index["unknown_idf"]
        # rows (entry number, fuzzy text, compact fuzzy text), an entry's rows together and
        # in the knowledge base's order: an entry's phrasings are one slice of them
        self._docs: list[Any] = self.index["docs"]
        self._postings: dict[str, list[tuple[int, float]]] = self.index["postings"]
        self._doc_entry = [d[0] for d in self._docs]
        self._doc_span: dict[int, range] = {}
        start = 0
        for i in range(1, len(self._doc_entry) + 1):
            if i == len(self._doc_entry) or self._doc_entry[i] != self._doc_entry[start]:
                self._doc_span[self._doc_entry[start]] = range(start, i)
                start = i
        self._features_of = [frozenset(f) for f in self.index["features_of"]]
        self._core_of = [frozenset(c) for c in self.index["core"]]
        # the CLI command each entry's command line runs ("docker container logs")
        paths = zip(self._entries, self.index["paths"], strict=True)
        self._path_of = {e.id: p for e, p in paths if p}
        self._en_vocab: list[str] = self.index["en_vocab"]
        self._en_short: list[str] = [w for w in self._en_vocab if len(w) in (3, 4)]
        self._en_set = frozenset(self.index["en_known"])
        self._ko_words: list[str] = self.index["ko_words"]
        self._ko_set = frozenset(self._ko_words)
        self._ko_jamo = [jamo(w) for w in self._ko_words]
        self.composer = Composer(data=self.index["flags"])
        self._title_features: dict[str, frozenset[str]] = {}

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
            hits = process.extract(
                low, self._en_vocab, scorer=OSA.distance, score_cutoff=limit, limit=8
            )
            for cand, _, _ in sorted(hits, key=lambda h: (h[1], h[2])):
                # a typo keeps the first letter, or swaps the first two ("dcoker")
                if cand[0] == low[0] or cand[:2] == low[1::-1]:
                    return str(cand)
            return word

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
                foreign_strict=a.foreign_strict or o.foreign_strict,
                named_docker=a.named_docker or o.named_docker,
                domain_signals=max(a.domain_signals, o.domain_signals),
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
        # each entry's best and second-best phrasing, in one pass
        doc_entry = self._doc_entry
        first: dict[int, float] = {}
        runner: dict[int, float] = {}
        for doc_id, dot in dots.items():
            e = doc_entry[doc_id]
            f = first.get(e)
            if f is None:
                first[e] = dot
            elif dot > f:
                runner[e] = f
                first[e] = dot
            elif dot > runner.get(e, 0.0):
                runner[e] = dot
        best = {
            e: ((1 - _SECOND) * f + _SECOND * runner.get(e, 0.0)) / qnorm
            for e, f in first.items()
        }
        top = sorted(best.items(), key=lambda kv: kv[1], reverse=True)
        docs = self._docs
        # how much of the question's words, concepts and flags an entry knows at all
        key_q = {k: w for k, w in qvec.items() if k[0] in "cfwk"}
        key_total = sum(key_q.values())
        q_objects = _OBJECTS.intersection(a.features)
        q_actions = _ACTIONS.intersection(a.features)
        q_qualifiers = _QUALIFIERS.intersection(a.features)
        scored: list[Candidate] = []
        for e, cos in top[:_RERANK]:
            # character-level similarity with the entry's closest phrasings
            span = self._doc_span[e]
            near = docs[span.start : span.stop]
            if len(near) > _FUZZY_DOCS:
                hit = sorted(((dots[i], i) for i in span if i in dots), reverse=True)
                near = [docs[i] for _, i in hit[:_FUZZY_DOCS]]
            fz = max(
                max(fuzz.token_sort_ratio(a.fuzzy, d[1]), fuzz.ratio(a.compact, d[2]))
                for d in near
            )
            base = (1 - _FUZZY) * cos + _FUZZY * fz / 100.0
            core = self._core_of[e]
            missing = len(q_objects - core)
            if missing:
                base *= _OBJECT_MISSING**missing
            if q_actions and not q_actions & core:
                base *= _ACTION_MISSING
            if core & _QUALIFIERS - q_qualifiers:
                base *= _QUALIFIER_EXTRA
            if key_total > 0:
                have = self._features_of[e]
                # what the entry's command can do with a flag counts as covered too:
                # "resource usage of every container, stopped ones too" is stats -a
                have = have | self._flag_cover(e, a)
                covered = sum(w for k, w in key_q.items() if k in have) / key_total
                base *= 1 - _COVERAGE + _COVERAGE * covered
            scored.append(Candidate(self._entries[e], self._tier(e, base)))
        scored = self._curated_first(scored)
        rest = [
            Candidate(self._entries[e], self._tier(e, (1 - _FUZZY) * cos))
            for e, cos in top[_RERANK:]
        ]
        return scored + rest, a

    def _flag_cover(self, e: int, a: Analysis) -> frozenset[str]:
        """The question's features that a flag of the entry's command would take."""
        path = self._path_of.get(self._entries[e].id)
        cmd = self.composer.spec.get(path) if path else None
        if cmd is None:
            return frozenset()
        return self.composer.covered(cmd, a)

    def _curated_first(self, scored: list[Candidate]) -> list[Candidate]:
        """A reference answer whose command a curated candidate also answers gives way to
        it: the curated entry (the best-scored one for that command) takes the higher of
        the two scores, and the reference one is dropped."""
        best_curated: dict[str, int] = {}
        for i, c in enumerate(scored):
            path = self._path_of.get(c.entry.id)
            if path and not c.entry.is_reference:
                j = best_curated.get(path)
                if j is None or scored[j].score < c.score:
                    best_curated[path] = i
        out = list(scored)
        dropped: set[int] = set()
        for i, c in enumerate(scored):
            path = self._path_of.get(c.entry.id)
            if c.entry.is_reference and path in best_curated:
                j = best_curated[path]
                if out[j].score < c.score:
                    out[j] = replace(out[j], score=c.score)
                dropped.add(i)
        kept = [c for i, c in enumerate(out) if i not in dropped]
        kept.sort(key=lambda c: c.score, reverse=True)
        return kept

    def _tier(self, e: int, score: float) -> float:
        return score * _REFERENCE_WEIGHT if self._entries[e].is_reference else score

    def candidate_for(self, entry: Entry, question: str) -> Candidate:
        """``entry`` as the answer to ``question`` (picked from suggestions, or shared):
        with the flags and values the question asks for."""
        try:
            text = clean_question(question)
        except InputError:
            return Candidate(entry, 1.0)
        return self._composed(Candidate(entry, 1.0), text, analyze(self._repair(focus(text))))

    def _composed(self, c: Candidate, question: str, a: Analysis) -> Candidate:
        if c.entry.command is None:
            return c
        exclude = self._title_features.get(c.entry.id)
        if exclude is None:
            exclude = frozenset(analyze(" ".join(c.entry.title.values())).features)
            self._title_features[c.entry.id] = exclude
        comp = self.composer.compose(c.entry.command, question, a, exclude)
        return replace(c, composition=comp) if comp else c

    @staticmethod
    def confidence(ranked: list[Candidate], a: Analysis) -> float:
        """The best score, raised by its lead over the runner-up."""
        if not ranked:
            return 0.0
        second = ranked[1].score if len(ranked) > 1 else 0.0
        return ranked[0].score + MARGIN_WEIGHT * (ranked[0].score - second)

    def bar(self, a: Analysis) -> float:
        """The confidence a question needs: more when it names nothing of Docker's."""
        return self.threshold if specific(a) else self.threshold_unanchored

    def ask(self, question: str, lang: Lang | None = None) -> Answer:
        text = clean_question(question)
        answer_lang = lang or detect_lang(text)
        focused = focus(text)
        ranked, a = self.rank(focused)
        topic = a  # the whole question decides whether it is about Docker at all
        # a long question is also matched clause by clause: a preamble or a pasted error
        # dilutes the one clause that says what is asked
        for clause in clauses(focused)[:_MAX_CLAUSES]:
            r2, a2 = self.rank(clause)
            if r2 and (not ranked or r2[0].score > ranked[0].score):
                ranked, a = r2, a2
        off_topic = off_topic_of(topic)
        confident = not off_topic and self.confidence(ranked, a) >= self.bar(topic)
        if confident:
            shown = [self._composed(c, text, topic) for c in ranked[: 1 + MAX_ALTERNATIVES]]
            return Answer(text, answer_lang, True, shown[0], tuple(shown[1:]))
        suggestions = tuple(
            self._composed(c, text, topic)
            for c in ranked[:MAX_ALTERNATIVES]
            if c.score >= SUGGESTION_FLOOR
        )
        return Answer(text, answer_lang, False, None, () if off_topic else suggestions)
