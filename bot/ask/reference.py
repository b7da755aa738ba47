"""The second tier: one answer per command of the CLI reference, generated, never hand-written.

The curated knowledge base (``knowledge/*.yml``) covers the intents a team asks about
most, with explanations written for people. Everything else the Docker CLI can do is
still a question someone asks ("a time limit on stop", "filter ps by label"), so every
runnable command of the CLI reference that :mod:`bot.explain` already ships
(``bot/explain/data/*.yml``: docker, compose and buildx, each flag with an English and
Korean meaning) becomes a *reference entry*: its title and explanation are the
reference's own text, its command the shortest way to type it, its flag notes every
flag of the command. Reference entries carry ``tier="reference"`` so answers can say
where they came from, and the matcher lets a curated entry win when both fit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import MappingProxyType

from bot.explain.cli_spec import CliSpec, Command, default_spec
from bot.kb.model import Entry, FlagNote, KnowledgeBase
from bot.lang import Lang

REFERENCE_FILE = "(CLI reference)"
_SLOT = re.compile(r"[A-Z][A-Z0-9_]*")
_SKIP = frozenset({"docker"})


def display_path(spec: CliSpec, cmd: Command) -> str:
    """The shortest path that reaches ``cmd`` (``docker logs`` for ``docker container logs``)."""
    best = cmd.path
    for parent in spec.walk():
        for word, child in parent.children.items():
            if child is cmd:
                alias = f"{parent.path} {word}"
                if len(alias.split()) < len(best.split()):
                    best = alias
    return best


def usage_placeholders(usage: str | None) -> str:
    """Required positional slots of a usage line as ``<placeholders>``; optional ones dropped.

    ``CONTAINER [CONTAINER...]`` -> ``<container>``; ``IMAGE [COMMAND] [ARG...]`` ->
    ``<image>``; ``CONTAINER:SRC_PATH DEST_PATH|-`` -> ``<container>:<src-path> <dest-path>``.
    """
    if not usage:
        return ""
    text = usage
    while True:  # drop optional parts, innermost first
        stripped = re.sub(r"\[[^\[\]]*\]", "", text)
        if stripped == text:
            break
        text = stripped
    out: list[str] = []
    for word in text.split():
        word = word.split("|", 1)[0].removesuffix("...")
        if word in ("OPTIONS", "-"):
            continue
        word = _SLOT.sub(lambda m: f"<{m.group(0).lower().replace('_', '-')}>", word)
        if word:
            out.append(word)
    return " ".join(out)


def _flag_notes(cmd: Command) -> tuple[FlagNote, ...]:
    return tuple(
        FlagNote(
            short=f"-{f.short}" if f.short else None,
            long=f.name,
            value=f"<{f.value_type}>" if f.value_type else None,
            text=MappingProxyType({"en": f.meaning("en"), "ko": f.meaning("ko")}),
        )
        for f in cmd.flags
    )


def _summary(cmd: Command, lang: Lang) -> str:
    return cmd.summary(lang).rstrip(".")


def reference_entry(spec: CliSpec, cmd: Command) -> Entry:
    """The reference tier's answer for one command."""
    shown = display_path(spec, cmd)
    slots = usage_placeholders(cmd.usage)
    command = f"{shown} {slots}".strip()
    en, ko = _summary(cmd, "en"), _summary(cmd, "ko")
    aliases = sorted(
        {
            f"{parent.path} {word}"
            for parent in spec.walk()
            for word, child in parent.children.items()
            if child is cmd
        }
    )
    examples_en = (en, *aliases)
    examples_ko = (ko, f"{shown} {ko}")
    return Entry(
        id="cli-" + "-".join(w for w in cmd.path.split() if w not in _SKIP),
        kind="command",
        title=MappingProxyType({"en": f"{en} ({shown})", "ko": f"{ko} ({shown})"}),
        explanation=MappingProxyType(
            {
                "en": f"{en}. From the Docker CLI reference: `{shown} --help` lists every "
                "option.",
                "ko": f"{ko}. Docker CLI 레퍼런스의 설명입니다. 모든 옵션은 `{shown} --help`로 "
                "볼 수 있습니다.",
            }
        ),
        command=command,
        flags=_flag_notes(cmd),
        examples=MappingProxyType({"en": examples_en, "ko": examples_ko}),
        related=(),
        source=None,
        tags=("reference",),
        file=REFERENCE_FILE,
        line=0,
        tier="reference",
    )


def _runnable(spec: CliSpec) -> Iterator[Command]:
    for cmd in spec.walk():
        # a group runs too when it has a usage line of its own (buildx history inspect [REF])
        if cmd.path != "docker" and cmd.usage is not None:
            yield cmd


def reference_entries(spec: CliSpec | None = None) -> tuple[Entry, ...]:
    """One entry per runnable command of the CLI reference, in the reference's order."""
    spec = spec or default_spec()
    return tuple(reference_entry(spec, cmd) for cmd in _runnable(spec))


def with_reference(kb: KnowledgeBase, spec: CliSpec | None = None) -> KnowledgeBase:
    """The curated entries followed by the reference tier (ids cannot clash: ``cli-`` prefix)."""
    return KnowledgeBase.of((*kb.entries, *reference_entries(spec)))
