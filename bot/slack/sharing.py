"""What may be shared to a channel: a pasted command or question with its secret values masked.

The *Share to channel* button's value and the message it posts carry
:func:`shareable_text` of what the user typed, never the text itself: values of
secret-looking ``KEY=VALUE`` arguments (``-e``, ``--build-arg``, env prefixes), the
value of ``docker login -p`` / ``--password`` and other password or token options,
``mysql -pPASSWORD``, and anything the executor's redaction recognises (URL userinfo,
bearer tokens, JWTs, cloud and chat tokens).
"""

from __future__ import annotations

import re
import shlex

from bot.executor.redact import MASK, redact_text
from bot.secrets import SECRET_KEY, secret_key

_ASSIGN = re.compile(r"^(?P<key>[^=\s]+)=(?P<val>.+)$", re.S)
_LONG = re.compile(r"^(?P<flag>--[A-Za-z0-9][A-Za-z0-9-]*)=(?P<val>.+)$", re.S)
_NO_VALUE_FLAGS = frozenset({"--password-stdin"})
_PLAIN = re.compile(r"[\w@%+=:,./*-]+")
_MYSQL = re.compile(r"^(mysql|mysqldump|mysqladmin|mariadb)$")


def _secret_name(name: str) -> bool:
    return secret_key(name)


def _mask_token(token: str) -> str:
    long = _LONG.match(token)
    if long and long["flag"] not in _NO_VALUE_FLAGS:
        inner = _mask_token(long["val"])
        if _secret_name(long["flag"]):
            inner = MASK
        return f"{long['flag']}={inner}"
    assign = _ASSIGN.match(token)
    if assign and not token.startswith("-") and _secret_name(assign["key"]):
        return f"{assign['key']}={MASK}"
    return redact_text(token)[0]


def _mask_tokens(tokens: list[str]) -> list[str]:
    out: list[str] = []
    hide_next = False
    login = mysql = False
    for token in tokens:
        if hide_next and not token.startswith("-"):
            out.append(MASK)
            hide_next = False
            continue
        hide_next = False
        base = token.rsplit("/", 1)[-1]
        login = login or token == "login"
        mysql = mysql or bool(_MYSQL.match(base))
        if token.startswith("--") and "=" not in token and token not in _NO_VALUE_FLAGS:
            hide_next = _secret_name(token)
        elif token == "-p" and login:
            hide_next = True
        elif mysql and token.startswith("-p") and len(token) > 2:
            out.append("-p" + MASK)
            continue
        out.append(_mask_token(token))
    return out


def shareable_text(text: str) -> str:
    """``text`` with every secret value it carries replaced by ``***``."""
    try:
        tokens = shlex.split(text, posix=True)
    except ValueError:  # unbalanced quotes: mask from the first secret-looking word on
        found = SECRET_KEY.search(text)
        return redact_text(text[: found.end()] + "=" + MASK if found else text)[0]
    masked = _mask_tokens(tokens)
    if masked == tokens:
        return text
    return " ".join(t if _PLAIN.fullmatch(t) else shlex.quote(t) for t in masked)
