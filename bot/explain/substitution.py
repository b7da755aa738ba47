"""What a command substitution in a word becomes: ``$(docker ps -q)``, ``$(id -u):$(id -g)``."""

from __future__ import annotations

import re

from bot.explain.shell import is_substitution, split_substitutions
from bot.explain.values import tr
from bot.lang import Lang
from bot.phrases import phrase

_SUBST_Q = re.compile(
    r"^\$\(\s*docker\s+(ps|container ls|images|image ls|volume ls|network ls)\b(.*)\)$"
)


# Commands often substituted into a docker command line: what their output is.
_KNOWN_OUTPUTS: dict[str, tuple[str, str]] = {
    "id -u": ("your numeric user ID", "내 사용자 ID(숫자)"),
    "id -g": ("your numeric group ID", "내 그룹 ID(숫자)"),
    "id -un": ("your user name", "내 사용자 이름"),
    "whoami": ("your user name", "내 사용자 이름"),
    "pwd": ("the current directory", "현재 디렉터리"),
    "hostname": ("this machine's host name", "이 컴퓨터의 호스트 이름"),
    "git rev-parse --short HEAD": ("the current Git commit (short)", "현재 Git 커밋(짧은 형태)"),
    "git rev-parse HEAD": ("the current Git commit", "현재 Git 커밋"),
}


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
        return tr(
            lang,
            f"shell command substitution: replaced by {en} (the output of {text[2:-1]})",
            f"셸 명령 치환: {ko}로 바뀜({text[2:-1]}의 출력)",
        )
    cmd = _inner(text)
    known = _KNOWN_OUTPUTS.get(" ".join(cmd.split()))
    if known:
        return tr(
            lang,
            f"shell command substitution: replaced by {known[0]} (the output of `{cmd}`)",
            f"셸 명령 치환: {known[1]}(`{cmd}`의 출력)로 바뀜",
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
        known = _KNOWN_OUTPUTS.get(" ".join(cmd.split()))
        en, ko = known if known else (f"the output of `{cmd}`", f"`{cmd}`의 출력")
        if known:
            en, ko = f"{en} (`{cmd}`)", f"{ko}(`{cmd}`)"
        said.append(tr(lang, f"{p} → {en}", f"{p} → {ko}"))
    n = sum(1 for p in pieces if is_substitution(p))
    return tr(
        lang,
        f"the shell builds this value from {n} command substitution{'s' if n > 1 else ''}: "
        + "; ".join(said),
        f"셸이 명령 치환 {n}개로 이 값을 만듦: " + "; ".join(said),
    )
