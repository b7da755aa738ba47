"""The buildx table follows the buildx reference it names, and its commands explain as expected.

buildx is not installed where these tests run, so test_explain_cli_help.py cannot compare the
table with `docker buildx ... --help`; buildx_reference.txt holds the Options tables of the
reference pages the table was written from, and the table must list exactly those flags.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.explain import explain
from bot.explain.cli_spec import DATA_DIR, default_spec
from bot.explain.model import Explanation
from bot.lang import Lang

REFERENCE = Path(__file__).with_name("buildx_reference.txt")
# Reference pages with no command in the same buildx source ("TODO: json-schema command").
NOT_A_COMMAND = {"docker buildx policy json-schema"}
_KEY = re.compile(r"^(?:-(?P<short>\w), )?--(?P<long>[\w.-]+)(?: (?P<type>\S+))?$")


def _reference() -> dict[str, set[tuple[str, str | None, bool]]]:
    out: dict[str, set[tuple[str, str | None, bool]]] = {}
    for line in REFERENCE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        path, _, key = (x.strip() for x in line.partition("|"))
        flags = out.setdefault(path, set())
        if key:
            m = _KEY.match(key)
            assert m is not None, line
            flags.add((m["long"], m["short"], m["type"] is not None))
    return out


REF = _reference()


def test_the_reference_snapshot_is_the_one_the_table_names() -> None:
    commit = re.search(r"commit ([0-9a-f]{8})", REFERENCE.read_text(encoding="utf-8"))
    assert commit is not None
    header = (DATA_DIR / "buildx.yml").read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert f"commit {commit[1]}" in header and "v0.36" in header


@pytest.mark.parametrize("path", sorted(set(REF) - NOT_A_COMMAND))
def test_every_reference_command_is_in_the_table_with_its_flags(path: str) -> None:
    cmd = default_spec().get(path)
    assert cmd is not None, f"{path} is missing"
    assert cmd.plugin_name == "buildx"
    have = {(f.long, f.short, f.takes_value) for f in cmd.flags}
    assert sorted(have - REF[path]) == [], "listed but not in the reference"
    assert sorted(REF[path] - have) == [], "in the reference but not listed"


def test_the_table_has_no_command_the_reference_lacks() -> None:
    buildx = {c.path for c in default_spec().walk() if c.plugin_name == "buildx"}
    assert sorted(buildx - set(REF)) == []
    assert not (NOT_A_COMMAND & buildx)


def _parts(expl: Explanation) -> dict[str, tuple[str, str]]:
    return {p.text: (p.role, p.meaning) for p in expl.parts}


@pytest.mark.parametrize(
    ("command", "path_words"),
    [
        ("docker buildx bake -f docker-bake.hcl --print db", ["buildx", "bake"]),
        ("docker buildx f --list=targets", ["buildx", "f"]),
        ("docker buildx history ls --filter status=error", ["buildx", "history", "ls"]),
        ("docker buildx history inspect attachment --type provenance ^1",
         ["buildx", "history", "inspect", "attachment"]),
        ("docker buildx history export --all -o all.dockerbuild", ["buildx", "history", "export"]),
        ("docker buildx history import -f b.dockerbuild", ["buildx", "history", "import"]),
        ("docker buildx history logs --progress rawjson ^1", ["buildx", "history", "logs"]),
        ("docker buildx history open ^1", ["buildx", "history", "open"]),
        ("docker buildx history rm --all", ["buildx", "history", "rm"]),
        ("docker buildx history trace --compare ^2 ^1", ["buildx", "history", "trace"]),
        ("docker buildx debug --invoke /bin/sh --on always build .", ["buildx", "debug", "build"]),
        ("docker buildx dap build .", ["buildx", "dap", "build"]),
        ("docker buildx policy eval --print docker-image://alpine", ["buildx", "policy", "eval"]),
        ("docker buildx du --format json --timeout 5s", ["buildx", "du"]),
        ("docker buildx -D ls --no-trunc", ["buildx", "ls"]),
    ],
)  # fmt: skip
def test_buildx_commands_are_known(command: str, path_words: list[str]) -> None:
    expl = explain(command, "en")
    subs = [p for p in expl.parts if p.role == "subcommand"]
    assert [p.text for p in subs] == path_words
    bad = [p for p in expl.parts if "unknown" in p.meaning or "not a sub-command" in p.meaning]
    assert bad == []
    assert expl.suggestions == ()


@pytest.mark.parametrize(
    ("command", "word", "lang", "expected"),
    [
        ("docker buildx build --call check .", "check", "en", "do not build: check the Dockerfile"),
        ("docker buildx build --call outline .", "outline", "ko", "빌드 인자와 secret"),
        ("docker buildx build --check .", "--check", "en", "Shorthand for --call=check"),
        ("docker buildx build --progress plain .", "plain", "en", "output of RUN commands"),
        ("docker buildx build --progress=rawjson .", "rawjson", "en", "JSON lines"),
        ("docker buildx build -o type=local,dest=out .", "type=local,dest=out", "en",
         "into the folder out on this machine"),
        ("docker buildx build -o out .", "out", "ko", "폴더 out에 씀"),
        ("docker buildx build -o type=docker .", "type=docker", "en", "like --load"),
        ("docker buildx build --output type=tar,dest=out.tar .", "type=tar,dest=out.tar", "en",
         "tar archive to out.tar"),
        ("docker buildx build --output - .", "-", "en", "tar archive to standard output"),
        ("docker buildx build --resource memory=2g .", "--resource", "en", "Resource limits"),
        ("docker buildx du --format json", "json", "en", "print JSON"),
        ("docker buildx du --verbose", "--verbose", "en", "--format=pretty"),
        ("docker buildx imagetools create --annotation index:org.opencontainers.image.title=x "
         "-t me/app:1 me/app:amd64", "index:org.opencontainers.image.title=x", "en",
         "annotation org.opencontainers.image.title='x' on the index"),
        ("docker buildx imagetools create --metadata-file m.json -t me/app:1 me/app:amd64",
         "m.json", "en", "file m.json"),
        ("docker buildx imagetools create -p linux/arm64 -t me/app:arm me/app:multi", "-p", "en",
         "Filter specified platforms"),
        ("docker buildx history ls --filter status=error", "status=error", "en",
         "only builds whose status is error"),
        ("docker buildx history inspect ^1", "^1", "en", "^1 for the latest build"),
        ("docker buildx bake db", "db", "ko", "bake 대상"),
        ("docker buildx build -m 2g .", "-m", "en", "not listed in --help, but docker accepts it"),
        ("docker buildx prune --keep-storage 10gb", "--keep-storage", "en", "--reserved-space"),
    ],
)  # fmt: skip
def test_buildx_flags_and_values(command: str, word: str, lang: Lang, expected: str) -> None:
    parts = _parts(explain(command, lang))
    assert word in parts, list(parts)
    assert expected in parts[word][1]


@pytest.mark.parametrize(
    ("command", "flag", "lang", "expected"),
    [
        ("docker build --check .", "--check", "en", "Shorthand for --call=check"),
        ("docker build -o out .", "-o", "en", "Output destination"),
        ("docker build --progress=plain .", "--progress", "ko", "진행 상황 출력 방식"),
        ("docker image build --push -t me/app:1 .", "--push", "en", "type=registry"),
    ],
)
def test_docker_build_takes_buildx_flags(command: str, flag: str, lang: Lang, expected: str) -> None:
    expl = explain(command, lang)
    part = next(p for p in expl.parts if p.text == flag)
    assert part.role == "flag"
    assert expected in part.meaning
    note = "a flag of `docker buildx build`" if lang == "en" else "`docker buildx build`의 플래그"
    assert note in part.meaning
    assert expl.suggestions == ()
    assert not any("unknown" in p.meaning or "알 수 없는" in p.meaning for p in expl.parts)


def test_docker_build_flags_of_its_own_have_no_buildx_note() -> None:
    expl = explain("docker build --no-cache --nope .", "en")
    parts = {p.text: p.meaning for p in expl.parts}
    assert "buildx" not in parts["--no-cache"]
    assert "unknown flag" in parts["--nope"]
    out = next(p for p in explain("docker build -o out .", "en").parts if p.text == "out")
    assert "into the folder out on this machine" in out.meaning
