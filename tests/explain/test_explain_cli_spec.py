"""The command tree data loads, links aliases, and rejects broken files with a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import KnowledgeError
from bot.explain import explain
from bot.explain.cli_spec import default_spec, load_spec, parse_usage


def test_explain_spec_links_aliases_to_one_node() -> None:
    spec = default_spec()
    run = spec.resolve("docker container run")
    assert run is not None
    assert spec.resolve("docker run") is run
    ls = spec.resolve("docker container ls")
    assert ls is not None
    for alias in ("docker ps", "docker container ps", "docker container list"):
        assert spec.resolve(alias) is ls
    assert spec.resolve("docker nope") is None
    assert spec.resolve("kubectl get") is None


def test_explain_spec_flags_and_usage() -> None:
    run = default_spec().resolve("docker run")
    assert run is not None
    publish = run.flag_by_short("p")
    assert publish is not None and publish.long == "publish" and publish.takes_value
    assert publish.repeatable
    detach = run.flag_by_long("detach")
    assert detach is not None and not detach.takes_value
    assert run.flag_by_short("P") is not run.flag_by_short("p")
    assert not run.interspersed  # options stop at the image
    rm = default_spec().resolve("docker rm")
    assert rm is not None and rm.interspersed


def test_explain_every_command_has_korean_and_english() -> None:
    for cmd in default_spec().walk():
        assert cmd.summary("en"), cmd.path
        assert cmd.summary("ko") != cmd.summary("en") or cmd.path == "docker", cmd.path


@pytest.mark.parametrize(
    ("usage", "names"),
    [
        ("IMAGE [COMMAND] [ARG...]", ["IMAGE", "COMMAND", "COMMAND"]),
        ("CONTAINER [ps OPTIONS]", ["CONTAINER", "PS_OPTIONS"]),
        ("PATH | URL | -", ["PATH|URL|-"]),
        ("SERVICE COMMAND [ARGS...]", ["SERVICE", "COMMAND", "COMMAND"]),
        ("", []),
    ],
)
def test_explain_parse_usage(usage: str, names: list[str]) -> None:
    assert [s.name for s in parse_usage(usage)] == names


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "cli.yml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('"docker x":\n  en: x\n', "no root"),
        ('"docker":\n  en: d\n"docker a b":\n  en: x\n', "parent"),
        ('"docker":\n  en: d\n  flags:\n    "-dd, --x": {en: y}\n', "bad flag entry"),
        ('"docker":\n  en: d\n  flags:\n    "--x": {ko: y}\n', "bad flag entry"),
        ('"docker": [1, 2]\n', "bad entry"),
        ("- just\n- a list\n", "mapping"),
        ('"docker":\n  en: "unclosed\n', "cannot read"),
    ],
)
def test_explain_spec_rejects_broken_data(tmp_path: Path, text: str, words: str) -> None:
    with pytest.raises(KnowledgeError, match=words):
        load_spec(_write(tmp_path, text))


def test_explain_spec_minimal_tree(tmp_path: Path) -> None:
    spec = load_spec(
        _write(
            tmp_path,
            '"docker":\n  en: d\n"docker thing":\n  en: t\n  ko: 것\n  usage: "NAME"\n'
            '  aliases: ["docker th"]\n  flags:\n    "-q, --quiet": {en: q}\n',
        )
    )
    thing = spec.resolve("docker th")
    assert thing is not None and thing.path == "docker thing"
    quiet = thing.flag_by_short("q")
    assert quiet is not None and quiet.meaning("ko") == "q"  # falls back to English


def test_explain_interactive_terminal_note() -> None:
    expl = explain("docker run -it alpine sh", "en")
    tty = next(p for p in expl.parts if p.flag == "--tty")
    assert "interactive terminal" in tty.meaning
    expl = explain("docker run -t alpine sh", "en")
    tty = next(p for p in expl.parts if p.flag == "--tty")
    assert "interactive terminal" not in tty.meaning
