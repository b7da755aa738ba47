"""--format templates from the columns a question names (bot/ask/templates.py)."""

from __future__ import annotations

import pytest

from bot.ask.analysis import analyze
from bot.ask.composition import Composer
from bot.ask.templates import format_template
from tests.support.matching import both_tiers


@pytest.mark.parametrize(
    ("path", "question", "value"),
    [
        ("docker container stats", "이름, CPU%, 메모리 사용량 열만 출력",
         "table {{.Name}}\\t{{.CPUPerc}}\\t{{.MemUsage}}"),
        ("docker container ls", "only the names and status", "table {{.Names}}\\t{{.Status}}"),
        ("docker container ls", "show only container names", "{{.Names}}"),
        ("docker container ls", "컨테이너 이름만 출력", "{{.Names}}"),
        ("docker image ls", "저장소:태그 형식으로만 출력", "table {{.Repository}}\\t{{.Tag}}"),
        ("docker container inspect", "상태(State.Status)만 뽑기", "{{.State.Status}}"),
        # not a list of columns: an image the containers come from, and no "only"
        ("docker container ls", "only containers created from the nginx image", None),
        ("docker container ls", "names and status of every container", None),
        # the IDs alone are -q's
        ("docker image ls", "print only the IDs", None),
        ("docker volume ls", "print the volume names only", None),
        # a command without a table of columns
        ("docker container logs", "only the names", None),
    ],
)
def test_the_columns_named_make_the_template(path: str, question: str, value: str | None) -> None:
    got = format_template(path, question)
    assert (got.value if got else None) == value


@pytest.fixture(scope="module")
def composer() -> Composer:
    return both_tiers().composer


def test_a_stored_template_is_replaced_whole(composer: Composer) -> None:
    command = 'docker ps --format "table {{.Names}}\\t{{.Status}}\\t{{.Ports}}"'
    question = "only the names and images"
    comp = composer.compose(command, question, analyze(question))
    assert comp is not None
    assert comp.command == 'docker ps --format "table {{.Names}}\\t{{.Image}}"'
    assert [f.flag for f in comp.flags] == ["--format"]  # listed once


def test_the_template_comes_before_quiet(composer: Composer) -> None:
    question = "list only the names and ports, quietly"
    comp = composer.compose("docker ps", question, analyze(question))
    assert comp is not None
    assert comp.command == 'docker ps --format "table {{.Names}}\\t{{.Ports}}"'
