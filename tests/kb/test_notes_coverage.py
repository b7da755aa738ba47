"""Everything in the team's Docker notes is answerable.

The list below is the notes' content, item by item: each concept and each
command, asked the way the notes describe it, must reach the entry that
covers it (top-1, with confidence), and command entries must carry the
command itself.
"""

from __future__ import annotations

import pytest

from bot.ask.matcher import Matcher
from bot.ask.reference import with_reference
from bot.kb.check import load_knowledge
from bot.settings import Settings

# (what the notes say, a question asked from it, the entry, the command it must show)
NOTES = [
    ("컨테이너 기반 가상화 플랫폼", "도커가 뭐야", "what-is-docker", None),
    ("배경: VMware, VirtualBox, KVM, Xen vs 프로세스 격리", "VM 이랑 도커 차이", "container-vs-vm", None),
    ("[이미지] 실행에 필요한 파일과 설정값", "이미지란", "image-concept", None),
    ("[컨테이너] 이미지를 실행한 상태", "컨테이너란 무엇인가요", "container-concept", None),
    ("이미지 vs 컨테이너", "image vs container", "image-vs-container", None),
    ("이미지 저장방식 - 레이어", "이미지 저장 방식 레이어", "image-layers", None),
    ("이미지 관리방식 - url, 태그", "이미지에 태그 붙이는 이유", "image-tags", None),
    ("Docker hub, Docker Registry", "docker hub 가 뭐야", "docker-hub", None),
    ("DockerFile 에서 버전관리", "Dockerfile 이란", "dockerfile", None),
    ("작업관리자 > 가상화 사용여부 체크", "윈도우 가상화 사용 여부 확인", "windows-virtualization", None),
    ("최신 WSL2 linux kernel", "WSL2 커널 설치", "wsl2-setup", None),
    ("Docker for Windows 설치", "윈도우에 도커 설치", "install-docker-desktop", None),
    ("Docker ID 생성 로그인", "도커 아이디 만들기", "docker-id", None),
    ("Docker lab", "브라우저에서 도커 실습", "play-with-docker", None),
    ("docker -v  한줄 요약 도커 정보", "docker -v", "docker-version-short", "docker -v"),
    ("docker version  자세한 도커 정보", "자세한 도커 정보 보기", "docker-version", "docker version"),
    ("docker image ls  도커 이미지 조회", "도커 이미지 조회", "image-ls", "docker image ls"),
    ("docker login -u {DockerID}", "docker hub 로그인", "login", "docker login"),
    ("docker tag  이미지 새이름으로 복사", "이미지 새 이름으로 복사", "tag", "docker tag"),
    ("docker build -t {image Name} .", "컨테이너 이미지 생성", "build", "docker build -t"),
    (". docker build 종료 명령어", "docker build 끝에 점은 뭐야", "build-context-dot", None),
    ("docker run -d -p 80:80 {image} == -dp", "docker run -dp 80:80", "run-detached-port",
     "docker run -d -p 80:80"),
    ("docker ps  실행중인 컨테이너 조회", "실행중인 컨테이너 조회", "ps", "docker ps"),
    ("docker stop {conID}  컨테이너 중지", "컨테이너 중지", "stop", "docker stop"),
    ("docker rm {conID}  중지된 상태만 제거가능", "중지된 컨테이너 제거", "rm", "docker rm"),
    ("docker rm -f {conID}  컨테이너 즉시 제거", "컨테이너 즉시 제거", "rm-force", "docker rm -f"),
    ("docker push {DockerID}/{registry Name}:tagname", "도커 허브에 이미지 push", "push",
     "docker push"),
    (":tagname 없을 경우 latest", "태그 없으면 latest 인가요", "image-tags", None),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    """Both tiers, as dockbot serves them: the notes' entries must win over the reference."""
    return Matcher(with_reference(load_knowledge(Settings.from_env({}).knowledge_dir)))


@pytest.mark.parametrize(("note", "question", "entry_id", "command"), NOTES)
def test_notes_item_is_answerable(
    matcher: Matcher, note: str, question: str, entry_id: str, command: str | None
) -> None:
    entry = matcher.kb.get(entry_id)
    assert entry is not None, f"no entry covers {note!r}"
    if command is not None:
        assert entry.command is not None and entry.command.startswith(command), entry.command
    answer = matcher.ask(question)
    assert answer.confident, f"{question!r} ({note}) abstained"
    assert answer.best is not None
    assert answer.best.entry.id == entry_id, f"{question!r} -> {answer.best.entry.id}"


def test_notes_entries_cite_the_notes(matcher: Matcher) -> None:
    cited = [e for e in matcher.kb if e.source]
    assert len(cited) >= 20
