"""Words of a text: Korean particles and letters, English stems, combined short flags."""

from __future__ import annotations

import pytest

from bot.ask.words import inflections, jamo, ko_spelling, split_flags, stem_en, strip_korean


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("컨테이너를", "컨테이너"),
        ("이미지가", "이미지"),
        ("도커에서", "도커"),
        ("실행하려면", "실행"),
        ("볼륨이나", "볼륨"),  # "or"
        ("추가", "추가"),  # a two-syllable word is not a particle plus a word
        ("를", ""),  # a lone particle (spacing mistake) disappears
    ],
)
def test_korean_particles_and_endings(word: str, stem: str) -> None:
    assert strip_korean(word) == stem


def test_jamo_turns_a_syllable_typo_into_one_letter() -> None:
    assert jamo("삭제") == "ㅅㅏㄱㅈㅔ"
    assert jamo("삭재") == "ㅅㅏㄱㅈㅐ"
    assert jamo("abc") == "abc"


@pytest.mark.parametrize(
    ("token", "flags"),
    [("-dp", ["-d", "-p"]), ("-it", ["-i", "-t"]), ("--rm", ["--rm"]), ("-P", ["-P"])],
)
def test_combined_short_flags(token: str, flags: list[str]) -> None:
    assert split_flags(token) == flags



@pytest.mark.parametrize(
    ("word", "stem"),
    [("containers", "container"), ("building", "build"), ("running", "run"),
     ("registries", "registry"), ("status", "status"), ("pulling", "pull")],
)
def test_english_plurals_and_ing_are_folded(word: str, stem: str) -> None:
    assert stem_en(word) == stem


def test_a_word_may_be_a_form_of_its_base_with_an_e() -> None:
    assert "delete" in inflections("deleted")
    assert "stop" in inflections("stopped")


def test_one_spelling_per_korean_loanword() -> None:
    assert ko_spelling("작업 디렉토리") == "작업 디렉터리"
