"""Shell-level reading of a pasted command line: input limits, words, quotes, pipes, redirections.

This does what a POSIX shell would do to find the words docker receives, without running
anything: quotes are removed (``"a b"`` is one word), ``$(...)`` and backquotes stay as one
word, ``|``, ``&&``, ``||``, ``;``, ``&`` and line breaks separate commands, and ``> file``
style redirections are kept apart so they are not taken for docker arguments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.errors import ExplainError, InputError
from bot.lang import Lang
from bot.phrases import table_pair
from bot.secrets import strip_terminal_codes

MAX_CHARS = 4000
_OPERATORS = ("&&", "||", "|&", "|", ";", "&")
_REDIRECTS = ("&>>", "&>", ">>", ">&", ">|", "<<<", "<<", "<&", "<>", ">", "<")
# "<image>", "<host-path>": a placeholder from a cheat sheet, not a shell redirection.
_PLACEHOLDER = re.compile(r"<[A-Za-z_][^<>\s|;&]*>")
_PROMPT = re.compile(r"^(?:[\w.@-]+(?::[^\s$#]*)?)?[$#>%]\s+(?=\S)")

TokKind = Literal["word", "op", "redir"]


@dataclass(frozen=True)
class Tok:
    """A shell word, operator or redirection, with its text as typed (``raw``) and as read."""

    kind: TokKind
    raw: str
    value: str
    quoted: bool = False


def clean_input(text: str, lang: Lang) -> str:
    """Check the limits and strip what a paste adds around a command: prompt, backquotes, colours.

    Raises InputError for empty, over-long or binary input.
    """
    if not isinstance(text, str) or not text.strip():
        raise InputError.keyed("input.explain_empty", lang)
    if len(text) > MAX_CHARS:
        raise InputError.keyed("input.explain_too_long", lang, n=len(text), limit=MAX_CHARS)
    if "\x00" in text or "\ufffd" in text:
        raise InputError.keyed("input.explain_binary", lang)
    text = strip_terminal_codes(text).replace("\r\n", "\n").replace("\r", "\n")
    # Line continuations; spaces a copy leaves after the backslash do not count. A backslash
    # that ends the paste continues onto a line that was not copied: nothing follows it.
    text = re.sub(r"[ \t]*\\[ \t]*\n[ \t]*", " ", text)
    text = re.sub(r"(?<!\\)[ \t]*\\[ \t]*$", "", text.strip())
    text = text.strip()
    for _ in range(2):
        if len(text) >= 6 and text.startswith("```") and text.endswith("```"):
            text = text[3:-3].strip()
            first, _, rest = text.partition("\n")
            if first.strip() in ("sh", "bash", "shell", "console", "zsh") and rest:
                text = rest.strip()
        if len(text) >= 2 and text.startswith("`") and text.endswith("`") and "`" not in text[1:-1]:
            text = text[1:-1].strip()
        text = _PROMPT.sub("", text, count=1)
    if not text:
        return clean_input("", lang)
    return text


def _read_balanced(text: str, i: int, lang: Lang) -> int:
    """Index just past the ``)`` that closes the ``(`` at index ``i``."""
    depth = 0
    j = i
    while j < len(text):
        c = text[j]
        if c == "\\":
            j += 2
            continue
        if c in "'\"":
            end = text.find(c, j + 1)
            if end < 0:
                break
            j = end + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    raise ExplainError.keyed("input.explain_unclosed_substitution", lang)


def _read_word(text: str, i: int, lang: Lang) -> tuple[int, list[str], bool]:
    """Read one shell word from ``i``: the index after it, its pieces with quotes removed,
    and whether any of it was quoted. Stops at blanks, operators and redirections."""
    n = len(text)
    value: list[str] = []
    quoted = False
    while i < n:
        c = text[i]
        if c in " \t\n" or any(text.startswith(o, i) for o in _OPERATORS):
            break
        if c == "<" and (m := _PLACEHOLDER.match(text, i)):
            value.append(m.group(0))
            i = m.end()
            continue
        if c in "<>":
            break
        if c == "'":
            end = text.find("'", i + 1)
            if end < 0:
                raise _unclosed(lang, "'")
            value.append(text[i + 1 : end])
            quoted = True
            i = end + 1
        elif c == '"':
            j = i + 1
            buf: list[str] = []
            while j < n and text[j] != '"':
                if text[j] == "\\" and j + 1 < n and text[j + 1] in '"\\$`':
                    buf.append(text[j + 1])
                    j += 2
                else:
                    buf.append(text[j])
                    j += 1
            if j >= n:
                raise _unclosed(lang, '"')
            value.append("".join(buf))
            quoted = True
            i = j + 1
        elif c == "\\":
            if i + 1 < n:
                value.append(text[i + 1])
            i += 2
        elif c == "$" and text.startswith("$(", i):
            end = _read_balanced(text, i + 1, lang)
            value.append(text[i:end])
            i = end
        elif c == "`":
            end = text.find("`", i + 1)
            if end < 0:
                raise _unclosed(lang, "`")
            value.append(text[i : end + 1])
            i = end + 1
        else:
            value.append(c)
            i += 1
    return i, value, quoted


def tokenize(text: str, lang: Lang) -> list[Tok]:
    """Split a command line into words, operators and redirections like a POSIX shell."""
    toks: list[Tok] = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c in " \t":
            i += 1
            continue
        if c == "\n":
            toks.append(Tok("op", ";", ";"))
            i += 1
            continue
        if c == "#":  # a comment runs to the end of the line
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        op = next((o for o in _OPERATORS if text.startswith(o, i)), None)
        if op == "&" and text.startswith("&>", i):  # `&> file`: both outputs, not background
            op = None
        if op:
            toks.append(Tok("op", op, op))
            i += len(op)
            continue
        start = i
        i, value, quoted = _read_word(text, i, lang)
        fd_redirect = bool(value) and not quoted and "".join(value).isdigit()
        at_redirect = i < n and (text[i] in "<>" or text.startswith("&>", i))
        if at_redirect and not _PLACEHOLDER.match(text, i):
            if not fd_redirect and i > start:
                toks.append(Tok("word", text[start:i], "".join(value), quoted))
                start = i
            redir = next(r for r in _REDIRECTS if text.startswith(r, i))
            i += len(redir)
            while i < n and text[i] in " \t":
                i += 1
            # The target is a word like any other: `<<< 'a b'` gives the text a b.
            i, target, _ = _read_word(text, i, lang)
            toks.append(Tok("redir", text[start:i], "".join(target)))
            if redir == "<<":
                i = _skip_here_document(text, i, "".join(target))
            continue
        if i == start:  # nothing read: never loop on the same character
            i += 1
            continue
        toks.append(Tok("word", text[start:i], "".join(value), quoted))
    return toks


def _skip_here_document(text: str, i: int, delimiter: str) -> int:
    """Index after the body of a ``<<EOF`` here-document that starts on the next line: its
    lines are the command's input, not commands. ``<<-EOF`` allows tabs before the end line."""
    strip_tabs = delimiter.startswith("-")
    word = delimiter[1:] if strip_tabs else delimiter
    newline = text.find("\n", i)
    if not word or newline < 0:
        return i
    pos = newline + 1
    while pos <= len(text):
        end = text.find("\n", pos)
        line = text[pos : len(text) if end < 0 else end]
        if (line.lstrip("\t") if strip_tabs else line) == word:
            return len(text) if end < 0 else end
        if end < 0:
            return len(text)  # never closed: the rest of the paste is its body
        pos = end + 1
    return len(text)


def _unclosed(lang: Lang, quote: str) -> ExplainError:
    name = table_pair("quotes", quote)
    return ExplainError.keyed("input.explain_unclosed_quote", lang, quote=name)


def split_commands(toks: list[Tok]) -> list[tuple[str | None, list[Tok]]]:
    """Group tokens into simple commands, each with the operator that came before it."""
    out: list[tuple[str | None, list[Tok]]] = []
    current: list[Tok] = []
    before: str | None = None
    for t in toks:
        if t.kind == "op":
            if current or before is None:
                out.append((before, current))
            before = t.value
            current = []
        else:
            current.append(t)
    if current:
        out.append((before, current))
    return [(op, ts) for op, ts in out if ts]


def split_substitutions(word: str) -> list[str]:
    """A word cut into literal text and command substitutions, in order:
    ``$(id -u):$(id -g)`` -> ``["$(id -u)", ":", "$(id -g)"]``. A ``$(`` left open stays text."""
    pieces: list[str] = []
    literal: list[str] = []
    i = 0
    while i < len(word):
        if word.startswith("$(", i):
            try:
                end = _read_balanced(word, i + 1, "en")
            except ExplainError:
                literal.append(word[i:])
                break
            if literal:
                pieces.append("".join(literal))
                literal = []
            pieces.append(word[i:end])
            i = end
        elif word[i] == "`" and (end := word.find("`", i + 1)) > i:
            if literal:
                pieces.append("".join(literal))
                literal = []
            pieces.append(word[i : end + 1])
            i = end + 1
        else:
            literal.append(word[i])
            i += 1
    if literal:
        pieces.append("".join(literal))
    return pieces


def is_substitution(piece: str) -> bool:
    """True for one whole ``$(...)`` or backquoted command, as cut by split_substitutions."""
    return (piece.startswith("$(") and piece.endswith(")")) or (
        len(piece) > 1 and piece.startswith("`") and piece.endswith("`")
    )
