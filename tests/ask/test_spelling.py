"""Typo repair before matching: unknown words become their closest known spelling."""

from __future__ import annotations

import pytest

from bot.ask.spelling import Speller


@pytest.fixture(scope="module")
def speller() -> Speller:
    vocab = ["container", "containers", "docker", "run", "kill", "remove", "logs"]
    return Speller(vocab, [*vocab, "the", "show"], ["컨테이너", "삭제", "로그", "띄우고", "백그라운드", "실행"])


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("dcoker", "docker"),  # the first two letters swapped
        ("contianer", "container"),
        ("rnu", "run"),  # a three-letter word: a swap only
        ("kil", "kill"),  # or a dropped letter
        ("show the logs", "show the logs"),  # known words stay
        ("컨테이너 삭재", "컨테이너 삭제"),  # one letter (jamo) apart
        ("삭재하기", "삭제하기"),  # the ending stays
        ("다시 띄우게", "다시 띄우게"),  # another ending of a known word is no typo
        ("컨테이녀", "컨테이너"),  # a last letter that is no ending is one
        # an unspaced run is spaced where known words begin, endings kept with their word
        ("백그라운드에서실행하기", "백그라운드에서 실행하기"),
        ("컨테이너로그삭제하는법", "컨테이너 로그 삭제하는법"),
        ("도커설치정리하기", "도커설치정리하기"),  # known words cover too little: left alone
    ],
)
def test_unknown_words_get_their_closest_spelling(
    speller: Speller, text: str, fixed: str
) -> None:
    assert speller.repair(text) == fixed


def test_a_word_far_from_every_known_one_stays(speller: Speller) -> None:
    assert speller.repair("kubernetes") == "kubernetes"


def test_a_known_word_that_describes_the_next_is_no_typo() -> None:
    # "공개한 포트" (the port it published) was repaired into "공간" (space)
    speller = Speller([], [], ["공개", "공간", "설정", "수정한", "포트"])
    assert speller.repair("공개한 포트") == "공개한 포트"
    assert speller.repair("설정한 값") == "설정한 값"
    assert speller.repair("공갼") == "공간"  # a typo of a known word is still one
