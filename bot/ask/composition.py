"""Composed answers: the chosen command plus the flags (and values) the question asks for.

"last 5 lines of the logs" is ``docker logs --tail 5 <container>``, not the stored
``docker logs --tail 100 <container>``. Given the answer's command line, the composer
finds its node in the CLI reference (:mod:`bot.explain.cli_spec`), then scores every
flag of that command against what the question says *beyond* the command itself:

- words and concepts of the question that the command's own name and summary do not
  already explain (``logs`` and ``container`` say nothing about which flag);
- weighed by how rare they are among that command's flags (``container`` appears in
  half of ``docker run``'s flags; ``tail`` in one) and in the whole index;
- a flag quoted in the question (``-f``, ``--tail``) is always taken when the command
  has it.

A flag that takes a value gets one from the question when there is one of the right
shape (a number, a size such as ``512MB``, a duration such as ``10m``, a port mapping, a
``key=value`` pair), else a ``<placeholder>``. Pure: no I/O.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from bot.ask.analysis import Analysis, analyze
from bot.explain.cli_spec import CliSpec, Command, Flag, default_spec
from bot.lang import Lang

# A flag is added when the question's distinctive words it matches weigh at least this
# much (sum of idf-weights); calibrated with the flag-scored dev sets (bench/calibrate.py).
FLAG_THRESHOLD = 6.0
QUOTED = 100.0  # the score of a flag the question writes out
MAX_ADDED_FLAGS = 3
_LOCAL_COMMON = 0.34  # a word in more than this share of a command's flags says nothing
_KNOWN_SHORT_VALUE = frozenset("pveuwt")
_KIND = {"c": 1.3, "w": 1.0, "k": 0.8, "b": 0.45}

_SIZE = re.compile(r"(?i)^(\d+(?:\.\d+)?)\s*(k|m|g|t)i?b?$")
_DURATION = re.compile(r"(?i)^(\d+)\s*(s|m|h|ms)$")
_VALUE_TOKEN = re.compile(
    r"(?i)(?<![A-Za-z0-9_./:-])("
    r"\d{1,5}:\d{1,5}(?:/(?:tcp|udp))?"  # port mapping
    r"|\d+(?:\.\d+)?\s?(?:[kmgt]i?b|[kmgt]|ms|s|m|h)?"  # number, size or duration
    r"|[A-Za-z_][A-Za-z0-9_.-]*=[^\s,;]+"  # key=value
    r")(?![A-Za-z0-9_.:/-])"
)
_DURATION_WORDS = {
    "초": "s", "second": "s", "seconds": "s", "sec": "s", "secs": "s",
    "분": "m", "minute": "m", "minutes": "m", "min": "m", "mins": "m",
    "시간": "h", "hour": "h", "hours": "h",
}
_SIZE_WORDS = {"mb": "m", "gb": "g", "kb": "k", "메가": "m", "기가": "g"}


@dataclass(frozen=True)
class ComposedFlag:
    """A flag the question asked for, with the value it gave (or a placeholder)."""

    flag: str
    value: str | None
    meaning: Mapping[Lang, str]
    names: tuple[str, ...] = ()  # every name of the flag: ("-n", "--tail")

    def to_dict(self, lang: Lang) -> dict[str, object]:
        return {"flag": self.flag, "value": self.value, "meaning": self.meaning[lang]}


@dataclass(frozen=True)
class Composition:
    """The command line to show and the flags that the question put into it."""

    command: str
    flags: tuple[ComposedFlag, ...]


@dataclass(frozen=True)
class _FlagDoc:
    flag: Flag
    keys: frozenset[str]


@dataclass(frozen=True)
class _Token:
    text: str
    start: int


def _flag_keys(flag: Flag) -> frozenset[str]:
    words = flag.long.replace("-", " ")
    a = analyze(f"{words} {flag.meaning('en')} {flag.meaning('ko')}")
    return frozenset(k for k in a.features if k[0] in _KIND)


def shown_name(flag: Flag) -> str:
    """How people write the flag: ``-a`` for a switch with a short form, ``--tail`` for
    most flags with a value, the well-known short ones (``-p``, ``-v``, ``-e``) kept short."""
    if flag.short and (not flag.takes_value or flag.short in _KNOWN_SHORT_VALUE):
        return f"-{flag.short}"
    return flag.name


class Composer:
    """Scores a command's flags against a question; built once per CLI reference."""

    def __init__(self, idf: Mapping[str, float], spec: CliSpec | None = None) -> None:
        self.spec = spec or default_spec()
        self._idf = idf
        self._default_idf = max(idf.values(), default=1.0)
        self._docs: dict[str, tuple[_FlagDoc, ...]] = {}
        self._local: dict[str, dict[str, float]] = {}
        self._own: dict[str, frozenset[str]] = {}

    def _prepare(self, cmd: Command) -> None:
        if cmd.path in self._docs:
            return
        docs = tuple(_FlagDoc(f, _flag_keys(f)) for f in cmd.flags)
        n = len(docs) or 1
        df: dict[str, int] = {}
        for d in docs:
            for k in d.keys:
                df[k] = df.get(k, 0) + 1
        self._local[cmd.path] = {
            k: (0.0 if c / n > _LOCAL_COMMON and n >= 3 else math.log(1 + n / c))
            for k, c in df.items()
        }
        slots = " ".join(s.name.replace("_", " ") for s in cmd.slots()).lower()
        own = analyze(
            " ".join([*cmd.path.split()[1:], cmd.summary("en"), cmd.summary("ko"), slots])
        )
        self._own[cmd.path] = frozenset(own.features)
        self._docs[cmd.path] = docs

    def node_of(self, command: str) -> tuple[Command | None, list[str]]:
        """The CLI node a command line starts with, and the words after its path."""
        words = command.split()
        if not words or words[0] != "docker":
            return None, words
        node = self.spec.root
        i = 1
        while i < len(words) and words[i] in node.children:
            node = node.children[words[i]]
            i += 1
        if node is self.spec.root or node.is_group:
            return None, words[i:]
        return node, words[i:]

    def score_flags(
        self, cmd: Command, a: Analysis, exclude: frozenset[str] = frozenset()
    ) -> list[tuple[float, Flag]]:
        """Every flag of ``cmd`` with a positive score for the question, best first."""
        self._prepare(cmd)
        own = self._own[cmd.path] | exclude
        local = self._local[cmd.path]
        quoted = {k[2:] for k in a.features if k.startswith("f:")}
        weight = {
            k: self._idf.get(k, self._default_idf) * _KIND[k[0]]
            for k in a.features
            if k[0] in _KIND and k not in own
        }
        pending: list[tuple[_FlagDoc, dict[str, float]]] = []
        scored: list[tuple[float, Flag]] = []
        for d in self._docs[cmd.path]:
            f = d.flag
            if f.name in quoted or (f.short and f"-{f.short}" in quoted):
                scored.append((QUOTED, f))
                continue
            parts = {k: weight[k] * local.get(k, 0.0) for k in d.keys if k in weight}
            parts = {k: v for k, v in parts.items() if v > 0}
            if parts:
                pending.append((d, parts))
        # greedy: the best flag claims the question's words it matches; the next flag is
        # scored on the words left (so "follow" does not also pull in --tail's "follow")
        claimed: set[str] = set()
        while pending:
            best_i, best_s = -1, 0.0
            for i, (_, parts) in enumerate(pending):
                s = sum(v for k, v in parts.items() if k not in claimed)
                if s > best_s:
                    best_i, best_s = i, s
            if best_i < 0:
                break
            d, parts = pending.pop(best_i)
            claimed.update(parts)
            scored.append((best_s, d.flag))
        scored.sort(key=lambda t: t[0], reverse=True)
        return scored

    def compose(
        self, command: str, question: str, a: Analysis, exclude: frozenset[str] = frozenset()
    ) -> Composition | None:
        """``command`` with the flags the question asks for; None when it asks for none."""
        cmd, rest = self.node_of(command)
        if cmd is None or "$(" in command or "|" in command.split("#")[0]:
            return None
        present = _present_flags(cmd, rest)
        chosen = [
            f for s, f in self.score_flags(cmd, a, exclude) if s >= FLAG_THRESHOLD
        ][:MAX_ADDED_FLAGS]
        chosen = _drop_conflicts(chosen)
        if not chosen:
            return None
        tokens = _value_tokens(question)
        used: set[int] = set()
        added: list[ComposedFlag] = []
        values: dict[str, str | None] = {}
        for f in chosen:
            value: str | None = None
            if f.takes_value:
                value = _pick_value(f, tokens, used, question)
                if value is None:
                    old = present.get(f.name)
                    value = old if old else f"<{_placeholder(f)}>"
            values[f.name] = value
            meaning: Mapping[Lang, str] = MappingProxyType(
                {"en": f.meaning("en"), "ko": f.meaning("ko")}
            )
            names = (f"-{f.short}", f.name) if f.short else (f.name,)
            added.append(ComposedFlag(shown_name(f), value, meaning, names))
        line = _rewrite(cmd, command, rest, values)
        changed = tuple(c for c in added if not _already(c, present))
        if not changed:
            return None
        return Composition(line, changed)


def _placeholder(f: Flag) -> str:
    kind = f.value_type or "value"
    if kind in ("list", "stringArray", "strings", "string"):
        return f.long
    return kind


def _present_flags(cmd: Command, rest: Sequence[str]) -> dict[str, str | None]:
    """Flags already written in the command (canonical ``--name`` -> value or None)."""
    out: dict[str, str | None] = {}
    i = 0
    while i < len(rest):
        w = rest[i]
        f = _lookup(cmd, w)
        if f is not None:
            value = None
            if "=" in w:
                value = w.split("=", 1)[1]
            elif f.takes_value and i + 1 < len(rest):
                value = rest[i + 1]
                i += 1
            out[f.name] = value
        i += 1
    return out


def _lookup(cmd: Command, word: str) -> Flag | None:
    if word.startswith("--"):
        return cmd.flag_by_long(word[2:].split("=", 1)[0])
    if word.startswith("-") and len(word) == 2:
        return cmd.flag_by_short(word[1])
    return None


def _already(c: ComposedFlag, present: Mapping[str, str | None]) -> bool:
    """The command already had this flag with this value (nothing was composed)."""
    return any(name in c.names and value == c.value for name, value in present.items())


def _drop_conflicts(flags: list[Flag]) -> list[Flag]:
    """One of each flag; ``--quiet`` and ``--format`` both shape output: keep the first."""
    out: list[Flag] = []
    shaping = {"quiet", "format"}
    seen_shape = False
    for f in flags:
        if f.long in shaping:
            if seen_shape:
                continue
            seen_shape = True
        if f not in out:
            out.append(f)
    return out


def _value_tokens(question: str) -> list[_Token]:
    return [_Token(m.group(1), m.start(1)) for m in _VALUE_TOKEN.finditer(question)]


def _unit_after(question: str, token: _Token) -> str:
    after = question[token.start + len(token.text) :].lstrip().lower()
    for word, unit in {**_DURATION_WORDS, **_SIZE_WORDS}.items():
        if after.startswith(word):
            return unit
    return ""


def _pick_value(f: Flag, tokens: list[_Token], used: set[int], question: str) -> str | None:
    kind = f.value_type or ""
    for i, t in enumerate(tokens):
        if i in used:
            continue
        v = _fit(kind, f, t, question)
        if v is not None:
            used.add(i)
            return v
    return None


def _fit(kind: str, f: Flag, t: _Token, question: str) -> str | None:
    text = t.text.replace(" ", "")
    unit = _unit_after(question, t)
    if ":" in text and text.split(":")[0].isdigit():
        return text if f.long == "publish" else None
    if "=" in text:
        if kind in ("filter", "list", "stringArray", "map", "stringToString") or f.long in (
            "label", "env", "build-arg", "filter", "log-opt", "opt"
        ):
            return text
        return None
    if kind == "bytes" or f.long in ("memory", "memory-swap", "shm-size", "memory-reservation"):
        m = _SIZE.match(text)
        if m:
            return f"{m.group(1)}{m.group(2).lower()}"
        if text.isdigit() and unit in ("m", "g", "k"):
            return f"{text}{unit}"
        return None
    if kind == "duration" or f.long in ("since", "until"):
        if _DURATION.match(text):
            return text.lower()
        if text.isdigit() and unit in ("s", "m", "h"):
            return f"{text}{unit}"
        if text.isdigit() and kind == "duration":
            return f"{text}s"
        return None
    if kind in ("int", "uint", "uint16", "uint32", "decimal", "float") or f.long in ("tail",):
        if re.fullmatch(r"\d+(?:\.\d+)?", text):
            return text
        return None
    return None


def _rewrite(
    cmd: Command, command: str, rest: Sequence[str], values: Mapping[str, str | None]
) -> str:
    """The command line with each chosen flag set: replaced where present, else inserted
    after the command path (before positionals)."""
    words = command.split()
    path_len = len(words) - len(rest)
    out_rest: list[str] = []
    done: set[str] = set()
    i = 0
    while i < len(rest):
        w = rest[i]
        f = _lookup(cmd, w)
        if f is not None and f.name in values:
            value = values[f.name]
            if f.takes_value and "=" not in w and i + 1 < len(rest):
                i += 1
            out_rest.append(shown_name(f))
            if value is not None:
                out_rest.append(_quote(value))
            done.add(f.name)
        else:
            out_rest.append(w)
        i += 1
    new: list[str] = []
    for name, value in values.items():
        if name in done:
            continue
        f = cmd.flag_by_long(name[2:])
        if f is None:
            continue
        new.append(shown_name(f))
        if value is not None:
            new.append(_quote(value))
    # new flags go after the flags already there, before the first positional
    insert_at = 0
    j = 0
    while j < len(out_rest):
        w = out_rest[j]
        f = _lookup(cmd, w)
        if f is None and not w.startswith("-"):
            break
        j += 1
        if f is not None and f.takes_value and "=" not in w:
            j += 1
        insert_at = j
    merged = [*out_rest[:insert_at], *new, *out_rest[insert_at:]]
    return " ".join([*words[:path_len], *merged])


def _quote(value: str) -> str:
    return value if re.fullmatch(r"[\w.:/=<>@%+,-]+", value) else f'"{value}"'
