"""Bad input gives a clear DockbotError, never a traceback; pasted commands are recognised."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.errors import DockbotError, ExplainError, InputError
from bot.explain import explain, looks_like_command
from bot.lang import Lang


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize(
    ("text", "error", "words"),
    [
        ("", InputError, {"en": "no command", "ko": "비어"}),
        ("   \n\t ", InputError, {"en": "no command", "ko": "비어"}),
        ("docker run " + "x" * 20_000, InputError, {"en": "too long", "ko": "너무 깁니다"}),
        ("docker ps\x00", InputError, {"en": "binary", "ko": "이진"}),
        ("docker ps \ufffd\ufffd", InputError, {"en": "binary", "ko": "이진"}),
        ("ls -la", ExplainError, {"en": "not a docker command", "ko": "docker 명령이 아닙니다"}),
        ("kubectl get pods", ExplainError, {"en": "not a docker command", "ko": "docker 명령이"}),
        ("docker run -e 'A=b alpine", ExplainError, {"en": "unbalanced", "ko": "짝이 맞지"}),
        ('docker run -e "A=b alpine', ExplainError, {"en": "unbalanced", "ko": "짝이 맞지"}),
        ("docker stop $(docker ps -q", ExplainError, {"en": "never closed", "ko": "닫히지"}),
        ("docker ps `hostname", ExplainError, {"en": "unbalanced", "ko": "짝이 맞지"}),
    ],
)
def test_explain_bad_input(
    text: str, error: type[DockbotError], words: dict[str, str], lang: Lang
) -> None:
    with pytest.raises(error) as info:
        explain(text, lang)
    message = info.value.user_text()
    assert words[lang] in message
    assert info.value.hint  # says what to do


def test_explain_limit_is_4000_characters() -> None:
    ok = "docker ps " + "-a " * 1300
    assert len(ok) <= 4000
    assert explain(ok, "en").parts
    with pytest.raises(InputError, match="4,000"):
        explain("docker ps " + "-a " * 1400, "en")


def test_explain_binary_bytes_decoded_loosely_are_refused() -> None:
    junk = bytes(range(256)).decode("utf-8", errors="replace")
    with pytest.raises(InputError):
        explain("docker ps " + junk, "en")


def test_explain_control_characters_are_stripped() -> None:
    expl = explain("\x1b[32mdocker\x1b[0m ps\x07 -a", "en")
    assert expl.command == "docker ps -a"
    assert [p.text for p in expl.parts] == ["docker", "ps", "-a"]


@pytest.mark.parametrize(
    "text",
    [
        "$ docker ps",
        "`docker ps`",
        "```\ndocker ps\n```",
        "```bash\ndocker ps\n```",
        "user@host:~$ docker ps",
        "  docker ps  ",
    ],
)
def test_explain_pasted_forms(text: str) -> None:
    expl = explain(text, "en")
    assert expl.command == "docker ps"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_explain_never_raises_anything_else(text: str) -> None:
    for candidate in (text, "docker " + text, "docker run " + text):
        try:
            expl = explain(candidate, "en")
        except DockbotError as exc:
            assert exc.user_text()
        else:
            assert expl.parts[0].role == "docker"
            assert json.loads(json.dumps(expl.to_dict()))["command"] == expl.command


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "docker",
                "run",
                "-d",
                "-p",
                "80:80",
                "--name",
                "web",
                "-it",
                "nginx",
                "--",
                "-e",
                "A=b",
                "'",
                '"',
                "$(",
                ")",
                "|",
                "&&",
                ";",
                "<x>",
                ">",
                "2>&1",
                "[-a]",
                "-",
                "=",
                "compose",
                "up",
                "exec",
                "sh",
                "-c",
                "\\",
                "#",
                "ps",
                "-aq",
                "--rm=false",
                "-p=1:2",
                "imgae",
            ]
        ),
        max_size=12,
    )
)
def test_explain_word_soup_never_crashes(words: list[str]) -> None:
    try:
        expl = explain("docker " + " ".join(words), "ko")
    except DockbotError as exc:
        assert exc.user_text()
    else:
        assert all(p.meaning for p in expl.parts)


@pytest.mark.parametrize(
    "text",
    [
        "docker run -d nginx",
        "docker ps -a",
        "$ docker ps",
        "`docker ps`",
        "docker compose up -d",
        "docker -H ssh://box ps",
        "sudo docker images",
        "docker pss",
        "docker imgae ls",
        "docker-compose up -d",
        "docker run -e MSG='안녕' alpine",
    ],
)
def test_explain_looks_like_command(text: str) -> None:
    assert looks_like_command(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "",
        "docker",
        "how do I docker run",
        "docker ps 결과 보는 법",
        "docker run -d 가 뭐야",
        "docker is great",
        "docker what is a volume",
        "what does docker ps -a do?",
        "docker ps?",
        "ls -la",
        "docker run 'unclosed",
        "x" * 5000,
    ],
)
def test_explain_does_not_look_like_command(text: str) -> None:
    assert looks_like_command(text) is False
