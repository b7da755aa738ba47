"""The words people use for a flag beyond its reference description.

``flag_hints.yml`` (beside this module) maps a command path of the CLI reference and a
flag's long name to short phrases in English and Korean ("open file limit" for
``docker container run --ulimit``). The composer reads a phrase as a trigger: when every
word of it is in the question, the flag is asked for, and the matcher's ranking counts the
words a command's flags take (so "nofile" also helps pick ``docker run``). Indexing the
phrases as phrasings of the reference answers was measured and not kept: it lowered top-1
on the dev sets (real 0.719 -> 0.712, tasks 0.659 -> 0.641, own style 0.933 -> 0.929).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import yaml

from bot.lang import LANGS, Lang

HINTS_FILE = Path(__file__).with_name("flag_hints.yml")

Hints = Mapping[tuple[str, str], Mapping[Lang, tuple[str, ...]]]


def parse_hints(text: str) -> Hints:
    """The hints of a ``flag_hints.yml`` text; ValueError names what is malformed."""
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise ValueError("flag hints: expected a mapping of command paths")
    out: dict[tuple[str, str], Mapping[Lang, tuple[str, ...]]] = {}
    for path, flags in data.items():
        if not isinstance(path, str) or not isinstance(flags, dict):
            raise ValueError(f"flag hints: {path!r} must map flag names to phrases")
        for long, by_lang in flags.items():
            if not isinstance(long, str) or not isinstance(by_lang, dict):
                raise ValueError(f"flag hints: {path} {long!r} must map en/ko to lists")
            phrases: dict[Lang, tuple[str, ...]] = {}
            for lang in LANGS:
                items = by_lang.get(lang, [])
                if not isinstance(items, list) or not all(
                    isinstance(x, str) and x.strip() for x in items
                ):
                    raise ValueError(f"flag hints: {path} --{long} {lang}: a list of phrases")
                phrases[lang] = tuple(x.strip() for x in items)
            out[path, long] = MappingProxyType(phrases)
    return MappingProxyType(out)


@functools.cache
def flag_hints() -> Hints:
    """The hints shipped with dockbot (read once)."""
    return parse_hints(HINTS_FILE.read_text(encoding="utf-8"))


def hints_for(path: str, long: str) -> tuple[str, ...]:
    """Every phrase for one flag, both languages."""
    by_lang = flag_hints().get((path, long))
    return () if by_lang is None else (*by_lang["en"], *by_lang["ko"])
