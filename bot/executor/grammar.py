"""The executor's own tiny grammar: request text -> :class:`Operation`.

Only these requests parse (a leading ``docker`` is optional, one ``@alias``
picks a configured host)::

    version                              info | system info
    ps [-a|--all]                        container ls|list|ps [-a|--all]
    images                               image ls|list
    stats [--no-stream] [NAME]           container stats [--no-stream] [NAME]
    inspect NAME                         container inspect NAME
    logs NAME [--tail N | -n N]          container logs NAME [--tail N]   (N = 1..200)
    df | system df                       volume ls|list      network ls|list

Everything else is refused with :class:`bot.errors.ExecRefused`: other
subcommands, any flag not listed above (``--format``, ``-H``, ``--context``,
``--filter`` ...), shell syntax, quotes, non-ASCII text (with a specific message
for look-alike letters such as full-width or Cyrillic ones), and invisible or
control characters. Container names must match ``^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$``
(hex IDs match it too), so a name can never change the URL path it is put in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.errors import ExecRefused
from bot.executor.messages import exec_error
from bot.executor.redact import redact_text
from bot.lang import Lang, detect_lang

MAX_TEXT = 300
MAX_TAIL = 200

# Operation ids, in help order. Policy files use these ids.
OPS: tuple[str, ...] = (
    "version", "info", "ps", "images", "stats", "inspect", "logs", "df", "volumes", "networks",
)
# How each operation is written in help texts and results.
OP_LABELS: dict[str, str] = {
    "version": "version", "info": "info", "ps": "ps", "images": "image ls", "stats": "stats",
    "inspect": "inspect", "logs": "logs", "df": "df", "volumes": "volume ls",
    "networks": "network ls",
}

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
ALIAS_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
_SAFE_ASCII = re.compile(r"[A-Za-z0-9 _.@=-]")

_SINGLE = {
    "version": "version", "info": "info", "ps": "ps", "images": "images", "stats": "stats",
    "inspect": "inspect", "logs": "logs", "df": "df",
}
_GROUPED = {
    ("system", "info"): "info", ("system", "df"): "df",
    ("container", "ls"): "ps", ("container", "list"): "ps", ("container", "ps"): "ps",
    ("container", "stats"): "stats", ("container", "inspect"): "inspect",
    ("container", "logs"): "logs",
    ("image", "ls"): "images", ("image", "list"): "images",
    ("volume", "ls"): "volumes", ("volume", "list"): "volumes",
    ("network", "ls"): "networks", ("network", "list"): "networks",
}
_GROUPS = {"system", "container", "image", "volume", "network"}
_MUTATING = frozenset((
    "run", "exec", "rm", "rmi", "kill", "stop", "start", "restart", "pause", "unpause",
    "create", "cp", "commit", "build", "buildx", "pull", "push", "tag", "login", "logout",
    "prune", "update", "rename", "attach", "wait", "export", "import", "save", "load", "top",
    "port", "diff", "history", "events", "search", "plugin", "swarm", "service", "services",
    "stack", "secret", "config", "node", "context", "compose", "trust", "manifest",
    "checkpoint", "builder", "connect", "disconnect", "upgrade", "install", "enable",
    "disable", "set", "remove", "delete", "edit", "scale", "deploy", "init", "join", "leave",
    "promote", "demote",
))
# Options that would widen what a request can reach; refused wherever they appear.
_SCOPE_FLAGS = frozenset((
    "-h", "--host", "-c", "--context", "--format", "-f", "--filter", "--config", "--tls",
    "--tlsverify", "--tlscacert", "--tlscert", "--tlskey", "-d", "--debug", "-l", "--log-level",
))
_LOOKALIKES = frozenset(
    "\u0430\u0441\u0435\u043e\u0440\u0445\u0443\u0456\u0458\u0455\u0501\u051b\u051d\u04bb"
    "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0406\u0408\u0405"
    "\u03bf\u03bd\u03b1\u03c1\u03c4\u03b9\u03ba\u0391\u0392\u0395\u0397\u0399\u039a\u039c"
    "\u039d\u039f\u03a1\u03a4\u03a7\u03a5\u0396"
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\u2018\u2019\u201a\u201b\u201c\u201d"
    "\u2032\u2033\u02bc\u02b9\u0131\u0269\u01c3"
)


@dataclass(frozen=True)
class Operation:
    """One parsed, allowed request."""

    kind: str                     # one of OPS
    all: bool = False             # ps -a
    target: str | None = None     # container name or ID (stats, inspect, logs)
    tail: int | None = None       # logs --tail N (None: the configured default)
    host: str | None = None       # the @alias, if the text named one

    @property
    def label(self) -> str:
        return OP_LABELS[self.kind]

    def describe(self) -> str:
        """The canonical text of this operation, e.g. ``logs web --tail 50 @prod``."""
        parts = [self.label]
        if self.all:
            parts.append("-a")
        if self.target:
            parts.append(self.target)
        if self.tail is not None:
            parts.append(f"--tail {self.tail}")
        if self.host:
            parts.append(f"@{self.host}")
        return " ".join(parts)


def char_label(ch: str) -> str:
    """A safe description of one character: ``';'`` or ``U+200B ZERO WIDTH SPACE``."""
    visible = ch.isprintable() and unicodedata.category(ch)[0] not in "CZ"
    if ch.isascii() and visible:
        return f'"{ch}"' if ch == "'" else f"'{ch}'"
    code = f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".strip()
    return f"'{ch}' {code}" if visible else code


def _short(word: str) -> str:
    """A user's word as it may be echoed in a refusal: redacted and short."""
    word, _ = redact_text(word)
    return word if len(word) <= 40 else word[:37] + "..."


def _check_chars(text: str, lang: Lang) -> None:
    for ch in text:
        cat = unicodedata.category(ch)
        if ord(ch) < 128:
            if cat == "Cc":
                raise exec_error(ExecRefused, "control_char", lang, char=char_label(ch))
            if not _SAFE_ASCII.fullmatch(ch):
                raise exec_error(ExecRefused, "bad_char", lang, char=char_label(ch))
            continue
        if cat[0] == "C" or cat in ("Zl", "Zp") or ch in "\u115f\u1160\u3164\uffa0\u2800":
            raise exec_error(ExecRefused, "control_char", lang, char=char_label(ch))
        folded = unicodedata.normalize("NFKC", ch)
        if (folded != ch and folded.isascii()) or ch in _LOOKALIKES or cat == "Zs":
            raise exec_error(ExecRefused, "lookalike", lang, char=char_label(ch))
        raise exec_error(ExecRefused, "non_ascii", lang, char=char_label(ch))


def _name(word: str, lang: Lang) -> str:
    if word.startswith("-") or not NAME_RE.fullmatch(word):
        raise exec_error(ExecRefused, "bad_name", lang, word=_short(word))
    return word


def _tail(value: str, lang: Lang) -> int:
    if not value.isdigit() or len(value) > 4 or not 1 <= int(value) <= MAX_TAIL:
        raise exec_error(ExecRefused, "bad_tail", lang, limit=MAX_TAIL)
    return int(value)


def _split_op(words: list[str], lang: Lang) -> tuple[str, list[str]]:
    """(operation id, remaining words) from the leading command words."""
    if not words:
        raise exec_error(ExecRefused, "empty", lang)
    first = words[0].lower()
    if first.startswith("-"):
        raise exec_error(ExecRefused, "unknown_op", lang, word=_short(words[0]))
    if first in _GROUPS:
        if len(words) < 2:
            raise exec_error(ExecRefused, "unknown_op", lang, word=_short(words[0]))
        second = words[1].lower()
        kind = _GROUPED.get((first, second))
        if kind is None:
            key = "mutating" if second in _MUTATING else "unknown_op"
            raise exec_error(ExecRefused, key, lang, word=_short(f"{first} {second}"))
        return kind, words[2:]
    if first in _SINGLE:
        return _SINGLE[first], words[1:]
    key = "mutating" if first in _MUTATING else "unknown_op"
    raise exec_error(ExecRefused, key, lang, word=_short(words[0]))


_ACCEPTED = {
    "ps": "-a, --all", "stats": "--no-stream", "logs": "--tail N, -n N",
}


def _bad_flag(kind: str, word: str, lang: Lang) -> ExecRefused:
    none = "no options" if lang == "en" else "없음"
    return exec_error(
        ExecRefused, "bad_flag", lang, op=OP_LABELS[kind], word=_short(word),
        accepted=_ACCEPTED.get(kind, none),
    )


def _build(kind: str, rest: list[str], host: str | None, lang: Lang) -> Operation:
    show_all = False
    tail: int | None = None
    names: list[str] = []
    i = 0
    while i < len(rest):
        word = rest[i]
        low = word  # options are case-sensitive, as in the docker CLI
        if low.startswith("-"):
            opt, _, inline = low.partition("=")
            if kind == "ps" and low in ("-a", "--all"):
                show_all = True
            elif kind == "stats" and low == "--no-stream":
                pass
            elif kind == "logs" and opt in ("--tail", "-n") and tail is None:
                if inline or "=" in low:
                    tail = _tail(inline, lang)
                elif i + 1 < len(rest):
                    i += 1
                    tail = _tail(rest[i], lang)
                else:
                    raise exec_error(ExecRefused, "bad_tail", lang, limit=MAX_TAIL)
            else:
                raise _bad_flag(kind, word, lang)
        else:
            names.append(_name(word, lang))
        i += 1
    wants = {"stats": (0, 1), "inspect": (1, 1), "logs": (1, 1)}.get(kind, (0, 0))
    if len(names) < wants[0]:
        raise exec_error(ExecRefused, "need_name", lang, op=OP_LABELS[kind])
    if len(names) > wants[1]:
        expected = "no arguments" if lang == "en" else "인자 없이"
        if wants[1] == 1:
            expected = "one container name" if lang == "en" else "컨테이너 이름 하나"
        raise exec_error(
            ExecRefused, "extra_args", lang, op=OP_LABELS[kind], expected=expected,
            word=_short(names[wants[1]]),
        )
    target = names[0] if names else None
    return Operation(kind=kind, all=show_all, target=target, tail=tail, host=host)


def parse(text: str) -> Operation:
    """Parse request text into an allowed :class:`Operation` or raise ``ExecRefused``."""
    if not isinstance(text, str):
        raise exec_error(ExecRefused, "empty", "en")
    lang = detect_lang(text[:MAX_TEXT])
    if len(text) > MAX_TEXT:
        raise exec_error(ExecRefused, "too_long", lang, n=len(text), limit=MAX_TEXT)
    text = text.strip(" \t\r\n")
    if not text:
        raise exec_error(ExecRefused, "empty", lang)
    _check_chars(text, lang)
    words = text.split()
    host: str | None = None
    plain: list[str] = []
    for word in words:
        if word.startswith("@"):
            alias = word[1:].lower()
            if not ALIAS_RE.fullmatch(alias):
                raise exec_error(ExecRefused, "bad_alias", lang, word=_short(word))
            if host is not None:
                raise exec_error(ExecRefused, "two_hosts", lang)
            host = alias
        else:
            plain.append(word)
    if plain and plain[0].lower() == "docker":
        plain = plain[1:]
    if plain and plain[0].lower().partition("=")[0] in _SCOPE_FLAGS:
        raise exec_error(ExecRefused, "flag_scope", lang, word=_short(plain[0]))
    kind, rest = _split_op(plain, lang)
    for word in rest:
        if word.lower().partition("=")[0] in _SCOPE_FLAGS:
            raise exec_error(ExecRefused, "flag_scope", lang, word=_short(word))
    return _build(kind, rest, host, lang)
