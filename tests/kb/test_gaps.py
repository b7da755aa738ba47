"""`dockbot kb gaps`: gaps chosen, grouped across languages, ranked, drafted; bad input."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.ask.matcher import THRESHOLD
from bot.cli import main
from bot.errors import InputError
from bot.kb.gaps import (
    LOW_CONFIDENCE_MARGIN,
    build_report,
    group_questions,
    parse_duration,
    read_logs,
)
from bot.kb.notes_import import import_notes
from bot.lang import has_hangul
from bot.questionlog import QuestionLog
from bot.services import Services, load_services
from bot.settings import Settings

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
_ids = iter(f"{n:016x}" for n in range(1, 10**6))


@pytest.fixture(scope="module")
def services() -> Services:
    return load_services(Settings.from_env({}))


def q(question: str, lang: str, *, confident: bool = False, answer: str | None = None,
      score: float | None = None, suggestions: tuple[str, ...] = (), ago: timedelta | None = None,
      qid: str | None = None) -> dict[str, Any]:
    when = NOW - (ago or timedelta(hours=1))
    return {"event": "question", "id": qid or next(_ids),
            "time": when.strftime("%Y-%m-%dT%H:%M:%SZ"), "surface": "slack", "lang": lang,
            "question": question, "confident": confident, "answer": answer,
            "source": "kb" if answer else None, "score": score,
            "suggestions": list(suggestions), "user": None}


def write(path: Path, records: list[dict[str, Any]], extra: str = "") -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records) + extra,
                    encoding="utf-8")
    return str(path)


LOW = round(THRESHOLD + LOW_CONFIDENCE_MARGIN / 2, 3)
HIGH = 0.9


def sample_log() -> list[dict[str, Any]]:
    voted = q("how do I list images", "en", confident=True, answer="image-ls", score=HIGH)
    return [
        q("컨테이너 로그를 실시간으로 계속 보고 싶어", "ko", suggestions=("logs-follow", "logs")),
        q("컨테이너 로그를 실시간으로 계속 보고 싶어", "ko", suggestions=("logs-follow",)),
        q("follow a container's logs live", "en", suggestions=("logs-follow", "compose-logs")),
        q("컨테이너 로그 실시간으로 따라가기", "ko", confident=True, answer="logs-follow",
          score=LOW),
        q("컨테이너 네트워크 대역 바꾸는 법", "ko", confident=True, answer="network-inspect",
          score=LOW, suggestions=("network-create",)),
        q("change docker network subnet", "en", confident=True, answer="network-inspect",
          score=LOW, suggestions=("network-create",)),
        q("오늘 점심 뭐 먹지", "ko"),
        q("컨테이너를 백그라운드에서 실행하려면?", "ko", confident=True, answer="run-detached",
          score=HIGH),
        voted,
        {"event": "feedback", "id": voted["id"], "time": "2026-12-01T11:00:00Z",
         "vote": "down", "entry": "image-ls", "user": None},
    ]


def test_gaps_are_grouped_across_languages_and_ranked(services: Services, tmp_path: Path) -> None:
    contents = read_logs([write(tmp_path / "q.jsonl", sample_log())])
    report = build_report(contents, services.kb, now=NOW)
    assert (report.questions, report.gaps, report.malformed) == (9, 8, [])
    groups = [g.to_dict() for g in report.groups]
    samples = [set(g["samples"]) for g in groups]
    assert samples[:2] == [
        {"컨테이너 로그를 실시간으로 계속 보고 싶어", "follow a container's logs live",
         "컨테이너 로그 실시간으로 따라가기"},
        {"컨테이너 네트워크 대역 바꾸는 법", "change docker network subnet"},
    ]
    assert sorted(map(sorted, samples[2:])) == [["how do I list images"], ["오늘 점심 뭐 먹지"]]
    first = groups[0]
    assert first["count"] == 4 and first["langs"] == {"ko": 3, "en": 1}
    assert first["reasons"] == {"abstained": 3, "low_confidence": 1, "voted_down": 0}
    assert [n["id"] for n in first["nearest"]][:2] == ["logs-follow", "logs"]
    assert first["nearest"][0]["command"] == services.kb.get("logs-follow").command  # type: ignore[union-attr]
    voted = next(g for g in groups if "how do I list images" in g["samples"])
    assert voted["reasons"] == {"abstained": 0, "low_confidence": 0, "voted_down": 1}
    text = json.dumps(groups, ensure_ascii=False)
    assert "컨테이너를 백그라운드에서 실행하려면?" not in text  # confident, high, no 👎


def test_drafts_are_kb_import_drafts_with_both_languages(
    services: Services, tmp_path: Path
) -> None:
    contents = read_logs([write(tmp_path / "q.jsonl", sample_log())])
    draft = build_report(contents, services.kb, now=NOW).groups[0].draft
    imported = yaml.safe_load(import_notes("docker logs -f {container} - 로그 따라가기"))
    assert list(draft) == [*imported["entries"][0], "source"]
    assert draft["id"] not in {e.id for e in services.kb}
    assert draft["command"] == services.kb.get("logs-follow").command  # type: ignore[union-attr]
    assert draft["examples"] == {
        "ko": ["컨테이너 로그를 실시간으로 계속 보고 싶어", "컨테이너 로그 실시간으로 따라가기"],
        "en": ["follow a container's logs live"],
    }
    assert draft["title"] == {"ko": "컨테이너 로그를 실시간으로 계속 보고 싶어",
                              "en": "TODO: translate"}
    assert draft["explanation"] == {"ko": "TODO: write the answer", "en": "TODO: write the answer"}


def test_different_actions_on_the_same_object_stay_apart() -> None:
    contents_rows = [q("delete a container", "en"), q("list containers", "en"),
                     q("컨테이너 로그 삭제", "ko"), q("컨테이너 로그 보기", "ko"),
                     q("도커 이미지 서명 검증하는 법", "ko"), q("도커 이미지 서명 검즘하는 법", "ko")]
    from bot.kb.gaps import _question

    logged = [x for x in (_question(r) for r in contents_rows) if x is not None]
    groups = [sorted(x.question for x in g) for g in group_questions(logged)]
    assert ["도커 이미지 서명 검즘하는 법", "도커 이미지 서명 검증하는 법"] in groups  # a typo
    assert len(groups) == 5


@pytest.mark.parametrize(("text", "seconds"), [
    ("90s", 90), ("30m", 1800), ("12h", 43200), ("7d", 604800), ("2w", 1209600),
    ("1d12h", 129600), ("1D", 86400),
])
def test_durations(text: str, seconds: int) -> None:
    assert parse_duration(text) == timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["", "7", "d", "7 days", "-1d", "0h", "1.5h", "7d!"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(InputError):
        parse_duration(text)


def test_since_keeps_recent_questions_only(services: Services, tmp_path: Path) -> None:
    rows = [q("오늘 점심 뭐 먹지", "ko", ago=timedelta(days=10)),
            q("what is the weather", "en", ago=timedelta(hours=2))]
    contents = read_logs([write(tmp_path / "q.jsonl", rows)])
    report = build_report(contents, services.kb, parse_duration("1d"), now=NOW)
    assert report.questions == 1
    assert [g.samples() for g in report.groups] == [["what is the weather"]]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_shape_and_malformed_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = write(tmp_path / "q.jsonl", sample_log(),
                extra='{"event": "question", "id": 3}\nnot json\n\n[1, 2]\n')
    code, out, err = run(capsys, "kb", "gaps", "--json", "--since", "3650d", log)
    assert code == 0 and err == ""
    data = json.loads(out)
    assert list(data) == ["questions", "gaps", "since", "low_confidence_below", "malformed",
                          "malformed_lines", "groups"]
    assert data["malformed"] == 3 and data["malformed_lines"] == [f"{log}:11", f"{log}:12",
                                                                  f"{log}:14"]
    assert data["since"] == "3650d" and data["gaps"] == 8
    group = data["groups"][0]
    assert list(group) == ["count", "langs", "surfaces", "reasons", "last", "samples", "nearest",
                           "draft"]
    assert set(group["nearest"][0]) == {"id", "title", "command"}


def test_text_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = write(tmp_path / "q.jsonl", sample_log(), extra="{broken\n")
    code, out, _ = run(capsys, "kb", "gaps", log)
    assert code == 0
    assert out.startswith("8 of 9 questions were not answered well, in 4 group(s).\n")
    assert f"skipped 1 malformed line(s): {log}:11" in out
    assert "1. asked 4 time(s) (abstained 3, low confidence 1)" in out
    assert "logs-follow: " in out and "TODO: translate" in out
    start = out.index("     entries:")
    block = out[start:].split("\n\n", 1)[0]
    parsed = yaml.safe_load("\n".join(line[5:] for line in block.splitlines()))
    assert parsed["entries"][0]["source"] == "dockbot kb gaps"


def test_text_report_in_korean_keeps_its_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = write(tmp_path / "q.jsonl", sample_log(), extra="{broken\n")
    _, english, _ = run(capsys, "kb", "gaps", "--since", "3650d", log)
    code, out, _ = run(capsys, "kb", "gaps", "--since", "3650d", "--lang", "ko", log)
    assert code == 0
    assert out.startswith("최근 3650d 동안 질문 9개 중 8개가 제대로 답을 얻지 못했어요 (묶음 4개).\n")
    assert f"형식이 잘못된 줄 1개를 건너뛰었어요: {log}:11" in out
    assert "1. 4번 물어봄 (답하지 못함 3, 확신 낮음 1)" in out
    assert "   가까운 항목:" in out and "   초안 항목 (TODO를 채운 다음 `dockbot kb check`):" in out
    assert "asked" not in out and "nearest entries" not in out
    # the samples, nearest entries and drafts are the same lines in both languages
    def data(text: str) -> list[str]:
        return [line for line in text.splitlines() if line.startswith(("   - ", "     "))]
    assert data(out) == data(english) and data(out)


@pytest.mark.parametrize(("argv", "needle"), [
    (["kb", "gaps", "/nonexistent/q.jsonl"], "Cannot read the question log"),
    (["kb", "gaps", "--since", "soon", "LOG"], "--since 'soon' is not a duration"),
    (["kb", "gaps", "DIR"], "Cannot read the question log"),
])
def test_bad_input_exits_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    log = write(tmp_path / "q.jsonl", sample_log())
    argv = [log if a == "LOG" else str(tmp_path) if a == "DIR" else a for a in argv]
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert needle in err and "Traceback" not in err


def test_no_log_given_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["kb", "gaps"])
    assert exc.value.code == 2 and "LOG" in capsys.readouterr().err


def test_a_real_log_round_trip(services: Services, tmp_path: Path) -> None:
    """Lines written by the question log itself, read back and joined."""
    path = tmp_path / "q.jsonl"
    qlog = QuestionLog(str(path))
    qid = qlog.question(services.matcher.ask("how do I list images"), "ask")
    qlog.question(services.matcher.ask("오늘 점심 뭐 먹지"), "ask")
    qlog.feedback(qid, "down", "image-ls")
    report = build_report(read_logs([str(path)]), services.kb)
    assert report.questions == 2 and report.gaps == 2
    assert {s for g in report.groups for s in g.samples()} == {"how do I list images",
                                                                 "오늘 점심 뭐 먹지"}


def many_questions(services: Services, n: int) -> Iterator[dict[str, Any]]:
    texts = [x for e in services.kb if not e.is_reference for lang in ("ko", "en")
             for x in e.examples.get(lang, ())]
    for i in range(n):
        text = texts[i % len(texts)]
        yield q(text + ("" if i < len(texts) else " 좀"), "ko" if any("가" <= c <= "힣"
                for c in text) else "en", suggestions=("run", "ps"))


def test_a_few_thousand_questions_are_grouped(services: Services, tmp_path: Path) -> None:
    # how long it takes is measured by bench/gaps.py (budget 1 s), not asserted here
    log = write(tmp_path / "big.jsonl", list(many_questions(services, 3000)))
    report = build_report(read_logs([log]), services.kb)
    assert report.gaps == 3000 and len(report.groups) > 50
    # a question asked again with a particle added lands in the group of the first asking
    assert max(len(g.questions) for g in report.groups) >= 2


@pytest.mark.parametrize("since", ["soon", "0d"])
def test_a_bad_since_is_said_in_lang(capsys: pytest.CaptureFixture[str], since: str) -> None:
    code_en, _, en = run(capsys, "kb", "gaps", "--since", since, "LOG")
    code_ko, _, ko = run(capsys, "kb", "gaps", "--since", since, "--lang", "ko", "LOG")
    assert code_en == code_ko == 2
    assert en.startswith(f"dockbot: --since '{since}' is ") and "Traceback" not in en + ko
    assert ko.startswith(f"dockbot: --since '{since}'는 ") and has_hangul(ko)
    assert "is " not in ko
