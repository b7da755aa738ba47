"""What the matcher answers: ranked candidates and the verdict for one question."""

from __future__ import annotations

from dataclasses import dataclass

from bot.ask.composition import ComposedFlag, Composition
from bot.kb.model import Entry, FlagNote
from bot.lang import Lang


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
