"""Which flags of a command a question asks for (bot.ask.flag_scoring)."""

from __future__ import annotations

import pytest

from bot.ask.analysis import analyze
from bot.ask.flag_scoring import FLAG_THRESHOLD, QUOTED, FlagScorer


@pytest.fixture(scope="module")
def scorer() -> FlagScorer:
    return FlagScorer()


def _asked(scorer: FlagScorer, path: str, question: str) -> list[str]:
    cmd = scorer.spec.get(path)
    assert cmd is not None, path
    return [f.name for s, f in scorer.score_flags(cmd, analyze(question)) if s >= FLAG_THRESHOLD]


def test_a_quoted_flag_is_always_taken(scorer: FlagScorer) -> None:
    cmd = scorer.spec.get("docker container logs")
    assert cmd is not None
    scores = {f.name: s for s, f in scorer.score_flags(cmd, analyze("logs with -t please"))}
    assert scores["--timestamps"] == QUOTED


@pytest.mark.parametrize(
    ("path", "question", "flag"),
    [
        ("docker container logs", "keep following the output", "--follow"),
        ("docker container logs", "마지막 20줄만", "--tail"),
        ("docker container run", "with a higher open file limit", "--ulimit"),
    ],
)
def test_what_the_flag_is_about_asks_for_it(
    scorer: FlagScorer, path: str, question: str, flag: str
) -> None:
    assert _asked(scorer, path, question)[:1] == [flag]


def test_the_best_flag_claims_its_words(scorer: FlagScorer) -> None:
    # "follow" is --follow's; --tail's text says "follow" too but gets no second pick of it
    assert "--tail" not in _asked(scorer, "docker container logs", "follow the logs")


@pytest.mark.parametrize("question", ["docker container", "도커 컨테이너 이미지"])
def test_docker_s_own_words_ask_for_no_flag(scorer: FlagScorer, question: str) -> None:
    assert _asked(scorer, "docker container run", question) == []


def test_exported_data_scores_the_same(scorer: FlagScorer) -> None:
    warm = FlagScorer(data=scorer.export())
    cmd = scorer.spec.get("docker container run")
    assert cmd is not None
    a = analyze("limit the container to 50 processes")
    assert [(round(s, 6), f.name) for s, f in warm.score_flags(cmd, a)] == [
        (round(s, 6), f.name) for s, f in scorer.score_flags(cmd, a)
    ]


@pytest.mark.parametrize(
    ("question", "flag"),
    [
        ("start a container that can write to the folder", "--device-write-iops"),
        ("start redis as a container called cache", "--health-start-interval"),
        # a generic word of a two-word name is not enough either
        ("the container uses a file", "--env-file"),
        ("is there a configuration option for it", "--dns-option"),
        ("ports do not work on my mac", "--mac-address"),
        ("add an extra dns server to a container", "--cap-add"),  # "add" alone is a verb
    ],
)
def test_one_word_of_a_long_flag_name_is_not_what_it_is_about(
    scorer: FlagScorer, question: str, flag: str
) -> None:
    assert flag not in _asked(scorer, "docker container run", question)


def test_two_words_of_a_long_flag_name_ask_for_it(scorer: FlagScorer) -> None:
    assert "--device-write-iops" in _asked(
        scorer, "docker container run", "limit the device write iops"
    )
    assert "--mac-address" in _asked(scorer, "docker container run", "set the mac address")


def test_a_korean_word_said_as_not_to_happen_picks_no_flag(scorer: FlagScorer) -> None:
    # --no-cache through the negated concept; not --cache-from through the word 캐시
    asked = _asked(scorer, "docker image build", "도커 이미지 빌드 시 캐시 사용 안하기")
    assert "--no-cache" in asked and "--cache-from" not in asked


def test_a_one_word_flag_name_asks_for_it_however_common_the_word(scorer: FlagScorer) -> None:
    # "all" is in many of ps's flag texts, but --all is the one flag named so
    assert "--all" in _asked(scorer, "docker container ls", "정지된 컨테이너까지 모든 컨테이너")
    # "password" also names --password-stdin: no sole name
    assert "--password" not in _asked(
        scorer, "docker login", "log in with the password read from standard input"
    )


def test_what_a_flag_text_says_the_default_is_does_not_ask_for_it(scorer: FlagScorer) -> None:
    # ps --all: "모든 컨테이너 표시 (기본은 실행 중인 것만)"; running ones are the default
    assert "--all" not in _asked(scorer, "docker container ls", "실행 중인 컨테이너 이름만 출력")


def test_every_word_of_a_flag_name_asks_for_it(scorer: FlagScorer) -> None:
    # "add" is a verb of --add-host's name, but with "host" it is the whole name
    assert "--add-host" in _asked(
        scorer, "docker container run", "add host db.local pointing at 10.1.2.3"
    )


@pytest.mark.parametrize(
    "question",
    ["limit the container to 50 processes and 512 MB of memory, name it db",
     "메모리 1GB, CPU 2개로 제한하고 재시작 정책은 always", "run it",
     # (a bare "without" weighs 0.7 for --no-healthcheck: less than a flag needs)
     "npm start is not working", "캐시 없이 처음부터 다시 빌드하기"],
)
def test_only_the_flags_asked_for_are_returned(scorer: FlagScorer, question: str) -> None:
    cmd = scorer.spec.get("docker container run")
    assert cmd is not None
    a = analyze(question)
    scores = scorer.score_flags(cmd, a)
    assert all(s >= FLAG_THRESHOLD for s, _ in scores)
    # derived once per analysis: asked again, the same answer
    assert scorer.score_flags(cmd, a) == scores
    if "limit" in question or "제한" in question:
        assert scores


def test_every_command_can_be_prepared_ahead_and_scores_the_same() -> None:
    ahead, lazy = FlagScorer(), FlagScorer()
    ahead.prepare_all()
    runnable = [c for c in ahead.spec.walk() if not c.is_group]
    assert len(runnable) > 100
    assert all(ahead.is_prepared(c.path) for c in runnable)
    assert not lazy.is_prepared("docker container run")
    for path, question in [("docker container run", "limit it to 2 CPUs, restart always"),
                           ("docker container logs", "마지막 50줄만 계속 따라가며")]:
        cmd = ahead.spec.get(path)
        assert cmd is not None
        a = analyze(question)
        assert ahead.score_flags(cmd, a) == lazy.score_flags(cmd, a) != []


@pytest.mark.parametrize(
    ("path", "question"),
    [("docker container run", "limit it to 2 CPUs, 512 MB and restart always, name it db"),
     ("docker container logs", "마지막 50줄만 시간과 함께 계속 보기"),
     ("docker image prune", "remove everything unused older than a day")],
)
def test_what_flags_cover_is_part_of_their_vocabulary(
    scorer: FlagScorer, path: str, question: str
) -> None:
    # (the matcher asks for the coverage only when a missing word is in the vocabulary)
    cmd = scorer.spec.get(path)
    assert cmd is not None
    covered = scorer.covered(cmd, analyze(question))
    assert covered and covered <= scorer.vocabulary(cmd)
