"""The matcher as dockbot serves it, built once per test session."""

from __future__ import annotations

from functools import lru_cache

from bot.ask.answer import Answer
from bot.ask.matcher import Matcher
from bot.ask.reference import with_reference
from bot.kb.check import load_knowledge
from bot.settings import Settings


@lru_cache(maxsize=1)
def both_tiers() -> Matcher:
    """The curated knowledge base and the CLI reference, as ``dockbot`` loads them."""
    return Matcher(with_reference(load_knowledge(Settings.from_env({}).knowledge_dir)))


def answer_of(matcher: Matcher, question: str) -> Answer:
    return matcher.ask(question)


def shown_commands(answer: Answer) -> list[str]:
    """The commands of the answer and its alternatives (or suggestions), best first."""
    cands = ([answer.best] if answer.best else []) + list(answer.alternatives)
    return [c.command or "" for c in cands]
