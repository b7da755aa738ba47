"""The question log: line shape, masking, hashed users, feedback, threads, every CLI surface."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.errors import ConfigError
from bot.kb.gaps import read_logs
from bot.questionlog import QuestionLog, log_for, mask_question, record
from bot.services import Services, load_services
from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SALT = "a-long-enough-salt-for-tests-0123"
KEYS = ["event", "id", "time", "surface", "lang", "question", "confident", "answer", "source",
        "score", "suggestions", "user"]


@pytest.fixture(scope="module")
def services() -> Services:
    return load_services(Settings.from_env({}))


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_confident_and_an_abstained_question_as_lines(services: Services, tmp_path: Path) -> None:
    qlog = QuestionLog(str(tmp_path / "q.jsonl"))
    sure = services.matcher.ask("컨테이너를 백그라운드에서 실행하려면?")
    unsure = services.matcher.ask("오늘 점심 뭐 먹지")
    ids = [qlog.question(sure, "ask"), qlog.question(unsure, "chat")]
    first, second = lines(tmp_path / "q.jsonl")
    assert list(first) == KEYS and list(second) == KEYS
    assert [first["id"], second["id"]] == ids and ids[0] != ids[1]
    assert first["surface"] == "ask" and first["lang"] == "ko" and first["confident"] is True
    assert sure.best is not None and first["answer"] == sure.best.entry.id
    assert first["source"] == "kb" and 0 < first["score"] <= 1
    assert first["suggestions"] == [c.entry.id for c in sure.alternatives]
    assert first["time"].endswith("Z") and first["user"] is None
    assert second["confident"] is False and second["answer"] is None
    assert second["score"] is None and second["question"] == "오늘 점심 뭐 먹지"


def test_secrets_and_slack_ids_in_a_question_are_masked(
    services: Services, tmp_path: Path
) -> None:
    qlog = QuestionLog(str(tmp_path / "q.jsonl"))
    qlog.question(services.matcher.ask("docker login -p hunter2 registry.example"), "ask")
    qlog.question(services.matcher.ask("export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI then run"),
                  "chat")
    qlog.question(services.matcher.ask("ask @U0SOMEONE12 about docker ps"), "slack")
    text = (tmp_path / "q.jsonl").read_text(encoding="utf-8")
    assert "hunter2" not in text and "wJalrXUtnFEMI" not in text and "U0SOMEONE12" not in text
    assert text.count("***") >= 3
    assert mask_question("docker ps") == "docker ps"


def test_users_are_a_salted_hmac_never_the_slack_id(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    answer = services.matcher.ask("how do I list images")
    QuestionLog(str(path), SALT).question(answer, "slack", user="U0QLOGUSER1", team="T0QLOGTM1")
    QuestionLog(str(path), SALT).question(answer, "slack", user="U0QLOGUSER1", team="T0QLOGTM1")
    QuestionLog(str(path), SALT + "x").question(answer, "slack", user="U0QLOGUSER1",
                                                team="T0QLOGTM1")
    QuestionLog(str(path), None).question(answer, "slack", user="U0QLOGUSER1", team="T0QLOGTM1")
    text = path.read_text(encoding="utf-8")
    assert "U0QLOGUSER1" not in text and "T0QLOGTM1" not in text
    users = [r["user"] for r in lines(path)]
    expected = hmac.new(SALT.encode(), b"T0QLOGTM1:U0QLOGUSER1", hashlib.sha256).hexdigest()
    assert users[0] == users[1] == expected[:32]
    assert users[2] not in (None, users[0])
    assert users[3] is None  # no salt, no user


def test_feedback_lines_join_their_question(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    qlog = QuestionLog(str(path), SALT)
    qid = qlog.question(services.matcher.ask("how do I list images"), "slack", user="U0VOTER")
    other = qlog.question(services.matcher.ask("show running containers"), "slack")
    qlog.feedback(qid, "down", "image-ls", user="U0VOTER")
    last = lines(path)[-1]
    assert last["event"] == "feedback" and last["id"] == qid and last["vote"] == "down"
    assert last["user"] == lines(path)[0]["user"]
    votes = {q.id: q.votes for q in read_logs([str(path)]).questions}
    assert votes == {qid: ["down"], other: []}


def test_many_threads_append_whole_lines(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    qlog = QuestionLog(str(path), SALT)
    answer = services.matcher.ask("컨테이너 로그를 실시간으로 보기 " + "아주 긴 질문 " * 40)
    threads, per = 16, 150
    start = threading.Barrier(threads)

    def work(n: int) -> None:
        start.wait()
        for _ in range(per):
            qlog.question(answer, "slack", user=f"U{n:010d}")

    pool = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    records = lines(path)  # every line parses
    assert len(records) == threads * per
    assert len({r["id"] for r in records}) == threads * per
    assert len({r["user"] for r in records}) == threads


def test_an_unwritable_log_warns_once_and_answers_go_on(
    services: Services, tmp_path: Path, caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    caplog.set_level(logging.WARNING, logger="dockbot.questionlog")
    target = str(tmp_path / "missing-dir" / "q.jsonl")
    qlog = QuestionLog(target)
    answer = services.matcher.ask("how do I list images")
    assert qlog.question(answer, "ask") and qlog.question(answer, "ask")
    warnings = [r for r in caplog.records if r.name == "dockbot.questionlog"]
    assert len(warnings) == 1 and target in warnings[0].getMessage()
    monkeypatch.setenv("DOCKBOT_QUESTION_LOG", str(tmp_path / "missing-dir" / "cli.jsonl"))
    assert main(["ask", "how do I list images"]) == 0
    assert "docker image ls" in capsys.readouterr().out


def test_dash_writes_to_stdout(services: Services, capsys: pytest.CaptureFixture[str]) -> None:
    QuestionLog("-").question(services.matcher.ask("how do I list images"), "ask")
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["event"] == "question"


def test_off_by_default_and_one_log_per_file(services: Services, tmp_path: Path) -> None:
    answer = services.matcher.ask("how do I list images")
    assert record(Settings.from_env({}), answer, "ask") is None
    on = Settings.from_env({"DOCKBOT_QUESTION_LOG": str(tmp_path / "q.jsonl")})
    assert log_for(on) is log_for(Settings.from_env({"DOCKBOT_QUESTION_LOG":
                                                     str(tmp_path / "q.jsonl")}))
    assert record(on, answer, "ask") is not None


def test_salt_settings() -> None:
    with pytest.raises(ConfigError, match="DOCKBOT_QUESTION_LOG_SALT"):
        Settings.from_env({"DOCKBOT_QUESTION_LOG_SALT": "short"})
    slack = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}
    with pytest.raises(ConfigError, match="DOCKBOT_QUESTION_LOG_SALT is not set"):
        Settings.from_env({**slack, "DOCKBOT_QUESTION_LOG": "-"}).require_slack()
    Settings.from_env({**slack, "DOCKBOT_QUESTION_LOG": "-",
                       "DOCKBOT_QUESTION_LOG_SALT": SALT}).require_slack()
    Settings.from_env({**slack}).require_slack()
    assert Settings.from_env({"DOCKBOT_QUESTION_LOG": "-"}).question_log == "-"


def test_ask_batch_and_slash_log_with_their_surface(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cli.jsonl"
    monkeypatch.setenv("DOCKBOT_QUESTION_LOG", str(path))
    batch = tmp_path / "questions.txt"
    batch.write_text("how do I list images\n\n오늘 점심 뭐 먹지\n", encoding="utf-8")
    assert main(["ask", "--json", "컨테이너 목록 보기"]) == 0
    assert main(["ask", "--json", "--batch", str(batch)]) == 0
    assert main(["slash", "show running containers"]) == 0
    assert main(["slash", "help"]) == 0  # not a question: not logged
    capsys.readouterr()
    got = [(r["surface"], r["question"]) for r in lines(path)]
    assert got == [("ask", "컨테이너 목록 보기"), ("ask", "how do I list images"),
                   ("ask", "오늘 점심 뭐 먹지"), ("slash", "show running containers")]


def test_chat_logs_questions_not_explanations(tmp_path: Path) -> None:
    path = tmp_path / "chat.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "chat"],
        input="실행 중인 컨테이너 보기\ndocker run -dp 8080:80 nginx\nexit\n",
        capture_output=True, text=True, cwd=ROOT, timeout=60,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "DOCKBOT_QUESTION_LOG": str(path)},
    )
    assert proc.returncode == 0, proc.stderr
    (line,) = lines(path)
    assert line["surface"] == "chat" and line["question"] == "실행 중인 컨테이너 보기"
