"""The version has one source, bot/__init__.py; packaging and the CLI derive from it."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import bot
from bot.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_pyproject_takes_the_version_from_the_package() -> None:
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in conf["project"]
    assert "version" in conf["project"]["dynamic"]
    assert conf["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "bot.__version__"}


def test_the_built_metadata_has_the_package_version() -> None:
    """What setuptools writes into the wheel's metadata is bot.__version__."""
    proc = subprocess.run(
        [sys.executable, "-c",
         "import setuptools.config.pyprojecttoml as p, sys;"
         "print(p.read_configuration(sys.argv[1], expand=True)['project']['version'])",
         str(ROOT / "pyproject.toml")],
        capture_output=True, text=True, cwd=ROOT, timeout=60, check=True,
    )
    assert proc.stdout.strip() == bot.__version__


def test_the_installed_distribution_agrees() -> None:
    assert importlib.metadata.version("dockbot") == bot.__version__


def test_dockbot_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"dockbot {bot.__version__}"
