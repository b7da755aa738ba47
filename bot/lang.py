"""Language of a piece of text: Korean or English."""

from __future__ import annotations

import re
from typing import Literal

Lang = Literal["ko", "en"]
LANGS: tuple[Lang, ...] = ("ko", "en")

_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


def has_hangul(text: str) -> bool:
    return _HANGUL.search(text) is not None


def detect_lang(text: str, default: Lang = "en") -> Lang:
    """Korean when the text has any Hangul, else English.

    Mixed questions ("docker ps 결과 보는 법") are written by Korean speakers,
    so one Hangul syllable is enough. Text with no letters falls back to ``default``.
    """
    if has_hangul(text):
        return "ko"
    if re.search(r"[A-Za-z]", text):
        return "en"
    return default


def parse_lang(value: str | None) -> Lang | None:
    """``"ko"``/``"en"`` (any case) or None; anything else raises ValueError."""
    if value is None:
        return None
    v = value.strip().lower()
    if v == "ko":
        return "ko"
    if v == "en":
        return "en"
    raise ValueError(f"unknown language {value!r}; use ko or en")
