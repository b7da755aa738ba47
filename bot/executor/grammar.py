"""The executor's own tiny grammar: request text -> :class:`Operation`.

The requests that parse are those of the operation table
(:mod:`bot.executor.operations`: each operation's words, options and container-name
arguments); a leading ``docker`` is optional, e.g. ``ps -a``, ``container ls``,
``logs web --tail 50``, ``events --since 10m`` (1s..24h, never the live stream).

A host is picked with ``@alias`` or ``--host alias`` (an alias, never a URL).
Short flags combine as in docker (``ps -aq``); a repeated ``--tail`` takes the
last value, as docker does.

Everything else is refused with :class:`bot.errors.ExecRefused` and a reason
that is true: commands that change the host; read-only commands dockbot does not
run because their output cannot be shown safely (``history`` shows build
arguments and ENV values, ``export``/``save`` copy files ...); other
subcommands; any flag not listed above (``--format``, ``-H``, ``--context``,
``--filter`` ...); Slack mentions (``<@U123>``); shell syntax, quotes, non-ASCII
text (said in plain words: Korean text, a full-width or Cyrillic look-alike letter,
an invisible character ...; :mod:`bot.executor.charwords`), and invisible or control
characters. Container names must match
``^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$`` (hex IDs match it too), so a name can
never change the URL path it is put in.
"""

from __future__ import annotations

import re
from typing import Any

from bot.errors import ExecRefused
from bot.executor.charwords import describe_char
from bot.executor.messages import exec_error
from bot.executor.operations import OP_LABELS, OPERATIONS, OPS, WORDS, Flag, Operation
from bot.executor.reasons import not_offered
from bot.lang import Lang, detect_lang
from bot.phrases import phrase
from bot.secrets import bad_char_kind, mask_secrets

__all__ = [
    "ALIAS_RE", "MAX_SINCE", "MAX_TAIL", "MAX_TEXT", "NAME_RE", "OPS", "OP_LABELS", "Operation",
    "parse",
]

MAX_TEXT = 300
MAX_TAIL = 200
MAX_SINCE = 86400

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
ALIAS_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
_SAFE_ASCII = re.compile(r"[A-Za-z0-9 _.@=-]")

# The first word of two-word operations (``image ls``, ``system df`` ...).
_GROUPS = frozenset(words[0] for words in WORDS if len(words) == 2)
_MUTATING = frozenset((
    "run", "exec", "rm", "rmi", "kill", "stop", "start", "restart", "pause", "unpause",
    "create", "cp", "commit", "build", "buildx", "pull", "push", "tag", "login", "logout",
    "prune", "update", "rename", "import", "load", "plugin", "swarm", "service", "services",
    "stack", "secret", "config", "node", "context", "compose", "trust", "manifest",
    "checkpoint", "builder", "connect", "disconnect", "upgrade", "install", "enable",
    "disable", "set", "remove", "delete", "edit", "scale", "deploy", "init", "join", "leave",
    "promote", "demote",
))
# Read-only commands that are still not run, with the true reason (``exec.reason.*``).
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


def _short(word: str) -> str:
    """A user's word as it may be echoed in a refusal: redacted and short."""
    word, _ = mask_secrets(word)
    return word if len(word) <= 40 else word[:37] + "..."


def _check_chars(text: str, lang: Lang) -> None:
    for at, ch in enumerate(text):
        kind = bad_char_kind(ch)
        if kind is None and not _SAFE_ASCII.fullmatch(ch):
            raise exec_error(ExecRefused, "bad_char", lang, char=describe_char(text, at, lang))
        if kind is not None:
            key = "control_char" if kind == "control" else kind
            raise exec_error(ExecRefused, key, lang, char=describe_char(text, at, lang))


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
                          reason=not_offered(reason, lang))
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
        kind = WORDS.get((first, second))
        if kind is None:
            key = "mutating" if second in _MUTATING else "unknown_op"
            raise _refuse_word(key, f"{first} {second}", lang)
        return kind, words[2:]
    if (first,) in WORDS:
        return WORDS[(first,)], words[1:]
    key = "mutating" if first in _MUTATING else "unknown_op"
    if first in _NOT_OFFERED:
        raise _refuse_word(key, first, lang)
    raise exec_error(ExecRefused, key, lang, word=_short(words[0]))


def _expand(flags: tuple[Flag, ...], word: str) -> list[str]:
    """Combined short switches as docker reads them: ``ps -aq`` is ``-a -q``."""
    short = {name[1]: name for flag in flags if flag.value is None for name in flag.names
             if len(name) == 2 and name[0] == "-" and name[1] != "-"}
    letters = word[1:]
    if (len(letters) > 1 and not word.startswith("--")
            and all(ch in short for ch in letters)):
        return [short[ch] for ch in letters]
    return [word]


def _bad_flag(kind: str, word: str, lang: Lang) -> ExecRefused:
    return exec_error(
        ExecRefused, "bad_flag", lang, op=OP_LABELS[kind], word=_short(word),
        accepted=OPERATIONS[kind].accepted or phrase("exec.no_options", lang),
    )


_VALUE_ERRORS = {"tail": "bad_tail", "since": "bad_since"}


def _value(flag: Flag, value: str, lang: Lang) -> int:
    return _tail(value, lang) if flag.value == "tail" else _since(value, lang)


def _build(kind: str, words: list[str], host: str | None, lang: Lang) -> Operation:
    spec = OPERATIONS[kind]
    switches = {name: flag for flag in spec.flags if flag.value is None for name in flag.names}
    valued = {name: flag for flag in spec.flags if flag.value is not None for name in flag.names}
    fields: dict[str, Any] = {}
    names: list[str] = []
    rest = [part for word in words for part in _expand(spec.flags, word)]
    i = 0
    while i < len(rest):
        word = rest[i]            # options are case-sensitive, as in the docker CLI
        if word.startswith("-"):
            opt, eq, inline = word.partition("=")
            if word in switches:
                flag = switches[word]
                if flag.field is not None:
                    fields[flag.field] = True
            elif opt in valued:
                flag = valued[opt]
                if eq:
                    value = inline
                elif i + 1 < len(rest):
                    i += 1
                    value = rest[i]
                else:
                    raise exec_error(ExecRefused, _VALUE_ERRORS[str(flag.value)], lang,
                                     limit=MAX_TAIL)
                if flag.field is not None:
                    fields[flag.field] = _value(flag, value, lang)   # given twice: the last
            else:
                raise _bad_flag(kind, word, lang)
        else:
            names.append(_name(word, lang))
        i += 1
    least, most = spec.args
    if len(names) < least:
        raise exec_error(ExecRefused, "need_name", lang, op=spec.label)
    if len(names) > most:
        expected = phrase("exec.one_container_name" if most == 1 else "exec.no_arguments", lang)
        raise exec_error(
            ExecRefused, "extra_args", lang, op=spec.label, expected=expected,
            word=_short(names[most]),
        )
    for flag in spec.flags:
        if flag.required and flag.field is not None and flag.field not in fields:
            raise exec_error(ExecRefused, f"need_{flag.value}", lang)
    target = names[0] if names else None
    return Operation(kind=kind, target=target, host=host, **fields)


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
