"""The executor's own tiny grammar: request text -> :class:`Operation`.

Only these requests parse (a leading ``docker`` is optional, one ``@alias``
picks a configured host)::

    version                              info | system info
    ps [-a|--all] [-q|--quiet]           container ls|list|ps [-aq]
    images                               image ls|list
    stats [--no-stream] [NAME]           container stats [--no-stream] [NAME]
    inspect NAME                         container inspect NAME
    port NAME | top NAME | diff NAME     container port|top|diff NAME
    logs NAME [--tail N | -n N]          container logs NAME [--tail N]   (N = 1..200)
    events --since 10m                   system events --since D   (D = 1s..24h, bounded)
    df | system df                       volume ls|list      network ls|list

A host is picked with ``@alias`` or ``--host alias`` (an alias, never a URL).
Short flags combine as in docker (``ps -aq``); a repeated ``--tail`` takes the
last value, as docker does.

Everything else is refused with :class:`bot.errors.ExecRefused` and a reason
that is true: commands that change the host; read-only commands dockbot does not
run because their output cannot be shown safely (``history`` shows build
arguments and ENV values, ``export``/``save`` copy files ...); other
subcommands; any flag not listed above (``--format``, ``-H``, ``--context``,
``--filter`` ...); Slack mentions (``<@U123>``); shell syntax, quotes, non-ASCII
text (with a specific message for look-alike letters such as full-width or
Cyrillic ones), and invisible or control characters. Container names must match
``^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$`` (hex IDs match it too), so a name can
never change the URL path it is put in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.errors import ExecRefused
from bot.executor.messages import REASONS, exec_error
from bot.lang import Lang, detect_lang
from bot.secrets import bad_char_kind, mask_secrets

MAX_TEXT = 300
MAX_TAIL = 200

# Operation ids, in help order. Policy files use these ids.
OPS: tuple[str, ...] = (
    "version", "info", "ps", "images", "stats", "inspect", "port", "top", "diff", "logs",
    "events", "df", "volumes", "networks",
)
# How each operation is written in help texts and results.
OP_LABELS: dict[str, str] = {
    "version": "version", "info": "info", "ps": "ps", "images": "image ls", "stats": "stats",
    "inspect": "inspect", "port": "port", "top": "top", "diff": "diff", "logs": "logs",
    "events": "events", "df": "df", "volumes": "volume ls", "networks": "network ls",
}
MAX_SINCE = 86400

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
ALIAS_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
_SAFE_ASCII = re.compile(r"[A-Za-z0-9 _.@=-]")

_SINGLE = {
    "version": "version", "info": "info", "ps": "ps", "images": "images", "stats": "stats",
    "inspect": "inspect", "logs": "logs", "df": "df", "port": "port", "top": "top",
    "diff": "diff", "events": "events",
}
_GROUPED = {
    ("system", "info"): "info", ("system", "df"): "df",
    ("container", "ls"): "ps", ("container", "list"): "ps", ("container", "ps"): "ps",
    ("container", "stats"): "stats", ("container", "inspect"): "inspect",
    ("container", "logs"): "logs", ("container", "port"): "port", ("container", "top"): "top",
    ("container", "diff"): "diff", ("system", "events"): "events",
    ("image", "ls"): "images", ("image", "list"): "images",
    ("volume", "ls"): "volumes", ("volume", "list"): "volumes",
    ("network", "ls"): "networks", ("network", "list"): "networks",
}
_GROUPS = {"system", "container", "image", "volume", "network"}
_MUTATING = frozenset((
    "run", "exec", "rm", "rmi", "kill", "stop", "start", "restart", "pause", "unpause",
    "create", "cp", "commit", "build", "buildx", "pull", "push", "tag", "login", "logout",
    "prune", "update", "rename", "import", "load", "plugin", "swarm", "service", "services",
    "stack", "secret", "config", "node", "context", "compose", "trust", "manifest",
    "checkpoint", "builder", "connect", "disconnect", "upgrade", "install", "enable",
    "disable", "set", "remove", "delete", "edit", "scale", "deploy", "init", "join", "leave",
    "promote", "demote",
))
# Read-only commands that are still not run, with the true reason (messages.REASONS).
_NOT_OFFERED = {
    "history": "history", "image history": "history", "image inspect": "image_inspect",
    "search": "search", "export": "export", "container export": "export", "save": "export",
    "image save": "export", "attach": "attach", "container attach": "attach", "wait": "wait",
    "container wait": "wait",
}
_MENTION = re.compile(r"^(?:<[@#!][^<>\s]*>|@[UW][A-Z0-9]*[0-9][A-Z0-9]*)$")
# Options that would widen what a request can reach; refused wherever they appear.
_SCOPE_FLAGS = frozenset((
    "-h", "--host", "-c", "--context", "--format", "-f", "--filter", "--config", "--tls",
    "--tlsverify", "--tlscacert", "--tlscert", "--tlskey", "-d", "--debug", "-l", "--log-level",
))


@dataclass(frozen=True)
class Operation:
    """One parsed, allowed request."""

    kind: str                     # one of OPS
    all: bool = False             # ps -a
    target: str | None = None     # container name or ID (stats, inspect, logs)
    tail: int | None = None       # logs --tail N (None: the configured default)
    host: str | None = None       # the @alias, if the text named one
    quiet: bool = False           # ps -q: IDs only
    since: int | None = None      # events --since, in seconds

    @property
    def label(self) -> str:
        return OP_LABELS[self.kind]

    def describe(self) -> str:
        """The canonical text of this operation, e.g. ``logs web --tail 50 @prod``."""
        parts = [self.label]
        if self.all:
            parts.append("-a")
        if self.quiet:
            parts.append("-q")
        if self.target:
            parts.append(self.target)
        if self.tail is not None:
            parts.append(f"--tail {self.tail}")
        if self.since is not None:
            parts.append(f"--since {self.since}s")
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
    word, _ = mask_secrets(word)
    return word if len(word) <= 40 else word[:37] + "..."


def _check_chars(text: str, lang: Lang) -> None:
    for ch in text:
        kind = bad_char_kind(ch)
        if kind is None and not _SAFE_ASCII.fullmatch(ch):
            raise exec_error(ExecRefused, "bad_char", lang, char=char_label(ch))
        if kind is not None:
            key = "control_char" if kind == "control" else kind
            raise exec_error(ExecRefused, key, lang, char=char_label(ch))


def _name(word: str, lang: Lang) -> str:
    if word.startswith("-") or not NAME_RE.fullmatch(word):
        raise exec_error(ExecRefused, "bad_name", lang, word=_short(word))
    return word


def _tail(value: str, lang: Lang) -> int:
    if not value.isdigit() or len(value) > 4 or not 1 <= int(value) <= MAX_TAIL:
        raise exec_error(ExecRefused, "bad_tail", lang, limit=MAX_TAIL)
    return int(value)


_DURATION = re.compile(r"^([0-9]{1,5})([smh]?)$")


def _since(value: str, lang: Lang) -> int:
    m = _DURATION.fullmatch(value)
    seconds = int(m[1]) * {"": 1, "s": 1, "m": 60, "h": 3600}[m[2]] if m else 0
    if not 1 <= seconds <= MAX_SINCE:
        raise exec_error(ExecRefused, "bad_since", lang)
    return seconds


def _refuse_word(key: str, words: str, lang: Lang) -> ExecRefused:
    reason = _NOT_OFFERED.get(words)
    if reason is not None:
        return exec_error(ExecRefused, "not_offered", lang, word=_short(words),
                          reason=REASONS[reason][lang])
    return exec_error(ExecRefused, key, lang, word=_short(words))


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
            raise _refuse_word(key, f"{first} {second}", lang)
        return kind, words[2:]
    if first in _SINGLE:
        return _SINGLE[first], words[1:]
    key = "mutating" if first in _MUTATING else "unknown_op"
    if first in _NOT_OFFERED:
        raise _refuse_word(key, first, lang)
    raise exec_error(ExecRefused, key, lang, word=_short(words[0]))


_ACCEPTED = {
    "ps": "-a, --all, -q, --quiet", "stats": "--no-stream", "logs": "--tail N, -n N",
    "events": "--since D (1s..24h, e.g. 10m)",
}
_PS_SHORT = {"a": "-a", "q": "-q"}


def _expand(kind: str, word: str) -> list[str]:
    """Combined short flags as docker reads them: ``ps -aq`` is ``-a -q``."""
    letters = word[1:]
    if (kind == "ps" and len(letters) > 1 and not word.startswith("--")
            and all(ch in _PS_SHORT for ch in letters)):
        return [_PS_SHORT[ch] for ch in letters]
    return [word]


def _bad_flag(kind: str, word: str, lang: Lang) -> ExecRefused:
    none = "no options" if lang == "en" else "없음"
    return exec_error(
        ExecRefused, "bad_flag", lang, op=OP_LABELS[kind], word=_short(word),
        accepted=_ACCEPTED.get(kind, none),
    )


def _build(kind: str, words: list[str], host: str | None, lang: Lang) -> Operation:
    show_all = quiet = False
    tail: int | None = None
    since: int | None = None
    names: list[str] = []
    rest = [part for word in words for part in _expand(kind, word)]
    i = 0
    while i < len(rest):
        word = rest[i]            # options are case-sensitive, as in the docker CLI
        if word.startswith("-"):
            opt, eq, inline = word.partition("=")
            valued = (kind == "logs" and opt in ("--tail", "-n")) or (
                kind == "events" and opt == "--since")
            if kind == "ps" and word in ("-a", "--all"):
                show_all = True
            elif kind == "ps" and word in ("-q", "--quiet"):
                quiet = True
            elif kind == "stats" and word == "--no-stream":
                pass
            elif valued:
                if eq:
                    value = inline
                elif i + 1 < len(rest):
                    i += 1
                    value = rest[i]
                else:
                    raise exec_error(ExecRefused, "bad_since" if kind == "events" else "bad_tail",
                                     lang, limit=MAX_TAIL)
                if kind == "logs":
                    tail = _tail(value, lang)        # given twice: the last one counts
                else:
                    since = _since(value, lang)
            else:
                raise _bad_flag(kind, word, lang)
        else:
            names.append(_name(word, lang))
        i += 1
    wants = {"stats": (0, 1), "inspect": (1, 1), "logs": (1, 1), "port": (1, 1), "top": (1, 1),
             "diff": (1, 1)}.get(kind, (0, 0))
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
    if kind == "events" and since is None:
        raise exec_error(ExecRefused, "need_since", lang)
    target = names[0] if names else None
    return Operation(kind=kind, all=show_all, target=target, tail=tail, host=host, quiet=quiet,
                     since=since)


def _host_words(words: list[str], lang: Lang) -> tuple[str | None, list[str]]:
    """The host named by ``@alias`` or ``--host alias``, and the other words."""
    host: str | None = None
    plain: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        alias: str | None = None
        if _MENTION.fullmatch(word):
            raise exec_error(ExecRefused, "mention", lang, word=_short(word))
        if word.startswith("@"):
            alias = word[1:].lower()
        elif word == "--host" or word.startswith("--host="):
            _, eq, alias = word.partition("=")
            if not eq:
                if i + 1 >= len(words):
                    raise exec_error(ExecRefused, "bad_alias", lang, word=_short(word))
                i += 1
                alias = words[i]
            if not ALIAS_RE.fullmatch(alias):
                raise exec_error(ExecRefused, "flag_scope", lang, word=_short(word))
        else:
            plain.append(word)
            i += 1
            continue
        if not ALIAS_RE.fullmatch(alias):
            raise exec_error(ExecRefused, "bad_alias", lang, word=_short(word))
        if host is not None and host != alias:
            raise exec_error(ExecRefused, "two_hosts", lang)
        host = alias
        i += 1
    return host, plain


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
    for word in text.split():
        if _MENTION.fullmatch(word):
            raise exec_error(ExecRefused, "mention", lang, word=_short(word))
    _check_chars(text, lang)
    host, plain = _host_words(text.split(), lang)
    if plain and plain[0].lower() == "docker":
        plain = plain[1:]
    if plain and plain[0].lower().partition("=")[0] in _SCOPE_FLAGS:
        raise exec_error(ExecRefused, "flag_scope", lang, word=_short(plain[0]))
    kind, rest = _split_op(plain, lang)
    for word in rest:
        if word.lower().partition("=")[0] in _SCOPE_FLAGS:
            raise exec_error(ExecRefused, "flag_scope", lang, word=_short(word))
    return _build(kind, rest, host, lang)
