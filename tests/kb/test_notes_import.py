"""`kb import`: notes in the team's style become draft entries, nothing invented."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.errors import InputError
from bot.kb.check import check_knowledge
from bot.kb.notes_import import import_draft, import_notes

NOTES = """\
# docker

## 명령어

docker -v           - 한줄 요약 도커 정보
docker login -u {DockerID}                - Docker Hub 로그인
docker tag {image name} {new image name}  - 이미지 새이름으로 복사

## 실행

Dockerfile          - 이미지 설정 스크립트

docker run -d -p 80:80 {image}         == -dp
-d        - 백그라운드 실행
-p 80:80  - 호스트 포트 80을 컨테이너 포트 80에 매핑
{image}   - 사용할 이미지 이름
"""


def entries(text: str) -> list[dict[str, object]]:
    data = yaml.safe_load(import_notes(text, "notes.md"))
    assert isinstance(data, dict)
    out = data["entries"]
    assert isinstance(out, list)
    return out


def test_commands_terms_and_flags_are_found() -> None:
    es = {e["id"]: e for e in entries(NOTES)}
    assert set(es) == {"docker-v", "login", "tag", "dockerfile", "run"}
    assert es["login"]["command"] == "docker login -u <DockerID>"
    assert es["tag"]["command"] == "docker tag <image-name> <new-image-name>"
    assert es["login"]["source"] == "명령어" and es["run"]["source"] == "실행"
    assert es["dockerfile"]["kind"] == "concept"
    flags = es["run"]["flags"]
    assert [f.get("short") for f in flags] == ["-d", "-p"]  # type: ignore[union-attr]
    assert flags[1]["value"] == "80:80"  # type: ignore[index]
    assert "-dp" in es["run"]["explanation"]["ko"]  # type: ignore[index]
    assert "<image>: 사용할 이미지 이름" in es["run"]["explanation"]["ko"]  # type: ignore[index]


def test_the_other_language_is_left_as_todo_and_fails_kb_check(tmp_path: Path) -> None:
    es = entries(NOTES)
    assert all(str(e["title"]["en"]).startswith("TODO") for e in es)  # type: ignore[index]
    (tmp_path / "draft.yml").write_text(import_notes(NOTES), encoding="utf-8")
    kb, problems = check_knowledge(tmp_path)
    assert len(kb) == 0 and any("draft" in p.message for p in problems)


def test_english_notes_leave_korean_todo() -> None:
    es = entries("## Images\n\ndocker image ls   - list local images\n")
    assert es[0]["title"] == {"en": "list local images", "ko": "TODO: translate"}


def test_ids_stay_unique() -> None:
    es = entries("docker ps - a\ndocker ps -a - b\n")
    assert len({e["id"] for e in es}) == 2


@pytest.mark.parametrize("text", ["", "\n\n", "   \n\t\n"])
def test_empty_notes_are_refused(text: str) -> None:
    with pytest.raises(InputError, match="empty") as exc:
        import_draft(text, "notes.md")
    assert exc.value.exit_code == 2


def test_notes_with_nothing_to_import_are_refused() -> None:
    with pytest.raises(InputError, match=r"No commands or terms found in notes.md \(2 line"):
        import_draft("just prose, no commands\nmore prose\n", "notes.md")


def test_every_skipped_line_is_warned_about_with_its_line_number() -> None:
    text = (
        "# Notes\n"                            # 1 heading: used
        "Some prose about our setup.\n"         # 2 skipped
        "\n"
        "docker image ls  - list images\n"      # 4 command
        "-a  - also intermediate images\n"     # 5 flag
        "just a sentence\n"                    # 6 skipped
        "```\n"                                # 7 fence
        "REPOSITORY   TAG\n"                   # 8 skipped (output in a fence)
        "```\n"
    )
    imported = import_draft(text, "notes.md")
    assert imported.count == 1
    assert [w.split(": skipped")[0] for w in imported.warnings] == [
        "notes.md:2", "notes.md:6", "notes.md:8"]
    assert "Some prose about our setup." in imported.warnings[0]


def test_id_clashes_with_the_knowledge_base_are_reported_at_once() -> None:
    existing = {"image-ls": "knowledge/image.yml:10", "ps": "knowledge/container.yml:3"}
    imported = import_draft(
        "docker image ls - list images\ndocker volume ls - list volumes\n", "n.md", existing)
    data = yaml.safe_load(imported.draft)
    assert [e["id"] for e in data["entries"]] == ["image-ls-2", "volume-ls"]
    assert imported.warnings == (
        "n.md:1: id `image-ls` is already in the knowledge base (knowledge/image.yml:10); "
        "drafted as `image-ls-2`: merge it into that entry or keep the new id",)


def test_real_team_notes_import(tmp_path: Path) -> None:
    seed = Path(__file__).resolve().parents[3] / "shared" / "seed" / "docker-notes.ko.md"
    text = seed.read_text(encoding="utf-8") if seed.exists() else NOTES
    es = entries(text)
    assert len(es) >= 5
    assert all(str(e.get("command", "docker")).startswith("docker") for e in es)


def test_import_speaks_korean_when_asked() -> None:
    with pytest.raises(InputError, match="비어 있어서") as exc:
        import_draft("\n", "notes.md", lang="ko")
    assert "마크다운" in exc.value.user_text()
    with pytest.raises(InputError, match=r"notes.md에서 명령이나 용어를 찾지 못했어요 \(1줄"):
        import_draft("그냥 문장\n", "notes.md", lang="ko")
    imported = import_draft("설명 문장\ndocker ps - 목록\n", "notes.md",
                            {"ps": "knowledge/container.yml:3"}, lang="ko")
    assert imported.warnings == (
        "notes.md:1: 건너뜀, 제목·명령·플래그·`용어 - 설명` 줄이 아니에요: 설명 문장",
        "notes.md:2: id `ps`는 이미 지식 베이스에 있어요 (knowledge/container.yml:3); "
        "`ps-2`로 초안을 만들었어요: 그 항목에 합치거나 새 id를 그대로 쓰세요",
    )
