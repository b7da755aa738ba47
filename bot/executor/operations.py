"""The executor's operations: one record per operation, every fact about it in one place.

Each :class:`OpSpec` says how the operation is written (its ``words``, ``flags`` and
container-name ``args``), who may run it (the lowest built-in ``role``), the one engine
API ``call`` it makes, the ``view`` that turns the answer into rows, and how it is shown
(``label``, ``usage``, and a ``title`` in Korean and English). The grammar, the policy's
built-in roles, the backend, the result views, the refusal messages and every help listing
read this table; nothing else in dockbot lists operations.

Adding an operation is adding one record here (and, when it calls a new endpoint, the
endpoint to ``deploy/socket-proxy/haproxy.cfg``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from bot.executor import views
from bot.executor.views import View
from bot.lang import Lang

Role = Literal["viewer", "operator", "admin"]
ROLE_NAMES: tuple[Role, ...] = ("viewer", "operator", "admin")
ValueKind = Literal["tail", "since"]
Reader = Literal["json", "json_client", "samples", "window", "log_tail"]
# The container-name placeholder of ``usage`` in each language.
NAME_WORD: Mapping[Lang, str] = {"en": "NAME", "ko": "이름"}


@dataclass(frozen=True)
class Flag:
    """One option an operation accepts. ``field`` is the :class:`Operation` field it sets
    (None: accepted and without effect); ``value`` the kind of value it takes (None: a
    switch); ``required``: the request is refused without it."""

    names: tuple[str, ...]
    field: str | None = None
    value: ValueKind | None = None
    required: bool = False
    accepted: str = ""              # how it is listed in "Accepted here: ..."

    @property
    def shown(self) -> str:
        return self.accepted or ", ".join(self.names)


@dataclass(frozen=True)
class Call:
    """The one read-only GET an operation makes. ``reader`` says how the backend reads the
    answer: ``json`` (one JSON document), ``json_client`` (that, with the client library's
    own version), ``samples`` (one stats sample per container; without a name the running
    containers are listed first), ``window`` (the JSON objects of a bounded time window),
    ``log_tail`` (the last lines, cut at the log byte cap). ``query``: Operation fields sent
    as ``0``/``1`` query parameters."""

    path: str
    reader: Reader = "json"
    query: tuple[str, ...] = ()


@dataclass(frozen=True)
class Operation:
    """One parsed, allowed request."""

    kind: str                     # the id of an OpSpec
    all: bool = False             # ps -a
    target: str | None = None     # container name or ID (stats, inspect, logs)
    tail: int | None = None       # logs --tail N (None: the configured default)
    host: str | None = None       # the @alias, if the text named one
    quiet: bool = False           # ps -q: IDs only
    since: int | None = None      # events --since, in seconds

    @property
    def spec(self) -> OpSpec:
        return OPERATIONS[self.kind]

    @property
    def label(self) -> str:
        return self.spec.label

    def describe(self) -> str:
        """The canonical text of this operation, e.g. ``logs web --tail 50 @prod``."""
        parts = [self.label]
        if self.all:
            parts.append("-a")
        if self.quiet:
            parts.append("-q")
        if self.target:
            parts.append(self.target)
        if self.tail is not None:
            parts.append(f"--tail {self.tail}")
        if self.since is not None:
            parts.append(f"--since {self.since}s")
        if self.host:
            parts.append(f"@{self.host}")
        return " ".join(parts)


ViewFn = Callable[[Any, Operation, int], View]


@dataclass(frozen=True)
class OpSpec:
    """Everything about one executor operation."""

    id: str                                  # the id policy files use
    label: str                               # how it is written in help and results
    words: tuple[tuple[str, ...], ...]       # every way to write it (one or two words)
    usage: str                               # for help; {NAME} is the container placeholder
    title: Mapping[Lang, str]                # what it shows, in both languages
    role: Role                               # the lowest built-in role that may run it
    call: Call
    view: ViewFn                             # (answer, operation, cell width) -> View
    flags: tuple[Flag, ...] = ()
    args: tuple[int, int] = (0, 0)           # container names: (at least, at most)
    width: int = 0                           # the least cell width its view gets
    output: Literal["table", "lines"] = "table"

    def usage_in(self, lang: Lang) -> str:
        return self.usage.format(NAME=NAME_WORD[lang])

    @property
    def accepted(self) -> str:
        """The options it accepts, as listed in a refusal ("" when none)."""
        return ", ".join(flag.shown for flag in self.flags)


def _plain(fn: Callable[[Any, int], View]) -> ViewFn:
    """A view that needs only the answer and the cell width."""
    def view(raw: Any, op: Operation, width: int) -> View:
        return fn(raw, width)
    return view


def _ps(raw: Any, op: Operation, width: int) -> View:
    return views.ps_view(raw, width, quiet=op.quiet)


def _stats(raw: Any, op: Operation, width: int) -> View:
    return views.stats_view(raw["samples"], raw["more"], width)


def _version(raw: Any, op: Operation, width: int) -> View:
    return views.version_view(raw["server"], raw["client"], width)


def _logs(raw: Any, op: Operation, width: int) -> View:
    return views.logs_view(raw["data"], raw["cut"], width)


def _container(verb: str) -> tuple[tuple[str, ...], ...]:
    return ((verb,), ("container", verb))


def _listing(group: str) -> tuple[tuple[str, ...], ...]:
    return ((group, "ls"), (group, "list"))


_TABLE: tuple[OpSpec, ...] = (
    OpSpec("version", "version", (("version",),), "version",
           {"en": "engine and API versions", "ko": "엔진과 API 버전"}, "viewer",
           Call("/version", "json_client"), _version),
    OpSpec("info", "info", (("info",), ("system", "info")), "info",
           {"en": "host summary: counts, versions, OS", "ko": "호스트 요약: 개수, 버전, OS"},
           "viewer", Call("/info"), _plain(views.info_view)),
    OpSpec("ps", "ps", (("ps",), ("container", "ps"), *_listing("container")), "ps [-aq]",
           {"en": "containers", "ko": "컨테이너 목록"}, "viewer",
           Call("/containers/json", query=("all",)), _ps,
           flags=(Flag(("-a", "--all"), "all"), Flag(("-q", "--quiet"), "quiet"))),
    OpSpec("images", "image ls", (("images",), *_listing("image")), "image ls",
           {"en": "images", "ko": "이미지 목록"}, "viewer",
           Call("/images/json"), _plain(views.images_view)),
    OpSpec("stats", "stats", _container("stats"), "stats [{NAME}]",
           {"en": "CPU, memory and PIDs now", "ko": "지금의 CPU, 메모리, PID 수"}, "operator",
           Call("/containers/{0}/stats", "samples"), _stats,
           flags=(Flag(("--no-stream",)),), args=(0, 1)),
    OpSpec("inspect", "inspect", _container("inspect"), "inspect {NAME}",
           {"en": "a container's settings (env names only)",
            "ko": "컨테이너 설정 (환경 변수는 이름만)"}, "operator",
           Call("/containers/{0}/json"), _plain(views.inspect_view), args=(1, 1), width=400),
    OpSpec("port", "port", _container("port"), "port {NAME}",
           {"en": "published ports", "ko": "공개된 포트"}, "viewer",
           Call("/containers/{0}/json"), _plain(views.port_view), args=(1, 1)),
    OpSpec("top", "top", _container("top"), "top {NAME}",
           {"en": "a container's processes", "ko": "컨테이너의 프로세스"}, "operator",
           Call("/containers/{0}/top"), _plain(views.top_view), args=(1, 1), width=200),
    OpSpec("diff", "diff", _container("diff"), "diff {NAME}",
           {"en": "files changed in a container", "ko": "컨테이너에서 바뀐 파일"}, "operator",
           Call("/containers/{0}/changes"), _plain(views.diff_view), args=(1, 1), width=200),
    OpSpec("logs", "logs", _container("logs"), "logs {NAME} [--tail N]",
           {"en": "a container's last log lines", "ko": "컨테이너 로그의 마지막 줄"}, "admin",
           Call("/containers/{0}/logs", "log_tail"), _logs,
           flags=(Flag(("--tail", "-n"), "tail", "tail", accepted="--tail N, -n N"),),
           args=(1, 1), output="lines"),
    OpSpec("events", "events", (("events",), ("system", "events")), "events --since 10m",
           {"en": "past events (at most 24h)", "ko": "지난 이벤트 (최대 24시간)"}, "operator",
           Call("/events", "window"), _plain(views.events_view),
           flags=(Flag(("--since",), "since", "since", required=True,
                       accepted="--since D (1s..24h, e.g. 10m)"),)),
    OpSpec("df", "df", (("df",), ("system", "df")), "df",
           {"en": "disk usage", "ko": "디스크 사용량"}, "viewer",
           Call("/system/df"), _plain(views.df_view)),
    OpSpec("volumes", "volume ls", _listing("volume"), "volume ls",
           {"en": "volumes", "ko": "볼륨 목록"}, "viewer",
           Call("/volumes"), _plain(views.volumes_view)),
    OpSpec("networks", "network ls", _listing("network"), "network ls",
           {"en": "networks", "ko": "네트워크 목록"}, "viewer",
           Call("/networks"), _plain(views.networks_view)),
)

# id -> record, in help order.
OPERATIONS: Mapping[str, OpSpec] = {spec.id: spec for spec in _TABLE}
# Operation ids, in help order. Policy files use these ids.
OPS: tuple[str, ...] = tuple(OPERATIONS)
# How each operation is written in help texts and results.
OP_LABELS: Mapping[str, str] = {spec.id: spec.label for spec in _TABLE}
# Every way to write an operation -> its id.
WORDS: Mapping[tuple[str, ...], str] = {
    words: spec.id for spec in _TABLE for words in spec.words
}


def role_ops(role: str) -> frozenset[str]:
    """The operations a built-in role may run: its own and those of the roles below it."""
    if role not in ROLE_NAMES:
        return frozenset()
    rank = ROLE_NAMES.index(role)
    return frozenset(s.id for s in _TABLE if ROLE_NAMES.index(s.role) <= rank)


def usage_list(lang: Lang) -> str:
    """Every operation as written in help: ``version, info, ps [-aq], ...``."""
    return ", ".join(spec.usage_in(lang) for spec in _TABLE)


def help_lines() -> list[str]:
    """One line per operation for terminal help: usage, then its title in both languages."""
    width = max(len(spec.usage_in("en")) for spec in _TABLE)
    return [f"  {spec.usage_in('en'):<{width}}  {spec.title['en']} / {spec.title['ko']}"
            for spec in _TABLE]
