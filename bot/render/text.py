"""Answers as terminal text: colour on a TTY, plain when piped."""

from __future__ import annotations

from collections.abc import Sequence

from bot.ask.answer import Answer, Candidate
from bot.kb.model import Entry, FlagNote, KnowledgeBase
from bot.lang import Lang
from bot.phrases import phrase


class Style:
    """ANSI styles, or nothing when colour is off."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def bold(self, text: str) -> str:
        return self._wrap("1", text)

    def cmd(self, text: str) -> str:
        return self._wrap("1;36", text)

    def dim(self, text: str) -> str:
        return self._wrap("2", text)

    def warn(self, text: str) -> str:
        return self._wrap("33", text)


def word(key: str, lang: Lang) -> str:
    """One phrase of the terminal answers (the catalog's ``term.<key>``)."""
    return phrase(f"term.{key}", lang)


def _related_line(entry: Entry, kb: KnowledgeBase, lang: Lang, st: Style) -> str | None:
    names: list[str] = []
    for rid in entry.related:
        rel = kb.get(rid)
        if rel is not None:
            names.append(st.cmd(rel.command) if rel.command else rel.title[lang])
    if not names:
        return None
    return f"{word('related', lang)}: " + ", ".join(names)


def entry_text(
    entry: Entry,
    kb: KnowledgeBase,
    lang: Lang,
    st: Style,
    command: str | None = None,
    flags: Sequence[FlagNote] | None = None,
) -> list[str]:
    """One entry as lines; ``command`` and ``flags`` override the stored ones (a composed
    answer shows its own command line and the flags it added)."""
    lines: list[str] = []
    command = command or entry.command
    flags = entry.flags if flags is None else flags
    if command:
        lines.append(st.cmd(command))
        lines.append("  " + st.bold(entry.title[lang]))
    else:
        lines.append(st.bold(entry.title[lang]))
    lines.extend("  " + ln for ln in entry.explanation[lang].splitlines())
    if flags:
        width = max(len(", ".join(f.names)) for f in flags)
        for f in flags:
            names = ", ".join(f.names)
            lines.append(f"  {st.cmd(names.ljust(width))}   {f.text[lang]}")
    rel = _related_line(entry, kb, lang, st)
    if rel:
        lines.append(rel)
    return lines


def _choice(c: Candidate, lang: Lang, st: Style) -> str:
    e = c.entry
    cmd = f"  {st.dim('(' + c.command + ')')}" if c.command else ""
    return f"  - {e.title[lang]}{cmd}"


# what to offer when a question has nothing to do with Docker: the notes' everyday commands
STARTERS = ("ps", "run-detached-port", "image-ls", "image-vs-container")


def answer_text(answer: Answer, kb: KnowledgeBase, color: bool) -> str:
    """What `dockbot ask` prints."""
    st = Style(color)
    lang = answer.lang
    if answer.confident and answer.best is not None:
        best = answer.best
        lines = entry_text(best.entry, kb, lang, st, best.command, best.shown_flags())
        if answer.alternatives:
            lines.append(st.dim(f"{word('also', lang)}:"))
            lines.extend(st.dim(_choice(c, lang, Style(False))) for c in answer.alternatives[:2])
        return "\n".join(lines)
    if not answer.alternatives:
        lines = [st.warn(word("nothing", lang))]
        starters = [e for e in (kb.get(i) for i in STARTERS) if e is not None]
        lines.extend(_choice(Candidate(e, 0.0), lang, st) for e in starters)
        return "\n".join(lines)
    lines = [st.warn(word("unsure", lang))]
    lines.extend(_choice(c, lang, st) for c in answer.alternatives)
    return "\n".join(lines)
