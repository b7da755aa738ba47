"""bot/render/wrap.py and bot/render/reply_text.py: terminal text at narrow widths, Korean
and English, never splitting a word."""

from __future__ import annotations

import re

import pytest

from bot import intent
from bot.executor import Principal
from bot.render.reply_text import reply_text
from bot.render.wrap import width_of, wrap, wrap_line
from bot.services import Services

KO = "컨테이너를 백그라운드에서 실행하고 컨테이너 ID만 출력한 뒤 터미널을 바로 돌려줍니다"
EN = "Run the container in the background and print its ID, then give the terminal back"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_width_counts_hangul_as_two_columns_and_ansi_as_none() -> None:
    assert width_of("abc") == 3
    assert width_of("컨테이너") == 8
    assert width_of("\x1b[1;36mdocker\x1b[0m") == 6
    assert width_of("e\u0301") == 1  # a combining accent takes no column


@pytest.mark.parametrize("text", [KO, EN, f"  - {KO} {EN}"])
@pytest.mark.parametrize("width", [20, 24, 33, 40])
def test_lines_fit_and_words_survive(text: str, width: int) -> None:
    lines = wrap_line(text, width)
    assert len(lines) > 1
    assert all(width_of(line) <= width for line in lines), lines
    assert " ".join(line.strip() for line in lines).replace("- ", "", 1) == \
        " ".join(text.split()).replace("- ", "", 1)  # every word whole, in order
    words = set(text.split())
    for line in lines:
        assert all(w in words or w == "-" for w in line.split())


def test_continuation_hangs_under_bullets_and_the_second_column() -> None:
    bullet = wrap_line(f"  - {EN}", 30)
    assert bullet[0].startswith("  - ") and all(b.startswith("    ") for b in bullet[1:])
    row = wrap_line(f"  -d, --detach   {KO}", 40)
    assert all(r.startswith(" " * 17) and r[17] != " " for r in row[1:]), row


def test_commands_and_short_lines_are_left_alone() -> None:
    cmd = "docker run -d -p 80:80 --name web --restart unless-stopped nginx:latest"
    assert wrap_line(cmd, 20) == [cmd]
    assert wrap_line("  " + cmd, 20) == ["  " + cmd]
    assert wrap_line("short", 20) == ["short"]
    assert wrap(f"{KO}\n{EN}", None) == f"{KO}\n{EN}" == wrap(f"{KO}\n{EN}", 0)


def test_a_word_wider_than_the_width_stays_whole() -> None:
    word = "백그라운드(디태치모드)로띄우기"
    assert wrap_line(f"a {word} b", 10) == ["a", word, "b"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("컨테이너를 백그라운드에서 실행하려면?", "ko"), ("run a container in the background", "en"),
     ("docker run --privileged -v /:/host -p 80:80 nginx", "en"),
     ("docker run --privileged -v /:/host -p 80:80 nginx", "ko"), ("help", "ko"),
     ("오늘 점심 뭐 먹지", "ko")],
)
@pytest.mark.parametrize("width", [30, 50])
def test_routed_replies_wrap_at_the_width(
    base_services: Services, text: str, lang: str, width: int
) -> None:
    result = intent.route(base_services, text, Principal.cli(), lang)  # type: ignore[arg-type]
    wide = reply_text(result, base_services.kb, width=None)
    narrow = reply_text(result, base_services.kb, width=width)
    coloured = reply_text(result, base_services.kb, color=True, width=width)
    assert narrow.split() == wide.split()  # same words, only the line breaks differ
    assert _ANSI.sub("", coloured).split() == wide.split()
    for out in (narrow, coloured):
        for line in out.splitlines():
            if width_of(line) > width:  # only a command line or one unbreakable word
                assert _ANSI.sub("", line).lstrip().startswith(("docker ", "$ ")) or \
                    " " not in line.strip(), line
