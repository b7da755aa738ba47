"""The words people use for flags (bot/ask/flag_hints.yml): well formed, and used."""

from __future__ import annotations

import re

import pytest

from bot.ask.analysis import analyze
from bot.ask.composition import Composer
from bot.ask.hints import flag_hints, parse_hints
from bot.explain.cli_spec import default_spec
from tests.support.matching import both_tiers

# alone, these say nothing about which flag is meant
_GENERIC = {
    "file", "files", "name", "names", "show", "list", "all", "container", "containers",
    "image", "images", "run", "set", "use", "파일", "이름", "보기", "목록", "전부", "컨테이너",
    "이미지", "실행", "설정",
}


def test_every_hint_names_a_real_flag_in_both_languages() -> None:
    spec = default_spec()
    hints = flag_hints()
    assert hints, "no flag hints shipped"
    for (path, long), by_lang in hints.items():
        cmd = spec.get(path)
        assert cmd is not None and not cmd.is_group, path
        assert cmd.flag_by_long(long) is not None, f"{path} --{long}"
        assert by_lang["en"] and by_lang["ko"], f"{path} --{long}"
        for phrase in by_lang["ko"]:
            assert re.search("[가-힣]", phrase) or re.fullmatch(r"[A-Za-z0-9_.-]+", phrase), phrase
        for phrase in (*by_lang["en"], *by_lang["ko"]):
            assert phrase.lower() not in _GENERIC, f"{path} --{long}: {phrase!r}"
            assert any(k[0] in "cwkx" for k in analyze(phrase).features), phrase


@pytest.mark.parametrize(
    "text",
    [
        "- not a mapping",
        "docker container run: [ulimit]",
        "docker container run:\n  ulimit:\n    en: open files\n",
        "docker container run:\n  ulimit:\n    en: ['', x]\n",
    ],
)
def test_a_malformed_hints_file_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="flag hints"):
        parse_hints(text)


@pytest.fixture(scope="module")
def composer() -> Composer:
    return both_tiers().composer


@pytest.mark.parametrize(
    ("command", "question", "flag"),
    [
        ("docker run <image>", "with a higher open file limit", "--ulimit"),
        ("docker run <image>", "열 수 있는 파일 개수를 늘려서", "--ulimit"),
        ("docker compose up", "without building any image", "--no-build"),
    ],
)
def test_a_hint_asks_for_its_flag(composer: Composer, command: str, question: str,
                                  flag: str) -> None:
    comp = composer.compose(command, question, analyze(question))
    assert comp is not None and flag in comp.command.split(), comp


def test_a_hint_of_common_words_asks_for_nothing(composer: Composer) -> None:
    # "docker in docker" (--privileged) is only Docker's name once "in" is dropped, and
    # "cpu" alone is in the texts of every cpu limit: neither says which flag is meant
    for command, question in (("docker run <image>", "docker run in docker"),
                              ("docker update <container>", "its cpu")):
        comp = composer.compose(command, question, analyze(question))
        assert comp is None or "--privileged" not in comp.command, comp
        assert comp is None or "--cpuset-cpus" not in comp.command, comp


def test_a_hint_is_read_whatever_the_title_of_the_answer_says() -> None:
    # the curated "Limit memory and CPU" answer: its title's words (memory) still let
    # "memory plus swap" ask for --memory-swap, and both sizes go where they belong; a long
    # question is composed from all of it, not from the clause that ranked best
    a = both_tiers().ask("run a container with 512 MB of memory and 1 GB of memory plus swap")
    assert a.best is not None and a.best.command is not None
    assert "--memory 512m" in a.best.command and "--memory-swap 1g" in a.best.command


@pytest.mark.parametrize(
    ("question", "pattern"),
    [
        # what only a flag of `docker run` explains picks run over `docker top` (processes)
        ("start a container that may run at most 50 processes", r"^docker run --pids-limit 50\b"),
        ("start a new container with extra group audio", r"^docker run --group-add\b"),
    ],
)
def test_what_a_command_s_flags_explain_picks_the_command(question: str, pattern: str) -> None:
    a = both_tiers().ask(question)
    assert a.confident and a.best is not None and a.best.command is not None
    assert re.search(pattern, a.best.command), a.best.command
