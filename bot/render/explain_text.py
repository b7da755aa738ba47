"""An Explanation as terminal text: one line per part, then risks and corrections."""

from __future__ import annotations

import unicodedata

from bot.explain.model import Explanation, Part
from bot.lang import Lang
from bot.phrases import phrase

_ROLE_COLORS = {
    "docker": "1",
    "global-flag": "33",
    "subcommand": "1;36",
    "flag": "33",
    "flag-value": "32",
    "image": "35",
    "container": "34",
    "argument": "37",
    "command": "2",
    "separator": "2",
    "shell": "36",
}
_MAX_COLUMN = 26


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


class _Paint:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color and text else text


def _rows(expl: Explanation) -> list[tuple[Part, Part | None]]:
    """Parts paired with the value that follows their flag, so "-p 80:80" reads as one row."""
    rows: list[tuple[Part, Part | None]] = []
    parts = list(expl.parts)
    i = 0
    while i < len(parts):
        part = parts[i]
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        if (
            part.role in ("flag", "global-flag")
            and nxt is not None
            and nxt.role == "flag-value"
            and nxt.flag == part.flag
        ):
            rows.append((part, nxt))
            i += 2
        else:
            rows.append((part, None))
            i += 1
    return rows


def explanation_text(expl: Explanation, lang: Lang, color: bool) -> str:
    """Terminal text for ``expl`` in ``lang``; ANSI colours only when ``color`` is true."""
    paint = _Paint(color)
    lines = [paint("1", expl.command), ""]
    rows = _rows(expl)
    shown = [(p.text + (f" {v.text}" if v is not None else "")) for p, v in rows]
    column = min(_MAX_COLUMN, max((_width(s) for s in shown), default=0))
    for (part, value), text in zip(rows, shown, strict=True):
        tag = paint("2", f"[{phrase('term.role.' + part.role, lang)}]")
        meaning = part.meaning
        if part.flag and part.text != part.flag and part.role in ("flag", "global-flag"):
            meaning = f"{part.flag}: {meaning}"
        coloured = paint(_ROLE_COLORS[part.role], part.text)
        if value is not None:
            coloured += " " + paint(_ROLE_COLORS["flag-value"], value.text)
        if _width(text) <= column:
            pad = " " * (column - _width(text))
            lines.append(f"  {coloured}{pad}  {tag} {meaning}")
        else:
            lines.append(f"  {coloured}")
            lines.append(f"  {' ' * column}  {tag} {meaning}")
        if value is not None:
            arrow = paint("32", "↳")
            lines.append(f"  {' ' * column}    {arrow} {value.text}: {value.meaning}")
    if expl.risks:
        lines += ["", paint("1", phrase("term.explain.risks", lang))]
        for risk in expl.risks:
            label = phrase(f"term.explain.{risk.level}", lang)
            code = "1;31" if risk.level == "danger" else "1;33"
            lines.append(f"  {paint(code, f'[{label}]')} {paint('1', risk.flag)}")
            lines.append(f"    {risk.message}")
            safer = phrase("term.explain.safer", lang)
            lines.append(f"    {paint('32', safer + ':')} {risk.safer}")
    if expl.suggestions:
        lines += ["", paint("1", phrase("term.explain.did_you_mean", lang) + "?")]
        lines += [f"  {paint('1;36', s)}" for s in expl.suggestions]
    return "\n".join(lines)
