"""`dockbot ask` goes through the shared router: a pasted command is explained (text and
JSON), questions keep their JSON, and terminal text wraps at DOCKBOT_WIDTH."""

from __future__ import annotations

import json

import pytest

from bot.cli import main
from bot.errors import ConfigError
from bot.explain import explain
from bot.render.wrap import width_of
from bot.settings import Settings

PASTED = "docker run --privileged -v /:/host -p 80:80 nginx"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_pasted_command_is_explained_with_its_risks(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    code, out, _ = run(capsys, "ask", "--lang", lang, PASTED)
    expl = explain(PASTED, lang)  # type: ignore[arg-type]
    assert code == 0
    for part in expl.parts:
        assert part.meaning.split()[0] in out
    assert ("[DANGER] --privileged" if lang == "en" else "[위험] --privileged") in out
    for risk in expl.risks:
        assert risk.message.split()[0] in out


def test_a_typo_in_a_pasted_command_is_caught(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "docker imgae ls")
    assert code == 0 and "Did you mean?" in out and "docker image ls" in out


def test_pasted_command_json_is_the_explain_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "--json", "docker run --privilegd -e TOKEN=hunter2 nginx")
    obj = json.loads(out)
    assert code == 0 and obj["kind"] == "explain" and obj["lang"] == "en"
    assert "hunter2" not in out  # the query and the command are masked
    code, direct, _ = run(capsys, "explain", "--json", "docker run --privilegd -e TOKEN=hunter2 nginx")
    assert obj["explanation"] == json.loads(direct)
    assert obj["explanation"]["suggestions"]  # the typo is caught


def test_questions_keep_their_json_with_a_kind(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "--json", "how to list containers")
    obj = json.loads(out)
    assert code == 0 and obj["kind"] == "question"
    assert set(obj) == {"kind", "query", "lang", "confident", "answer", "alternatives"}
    assert obj["answer"]["command"] == "docker ps"


def test_operations_are_questions_in_ask(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "ask", "--json", "ps")
    obj = json.loads(out)
    assert obj["kind"] == "question" and "DOCKBOT_EXEC_ENABLED" not in out


def test_help_and_bad_input_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "--json", "help")
    obj = json.loads(out)
    assert code == 0 and obj["kind"] == "help" and "How to use dockbot ask" in obj["text"]
    code, out, _ = run(capsys, "ask", "--json", "explain")
    obj = json.loads(out)
    assert code == 2 and obj["kind"] == "error" and obj["error"] == "bad_input"


def test_batch_lines_are_routed(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    f = Path(str(tmp_path)) / "q.txt"
    f.write_text("list images\ndocker ps -a\n\n", encoding="utf-8")
    code, out, _ = run(capsys, "ask", "--json", "--batch", str(f))
    kinds = [json.loads(x)["kind"] for x in out.splitlines()]
    assert code == 0 and kinds == ["question", "explain", "error"]


@pytest.mark.parametrize("width", ["24", "40"])
@pytest.mark.parametrize("argv", [["ask", "컨테이너를 백그라운드에서 실행하려면?"],
                                  ["ask", "run a container in the background"],
                                  ["ask", "--lang", "ko", PASTED], ["explain", PASTED]])
def test_terminal_text_wraps_at_dockbot_width(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: str,
    argv: list[str],
) -> None:
    monkeypatch.setenv("DOCKBOT_WIDTH", width)
    code, out, _ = run(capsys, *argv)
    monkeypatch.setenv("DOCKBOT_WIDTH", "0")
    _, unwrapped, _ = run(capsys, *argv)
    assert code == 0 and out.split() == unwrapped.split()
    long = [ln for ln in out.splitlines() if width_of(ln) > int(width)]
    assert all(ln.lstrip().startswith("docker ") or " " not in ln.strip() for ln in long), long
    assert len(out.splitlines()) > len(unwrapped.splitlines())


@pytest.mark.parametrize("value", ["abc", "5", "-3", "100000"])
def test_a_bad_width_is_a_config_error(value: str) -> None:
    with pytest.raises(ConfigError, match="DOCKBOT_WIDTH"):
        Settings.from_env({"DOCKBOT_WIDTH": value})
    assert Settings.from_env({"DOCKBOT_WIDTH": "0"}).width == 0
    assert Settings.from_env({}).width is None
