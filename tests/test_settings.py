"""Settings: validated from an explicit environment mapping; errors name the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.settings import Settings


def test_defaults_are_safe() -> None:
    s = Settings.from_env({})
    assert s.exec_enabled is False
    assert s.knowledge_dir.is_dir()
    assert s.slack_bot_token is None and s.config_path is None


def test_values_are_read(tmp_path: Path) -> None:
    cfg = tmp_path / "c.yml"
    cfg.write_text("exec: {}\n", encoding="utf-8")
    s = Settings.from_env(
        {
            "DOCKBOT_EXEC_ENABLED": "yes",
            "DOCKBOT_CONFIG": str(cfg),
            "SLACK_BOT_TOKEN": "xoxb-1",
            "SLACK_APP_TOKEN": "xapp-1",
            "SLACK_API_URL": "http://127.0.0.1:9/api",
            "NO_COLOR": "1",
            "DOCKBOT_LOG_LEVEL": "debug",
        }
    )
    assert s.exec_enabled and s.config_path == cfg
    assert s.slack_api_url == "http://127.0.0.1:9/api/"
    assert s.no_color and s.log_level == "DEBUG"


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"DOCKBOT_EXEC_ENABLED": "maybe"}, "DOCKBOT_EXEC_ENABLED"),
        ({"DOCKER_TLS_VERIFY": "sure"}, "DOCKER_TLS_VERIFY"),
        ({"DOCKBOT_CONFIG": "/nonexistent/dockbot.yml"}, "DOCKBOT_CONFIG"),
        ({"SLACK_API_URL": "ftp://x"}, "SLACK_API_URL"),
        ({"SLACK_APP_TOKEN": "xoxb-wrong-kind"}, "SLACK_APP_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xapp-wrong-kind"}, "SLACK_BOT_TOKEN"),
        ({"DOCKBOT_LOG_LEVEL": "loud"}, "DOCKBOT_LOG_LEVEL"),
    ],
)
def test_bad_values_name_the_variable(env: dict[str, str], name: str) -> None:
    with pytest.raises(ConfigError) as exc:
        Settings.from_env(env)
    assert name in exc.value.user_text()
    assert exc.value.exit_code == 2


def test_require_slack_names_what_is_missing() -> None:
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN"):
        Settings.from_env({}).require_slack()
    with pytest.raises(ConfigError, match="SLACK_SIGNING_SECRET"):
        Settings.from_env({"SLACK_BOT_TOKEN": "xoxb-1"}).require_slack()
    Settings.from_env({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}).require_slack()
    Settings.from_env({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}).require_slack()


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"DOCKER_HOST": "tcp://127.0.0.1:99999"}, "DOCKER_HOST"),
        ({"DOCKER_HOST": "tcp://127.0.0.1:abc"}, "DOCKER_HOST"),
        ({"DOCKER_HOST": "tcp://[::1"}, "DOCKER_HOST"),
        ({"SLACK_API_URL": "http://[::1"}, "SLACK_API_URL"),
        ({"SLACK_API_URL": "http://127.0.0.1:70000/api"}, "SLACK_API_URL"),
    ],
)
def test_malformed_urls_name_the_variable(env: dict[str, str], name: str) -> None:
    with pytest.raises(ConfigError) as exc:
        Settings.from_env(env)
    assert name in exc.value.user_text() and exc.value.exit_code == 2


@pytest.mark.parametrize("port", ["99999", "-1", "0", "abc", "3000.5"])
def test_serve_port_is_checked(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["serve", "--port", port])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "is not a TCP port (1-65535)" in err and "Traceback" not in err


@pytest.mark.parametrize("docker_host", ["tcp://127.0.0.1:99999", "tcp://[::1", "tcp://127.0.0.1:abc"])
def test_exec_with_a_bad_docker_host_exits_2(docker_host: str, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main

    monkeypatch.setenv("DOCKBOT_EXEC_ENABLED", "1")
    monkeypatch.setenv("DOCKER_HOST", docker_host)
    assert main(["exec", "ps"]) == 2
    assert "DOCKER_HOST" in capsys.readouterr().err


SECRETS = [("SLACK_BOT_TOKEN", "xoxb-from-file", "slack_bot_token"),
           ("SLACK_SIGNING_SECRET", "signing-from-file", "slack_signing_secret"),
           ("SLACK_APP_TOKEN", "xapp-from-file", "slack_app_token"),
           ("DOCKBOT_QUESTION_LOG_SALT", "salt-from-file-0123456789", "question_log_salt")]


@pytest.mark.parametrize(("name", "value", "field"), SECRETS)
def test_a_secret_is_read_from_its_file_stripped(tmp_path: Path, name: str, value: str,
                                                 field: str) -> None:
    secret = tmp_path / "secret"
    secret.write_text(f"  {value}\n\n", encoding="utf-8")
    settings = Settings.from_env({f"{name}_FILE": str(secret)})
    assert getattr(settings, field) == value
    assert getattr(Settings.from_env({name: value}), field) == value


@pytest.mark.parametrize(("name", "value", "field"), SECRETS)
def test_a_secret_and_its_file_together_are_refused(tmp_path: Path, name: str, value: str,
                                                    field: str) -> None:
    secret = tmp_path / "secret"
    secret.write_text(value, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        Settings.from_env({name: value, f"{name}_FILE": str(secret)})
    text = exc.value.user_text()
    assert f"Both {name} and {name}_FILE are set" in text and exc.value.exit_code == 2
    assert value not in text


@pytest.mark.parametrize("problem", ["missing", "directory", "unreadable", "empty", "binary"])
def test_an_unusable_secret_file_names_the_variable(tmp_path: Path, problem: str) -> None:
    path = tmp_path / "token"
    if problem == "directory":
        path.mkdir()
    elif problem == "unreadable":
        import os

        if os.geteuid() == 0:
            pytest.skip("root reads any file")
        path.write_text("xoxb-secret")
        path.chmod(0)
    elif problem == "empty":
        path.write_text(" \n")
    elif problem == "binary":
        path.write_bytes(b"\xff\xfe\x00xoxb")
    with pytest.raises(ConfigError) as exc:
        Settings.from_env({"SLACK_BOT_TOKEN_FILE": str(path)})
    text = exc.value.user_text()
    assert f"SLACK_BOT_TOKEN_FILE={str(path)!r}" in text and exc.value.exit_code == 2
    assert "xoxb-secret" not in text


def test_serve_exits_2_when_a_secret_is_set_twice(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    secret = tmp_path / "signing"
    secret.write_text("sekret\n")
    root = Path(__file__).resolve().parents[1]
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(root),
           "SLACK_BOT_TOKEN": "xoxb-t", "SLACK_SIGNING_SECRET": "sekret",
           "SLACK_SIGNING_SECRET_FILE": str(secret)}
    proc = subprocess.run([sys.executable, "-m", "bot", "serve", "--port", "1"], cwd=root,
                          env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "Both SLACK_SIGNING_SECRET and SLACK_SIGNING_SECRET_FILE are set" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_log_format_is_text_or_json() -> None:
    assert Settings.from_env({}).log_format == "text"
    assert Settings.from_env({"DOCKBOT_LOG_FORMAT": "JSON"}).log_format == "json"
    with pytest.raises(ConfigError) as exc:
        Settings.from_env({"DOCKBOT_LOG_FORMAT": "xml"})
    assert "DOCKBOT_LOG_FORMAT" in exc.value.user_text() and exc.value.exit_code == 2


def test_health_port_is_a_tcp_port() -> None:
    assert Settings.from_env({}).health_port is None
    assert Settings.from_env({"DOCKBOT_HEALTH_PORT": "8080"}).health_port == 8080
    for bad in ("0", "65536", "http", "-1", "80 80"):
        with pytest.raises(ConfigError) as err:
            Settings.from_env({"DOCKBOT_HEALTH_PORT": bad})
        assert "DOCKBOT_HEALTH_PORT" in err.value.user_text()
        assert "1 to 65535" in err.value.hint
