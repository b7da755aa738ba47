"""The knowledge base as typed data: entries, flag notes, problems.

The schema is documented in ``knowledge/README.md``; :mod:`bot.kb.check` loads
and validates the YAML into these types.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from bot.lang import Lang
from bot.phrases import phrase

KINDS = ("command", "concept", "howto")
ENTRY_FIELDS = frozenset(
    {"id", "kind", "title", "explanation", "command", "flags", "examples", "related",
     "source", "tags", "replaces"}
)
REQUIRED_FIELDS = ("id", "kind", "title", "explanation", "examples")
FLAG_FIELDS = frozenset({"short", "long", "value", "ko", "en"})
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
SHORT_FLAG = re.compile(r"^-[A-Za-z0-9]$")
LONG_FLAG = re.compile(r"^--[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a knowledge file. ``message`` is in English; a problem made
    with :meth:`keyed` can be said in Korean too (:meth:`text_in`)."""

    file: str
    line: int
    message: str
    key: str | None = field(default=None, compare=False)  # the catalog's kb.check.<key>
    params: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @classmethod
    def keyed(cls, file: str, line: int, key: str, /, **params: object) -> Problem:
        """The problem whose message is the phrase ``kb.check.<key>`` filled with ``params``."""
        said = {name: str(value) for name, value in params.items()}
        return cls(file, line, phrase(f"kb.check.{key}", "en", **said), key,
                   tuple(said.items()))

    def message_in(self, lang: Lang) -> str:
        """The message in ``lang`` (English when the problem has no key)."""
        if self.key is None:
            return self.message
        return phrase(f"kb.check.{self.key}", lang, **dict(self.params))

    def text_in(self, lang: Lang) -> str:
        """``file:line: message`` with the message in ``lang``."""
        return f"{self.file}:{self.line}: {self.message_in(lang)}"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(frozen=True)
class FlagNote:
    """A flag used by an entry's command, with its meaning in both languages."""

    short: str | None
    long: str | None
    value: str | None
    text: Mapping[Lang, str]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.short, self.long) if n)


@dataclass(frozen=True)
class Entry:
    """One intent: something a person wants to know or do."""

    id: str
    kind: str
    title: Mapping[Lang, str]
    explanation: Mapping[Lang, str]
    command: str | None
    flags: tuple[FlagNote, ...]
    examples: Mapping[Lang, tuple[str, ...]]
    related: tuple[str, ...]
    source: str | None
    tags: tuple[str, ...]
    file: str
    line: int
    tier: str = "kb"  # "kb": written by the team; "reference": generated from the CLI reference

    @property
    def is_reference(self) -> bool:
        return self.tier == "reference"


@dataclass(frozen=True)
class KnowledgeBase:
    """Every entry, in file order, with lookup by id."""

    entries: tuple[Entry, ...]
    _by_id: Mapping[str, Entry] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, entries: tuple[Entry, ...]) -> KnowledgeBase:
        return cls(entries, MappingProxyType({e.id: e for e in entries}))

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def to_dict(self) -> dict[str, object]:
        return {"entries": [entry_to_dict(e) for e in self.entries]}


def entry_to_dict(e: Entry) -> dict[str, object]:
    """The entry as plain data, in the same shape as the YAML."""
    out: dict[str, object] = {
        "id": e.id,
        "kind": e.kind,
        "title": dict(e.title),
        "explanation": dict(e.explanation),
    }
    if e.command is not None:
        out["command"] = e.command
    if e.flags:
        out["flags"] = [
            {"short": f.short, "long": f.long, "value": f.value, **dict(f.text)} for f in e.flags
        ]
    out["examples"] = {lang: list(qs) for lang, qs in e.examples.items()}
    out["related"] = list(e.related)
    out["source"] = e.source
    out["tags"] = list(e.tags)
    out["file"] = e.file
    out["line"] = e.line
    out["tier"] = e.tier
    return out


def entry_from_dict(d: Mapping[str, Any]) -> Entry:
    """The inverse of :func:`entry_to_dict` (for data written by it: no validation)."""
    return Entry(
        id=d["id"],
        kind=d["kind"],
        title=MappingProxyType(dict(d["title"])),
        explanation=MappingProxyType(dict(d["explanation"])),
        command=d.get("command"),
        flags=tuple(
            FlagNote(
                short=f["short"],
                long=f["long"],
                value=f["value"],
                text=MappingProxyType({k: v for k, v in f.items() if k in ("ko", "en")}),
            )
            for f in d.get("flags", ())
        ),
        examples=MappingProxyType({k: tuple(v) for k, v in d["examples"].items()}),
        related=tuple(d["related"]),
        source=d["source"],
        tags=tuple(d["tags"]),
        file=d["file"],
        line=d["line"],
        tier=d.get("tier", "kb"),
    )
