"""How a value found in a question is written for an option.

:func:`fit` says whether (and how) a value of a kind (:class:`bot.ask.values.Value`) is
written for a given flag, so a number is never given to ``--name`` nor a name to
``--tail``; :func:`enum_said` finds the word of an option whose values are a closed set
("unless-stopped" for ``--restart``); :func:`filter_value` a filter said in words
("containers that have exited" is ``status=exited``). Pure.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from bot.ask.lexicon import RESTART_ON_FAILURE, RESTART_UNLESS_STOPPED
from bot.ask.values import Value
from bot.explain.cli_spec import Flag

# Options whose values are a closed set of words: a question that says one of them
# ("unless-stopped", "overlay", "json-file") asks for the option with that value.
ENUMS: Mapping[str, tuple[str, ...]] = {
    "restart": ("unless-stopped", "on-failure", "always", "no"),
    "network": ("host", "none", "bridge"),
    "net": ("host", "none", "bridge"),
    "driver": ("overlay", "bridge", "macvlan", "ipvlan", "local", "docker-container",
               "kubernetes", "remote"),
    "log-driver": ("json-file", "journald", "syslog", "fluentd", "local", "none"),
    "pull": ("always", "missing", "never"),
    "progress": ("plain", "tty", "rawjson", "quiet"),
    "format": ("json", "table"),
    "isolation": ("process", "hyperv"),
    "ipc": ("host", "shareable", "private"),
    "pid": ("host",),
    "gpus": ("all",),
    "rmi": ("all", "local"),
}
# words that must not be taken as an enumerated value on their own (too common)
_ENUM_NEEDS_CONTEXT = frozenset(
    {"no", "none", "local", "host", "always", "table", "quiet", "process", "plain", "private",
     "all"}  # ("drop all capabilities" is no --gpus all)
)
_IMAGE_NAME = re.compile(r"[a-z0-9][a-z0-9._/-]*(?::[A-Za-z0-9][A-Za-z0-9._-]*)?")


ENUM_KO: Mapping[str, str] = {"host": "호스트", "bridge": "브리지", "always": "항상"}
# the option's name in Korean, as context for a common value ("호스트 네트워크")
_OPTION_KO: Mapping[str, tuple[str, ...]] = {
    "network": ("네트워크",), "net": ("네트워크",), "pid": ("pid", "프로세스"),
    "ipc": ("ipc",), "restart": ("재시작",), "log-driver": ("로그",),
}


# values said in other words: "unless someone stopped it" is unless-stopped
def _said(*patterns: str) -> re.Pattern[str]:
    return re.compile("(?i)" + "|".join(patterns))


_ENUM_PHRASES: Mapping[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "restart": (
        (_said(*RESTART_UNLESS_STOPPED), "unless-stopped"),
        (_said(*RESTART_ON_FAILURE), "on-failure"),
        (_said("항상", "무조건", "언제나"), "always"),
    ),
    "gpus": (
        (_said(r"\ball (?:the |of the )?gpus?\b", r"\bevery gpu\b",
               r"\bgpus?\S{0,2} ?(?:전부|모두|다)", "모든 ?gpu"), "all"),
    ),
    "log-driver": (
        (_said(r"\bno logs?\b", r"\bwithout (?:any )?logs?\b", r"\bkeeps? no logs?\b",
               "로그를? (?:남기지|안 ?남기|저장하지|기록하지) ?않"), "none"),
    ),
    "pull": (
        (_said(r"\b(?:every|each) (?:time|run)\b", "매번", "(?:실행|시작)할 때마다"), "always"),
        (_said(r"\bnever pull\b", r"\bwithout pulling\b", "받지 않고", "pull하지 않"), "never"),
    ),
    "rmi": (
        (_said(r"\ball (?:the |of the )?images\b", r"\bevery image\b",
               "이미지(?:도|까지)? (?:전부|모두|다)", "모든 이미지"), "all"),
        (_said(r"\buntagged\b", r"\bwithout a (?:custom )?tag\b", "태그 없는"), "local"),
    ),
}


def enum_said(flag: Flag, question: str, *, named: bool = False) -> tuple[str, str] | None:
    """The enumerated value of ``flag`` the question names and the words that named it."""
    return _enum_said(flag.long, question, named)


# (the composer asks it for every option of every answer shown: once per question is enough)
@functools.lru_cache(maxsize=2048)
def _enum_said(long: str, question: str, named: bool) -> tuple[str, str] | None:
    if long not in ENUMS and long not in _ENUM_PHRASES:
        return None
    word = _enum_value(long, question, named)
    if word is not None:
        said = ENUM_KO[word] if word in ENUM_KO and ENUM_KO[word] in question else word
        return word, said
    for pattern, value in _ENUM_PHRASES.get(long, ()):
        m = pattern.search(question)
        if m:
            return value, m.group(0)
    return None


def _enum_value(long: str, question: str, named: bool) -> str | None:
    """The enumerated value of option ``long`` the question names, if any. A common word
    ("always", "host") counts only when the option is ``named`` (already in the command)
    or its name is in the question too."""
    low = question.lower()
    context = named or long.split("-")[-1] in low or any(
        w in low for w in _OPTION_KO.get(long, ())
    )
    for word in ENUMS.get(long, ()):
        said = bool(re.search(rf"(?<![A-Za-z0-9_-]){re.escape(word)}(?![A-Za-z0-9_-])", low))
        if not said and word in ENUM_KO and ENUM_KO[word] in question:
            said = context  # the Korean word is common: only with the option named
        if said:
            if word in _ENUM_NEEDS_CONTEXT and not context:
                continue
            return word
    return None


# filter keys said in words: (pattern, how the filter is written; {0} is the group)
_FILTERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"(?i)\bdangling\b|댕글링|태그 ?없는|안 ?쓰는 볼륨|쓰지 않는 볼륨"
                   r"|\bvolumes?\b.*\bnot used by any containers?\b"),
        "dangling=true",
    ),
    (re.compile(r"(?i)\bofficial\b|공식"), "is-official=true"),
    (re.compile(r"(?i)\b(?:from|of) the ([a-z0-9][a-z0-9_./:-]*) image\b"), "ancestor={0}"),
    (re.compile(r"([a-z0-9][a-z0-9_./:-]*) 이미지로 (?:만든|띄운|생성한)"), "ancestor={0}"),
    (re.compile(r"(?i)\bname (?:contains|containing|with) ([a-z0-9][a-z0-9_.-]*)"), "name={0}"),
    (re.compile(r"이름에 ([a-z0-9][a-z0-9_.-]*)"), "name={0}"),
    (re.compile(r"(?i)\b(bridge|overlay|macvlan|host) (?:driver|network)s?\b"), "driver={0}"),
    (re.compile(r"(?i)\bbefore (?:the image )?([a-z0-9][a-z0-9_./:-]*)"), "before={0}"),
    (re.compile(r"(?i)\babout (containers|images|volumes|networks) only\b"), "type={0}"),
    (re.compile(r"브리지 ?(?:드라이버|네트워크)"), "driver=bridge"),
    (re.compile(r"오버레이 ?(?:드라이버|네트워크)"), "driver=overlay"),
    (re.compile(r"(?i)\bexit(?:ed)?\s+(?:with\s+)?(?:exit\s+)?(?:code|status)\s+(\d{1,3})\b"),
     "exited={0}"),
    (re.compile(r"종료 ?코드(?:가)? ?(\d{1,3})(?:번)?(?:으로|로|인)"), "exited={0}"),
    # a state last: "images created before app:v2" is about before, not a status
    (re.compile(r"(?i)\b(exited|running|paused|created|restarting|dead)\b"), "status={0}"),
    # (not when they are included too: "정지된 것까지", "중단된 컨테이너도")
    (re.compile(r"(?i)(?:종료된|멈춘|중지된|중단된|정지된)(?!\s*(?:것|거|컨테이너)?들?\s*(?:까지|도|포함))"
                r"|\bonly (?:the )?stopped\b|\bstopped (?:ones|containers) only\b"),
     "status=exited"),
)


def filter_value(question: str, found: list[Value]) -> str | None:
    """A ``--filter`` value said in words ("containers that have exited", "이름에 web이
    들어간"), or a duration for ``until`` ("older than 24h", "24시간 넘은")."""
    # an age first: "images created more than 24 hours ago" is until=24h, not a status
    age = _OLDER.search(question)
    for rx, form in _FILTERS:
        m = rx.search(question)
        if m and not (age and form == "status={0}"):
            value = form.format(*(g.rstrip("s") if form.startswith("type=") else g
                                  for g in m.groups()))
            return value.lower() if not m.groups() else value
    if age:
        for v in found:
            if v.kind == "duration":
                return f"until={v.text}"
    return None


_OLDER = re.compile(r"(?i)older than|(?:more than|over) .{1,20}\bago\b|넘은|이전")


_BYTES = frozenset({"memory", "memory-swap", "memory-reservation", "shm-size", "kernel-memory"})
_TIMES = frozenset({"since", "until", "timeout", "time", "stop-timeout", "health-interval",
                    "health-timeout", "health-start-period", "health-start-interval"})
_BUILD_FILE = re.compile(r"(?i)dockerfile|compose|\.ya?ml$|\.hcl$|^-$|containerfile")
_PATHS = frozenset({"workdir", "tmpfs", "file", "output", "input", "env-file", "cidfile"})
_NAMES = frozenset({"name", "network", "net", "user", "entrypoint", "tag",
                    "project-name", "domainname", "builder", "context"})


def fit(flag: Flag, v: Value) -> str | None:
    """How ``v`` is written as the value of ``flag``; None when it is no value for it."""
    # (asked of every option of a command for every value, once per answer composed)
    return _fit(flag.long, flag.value_type or "", v)


@functools.lru_cache(maxsize=16384)
def _fit(long: str, kind: str, v: Value) -> str | None:
    if v.hint:  # a name said with what it names goes to that option only
        wanted = {"alias": ("network-alias", "alias"), "user": ("user", "username")}.get(
            v.hint, (v.hint,))
        return v.text if long in wanted else None
    if long == "publish":
        if v.kind == "portmap":
            return v.text
        if v.kind == "port":
            return f"{v.text}:{v.text}"
        if v.kind == "udp-port":
            return f"{v.text}:{v.text}/udp"
        return None
    if long in ("cap-add", "cap-drop"):
        return v.text if v.kind == "capability" else None
    if long in ("cpuset-cpus", "cpuset-mems"):
        return v.text if v.kind == "cpuset" else None
    if long == "ulimit":
        return v.text if v.kind == "ulimit" else None
    if kind == "scale":  # compose up --scale SERVICE=NUM
        if v.kind == "keyval" and re.fullmatch(r"[\w.-]+=\d+", v.text):
            return v.text
        return f"<service>={v.text}" if v.kind == "number" and v.text.isdigit() else None
    if long in ("env", "build-arg") and v.kind == "varname":
        return v.text  # -e NAME passes the variable on from where the command runs
    if long in ("env", "label", "build-arg", "filter", "log-opt", "opt", "label-file") or kind in (
        "filter", "map", "stringToString"
    ):
        return v.text if v.kind == "keyval" else None
    if long in ("signal", "stop-signal"):
        return v.text if v.kind == "signal" else None
    if long == "platform":
        return v.text if v.kind == "platform" else None
    if long in ("ip6", "link-local-ip"):
        return None  # an IPv4 address is no value for them
    if long in ("dns", "ip", "gateway") or long.endswith("addr") or kind == "ip":
        return v.text if v.kind == "ip" else None
    if long in ("subnet", "ip-range", "fixed-cidr") or kind == "ipNet":
        return v.text if v.kind == "cidr" else None
    if long in ("tag", "cache-from", "from"):
        if v.kind == "ref" or (v.kind == "name" and _IMAGE_NAME.fullmatch(v.text)):
            return v.text
        return None
    if long in _BYTES or kind == "bytes":
        return v.text if v.kind == "size" else None
    if long in _TIMES or kind == "duration":
        if v.kind == "duration":
            if kind == "int":  # --timeout int: seconds
                return _seconds(v.text)
            return v.text
        if v.kind == "number" and kind in ("duration",):
            return f"{v.text}s"
        if v.kind == "number" and kind in ("int", "uint"):
            return v.text
        if v.kind == "number" and long in ("since", "until"):
            return None
        return None
    if v.kind == "file" and re.search(r"(?i)dockerfile", v.text):
        # a Dockerfile's name is build's --file (-f), never another file option
        return v.text if long == "file" else None
    if long in _PATHS or long in ("volume", "iidfile", "metadata-file"):
        is_env = "env" in v.text.lower()
        if long == "env-file":  # (a file of variables: ".env", "prod.env")
            return v.text if is_env else None
        if long == "file" and v.kind == "file" and is_env:
            return None
        # --file (-f) reads a Dockerfile, a compose file or a bake file: not any path a
        # pasted error names ("/app/package.json" not found)
        if long == "file" and not _BUILD_FILE.search(v.text):
            return None
        if v.kind == "file" and long not in ("volume", "workdir", "tmpfs"):
            return v.text
        return v.text if v.kind == "path" else None
    if long == "user":
        if v.kind in ("name", "number", "userspec"):
            return v.text
        if v.kind == "portmap" and re.fullmatch(r"\d+:\d+", v.text):
            return v.text
        return None
    if long == "entrypoint":
        return v.text if v.kind in ("path", "name") else None
    if long == "hostname":
        return v.text if v.kind in ("hostname", "name") else None
    if long in _NAMES:
        return v.text if v.kind == "name" else None
    if kind in ("decimal", "float") or long == "cpus":
        return v.text if v.kind == "number" else None
    if kind in ("int", "uint", "uint16", "uint32") or long in ("tail", "last", "scale", "replicas"):
        # a fraction is no count
        return v.text if v.kind == "number" and "." not in v.text else None
    return None


def _seconds(duration: str) -> str | None:
    m = re.fullmatch(r"(\d+)(ms|s|m|h)", duration)
    if not m:
        return None
    n, unit = int(m.group(1)), m.group(2)
    return str({"ms": n // 1000, "s": n, "m": n * 60, "h": n * 3600}[unit])

