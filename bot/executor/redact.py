"""Redaction of everything the executor shows (safety.md, "Redaction").

* Environment variables: names only; values never leave :mod:`bot.executor.views`.
* Secret-looking names and values are masked with the patterns of :mod:`bot.secrets`
  (the one module that owns them).
* Log lines are decoded with ``errors="replace"``, stripped of ANSI escapes and
  control characters, and cut to a maximum length *before* any pattern runs.
* Private key blocks (PEM, OpenSSH, PGP) are masked across lines whatever part of
  them the fetched window holds: from a BEGIN marker anywhere in a line, the base64
  run before an END marker whose BEGIN was cut off, and runs of full-width base64
  lines with no marker at all.

Every function returns the number of masks applied, for the audit log.
"""

from __future__ import annotations

from bot.secrets import (
    MASK,
    SECRET_KEY,
    is_key_width,
    key_marker,
    looks_like_key_material,
    mask_secrets,
    secret_key,
    strip_controls,
)

__all__ = [
    "KEY_MASK", "MASK", "SECRET_KEY", "clean_cell", "cut", "decode_log", "for_slack",
    "redact_lines", "redact_text", "redact_url", "secret_key", "strip_controls",
]

KEY_MASK = "-----PRIVATE KEY " + MASK + "-----"


def redact_url(url: str) -> str:
    """A host URL as it may be shown in an error: a password, query string or fragment
    masked, then the secret patterns applied; controls removed, cut to 200 characters."""
    text = strip_controls(url)[:200]
    scheme, sep, rest = text.partition("://")
    if not sep:
        scheme, rest = "", text
    netloc, slash, path = rest.partition("/")
    if "@" in netloc:
        user, _, hostport = netloc.rpartition("@")
        name, colon, _password = user.partition(":")
        netloc = f"{name}:{MASK}@{hostport}" if colon else f"{name}@{hostport}"
    for mark in ("?", "#"):
        if mark in path:
            path = path.split(mark, 1)[0] + mark + MASK
        elif mark in netloc:
            netloc = netloc.split(mark, 1)[0] + mark + MASK
    shown = f"{scheme}{sep}{netloc}{slash}{path}"
    shown, _ = mask_secrets(shown)
    return shown


def redact_text(text: str) -> tuple[str, int]:
    """Mask secret-looking values in one piece of text; (text, masks applied)."""
    return mask_secrets(text)


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


def _key_lines(lines: list[str]) -> list[bool]:
    """Which lines belong to a private key block, judged over the whole window."""
    n = len(lines)
    hide = [False] * n
    inside = False
    for i, line in enumerate(lines):
        marker = key_marker(line)
        if inside:
            hide[i] = True
            if marker is not None and marker[1] >= 0:
                inside = False
            continue
        if marker is None:
            continue
        begin, end = marker
        if begin >= 0:
            hide[i] = True
            inside = end < begin            # no END after the BEGIN on this line
        elif end >= 0:                      # END whose BEGIN is outside the window
            hide[i] = True
            j = i - 1
            while j >= 0 and not hide[j] and looks_like_key_material(lines[j]):
                hide[j] = True
                j -= 1
    # base64 runs without any marker (the window cut both ends of a block)
    i = 0
    while i < n:
        if hide[i] or not looks_like_key_material(lines[i]):
            i += 1
            continue
        j = i
        while j < n and not hide[j] and looks_like_key_material(lines[j]):
            j += 1
        run = lines[i:j]
        if sum(is_key_width(line) for line in run) >= 2 or (
            any(is_key_width(line) for line in run) and (i == 0 or j == n)
        ):
            for k in range(i, j):
                hide[k] = True
        i = j
    return hide


def redact_lines(lines: list[str], max_line: int) -> tuple[list[str], int]:
    """Clean, cut and redact log lines; private key blocks are masked whole."""
    clean = [strip_controls(raw) for raw in lines]
    hide = _key_lines(clean)
    out: list[str] = []
    count = 0
    for i, full in enumerate(clean):
        if hide[i]:
            if i == 0 or not hide[i - 1]:
                marker = key_marker(full)
                begin = marker[0] if marker is not None else -1
                prefix, _ = mask_secrets(cut(full[:begin], max_line)[0]) if begin > 0 else ("", 0)
                out.append(f"{prefix}{KEY_MASK}")
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
