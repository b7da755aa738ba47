"""Text analysis: the features the matcher compares."""

from __future__ import annotations

import pytest

from bot.ask.analysis import analyze


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        # a long flag written straight after a short one is a flag of its own
        ("add -w--workdir= option to compose run", {"f:-w", "f:--workdir"}),
        ("-d로 실행", {"f:-d"}),  # a Korean particle right after a flag
        ("docker run --rm -it", {"f:--rm", "f:-it", "f:-i", "f:-t"}),
        # the shell's flag in "sh -c" is not Docker's; a script's name is no shell
        ('RUN "/bin/sh -c npm install" failed', set()),
        ("get-docker.sh --dry-run", {"f:--dry-run"}),
    ],
)
def test_flags_written_in_a_question(text: str, flags: set[str]) -> None:
    assert {k for k in analyze(text).features if k.startswith("f:")} == flags


def test_the_daemon_is_not_running_in_the_background() -> None:
    assert "c:background" not in analyze("Error response from daemon: Conflict").features
    assert "c:background" in analyze("run nginx as a daemon").features


def test_spacing_does_not_change_the_concepts() -> None:
    spaced = analyze("실행 중인 컨테이너 조회")
    unspaced = analyze("실행중인컨테이너조회")
    concepts = {k for k in spaced.features if k.startswith("c:")}
    assert concepts == {k for k in unspaced.features if k.startswith("c:")}
    assert {"c:running", "c:container", "c:list"} <= concepts


def test_longest_concept_wins() -> None:
    feats = analyze("도커 허브 로그인").features
    assert "c:login" in feats and "c:log" not in feats


def test_synonyms_meet_across_languages() -> None:
    for text in ("삭제", "지우기", "get rid of", "delete", "remove"):
        assert "c:remove" in analyze(text).features, text


def test_flag_case_is_kept() -> None:
    assert "f:-P" in analyze("what is -P").features
    assert "f:-p" in analyze("what is -p 80:80").features


def test_topic_signals() -> None:
    assert analyze("git commit 하는 법").foreign
    assert not analyze("git commit 하는 법").anchored
    assert analyze("도커 이미지").anchored
    assert not analyze("how do I restart my computer").on_topic
    assert analyze("컨테이너 재시작").on_topic


@pytest.mark.parametrize(
    ("text", "anchored"),
    [
        ("ENTRYPOINT or CMD for my start script", True),  # instructions as Dockerfiles write them
        ("WORKDIR 와 RUN cd 차이", True),
        ("how do i add a copy of my notes", False),  # the same words in lower case say nothing
        ("HOW TO ADD A USER", False),  # a shouted sentence is not a Dockerfile
    ],
)
def test_dockerfile_instructions_anchor_a_question(text: str, anchored: bool) -> None:
    a = analyze(text)
    assert a.anchored is anchored and a.named_docker is anchored


def test_a_tool_named_inside_a_file_name_is_no_other_topic() -> None:
    pasted = analyze('standard_init_linux.go:211: exec user process caused "exec format error"')
    assert not pasted.foreign
    assert analyze("exec format error on linux").foreign  # the word itself still counts


def test_korean_loanwords_spelt_two_ways_meet() -> None:
    assert analyze("작업 디렉토리 바꾸기").features == analyze("작업 디렉터리 바꾸기").features
    assert "c:workdir" in analyze("작업 디렉터리를 /src 로").features


@pytest.mark.parametrize("text", ["start a new nginx container", "새 컨테이너에 라벨 붙이기"])
def test_a_new_container_is_one_that_is_run(text: str) -> None:
    assert "c:run" in analyze(text).features


def test_technical_terms_are_docker_words() -> None:
    assert analyze("tmpfs 로 메모리에 마운트").domain_signals >= 2
    assert analyze("overlay network with an ingress").domain_signals >= 2


def test_concepts_are_found_in_inflected_words() -> None:
    # "streaming" says what "stream" says; "running" stays the state it names
    assert "c:follow" in analyze("stop streaming the numbers").features
    assert "c:name" in analyze("print the names").features
    running = analyze("kill the running container").features
    assert "c:running" in running and "c:run" not in running


def test_an_instruction_in_capitals_is_a_term_of_its_own() -> None:
    assert "i:CMD" in analyze("CMD 인스트럭션").features
    assert not any(k.startswith("i:") for k in analyze("open a cmd window").features)


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("run it without starting the dependencies", True),
        ("묻지 않고 삭제", True),
        ("don't truncate the output", True),
        ("show the notes", False),  # "no" inside a word is no negation
        ("컨테이너 목록", False),
        ("캐시 사용 안 하고 빌드", True),  # the short Korean negation
        ("안 쓰는 이미지 정리", False),  # unused ones: no request to leave anything out
        ("컨테이너 안에 들어가기", False),  # 안 is also "inside"
    ],
)
def test_a_request_to_leave_something_out_is_marked(text: str, negated: bool) -> None:
    assert ("x:not" in analyze(text).features) is negated


@pytest.mark.parametrize(
    ("text", "installs_docker"),
    [
        ("install curl inside a container", False),
        ("컨테이너 안에 vim 설치", False),
        ("install docker on ubuntu", True),
        ("install docker desktop", True),
    ],
)
def test_installing_into_a_container_is_not_installing_docker(
    text: str, installs_docker: bool
) -> None:
    features = analyze(text).features
    assert ("c:install" in features) is installs_docker
    assert ("c:dockerfile" in features) is not installs_docker


@pytest.mark.parametrize(
    ("text", "dockerfile"),
    [
        ("set the working directory in the image", True),
        ("make the image run as a non-root user", True),
        ("이미지 안에서 기본 사용자 정하기", True),
        ("show the environment variables baked into an image", False),
        ("set the working directory of a container", False),
        # a setting made while the image is built is the Dockerfile's too
        ("도커 이미지 만들 때 시간대 설정", True),
        ("when building the image, set the timezone", True),
        # but not what docker build's own options set
        ("이미지 빌드할 때 태그 지정", False),
        ("빌드할 때 빌드 인자 넣기", False),
    ],
)
def test_a_setting_written_into_the_image_is_the_dockerfiles(text: str, dockerfile: bool) -> None:
    assert ("c:dockerfile" in analyze(text).features) is dockerfile


def test_plural_docker_objects_anchor_a_question() -> None:
    assert analyze("pushing to private registries").anchored
    assert analyze("where do named volumes live").anchored


@pytest.mark.parametrize(
    ("text", "negated", "kept"),
    [
        ("leave the container without stopping it", "stop", "container"),
        ("빌드하지 않고 서비스만 띄우기", "build", "service"),
        ("run it without the cache", "cache", "run"),
        ("캐시 사용 안하기로 이미지 빌드", "cache", "build"),
        # what is left alone
        ("중지된 컨테이너 삭제 (볼륨은 건드리지 않는다)", "volume", "remove"),
        ("이미지는 남기고 컨테이너만 삭제", "image", "container"),
        ("remove the compose containers but keep the volumes", "volume", "container"),
        ("prune everything except images", "image", "prune"),
    ],
)
def test_what_is_not_to_happen_is_a_negated_concept(text: str, negated: str, kept: str) -> None:
    features = analyze(text).features
    assert f"n:{negated}" in features and f"c:{negated}" not in features
    assert f"c:{kept}" in features


def test_a_concept_also_said_plainly_is_not_negated() -> None:
    # "stop" is asked for, and "without" negates only "waiting"
    features = analyze("stop the container without waiting").features
    assert "c:stop" in features


@pytest.mark.parametrize(
    ("text", "prune"),
    [
        ("[Docker] 볼륨 마운트 정리", False),  # a blog title's summary
        ("도커 명령어 총정리", False),
        ("안 쓰는 이미지 정리", True),  # a clean-up
        ("Docker 시스템 정리", True),
        ("볼륨 정리하기", True),
    ],
)
def test_a_summary_is_no_clean_up(text: str, prune: bool) -> None:
    assert ("c:prune" in analyze(text).features) is prune


@pytest.mark.parametrize(
    ("text", "line"),
    [("이미지 크기 줄이기", False), ("용량 줄여줘", False), ("로그 마지막 20줄", True)],
)
def test_reducing_is_not_a_line(text: str, line: bool) -> None:
    # 줄이다 (reduce) starts like 줄 (a line of output)
    assert ("c:line" in analyze(text).features) is line


def test_the_daemon_is_a_docker_object() -> None:
    assert "c:daemon" in analyze("restart the docker daemon").features
    assert "c:daemon" in analyze("도커 데몬 재시작").features


def test_an_image_with_its_tag_is_a_docker_word() -> None:
    assert analyze("tag myapp:latest as myuser/myapp:1.0").domain_signals >= 2
    # a host and port, or a drive letter, is no image
    assert analyze("connect to localhost:8080").domain_signals == 0
    assert analyze("c:drive is full").domain_signals == 0


@pytest.mark.parametrize("text", ["mysql 컨테이너 데이터 유지", "keep the data when the container is removed"])
def test_keeping_data_past_the_container_is_a_concept(text: str) -> None:
    assert "c:persist" in analyze(text).features


def test_taking_a_tag_off_is_removing() -> None:
    assert "c:remove" in analyze("이미지 태그만 떼려면?").features


@pytest.mark.parametrize("text", ["컴포즈 파일 두 개 같이 쓰기", "use multiple compose files", "여러 컨테이너"])
def test_more_than_one_is_a_concept(text: str) -> None:
    assert "c:several" in analyze(text).features


@pytest.mark.parametrize("text", ["항상 재시작되도록 실행", "죽으면 다시 띄우게 실행"])
def test_what_a_container_is_to_do_by_itself_is_a_restart_policy(text: str) -> None:
    assert "c:restart-policy" in analyze(text).features


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("restart on failure at most 3 times", True),
        ("실패하면 3회까지 재시작하는 nginx", True),
        ("keep restarting it unless I stop it", True),
        ("restart the web container", False),
        ("컨테이너 재시작", False),
    ],
)
def test_a_restart_on_a_condition_is_a_restart_policy(text: str, policy: bool) -> None:
    features = analyze(text).features
    assert ("c:restart-policy" in features) is policy
    assert ("c:restart" in features) is not policy


def test_features_come_in_the_same_order_in_every_process() -> None:
    # scores are summed in the features' order: a set's order, which changes with the
    # process's hash seed, would break ties between answers differently on each replica
    import os
    import subprocess
    import sys

    code = ("from bot.ask.analysis import analyze; "
            "print(list(analyze('컴포즈 서비스 컨테이너 ID만 출력, without the cache').features))")
    orders = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(orders) == 1, orders


@pytest.mark.parametrize(
    ("text", "concept", "said"),
    [
        # name resolution is a concept of its own
        ("containers cannot resolve domain names", "c:dns", True),
        ("컨테이너 네임서버 설정", "c:dns", True),
        # building again is building
        ("How to rebuild docker image", "c:build", True),
        ("rebuild it after a change", "c:build", True),
        # something run in a container named before it is run in that container: exec;
        # a new container, or one named as a name, is run, not entered
        ("web 컨테이너에 root로 bash 실행", "c:exec", True),
        ("api 컨테이너 안에서 마이그레이션 스크립트 돌리기", "c:exec", True),
        ("nginx 컨테이너 실행", "c:exec", False),
        ("nginx를 컨테이너에서 실행", "c:exec", False),
        # "전부터" (since before) holds "전부" (all): a since is no request for every object
        ("10분 전부터 로그 보기", "c:all", False),
        ("컨테이너 전부 중지", "c:all", True),
        # "올리기" brings services up; it pushes an image
        ("db 서비스만 컴포즈로 올리기", "c:push", False),
        ("서비스 하나만 캐시 없이 다시 빌드해서 올리기", "c:push", False),
        ("이미지 올리기", "c:push", True),
        ("컴포즈 서비스 이미지 허브에 올리기", "c:push", True),
    ],
)
def test_what_words_say_in_their_context(text: str, concept: str, said: bool) -> None:
    assert (concept in analyze(text).features) == said


def test_a_dockerignore_is_docker_s_own_word() -> None:
    a = analyze(".dockerignore not working")
    assert a.anchored and a.named_docker
