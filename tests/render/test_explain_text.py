"""bot/render/explain_text.py: an explanation as terminal text."""

from __future__ import annotations

import re

from bot.explain import explain
from bot.render.explain_text import explanation_text


def test_explain_text_plain_has_no_ansi() -> None:
    expl = explain("docker run --privileged -dp 80:80 nginx", "en")
    text = explanation_text(expl, "en", color=False)
    assert "\x1b[" not in text
    lines = text.splitlines()
    assert lines[0] == expl.command
    assert any(line.strip().startswith("-p 80:80") for line in lines)  # flag and value on one row
    assert "↳ 80:80: host port 80 → container port 80" in text
    assert "Risks" in text and "[DANGER] --privileged" in text and "Safer:" in text


def test_explain_text_color_only_when_asked() -> None:
    expl = explain("docker imgae ls", "ko")
    colored = explanation_text(expl, "ko", color=True)
    plain = explanation_text(expl, "ko", color=False)
    assert "\x1b[" in colored
    assert re.sub(r"\x1b\[[0-9;]*m", "", colored) == plain
    assert "이렇게 쓰려던 건가요?" in plain and "docker image ls" in plain
    assert "[하위 명령]" in plain


def test_explain_text_every_part_is_shown() -> None:
    expl = explain("docker run -it --rm -v $(pwd):/app -w /app python:3.12 bash", "en")
    text = explanation_text(expl, "en", color=False)
    for p in expl.parts:
        assert p.text in text
        assert p.meaning in text
