"""Terminal rendering of an executor result: a plain aligned table, then the text."""

from __future__ import annotations

import unicodedata

from bot.executor.redact import strip_controls
from bot.executor.result import ExecResult

_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_RESET = "\x1b[0m"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def exec_result_text(res: ExecResult, color: bool) -> str:
    """The result as terminal text; ANSI bold header and dim notes when ``color``."""
    lines: list[str] = []
    if res.columns:
        header = [strip_controls(c) for c in res.columns]
        rows = [[strip_controls(cell) for cell in row] for row in res.rows]
        widths = [_width(h) for h in header]
        for row in rows:
            for i, cell in enumerate(row[: len(widths)]):
                widths[i] = max(widths[i], _width(cell))

        def line(cells: list[str]) -> str:
            padded = [_pad(c, widths[i]) for i, c in enumerate(cells[: len(widths)])]
            return "  ".join(padded).rstrip()

        head = line(header)
        lines.append(f"{_BOLD}{head}{_RESET}" if color else head)
        lines.extend(line(row) for row in rows)
    if res.text:
        # Table notes ("... N more") are dimmed; log text is shown as it is (already cleaned).
        for text_line in res.text.split("\n"):
            clean = strip_controls(text_line)
            note = clean.startswith("... ")
            lines.append(f"{_DIM}{clean}{_RESET}" if color and note else clean)
    if not lines:
        lines.append("(nothing)")
    return "\n".join(lines)
