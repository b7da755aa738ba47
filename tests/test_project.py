"""Project consistency: the README's commands, CI, packaging and the architecture rules."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_quickstart_is_two_commands_and_ci_runs_the_test_command() -> None:
    text = readme()
    quick = text.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)\n```", quick, flags=re.S)
    assert len(blocks) == 2, blocks
    assert all("\n" not in b.strip() for b in blocks)
    assert "dockbot ask" in blocks[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1].strip() in ci.splitlines(), "CI must run the README's test command"


def test_every_package_is_in_the_wheel() -> None:
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(conf["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "bot").rglob("__init__.py")
    }
    assert found <= listed, f"packages missing from pyproject.toml: {sorted(found - listed)}"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_backend_imports_docker() -> None:
    users = sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "bot").rglob("*.py") if "docker" in _imports(p)
    )
    assert users == ["bot/executor/backend.py"]


def test_only_settings_reads_the_environment() -> None:
    readers = sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "bot").rglob("*.py")
        if re.search(r"os\.environ|os\.getenv|getenv\(", p.read_text(encoding="utf-8"))
    )
    assert readers == ["bot/settings.py"]


def test_the_core_does_no_io() -> None:
    """knowledge -> matcher -> explain -> intent -> render stay pure: no Slack, Docker or
    network."""
    pure = [ROOT / "bot" / "ask" / n for n in (
        "matcher.py", "analysis.py", "lexicon.py", "index.py", "answer.py", "composition.py",
        "placement.py", "values.py", "option_values.py", "templates.py", "phrasing.py", "reference.py",
    )]
    pure += list((ROOT / "bot" / "kb").glob("model.py"))
    pure += list((ROOT / "bot" / "render").glob("*.py"))
    pure += list((ROOT / "bot" / "intent").glob("*.py"))
    for path in pure:
        bad = _imports(path) & {"slack_bolt", "slack_sdk", "docker", "requests", "socket", "os"}
        assert not bad, f"{path.name} imports {bad}"


def test_changelog_is_current() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in text
    for word in ("dockbot ask", "dockbot explain", "dockbot exec", "dockbot serve", "kb check"):
        assert word in text, word


def test_command_scored_question_sets_are_well_formed() -> None:
    """Every real-question and statement-style set parses, its patterns compile, real
    questions name where they were posted, and each style has 300+ questions per split."""
    from bench.command_sets import load_set

    folder = ROOT / "bench" / "questions"
    for style in ("real", "task"):
        for split in ("dev", "holdout"):
            qs = load_set(folder, f"{style}-{split}")
            assert len(qs) >= 300, (style, split, len(qs))
            assert {q.lang for q in qs} == {"ko", "en"}
            assert any(not q.in_scope for q in qs)
            for q in qs:
                if style == "real":
                    assert q.source.startswith(("http://", "https://")), q.where
                else:
                    assert q.source == "own", q.where
    # the fresh collection of real questions, read only as totals
    fresh = load_set(folder, "real-fresh")
    assert len(fresh) >= 150 and {q.lang for q in fresh} == {"ko", "en"}
    assert any(not q.in_scope for q in fresh)
    assert all(q.source.startswith(("http://", "https://")) for q in fresh)


def test_benchmark_questions_are_not_knowledge_examples() -> None:
    """The held-out real questions are never copied into the knowledge base's examples."""
    from bench.command_sets import load_set
    from bench.metrics import example_texts, near_example, normalized
    from bot.kb.check import load_knowledge

    kb = load_knowledge(ROOT / "knowledge")
    examples = example_texts(kb)
    ordered = sorted(examples)
    folder = ROOT / "bench" / "questions"
    for name in ("real-dev", "real-holdout", "real-fresh", "task-dev", "task-holdout"):
        qs = load_set(folder, name)
        same = [q.text for q in qs if normalized(q.text) in examples]
        # short everyday phrases and error messages coincide ("컨테이너 삭제", "Cannot connect
        # to the Docker daemon"); bench/run_sets.py reports the scores without them too
        assert len(same) <= 0.05 * len(qs), (name, same)
        # nor reworded a little: an example within 85 % of a question is a chance overlap of
        # a short phrase or an error message ("이미지 히스토리 확인"), rarely more; the
        # report gives the scores without those too (`far` rows)
        near = [q.text for q in qs if near_example(q.text, ordered)]
        assert len(near) <= 0.12 * len(qs), (name, len(near))
