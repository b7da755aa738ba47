"""Language detection: the answer follows the question."""

from __future__ import annotations

import pytest

from bot.lang import detect_lang, parse_lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("컨테이너 목록", "ko"),
        ("list containers", "en"),
        ("docker ps 결과가 안 나와요", "ko"),  # mixed: written by a Korean speaker
        ("ㅋㅋ docker", "ko"),
        ("-d", "en"),
        ("123 456", "en"),
    ],
)
def test_detect(text: str, lang: str) -> None:
    assert detect_lang(text) == lang


def test_default_when_no_letters() -> None:
    assert detect_lang("!!!", default="ko") == "ko"


def test_parse_lang() -> None:
    assert parse_lang("KO") == "ko" and parse_lang(" en ") == "en" and parse_lang(None) is None
    with pytest.raises(ValueError, match="unknown language"):
        parse_lang("fr")
