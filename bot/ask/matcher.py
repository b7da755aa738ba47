"""Question -> ranked knowledge-base entries. Pure: no I/O after construction.

How a question is scored:

1. Typo repair (:mod:`bot.ask.spelling`): an English word that no phrasing in the
   knowledge base uses is replaced by its closest known word; a Korean word by its
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

import heapq
import math
import unicodedata
from dataclasses import replace

from rapidfuzz import fuzz, process

from bot.ask.analysis import Analysis, analyze
from bot.ask.answer import Answer, Candidate
from bot.ask.composition import Composer
from bot.ask.index import (
    ACTIONS,
    OBJECTS,
    QUALIFIERS,
    IndexData,
    build_index,
    split_keys,
    weigh,
)
from bot.ask.names import said_as_name
from bot.ask.phrasing import clauses, focus
from bot.ask.spelling import Speller
from bot.ask.values import find_values
from bot.errors import InputError
from bot.explain.cli_spec import Command, spec_from_raw
from bot.kb.model import Entry, KnowledgeBase
from bot.lang import Lang, detect_lang
from bot.secrets import CONTROL_CHARS

# Confidence, fitted on the dev splits of all three question styles by bench/calibrate.py:
# confident when score + MARGIN_WEIGHT * (score - runner-up's score) reaches THRESHOLD,
# or THRESHOLD_UNANCHORED when the question is not plainly about Docker (see
# :func:`specific`): a question about "a network" or "a process" alone needs more
# evidence before it is taken to be about Docker.
THRESHOLD = 0.36
THRESHOLD_UNANCHORED = 0.80
MARGIN_WEIGHT = 0.25
MAX_QUESTION_CHARS = 500
MAX_ALTERNATIVES = 4
SUGGESTION_FLOOR = 0.12
_RERANK = 16  # the best entries by their phrasings re-ranked (bench/README.md: 8 -> 16)
_UNRANKED = 32  # and the next ones kept, scored by their phrasings only
_MAX_CLAUSES = 3  # clauses of a long question matched on their own
_CLAUSE_LEAD = 0.2  # by how much a clause must beat the whole question
_FUZZY_DOCS = 16  # phrasings of an entry compared character by character
_SECOND = 0.35  # weight of an entry's second-best phrasing
_FUZZY = 0.3  # weight of the character-level re-ranking
_COVERAGE = 0.25  # weight of how much of the question an entry covers
_FLAG_BONUS = 0.3  # extra weight of what only the command's flags explain (calibrated on dev)
_REFERENCE_WEIGHT = 0.9
_OBJECT_MISSING = 0.85
_ACTION_MISSING = 0.85
_QUALIFIER_EXTRA = 0.9
_SCOPES = frozenset({"c:compose", "c:swarm", "c:service"})
_SCOPE_EXTRA = 0.85
# command groups named for what they manage: their commands answer questions naming it
_GROUPS = {
    "plugin": "plugin 플러그인", "manifest": "manifest 매니페스트", "trust": "trust 신뢰 서명",
    "swarm": "swarm 스웜", "node": "node 노드", "service": "service 서비스", "stack": "stack 스택",
    "secret": "secret 시크릿", "checkpoint": "checkpoint 체크포인트",
}
_GROUP_MISSING = 0.85
_CONTROL = CONTROL_CHARS
# an entry's phrasing this close to the question says what the entry does as well as its
# title does: "rename image" is an example of docker tag, so "rename an image" does not
# miss tag's action
_PHRASING_SAYS = 0.7


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


def without_names(text: str) -> str:
    """The question without the names it says are names ("a network named backend" is
    about a network, not about "backend") and without the image references it gives: a
    name someone chose says which thing, not what to do. Only names said as names:
    "renmae container" is a typo, not a name."""
    out = text
    for v in sorted(find_values(text), key=lambda v: v.start, reverse=True):
        end = v.start + len(v.text)
        if v.kind not in ("name", "hostname", "ref") or text[v.start : end] != v.text:
            continue
        # (an image reference says which image however it is said: "tag myapp:latest
        # as ..." is about tagging, not about "latest")
        if v.kind == "ref" or said_as_name(text, v.start, end):
            out = out[: v.start] + out[end:]
    return out


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


def _valued(c: Candidate) -> int:
    """How many flags of ``c``'s composed line carry a value the question gave."""
    if c.composition is None:
        return 0
    return sum(1 for f in c.composition.flags if f.value and not f.value.startswith("<"))


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
        # each phrasing's entry and fuzzy text, an entry's phrasings together and in the
        # knowledge base's order: one slice of them per entry
        self._doc_entry: list[int] = self.index["doc_entry"]
        self._doc_text: list[str] = self.index["doc_text"]
        self._postings: dict[str, list[tuple[int, float]]] = self.index["postings"]
        self._doc_span = {e: range(a, b) for e, a, b in self.index["spans"]}
        # (read as sets only for the entries and phrasings that come close to a question)
        self._features_joined: list[str] = self.index["features_of"]
        self._features_of: dict[int, frozenset[str]] = {}
        self._core_joined: list[str] = self.index["core"]
        self._core: dict[int, frozenset[str]] = {}
        self._doc_core: list[str] = self.index["doc_core"]
        # the CLI command each entry's command line runs ("docker container logs")
        paths = zip(self._entries, self.index["paths"], strict=True)
        self._path_of = {e.id: p for e, p in paths if p}
        group_keys = {
            g: frozenset(k for k in analyze(words).features if k[0] in "cwk")
            for g, words in _GROUPS.items()
        }
        self._group_of: dict[int, frozenset[str]] = {}
        for i, entry in enumerate(self._entries):
            path = self._path_of.get(entry.id, "").split()
            if len(path) >= 3 and path[1] in group_keys:
                self._group_of[i] = group_keys[path[1]]
        speller = Speller(self.index["en_vocab"], self.index["en_known"], self.index["ko_words"])
        self._repair = speller.repair
        self.composer = Composer(spec=spec_from_raw(self.index["cli"]), data=self.index["flags"])
        self._title_features: dict[str, frozenset[str]] = {}

    def warm(self) -> Matcher:
        """Ready every command's flag tables before the first question (for a process that
        answers many: ``dockbot serve``, a knowledge reload before it swaps in); a
        one-shot ``dockbot ask`` prepares only what its question needs."""
        self.composer.prepare_all()
        return self

    def _vector(self, features: dict[str, float]) -> dict[str, float]:
        return weigh(features, self._idf, self._unknown_idf)

    def _analysis(self, question: str) -> Analysis:
        """The question's analysis after typo repair, names left out; its topic signals are
        judged on both spellings."""
        repaired = self._repair(without_names(question))
        a = analyze(repaired)
        if repaired != question:
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
        return a

    def _by_phrasings(
        self, qvec: dict[str, float]
    ) -> tuple[list[tuple[int, float]], dict[int, float], dict[int, int]]:
        """The best entries by the cosine of their phrasings (the best one and, weighed
        less, the second), with every phrasing's dot product and each entry's best
        phrasing."""
        qnorm = math.sqrt(sum(w * w for w in qvec.values()))
        # (the two loops below are most of a question's time: bound methods kept local)
        dots: dict[int, float] = {}
        dot_of = dots.get
        postings = self._postings.get
        for key, w in qvec.items():
            for doc_id, dw in postings(key, ()):
                dots[doc_id] = dot_of(doc_id, 0.0) + w * dw
        # each entry's best and second-best phrasing, in one pass
        doc_entry = self._doc_entry
        first: dict[int, float] = {}
        first_doc: dict[int, int] = {}
        runner: dict[int, float] = {}
        first_of, runner_of = first.get, runner.get
        for doc_id, dot in dots.items():
            e = doc_entry[doc_id]
            f = first_of(e)
            if f is None:
                first[e] = dot
                first_doc[e] = doc_id
            elif dot > f:
                runner[e] = f
                first[e] = dot
                first_doc[e] = doc_id
            elif dot > runner_of(e, 0.0):
                runner[e] = dot
        best = {
            e: ((1 - _SECOND) * f + _SECOND * runner.get(e, 0.0)) / qnorm
            for e, f in first.items()
        }
        top = heapq.nlargest(_RERANK + _UNRANKED, best.items(), key=lambda kv: kv[1])
        return top, dots, first_doc

    def rank(self, question: str, beat: float | None = None) -> tuple[list[Candidate], Analysis]:
        """The best entries (every one with a non-zero score, up to :data:`_RERANK` re-ranked
        and :data:`_UNRANKED` more), best first, and the question's analysis; none when no
        entry could score more than ``beat``."""
        a = self._analysis(question)
        qvec = self._vector(a.features)
        if not qvec:
            return [], a
        top, dots, first_doc = self._by_phrasings(qvec)
        texts = self._doc_text
        # how much of the question's words, concepts and flags an entry knows at all
        key_q = {k: w for k, w in qvec.items() if k[0] in "cfwk"}
        key_total = sum(key_q.values())
        q_objects = OBJECTS.intersection(a.features)
        q_actions = ACTIONS.intersection(a.features)
        q_qualifiers = QUALIFIERS.intersection(a.features)
        many_objects = len(q_objects) >= 3
        if many_objects:
            q_qualifiers = q_qualifiers | {"c:all"}
        scored: list[Candidate] = []
        cover: dict[str | None, frozenset[str]] = {}
        pre: list[tuple[int, float]] = []  # each entry's score before what it covers
        for e, cos in top[:_RERANK]:
            # character-level similarity with the entry's closest phrasings
            span = self._doc_span[e]
            fuzzy = texts[span.start : span.stop]
            if len(fuzzy) > _FUZZY_DOCS:
                hit = sorted(((dots[i], i) for i in span if i in dots), reverse=True)
                fuzzy = [texts[i] for _, i in hit[:_FUZZY_DOCS]]
            # (rapidfuzz's own loop over the phrasings: the same scores, in C)
            fz = max(
                process.extractOne(a.fuzzy, fuzzy, scorer=fuzz.token_sort_ratio)[1],
                process.extractOne(a.compact, [t.replace(" ", "") for t in fuzzy],
                                   scorer=fuzz.ratio)[1],
            )
            base = (1 - _FUZZY) * cos + _FUZZY * fz / 100.0
            core = self._core.get(e)
            if core is None:
                core = self._core[e] = split_keys(self._core_joined[e])
            # (a phrasing that does something more than the question asks, "이미지 태그만
            # 떼기" for "이미지 태그", says nothing of the kind)
            if cos >= _PHRASING_SAYS:
                said = split_keys(self._doc_core[first_doc[e]])
                if said & ACTIONS <= q_actions:
                    core = core | said
            # (a question that names three objects or more, "images, containers and
            # volumes", is about all of them: docker system's, which names none)
            missing = len(q_objects - core) if not (many_objects and not core & OBJECTS) else 0
            if missing:
                base *= _OBJECT_MISSING**missing
            # (what an image does when it runs is the Dockerfile's: "도커파일에서 일반 사용자로
            # 실행" is its USER, no run command)
            if q_actions and not q_actions & core and not (
                    "c:dockerfile" in core and "c:dockerfile" in a.features):
                base *= _ACTION_MISSING
            # (and a docker run answer, a new container, to a question about a running one)
            if core & QUALIFIERS - q_qualifiers or (
                "x:new" in core and "c:running" in q_qualifiers
            ):
                base *= _QUALIFIER_EXTRA
            # a compose (or swarm) answer to a question that says neither ("rebuild an
            # image" is docker build, not docker compose build), and a plain docker answer
            # to one that says compose ("compose run 일회성 컨테이너를 백그라운드로" is
            # docker compose run -d, not docker run -d)
            scoped = core & _SCOPES
            if (scoped and not scoped & a.features.keys()) or (
                not scoped and "c:compose" in a.features
            ):
                base *= _SCOPE_EXTRA
            # "docker plugin push" answers a question that says "plugin"
            need = self._group_of.get(e)
            if need and not need & a.features.keys():
                base *= _GROUP_MISSING
            pre.append((e, base))
        # (what the coverage below can add is bounded: a clause that could not beat the
        # whole question by its lead even so is not scored further)
        if beat is not None and all(
                self._tier(e, base) * (1 + _FLAG_BONUS) <= beat for e, base in pre):
            return [], a
        for e, base in pre:
            if key_total > 0:
                have = self._features_of.get(e)
                if have is None:
                    have = self._features_of[e] = split_keys(self._features_joined[e])
                # what the entry's command can do with a flag counts as covered too:
                # "resource usage of every container, stopped ones too" is stats -a
                path = self._path_of.get(self._entries[e].id)
                # (only the question's words the entry does not know can be covered, and only
                # by words its command's flags have at all)
                unknown = key_q.keys() - have
                if unknown and unknown & self._flag_words(path):
                    if path not in cover:  # entries of one command share what flags take
                        cover[path] = self._flag_cover(path, a)
                    by_flags = cover[path] - have
                    have = have | by_flags
                else:
                    by_flags = frozenset()
                covered = sum(w for k, w in key_q.items() if k in have) / key_total
                base *= 1 - _COVERAGE + _COVERAGE * covered
                # and what only its flags explain counts once more ("at most 50 processes"
                # is run --pids-limit, not top)
                only_flags = sum(w for k, w in key_q.items() if k in by_flags) / key_total
                base *= 1 + _FLAG_BONUS * only_flags
            scored.append(Candidate(self._entries[e], self._tier(e, base)))
        scored = self._curated_first(scored)
        rest = [
            Candidate(self._entries[e], self._tier(e, (1 - _FUZZY) * cos))
            for e, cos in top[_RERANK:]
        ]
        return scored + rest, a

    def _flag_words(self, path: str | None) -> frozenset[str]:
        """Every word the flags of the command at ``path`` have (:meth:`_flag_cover` takes
        part of them)."""
        cmd = self._command_at(path)
        return self.composer.vocabulary(cmd) if cmd is not None else frozenset()

    def _flag_cover(self, path: str | None, a: Analysis) -> frozenset[str]:
        """The question's features that a flag of the command at ``path`` would take."""
        cmd = self._command_at(path)
        return self.composer.covered(cmd, a) if cmd is not None else frozenset()

    def _command_at(self, path: str | None) -> Command | None:
        return self.composer.spec.get(path) if path else None

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
        if c.entry.command is None or c.composition is not None:
            return c
        exclude = self._title_features.get(c.entry.id)
        if exclude is None:
            exclude = frozenset(analyze(" ".join(c.entry.title.values())).features)
            self._title_features[c.entry.id] = exclude
        comp = self.composer.compose(c.entry.command, question, a, exclude)
        return replace(c, composition=comp) if comp else c

    def runner_up(self, ranked: list[Candidate]) -> float:
        """The score of the best other answer: an entry that answers with the same CLI
        command as the best one (``run`` and ``run-name``) is no competing answer."""
        if not ranked:
            return 0.0
        first = self._path_of.get(ranked[0].entry.id)
        for c in ranked[1:]:
            if first is None or self._path_of.get(c.entry.id) != first:
                return c.score
        return 0.0

    def confidence(self, ranked: list[Candidate], a: Analysis) -> float:
        """The best score, raised by its lead over the runner-up."""
        if not ranked:
            return 0.0
        return ranked[0].score + MARGIN_WEIGHT * (ranked[0].score - self.runner_up(ranked))

    def plainly_docker(self, a: Analysis, best: Candidate | None = None) -> bool:
        """The question is plainly about Docker (:func:`specific`), or names one of Docker's
        words and gives a value that a flag of the best answer takes ("서브넷 172.20.0.0/16
        으로 네트워크" is ``network create --subnet``'s): ``best`` composed."""
        return specific(a) or (best is not None and a.domain_signals + _valued(best) >= 2)

    def bar(self, a: Analysis, best: Candidate | None = None) -> float:
        """The confidence a question needs: more when it is not plainly about Docker."""
        return self.threshold if self.plainly_docker(a, best) else self.threshold_unanchored

    def best_composed(self, ranked: list[Candidate], text: str, a: Analysis) -> Candidate | None:
        """The best answer with the flags and values ``text`` asks for."""
        return self._composed(ranked[0], text, a) if ranked else None

    def ask(self, question: str, lang: Lang | None = None) -> Answer:
        text = clean_question(question)
        answer_lang = lang or detect_lang(text)
        focused = focus(text)
        ranked, a = self.rank(focused)
        topic = a  # the whole question decides whether it is about Docker at all
        # a long question is also matched clause by clause: a preamble or a pasted error
        # dilutes the one clause that says what is asked
        for clause in clauses(focused)[:_MAX_CLAUSES]:
            r2, a2 = self.rank(clause, ranked[0].score + _CLAUSE_LEAD if ranked else None)
            if r2 and (not ranked or r2[0].score > ranked[0].score + _CLAUSE_LEAD):
                ranked, a = r2, a2
        off_topic = off_topic_of(topic)
        best = None if off_topic else self.best_composed(ranked, text, topic)
        if best is not None:
            ranked = [best, *ranked[1:]]  # composed once
        confident = not off_topic and self.confidence(ranked, a) >= self.bar(topic, best)
        if confident:
            shown = self._distinct(ranked, text, topic, 1 + MAX_ALTERNATIVES)
            return Answer(text, answer_lang, True, shown[0], tuple(shown[1:]))
        suggestions = tuple(
            self._distinct([c for c in ranked if c.score >= SUGGESTION_FLOOR], text, topic,
                           MAX_ALTERNATIVES)
        )
        return Answer(text, answer_lang, False, None, () if off_topic else suggestions)

    def _distinct(
        self, ranked: list[Candidate], text: str, a: Analysis, n: int
    ) -> list[Candidate]:
        """The first ``n`` answers, composed, without one that shows the same command line
        as a better one (two entries answering "docker network create backend")."""
        out: list[Candidate] = []
        seen: set[str] = set()
        stored: set[tuple[str | None, str]] = set()
        for c in ranked[: n * 4]:
            if len(out) == n:
                break
            # the same stored line under the same title composes the same: skip it unseen
            key = (c.entry.command, c.entry.title["en"])
            if c.entry.command is not None and key in stored:
                continue
            stored.add(key)
            c = self._composed(c, text, a)
            # the same words in another order are the same command ("-f --tail 5")
            line = " ".join(sorted(c.command.split())) if c.command is not None else None
            if line is not None and line in seen:
                continue
            if line is not None:
                seen.add(line)
            out.append(c)
        return out
