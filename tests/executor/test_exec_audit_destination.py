"""Where the audit log goes: DOCKBOT_AUDIT_LOG / exec.audit when set; otherwise stderr JSON
for the server and scripts, and a file in the state folder for a person at a terminal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.errors import ConfigError
from bot.executor import build_executor
from bot.settings import Settings
from tests.support.terminal import ROOT, in_terminal


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DOCKBOT_CACHE_DIR": "off",
            **extra}


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _cli(*argv: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", *argv], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60, check=False)


def test_at_a_terminal_the_audit_goes_to_the_state_folder_not_the_screen(
    tmp_path: Path,
) -> None:
    code, screen = in_terminal("exec", "ps", env=_env(tmp_path))
    assert code == 2
    assert "Running Docker commands is turned off." in screen
    assert '"request_id"' not in screen and "{" not in screen
    records = _records(tmp_path / ".local" / "state" / "dockbot" / "audit.jsonl")
    assert [r["outcome"] for r in records] == ["disabled"]
    assert records[0]["principal"] == "cli" and records[0]["text"] == "ps"


def test_xdg_state_home_is_honoured(tmp_path: Path) -> None:
    state = tmp_path / "state"
    in_terminal("exec", "version", env=_env(tmp_path, XDG_STATE_HOME=str(state)))
    in_terminal("exec", "rm web", env=_env(tmp_path, XDG_STATE_HOME=str(state)))
    records = _records(state / "dockbot" / "audit.jsonl")
    assert [r["text"] for r in records] == ["version", "rm web"]
    assert oct((state / "dockbot").stat().st_mode & 0o777) == "0o700"


def test_an_unwritable_state_folder_warns_and_still_answers(tmp_path: Path) -> None:
    code, screen = in_terminal("exec", "ps", env=_env(tmp_path, XDG_STATE_HOME="/proc/nope"))
    assert code == 2 and "turned off" in screen and "Traceback" not in screen
    assert "DOCKBOT_AUDIT_LOG" in screen and '"request_id"' not in screen


def test_at_a_terminal_stderr_can_be_asked_for(tmp_path: Path) -> None:
    code, screen = in_terminal("exec", "ps", env=_env(tmp_path, DOCKBOT_AUDIT_LOG="stderr"))
    assert code == 2
    line = next(x for x in screen.splitlines() if x.startswith("{"))
    assert json.loads(line)["outcome"] == "disabled"
    assert not (tmp_path / ".local" / "state" / "dockbot" / "audit.jsonl").exists()


def test_without_a_terminal_the_audit_stays_json_on_stderr(tmp_path: Path) -> None:
    done = _cli("exec", "ps", env=_env(tmp_path))
    assert done.returncode == 2
    lines = [x for x in done.stderr.splitlines() if x.startswith("{")]
    assert [json.loads(x)["outcome"] for x in lines] == ["disabled"]
    assert not (tmp_path / ".local").exists()


def test_off_writes_no_audit_anywhere(tmp_path: Path) -> None:
    done = _cli("exec", "ps", env=_env(tmp_path, DOCKBOT_AUDIT_LOG="off"))
    assert done.returncode == 2
    assert done.stderr.strip().startswith("error:") or "turned off" in done.stderr
    assert "{" not in done.stderr and not (tmp_path / ".local").exists()


def test_a_file_from_the_setting_wins_at_a_terminal(tmp_path: Path) -> None:
    target = tmp_path / "audit.jsonl"
    code, screen = in_terminal("exec", "ps", env=_env(tmp_path, DOCKBOT_AUDIT_LOG=str(target)))
    assert code == 2 and '"request_id"' not in screen
    assert [r["outcome"] for r in _records(target)] == ["disabled"]


def test_the_real_engine_at_a_terminal(tmp_path: Path, docker_containers: Any) -> None:
    config = tmp_path / "dockbot.yml"
    config.write_text(yaml.safe_dump({
        "exec": {"enabled": True, "hosts": {"local": {"url": docker_containers.url}}},
    }))
    code, screen = in_terminal("exec", "ps", env=_env(tmp_path, DOCKBOT_CONFIG=str(config)))
    assert code == 0 and "NAME" in screen and docker_containers.web in screen
    assert '"request_id"' not in screen
    records = _records(tmp_path / ".local" / "state" / "dockbot" / "audit.jsonl")
    assert records[-1]["outcome"] == "ok" and records[-1]["host"] == "local"


def test_exec_audit_in_the_config_file_is_used_at_a_terminal(
    tmp_path: Path, docker_containers: Any,
) -> None:
    config = tmp_path / "dockbot.yml"
    config.write_text(yaml.safe_dump({"exec": {"enabled": True, "audit": "stderr",
                                               "hosts": {"local": {"url": docker_containers.url}}}}))
    code, screen = in_terminal("exec", "version", env=_env(tmp_path, DOCKBOT_CONFIG=str(config)))
    assert code == 0 and '"outcome":"ok"' in screen


def test_the_server_default_is_stderr(tmp_path: Path) -> None:
    settings = Settings.from_env({"HOME": str(tmp_path)})
    ex = build_executor(settings)
    try:
        assert ex.audit.destination == "stderr"
    finally:
        ex.close()
    ex = build_executor(settings, terminal=True)
    try:
        assert ex.audit.destination == str(tmp_path / ".local/state/dockbot/audit.jsonl")
    finally:
        ex.close()
    ex = build_executor(Settings.from_env({}), terminal=True)      # no HOME: nowhere to keep it
    try:
        assert ex.audit.destination == "off"
    finally:
        ex.close()


def test_chat_and_slash_at_a_terminal_use_the_state_folder(tmp_path: Path) -> None:
    from bot.services import Services

    settings = Settings.from_env({"HOME": str(tmp_path)})
    services = Services(settings=settings, kb=None, matcher=None, terminal=True)  # type: ignore[arg-type]
    try:
        assert services.executor.audit.destination.endswith("dockbot/audit.jsonl")
    finally:
        services.close()


@pytest.mark.parametrize(("value", "expected"), [
    ("off", "off"), ("OFF", "off"), ("-", "-"), ("stdout", "stdout"), ("Stderr", "stderr"),
    ("/var/log/dockbot/audit.jsonl", "/var/log/dockbot/audit.jsonl"),
])
def test_the_setting_is_read_and_normalised(value: str, expected: str) -> None:
    assert Settings.from_env({"DOCKBOT_AUDIT_LOG": value}).audit_log == expected


def test_a_bad_setting_names_the_variable() -> None:
    with pytest.raises(ConfigError) as info:
        Settings.from_env({"DOCKBOT_AUDIT_LOG": "a\x01b"})
    assert "DOCKBOT_AUDIT_LOG" in info.value.message and "off" in (info.value.hint or "")
