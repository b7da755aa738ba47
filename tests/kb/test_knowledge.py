"""The knowledge loader: the real knowledge base validates; each kind of broken file is caught."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from bot.errors import KnowledgeError
from bot.kb.check import check_knowledge, load_knowledge
from bot.settings import Settings

KB_DIR = Settings.from_env({}).knowledge_dir

GOOD = """\
entries:
  - id: alpha
    kind: command
    title: {ko: 알파, en: Alpha}
    explanation: {ko: 알파 설명, en: Alpha text}
    command: docker alpha -x
    flags:
      - {short: -x, long: --extra, ko: 추가, en: extra}
    examples: {ko: [알파 하는 법], en: [how to alpha]}
    related: [beta]
  - id: beta
    kind: concept
    title: {ko: 베타, en: Beta}
    explanation: {ko: 베타 설명, en: Beta text}
    examples: {ko: [베타가 뭐야], en: [what is beta]}
"""


def write(tmp_path: Path, text: str, name: str = "a.yml") -> Path:
    (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def test_the_real_knowledge_base_has_no_problems() -> None:
    kb, problems = check_knowledge(KB_DIR)
    assert [str(p) for p in problems] == []
    assert len(kb) >= 100


def test_every_entry_is_complete_in_both_languages() -> None:
    kb = load_knowledge(KB_DIR)
    for e in kb:
        for lang in ("ko", "en"):
            assert e.title[lang] and e.explanation[lang], e.id
            assert len(e.examples[lang]) >= 3, f"{e.id} needs more {lang} examples"


def test_a_good_file_loads(tmp_path: Path) -> None:
    kb = load_knowledge(write(tmp_path, GOOD))
    alpha = kb.get("alpha")
    assert alpha is not None and alpha.command == "docker alpha -x"
    assert alpha.flags[0].names == ("-x", "--extra")
    assert alpha.file.endswith("a.yml") and alpha.line == 2
    assert kb.get("beta") is not None and kb.get("gamma") is None


BROKEN = [
    ("bad yaml", "entries:\n  - id: a\n    title: {ko: x\n", "bad YAML"),
    ("empty file", "", "empty"),
    ("no entries key", "stuff: []\n", "missing the top-level `entries:`"),
    ("entries not a list", "entries: {}\n", "`entries` must be a list"),
    ("unknown field", GOOD.replace("    related: [beta]", "    colour: red"), "unknown field `colour`"),
    ("missing language", GOOD.replace("{ko: 알파, en: Alpha}", "{ko: 알파}"), "missing its `en`"),
    ("extra language", GOOD.replace("{ko: 알파, en: Alpha}", "{ko: 알파, en: A, jp: A}"),
     "unknown language `jp`"),
    ("dangling related", GOOD.replace("related: [beta]", "related: [gamma]"),
     "unknown id `gamma`"),
    ("self related", GOOD.replace("related: [beta]", "related: [alpha]"), "lists itself"),
    ("duplicate id in file", GOOD.replace("id: beta", "id: alpha"), "duplicate id `alpha`"),
    ("missing examples", GOOD.replace("    examples: {ko: [베타가 뭐야], en: [what is beta]}\n", ""),
     "missing required field `examples`"),
    ("bad kind", GOOD.replace("kind: concept", "kind: recipe"), "bad kind"),
    ("concept with command", GOOD.replace("kind: command", "kind: concept"),
     "must not have a `command`"),
    ("command kind without command", GOOD.replace("    command: docker alpha -x\n", ""),
     "needs a `command:`"),
    ("command not docker", GOOD.replace("docker alpha -x", "kubectl get pods"),
     "must start with `docker`"),
    ("bad flag", GOOD.replace("short: -x", "short: x"), "bad short flag"),
    ("flag without meaning", GOOD.replace(", ko: 추가, en: extra", ", en: extra"),
     "missing its `ko` meaning"),
    ("bad id", GOOD.replace("id: alpha", "id: Alpha_1"), "bad id"),
    ("duplicate key", GOOD.replace("    kind: command\n", "    kind: command\n    kind: howto\n"),
     "duplicate key `kind`"),
    ("draft text", GOOD.replace("en: Alpha}", "en: 'TODO: translate'}"), "draft"),
    ("examples not strings", GOOD.replace("en: [how to alpha]", "en: [1, '']"),
     "list of non-empty strings"),
]


@pytest.mark.parametrize(("case", "text", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_each_kind_of_broken_file_is_reported(
    tmp_path: Path, case: str, text: str, message: str
) -> None:
    _, problems = check_knowledge(write(tmp_path, text))
    assert problems, case
    assert any(message in p.message for p in problems), [str(p) for p in problems]
    assert all(p.file.endswith("a.yml") and p.line >= 1 for p in problems)
    with pytest.raises(KnowledgeError, match="has problems"):
        load_knowledge(tmp_path)


def test_duplicate_ids_across_files_name_both_places(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.yml")
    write(tmp_path, GOOD.replace("related: [beta]", ""), "b.yml")
    _, problems = check_knowledge(tmp_path)
    dupes = [p for p in problems if "duplicate id" in p.message]
    assert {p.file.rsplit("/", 1)[-1] for p in dupes} == {"b.yml"}
    assert any("a.yml:2" in p.message for p in dupes)


def test_problem_lines_point_at_the_broken_line(tmp_path: Path) -> None:
    text = GOOD.replace("related: [beta]", "related: [nope]")
    _, problems = check_knowledge(write(tmp_path, text))
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "related: [nope]" in ln)
    assert [p.line for p in problems] == [line]


def test_not_utf8_and_missing_folder(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_bytes(b"entries:\n  - id: \xff\xfe\n")
    _, problems = check_knowledge(tmp_path)
    assert any("UTF-8" in p.message for p in problems)
    _, problems = check_knowledge(tmp_path / "nowhere")
    assert problems and "no such file" in problems[0].message


OTHER = """\
entries:
  - id: gamma
    kind: concept
    title: {ko: 감마, en: Gamma}
    explanation: {ko: 감마 설명, en: Gamma text}
    examples: {ko: [감마가 뭐야], en: [what is gamma]}
    related: [alpha, nowhere]
"""


def test_one_file_is_checked_against_its_whole_knowledge_base(tmp_path: Path) -> None:
    write(tmp_path, GOOD.replace("related: [beta]", "related: [beta, gamma]"), "a.yml")
    write(tmp_path, OTHER, "b.yml")
    kb, problems = check_knowledge(tmp_path / "a.yml")
    assert [str(p) for p in problems] == []  # gamma is in b.yml
    assert sorted(e.id for e in kb) == ["alpha", "beta"]  # only the file's own entries
    kb, problems = check_knowledge(tmp_path / "b.yml")  # b.yml's own problem, not a.yml's
    assert [p.message for p in problems] == ["`related` names unknown id `nowhere`"]
    assert [e.id for e in kb] == ["gamma"]


def test_one_file_reports_ids_that_clash_with_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, GOOD, "a.yml")
    write(tmp_path, OTHER.replace("id: gamma", "id: alpha").replace("alpha, nowhere", "beta"),
          "b.yml")
    monkeypatch.chdir(tmp_path)
    _, problems = check_knowledge(Path("a.yml"))
    assert [str(p) for p in problems] == ["a.yml:2: duplicate id `alpha` (also at b.yml:2)"]
    _, problems = check_knowledge(Path("b.yml"))
    assert [str(p) for p in problems] == ["b.yml:2: duplicate id `alpha` (first at a.yml:2)"]


def test_the_real_knowledge_files_check_one_by_one() -> None:
    for f in sorted(KB_DIR.glob("*.yml")):
        kb, problems = check_knowledge(f)
        assert [str(p) for p in problems] == [], f.name
        assert len(kb) >= 1, f.name


def test_problem_paths_are_relative_to_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "kb").mkdir()
    write(tmp_path / "kb", OTHER.replace("alpha, ", ""), "b.yml")
    monkeypatch.chdir(tmp_path)
    _, problems = check_knowledge(Path("kb/b.yml"))
    assert [str(p) for p in problems] == ["kb/b.yml:7: `related` names unknown id `nowhere`"]
    _, problems = check_knowledge(tmp_path / "kb")  # an absolute path inside the working folder
    assert [p.file for p in problems] == ["kb/b.yml"]
    monkeypatch.chdir(tmp_path / "kb")
    _, problems = check_knowledge(Path("b.yml"))
    assert [p.file for p in problems] == ["b.yml"]
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")  # outside: the path as given
    _, problems = check_knowledge(tmp_path / "kb" / "b.yml")
    assert [p.file for p in problems] == [str(tmp_path / "kb" / "b.yml")]
