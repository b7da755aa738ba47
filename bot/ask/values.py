"""Values a question gives for a command's flags: numbers, sizes, durations, ports, paths,
names, ``KEY=value`` pairs, signals, platforms and the words of an enumerated option.

"Start nginx with host port 8080 forwarded to port 80" gives the port mapping ``8080:80``;
"로그 파일 하나는 10MB까지" the size ``10m``; "name it api" the name ``api``. Each value
has a kind; :mod:`bot.ask.option_values` says how a value of that kind is written for a
given flag, and :mod:`bot.ask.names` reads the names. Pure.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from bot.ask.names import NOT_NAMES, renamed, said_names

_QUOTED = re.compile(r"[\"'`]([^\"'`\s][^\"'`]{0,80})[\"'`]")
_PORTMAP = re.compile(
    r"(?<![A-Za-z0-9_.:])((?:\d{1,3}(?:\.\d{1,3}){3}:)?\d{1,5}:[1-9]\d{0,4}(?:/(?:tcp|udp))?)(?!\d)"
)
_TWO_PORTS_EN = re.compile(
    r"(?i)\bport\s+(\d{1,5})\b.{0,40}?\b(?:to|->|onto|into)\s+(?:the\s+)?(?:container(?:'s)?\s+)?"
    r"(?:port\s+)?(\d{1,5})\b"
)
_PORTS_KO = re.compile(
    r"(?<!\d)(\d{1,5})(?!\d)\s*번?\s*(?:포트)?\s*(?:을|를|에서)?\s*(?:컨테이너(?:의)?\s*)?"
    r"(?<!\d)(\d{1,5})\s*번?\s*(?:포트)?\s*(?:로|으로|에)"
)
_PORT_EN = re.compile(r"(?i)\bport\s+(\d{1,5})\b|\b(\d{1,5})\s+port\b")
_PORT_KO = re.compile(r"(\d{1,5})\s*번?\s*포트|포트\s*(\d{1,5})")
_SIZE = re.compile(
    r"(?i)(?<![A-Za-z0-9_.])(\d+(?:\.\d+)?)\s?(k|m|g|t)(?:i?b|바이트)?(?![a-z])"
    r"|(\d+)\s*(메가|기가|킬로)"
)
_DURATION = re.compile(
    r"(?i)(?<![A-Za-z0-9_.])(\d+)\s?(ms|s|m|h|초|분|시간|seconds?|secs?|minutes?|mins?|hours?)"
    r"(?![a-z])"
)
_DAYS = re.compile(
    r"(?i)(?<![A-Za-z0-9_.])(\d+)\s?(days?|weeks?|months?|일|주|개월|달)(?![a-z가-힣])"
)
_DAY_HOURS = {"day": 24, "days": 24, "일": 24, "week": 168, "weeks": 168, "주": 168,
              "month": 720, "months": 720, "개월": 720, "달": 720}  # a month: 30 days
_ONE_UNIT = re.compile(
    r"(?i)\b(?:the\s+)?(?:last|past|an?|one)\s+(hour|minute|day|week|month)\b"
    r"|(한\s*시간|하루|일주일|한\s*주|한\s*달)"
    # ("since yesterday", "어제부터": the last day)
    r"|\b(?:since|from)\s+(yesterday)\b|(어제)(?:부터|이후)"
)
_ONE = {"hour": "1h", "minute": "1m", "day": "24h", "week": "168h", "month": "720h",
        "한시간": "1h", "하루": "24h", "일주일": "168h", "한주": "168h", "한달": "720h",
        "yesterday": "24h", "어제": "24h"}
_NUMBER = re.compile(r"(?<![A-Za-z0-9_.:/=-])(\d+(?:\.\d+)?)(?![A-Za-z0-9_.:/])")
# ASCII only: a Korean particle written against a path ("/src로") is not part of it
_PATH = re.compile(
    r"(?<![A-Za-z0-9_:/.])((?:~|\.{1,2})?/[A-Za-z0-9_./-]*[A-Za-z0-9_/]"
    r"|\$\(pwd\)[A-Za-z0-9_/.-]*|\.(?=\s|$))"
)
_CIDR = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3}/\d{1,2})(?![\d.])")
_IP = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])")
# an image reference with a tag or digest: "myapp:1.0", "node:20-alpine",
# "registry.example.com/team/myapp:1.2" (a name starting with a letter, so no port map)
_REF = re.compile(
    r"(?<![A-Za-z0-9_./:@-])((?:[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d{1,5})?/)?"
    r"[a-z][a-z0-9._-]*(?:/[a-z0-9][a-z0-9._-]*)*"
    r"(?::[A-Za-z0-9][A-Za-z0-9._-]{0,127}|@sha256:[0-9a-f]{8,64}))(?![A-Za-z0-9_./:-])"
)
_FROM_DIR = re.compile(
    r"(?i)\bfrom\s+(?:the\s+)?(?:(?:directory|folder|dir)\s+)?$"
    r"|\b(?:in|inside|within)\s+(?:the\s+)?(?:directory|folder|dir)\s+$"
)
_DIR_AFTER = re.compile(
    r"\s*(?:폴더|디렉터리|디렉토리|경로)(?:에서|에서부터)|(?i:\s+(?:directory|folder|dir)\b)"
)
# a time zone by its tz-database name ("Europe/Berlin", "Asia/Seoul"): the TZ variable
_TIME_ZONE = re.compile(
    r"(?<![A-Za-z0-9_/])((?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian"
    r"|Pacific|Etc)/[A-Z][A-Za-z_+-]*(?:/[A-Z][A-Za-z_]*)?)(?![A-Za-z0-9_/])"
)
# a Dockerfile by its name: "docker/Dockerfile.api", "Dockerfile.prod", "api.Dockerfile"
_DOCKERFILE = re.compile(
    r"(?<![A-Za-z0-9_./-])((?:\.{0,2}/)?(?:[A-Za-z0-9_.-]+/)*(?:[A-Za-z0-9_-]+\.)?"
    r"[Dd]ockerfile(?:\.[A-Za-z0-9_-]+)?)(?![A-Za-z0-9_/-])"
)
# a file name: leading dot (".env", ".env.staging") or a known extension
_FILE = re.compile(
    r"(?<![A-Za-z0-9_./-])(\.[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*"
    r"|[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\."
    r"(?:ya?ml|env|tar|gz|tgz|zip|json|txt|conf|cfg|ini|toml|log|sh|sql|pem|crt|key|"
    r"prod|dev|staging|test|local|override|dockerfile|hcl|out|id))(?![A-Za-z0-9_/-])"
)
# a host name: registry.example.com, ghcr.io, localhost:5000
_HOST = re.compile(
    r"(?<![A-Za-z0-9_./:@-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
    r"(?:com|io|org|net|dev|cloud|internal|local|lan|co|kr|jp|de|example)(?::\d{1,5})?"
    r"|localhost:\d{1,5})(?![A-Za-z0-9_.:/-])"
)
_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.@/-]{0,62}")
_CAPABILITY = re.compile(
    r"(?<![A-Za-z0-9_])((?:CAP_)?(?:NET_ADMIN|NET_RAW|NET_BIND_SERVICE|SYS_ADMIN|SYS_PTRACE|"
    r"SYS_TIME|SYS_NICE|SYS_RESOURCE|SYS_MODULE|SYS_CHROOT|IPC_LOCK|MKNOD|CHOWN|DAC_OVERRIDE|"
    r"SETUID|SETGID|KILL|AUDIT_WRITE|ALL))(?![A-Za-z0-9_])"
)
# a variable's name alone ("the build argument GIT_SHA"): capitals with an underscore or digit
_VARNAME = re.compile(r"(?<![A-Za-z0-9_=$-])([A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9])(?![A-Za-z0-9_=])")
# CPU numbers a container may use: "cores 0 and 1", "CPU 0-3", "0번과 1번 코어"
_ONE_CPU = r"\d+(?:\s*[-~]\s*\d+)?"
_CPU_LIST = _ONE_CPU + r"(?:\s*(?:,|and|&|및|과|와|번과|번,|번 및|번)\s*" + _ONE_CPU + r")*"
_CPUSET = re.compile(
    r"(?i)(?:\b(?:cores?|cpus?|processors?|nodes?)\s*(?:number\s*|no\.?\s*)?|코어\s*|노드\s*|CPU\s*)"
    r"(" + _CPU_LIST + r")(?!\s*(?:%|개|cores?|cpus?))"
    r"|(" + _CPU_LIST + r")\s*번?\s*(?:CPU|코어|cores?)"
)
# a resource limit of ulimit's: "open files to 65535", "nofile 4096", "파일 개수 ... 65535"
_ULIMIT = re.compile(
    r"(?i)\b(nofile|nproc)\b\D{0,30}?(\d+)|(open[- ]files?|file descriptors?|열 수 있는 파일|"
    r"파일 디스크립터|오픈 파일|열린 파일|파일 (?:수|개수) 제한)\D{0,40}?(\d+)"
)
_EXIT_CODE = re.compile(
    r"(?i)\b(?:exit(?:ed|s)?(?:\s+(?:with\s+)?(?:status|code))?|code|status|error|errno)\s*"
    r"[:#]?\s*(\d{1,3})\b|(?:종료\s*)?코드\s*(\d{1,3})"
)
_UIDGID = re.compile(r"(?i)\buid\s*(\d+)\W{1,3}(?:and\s+)?gid\s*(\d+)")
_FRACTION = re.compile(
    r"(?i)\b(?:a\s+)?(quarter|half)\s+(?:of\s+)?(?:a\s+|one\s+)?cpu|(절반)|(?<![가-힣])(반)\s*개"
)
_KEYVAL = re.compile(r"(?<![\w-])([A-Za-z_][\w.-]*=[^\s,;\"'`\uac00-\ud7a3]+)")
# ASCII boundaries, so "SIGINT를" is SIGINT
_SIGNAL = re.compile(
    r"(?i)(?<![A-Za-z0-9])(SIG(?:HUP|INT|QUIT|ILL|TRAP|ABRT|BUS|FPE|KILL|USR1|SEGV|USR2|PIPE|"
    r"ALRM|TERM|CHLD|CONT|STOP|TSTP|TTIN|TTOU|URG|XCPU|XFSZ|VTALRM|PROF|WINCH|IO|PWR|SYS|"
    r"RTMIN(?:\+\d+)?|RTMAX(?:-\d+)?)|(?<=\s)(?-i:HUP|INT|QUIT|TERM|KILL|USR1|USR2)(?=\s|$))"
    r"(?![A-Za-z0-9])"
)
_ARCH = re.compile(
    r"(?i)(?<![A-Za-z0-9/_-])(arm64|aarch64|amd64|x86_64|x86-64|armv7)(?![A-Za-z0-9/_-])"
)
_ARCHES = {"arm64": "arm64", "aarch64": "arm64", "amd64": "amd64", "x86_64": "amd64",
           "x86-64": "amd64", "armv7": "arm/v7"}
_PLATFORM = re.compile(r"\b((?:linux|windows)/(?:amd64|arm64|arm/v7|arm/v6|386|ppc64le|s390x))\b")
_UNITS = {
    "ms": "ms", "s": "s", "m": "m", "h": "h", "초": "s", "분": "m", "시간": "h",
    "second": "s", "seconds": "s", "sec": "s", "secs": "s",
    "minute": "m", "minutes": "m", "min": "m", "mins": "m", "hour": "h", "hours": "h",
}
_SIZE_UNITS = {"메가": "m", "기가": "g", "킬로": "k"}


@dataclass(frozen=True)
class Value:
    """One value found in a question."""

    kind: str  # portmap port size duration number path file ref host ip cidr keyval signal
    # cpuset ulimit
    # platform userspec capability varname name hostname word
    text: str  # as docker writes it: "8080:80", "512m", "30s", "/app"
    start: int
    hint: str = ""  # what the name names, said next to it: "target", "user", "service" ...


def find_values(question: str) -> list[Value]:
    """Every value the question gives, each kind once per position, in text order."""
    return list(_find_values(question))


@functools.lru_cache(maxsize=512)
def _find_values(question: str) -> tuple[Value, ...]:
    # one question is read by the ranking, then by the composer for every answer shown
    out: list[Value] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, text: str, span: tuple[int, int], hint: str = "") -> None:
        if any(a < span[1] and span[0] < b for a, b in taken):
            return
        if kind == "name" and text.lower() in NOT_NAMES:
            return
        taken.append(span)
        out.append(Value(kind, text, span[0], hint))

    for m in _UIDGID.finditer(question):
        add("userspec", f"{m.group(1)}:{m.group(2)}", m.span())
    # an exit code or an error number is said about what happened, not a value to give
    for m in _EXIT_CODE.finditer(question):
        g = 1 if m.group(1) else 2
        add("exitcode", m.group(g), m.span(g))
    for m in _ULIMIT.finditer(question):
        name = (m.group(1) or "nofile").lower()
        n = m.group(2) or m.group(4)
        add("ulimit", f"{name}={n}:{n}", m.span())
    for m in _CPUSET.finditer(question):
        g = 1 if m.group(1) else 2
        parts = re.findall(r"\d+(?:\s*[-~]\s*\d+)?", m.group(g))
        text = ",".join(re.sub(r"\s*[-~]\s*", "-", p) for p in parts)
        # one CPU number alone is a count ("2 cpus"), not which CPUs, unless it is a range
        if len(parts) >= 2 or "-" in text:
            add("cpuset", text, m.span(g))
    for m in _PORTMAP.finditer(question):
        add("portmap", m.group(1), m.span(1))
    for rx in (_TWO_PORTS_EN, _PORTS_KO):
        for m in rx.finditer(question):
            add("portmap", f"{m.group(1)}:{m.group(2)}", m.span())
    udp = "/udp" if re.search(r"(?i)\budp\b", question) else ""
    for m in _PLATFORM.finditer(question):
        add("platform", m.group(1), m.span(1))
    for m in _ARCH.finditer(question):
        add("platform", "linux/" + _ARCHES[m.group(1).lower()], m.span(1))
    for m in _KEYVAL.finditer(question):
        add("keyval", m.group(1), m.span(1))
    for m in _CAPABILITY.finditer(question):
        add("capability", m.group(1).removeprefix("CAP_"), m.span(1))
    for m in _VARNAME.finditer(question):
        add("varname", m.group(1), m.span(1))
    for m in _CIDR.finditer(question):
        add("cidr", m.group(1), m.span(1))
    for m in _IP.finditer(question):
        add("ip", m.group(1), m.span(1))
    renamed(question, add)
    for m in _TIME_ZONE.finditer(question):
        add("keyval", f"TZ={m.group(1)}", m.span(1))
    for m in _DOCKERFILE.finditer(question):
        if m.group(1).lower() != "dockerfile":  # the word alone names no file
            add("file", m.group(1), m.span(1))
    for m in _REF.finditer(question):
        add("ref", m.group(1), m.span(1))
    for m in _FILE.finditer(question):
        add("file", m.group(1), m.span(1))
    for m in _HOST.finditer(question):
        add("host", m.group(1), m.span(1))
    for m in _SIZE.finditer(question):
        if m.group(1):
            add("size", f"{m.group(1)}{m.group(2).lower()}", m.span())
        else:
            add("size", f"{m.group(3)}{_SIZE_UNITS[m.group(4)]}", m.span())
    for m in _DURATION.finditer(question):
        add("duration", f"{m.group(1)}{_UNITS[m.group(2).lower()]}", m.span())
    # days and weeks in hours (Docker's durations stop at "h"), and one unit said in words
    for m in _DAYS.finditer(question):
        add("duration", f"{int(m.group(1)) * _DAY_HOURS[m.group(2).lower()]}h", m.span())
    for m in _ONE_UNIT.finditer(question):
        unit = next(u for u in m.groups() if u)
        add("duration", _ONE[re.sub(r"\s+", "", unit).lower()], m.span())
    for rx in (_PORT_EN, _PORT_KO):
        for m in rx.finditer(question):
            g = 1 if m.group(1) else 2
            add("udp-port" if udp else "port", m.group(g), m.span(g))
    for m in _SIGNAL.finditer(question):
        add("signal", m.group(1).upper(), m.span(1))
    for m in _PATH.finditer(question):
        if m.group(1) == "/dev/shm":
            continue  # (shared memory named, --shm-size's: no path given)
        # "from /app", "in the /app directory", "/etc 폴더에서": where a command runs
        ahead, rest = question[max(0, m.start(1) - 20) : m.start(1)], question[m.end(1) :]
        where = bool(_FROM_DIR.search(ahead) or _DIR_AFTER.match(rest)) and not re.search(
            r"\.[A-Za-z0-9]{1,5}$", m.group(1))  # a file is no directory to run in
        add("path", m.group(1), m.span(1), "workdir" if where else "")
    said_names(question, add)
    for m in _FRACTION.finditer(question):
        word = (m.group(1) or m.group(2) or m.group(3) or "").lower()
        add("number", "0.25" if word == "quarter" else "0.5", m.span())
    for m in _NUMBER.finditer(question):
        add("number", m.group(1), m.span(1))
    for m in _QUOTED.finditer(question):
        if _PLAIN_NAME.fullmatch(m.group(1)):  # a quoted name, not a quoted error message
            add("name", m.group(1), m.span(1))
    out.sort(key=lambda v: v.start)
    # "SIGTERM 대신 SIGINT", "SIGINT instead of SIGTERM": the replaced value is not asked for
    return tuple(v for v in out if not _replaced(question, v))


_INSTEAD_KO = re.compile(r"\s*(?:을|를|이|가|은|는)?\s*(?:대신|말고|아니라)")
_INSTEAD_EN = re.compile(r"(?i)(?:instead of|rather than|not)\s+(?:the\s+)?$")


def _replaced(question: str, v: Value) -> bool:
    end = v.start + len(v.text)
    if question[v.start : end] != v.text:
        return False
    before = question[max(0, v.start - 20) : v.start]
    return bool(_INSTEAD_KO.match(question, end) or _INSTEAD_EN.search(before))


# enumerated values said in Korean
