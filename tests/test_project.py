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
    """knowledge -> matcher -> explain -> render stay pure: no Slack, Docker or network."""
    pure = [ROOT / "bot" / "ask" / n for n in ("matcher.py", "analysis.py", "lexicon.py")]
    pure += list((ROOT / "bot" / "kb").glob("model.py"))
    pure += list((ROOT / "bot" / "render").glob("*.py"))
    for path in pure:
        bad = _imports(path) & {"slack_bolt", "slack_sdk", "docker", "requests", "socket", "os"}
        assert not bad, f"{path.name} imports {bad}"


def test_changelog_is_current() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in text
    for word in ("dockbot ask", "dockbot explain", "dockbot exec", "dockbot serve", "kb check"):
        assert word in text, word
