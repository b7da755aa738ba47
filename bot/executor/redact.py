"""Redaction of everything the executor shows (safety.md, "Redaction").

* Environment variables: names only; values never leave :mod:`bot.executor.views`.
* Keys (env, labels, ``key=value`` / ``key: value`` text) matching :data:`SECRET_KEY`
  get their value masked.
* Secret-looking values are masked anywhere: ``scheme://user:pass@host``,
  ``--password=...``, bearer tokens, JWTs, AWS access key IDs, GitHub and Slack
  tokens, PEM private keys, ``$apr1$`` / ``$2y$`` / crypt hashes.
* Log lines are decoded with ``errors="replace"``, stripped of ANSI escapes and
  control characters, and cut to a maximum length *before* any pattern runs.

Every function returns the number of masks applied, for the audit log.
"""

from __future__ import annotations

import re
import unicodedata

MASK = "***"

SECRET_KEY = re.compile(
    r"(?i)(pass(wd|word)?|secret|token|api[-_]?key|auth|credential|private[-_]?key|"
    r"access[-_]?key|session|cookie|dsn)"
)
_KEY_CHARS = r"[A-Za-z0-9_.\-]"
_SECRET_WORD = (
    r"(?:pass(?:wd|word)?|secret|token|api[-_]?key|auth|credential|private[-_]?key|"
    r"access[-_]?key|session|cookie|dsn)"
)

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # PEM private keys on one line (whole blocks across lines: see redact_lines)
    (re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|$)"),
     "-----PRIVATE KEY " + MASK + "-----"),
    # scheme://user:pass@host -> scheme://user:***@host
    (re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://[^\s:/@]*):[^\s@/]*@"), r"\1:" + MASK + "@"),
    # Authorization: Bearer / Basic xxx
    (re.compile(r"(?i)\b(bearer|basic|token)(\s+)[A-Za-z0-9._~+/=\-]{8,}"), r"\1\2" + MASK),
    # JWTs
    (re.compile(r"\beyJ[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]*"), MASK),
    # AWS access key IDs
    (re.compile(r"\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|APKA)"
                r"[A-Z0-9]{16}\b"), MASK),
    # GitHub tokens
    (re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})"), MASK),
    # Slack tokens
    (re.compile(r"\bxox[abprs]-[A-Za-z0-9\-]{6,}"), MASK),
    (re.compile(r"\bxapp-[A-Za-z0-9\-]{6,}"), MASK),
    # password hashes ($apr1$, $2y$, $2b$, $1$, $5$, $6$, $argon2...)
    (re.compile(r"\$(?:apr1|2[abxy]|1|5|6|y|argon2(?:id|i|d)?)\$[^\s\"',;]{4,}"), MASK),
    # --password=xxx, --db-token xxx, -p=xxx style options
    (re.compile(r"(?i)(--?" + _KEY_CHARS + r"*" + _SECRET_WORD + _KEY_CHARS + r"*)(=|\s+)"
                r"(?!" + re.escape(MASK) + r")[^\s\"',;]+"), r"\1\2" + MASK),
    # KEY=value, "key": "value", key: value  (key matching the secret-key pattern)
    (re.compile(r"(?i)(\b" + _KEY_CHARS + r"*" + _SECRET_WORD + _KEY_CHARS + r"*[\"']?"
                r"\s*[:=]\s*[\"']?)(?!" + re.escape(MASK) + r")[^\s\"',;&]+"), r"\1" + MASK),
)

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_PEM_BEGIN = re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----")
_PEM_END = re.compile(r"-----END [A-Z0-9 ]*PRIVATE KEY-----")


def redact_text(text: str) -> tuple[str, int]:
    """Mask secret-looking values in one piece of text; (text, masks applied)."""
    count = 0
    for pattern, repl in _PATTERNS:
        text, n = pattern.subn(repl, text)
        count += n
    return text, count


def secret_key(key: str) -> bool:
    """True when a variable or label name looks like it holds a secret."""
    return SECRET_KEY.search(key) is not None


def strip_controls(text: str) -> str:
    """Drop ANSI escapes and control/format characters; tabs become spaces."""
    text = _ANSI.sub("", text).replace("\t", " ")
    return "".join(
        ch for ch in text
        if ch == " " or unicodedata.category(ch)[0] not in "CZ" or unicodedata.category(ch) == "Zs"
    )


def cut(text: str, limit: int) -> tuple[str, int]:
    """Cut ``text`` to at most ``limit`` chars at a space; (text, chars dropped).

    The partial word at the cut is dropped too, so a secret split by the cut can
    never show its first half to the patterns' blind spot.
    """
    if len(text) <= limit:
        return text, 0
    head = text[:limit]
    space = head.rfind(" ")
    head = head[:space] if space > 0 else ""
    return head, len(text) - len(head)


def clean_cell(value: object, max_chars: int) -> tuple[str, int]:
    """One table cell: text, no controls, cut to ``max_chars``, redacted."""
    text, dropped = cut(strip_controls(str(value)), max_chars)
    if dropped:
        text += "..."
    return redact_text(text)


def for_slack(text: str) -> str:
    """Escape ``& < >`` (this also defuses ``<!channel>``) and break code fences."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("```", "`\u200b``")


def redact_lines(lines: list[str], max_line: int) -> tuple[list[str], int]:
    """Clean, cut and redact log lines; PEM private key blocks are masked whole."""
    out: list[str] = []
    count = 0
    in_key = False
    for raw in lines:
        full = strip_controls(raw)
        probe = full[: max_line + 200]
        if in_key:
            count += 1
            if _PEM_END.search(probe):
                in_key = False
            continue
        if _PEM_BEGIN.search(probe) and not _PEM_END.search(probe):
            in_key = True
            out.append("-----PRIVATE KEY " + MASK + "-----")
            count += 1
            continue
        line, dropped = cut(full, max_line)
        if dropped:
            line += f" ... [{dropped} more chars]"
        line, n = redact_text(line)
        out.append(line)
        count += n
    return out, count


def decode_log(data: bytes) -> list[str]:
    """Log bytes -> lines (invalid UTF-8 replaced, CR/LF variants split)."""
    text = data.decode("utf-8", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
