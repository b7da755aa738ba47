"""`dockbot kb check --lang`: every problem in Korean or English, in the same `file:line:` shape."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from bot.cli import main
from bot.kb.check import check_knowledge
from bot.lang import has_hangul
from bot.phrases import PHRASES

# one entry per kind of problem a file can have (each line below names one)
BROKEN = """\
entries:
  - id: Bad_Id
    kind: cmd
    title: {ko: x}
    explanation: {ko: TODO, en: text, fr: texte}
    examples: {en: [ok, ""]}
    related: [nope, 7]
    command: ""
    source: [not, text]
    replaces: maybe
    flags:
      - {short: -xx, long: --Bad, ko: 뜻, colour: red}
      - {en: no name}
      - just a string
    unknown: 1
  - id: concept-with-command
    kind: concept
    title: {ko: 개념, en: Concept}
    explanation: {ko: 설명, en: Text}
    examples: {ko: [TODO 질문], en: [a question]}
    command: kubectl get pods
  - id: no-command
    kind: command
    title: {ko: 명령, en: Command}
    explanation: {ko: 설명, en: Text}
    examples: {ko: [질문], en: [question]}
    related: [no-command]
  - id: no-command
    kind: concept
    title: {ko: 또, en: Again}
    explanation: {ko: 설명, en: Text}
    examples: {ko: [질문], en: [question]}
  - just text
extra: 1
"""

LINE = re.compile(r"^(?P<where>[^:\s]+:\d+): (?P<message>.+)$")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "broken.yml").write_text(BROKEN, encoding="utf-8")
    (folder / "empty.yml").write_text("", encoding="utf-8")
    (folder / "latin1.yml").write_bytes("entries: [caf\xe9]".encode("latin-1"))
    (folder / "list.yml").write_text("- a\n- b\n", encoding="utf-8")
    (folder / "bad.yml").write_text("entries: [unclosed\n", encoding="utf-8")
    (folder / "keys.yml").write_text("entries: []\nentries: []\n", encoding="utf-8")
    (folder / "scalar.yml").write_text("entries: 3\n", encoding="utf-8")
    (folder / "other.yml").write_text("other: 1\n", encoding="utf-8")
    (folder / "shapes.yml").write_text(textwrap.dedent("""\
        entries:
          - id: shapes
            kind: howto
            title: just text
            examples: [a]
            flags: 3
            related: [nowhere]
            tags: !!int abc
            ? [a, b]
            : 1
        """), encoding="utf-8")
    valid = ("  - id: twice\n    kind: concept\n    title: {ko: 두 번, en: Twice}\n"
             "    explanation: {ko: 설명, en: Text}\n    examples: {ko: [질문], en: [q]}\n")
    (folder / "twice.yml").write_text("entries:\n" + valid + valid, encoding="utf-8")
    return folder


def test_every_problem_is_said_in_each_language_at_the_same_place(
    capsys: pytest.CaptureFixture[str], broken: Path
) -> None:
    code_en, en, err_en = run(capsys, "kb", "check", str(broken))
    code_ko, ko, err_ko = run(capsys, "kb", "check", "--lang", "ko", str(broken))
    assert code_en == code_ko == 1
    en_lines, ko_lines = en.splitlines(), ko.splitlines()
    assert len(en_lines) == len(ko_lines) >= 25
    for e, k in zip(en_lines, ko_lines, strict=True):
        me, mk = LINE.match(e), LINE.match(k)
        assert me and mk, (e, k)
        assert me["where"] == mk["where"]  # the shape editors and CI read does not change
        assert has_hangul(mk["message"]) and not has_hangul(me["message"].replace("뜻", ""))
    assert "problem(s) found" in err_en and "문제" in err_ko and "found" not in err_ko
    _, problems = check_knowledge(broken)
    assert [str(p) for p in problems] == en_lines  # the library's problems, unchanged


def test_every_check_phrase_can_be_reached(broken: Path, tmp_path: Path) -> None:
    _, problems = check_knowledge(broken)
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.yml").write_text(textwrap.dedent("""\
        entries:
          - id: team-only
            kind: concept
            title: {ko: 팀, en: Team}
            explanation: {ko: 설명, en: Text}
            examples: {ko: [질문], en: [question]}
            replaces: true
        """), encoding="utf-8")
    _, more = check_knowledge([broken, other, tmp_path / "missing", tmp_path])
    keys = {p.key for p in [*problems, *more]}
    wanted = {k.removeprefix("kb.check.") for k in PHRASES if k.startswith("kb.check.")}
    # said by the layering rule with replaces (tests/kb/test_layers.py) and by the summary
    elsewhere = {"duplicate_earlier", "duplicate_also", "replaces", "problems", "ok",
                 "ok_course", "unreadable", "broken", "broken.hint"}
    assert wanted - elsewhere <= keys, sorted(wanted - elsewhere - keys)


def test_an_override_notice_and_the_summary_follow_lang(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    entry = ("entries:\n  - id: same\n    kind: concept\n    title: {{ko: 가, en: A}}\n"
             "    explanation: {{ko: 설명, en: Text}}\n    examples: {{ko: [질문], en: [q]}}\n"
             "{extra}")
    base, team = tmp_path / "base", tmp_path / "team"
    base.mkdir()
    team.mkdir()
    (base / "a.yml").write_text(entry.format(extra=""), encoding="utf-8")
    (team / "t.yml").write_text(entry.format(extra="    replaces: true\n"), encoding="utf-8")
    _, en, _ = run(capsys, "kb", "check", str(base), str(team))
    code, ko, _ = run(capsys, "kb", "check", str(base), str(team), "--lang", "ko")
    assert code == 0
    note_en, ok_en = en.splitlines()
    note_ko, ok_ko = ko.splitlines()
    assert note_en.endswith(f": note: `same` replaces the entry at {base / 'a.yml'}:2")
    assert note_ko.split(": note: ")[0] == note_en.split(": note: ")[0]
    assert f"{base / 'a.yml'}:2" in note_ko and has_hangul(note_ko)
    assert ok_en.startswith("ok: 1 entries in ") and ok_ko.startswith("ok: ") and "항목 1개" in ok_ko


def test_the_bundled_knowledge_base_checks_clean_in_korean(
    capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "kb", "check", "--lang", "ko")
    assert code == 0 and out.startswith("ok: ") and "코스에 수업" in out


def test_a_broken_knowledge_base_is_said_in_the_language_asked(
    capsys: pytest.CaptureFixture[str], broken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCKBOT_KNOWLEDGE", str(broken))
    monkeypatch.setenv("DOCKBOT_CACHE_DIR", "off")
    _, problems = check_knowledge(broken)
    code_en, _, en = run(capsys, "ask", "list images")
    code_ko, _, ko = run(capsys, "ask", "--lang", "ko", "list images")
    assert code_en == code_ko == 2 and "Traceback" not in en + ko
    assert f"has problems ({len(problems)}): {problems[0]}; " in en and "dockbot kb check" in en
    assert f"문제가 {len(problems)}개 있어요: {problems[0]}; " in ko and "dockbot kb check" in ko
