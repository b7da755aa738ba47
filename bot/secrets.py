"""What a secret and a control character look like: the one module that knows.

Every part of dockbot that hides secrets or cleans text uses this module: the
executor's redaction (:mod:`bot.executor.redact`), its grammar and audit log,
``explain`` (:mod:`bot.explain.values`, :mod:`bot.explain.masking`) and the
renderers.

Secrets
    * :data:`SECRET_WORD` / :func:`secret_key`: names that hold secrets
      (``DB_PASSWORD``, ``MYSQL_PWD``, ``api-key``, ``SIGNING_KEY`` ...).
    * :func:`mask_secrets`: secret-looking values masked anywhere in a piece of
      text: ``KEY=value`` / ``"key": "value"`` / ``key: value`` under a secret
      name (quoted values whole, unquoted values up to the next space),
      ``--password=x`` / ``--db-token x`` options, ``mysql -pPASSWORD``,
      ``scheme://user:pass@host`` and ``https://TOKEN@host``, bearer tokens,
      JWTs, AWS key IDs, GitHub, Slack (``xox[abeprs]-``, ``xapp-``) and Stripe
      (``sk_live_``) tokens, password hashes, one-line private keys.
    * Key names are matched on a folded copy of the text (NFKC, combining
      accents and invisible characters dropped, Cyrillic/Greek look-alikes
      mapped to Latin), so ``DB_PАSSWORD`` (Cyrillic А), ``PASS\u0301WORD`` or
      ``PASSWORD＝x`` (full-width ``＝``) are masked like ``PASSWORD=x``; the
      mask is applied to the original text.
    * :func:`key_marker` / :func:`looks_like_key_material`: lines of PEM and
      PGP private key blocks, for log redaction across lines.

Control characters
    * :func:`strip_controls`: one line for display: ANSI escapes and every
      control, format and line/paragraph separator removed, tabs made spaces.
    * :func:`strip_terminal_codes`: pasted text: ANSI escapes and C0/C1 controls
      removed, tabs and line breaks kept.
    * :data:`C0C1` and :data:`CONTROL_CHARS` (C0/C1 plus zero-width and bidi
      characters), for the renderers and the Slack router.
    * :func:`bad_char_kind`: why one character may not appear in a command
      (``control``, ``lookalike`` or ``non_ascii``), for the executor grammar.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

MASK = "***"

# -- names that hold secrets ------------------------------------------------------------
SECRET_WORD = (
    r"(?:pass[ _-]?(?:wd|word)|passwd|pwd|pass|secret|token|api[ _-]?key|auth|credential"
    r"|private[ _-]?key|access[ _-]?key|signing[ _-]?key|encryption[ _-]?key|master[ _-]?key"
    r"|client[ _-]?key|session|cookie|dsn)"
)
SECRET_KEY = re.compile(r"(?i)" + SECRET_WORD)
_NAME_CHARS = r"[A-Za-z0-9_.\-]"
# a shell/env variable name; anything else given as a name is treated as a value
VAR_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# option names that point at a secret instead of holding it
_NOT_A_VALUE = re.compile(r"(?i)[-_](?:stdin|file|path|dir|length|size)$")

# -- look-alike letters (Cyrillic, Greek, dashes and quotes) -----------------------------
_LOOKALIKE_MAP = {
    "\u0430": "a", "\u0441": "c", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0445": "x",
    "\u0443": "y", "\u0456": "i", "\u0458": "j", "\u0455": "s", "\u0501": "d", "\u051b": "q",
    "\u051d": "w", "\u04bb": "h", "\u0410": "A", "\u0412": "B", "\u0415": "E", "\u041a": "K",
    "\u041c": "M", "\u041d": "H", "\u041e": "O", "\u0420": "P", "\u0421": "C", "\u0422": "T",
    "\u0425": "X", "\u0406": "I", "\u0408": "J", "\u0405": "S", "\u03bf": "o", "\u03bd": "v",
    "\u03b1": "a", "\u03c1": "p", "\u03c4": "t", "\u03b9": "i", "\u03ba": "k", "\u0391": "A",
    "\u0392": "B", "\u0395": "E", "\u0397": "H", "\u0399": "I", "\u039a": "K", "\u039c": "M",
    "\u039d": "N", "\u039f": "O", "\u03a1": "P", "\u03a4": "T", "\u03a7": "X", "\u03a5": "Y",
    "\u0396": "Z", "\u0131": "i", "\u0269": "i", "\u01c3": "!",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\ufe63": "-", "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u2032": "'", "\u2033": '"', "\u02bc": "'", "\u02b9": "'",
}
LOOKALIKES = frozenset(_LOOKALIKE_MAP)
# Hangul fillers and the braille blank render as nothing
_BLANKS = frozenset("\u115f\u1160\u3164\uffa0\u2800")

# -- control characters ------------------------------------------------------------------
ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
# C0/C1 controls except tab, line feed and carriage return
C0C1 = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# the same, plus zero-width, bidi, separator and other invisible format characters and lone
# surrogates (what the matcher, the renderers and the Slack router remove)
CONTROL_CHARS = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f"
    r"\ufeff\ud800-\udfff]"
)


def _dropped(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat[0] == "C" or cat in ("Zl", "Zp")


def is_invisible(ch: str) -> bool:
    """A control, format (zero-width, bidi), separator or blank-looking character."""
    return _dropped(ch) or ch in _BLANKS


def strip_controls(text: str) -> str:
    """One line for display: no ANSI escapes, controls, format characters or line breaks;
    tabs become spaces."""
    text = ANSI.sub("", text).replace("\t", " ")
    return "".join(ch for ch in text if not _dropped(ch))


def strip_terminal_codes(text: str) -> str:
    """Pasted text: ANSI escapes and C0/C1 controls removed; tabs and line breaks kept."""
    return C0C1.sub("", ANSI.sub("", text))


def bad_char_kind(ch: str) -> str | None:
    """Why a non-ASCII character may not appear in a command: ``control``, ``lookalike``,
    ``non_ascii``; None for printable ASCII."""
    if ord(ch) < 128:
        return "control" if unicodedata.category(ch) == "Cc" else None
    if is_invisible(ch):
        return "control"
    folded = unicodedata.normalize("NFKC", ch)
    if (folded != ch and folded.isascii()) or ch in LOOKALIKES or unicodedata.category(ch) == "Zs":
        return "lookalike"
    return "non_ascii"


def _fold_char(ch: str) -> str:
    if ch in _LOOKALIKE_MAP:
        return _LOOKALIKE_MAP[ch]
    if ord(ch) < 128:
        return ch
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me", "Cf") or ch in _BLANKS:
        return ""
    folded = unicodedata.normalize("NFKC", ch)
    if folded.isascii():
        return folded
    base = unicodedata.normalize("NFKD", ch)[:1]
    return base if base.isascii() and base.isalpha() else ch


def fold(text: str) -> tuple[str, list[int]]:
    """A copy of ``text`` for matching names, and for each folded character the index of
    the original character it came from (plus one entry for the end)."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        piece = _fold_char(ch)
        out.append(piece)
        where.extend([i] * len(piece))
    where.append(len(text))
    return "".join(out), where


# -- secret values -----------------------------------------------------------------------
_VALUE = r"(?!\*\*\*)(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s\"'&;<>]+))"
_PATTERNS: tuple[re.Pattern[str], ...] = (
    # PEM / PGP private keys on one line (blocks across lines: bot.executor.redact)
    re.compile(r"(?P<s>-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----.*?"
               r"(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$))"),
    # scheme://user:pass@host  and  scheme://TOKEN@host (a long user part is a token)
    re.compile(r"(?i)\b[a-z][a-z0-9+.\-]*://[^\s:/@]*:(?P<s>[^\s@/]+)@"),
    re.compile(r"(?i)\b[a-z][a-z0-9+.\-]*://(?P<s>[A-Za-z0-9_\-.~%+=]{16,})@"),
    # Authorization: Bearer / Basic xxx
    re.compile(r"(?i)\b(?:bearer|basic|token)\s+(?P<s>[A-Za-z0-9._~+/=\-]{8,})"),
    # JWTs
    re.compile(r"(?P<s>\beyJ[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]*)"),
    # AWS access key IDs
    re.compile(r"(?P<s>\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|APKA)"
               r"[A-Z0-9]{16})\b"),
    # GitHub, Slack, Stripe tokens
    re.compile(r"(?P<s>\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}))"),
    re.compile(r"(?P<s>\b(?:xox[abeprs]|xoxe\.xox[bp]|xapp)-[A-Za-z0-9\-]{6,})"),
    re.compile(r"(?P<s>\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,})"),
    # password hashes ($apr1$, $2y$, $2b$, $1$, $5$, $6$, $argon2...)
    re.compile(r"(?P<s>\$(?:apr1|2[abxy]|1|5|6|y|argon2(?:id|i|d)?)\$[^\s\"',;]{4,})"),
    # mysql -pPASSWORD (the value is glued to -p)
    re.compile(r"(?i)\bmysql(?:dump|admin|sh|import|check)?\b[^\n]{0,200}?\s-p(?P<s>[^\s\"']+)"),
    # --password=xxx, --db-token xxx (not --password-stdin, --token-file ...)
    re.compile(r"(?i)(?<![A-Za-z0-9])--?(?P<name>" + _NAME_CHARS + r"*" + SECRET_WORD
               + _NAME_CHARS + r"*)(?:=|\s+)" + _VALUE),
    # KEY=value, "key": "value", key: value, KEY = "a b c"
    re.compile(r"(?i)(?<![A-Za-z0-9_.\-])(?P<name>" + _NAME_CHARS + r"*" + SECRET_WORD
               + _NAME_CHARS + r"*)[\"']?\s*[:=]\s*" + _VALUE),
)


def secret_key(name: str) -> bool:
    """True when a variable, label or option name looks like it holds a secret."""
    return SECRET_KEY.search(name if name.isascii() else fold(name)[0]) is not None


def is_secret_assignment(key: str, value: str) -> bool:
    """A non-empty value under a secret-looking name (``DB_PASSWORD=x``); not a name that
    only points at one (``PASSWORD_FILE=/run/secrets/db``)."""
    if not value or not secret_key(key):
        return False
    return _NOT_A_VALUE.search(fold(key)[0]) is None


def _spans(folded: str) -> Iterable[tuple[int, int]]:
    for pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            name = m.groupdict().get("name")
            if name and _NOT_A_VALUE.search(name):
                continue
            for group in ("s", "dq", "sq", "bare"):
                if m.groupdict().get(group) is not None and m.end(group) > m.start(group):
                    yield m.start(group), m.end(group)
                    break


def mask_secrets(text: str) -> tuple[str, int]:
    """Mask secret-looking values in one piece of text; (text, masks applied)."""
    if not text:
        return text, 0
    if text.isascii():           # nothing to fold: offsets are the text's own
        spans = sorted(_spans(text))
    else:
        folded, where = fold(text)
        spans = sorted((where[a], where[b]) for a, b in _spans(folded))
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out: list[str] = []
    last = 0
    for a, b in merged:
        out.append(text[last:a])
        out.append(MASK)
        last = b
    out.append(text[last:])
    return "".join(out), len(merged)


# -- private key blocks across lines -----------------------------------------------------
_KEY_BEGIN = re.compile(r"-----BEGIN (?:[A-Z0-9 ]*PRIVATE KEY|PGP PRIVATE KEY BLOCK)-----")
_KEY_END = re.compile(r"-----END (?:[A-Z0-9 ]*PRIVATE KEY|PGP PRIVATE KEY BLOCK)-----")
_B64_LINE = re.compile(r"^[A-Za-z0-9+/]+={0,2}$")
_ARMOR_HEADER = re.compile(r"^(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset): ")
_ARMOR_CRC = re.compile(r"^=[A-Za-z0-9+/]{4}$")


def key_marker(line: str) -> tuple[int, int] | None:
    """``(begin, end)`` offsets of private-key BEGIN / END markers in a line (-1: absent),
    or None when the line has neither."""
    b = _KEY_BEGIN.search(line)
    e = _KEY_END.search(line)
    if b is None and e is None:
        return None
    return (b.start() if b else -1, e.end() if e else -1)


def looks_like_key_material(line: str) -> bool:
    """A line that can be part of a key block's body: a base64 run (the last line of a
    block may be short), an armour header or a PGP checksum."""
    s = line.strip()
    return bool(_B64_LINE.match(s) or _ARMOR_HEADER.match(s) or _ARMOR_CRC.match(s))


def is_key_width(line: str) -> bool:
    """A full-width base64 line of a PEM or PGP block (64 characters; OpenSSH uses 70)."""
    s = line.strip()
    return len(s) in (64, 70) and _B64_LINE.match(s) is not None
