"""Block Kit building blocks that keep Slack's limits (pure: no I/O).

Limits from docs/slack.md: 50 blocks per message (100 in a Home view), section text
3,000 characters, header 150, button text 75, button value 2,000, 25 elements per
actions block, 10 per context block, about 12,000 characters of blocks per message.
Long text is split between lines, single lines are cut with an ellipsis, and user text
is escaped (``& < >``) and cannot close a code fence. :func:`plain_text` turns any
message or view back into terminal text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bot.lang import Lang
from bot.phrases import phrase
from bot.render.buttons import ButtonValue, encode
from bot.secrets import CONTROL_CHARS

Block = dict[str, Any]
Message = dict[str, Any]

MAX_BLOCKS = 50
MAX_HOME_BLOCKS = 100
MAX_SECTION = 3000
MAX_HEADER = 150
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_ACTIONS = 25
MAX_CONTEXT_ELEMENTS = 10
MAX_MESSAGE_CHARS = 12000
MAX_FALLBACK_TEXT = 3000
MAX_QUERY_IN_VALUE = 300

_CONTROL = CONTROL_CHARS


def w(key: str, lang: Lang) -> str:
    """One phrase of the Slack app (the catalog's ``slack.<key>``) in the given language."""
    return phrase(f"slack.{key}", lang)


def escape(text: str) -> str:
    """Escape text for mrkdwn; also defuses <!channel> and <@U1> links."""
    clean = _CONTROL.sub("", text)
    return clean.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    """Cut text to ``limit`` characters, ending with an ellipsis when cut."""
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + "…"


def code(text: str) -> str:
    """Inline code for user text (escaped, no backticks inside)."""
    return "`" + escape(text).replace("`", "ˋ") + "`"


def _fence_safe(text: str) -> str:
    return escape(text).replace("```", "`\u200b``")


def _chunks(lines: Iterable[str], limit: int) -> list[str]:
    """Group lines into chunks of at most ``limit`` characters; cut a line that is too long."""
    out: list[str] = []
    cur = ""
    for raw in lines:
        line = clip(raw, limit)
        if cur and len(cur) + 1 + len(line) > limit:
            out.append(cur)
            cur = line
        else:
            cur = f"{cur}\n{line}" if cur else line
    if cur:
        out.append(cur)
    return out


def section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": clip(text, MAX_SECTION)}}


def sections(text: str) -> list[Block]:
    """One or more sections for a long mrkdwn text, split between lines."""
    return [section(chunk) for chunk in _chunks(text.split("\n"), MAX_SECTION)]


def code_sections(text: str, title: str = "") -> list[Block]:
    """Preformatted text (escaped) in as many sections as needed, each a closed code block."""
    budget = MAX_SECTION - len(title) - 10
    chunks = _chunks(_fence_safe(text).split("\n"), budget) or [" "]
    return [
        section((title + "\n" if title and i == 0 else "") + f"```{chunk}```")
        for i, chunk in enumerate(chunks)
    ]


def header(text: str) -> Block:
    clean = _CONTROL.sub("", text).strip() or "dockbot"
    return {"type": "header", "text": {"type": "plain_text", "text": clip(clean, MAX_HEADER)}}


def context(*texts: str) -> Block:
    elements = [{"type": "mrkdwn", "text": clip(t, MAX_SECTION)} for t in texts if t]
    return {"type": "context", "elements": elements[:MAX_CONTEXT_ELEMENTS]}


def button(label: str, action_id: str, value: ButtonValue, style: str | None = None) -> Block:
    """A button carrying ``value`` (see :mod:`bot.render.buttons`)."""
    btn: Block = {
        "type": "button",
        "action_id": action_id,
        "text": {"type": "plain_text", "text": clip(label, MAX_BUTTON_TEXT), "emoji": True},
        "value": encode(value),
    }
    if style:
        btn["style"] = style
    return btn


def actions(buttons: Sequence[Block]) -> Block:
    return {"type": "actions", "elements": list(buttons)[:MAX_ACTIONS]}


def _size(blocks: Sequence[Block]) -> int:
    return len(json.dumps(blocks, ensure_ascii=False))


def fit(blocks: list[Block], lang: Lang, max_blocks: int = MAX_BLOCKS,
        max_chars: int | None = MAX_MESSAGE_CHARS) -> list[Block]:
    """Drop trailing content blocks (keeping trailing actions) until the limits hold."""
    tail = [b for b in blocks[-1:] if b.get("type") == "actions"]
    body = blocks[: len(blocks) - len(tail)]
    dropped = 0

    def fits(candidate: list[Block]) -> bool:
        return len(candidate) <= max_blocks and (max_chars is None or _size(candidate) <= max_chars)

    while body and not fits([*body, *(_cut_note(dropped, lang) if dropped else []), *tail]):
        body.pop()
        dropped += 1
    return [*body, *(_cut_note(dropped, lang) if dropped else []), *tail]


def _cut_note(dropped: int, lang: Lang) -> list[Block]:
    return [context(w("cut", lang).format(n=dropped))]


def message(blocks: list[Block], fallback: str, lang: Lang) -> Message:
    """A finished message: blocks within limits plus a short ``text`` fallback (Slack reads
    it as mrkdwn too, so it is escaped; already escaped text stays as it is)."""
    text = escape(clip(unmark(fallback), MAX_FALLBACK_TEXT)) or "dockbot"
    return {"text": text, "blocks": fit(blocks, lang)}


_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))


def unmark(text: str) -> str:
    for ent, ch in _ENTITIES:
        text = text.replace(ent, ch)
    return text


_BOLD = re.compile(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w`])_([^_`\n]+)_(?![\w`])")


def _demark(text: str) -> str:
    return unmark(_ITALIC.sub(r"\1", _BOLD.sub(r"\1", text.replace("```", ""))))


def _element_text(element: Mapping[str, Any]) -> str:
    """A button as ``[label]``; a menu as ``[placeholder: option, option ...]``."""
    if "options" in element:
        names = ", ".join(o["text"]["text"] for o in element["options"])
        return f"[{element.get('placeholder', {}).get('text', '')}: {names}]"
    return f"[{element['text']['text']}]"


def plain_text(msg: Mapping[str, Any]) -> str:
    """Terminal rendering of a message or a view: the same content, without Slack markup."""
    out: list[str] = []
    for b in msg.get("blocks", []):
        kind = b.get("type")
        if kind == "header":
            title = b["text"]["text"]
            out += [title, "=" * min(len(title), 60)]
        elif kind == "section":
            out.append(_demark(b["text"]["text"]))
        elif kind == "context":
            out.append(_demark(" ".join(e.get("text", "") for e in b["elements"])))
        elif kind == "actions":
            out.append("  ".join(_element_text(e) for e in b["elements"]))
        elif kind == "divider":
            out.append("")
    if not out:
        out.append(unmark(str(msg.get("text", ""))))
    return "\n".join(out).strip() + "\n"
