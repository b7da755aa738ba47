"""Corrections for mistyped sub-commands and flags ("imgae" -> "image", "--detatch")."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.explain.cli_spec import Command

# Below this similarity (1 - edits / length) a word is left unknown rather than "corrected".
CUTOFF = 0.6
# Ties go to the sub-command people type most.
_COMMON = (
    "ps",
    "run",
    "exec",
    "images",
    "image",
    "logs",
    "build",
    "pull",
    "push",
    "stop",
    "start",
    "rm",
    "rmi",
    "compose",
    "container",
    "volume",
    "network",
    "system",
    "tag",
    "login",
    "inspect",
    "restart",
    "create",
    "up",
    "down",
    "ls",
)


def closest(word: str, choices: Iterable[str], cutoff: float = CUTOFF) -> str | None:
    """The choice nearest to ``word`` (transpositions count as one edit), or None."""
    options = sorted(set(choices), key=lambda c: (_COMMON.index(c) if c in _COMMON else 99, c))
    if not options or not word:
        return None
    lowered = word.lower()
    if lowered != word and lowered in options:
        return lowered
    found = process.extractOne(
        lowered, options, scorer=OSA.normalized_similarity, score_cutoff=cutoff
    )
    return str(found[0]) if found else None


def similarity(a: str, b: str) -> float:
    return float(OSA.normalized_similarity(a.lower(), b.lower()))


def suggest_subcommand(node: Command, word: str) -> tuple[str, Command] | None:
    """The child of ``node`` (name as typed, alias included) that ``word`` was meant to be."""
    name = closest(word, node.children)
    return (name, node.children[name]) if name else None


def suggest_long_flag(node: Command, name: str) -> str | None:
    """The long flag of ``node`` that ``--name`` was probably meant to be (without dashes)."""
    return closest(name, (f.long for f in node.flags))


def suggest_short_flag(node: Command, letter: str) -> str | None:
    """The same letter in the other case, when that one exists (``-P`` for ``-p``)."""
    other = letter.swapcase()
    return other if other != letter and node.flag_by_short(other) else None
