"""How the ``dockbot`` commands print: stdout and stderr lines, JSON, colour and width."""

from __future__ import annotations

import json
import shutil
import sys

from bot.settings import Settings


def out(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def err(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def color(settings: Settings) -> bool:
    return sys.stdout.isatty() and not settings.no_color


def width(settings: Settings) -> int | None:
    """Where terminal text wraps: DOCKBOT_WIDTH, else the terminal's width when stdout is a
    terminal; piped output is not wrapped."""
    if settings.width is not None:
        return settings.width or None
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None
