"""Unknown sub-commands and flags get corrections."""

from __future__ import annotations

import pytest

from bot.explain import explain
from bot.explain.cli_spec import default_spec
from bot.explain.typos import closest


@pytest.mark.parametrize(
    ("command", "fixed"),
    [
        ("docker imgae ls", "docker image ls"),
        ("docker pss", "docker ps"),
        ("docker pss -a", "docker ps -a"),
        ("docker contianer ls", "docker container ls"),
        ("docker volumn ls", "docker volume ls"),
        ("docker netwrok create backend", "docker network create backend"),
        ("docker compse up -d", "docker compose up -d"),
        ("docker compose upp -d", "docker compose up -d"),
        ("docker PS", "docker ps"),
        ("docker run --detatch nginx", "docker run --detach nginx"),
        ("docker run --nmae web nginx", "docker run --name web nginx"),
        ("docker run --Detach nginx", "docker run --detach nginx"),
        ("docker run --publsh=80:80 nginx", "docker run --publish=80:80 nginx"),
        ("docker run -name web nginx", "docker run --name web nginx"),
        ("docker logs -F web", "docker logs -f web"),
        ("docker run alpine -it sh", "docker run -it alpine sh"),
        ("docker run nginx -p 80:80", "docker run -p 80:80 nginx"),
        ("docker exec web -it sh", "docker exec -it web sh"),
        ("docker imgae ls && docker pss", "docker image ls && docker ps"),
        ("docker pss -a > out.txt | wc -l", "docker ps -a > out.txt | wc -l"),
    ],
)
def test_explain_corrections(command: str, fixed: str) -> None:
    expl = explain(command, "en")
    assert expl.suggestions == (fixed,)


@pytest.mark.parametrize(
    ("command", "typo", "meaning_has"),
    [
        ("docker imgae ls", "imgae", "`image`"),
        ("docker pss", "pss", "`ps`"),
        ("docker run --detatch nginx", "--detatch", "--detach"),
        ("docker run -name web nginx", "-name", "--name"),
    ],
)
def test_explain_typo_part_names_the_fix(command: str, typo: str, meaning_has: str) -> None:
    expl = explain(command, "en")
    p = next(p for p in expl.parts if p.text == typo)
    assert meaning_has in p.meaning


def test_explain_typo_keeps_parsing_with_the_fix() -> None:
    expl = explain("docker imgae ls -q", "en")
    q = next(p for p in expl.parts if p.text == "-q")
    assert q.flag == "--quiet"  # -q of image ls
    expl = explain("docker run --detatch -p 80:80 nginx", "en")
    assert [p.role for p in expl.parts][-1] == "image"


@pytest.mark.parametrize(
    "command",
    ["docker ps -a", "docker run -d nginx", "docker compose up -d", "docker image ls"],
)
def test_explain_no_suggestion_when_nothing_is_wrong(command: str) -> None:
    assert explain(command, "en").suggestions == ()


def test_explain_unknown_without_close_match() -> None:
    expl = explain("docker frobnicate now", "en")
    assert expl.suggestions == ()
    assert "docker --help" in expl.parts[1].meaning
    expl = explain("docker run --zzzzzz nginx", "en")
    assert expl.suggestions == ()
    assert "unknown flag" in expl.parts[2].meaning


@pytest.mark.parametrize(
    ("word", "choices", "want"),
    [
        ("imgae", None, "image"),
        ("pss", None, "ps"),
        ("rn", None, "run"),
        ("iamges", None, "images"),
        ("xyzzy", None, None),
        ("detatch", ["detach", "device", "dns"], "detach"),
    ],
)
def test_explain_closest(word: str, choices: list[str] | None, want: str | None) -> None:
    options = choices if choices is not None else list(default_spec().root.children)
    assert closest(word, options) == want
