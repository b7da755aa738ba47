"""The operation table is complete, is what everything reads, and is the only list of
operations in dockbot."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.executor import Executor, Principal
from bot.executor.grammar import parse
from bot.executor.messages import allowed
from bot.executor.operations import OP_LABELS, OPERATIONS, OPS, ROLE_NAMES, OpSpec, role_ops
from bot.executor.policy import DEFAULT_ROLES
from bot.executor.views import View
from bot.lang import has_hangul

BOT = Path(__file__).resolve().parents[2] / "bot"
TABLE = BOT / "executor" / "operations.py"
SPECS = list(OPERATIONS.values())


def _request(spec: OpSpec, words: tuple[str, ...]) -> str:
    """A request that spells ``spec`` with ``words`` and gives what it requires."""
    parts = list(words)
    parts += ["web"] * spec.args[0]
    for flag in spec.flags:
        if flag.required:
            parts += [flag.names[0], "10m"]
    return " ".join(parts)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.id)
def test_every_operation_has_all_its_facts(spec: OpSpec) -> None:
    assert spec.words and all(1 <= len(w) <= 2 for w in spec.words)
    assert spec.label and spec.usage_in("en").startswith(spec.label)
    assert "NAME" not in spec.usage_in("ko")
    assert spec.title["en"].isascii() and spec.title["en"].strip()
    assert has_hangul(spec.title["ko"])
    assert spec.role in ROLE_NAMES
    assert spec.call.path.startswith("/") and spec.call.path.count("{0}") <= 1
    assert ("{0}" in spec.call.path) == (spec.args[1] > 0) or spec.call.reader == "samples"
    assert callable(spec.view)
    for flag in spec.flags:
        assert flag.names and all(n.startswith("-") for n in flag.names)
        assert flag.field is None or flag.field in ("all", "quiet", "tail", "since")


@pytest.mark.parametrize(
    ("spec", "words"), [(s, w) for s in SPECS for w in s.words],
    ids=lambda v: v.id if isinstance(v, OpSpec) else " ".join(v),
)
def test_every_spelling_in_the_table_parses_to_its_operation(
    spec: OpSpec, words: tuple[str, ...]
) -> None:
    op = parse(_request(spec, words))
    assert op.kind == spec.id and op.label == spec.label
    assert parse("docker " + _request(spec, words)).kind == spec.id


def test_ids_labels_and_spellings_are_unique() -> None:
    spellings = [w for s in SPECS for w in s.words]
    assert len(spellings) == len(set(spellings))
    assert len(set(OP_LABELS.values())) == len(OPS)
    assert list(OPS) == [s.id for s in SPECS]


def test_built_in_roles_come_from_the_table() -> None:
    for rank, role in enumerate(ROLE_NAMES):
        expected = {s.id for s in SPECS if ROLE_NAMES.index(s.role) <= rank}
        assert DEFAULT_ROLES[role] == role_ops(role) == expected
    assert DEFAULT_ROLES["none"] == frozenset()
    assert DEFAULT_ROLES["viewer"] < DEFAULT_ROLES["operator"] < DEFAULT_ROLES["admin"]
    assert DEFAULT_ROLES["admin"] == frozenset(OPS)
    assert "logs" not in DEFAULT_ROLES["operator"]


def test_refusal_and_help_texts_list_every_operation() -> None:
    for spec in SPECS:
        assert spec.usage_in("en") in allowed("en")
        assert spec.usage_in("ko") in allowed("ko")


def test_cli_help_lists_every_operation_with_both_titles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from bot.cli import main

    with pytest.raises(SystemExit):
        main(["exec", "--help"])
    out = capsys.readouterr().out
    for spec in SPECS:
        line = next(x for x in out.splitlines() if x.strip().startswith(spec.usage_in("en")))
        assert spec.title["en"] in line and spec.title["ko"] in line


def test_slack_help_labels_come_from_the_table(
    make_executor: Callable[..., Executor], docker_containers: Any,
) -> None:
    from bot.slack.access import allowed_ops

    ex = make_executor(docker_containers.url)
    ops, hosts = allowed_ops(ex, Principal.slack(user="UVIEW", channel="CVIEW"))
    assert ops == [s.label for s in SPECS if s.role == "viewer"] and hosts == ["local"]


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.id)
def test_every_operation_runs_on_the_real_engine(
    spec: OpSpec, make_executor: Callable[..., Executor], docker_containers: Any,
    admin: Principal,
) -> None:
    ex = make_executor(docker_containers.url)
    words = " ".join(spec.words[0])
    if spec.args[0]:
        words += f" {docker_containers.web}"
    for flag in spec.flags:
        if flag.required:
            words += f" {flag.names[0]} 10m"
    res = ex.run(words, admin)
    assert res.op == spec.id and res.host == "local"
    if spec.output == "lines":
        assert not res.columns
    else:
        assert res.columns


# -- nothing else lists operations -----------------------------------------------------

_NAMES = set(OPS) | set(OP_LABELS.values())
_LABEL_RUN = re.compile(
    r"\b(?:" + "|".join(re.escape(x) for x in sorted(OP_LABELS.values(), key=len, reverse=True))
    + r")\b"
)
# Folders that describe the docker CLI itself (its commands, typos, flags), not the
# executor's operations.
_ABOUT_THE_DOCKER_CLI = ("explain", "ask", "kb")


def _docstrings(tree: ast.AST) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _listings(path: Path) -> list[str]:
    """Literal collections of three or more operation names, texts that list four or more
    operation labels (docstrings aside), and if-chains comparing with three or more
    operation names, in one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    found: list[str] = []
    compared = {
        c.value for node in ast.walk(tree) if isinstance(node, ast.Compare)
        for c in node.comparators if isinstance(c, ast.Constant) and c.value in OPS
    }
    if len(compared) >= 3:
        found.append(f"{path.name}: compares with {sorted(compared)}")
    for node in ast.walk(tree):
        items: list[ast.expr | None] = []
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            items = list(node.elts)
        elif isinstance(node, ast.Dict):
            items = list(node.keys)
        names = {i.value for i in items if isinstance(i, ast.Constant) and i.value in _NAMES}
        if len(names) >= 3:
            found.append(f"{path.name}:{node.lineno}: {sorted(names)}")
        if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in docs):
            labels = set(_LABEL_RUN.findall(node.value))
            if len(labels) >= 4 and ", " in node.value:
                found.append(f"{path.name}:{node.lineno}: {sorted(labels)}")
    return found


def test_the_scan_finds_a_list_of_operations(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('OPS = ("ps", "images", "df")\nHELP = "try ps, df, image ls, info"\n'
                      'if k == "ps" or k == "df":\n    pass\nelif k == "logs":\n    pass\n')
    assert len(_listings(sample)) == 3


def test_nothing_else_in_bot_lists_operation_names() -> None:
    found: list[str] = []
    for path in sorted(BOT.rglob("*.py")):
        rel = path.relative_to(BOT)
        if path == TABLE or rel.parts[0] in _ABOUT_THE_DOCKER_CLI:
            continue
        found += [f"{rel.parent}/{hit}" for hit in _listings(path)]
    assert found == []


def test_views_return_views() -> None:
    for spec in SPECS:
        if spec.output == "lines":
            raw: Any = {"data": b"a\nb\n", "cut": False}
        elif spec.call.reader == "samples":
            raw = {"samples": [], "more": 0}
        elif spec.call.reader == "json_client":
            raw = {"server": {}, "client": {}}
        else:
            raw = {} if spec.id in ("info", "df", "volumes", "inspect", "port", "top") else []
        view = spec.view(raw, parse(_request(spec, spec.words[0])), 80)
        assert isinstance(view, View)
