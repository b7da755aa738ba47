"""An Explanation as terminal text: one line per part, then risks and corrections."""

from __future__ import annotations

import unicodedata

from bot.explain.model import Explanation, Part
from bot.lang import Lang

_ROLE_NAMES: dict[str, dict[Lang, str]] = {
    "docker": {"en": "program", "ko": "프로그램"},
    "global-flag": {"en": "global option", "ko": "전역 옵션"},
    "subcommand": {"en": "sub-command", "ko": "하위 명령"},
    "flag": {"en": "flag", "ko": "플래그"},
    "flag-value": {"en": "value", "ko": "값"},
    "image": {"en": "image", "ko": "이미지"},
    "container": {"en": "container", "ko": "컨테이너"},
    "argument": {"en": "argument", "ko": "인자"},
    "command": {"en": "container command", "ko": "컨테이너 명령"},
    "separator": {"en": "separator", "ko": "구분자"},
    "shell": {"en": "shell", "ko": "셸"},
}
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
_WORDS: dict[str, dict[Lang, str]] = {
    "risks": {"en": "Risks", "ko": "주의할 점"},
    "safer": {"en": "Safer", "ko": "더 안전하게"},
    "danger": {"en": "DANGER", "ko": "위험"},
    "warn": {"en": "WARNING", "ko": "주의"},
    "did_you_mean": {"en": "Did you mean", "ko": "이렇게 쓰려던 건가요"},
    "no_risks": {"en": "No risky flags found.", "ko": "위험한 플래그는 없습니다."},
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
        tag = paint("2", f"[{_ROLE_NAMES[part.role][lang]}]")
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
        lines += ["", paint("1", _WORDS["risks"][lang])]
        for risk in expl.risks:
            label = _WORDS[risk.level][lang]
            code = "1;31" if risk.level == "danger" else "1;33"
            lines.append(f"  {paint(code, f'[{label}]')} {paint('1', risk.flag)}")
            lines.append(f"    {risk.message}")
            lines.append(f"    {paint('32', _WORDS['safer'][lang] + ':')} {risk.safer}")
    if expl.suggestions:
        lines += ["", paint("1", _WORDS["did_you_mean"][lang] + "?")]
        lines += [f"  {paint('1;36', s)}" for s in expl.suggestions]
    return "\n".join(lines)
