"""Checks for rendered Slack messages: Block Kit validity and Slack's mrkdwn escaping."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from slack_sdk.models.blocks import Block

# what may stand in mrkdwn between < and >: mentions, channels, special mentions, links
_INTENDED = re.compile(
    r"<(?:@[UW][A-Z0-9]+(?:\|[^<>]*)?|#C[A-Z0-9]+(?:\|[^<>]*)?|![a-z]+(?:\|[^<>]*)?"
    r"|(?:https?|mailto):[^<>|\s]+(?:\|[^<>]*)?)>"
)
_ENTITY = re.compile(r"&(?:amp|lt|gt);")


def check_block_kit(msg: dict[str, Any]) -> None:
    """Every block parses as slack_sdk's Block Kit model, validates, and round-trips."""
    assert isinstance(msg.get("text"), str) and msg["text"]
    blocks = msg["blocks"]
    assert 0 < len(blocks) <= 50
    parsed = Block.parse_all(blocks)
    for block in parsed:
        block.validate_json()
    assert [b.to_dict() for b in parsed] == blocks


def mrkdwn_texts(msg: dict[str, Any]) -> Iterator[str]:
    """Every text Slack reads as mrkdwn: the ``text`` fallback and mrkdwn text objects."""
    if isinstance(msg.get("text"), str):
        yield msg["text"]

    def walk(node: object) -> Iterator[str]:
        if isinstance(node, dict):
            if node.get("type") == "mrkdwn" and isinstance(node.get("text"), str):
                yield node["text"]
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)

    yield from walk(msg.get("blocks", []))


def escaping_problems(text: str) -> list[str]:
    """What in ``text`` breaks Slack's escaping rules: a ``<`` or ``>`` outside an intended
    link or mention, or an ``&`` that does not start ``&amp; &lt; &gt;``."""
    rest = _INTENDED.sub("", text)
    problems = [f"unescaped {ch!r} in {text!r}" for ch in "<>" if ch in rest]
    bare = _ENTITY.sub("", rest)
    if "&" in bare:
        problems.append(f"unescaped '&' in {text!r}")
    return problems
