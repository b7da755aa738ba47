"""Go templates for ``--format`` from the columns a question names.

"Only the names, CPU% and memory usage" on ``docker stats`` is
``--format "table {{.Name}}\\t{{.CPUPerc}}\\t{{.MemUsage}}"``; a field path written out
("State.Status") on ``docker inspect`` is ``--format "{{.State.Status}}"``. The columns of
each listing command and the words that name them are data below (the placeholders are
those of Docker's own formatting reference); the order of the columns is the order the
question names them in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple


class Template(NamedTuple):
    """A ``--format`` value and the words of the question that named its columns."""

    value: str
    words: str

# command path -> (field, English words, Korean words); longer words are tried first
_Columns = tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]
_COLUMNS: Mapping[str, _Columns] = {
    "docker container ls": (
        ("ID", ("ids", "id"), ("아이디", "id")),
        ("Image", ("images", "image"), ("이미지",)),
        ("Command", ("commands", "command"), ("명령어", "명령")),
        ("RunningFor", ("running for", "uptime"), ("실행 시간", "가동 시간")),
        ("CreatedAt", ("creation time", "created"), ("생성 시각", "생성 시간", "만든 시각")),
        ("Ports", ("ports", "port"), ("포트",)),
        ("Status", ("statuses", "status", "state"), ("상태",)),
        ("Size", ("sizes", "size"), ("크기", "용량")),
        ("Names", ("names", "name"), ("이름",)),
        ("Labels", ("labels", "label"), ("라벨", "레이블")),
        ("Mounts", ("mounts", "volumes"), ("마운트", "볼륨")),
        ("Networks", ("networks", "network"), ("네트워크",)),
    ),
    "docker container stats": (
        ("Name", ("names", "name"), ("이름",)),
        ("ID", ("ids", "id"), ("아이디", "id")),
        ("CPUPerc", ("cpu%", "cpu percentage", "cpu usage", "cpu"), ("cpu%", "cpu 사용률", "cpu")),
        ("MemUsage", ("memory usage", "mem usage", "memory"), ("메모리 사용량", "메모리")),
        ("MemPerc", ("memory%", "memory percentage", "mem%"), ("메모리%", "메모리 사용률")),
        ("NetIO", ("network i/o", "network io", "network"), ("네트워크",)),
        ("BlockIO", ("block i/o", "block io", "disk i/o", "disk io"), ("블록", "디스크")),
        ("PIDs", ("pids", "processes", "process count"), ("프로세스", "pid")),
    ),
    "docker image ls": (
        ("Repository", ("repositories", "repository", "repo"), ("저장소", "리포지토리")),
        ("Tag", ("tags", "tag"), ("태그",)),
        ("ID", ("ids", "id"), ("아이디", "id")),
        ("Digest", ("digests", "digest"), ("다이제스트",)),
        ("CreatedSince", ("created", "age"), ("생성", "만든 지")),
        ("Size", ("sizes", "size"), ("크기", "용량")),
    ),
    "docker volume ls": (
        ("Name", ("names", "name"), ("이름",)),
        ("Driver", ("drivers", "driver"), ("드라이버",)),
        ("Mountpoint", ("mount points", "mountpoint", "mount point"),
         ("마운트 위치", "마운트 지점")),
        ("Scope", ("scope",), ("범위",)),
    ),
    "docker network ls": (
        ("ID", ("ids", "id"), ("아이디", "id")),
        ("Name", ("names", "name"), ("이름",)),
        ("Driver", ("drivers", "driver"), ("드라이버",)),
        ("Scope", ("scope",), ("범위",)),
    ),
}
# "only", "just", "columns", "~만", "열": the question asks for these columns and no others
_ONLY = re.compile(
    r"(?i)\b(?:only|just|columns?|fields?)\b|만\s|만$|만[을를]?\s*(?:출력|보|표시)|열|컬럼|칼럼"
)
# a field path as Docker's JSON names it: State.Status, .Config.Env, NetworkSettings.IPAddress
_PATH = re.compile(r"(?<![\w{])\.?((?:[A-Z][A-Za-z0-9]*)(?:\.[A-Z][A-Za-z0-9]*)+)(?![\w}])")
_QUIET_FIELD = {"docker volume ls": "Name"}
_INSPECTS = frozenset(
    {"docker inspect", "docker container inspect", "docker image inspect", "docker volume inspect",
     "docker network inspect"}
)


_ONLY_BEFORE = re.compile(
    r"(?i)\b(?:only|just)\s+(?:the\s+|their\s+|its\s+)?"
    r"(?:(?:container|image|volume|network|service|node)(?:'s)?\s+)?$"  # "only container names"
)


def _word_pattern(word: str) -> re.Pattern[str]:
    pattern = re.escape(word)
    if word.isascii():  # an English word stands alone; a Korean one may carry a particle
        pattern = r"(?<![a-z0-9])" + pattern + r"(?![a-z0-9])"
    return re.compile(pattern)


# each command's column words as patterns, longest first (so "memory usage" before "memory")
_WORDS: Mapping[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    path: tuple(
        (_word_pattern(w), field)
        for w, field in sorted(
            ((w, field) for field, en, ko in columns for w in (*en, *ko)),
            key=lambda t: len(t[0]),
            reverse=True,
        )
    )
    for path, columns in _COLUMNS.items()
}


def _mentions(question: str, path: str) -> list[tuple[int, int, str]]:
    """(start, end, field) of each column of ``path`` the question names, in text order."""
    low = question.lower()
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for rx, field in _WORDS[path]:
        for m in rx.finditer(low):
            span = m.span()
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            taken.append(span)
            if field not in (f for _, _, f in found):
                found.append((span[0], span[1], field))
    return sorted(found)


def _singled_out(question: str, start: int, end: int) -> bool:
    """"only the names", "just its status", "이름만": one column asked for alone."""
    return bool(_ONLY_BEFORE.search(question[:start])) or question[end:].lstrip().startswith("만") \
        or bool(re.match(r"(?i)\s*(?:only|column|field)\b|\s*(?:열|컬럼|칼럼)", question[end:]))


_JOIN = re.compile(r"(?i)\s*(?:,|/|:|&|and|, and|과|와|및|랑|하고|그리고)?\s*(?:the\s+)?")


def _longest_list(question: str, named: list[tuple[int, int, str]]) -> list[str]:
    """The longest run of columns named one after another as a list."""
    best: list[str] = []
    run: list[str] = []
    for i, (start, _, field) in enumerate(named):
        joined = i > 0 and _JOIN.fullmatch(question[named[i - 1][1] : start]) is not None
        run = [*run, field] if joined else [field]
        if len(run) > len(best):
            best = run
    return best


def format_template(path: str, question: str) -> Template | None:
    """The ``--format`` value the question asks for on ``path``, or None."""
    if path in _INSPECTS:
        m = _PATH.search(question)
        return Template("{{." + m.group(1) + "}}", m.group(0)) if m else None
    if path not in _WORDS or not _ONLY.search(question):
        return None
    named = _mentions(question, path)
    # several columns are a list: "names and status", "이름, CPU%, 메모리 사용량", "저장소:태그"
    run = _longest_list(question, named)
    if len(run) >= 2:
        said = " ".join(question[a:b] for a, b, f in named if f in run)
        return Template("table " + "\\t".join("{{." + f + "}}" for f in run), said)
    for start, end, field in named:
        # one column asked for alone; the column -q prints (IDs; a volume's name) is -q's
        if field != _QUIET_FIELD.get(path, "ID") and _singled_out(question, start, end):
            return Template("{{." + field + "}}", question[start:end])
    return None
