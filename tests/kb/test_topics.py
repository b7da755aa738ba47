"""Topics every team hits are answered by the entry written for them.

The questions are written for this test; they are neither knowledge-base examples
nor benchmark questions.
"""

from __future__ import annotations

import pytest

from bot.ask.matcher import Matcher, clean_question
from bot.kb.check import load_knowledge
from bot.settings import Settings

# (question, entry that answers it)
TOPICS = [
    ("pull the latest image and recreate the container from it", "upgrade-container-image"),
    ("새로 받은 이미지 버전으로 컨테이너 업데이트", "upgrade-container-image"),
    ("run a graphical X11 application from a docker image", "gui-apps-x11"),
    ("컨테이너 GUI 프로그램을 X11 로 띄우기", "gui-apps-x11"),
    ("what listens on which port inside my container", "container-listening-ports"),
    ("check for /.dockerenv to know if the code runs in a container", "inside-container-check"),
    ("compose.yaml 서비스에 환경변수 두 개 넣으려면", "compose-environment"),
    ("how do I put env vars on a service in compose.yaml", "compose-environment"),
    ("컴포즈 파일 안에서 ${VARIABLE} 기본값 지정", "compose-env-interpolation"),
    ("print every environment variable inside my running container", "container-env-read"),
    ("Dockerfile의 ARG와 ENV는 뭐가 다른가요", "arg-vs-env"),
    ("nvidia gpu 를 컨테이너에 붙여서 실행", "run-gpus"),
    ("reserve gpus for a service in docker compose", "compose-gpus"),
    ("컨테이너 안에서 호스트 PC의 localhost 서비스에 붙기", "host-from-container"),
    ("컨테이너 시간대를 Asia/Seoul로", "container-timezone"),
    ("write a HEALTHCHECK line in my Dockerfile", "dockerfile-healthcheck"),
    ("docker run 할 때 --health-cmd 로 헬스체크", "run-health-cmd"),
    ("healthcheck for postgres in docker compose", "compose-healthcheck"),
    ("컨테이너가 healthy 인지 inspect 로 확인", "health-status"),
    ("docker exec 로 root 권한 쉘 열기", "exec-root"),
    ("back up the data in a named volume to a tar.gz", "volume-backup"),
    ("tar.gz 백업으로 볼륨 복원", "volume-restore"),
    ("named volume vs bind mount, which one for postgres data", "volume-vs-bind-mount"),
    ("--mount type=bind 문법", "run-mount"),
    ("메모리에 임시 폴더 마운트 tmpfs", "run-tmpfs"),
    ("/var/lib/docker 를 다른 디스크로 이전", "change-data-root"),
    ("wsl2 vhdx 가 너무 커서 줄이고 싶어요", "docker-desktop-disk"),
    ("is it safe to mount /var/run/docker.sock into a container", "docker-socket-mount"),
    ("copy vs add in a Dockerfile, which one", "copy-vs-add"),
    ("EXPOSE 랑 -p 옵션은 뭐가 다른가요", "expose-vs-publish"),
    ("shrink my docker image size", "smaller-images"),
    ("install docker engine on ubuntu 24.04 from docker's apt repo", "install-ubuntu"),
    ("rocky linux 에 docker-ce 설치", "install-fedora-rhel"),
    ("get.docker.com 스크립트로 도커 설치", "install-convenience-script"),
    ("run the docker daemon rootless", "rootless-mode"),
    ("우분투에서 도커 완전히 삭제", "uninstall-docker"),
    ("manifest unknown error on docker pull", "manifest-unknown"),
    ("exec format error when starting a container", "exec-format-error"),
    ("컨테이너가 안 꺼지게 sleep infinity", "keep-container-running"),
    ("what does exit code 126 mean for a container", "exit-codes"),
    ("the attribute version is obsolete warning in compose", "compose-version-obsolete"),
    ("docker compose -f 로 override 파일 합치기", "compose-multiple-files"),
    ("found orphan containers for this project 경고", "compose-orphans"),
    ("depends_on 에 condition service_healthy", "compose-depends-on"),
    ("docker compose up --scale worker=4", "compose-scale"),
    ("컴포즈 profiles 로 서비스 골라 띄우기", "compose-profiles"),
    ("docker compose up --force-recreate", "compose-force-recreate"),
    ("docker compose -p 로 프로젝트 이름 지정", "compose-project-name"),
    ("difference between a registry and a repository", "registry-vs-repository"),
    ("run a local registry:2 and push to it", "private-registry"),
    ("컨테이너 로그 용량 제한 max-size", "log-rotation"),
    ("daemon.json log-opts for every container", "daemon-log-config"),
    ("where is the json log file of a container on disk", "log-file-location"),
    ("docker run fails: invalid reference format, repository name must be lowercase", "invalid-reference-format"),
    ("docker hub toomanyrequests 에러 나서 pull 이 안 돼요", "pull-rate-limit"),
    ("docker login gives x509 certificate signed by unknown authority", "x509-unknown-authority"),
    ("도커 데몬에 HTTP_PROXY 설정하는 법", "daemon-proxy"),
    ("docker build --secret 으로 npm 토큰 넘기기", "build-secret"),
    ("containers cannot look up any domain name", "container-no-internet"),
    ("컨테이너에서 외부로 나가는 네트워크가 안 됨", "container-no-internet"),
    ("pulling my private repo fails with access denied", "pull-access-denied"),
    ("rmi says a container is using the image", "image-in-use-by-container"),
    ("nothing comes out of docker logs for my service", "container-logs-empty"),
    ("컴포즈 secrets 로 db 비밀번호 넘기기", "compose-secrets"),
    ("wsl2 가 메모리를 너무 많이 가져가요", "wsl-memory-limit"),
    ("컨테이너가 늘 같은 IP를 쓰게 하려면", "container-static-ip"),
    ("run a container with a fixed ip on my own network", "container-static-ip"),
    ("docker says no such image right after I built it", "no-such-image"),
    ("docker stop 이랑 docker rm 은 뭐가 달라", "stop-vs-rm"),
    ("set a memory limit on a service in docker compose", "compose-resource-limits"),
    ("is unless-stopped set on this container? how do I check", "restart-policy-check"),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_knowledge(Settings.from_env({}).knowledge_dir))


def top_ids(m: Matcher, q: str, n: int) -> list[str]:
    ranked, _ = m.rank(clean_question(q))
    return [c.entry.id for c in ranked[:n]]


@pytest.mark.parametrize(("question", "want"), TOPICS)
def test_topic_is_answered_near_the_top(matcher: Matcher, question: str, want: str) -> None:
    assert matcher.kb.get(want) is not None, f"test names unknown id {want}"
    got = top_ids(matcher, question, 3)
    assert want in got, f"{question!r}: wanted {want}, got {got}"


def test_topics_are_mostly_answered_first_with_confidence(matcher: Matcher) -> None:
    hits = 0
    for question, want in TOPICS:
        answer = matcher.ask(question)
        hits += bool(answer.confident and answer.best and answer.best.entry.id == want)
    assert hits / len(TOPICS) >= 0.8
