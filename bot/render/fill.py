"""Live-name menus under an answer, and the filled command (pure: no I/O).

One ``static_select`` per placeholder (``<container>``, ``<image>`` ...): its options are
the names the executor listed, each option's value a :class:`~bot.render.buttons.FillPick`,
and the command to fill rides in the menu's block id (a
:class:`~bot.render.buttons.FillMenu`). Picking shows the command with the name in it,
ready to copy; nothing is run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.fill import LiveNames, slots
from bot.lang import Lang
from bot.render.blockkit import (
    MAX_BUTTON_TEXT,
    Block,
    Message,
    clip,
    code,
    code_sections,
    context,
    message,
    section,
    w,
)
from bot.render.buttons import FillMenu, FillPick, encode, fits

ACTION_FILL = "dockbot_fill"  # dockbot_fill_container, dockbot_fill_image ...
FILL_PATTERN = re.compile(rf"^{ACTION_FILL}_(container|image|volume|network)$")

def _menu(offer: LiveNames, lang: Lang, *, named: bool = False) -> list[Block]:
    menu = FillMenu(lang, offer.kind, offer.template)  # type: ignore[arg-type]
    if not fits(menu):
        return []
    options = []
    for name in offer.names:
        pick = FillPick(lang, offer.kind, name)  # type: ignore[arg-type]
        if fits(pick):
            options.append({"text": {"type": "plain_text", "text": clip(name, MAX_BUTTON_TEXT)},
                            "value": encode(pick)})
    if not options:
        return []
    select = {"type": "static_select", "action_id": f"{ACTION_FILL}_{offer.kind}",
              "placeholder": {"type": "plain_text", "text": w("fill_pick", lang)},
              "options": options[:100]}
    token = dict(slots(offer.template)).get(offer.kind, f"<{offer.kind}>")
    heading = w("fill_menu", lang).format(ph=code(token))
    if named:  # several commands under one message: say which one the menu fills
        heading = f"{code(clip(offer.template, 300))}\n{heading}"
    return [section(heading),
            {"type": "actions", "block_id": encode(menu), "elements": [select]}]


def fill_blocks(offers: Sequence[LiveNames], lang: Lang) -> list[Block]:
    """The menus for an answer (empty when there is nothing to offer); when they fill
    more than one command, each menu names its command."""
    named = len({offer.template for offer in offers}) > 1
    out: list[Block] = []
    for offer in offers:
        out.extend(_menu(offer, lang, named=named))
    return out


def with_menus(msg: Message, offers: Sequence[LiveNames], lang: Lang) -> Message:
    """``msg`` with the live-name menus added after its content."""
    extra = fill_blocks(offers, lang)
    if not extra:
        return msg
    return message([*msg["blocks"], *extra], str(msg.get("text", "")), lang)


def menus_message(offers: Sequence[LiveNames], lang: Lang) -> Message | None:
    """The menus alone, as a follow-up under an answer that was already posted (a
    mention's or a DM's, shown only to the asker); None when there is nothing to offer."""
    blocks = fill_blocks(offers, lang)
    if not blocks:
        return None
    return message(blocks, w("fill_pick", lang), lang)


def filled_message(command: str, lang: Lang, note: str = "") -> Message:
    """The filled command, ready to copy."""
    blocks = code_sections(command, f"*{w('fill_ready', lang)}*")
    if note:
        blocks.append(context(note))
    return message(blocks, command, lang)
