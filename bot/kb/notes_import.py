"""Markdown notes -> draft knowledge entries (``dockbot kb import``).

Reads notes written the way teams usually keep them (and the way the seed
notes are written)::

    ## docker 명령어                        <- a heading: becomes the entries' `source`
    docker image ls     - 도커 이미지 조회   <- a command line: `docker ...` + " - " + description
    docker run -d -p 80:80 {image}          <- a command with no description ...
    -d        - 백그라운드 실행               <- ... and its flag lines
    {image}   - 사용할 이미지 이름            <- argument notes join the explanation
    Dockerfile  - 이미지 설정 스크립트       <- "term - description" outside a command: a concept

and writes YAML in the knowledge schema. Text in the other language is left as
``TODO`` so that ``dockbot kb check`` rejects the draft until someone has
reviewed and translated it; nothing is invented. Every other line is reported as
skipped (with its line number), an id that the knowledge base already has is
reported at once (and the draft gets a free one), and notes with nothing to
import are refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import yaml

from bot.errors import InputError
from bot.lang import Lang, detect_lang
from bot.phrases import phrase

TODO = "TODO"
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_SEP = re.compile(r"\s+(?:-|–|—|:)\s+|\t+")
_CMD = re.compile(r"^\s*(?:[$>]\s*)?(docker\b.*)$")
_FLAG_LINE = re.compile(r"^\s*(-{1,2}[A-Za-z][\w-]*)(?:[ =]([^\s-][^\t]*?))?\s*$")
_ALIAS = re.compile(r"\s*==\s*(\S.*)$")
_BRACES = re.compile(r"\{\s*([^{}]+?)\s*\}")
_TERM = re.compile(r"^\s*([A-Za-z][\w .-]{0,40}?)\s*$")


@dataclass
class _Draft:
    command: str | None
    description: str
    source: str | None
    line: int
    flags: list[tuple[str, str | None, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    alias: str | None = None


def _placeholders(text: str) -> str:
    return _BRACES.sub(lambda m: "<" + m.group(1).replace(" ", "-") + ">", text).strip()


def _split(line: str) -> tuple[str, str]:
    """``left - description`` -> (left, description); no separator -> (line, "")."""
    m = _SEP.search(line.strip())
    if not m:
        return line.strip(), ""
    return line.strip()[: m.start()].strip(), line.strip()[m.end() :].strip()


def _slug(command: str) -> str:
    words = [
        w
        for w in command.split()[1:]
        if not w.startswith(("<", "-", ".", "/")) and re.fullmatch(r"[a-z][a-z0-9-]*", w)
    ]
    if not words:
        flags = [w.strip("-") for w in command.split()[1:] if w.startswith("-")]
        words = ["docker", *flags]
    return "-".join(words[:3]).lower() or "docker"


def _parse(text: str) -> tuple[list[_Draft], list[tuple[int, str]]]:
    """Drafts found in the notes, and the (line number, text) of every line skipped."""
    drafts: list[_Draft] = []
    skipped: list[tuple[int, str]] = []
    section: str | None = None
    current: _Draft | None = None
    in_code = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if line.strip().startswith("```"):
            in_code = not in_code
            continue
        if not line.strip():
            continue
        head = _HEADING.match(line)
        if head and not in_code:
            section = head.group(1).strip()
            current = None
            continue
        left, desc = _split(line)
        alias = _ALIAS.search(left)
        if alias:
            left = left[: alias.start()].strip()
        cmd = _CMD.match(left)
        if cmd:
            current = _Draft(_placeholders(cmd.group(1)), desc, section, number)
            if alias:
                current.alias = alias.group(1).strip()
            drafts.append(current)
            continue
        flag = _FLAG_LINE.match(left)
        if flag and current is not None and current.command and desc:
            value = flag.group(2)
            current.flags.append((flag.group(1), _placeholders(value) if value else None, desc))
            continue
        if current is not None and desc and (left.startswith("{") or left in (".", "..")):
            current.notes.append(f"{_placeholders(left)}: {desc}")
            continue
        term = _TERM.match(left)
        if term and desc and not in_code:
            current = _Draft(None, desc, section, number)
            current.notes.append(term.group(1))
            drafts.append(current)
            continue
        skipped.append((number, line.strip()))
    return drafts, skipped


def _pair(text: str, lang: Lang) -> dict[str, str]:
    other: Lang = "en" if lang == "ko" else "ko"
    return {lang: text, other: f"{TODO}: translate"}


def _entry(d: _Draft, ids: set[str], clash: list[str]) -> dict[str, object]:
    lang: Lang = detect_lang(d.description + " ".join(n for n in d.notes), default="ko")
    if d.command:
        base = _slug(d.command)
        title = d.description or d.command
        kind = "command"
    else:
        base = re.sub(r"[^a-z0-9]+", "-", d.notes[0].lower()).strip("-") or "concept"
        title = f"{d.notes[0]}: {d.description}"
        kind = "concept"
    eid, n = base, 2
    while eid in ids:
        clash.append(eid)
        eid, n = f"{base}-{n}", n + 1
    ids.add(eid)
    body = [d.description] if d.description else []
    body += d.notes[1:] if kind == "concept" else d.notes
    if d.alias:
        body.append(f"{d.command} == {d.alias}")
    out: dict[str, object] = {
        "id": eid,
        "kind": kind,
        "title": _pair(title, lang),
        "explanation": _pair(" ".join(body) or title, lang),
    }
    if d.command:
        out["command"] = d.command
    if d.flags:
        flags: list[dict[str, object]] = []
        for name, value, meaning in d.flags:
            item: dict[str, object] = {("long" if name.startswith("--") else "short"): name}
            if value:
                item["value"] = value
            item.update(_pair(meaning, lang))
            flags.append(item)
        out["flags"] = flags
    other: Lang = "en" if lang == "ko" else "ko"
    out["examples"] = {lang: [d.description or title], other: [f"{TODO}: example question"]}
    if d.source:
        out["source"] = d.source
    return out


def draft_entry(description: str, command: str | None, ids: set[str], *,
                source: str | None = None, term: str = TODO) -> dict[str, object]:
    """One draft entry in the import format: ``description`` in its language, the other
    language ``TODO``; a concept named ``term`` when there is no command. ``ids`` holds the
    ids already taken (the new one is added)."""
    d = _Draft(command, description, source, line=0)
    if command is None:
        d.notes.append(term)
    return _entry(d, ids, [])


@dataclass(frozen=True)
class Imported:
    """The draft YAML, how many entries it holds, and a warning per skipped line or id clash."""

    draft: str
    count: int
    warnings: tuple[str, ...]


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def import_draft(
    text: str,
    source_name: str = "notes",
    existing: Mapping[str, str] | None = None,
    lang: Lang = "en",
) -> Imported:
    """Draft entries for every command and term found in the notes.

    ``existing`` maps the knowledge base's ids to where they are (``file:line``): a draft
    whose id is taken gets the next free one (``run-2``) and a warning naming the entry
    it clashes with. Raises :class:`~bot.errors.InputError` when the notes are empty or
    hold nothing to import. Warnings and errors are said in ``lang``.
    """
    if not text.strip():
        raise InputError.keyed("kb.import.empty", lang, source=source_name)
    found, skipped = _parse(text)
    warnings = [(n, phrase("kb.import.skipped", lang, source=source_name, line=n,
                           text=_clip(line))) for n, line in skipped]
    if not found:
        raise InputError.keyed("kb.import.nothing", lang, source=source_name, n=len(skipped))
    known = dict(existing or {})
    ids: set[str] = set(known)
    entries: list[dict[str, object]] = []
    for d in found:
        clash: list[str] = []
        entry = _entry(d, ids, clash)
        taken = [c for c in clash if c in known]
        if taken:
            warnings.append((d.line, phrase(
                "kb.import.clash", lang, source=source_name, line=d.line, id=taken[0],
                where=known[taken[0]], new=entry["id"],
            )))
        entries.append(entry)
    header = (
        f"# Draft entries imported from {source_name} by `dockbot kb import`.\n"
        "# Review each one: replace every TODO (translation, example questions), fix ids,\n"
        "# then move it into knowledge/ and run `dockbot kb check`.\n"
    )
    body = yaml.safe_dump(
        {"entries": entries}, allow_unicode=True, sort_keys=False, width=100
    )
    warnings.sort(key=lambda w: w[0])
    return Imported(header + body, len(entries), tuple(w for _, w in warnings))


def import_notes(
    text: str, source_name: str = "notes", existing: Mapping[str, str] | None = None
) -> str:
    """Draft YAML for every command and term found in the notes (see :func:`import_draft`)."""
    return import_draft(text, source_name, existing).draft
