"""Typo repair before matching: unknown words become their closest known spelling."""

from __future__ import annotations

import pytest

from bot.ask.spelling import Speller


@pytest.fixture(scope="module")
def speller() -> Speller:
    vocab = ["container", "containers", "docker", "run", "kill", "remove", "logs"]
    return Speller(vocab, [*vocab, "the", "show"], ["컨테이너", "삭제", "로그", "띄우고"])


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
    ],
)
def test_unknown_words_get_their_closest_spelling(
    speller: Speller, text: str, fixed: str
) -> None:
    assert speller.repair(text) == fixed


def test_a_word_far_from_every_known_one_stays(speller: Speller) -> None:
    assert speller.repair("kubernetes") == "kubernetes"
