"""`dockbot slash`: what `/docker TEXT` replies, as terminal text or as Slack's Block Kit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.executor import Principal
from bot.lang import has_hangul
from bot.phrases import phrase
from bot.services import Services
from bot.slack.router import route
from tests.support.blockkit import check_block_kit

TEXTS = ["help", "how do I list images", "explain docker ps -a", "ps", "컨테이너 로그 보기",
         "도움말", "learn 2", "배우기 3", "docker run --privileged -p 80:80 nginx", "gaps",
         "오늘 점심 뭐 먹지"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def json_lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.mark.parametrize("text", ["how do I list images", "컨테이너 로그 보기",
                                  "explain docker ps -a", "docker run -dp 80:80 nginx",
                                  "오늘 점심 뭐 먹지"])
def test_an_answer_reads_as_dockbot_ask_prints_it(
    capsys: pytest.CaptureFixture[str], text: str
) -> None:
    _, slash, _ = run(capsys, "slash", text)
    _, ask, _ = run(capsys, "ask", text)
    assert slash == ask and slash.strip()


@pytest.mark.parametrize("text", TEXTS)
def test_the_text_has_no_slack_markup(capsys: pytest.CaptureFixture[str], text: str) -> None:
    code, out, _ = run(capsys, "slash", text)
    assert code == 0 and out.strip()
    for markup in ("&lt;", "&gt;", "&amp;", "```", ":warning:", "*Risks*"):
        assert markup not in out
    assert has_hangul(out) == has_hangul(text)  # in the language of the text


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_help_says_how_to_use_slash_docker_in_each_language(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    code, out, _ = run(capsys, "slash", "help", "--lang", lang)
    assert code == 0
    assert out.splitlines()[0] == phrase("cli.slash.help.title", lang)  # type: ignore[arg-type]
    assert "/docker explain" in out and "dockbot chat" not in out
    assert phrase("chat.help.cannot", lang) in out  # type: ignore[arg-type]
    assert has_hangul(out) == (lang == "ko")


@pytest.mark.parametrize("text", TEXTS)
def test_json_is_the_block_kit_message_slack_gets(
    capsys: pytest.CaptureFixture[str], base_services: Services, text: str
) -> None:
    code, out, _ = run(capsys, "slash", "--json", text)
    (msg,) = json_lines(out)
    assert code == 0
    check_block_kit(msg)
    assert msg == route(base_services, text, Principal.cli()).message


def _exec_env(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv("DOCKBOT_EXEC_ENABLED", "1")
    monkeypatch.setenv("DOCKER_HOST", url)
    monkeypatch.setenv("DOCKBOT_AUDIT_LOG", "off")


def test_an_operation_is_run_as_the_local_operator(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _exec_env(monkeypatch, f"unix://{tmp_path}/nothing-here.sock")
    code, out, _ = run(capsys, "slash", "ps")
    assert code == 0 and "cannot be reached" in out and "nothing-here.sock" in out
    code, out, _ = run(capsys, "slash", "ps", "--lang", "ko", "--json")
    running, done = json_lines(out)  # the reply in the ack, then the follow-up
    for msg in (running, done):
        check_block_kit(msg)
        assert has_hangul(msg["text"])
    assert "`ps`" in running["text"] and "nothing-here.sock" in done["text"]


@pytest.mark.docker
def test_an_operation_lists_the_real_engines_containers(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, docker_containers: Any
) -> None:
    _exec_env(monkeypatch, docker_containers.url)
    code, out, _ = run(capsys, "slash", "ps")
    assert code == 0 and docker_containers.web in out and docker_containers.idle not in out
    assert "```" not in out
    for canary in docker_containers.canaries:
        assert canary not in out
    code, out, _ = run(capsys, "slash", "--json", "ps -a")
    running, done = json_lines(out)
    check_block_kit(running)
    check_block_kit(done)
    assert docker_containers.idle in json.dumps(done)
