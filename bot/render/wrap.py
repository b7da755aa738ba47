"""Terminal text wrapped at a width, counting East Asian wide characters as two columns.

Lines break only at spaces, so a Korean word (어절) or a flag is never split; a word wider
than the width stays whole on its own line. A wrapped line continues under its own indent
(under the text after a leading ``- `` or ``• `` bullet, or under a second column set
off by two or more spaces). ANSI colour codes take no
room. Command lines (``docker ...``, ``$ ...``) are never wrapped, so they can be copied.

``textwrap`` counts characters, not columns (a Hangul syllable fills two), and ``wcwidth``
is not needed for this text: the standard library's East Asian width and combining classes
give the same widths for Hangul, Latin and the symbols dockbot prints.
"""

from __future__ import annotations

import re
import unicodedata

from bot.secrets import ANSI

_LEAD = re.compile(r"^( *)((?:[-•↳] )?)")
_COMMAND = re.compile(r"^(docker|\$) ")
_COLUMN = re.compile(r"^ *\S(?:.*?\S)?  +(?=\S)")


def width_of(text: str) -> int:
    """Columns ``text`` fills in a terminal (ANSI codes take none)."""
    total = 0
    for ch in ANSI.sub("", text):
        if unicodedata.combining(ch) or ch in "\u200b\u200d":
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def wrap_line(line: str, width: int) -> list[str]:
    """``line`` as lines of at most ``width`` columns, broken at spaces only."""
    plain = ANSI.sub("", line)
    if width <= 0 or width_of(line) <= width or _COMMAND.match(plain.lstrip()):
        return [line]
    lead = _LEAD.match(plain)
    indent = len(lead.group(1)) if lead else 0
    hang = " " * (indent + (len(lead.group(2)) if lead else 0))
    column = _COLUMN.match(plain)  # "  -d, --detach   meaning": continue under the meaning
    if column and len(hang) < width_of(column.group(0)) <= width // 2:
        hang = " " * width_of(column.group(0))
    words = line[indent:].split(" ")
    out: list[str] = []
    cur = line[:indent]
    cur_width = indent
    fresh = True  # nothing but the indent on the current line yet
    for word in words:
        w = width_of(word)
        if not fresh and cur_width + 1 + w > width:
            out.append(cur.rstrip())
            cur, cur_width, fresh = hang, len(hang), True
        if fresh:
            cur += word
            cur_width += w
            fresh = not word
        else:
            cur += " " + word
            cur_width += 1 + w
    out.append(cur.rstrip())
    return out


def wrap(text: str, width: int | None) -> str:
    """Every line of ``text`` wrapped at ``width`` columns; unchanged when ``width`` is
    None or 0."""
    if not width:
        return text
    return "\n".join(part for line in text.split("\n") for part in wrap_line(line, width))
