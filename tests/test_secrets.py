"""bot.secrets: what a secret and a control character look like, owned by one module."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.secrets import (
    MASK,
    bad_char_kind,
    fold,
    mask_secrets,
    secret_key,
    strip_controls,
    strip_terminal_codes,
)

BOT = Path(__file__).resolve().parent.parent / "bot"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("MYSQL_PWD=hunter2222", "hunter2222"),
        ("connect pwd=hunter2222 host=db", "hunter2222"),
        ("mysql -uroot -phunter2222 -h db", "hunter2222"),
        ("mysqldump -u app -phunter2222 app", "hunter2222"),
        ("SIGNING_KEY=abcdef123456", "abcdef123456"),
        ("ENCRYPTION_KEY: abcdef123456", "abcdef123456"),
        ("git clone https://ghx0123456789abcdefTOKEN@github.example/x.git",
         "ghx0123456789abcdefTOKEN"),
        ('DB_PASSWORD="correct horse battery"', "correct horse battery"),
        ("DB_PASSWORD='correct horse battery'", "correct horse battery"),
        ("password=a,b,c,d", "a,b,c,d"),
        ('{"password": "x, y z"}', "x, y z"),
        ("stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
        ("slack xoxe-1-abcdefghijklmnop", "xoxe-1-abcdefghijklmnop"),
        ("refresh xoxe.xoxp-1-abcdefghijklmnop", "xoxe.xoxp-1-abcdefghijklmnop"),
        ("DB_P\u0410SSWORD=hunter2222", "hunter2222"),           # Cyrillic А
        ("DB_PA\u0301SSWORD=hunter2222", "hunter2222"),          # combining accent
        ("DB_PASSWORD\uff1dhunter2222", "hunter2222"),           # full-width =
        ("DB_PASS\u200bWORD=hunter2222", "hunter2222"),          # zero-width space
        ("DB PASS WORD=hunter2222", "hunter2222"),               # inner space
        ("api key: hunter2222", "hunter2222"),
        ("postgres://app:hunter2222@db:5432/app", "hunter2222"),
        ("--db-password hunter2222", "hunter2222"),
        ("Authorization: Bearer abcdefghijklmnop", "abcdefghijklmnop"),
        ("-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXk", "b3BlbnNzaC1rZXk"),
    ],
)
def test_log_redaction_gaps_are_closed(text: str, secret: str) -> None:
    masked, count = mask_secrets(text)
    assert secret not in masked and count >= 1, masked
    assert MASK in masked


@pytest.mark.parametrize(
    "text",
    [
        "docker login --password-stdin registry.example",
        "TOKEN_FILE=/run/secrets/token",
        "starting worker 3 of 8",
        "GET /healthz 200 12ms",
        "ssh://git@github.com/org/repo",
        "user=alice host=db",
    ],
)
def test_plain_text_is_left_alone(text: str) -> None:
    assert mask_secrets(text) == (text, 0)


def test_masks_keep_the_text_around_them() -> None:
    masked, count = mask_secrets('x DB_PASSWORD="correct horse battery" y')
    assert masked == 'x DB_PASSWORD="***" y' and count == 1
    masked, _ = mask_secrets("DB_P\u0410SSWORD=hunter2222 ok")
    assert masked == "DB_P\u0410SSWORD=*** ok"        # the original name is kept


def test_fold_maps_back_to_the_original_text() -> None:
    folded, where = fold("P\u0410SS\u0301\uff1d")
    assert folded == "PASS="
    assert where == [0, 1, 2, 3, 5, 6]


@pytest.mark.parametrize(
    ("name", "secret"),
    [("DB_PASSWORD", True), ("MYSQL_PWD", True), ("npm-token", True), ("SIGNING_KEY", True),
     ("P\u0410SSWORD", True), ("GREETING", False), ("HOME", False), ("PORT", False)],
)
def test_secret_key(name: str, secret: bool) -> None:
    assert secret_key(name) is secret


def test_control_character_rules() -> None:
    assert strip_controls("a\tb\x1b[31mc\u200bd\u202ee\nf") == "a bcdef"
    assert strip_terminal_codes("a\tb\x1b[31mc\x00d\ne") == "a\tbcd\ne"
    assert bad_char_kind("a") is None and bad_char_kind("\x00") == "control"
    assert bad_char_kind("\u200b") == "control" and bad_char_kind("\u3164") == "control"
    assert bad_char_kind("\uff50") == "lookalike" and bad_char_kind("\u0430") == "lookalike"
    assert bad_char_kind("\u00e9") == "non_ascii"


# One source per fact: no other module writes its own secret patterns or control rules.
_COPIES = re.compile(
    r"^_?(SECRET_KEY|SECRET_WORD|_?ANSI|_?CONTROL|_?LOOKALIKES|_?PATTERNS)\s*=\s*(re\.compile|frozenset)",
    re.M,
)


def test_one_module_owns_secret_patterns_and_control_rules() -> None:
    owners = {
        str(path.relative_to(BOT.parent)) for path in BOT.rglob("*.py")
        if _COPIES.search(path.read_text(encoding="utf-8"))
    }
    assert owners == {"bot/secrets.py"}
