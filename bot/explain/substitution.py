"""What a command substitution in a word becomes: ``$(docker ps -q)``, ``$(id -u):$(id -g)``."""

from __future__ import annotations

import re

from bot.explain.shell import is_substitution, split_substitutions
from bot.lang import Lang
from bot.phrases import Pair, phrase, table_pair

_SUBST_Q = re.compile(
    r"^\$\(\s*docker\s+(ps|container ls|images|image ls|volume ls|network ls)\b(.*)\)$"
)




def _inner(piece: str) -> str:
    return (piece[2:-1] if piece.startswith("$(") else piece[1:-1]).strip()


def _one_substitution(text: str, lang: Lang) -> str:
    m = _SUBST_Q.match(text)
    if m and re.search(r"(^|\s)-\w*q", m[2]):
        what = m[1].split()[0]
        everything = bool(re.search(r"(^|\s)-\w*a", m[2])) and what in ("ps", "container")
        if what in ("ps", "container"):
            en = "the IDs of all containers" if everything else "the IDs of the running containers"
            ko = "모든 컨테이너의 ID" if everything else "실행 중인 컨테이너의 ID"
        elif what in ("images", "image"):
            en, ko = "the IDs of the images", "이미지 ID들"
        else:
            en, ko = "the names listed", "목록의 이름들"
        return phrase(
            "explain.substitution.shell_command_substitution_replaced_by_listed", lang,
            what=Pair(en, ko), cmd=text[2:-1],
        )
    cmd = _inner(text)
    known = table_pair("known_outputs", " ".join(cmd.split()))
    if known:
        return phrase(
            "explain.substitution.shell_command_substitution_replaced_by_known", lang,
            what=known, cmd=cmd,
        )
    return phrase("explain.substitution.shell_command_substitution_replaced_by", lang, cmd=cmd)


def has_substitution(text: str) -> bool:
    return any(is_substitution(p) for p in split_substitutions(text))


def substitution(text: str, lang: Lang) -> str:
    """What a word holding one or more command substitutions becomes (``$(id -u):$(id -g)``)."""
    pieces = split_substitutions(text)
    if len(pieces) == 1:
        return _one_substitution(text, lang)
    said: list[str] = []
    for p in pieces:
        if not is_substitution(p):
            said.append(phrase("explain.substitution.as_written", lang, p=p))
            continue
        cmd = _inner(p)
        known = table_pair("known_outputs", " ".join(cmd.split()))
        what = (phrase("explain.substitution.known_output", lang, what=known, cmd=cmd) if known
                else phrase("explain.substitution.the_output_of", lang, cmd=cmd))
        said.append(phrase("explain.substitution.piece_becomes", lang, p=p, what=what))
    n = sum(1 for p in pieces if is_substitution(p))
    key = "builds_from_one_substitution" if n == 1 else "builds_from_substitutions"
    return phrase(f"explain.substitution.{key}", lang, n=n, said="; ".join(said))
