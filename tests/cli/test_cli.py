"""The CLI contract: JSON shape, exit codes, batch order, bad input never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import build_parser, main
from bot.settings import Settings
from tests.support.terminal import in_terminal

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_confident_json_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "--json", "컨테이너를 백그라운드에서 실행하려면?")
    assert code == 0
    obj = json.loads(out)
    assert obj["confident"] is True and obj["lang"] == "ko"
    assert obj["answer"]["id"] == "run-detached"
    assert obj["answer"]["command"].startswith("docker run")
    assert isinstance(obj["answer"]["score"], float)


def test_ask_abstains_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "--json", "오늘 점심 뭐 먹지")
    assert code == 1
    obj = json.loads(out)
    assert obj["confident"] is False and obj["answer"] is None


def test_ask_plain_text_is_readable_and_uncoloured_when_piped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "ask", "how", "do", "i", "delete", "a", "running", "container")
    assert code == 0
    assert "docker rm -f" in out
    assert "\x1b[" not in out


def test_ask_abstain_text_in_korean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "오늘 점심 뭐 먹지")
    assert code == 1
    assert "잘 모르겠어요" in out
    assert "이런 질문은 어때요" in out and "docker ps" in out  # starter suggestions


def test_ask_lang_override(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "--json", "--lang", "en", "이미지 목록 보기")
    assert code == 0 and json.loads(out)["lang"] == "en"


def test_bad_lang_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["ask", "--lang", "fr", "x"])
    assert exc.value.code == 2
    assert "unknown language" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["ask", ""], "empty"),
        (["ask", "x" * 20000], "too long"),
        (["ask", "\x00\x01\x02\x03\x04"], "binary"),
    ],
)
def test_bad_questions_get_a_clear_message(
    capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert needle in err and "Traceback" not in err + out


def test_bad_question_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "--json", "")
    assert code == 2
    obj = json.loads(out)
    assert obj["error"] == "bad_input" and "empty" in obj["message"]


def test_batch_keeps_order_and_flags_bad_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ["list images", "", "도커 버전 확인", "x" * 5000, "오늘 점심 뭐 먹지", "docker ps -a"]
    f = tmp_path / "q.txt"
    f.write_bytes(("\n".join(lines) + "\n").encode() + b"\xff\xfe broken bytes\n")
    code, out, _ = run(capsys, "ask", "--json", "--batch", str(f))
    assert code == 0
    objs = [json.loads(x) for x in out.splitlines()]
    assert len(objs) == len(lines) + 1
    assert [o["query"] for o in objs[: len(lines)]] == lines
    assert objs[0]["confident"] is True
    assert objs[1]["error"] == "bad_input"
    assert objs[2]["lang"] == "ko"
    assert objs[3]["error"] == "bad_input" and "too long" in objs[3]["message"]
    assert objs[4]["confident"] is False
    assert objs[5]["query"] == "docker ps -a"
    assert "query" in objs[6]


def test_batch_from_stdin_subprocess() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "--batch", "-"],
        input="list containers\n컨테이너 삭제\n".encode(),
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    objs = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [o["query"] for o in objs] == ["list containers", "컨테이너 삭제"]


def test_batch_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "ask", "--json", "--batch", "/nonexistent/q.txt")
    assert code == 2 and "Cannot read" in err


def test_kb_check_ok(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kb", "check")
    assert code == 0 and out.startswith("ok:")


def test_kb_check_reports_file_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.yml").write_text("entries:\n  - id: a\n    kind: command\n", encoding="utf-8")
    code, out, _ = run(capsys, "kb", "check", str(tmp_path))
    assert code == 1
    assert all(line.split(":")[1].isdigit() for line in out.splitlines())
    assert "x.yml:2: missing required field `title`" in out


def test_kb_export_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kb", "export", "--json")
    assert code == 0
    entries = json.loads(out)["entries"]
    assert len(entries) >= 100 and {"id", "title", "examples"} <= set(entries[0])


def test_kb_import_then_check_flags_the_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(
        "## 명령어\n\ndocker image ls     - 이미지 조회\n"
        "docker run -d -p 80:80 {image}\n-d    - 백그라운드 실행\n",
        encoding="utf-8",
    )
    out_file = tmp_path / "draft" / "draft.yml"
    out_file.parent.mkdir()
    code, _, err = run(capsys, "kb", "import", str(notes), "-o", str(out_file))
    assert code == 0 and "review" in err
    code, out, _ = run(capsys, "kb", "check", str(out_file.parent))
    assert code == 1 and "draft" in out


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)
    assert code == 2 and "ask" in out


def test_every_cli_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, sp in sub.choices.items():  # type: ignore[union-attr]
        assert sp.format_help().strip(), name
        assert f"dockbot {name}" in readme, f"README does not document `dockbot {name}`"


def test_python_dash_m_bot_is_the_same_command() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "list images"],
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["answer"]["id"] == "image-ls"


@pytest.mark.parametrize(
    ("argv", "want"),
    [
        (["ask", "--json", "--", "-d", "옵션이", "뭐야"], "run-detached"),
        (["ask", "--json", "-d 옵션이 뭐야"], "run-detached"),
        (["ask", "--json", "what does -p 80:80 mean"], "run-port"),
        (["ask", "--json", "--lang", "en", "--", "--rm", "은", "뭐야"], "run-rm"),
    ],
)
def test_question_text_may_start_with_a_flag(
    capsys: pytest.CaptureFixture[str], argv: list[str], want: str
) -> None:
    code, out, _ = run(capsys, *argv)
    obj = json.loads(out)
    assert code == 0 and obj["answer"]["id"] == want
    assert not obj["query"].startswith("--") or want == "run-rm"


def test_explain_unquoted_command_keeps_its_flags(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "explain", "--json", "--", "docker", "run", "-e", "A=b c", "-dp", "80:80", "nginx"
    )
    assert code == 0
    obj = json.loads(out)
    flags = [p["flag"] for p in obj["parts"] if p["role"] == "flag"]
    assert flags == ["--env", "--detach", "--publish"]
    env = next(p for p in obj["parts"] if p["flag"] == "--env")
    assert env["value"] == "A=b c"


def test_explain_with_nothing_to_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "explain")
    assert code == 2 and "no command to explain" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["ask", "how to list containers", "--json"],
        ["ask", "how", "to", "--json", "list", "containers"],
        ["ask", "how to list containers", "--lang", "en", "--json"],
        ["ask", "--json", "how to list containers"],
    ],
)
def test_ask_options_anywhere_on_the_line(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, _ = run(capsys, *argv)
    obj = json.loads(out)
    assert code == 0 and obj["query"] == "how to list containers"
    assert obj["answer"]["command"] == "docker ps"


def test_lang_at_the_end_keeps_a_good_answer(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "컨테이너를 백그라운드에서 실행하려면?", "--lang", "ko", "--json")
    obj = json.loads(out)
    assert code == 0 and obj["confident"] is True and obj["answer"]["id"] == "run-detached"
    code, out, _ = run(capsys, "ask", "list images", "--lang", "ko")
    assert code == 0 and "docker image ls" in out and "잘 모르겠어요" not in out


def test_explain_options_after_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", "docker run -d nginx", "--json", "--lang", "ko")
    obj = json.loads(out)
    assert code == 0 and obj["command"] == "docker run -d nginx"
    assert [p["flag"] for p in obj["parts"] if p["role"] == "flag"] == ["--detach"]


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["ask", "--jsn", "x"], "--jsn"),
        (["ask", "list", "images", "--lnag=ko"], "--lnag"),
        (["explain", "docker", "run", "-d", "nginx"], "-d"),
        (["exec", "ps", "-a"], "-a"),
        (["slash", "help", "--jsn"], "--jsn"),
        (["kb", "check", "--strict"], "--strict"),
    ],
)
def test_unknown_options_are_refused_and_named(
    capsys: pytest.CaptureFixture[str], argv: list[str], named: str
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out, err = capsys.readouterr()
    assert exc.value.code == 2 and out == ""  # nothing answered
    assert f"unknown option {named}" in err and "`--`" in err


def test_unknown_option_suggests_the_close_one(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["ask", "--jsn", "x"])
    assert "did you mean --json?" in capsys.readouterr().err


def test_double_dash_makes_option_words_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "--json", "--", "--lang", "뭐야")
    assert code in (0, 1) and json.loads(out)["query"] == "--lang 뭐야"
    code, out, _ = run(capsys, "explain", "--json", "--", "docker", "ps", "--json")
    assert code == 0 and json.loads(out)["command"] == "docker ps --json"


def _leaf_parsers() -> dict[str, object]:
    out: dict[str, object] = {}

    def walk(parser: object, name: str) -> None:
        subs = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]  # type: ignore[attr-defined]
        if not subs:
            out[name] = parser
        for sub in subs:
            for child, sp in sub.choices.items():
                walk(sp, f"{name} {child}".strip())

    walk(build_parser(), "")
    return out


def test_every_sub_command_help_has_examples_and_exit_codes() -> None:
    leaves = _leaf_parsers()
    assert {"ask", "chat", "explain", "exec", "serve", "slash", "kb check", "kb import"} <= set(
        leaves
    )
    for name, parser in leaves.items():
        text = parser.format_help()  # type: ignore[attr-defined]
        assert "examples:\n  dockbot " + name.split()[0] in text, name
        codes = text.split("exit codes:\n", 1)
        assert len(codes) == 2 and codes[1].lstrip().startswith("0  "), name


def test_help_exits_0_and_shows_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["explain", "--help"])
    out = capsys.readouterr().out
    assert exc.value.code == 0 and 'dockbot explain "docker run -d nginx" --json' in out


@pytest.mark.parametrize(("value", "off"), [(None, False), ("", False), ("1", True), ("0", True)])
def test_no_color_counts_only_when_not_empty(value: str | None, off: bool) -> None:
    env = {"HOME": "/h"} if value is None else {"HOME": "/h", "NO_COLOR": value}
    assert Settings.from_env(env).no_color is off


def _in_terminal(*argv: str, env: dict[str, str]) -> str:
    """Output of ``python -m bot ARGV`` with stdout on a real pseudo-terminal."""
    return in_terminal(*argv, env=env)[1]


def test_empty_no_color_keeps_colour_on_a_terminal(tmp_path: Path) -> None:
    base = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DOCKBOT_CACHE_DIR": "off"}
    coloured = _in_terminal("ask", "list images", env={**base, "NO_COLOR": ""})
    plain = _in_terminal("ask", "list images", env={**base, "NO_COLOR": "1"})
    assert "docker image ls" in coloured and "docker image ls" in plain
    assert "\x1b[" in coloured and "\x1b[" not in plain


def test_kb_check_one_file_of_the_knowledge_base(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT / "knowledge")
    code, out, err = run(capsys, "kb", "check", "container.yml")
    assert code == 0 and err == ""
    assert out.startswith("ok: ") and out.rstrip().endswith(" entries in container.yml")


def test_kb_import_refuses_empty_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("\n", encoding="utf-8")
    code, out, err = run(capsys, "kb", "import", str(notes))
    assert code == 2 and out == "" and "is empty" in err and "kb import --help" in err


def test_kb_import_from_stdin_warns_and_reports_clashes() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "kb", "import", "-"],
        input="# Team notes\nsome prose\ndocker ps - 실행 중인 컨테이너\n".encode(),
        capture_output=True, cwd=ROOT, timeout=60,
    )
    err = proc.stderr.decode()
    assert proc.returncode == 0, err
    assert "stdin:2: skipped" in err and "some prose" in err
    assert "stdin:3: id `ps` is already in the knowledge base (knowledge/" in err
    assert "id: ps-2" in proc.stdout.decode()


def test_kb_import_help_documents_the_input_format() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = _leaf_parsers()["kb import"]
    help_text = parser.format_help()  # type: ignore[attr-defined]
    for piece in ("## Section", "docker image ls  - list images", "{image}", "skipped"):
        assert piece in help_text, piece
    assert "kb import" in text and "skipped" in text.split("dockbot kb import", 1)[1][:600]


def test_learn_shows_one_lesson_in_either_language(capsys: pytest.CaptureFixture[str]) -> None:
    from bot.learn import load_course

    lesson = load_course().lesson(3)
    code, ko, _ = run(capsys, "learn", "3")
    assert code == 0
    assert ko.startswith(f"수업 3/19 · {lesson.title['ko']}\n")
    assert lesson.body["ko"].replace("*", "") in ko and f"$ {lesson.try_command}" in ko
    assert "*" not in ko
    assert "https://labs.play-with-docker.com/" in ko
    assert lesson.check.question["ko"] in ko and "dockbot learn 3 --answer" in ko
    assert "dockbot learn 4" in ko
    for i, option in enumerate(lesson.check.options, 1):
        assert f"  {i}. {option['ko']}" in ko
    code, en, _ = run(capsys, "learn", "3", "--lang", "en")
    assert code == 0 and en.startswith(f"Lesson 3 of 19 · {lesson.title['en']}\n")
    assert lesson.body["en"].replace("*", "") in en and lesson.check.question["en"] in en
    assert "수업" not in en


def test_learn_answers_are_graded_with_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    from bot.learn import load_course

    lesson = load_course().lesson(3)
    right = lesson.check.answer + 1
    wrong = right % len(lesson.check.options) + 1
    code, out, _ = run(capsys, "learn", "3", "--answer", str(right), "--lang", "en")
    assert code == 0 and "✅ Right!" in out and lesson.check.why["en"] in out
    code, out, _ = run(capsys, "learn", "3", "--answer", str(wrong))
    assert code == 1 and "❌" in out and lesson.check.options[right - 1]["ko"] in out
    code, out, err = run(capsys, "learn", "3", "--answer", "9", "--lang", "en")
    assert code == 2 and out == "" and "There is no option 9. Pick an option from 1 to" in err
    code, out, err = run(capsys, "learn", "42")
    assert code == 2 and "42번 수업은 없어요" in err and "Traceback" not in err


def test_kb_check_also_checks_the_course(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kb", "check")
    assert code == 0 and out.rstrip().endswith("; 19 lessons in the course")
