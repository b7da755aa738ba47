"""Several knowledge folders combined: the `replaces` rule, clashes, and `kb check` over all."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from bot.cli import main
from bot.errors import ConfigError, KnowledgeError
from bot.kb.check import check_knowledge, check_path, load_knowledge
from bot.settings import Settings

BASE = """\
entries:
  - id: alpha
    kind: command
    title: {ko: 알파, en: Alpha}
    explanation: {ko: 알파 설명, en: Alpha text}
    command: docker alpha
    examples: {ko: [알파 하는 법], en: [how to alpha]}
    related: [beta]
  - id: beta
    kind: concept
    title: {ko: 베타, en: Beta}
    explanation: {ko: 베타 설명, en: Beta text}
    examples: {ko: [베타가 뭐야], en: [what is beta]}
"""


def entry(eid: str, *, replaces: bool | None = None, related: str = "",
          command: str = "docker team") -> str:
    extra = f"    replaces: {str(replaces).lower()}\n" if replaces is not None else ""
    rel = f"    related: [{related}]\n" if related else ""
    return (f"  - id: {eid}\n    kind: command\n    title: {{ko: 팀 {eid}, en: Team {eid}}}\n"
            f"    explanation: {{ko: 팀 설명, en: Team text}}\n    command: {command}\n"
            f"    examples: {{ko: [팀 {eid} 하는 법], en: [team {eid}]}}\n{extra}{rel}")


def folder(root: Path, name: str, files: dict[str, str]) -> Path:
    path = root / name
    path.mkdir()
    for fname, text in files.items():
        (path / fname).write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def base(tmp_path: Path) -> Path:
    return folder(tmp_path, "base", {"a.yml": BASE})


def test_a_second_folder_adds_entries_and_resolves_related_across(
        tmp_path: Path, base: Path) -> None:
    team = folder(tmp_path, "team", {"t.yml": "entries:\n" + entry("deploy", related="alpha")})
    kb, problems = check_knowledge([base, team])
    assert [str(p) for p in problems] == []
    assert [e.id for e in kb] == ["alpha", "beta", "deploy"]
    deploy = kb.get("deploy")
    assert deploy is not None and deploy.file == "team/t.yml" and deploy.line == 2


def test_a_later_folder_overrides_only_with_replaces_true(tmp_path: Path, base: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    team = folder(tmp_path, "team", {"t.yml": "entries:\n" + entry(
        "alpha", replaces=True, command="docker alpha --team")})
    result = check_path([base, team])
    assert result.problems == []
    assert [str(n) for n in result.notices] == [
        "team/t.yml:2: `alpha` replaces the entry at base/a.yml:2"]
    alpha = result.kb.get("alpha")
    assert alpha is not None and alpha.command == "docker alpha --team"
    assert [e.id for e in result.kb] == ["alpha", "beta"]  # the replacement keeps the place
    # the same folders in the other order: the bundled entry cannot replace the team's
    _, problems = check_knowledge([team, base])
    assert [str(p) for p in problems] == [
        "team/t.yml:2: `replaces: true` but no earlier knowledge folder has id `alpha`; "
        "fix the id or remove `replaces`",
        "base/a.yml:2: duplicate id `alpha` (already in an earlier folder at team/t.yml:2); "
        "add `replaces: true` to override it, or choose another id"]


def test_a_clash_across_folders_without_replaces_is_a_problem_naming_both(
        tmp_path: Path, base: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    team = folder(tmp_path, "team", {"t.yml": "entries:\n" + entry("beta")})
    _, problems = check_knowledge([base, team])
    assert [str(p) for p in problems] == [
        "team/t.yml:2: duplicate id `beta` (already in an earlier folder at base/a.yml:9); "
        "add `replaces: true` to override it, or choose another id"]
    with pytest.raises(KnowledgeError) as err:
        load_knowledge([base, team])
    assert [str(p) for p in err.value.problems] == [str(p) for p in problems]


def test_a_clash_inside_one_folder_stays_a_problem_even_with_replaces(
        tmp_path: Path, base: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    team = folder(tmp_path, "team", {
        "t1.yml": "entries:\n" + entry("gamma"),
        "t2.yml": "entries:\n" + entry("gamma", replaces=True)})
    _, problems = check_knowledge([base, team])
    assert [str(p) for p in problems] == [
        "team/t2.yml:2: duplicate id `gamma` (first at team/t1.yml:2)"]


def test_replaces_must_be_a_boolean(tmp_path: Path, base: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    team = folder(tmp_path, "team", {"t.yml": "entries:\n" + entry("alpha").replace(
        "    examples:", "    replaces: yes please\n    examples:")})
    _, problems = check_knowledge([base, team])
    assert [str(p) for p in problems] == ["team/t.yml:7: `replaces` must be true or false"]


def test_a_missing_folder_is_a_problem(tmp_path: Path, base: Path) -> None:
    _, problems = check_knowledge([base, tmp_path / "nowhere"])
    assert [p.message for p in problems] == ["no such file or folder"]


def test_one_file_of_a_configured_folder_is_checked_against_every_folder(
        tmp_path: Path, base: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    team = folder(tmp_path, "team", {"t.yml": "entries:\n" + entry(
        "alpha", replaces=True, related="beta")})
    result = check_path(team / "t.yml", within=(base, team))
    assert result.problems == [] and [e.id for e in result.kb] == ["alpha"]
    assert [n.file for n in result.notices] == ["team/t.yml"]
    alone = check_path(team / "t.yml")  # its own folder only: nothing to replace, no beta
    assert [p.message for p in alone.problems] == [
        "`replaces: true` but no earlier knowledge folder has id `alpha`; "
        "fix the id or remove `replaces`",
        "`related` names unknown id `beta`"]


def test_dockbot_knowledge_takes_a_path_list() -> None:
    s = Settings.from_env({"DOCKBOT_KNOWLEDGE": os.pathsep.join(["/kb/base", " ", "/kb/team"])})
    assert s.knowledge_folders == (Path("/kb/base"), Path("/kb/team"))
    assert s.knowledge_dir == Path("/kb/base")
    assert Settings.from_env({}).knowledge_folders == (Settings.from_env({}).knowledge_dir,)
    with pytest.raises(ConfigError) as err:
        Settings.from_env({"DOCKBOT_KNOWLEDGE": os.pathsep})
    assert "DOCKBOT_KNOWLEDGE" in err.value.message


@pytest.mark.parametrize("raw, ok", [("2", 2.0), ("0.5", 0.5), ("0", 0.0), ("-1", None),
                                      ("soon", None), ("nan", None), ("99999", None)])
def test_the_poll_interval_is_validated(raw: str, ok: float | None) -> None:
    env = {"DOCKBOT_KNOWLEDGE_POLL": raw}
    if ok is None:
        with pytest.raises(ConfigError) as err:
            Settings.from_env(env)
        assert "DOCKBOT_KNOWLEDGE_POLL" in err.value.message
    else:
        assert Settings.from_env(env).knowledge_poll == ok
    assert Settings.from_env({}).knowledge_poll == 2.0


def test_kb_check_checks_the_combined_set_with_notices(
        tmp_path: Path, base: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    team = folder(tmp_path, "team", {"t.yml": "entries:\n" + entry("alpha", replaces=True)
                                     + entry("delta", related="beta")})
    monkeypatch.setenv("DOCKBOT_KNOWLEDGE", os.pathsep.join([str(base), str(team)]))
    assert main(["kb", "check"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == ["team/t.yml:2: note: `alpha` replaces the entry at base/a.yml:2",
                                "ok: 3 entries in base, team"]
    assert main(["kb", "check", "team/t.yml"]) == 0  # one file, against both folders
    assert capsys.readouterr().out.splitlines()[-1] == "ok: 2 entries in team/t.yml"
    (team / "t.yml").write_text("entries:\n" + entry("beta"), encoding="utf-8")
    assert main(["kb", "check"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "team/t.yml:2: duplicate id `beta` (already in an earlier folder at base/a.yml:9); "
        "add `replaces: true` to override it, or choose another id"]
    assert err.strip() == "1 problem(s) found in base, team."
    assert main(["kb", "check", "base"]) == 0  # a folder given alone is checked alone
    assert capsys.readouterr().out.strip() == "ok: 2 entries in base"
