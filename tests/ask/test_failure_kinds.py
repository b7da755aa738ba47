"""The kinds of question that real users post and the matcher used to get wrong.

One parametrized case list per kind (the issue that collected them names the kinds, not
these sentences): decorations, long preambles and pasted errors, X-vs-Y, context words,
false friends, on-topic questions without a Docker noun. The questions are written for
these tests; none is a knowledge-base example or a benchmark question.
"""

from __future__ import annotations

import re

import pytest

from bot.ask.matcher import Matcher
from bot.ask.phrasing import clauses, focus
from tests.support.matching import answer_of, both_tiers, shown_commands


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return both_tiers()


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("[Docker] 컨테이너 로그 확인하는 방법", "컨테이너 로그 확인하는 방법"),
        ("【도커】 3편. 이미지 태그 붙이기", "이미지 태그 붙이기"),
        ("5장. 도커 볼륨", "도커 볼륨"),
        ("9. docker ps 명령어", "docker ps 명령어"),
        ("Q. 컨테이너 재시작", "컨테이너 재시작"),
        ("How to list containers - Stack Overflow", "How to list containers"),
        ("도커 네트워크 정리 | 티스토리", "도커 네트워크 정리"),
        ("docker ps -a", "docker ps -a"),  # nothing to take off
        ("80:80 포트", "80:80 포트"),  # a number that is not a list marker
        # the prefix every engine error starts with says nothing of which error
        ("docker: Error response from daemon: No such container: web", "No such container: web"),
        ("Error: No such image: myapp", "No such image: myapp"),
    ],
)
def test_focus_takes_off_decorations(raw: str, clean: str) -> None:
    assert focus(raw) == clean


def test_clauses_split_only_long_questions() -> None:
    assert clauses("list running containers") == []
    parts = clauses(
        "I moved the app to a new server last week, and now I need to see the logs of the "
        "web container. How do I do that?"
    )
    assert any("logs of the web container" in p for p in parts)


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("[Docker] 컨테이너 로그 확인하는 방법", "logs"),
        ("5장. 도커 볼륨 만들기", "volume-create"),
        ("How to list running containers - Stack Overflow", "ps"),
        # a pasted error with the question around it
        (
            "Got permission denied while trying to connect to the Docker daemon socket at "
            "unix:///var/run/docker.sock, what should I do?",
            "docker-sock-permission",
        ),
        # X vs Y: the comparison, not a generic concept
        ("difference between CMD and ENTRYPOINT", "run-cmd-entrypoint"),
        ("COPY vs ADD in a Dockerfile", "copy-vs-add"),
        ("이미지와 컨테이너의 차이", "image-vs-container"),
        # a setting inside the image is the Dockerfile's, not a run option
        ("set the default user in the image", "dockerfile-user"),
        ("이미지 안에서 기본 작업 폴더를 바꾸고 싶어요", "dockerfile-workdir"),
        ("set the working directory inside the image", "dockerfile-workdir"),
        # the usage of running containers is stats, not the list of them
        ("실행 중인 컨테이너의 메모리 사용량 보기", "stats"),
        # a shell run in the container named before it is docker exec
        ("web 컨테이너에 root로 bash 실행", "exec-root"),
        # the internet out of a container is not the host seen from it
        ("Docker container can't reach the internet but host can", "container-no-internet"),
        ("컨테이너가 외부 네트워크에 못 나가요", "container-no-internet"),
        # the container made last is ps -l, not the last lines of a log
        ("How to get the id of the last started container", "ps-latest"),
        # a registry of a cloud or of GitHub has a login of its own
        ("how do I docker login to ghcr with my github token", "login-ghcr"),
        ("ECR 레지스트리에 도커로 로그인", "login-cloud-registry"),
        ("docker login says my password is stored unencrypted", "login-credential-store"),
        # an environment variable set in the image is the Dockerfile's ENV
        ("how to set an environment variable in a Dockerfile", "dockerfile-env"),
        ("도커파일 환경변수 설정", "dockerfile-env"),
        # how an image runs is the Dockerfile's when the question says Dockerfile
        ("도커파일에서 일반 사용자로 실행", "dockerfile-user"),
        # a published port that does not answer
        ("localhost로 컨테이너 접속이 안 돼요", "port-not-answering"),
        ("connection refused when accessing docker container port", "port-not-answering"),
        # three objects named or more are all of them: docker system
        ("Show disk usage by images, containers and volumes in detail", "system-df"),
    ],
)
def test_real_phrasing(matcher: Matcher, question: str, entry_id: str) -> None:
    a = answer_of(matcher, question)
    assert a.confident and a.best is not None
    assert a.best.entry.id == entry_id


@pytest.mark.parametrize(
    ("question", "pattern"),
    [
        # compose context moves the answer to the compose variant
        ("restart a service in docker compose", r"^docker compose restart\b"),
        ("컴포즈로 로그 보기", r"^docker compose logs\b"),
        ("run a one-off compose container in the background", r"^docker compose run\b.* -d\b"),
        ("compose run 으로 임시 컨테이너 띄워서 백그라운드로", r"^docker compose run\b.* -d\b"),
        # image vs container
        ("force remove an image", r"^docker rmi -f\b"),
        pytest.param(
            "forcefully delete docker image",
            r"^docker rmi -f\b",
            marks=pytest.mark.xfail(
                strict=True, reason="known: an 'all images forcefully' example outranks rmi -f"
            ),
        ),
        ("이미지 강제 삭제", r"^docker rmi -f\b"),
        ("컨테이너 강제 삭제", r"^docker rm -f\b"),
        ("force remove a container", r"^docker rm -f\b"),
        # no compose word: the plain command, not its compose variant
        ("빌드 하기", r"^docker (image )?build\b"),
        ("docker ps -a with names only", r"^docker (container )?ps\b"),
        ("compose로 이미지 다시 빌드", r"^docker compose build\b"),
        # a command group's commands answer questions naming the group ("plugin push")
        ("pushing to a private registry", r"^docker (image )?push\b"),
        ("push a plugin to the registry", r"^docker plugin push\b"),
        # an error about a name that is taken: free the name
        ("Error: the container name is already in use", r"^docker rm -f\b"),
    ],
)
def test_context_words_pick_the_variant(matcher: Matcher, question: str, pattern: str) -> None:
    a = answer_of(matcher, question)
    assert a.confident and a.best is not None and a.best.command is not None
    assert re.search(pattern, a.best.command), a.best.command


@pytest.mark.parametrize(
    "question",
    [
        "how do I export a MySQL database to a file",
        "what are the contents of a file in linux",
        "git tag a commit",
        # other kinds of containers and images, other machines
        "Qt container classes and their iterators",
        "a picture does not show in the html img tag",
        "copy a file out of a vagrant box",
        "k3s pods stuck in pending",
        # containers, images and registries of other things
        "jetpack compose image does not load in the container layout",
        "regedit registry key to start a program at login",
        "attach a new ebs volume to a running instance",
        # the host's firewall, even with a port that -p would take
        "방화벽에서 8080 포트 열기",
        "open port 3000 in the firewall",
        pytest.param(
            "how big is a 40 foot shipping container",
            marks=pytest.mark.xfail(
                strict=True, reason="known: 'container' alone anchors the question in Docker"
            ),
        ),
        "help",
    ],
)
def test_false_friends_are_not_answered(matcher: Matcher, question: str) -> None:
    assert not answer_of(matcher, question).confident


@pytest.mark.parametrize(
    "question",
    [
        "how to pass environment variables",
        "exit code 137",
        "healthcheck",
        "로그 용량 제한",
        "ENTRYPOINT or CMD",  # a Dockerfile instruction names Docker
        "exec user process caused: exec format error",
        # a pasted error trace naming a Go source file and linux is not about Go or Linux
        'standard_init_linux.go:228: exec user process caused: "exec format error"',
    ],
)
def test_on_topic_without_a_docker_noun_gets_an_answer_or_suggestions(
    matcher: Matcher, question: str
) -> None:
    a = answer_of(matcher, question)
    assert a.confident or a.alternatives
    assert shown_commands(a) or a.best is not None


def test_one_docker_word_without_a_value_keeps_the_higher_bar(matcher: Matcher) -> None:
    a = matcher.ask("서브넷 마스크 255.255.255.0 계산")
    assert not a.confident


def test_a_pasted_error_is_answered_as_a_whole(matcher: Matcher) -> None:
    # the error's own advice ("remove (or rename) that container") is one clause of it; the
    # whole message is the name conflict, and the name quoted in it is no --name value
    a = matcher.ask('docker: Error response from daemon: Conflict. The container name "/web" '
                    'is already in use by container "abc". You have to remove (or rename) '
                    "that container to be able to reuse that name.")
    assert a.best is not None and a.best.entry.id == "container-name-in-use", a.best


def test_a_failing_build_step_is_answered_with_its_entry(matcher: Matcher) -> None:
    # a pasted BuildKit error: the RUN step's own failure, and the shell's "-c" is no
    # flag of docker build (--cpu-shares)
    a = matcher.ask('ERROR: failed to solve: process "/bin/sh -c pip install -r req.txt" '
                    "did not complete successfully: exit code: 2")
    assert a.best is not None and a.best.entry.id == "build-step-failed", a.best
    assert a.best.command is not None and "--cpu-shares" not in a.best.command


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # a container that stops by itself is a symptom to explain
        ("컨테이너 실행하자마자 종료됨", False),
        ("컨테이너가 계속 꺼져요", False),
        ("my container keeps exiting", False),
        # and a stop asked for is still one
        ("컨테이너 종료", True),
        ("stop the container immediately", True),
    ],
)
def test_a_container_that_stops_by_itself_is_no_stop_asked_for(
    matcher: Matcher, question: str, asked: bool
) -> None:
    a = answer_of(matcher, question)
    first = a.best if a.best is not None else a.alternatives[0]
    command = first.command or ""
    assert (command.startswith(("docker stop", "docker kill"))) == asked, command


def test_naming_many_objects_asks_about_all_of_them(matcher: Matcher) -> None:
    a = answer_of(matcher, "remove unused images, containers, networks and volumes")
    first = a.best if a.best is not None else a.alternatives[0]
    assert (first.command or "").startswith("docker system prune"), first.command
