"""Redaction rules from safety.md, and the audit writer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.executor.audit import FIELDS, AuditLog, audit_text
from bot.executor.redact import (
    clean_cell,
    cut,
    decode_log,
    for_slack,
    redact_lines,
    redact_text,
    secret_key,
    strip_controls,
)

SECRET = "s3cr3tV4lue"


@pytest.mark.parametrize(
    "text",
    [
        f"postgres://admin:{SECRET}@db:5432/app",
        f"redis://:{SECRET}@cache:6379",
        f"https://user:{SECRET}@registry.example/v2/",
        f"--password={SECRET}",
        f"--db-password {SECRET}",
        f"-p --api-key={SECRET}",
        f"DB_PASSWORD={SECRET}",
        f"MYSQL_ROOT_PASSWD={SECRET}",
        f"client_secret: {SECRET}",
        f'"api_key": "{SECRET}"',
        f"x-auth-token={SECRET}",
        f"SESSION_COOKIE={SECRET}",
        f"SENTRY_DSN={SECRET}",
        f"aws_access_key={SECRET}",
        f"private_key={SECRET}",
        f"credentials={SECRET}",
        f"Authorization: Bearer {SECRET}xyz",
        "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzM2NyM3RWNGx1ZSJ9.s3cr3tV4lue-sig",
        "key AKIAS3CR3TV4LUE12345",
        "ASIAS3CR3TV4LUE12345 rotated",
        "ghp_s3cr3tV4lues3cr3tV4lues3cr3tV4lue12",
        "github_pat_s3cr3tV4lue_s3cr3tV4lue_s3cr3tV4lue",
        "xoxb-1234-5678-s3cr3tV4lue",
        "xapp-1-A0-s3cr3tV4lue",
        "admin:$apr1$s3cr3tV4lue$abcdefgh",
        "hash $2y$10$s3cr3tV4lueabcdefghijklmn",
        "-----BEGIN RSA PRIVATE KEY----- s3cr3tV4lue -----END RSA PRIVATE KEY-----",
    ],
)
def test_secret_values_are_masked(text: str) -> None:
    out, count = redact_text(text)
    assert count >= 1
    assert "s3cr3tV4lue" not in out and "S3CR3TV4LUE" not in out
    assert "***" in out


@pytest.mark.parametrize(
    "text",
    ["Up 3 minutes", "nginx:1.25-alpine", "0.0.0.0:8080->80/tcp", "line 42 processed",
     "GET /health 200", "https://example.com/docs", "level=info", "passage of time"],
)
def test_ordinary_text_is_untouched(text: str) -> None:
    assert redact_text(text) == (text, 0)


@pytest.mark.parametrize(
    ("key", "secret"),
    [("DB_PASSWORD", True), ("api_token", True), ("AWS_SECRET_ACCESS_KEY", True),
     ("GITHUB_AUTH", True), ("SESSION_ID", True), ("SENTRY_DSN", True), ("PATH", False),
     ("com.example.team", False), ("GREETING", False)],
)
def test_secret_key_names(key: str, secret: bool) -> None:
    assert secret_key(key) is secret


def test_controls_and_ansi_are_stripped() -> None:
    raw = "\x1b[31mERROR\x1b[0m\tdisk \x07full\u202e!\x1b]0;title\x07 done\x00"
    assert strip_controls(raw) == "ERROR disk full! done"


def test_cut_drops_the_partial_word() -> None:
    assert cut("hello world", 100) == ("hello world", 0)
    text, dropped = cut("hello postgres://u:s3cr3tV4lue@db", 25)
    assert text == "hello" and dropped == len("hello postgres://u:s3cr3tV4lue@db") - 5
    assert cut("x" * 50, 10) == ("", 50)


def test_cells_are_cleaned_cut_and_redacted() -> None:
    assert clean_cell("\x1b[1mweb\x1b[0m", 20) == ("web", 0)
    assert clean_cell("a " + "b" * 50, 10) == ("a...", 0)
    assert clean_cell(f"TOKEN={SECRET}", 40) == ("TOKEN=***", 1)


def test_log_lines_are_cleaned_cut_then_redacted() -> None:
    lines = decode_log(
        b"ok\r\n\x1b[31mred\x1b[0m\n" + b"y" * 500 + b" password=" + SECRET.encode()
        + b"\n\xff\xfe bad utf8\n-----BEGIN PRIVATE KEY-----\nMIIE" + SECRET.encode()
        + b"\n-----END PRIVATE KEY-----\nafter\n"
    )
    out, count = redact_lines(lines, 100)
    text = "\n".join(out)
    assert SECRET not in text
    assert out[0] == "ok" and out[1] == "red"
    assert out[2].startswith(" ... [") and "more chars]" in out[2]
    assert "\ufffd" in out[3]
    assert "-----PRIVATE KEY ***-----" in out
    assert "after" in out
    assert count >= 1


def test_for_slack_escapes_mentions_and_fences() -> None:
    out = for_slack("<!channel> a & b ```code```")
    assert "<" not in out and ">" not in out
    assert "&lt;!channel&gt;" in out and "&amp;" in out
    assert "```" not in out


def test_audit_text_is_short_and_redacted() -> None:
    text = audit_text(f"logs web --password={SECRET} " + "x " * 300)
    assert SECRET not in text and len(text) <= 203
    assert audit_text(None) == ""


def test_audit_writes_json_lines_with_fixed_fields(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    log = AuditLog(str(path))
    log.write({"request_id": "r1", "text": "ps", "outcome": "ok", "output": "NOT LOGGED",
               "response_url": "https://hooks.slack.com/x", "token": "xoxb-1"})
    log.write({"request_id": "r2", "decision": "denied"})
    log.close()
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [line["request_id"] for line in lines] == ["r1", "r2"]
    for line in lines:
        assert tuple(line) == FIELDS
        assert line["time"]
    assert "NOT LOGGED" not in path.read_text() and "hooks.slack.com" not in path.read_text()


def test_audit_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    AuditLog("stdout").write({"request_id": "r3"})
    AuditLog("stderr").write({"request_id": "r4"})
    out, err = capsys.readouterr()
    assert json.loads(out)["request_id"] == "r3"
    assert json.loads(err)["request_id"] == "r4"


def test_unwritable_audit_destination(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot be opened"):
        AuditLog(str(tmp_path / "missing-dir" / "audit.jsonl"))
