"""What follows the image goes to the entrypoint or the container's command, never back to docker
when --entrypoint says which program gets it; a shell's -c takes one word as its command line."""

from __future__ import annotations

import pytest

from bot.explain import explain
from bot.explain.model import Explanation
from bot.lang import Lang


def meanings(expl: Explanation) -> dict[str, tuple[str, str]]:
    return {p.text: (p.role, p.meaning) for p in expl.parts}


@pytest.mark.parametrize(
    "command",
    [
        "docker run -it --entrypoint /bin/bash IMAGE -c ls -l",
        "docker run -it --entrypoint /bin/bash example/redis -c ls -l",
        "docker run -it --entrypoint=/bin/bash ubuntu -c ls -l",
        "docker container run --rm --entrypoint /bin/sh alpine -c ls -l",
        "docker create --entrypoint /bin/bash ubuntu -c ls -l",
    ],
)
def test_entrypoint_arguments_are_not_misplaced_flags(command: str) -> None:
    expl = explain(command, "en")
    assert expl.suggestions == ()  # nothing to move: that would change the command
    parts = meanings(expl)
    for word in ("-c", "ls", "-l"):
        role, meaning = parts[word]
        assert role == "command"
        assert "looks like a docker flag" not in meaning
        assert "put docker flags before the image" not in meaning
    assert "option -c of the entrypoint" in parts["-c"][1]
    assert "the command line" in parts["ls"][1] and parts["ls"][1].endswith(": ls")
    assert "becomes $0" in parts["-l"][1]
    assert "-c 'ls -l'" in parts["-l"][1]


def test_the_docs_pattern_with_the_word_image_is_a_placeholder() -> None:
    parts = meanings(explain("docker run -it --entrypoint /bin/bash IMAGE -c ls -l", "en"))
    assert parts["IMAGE"] == ("image", "placeholder: write the image name[:tag] here")


@pytest.mark.parametrize(
    ("lang", "first", "last"),
    [
        ("en", "first argument passed to the entrypoint /usr/bin/env (replaces the image's "
               "default CMD): -i", "argument for /usr/bin/env (the --entrypoint program)"),
        ("ko", "엔트리포인트 /usr/bin/env에 넘기는 첫 인자", "/usr/bin/env(--entrypoint 프로그램)에 주는 인자"),
    ],
)  # fmt: skip
def test_other_entrypoints_get_the_words_after_the_image(lang: Lang, first: str, last: str) -> None:
    expl = explain("docker run --entrypoint /usr/bin/env alpine -i --rm PATH=/x", lang)
    assert expl.suggestions == ()
    parts = meanings(expl)
    assert parts["-i"][0] == "command" and first in parts["-i"][1]
    assert parts["--rm"][0] == "command" and last in parts["--rm"][1]
    assert last in parts["PATH=/x"][1]


def test_an_empty_entrypoint_still_catches_flags_after_the_image() -> None:
    expl = explain('docker run --entrypoint "" alpine -it sh', "en")
    assert expl.suggestions == ('docker run --entrypoint "" -it alpine sh',)
    parts = meanings(expl)
    assert "clear the image's ENTRYPOINT" in parts['""'][1]
    assert "looks like a docker flag" in parts["-it"][1]


def test_flags_after_the_image_without_an_entrypoint_are_still_caught() -> None:
    expl = explain("docker run alpine -it sh", "en")
    assert expl.suggestions == ("docker run -it alpine sh",)


@pytest.mark.parametrize(
    ("command", "word", "expected"),
    [
        ("docker run --rm alpine sh -c ls -l", "-l", "becomes $0"),
        ("docker run --rm alpine sh -c ls -l", "ls", "the command line sh runs"),
        ("docker run --rm alpine sh -c ls -l", "-c", "option -c of sh"),
        ("docker exec -it web bash -c ls -la /tmp", "/tmp", "$1 of the command line given with -c"),
        ("docker exec web sh -ec 'ls -l'", "'ls -l'", "the command line sh runs"),
    ],
)
def test_shell_dash_c_takes_one_word(command: str, word: str, expected: str) -> None:
    parts = meanings(explain(command, "en"))
    assert parts[word][0] == "command"
    assert expected in parts[word][1]


def test_a_quoted_command_line_after_dash_c_is_one_part() -> None:
    expl = explain("docker run --rm alpine sh -c 'ls -l'", "ko")
    parts = meanings(expl)
    assert parts["'ls -l'"] == ("command", "sh이(가) 실행할 명령줄(-c 바로 뒤의 단어): ls -l")
    assert not any("$0" in m for _r, m in parts.values())
