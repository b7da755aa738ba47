"""The names a question gives (bot.ask.names)."""

from __future__ import annotations

import pytest

from bot.ask.matcher import without_names
from bot.ask.names import renamed, said_names
from bot.ask.values import find_values


def _names(question: str) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []

    def add(kind: str, text: str, span: tuple[int, int], hint: str = "") -> None:
        assert question[span[0] : span[1]] == text or (kind == "name" and text == "root")
        out.append((kind, text, hint))

    renamed(question, add)
    said_names(question, add)
    return out


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("restart the web service", [("name", "web", "service")]),
        ("a container called cache", [("name", "cache", "name")]),
        ("web이라는 이름으로 띄우기", [("name", "web", "name")]),
        ("whose hostname is worker1", [("hostname", "worker1", "hostname")]),
        ("rename web to api", [("name", "web", "old-name"), ("name", "api", "new-name")]),
        ("exec as root", [("name", "root", "user")]),
        # the container's name after the noun, its image before it
        ("the container api", [("name", "api", "name")]),
        ("the postgres container", [("name", "postgres", "container")]),
    ],
)
def test_names_and_what_they_name(question: str, names: list[tuple[str, str, str]]) -> None:
    assert _names(question) == names


@pytest.mark.parametrize(
    "question",
    ["the container time is wrong", "add volume to a container", "never as root",
     "ports not working in host network mode", "create a named volume",
     "exited 컨테이너 전부 삭제", "compose external network", "컨테이너 cpu 제한 바꾸기",
     "컨테이너 bash 들어가기", "show the newest container", "remove the oldest image",
     "container name already taken", "show which ports a container publishes",
     "why does my container lose its data"],
)
def test_everyday_words_are_no_names(question: str) -> None:
    assert _names(question) == []


def test_a_name_set_to_a_word_is_that_name_not_a_typo() -> None:
    # "name to shop": shop is the name (not "to"), and a name is kept from typo repair
    # (it was read as "stop")
    question = "Set the project name to shop"
    assert [(v.kind, v.text) for v in find_values(question)] == [("name", "shop")]
    assert "shop" not in without_names(question)


@pytest.mark.parametrize("question", ["Start the stack under the project name shop",
                                      "프로젝트 이름을 shop으로 지정"])
def test_a_project_s_name_is_compose_s_project_name(question: str) -> None:
    assert [(v.text, v.hint) for v in find_values(question)] == [("shop", "project-name")]
    assert "shop" not in without_names(question)
