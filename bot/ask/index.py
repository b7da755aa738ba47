"""The matcher's index: every phrasing of every entry as a weighted feature vector.

Built once per knowledge base (:func:`build_index`) as plain data, so that
:mod:`bot.ask.index_cache` can keep it on disk; read by :class:`bot.ask.matcher.Matcher`.
Pure: no I/O.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from bot.ask.analysis import Analysis, analyze
from bot.ask.composition import Composer
from bot.ask.flag_scoring import FlagData
from bot.ask.lexicon import COMMON_EN, CONCEPTS, DOMAIN_WORDS, EN_STOP, FOREIGN, KO_STOP
from bot.explain.cli_spec import default_raw
from bot.kb.model import Entry, KnowledgeBase
from bot.lang import LANGS

# Docker objects a question names: an answer about another object is probably about
# something else ("remove an image" is rmi, not rm). Checked against the entry's title
# and command only, so an incidental word in an example does not count.
OBJECTS = frozenset(
    {"c:image", "c:container", "c:volume", "c:network", "c:compose", "c:service",
     "c:dockerfile", "c:registry", "c:context", "c:swarm", "c:windows", "c:wsl", "c:daemon"}
)
# What the question wants done. An entry whose title and command do none of it is
# probably another task on the same object ("kill a container" is not "remove" it).
ACTIONS = frozenset(
    {"c:remove", "c:list", "c:run", "c:start", "c:stop", "c:restart", "c:kill", "c:pause",
     "c:build", "c:push", "c:pull", "c:tag", "c:login", "c:logout", "c:copy", "c:rename",
     "c:save", "c:load", "c:commit", "c:update", "c:inspect", "c:search", "c:prune",
     "c:install", "c:exec", "c:wait"}
)
# What an entry's title says about which ones ("all", "stopped", "running"): an entry
# for *all* images does not answer a question about an image.
QUALIFIERS = frozenset({"c:all", "c:stopped", "c:running"})
_RUNS = re.compile(r"docker (?:container )?run\b")
KIND_WEIGHT = {"c": 1.3, "n": 1.3, "f": 1.6, "i": 1.0, "w": 1.0, "k": 0.6, "b": 0.55, "x": 0.0}
_UNKNOWN_DAMPING = 0.6
_POSTINGS_CAP = 300  # phrasings kept per feature, highest weight first


def core_objects(entry: Entry) -> frozenset[str]:
    """The Docker objects and actions an entry's titles and command name (placeholders
    included: ``<image>`` names an image)."""
    command = re.sub(r"<([^<>]{1,40})>", r" \1 ", entry.command or "")
    text = " ".join([*entry.title.values(), command])
    core = (OBJECTS | ACTIONS | QUALIFIERS).intersection(analyze(text).features)
    # docker run creates a container: its entries are about a container, a new one
    # ("x:new": not the running container a question may be about)
    if _RUNS.match(entry.command or ""):
        core |= {"c:container", "x:new"}
    return core


def _phrasings(entry: Entry) -> Iterable[tuple[str, bool]]:
    """Every text an entry is found by, and whether it is a flag's note."""
    for lang in LANGS:
        yield entry.title[lang], False
        for example in entry.examples.get(lang, ()):
            yield example, False
    if entry.command:
        yield entry.command, False
    # a reference entry's flag notes name their command, so "stop timeout" finds docker stop
    prefix = ""
    if entry.is_reference and entry.command:
        prefix = entry.command.split("<", 1)[0].strip() + " "
    for flag in entry.flags:
        names = " ".join(flag.names)
        for text in flag.text.values():
            yield f"{prefix}{names} {text}", True


# The index as plain data (str/float/int/list/dict only), so it can be cached on disk
# with :mod:`marshal` and rebuilt identically. ``docs`` rows are (entry number, fuzzy
# text, compact fuzzy text); ``doc_core`` holds the Docker objects and actions each doc
# names; ``postings`` maps a feature to (doc, weight) pairs of the docs' unit TF-IDF
# vectors; the per-entry lists follow the knowledge base's order.
IndexData = dict[str, Any]
INDEX_FORMAT = 4


def _joined(keys: Iterable[str]) -> str:
    """A set of features as one string: a cache of thousands of entries loads faster as one
    string per entry than as lists of short strings (read back with :func:`split_keys`)."""
    return "\n".join(sorted(keys))


def split_keys(joined: str) -> frozenset[str]:
    return frozenset(joined.split("\n")) if joined else frozenset()


def _spans(doc_entry: list[int]) -> list[tuple[int, int, int]]:
    """(entry, first phrasing, last phrasing + 1): an entry's phrasings are one run."""
    out: list[tuple[int, int, int]] = []
    start = 0
    for i in range(1, len(doc_entry) + 1):
        if i == len(doc_entry) or doc_entry[i] != doc_entry[start]:
            out.append((doc_entry[start], start, i))
            start = i
    return out


def weigh(
    features: dict[str, float], idf: dict[str, float], unknown_idf: float
) -> dict[str, float]:
    return {k: tf * idf.get(k, unknown_idf) * KIND_WEIGHT[k[0]]
            for k, tf in features.items() if KIND_WEIGHT[k[0]]}


@functools.cache
def reference_flags() -> FlagData:
    """What the CLI reference's flag texts and the flag hints analyse into: the same for
    every knowledge base, so a process analyses them once (a reload of the knowledge base
    only analyses its phrasings)."""
    return Composer().export()


def build_index(kb: KnowledgeBase) -> IndexData:
    """Analyse every phrasing of every entry into the matcher's index."""
    analyses: list[tuple[int, Analysis]] = []
    # what a reference answer's flag notes say is what its command can do with a flag,
    # not what the command itself does: it counts as covered only when the flag would be
    # picked ("list files in a container" is not `docker container ls`, whose --size
    # note says "file sizes")
    noted: set[int] = set()
    for i, entry in enumerate(kb.entries):
        for p, is_note in _phrasings(entry):
            if is_note and entry.is_reference:
                noted.add(len(analyses))
            analyses.append((i, analyze(p)))
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
    doc_entry: list[int] = []
    doc_text: list[str] = []
    doc_core: list[str] = []
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    features_of: list[set[str]] = [set() for _ in kb.entries]
    for n_doc, (i, a) in enumerate(analyses):
        vec = weigh(a.features, idf, unknown_idf)
        if not vec:
            continue
        norm = math.sqrt(sum(w * w for w in vec.values()))
        doc_id = len(doc_entry)
        doc_entry.append(i)
        doc_text.append(a.fuzzy)  # (the compact text is the fuzzy one without spaces)
        doc_core.append(_joined((OBJECTS | ACTIONS).intersection(a.features)))
        for k, w in vec.items():
            postings[k].append((doc_id, w / norm))
        if n_doc not in noted:
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
    composer = Composer(data=reference_flags())
    paths = []
    for entry in kb.entries:
        node, _ = composer.node_of(entry.command or "")
        paths.append(node.path if node is not None else "")
    return {
        "format": INDEX_FORMAT,
        "idf": idf,
        "unknown_idf": unknown_idf,
        "doc_entry": doc_entry,
        "doc_text": doc_text,
        "spans": _spans(doc_entry),
        "postings": dict(postings),
        "features_of": [_joined(f) for f in features_of],
        "core": [_joined(core_objects(e)) for e in kb.entries],
        "doc_core": doc_core,
        "paths": paths,
        "flags": reference_flags(),
        # (so a matcher made from a cached index links its command tree without YAML)
        "cli": default_raw(),
        "en_vocab": en_sorted,
        "en_known": sorted(en_known),
        "ko_words": sorted(ko_vocab),
    }
