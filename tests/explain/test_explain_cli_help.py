"""The flag table in bot/explain/data must match the installed docker CLI.

For every sub-command path in the table (aliases included) this runs `docker <path> --help`
(the client alone prints help, no daemon needed), reads the Options section and fails on a flag
we list that the CLI does not have, a short letter that differs, or a flag we say takes a value
when the CLI says it does not (or the other way round). Commands of a CLI plugin that is not
installed (compose, buildx) are skipped with the list of what was not checked.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache

import pytest

from bot.explain.cli_spec import HIDDEN_ALIASES, HIDDEN_FLAGS, Command, default_spec

_OPTION = re.compile(
    r"^(?:  -(?P<short>\w), |      )--(?P<long>[\w][\w.-]*)(?: (?P<type>[\w.-]+))?(?:\s{2,}.*)?$"
)
_VERSION = re.compile(r"(\d+)\.(\d+)\.(\d+)")


@dataclass(frozen=True)
class HelpFlag:
    short: str | None
    takes_value: bool


def parse_options(text: str) -> dict[str, HelpFlag]:
    """Flags of a `--help` text: long name -> short letter and whether a value type follows."""
    flags: dict[str, HelpFlag] = {}
    on = False
    for line in text.splitlines():
        if re.match(r"^(Global )?Options:$|^Flags:$", line):
            on = True
            continue
        if on and not line.strip():
            on = False
            continue
        m = _OPTION.match(line) if on else None
        if m:
            flags[m["long"]] = HelpFlag(short=m["short"], takes_value=m["type"] is not None)
    return flags


def _version(binary: str) -> tuple[int, ...]:
    try:
        out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return ()
    m = _VERSION.search(out.stdout)
    return tuple(int(x) for x in m.groups()) if m else ()


@cache
def docker_binary() -> str | None:
    """The newest docker client found (PATH first, then the usual install places)."""
    found = {shutil.which("docker"), "/usr/local/bin/docker", "/usr/bin/docker"}
    usable = [(v, b) for b in found if b and os.access(b, os.X_OK) and (v := _version(b))]
    return max(usable)[1] if usable else None


def _run(argv: list[str]) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None


@cache
def plugin_runner(plugin: str) -> list[str] | None:
    """Argv prefix that runs `docker <plugin>`, or None when the plugin is not installed."""
    docker = docker_binary()
    if docker is None:
        return None
    res = _run([docker, plugin, "version"])
    if res is not None and res.returncode == 0:
        return [docker, plugin]
    standalone = shutil.which(f"docker-{plugin}")
    if standalone:  # e.g. the Compose v2 binary installed as `docker-compose`
        res = _run([standalone, "version"])
        if res is not None and res.returncode == 0 and re.search(r"\bv?2\.", res.stdout):
            return [standalone]
    return None


def help_text(path: str, plugin: str | None) -> str:
    words = path.split()[1:]
    if plugin is None:
        docker = docker_binary()
        assert docker is not None
        argv = [docker, *words]
    else:
        runner = plugin_runner(plugin)
        assert runner is not None
        argv = [*runner, *words[1:]]
    res = _run([*argv, "--help"])
    assert res is not None, f"`{' '.join(argv)} --help` did not finish"
    assert res.returncode == 0, f"`{' '.join(argv)} --help` failed: {res.stderr.strip()[:300]}"
    return res.stdout


def mismatches(cmd: Command, text: str) -> list[str]:
    real = parse_options(text)
    problems: list[str] = []
    for flag in cmd.flags:
        got = real.get(flag.long)
        if got is None:
            problems.append(f"{cmd.path}: --{flag.long} does not exist in --help")
            continue
        if got.short != flag.short:
            problems.append(
                f"{cmd.path}: --{flag.long} short is -{got.short}, table says -{flag.short}"
            )
        if got.takes_value != flag.takes_value:
            want = "takes a value" if got.takes_value else "is a switch"
            problems.append(f"{cmd.path}: --{flag.long} {want} in the CLI")
    return problems


def _paths(cmd: Command) -> list[str]:
    """The canonical path of a command and every alias path that reaches it."""
    spec = default_spec()
    out = [cmd.path]
    for node in spec.walk():
        for name, child in node.children.items():
            path = f"{node.path} {name}"
            if child is cmd and path != cmd.path:
                out.append(path)
    return out


SPEC = default_spec()
CORE = [c for c in SPEC.walk() if c.plugin_name is None]
PLUGINS = sorted({c.plugin_name for c in SPEC.walk() if c.plugin_name})

needs_docker = pytest.mark.skipif(
    docker_binary() is None, reason="no docker client binary found (PATH, /usr/local/bin, /usr/bin)"
)


@needs_docker
@pytest.mark.parametrize("path", [p for c in CORE for p in _paths(c)])
def test_explain_cli_flags_match_help(path: str) -> None:
    cmd = SPEC.resolve(path)
    assert cmd is not None
    text = help_text(path, None)
    if cmd.path == "docker image build" and "docker buildx build" in text.split("\n", 2)[1]:
        pytest.skip("`docker build` is buildx here; its flags are checked under buildx build")
    assert mismatches(cmd, text) == []


@needs_docker
@pytest.mark.parametrize("plugin", PLUGINS)
def test_explain_plugin_flags_match_help(plugin: str) -> None:
    commands = [c for c in SPEC.walk() if c.plugin_name == plugin]
    if plugin_runner(plugin) is None:
        names = ", ".join(sorted(c.path for c in commands))
        pytest.skip(f"the docker {plugin} CLI plugin is not installed; not checked: {names}")
    problems = [
        p for c in commands for path in _paths(c) for p in mismatches(c, help_text(path, plugin))
    ]
    assert problems == []


@needs_docker
@pytest.mark.parametrize("path", [c.path for c in CORE if c.usage is not None])
def test_explain_cli_usage_matches_help(path: str) -> None:
    """Positional arguments decide what is an image, a container or the container's command."""
    cmd = SPEC.resolve(path)
    assert cmd is not None and cmd.usage is not None
    m = re.search(r"^Usage:\s+(.*)$", help_text(path, None), re.M)
    assert m is not None
    usage = " ".join(m.group(1).replace("[OPTIONS]", "").split())
    assert usage.endswith(cmd.usage) and usage.startswith(path), (usage, cmd.usage)


def test_explain_help_parser_reads_wrapped_options() -> None:
    text = (
        "Usage:  docker x [OPTIONS]\n\nOptions:\n"
        "  -p, --publish list                 Publish a container's port(s) to\n"
        "                                     the host\n"
        "      --rm                           Automatically remove\n"
        "      --gpus gpu-request             GPU devices\n\n"
        "Run 'docker x --help'\n"
    )
    assert parse_options(text) == {
        "publish": HelpFlag("p", True),
        "rm": HelpFlag(None, False),
        "gpus": HelpFlag(None, True),
    }


def test_explain_help_mismatch_is_reported() -> None:
    from bot.explain.cli_spec import Flag

    cmd = Command(
        path="docker x",
        text={"en": "x"},
        usage="",
        flags=(
            Flag("detach", "d", "string", {"en": "wrong: a switch in the CLI"}),
            Flag("publish", "P", "list", {"en": "wrong short letter"}),
            Flag("bogus", None, None, {"en": "not in the CLI"}),
        ),
    )
    text = (
        "Options:\n  -d, --detach          Run in background\n  -p, --publish list    Publish\n\n"
    )
    assert mismatches(cmd, text) == [
        "docker x: --detach is a switch in the CLI",
        "docker x: --publish short is -p, table says -P",
        "docker x: --bogus does not exist in --help",
    ]


def _hidden_cases() -> list[tuple[str, str, bool]]:
    """(command path, flag as written in --help, takes a value) of every hidden flag we accept."""
    cases = [
        (path, f"--{name}", True) for path, names in HIDDEN_ALIASES.items() for name in names
    ]
    for path, flags in HIDDEN_FLAGS.items():
        for key in flags:
            long, _, value_type = key.partition(" ")
            cases.append((path, long, bool(value_type)))
    return cases


def _argv(path: str) -> list[str] | None:
    cmd = SPEC.resolve(path)
    assert cmd is not None, path
    plugin = cmd.plugin_name
    if plugin is None:
        docker = docker_binary()
        return [docker, *path.split()[1:]] if docker else None
    runner = plugin_runner(plugin)
    return [*runner, *path.split()[2:]] if runner else None


@needs_docker
@pytest.mark.parametrize(("path", "flag", "takes_value"), _hidden_cases())
def test_explain_hidden_flags_are_accepted_but_not_listed(
    path: str, flag: str, takes_value: bool
) -> None:
    """The CLI parses its flags before it prints help: an unknown flag fails even with --help."""
    argv = _argv(path)
    if argv is None:
        pytest.skip(f"the CLI plugin of `{path}` is not installed")
    given = [flag, "x"] if takes_value else [flag]
    res = _run([*argv, *given, "--help"])
    assert res is not None
    assert "unknown flag" not in res.stderr, res.stderr
    assert flag.removeprefix("--") not in parse_options(res.stdout)  # hidden from --help
    bogus = _run([*argv, "--no-such-flag-here", "--help"])
    assert bogus is not None and "unknown flag" in bogus.stderr  # the probe can fail
