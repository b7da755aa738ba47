"""Composed answers: the command plus the flags and values the question asks for."""

from __future__ import annotations

import re

import pytest

from bot.ask.analysis import analyze
from bot.ask.composition import Composer
from bot.ask.matcher import Matcher
from tests.support.matching import answer_of, both_tiers


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return both_tiers()


@pytest.mark.parametrize(
    ("question", "pattern"),
    [
        ("show the last 5 lines of a container's logs", r"^docker logs (.* )?--tail 5\b"),
        ("컨테이너 로그 마지막 20줄만 보기", r"^docker logs (.* )?--tail 20\b"),
        ("follow the logs of one service in docker compose", r"^docker compose logs (.* )?-f\b"),
        ("docker stop with a 30 second timeout", r"^docker stop (.* )?-t 30\b"),
        ("list containers with their sizes", r"^docker ps (.* )?-s\b"),
        ("remove the volumes too when I bring compose down", r"^docker compose down (.* )?-v\b"),
    ],
)
def test_command_gets_the_flags_and_values_asked_for(
    matcher: Matcher, question: str, pattern: str
) -> None:
    a = answer_of(matcher, question)
    assert a.confident and a.best is not None
    assert a.best.command is not None
    assert re.search(pattern, a.best.command), a.best.command


def test_json_flags_list_the_composed_flags_with_values_and_meanings(matcher: Matcher) -> None:
    d = answer_of(matcher, "show the last 5 lines of a container's logs").to_dict()
    answer = d["answer"]
    assert isinstance(answer, dict)
    assert answer["command"] == "docker logs --tail 5 <container>"
    flags = answer["flags"]
    assert isinstance(flags, list)
    assert {"flag": "--tail", "value": "5"}.items() <= flags[0].items()
    assert "lines" in flags[0]["meaning"].lower()


def test_korean_question_gets_korean_flag_meanings(matcher: Matcher) -> None:
    d = answer_of(matcher, "컨테이너 로그 마지막 20줄만 보기").to_dict()
    answer = d["answer"]
    assert isinstance(answer, dict) and isinstance(answer["flags"], list)
    assert re.search(r"[\uac00-\ud7a3]", answer["flags"][0]["meaning"])


@pytest.mark.parametrize(
    "question",
    [
        "list running containers",
        "remove an image",
        "컨테이너 중지",
    ],
)
def test_no_flag_is_added_when_none_is_asked(matcher: Matcher, question: str) -> None:
    a = answer_of(matcher, question)
    assert a.best is not None
    assert a.best.added_flags == ()
    assert a.best.command == a.best.entry.command


@pytest.fixture(scope="module")
def composer(matcher: Matcher) -> Composer:
    return matcher.composer


@pytest.mark.parametrize(
    ("command", "question", "expected"),
    [
        # a quoted flag is always taken when the command has it
        ("docker logs <container>", "docker logs with -t please", "docker logs -t <container>"),
        # a stored example value is replaced by the question's
        ("docker logs --tail 100 <container>", "last 7 lines", "docker logs --tail 7 <container>"),
        # a size keeps its unit, the way docker writes it
        (
            "docker update <container>",
            "set the memory limit to 512MB",
            "docker update --memory 512m <container>",
        ),
        # a flag that takes a value but gets none from the question shows a placeholder
        (
            "docker ps",
            "filter the list of containers",
            "docker ps --filter <filter>",
        ),
    ],
)
def test_composer_rewrites_the_command_line(
    composer: Composer, command: str, question: str, expected: str
) -> None:
    comp = composer.compose(command, question, analyze(question))
    assert comp is not None
    assert comp.command == expected


@pytest.mark.parametrize(
    "command",
    [
        "docker rm -f $(docker ps -aq)",  # a compound line is shown as stored
        "docker compose",  # a command group, not a command
        "kubectl get pods",  # not docker
    ],
)
def test_composer_leaves_lines_it_cannot_rewrite(composer: Composer, command: str) -> None:
    assert composer.compose(command, "all of them with -f", analyze("all of them -f")) is None


def test_a_fresh_matcher_answers_concurrent_first_questions(matcher: Matcher) -> None:
    """A reloaded knowledge base serves requests on many threads at once while its
    composer prepares each command lazily; none may see a half-prepared command."""
    import sys
    import threading

    questions = ["run a container in the background with port 80",
                 "show the last 5 lines of a container's logs", "컨테이너를 멈출 때 30초 기다리기",
                 "build an image with no cache", "list all containers including stopped"]
    errors: list[str] = []
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        for _ in range(10):
            fresh = Matcher(matcher.kb, index=matcher.index)
            start = threading.Barrier(8)

            def ask(i: int, m: Matcher = fresh, b: threading.Barrier = start) -> None:
                b.wait()
                try:
                    m.ask(questions[i % len(questions)], "en")
                except Exception as exc:  # any failure is the finding
                    errors.append(repr(exc))

            threads = [threading.Thread(target=ask, args=(i,)) for i in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
