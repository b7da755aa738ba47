"""The reference tier: every command of the CLI reference is an answer, curated entries win."""

from __future__ import annotations

import pytest

from bot.ask.matcher import Matcher
from bot.ask.reference import display_path, reference_entries, usage_placeholders
from bot.explain.cli_spec import default_spec
from tests.support.matching import answer_of, both_tiers


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return both_tiers()


def test_every_runnable_command_has_one_reference_entry() -> None:
    spec = default_spec()
    runnable = [c for c in spec.walk() if c.path != "docker" and c.usage is not None]
    entries = reference_entries(spec)
    assert len(entries) == len(runnable) > 150
    assert len({e.id for e in entries}) == len(entries)
    for e in entries:
        assert e.is_reference and e.tier == "reference"
        assert e.command and e.command.startswith("docker ")
        assert e.title["en"] and e.title["ko"] and e.explanation["ko"]


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("docker container logs", "docker logs"),
        ("docker container ls", "docker ps"),
        ("docker image rm", "docker rmi"),
        ("docker compose logs", "docker compose logs"),
        ("docker network create", "docker network create"),
    ],
)
def test_display_path_is_the_shortest_alias(path: str, shown: str) -> None:
    spec = default_spec()
    cmd = spec.get(path)
    assert cmd is not None
    assert display_path(spec, cmd) == shown


@pytest.mark.parametrize(
    ("usage", "expected"),
    [
        ("CONTAINER [CONTAINER...]", "<container>"),
        ("IMAGE [COMMAND] [ARG...]", "<image>"),
        ("CONTAINER:SRC_PATH DEST_PATH|-", "<container>:<src-path> <dest-path>"),
        ("[SERVICE...]", ""),
        (None, ""),
    ],
)
def test_usage_placeholders(usage: str | None, expected: str) -> None:
    assert usage_placeholders(usage) == expected


@pytest.mark.parametrize(
    ("question", "command_start"),
    [
        # commands no curated entry is about: the reference tier answers them
        ("how do I create a docker secret", "docker secret create"),
        ("list the nodes of my swarm", "docker node ls"),
        ("도커 플러그인 목록 보기", "docker plugin ls"),
        ("pause every service of my compose project", "docker compose pause"),
    ],
)
def test_reference_tier_answers_what_the_curated_kb_lacks(
    matcher: Matcher, question: str, command_start: str
) -> None:
    a = answer_of(matcher, question)
    assert a.best is not None and a.best.command is not None
    assert a.best.command.startswith(command_start), a.best.command


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("list running containers", "ps"),
        ("컨테이너 로그 보기", "logs"),
        ("remove an image", "rmi"),
        ("docker export a container to a tar file", "export"),
    ],
)
def test_curated_entry_wins_when_both_tiers_fit(
    matcher: Matcher, question: str, entry_id: str
) -> None:
    a = answer_of(matcher, question)
    assert a.confident and a.best is not None
    assert a.best.entry.id == entry_id
    assert a.best.source == "kb"


def test_reference_answers_say_where_they_come_from(matcher: Matcher) -> None:
    a = answer_of(matcher, "how do I create a docker secret")
    assert a.best is not None
    d = a.to_dict()["answer"]
    assert isinstance(d, dict)
    assert d["source"] == "reference"
    assert "reference" in str(d["explanation"]).lower()
