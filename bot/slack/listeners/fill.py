"""Live-name menus: a name picked from a menu under an answer gives the filled command.

The menu's block id holds the command (a ``FillMenu``), the option's value the name (a
``FillPick``); both are decoded and checked, and the reply is the command with the name
in it, for the clicker only. Nothing is run.
"""

from __future__ import annotations

from slack_bolt import App

from bot.errors import ButtonError, DockbotError
from bot.fill import fill
from bot.render.blocks import error_message
from bot.render.buttons import FillMenu, FillPick, decode
from bot.render.fill import FILL_PATTERN, filled_message
from bot.slack.clicks import Click, bad_button_message, on_click


def register(app: App) -> None:
    app.action(FILL_PATTERN)(on_click(FillPick)(handle_fill))


def handle_fill(click: Click[FillPick]) -> None:
    """Show the answer's command with the picked name in it."""
    pick = click.value
    try:
        menu = decode(FillMenu, click.block_id)
        if menu.kind != pick.kind:
            raise ButtonError.keyed("input.fill_other_kind", pick.lang)
    except ButtonError as err:
        click.reply(bad_button_message(err, pick.lang))
        return
    try:
        msg = filled_message(fill(menu.template, pick.kind, pick.name, pick.lang), pick.lang)
    except DockbotError as err:
        msg = error_message(err, pick.lang)
    click.reply(msg)
