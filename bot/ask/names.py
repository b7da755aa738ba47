"""The names a question gives, and the words that are no names.

A name is said with what it names ("the web service", "the container named api", "사용자
postgres"), as a name ("a container called cache", "web이라는 이름으로", "whose hostname is
worker1"), in a rename ("rename web to api") or as root ("as root", "root로"). Each is a
:class:`bot.ask.values.Value` of kind ``name`` (or ``hostname``) whose ``hint`` says which
option or placeholder it names. Everyday, Docker and function words are no names. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from bot.ask.analysis import concept_word
from bot.ask.lexicon import ANCHORS, COMMON_EN, EN_STOP

# how a name is handed to the value list: kind, text, span, hint
Add = Callable[[str, str, tuple[int, int], str], None]

_NAME_AFTER = re.compile(
    r"(?i)\b(?:named|called|host ?name(?: set)? to|host ?name (?:is|of|=)|name(?: set)? to"
    r"|name(?:d)?(?: it)?)\s+"
    r"[\"'`]?([A-Za-z0-9][A-Za-z0-9_.-]{0,62})[\"'`]?"
)
_NAME_KO = re.compile(
    r"[\"'`]?([A-Za-z0-9][A-Za-z0-9_.-]{0,62})[\"'`]?\s*(?:라는|이라는|로|으로)?\s*"
    r"(?:호스트 ?)?이름"
    r"|이름(?:을|은|이|는)?\s*[\"'`]?([A-Za-z0-9][A-Za-z0-9_.-]{0,62})[\"'`]?"
    r"|이름이\s*([A-Za-z0-9][A-Za-z0-9_.-]{0,62})"
)
_HOST_NAME_KO = re.compile(
    r"(?:호스트 ?|host ?)이름\S{0,2}\s*$|^\s*(?:라는|이라는|로|으로)?\s*호스트 ?이름"
)
# root named alone: "exec as root", "root로 실행", "루트 권한으로"
_ROOT = re.compile(
    r"(?i)(?<!not )(?<!never )\bas root\b"
    r"|(?<![A-Za-z0-9_])(root|루트)(?:로|으로|권한으로| 권한으로)(?![가-힣])"
)
# a rename: "rename web to api", "web 컨테이너 이름을 api로 바꾸기"
_RENAME = re.compile(
    r"(?i)\brenam\w*\s+(?:the\s+)?(?:container\s+)?[\"'`]?([A-Za-z0-9][A-Za-z0-9_.-]{0,62})[\"'`]?"
    r"\s+(?:to|as|into)\s+[\"'`]?([A-Za-z0-9][A-Za-z0-9_.-]{0,62})"
    r"|([A-Za-z0-9][A-Za-z0-9_.-]{0,62})\s*(?:컨테이너)?\S{0,2}\s*이름\S{0,2}\s*"
    r"([A-Za-z0-9][A-Za-z0-9_.-]{0,62})\s*(?:으로|로)\s*(?:바꾸|바꿔|변경|고치)"
)
# a name said with what it names: "the builder stage", "web 서비스", "사용자 postgres",
# "as user postgres", "별칭 api", "network backend"
HINTS: Mapping[str, str] = {
    "stage": "target", "스테이지": "target", "단계": "target",
    "user": "user", "사용자": "user", "유저": "user", "계정": "user", "account": "user",
    "alias": "alias", "별칭": "alias",
    "network": "network", "네트워크": "network",
    "service": "service", "서비스": "service",
    "volume": "volume", "볼륨": "volume",
    "container": "container", "컨테이너": "container",
    "profile": "profile", "프로파일": "profile", "프로필": "profile",
}
_HINT_NOUNS = "|".join(sorted(HINTS, key=len, reverse=True))
# not a name, so the noun after it can still start "user www-data"
_SKIP = r"(?!(?:" + "|".join(
    sorted((re.escape(w) for w in {*EN_STOP, "each", "every", "not", "only"} if w.isalpha()),
           key=len, reverse=True)) + r")\b)"


def _common_word(word: str, *, loose: bool = False) -> bool:
    """An everyday or Docker word ("running", "docker", "new"), not a name someone gave
    (``loose``: only the plainest words count)."""
    low = word.lower()
    if loose:
        return (low in NOT_NAMES or low in EN_STOP or low in ANCHORS or low in _STATES
                or low in _ATTRIBUTES)
    return (
        low in NOT_NAMES
        or low in _ORDINARY
        or low in _FUNCTION_WORDS
        or _INFLECTED.fullmatch(low) is not None
        or low in EN_STOP
        or low in COMMON_EN
        or low in ANCHORS
        or concept_word(low)
    )


_ORDINARY = frozenset(
    {
        "new", "old", "existing", "other", "same", "another", "first", "last", "current",
        "default", "all", "some", "any", "one", "two", "three", "single", "whole", "stopped",
        "running", "paused", "local", "remote", "main", "given", "specific", "certain",
        "particular", "named", "multi", "multiple",
        # where it comes in an order ("the newest container")
        "newest", "latest", "oldest", "recent", "previous", "next", "earliest",
    }
)
# words that join or qualify a sentence, never a name: "the container without ...",
# "as soon as any container exits"
_FUNCTION_WORDS = frozenset(
    {
        "without", "within", "unless", "until", "while", "whenever", "after", "before",
        "once", "again", "itself", "exits", "exit", "stops", "starts", "runs", "dies", "fails",
        "crashes", "restarts", "keeps", "gets", "goes", "has", "had", "cannot", "too",
        "also", "now", "yet", "still", "even", "ever", "already", "taken", "lose", "loses",
        "lost", "forgets",
        "comes", "come", "becomes", "returns", "works", "seems", "uses", "listens", "needs",
        "wants", "shows", "prints", "writes", "reads", "sees", "takes", "makes", "tries",
        "between", "across", "among", "through", "via", "per", "over", "under", "behind",
        "inside", "outside", "beside", "against", "toward", "towards", "around",
        # nouns that say what about a container is meant ("the container time is wrong")
        "time", "date", "clock", "status", "state", "health", "logs", "log", "output", "id",
        "ip", "address", "hostname", "size", "usage", "process", "processes", "shell",
        "terminal", "console", "environment", "variables", "filesystem", "permissions",
        "performance", "traffic", "connection", "connections", "network", "networks",
        "things", "stuff", "everything", "nothing", "anything",
        "afterwards", "afterward", "later", "anymore", "next", "soon", "type",
        "kind", "object", "sort",
        # what about a thing is set ("host network mode", "the bridge driver settings")
        "mode", "modes", "driver", "drivers", "setting", "settings", "config", "configuration",
        "option", "options", "range", "problem", "issue", "error",
        # what kind of one ("an external network", "the default bridge")
        "external", "internal", "default", "custom", "existing", "shared", "private",
        "public", "local", "remote", "global", "same", "different", "separate", "specific",
        "whole", "entire", "flag", "flags", "own", "current", "normal", "regular",
        "non-root", "nonroot", "unprivileged", "limited",
        # verbs before the noun ("add volume to a container")
        "add", "attach", "set", "connect", "link", "backup", "open", "give", "put", "keep",
    }
)  # (the stop words, "is", "can", "when" ..., are no names either: EN_STOP)
# the states and kinds a container or an image is in, said before its Korean noun too
# ("exited 컨테이너", "dangling 이미지")
_STATES = frozenset(
    {"exited", "running", "stopped", "created", "paused", "dead", "restarting", "dangling",
     "none", "unused", "old", "new", "all"}
)
# what of a container a question is about, said after its Korean noun ("컨테이너 cpu 제한",
# "컨테이너 bash 접속"): no name
_ATTRIBUTES = frozenset(
    {"cpu", "cpus", "gpu", "gpus", "memory", "ram", "ip", "id", "ids", "port", "ports", "log",
     "logs", "env", "dns", "mac", "pid", "tty", "shell", "bash", "sh", "zsh", "os", "uid",
     "gid", "hostname", "status", "stats", "size", "disk", "volume", "network", "image"}
)
# an adverb, a past participle or a gerund ("automatically", "created", "forwarding"):
# grammar, not a name someone gave
_INFLECTED = re.compile(r"[a-z]{3,}(?:ly|ed)|[a-z]{3,}ing")
# the name before the noun ("web 서비스", "the builder stage") and after it ("network
# backend", "the container named api"), read apart so that both of "overlay 네트워크 mesh"
# are seen
_HINTED = re.compile(
    r"(?<![A-Za-z0-9_.-])" + _SKIP
    + r"([a-z](?:[a-z0-9_.-]{0,39}[a-z0-9_])?)\s*(?:라는|이라는)?\s*("
    + _HINT_NOUNS + r")"
    r"(?![A-Za-z])"
)
_HINTED_AFTER = re.compile(
    r"(?i:\b(?:the\s+)?(" + _HINT_NOUNS + r")\s+(?:named\s+|called\s+)?)"
    r"([a-z][a-z0-9_.-]{0,40})(?![A-Za-z0-9_.:/-])"
)
NOT_NAMES = frozenset(
    {"a", "an", "the", "it", "of", "my", "your", "this", "that", "to", "and", "in", "on", "at",
     "for", "with", "from", "as", "is", "be", "by", "into", "or", "not", "only", "instead",
     "whose", "which", "who", "read", "write"}  # ("a named volume read only")
)


# the words around a name said to be one: "named web", "이름은 web", "web이라는 이름"
_PROJECT_NAME = re.compile(
    r"(?i)\bproject(?: name)?(?: (?:is|of|to|as|set to))?\s+[\"'`]?"
    r"([A-Za-z0-9][A-Za-z0-9_.-]{0,62})"
    r"|프로젝트\s*(?:이름|명)\S{0,2}\s*[\"'`]?([A-Za-z0-9][A-Za-z0-9_.-]{0,62})"
)
_NAMED_BEFORE = re.compile(
    r"(?i)\b(?:named|called|name(?:d)? it|name is|name(?: set)? to|project(?: name)?)\s+[\"'`]?$"
    r"|이름(?:은|을|이|는)?\s*$"
)
_NAMED_AFTER = re.compile(r"^[\"'`]?\s*(?:이라는|라는|으로|로)?\s*(?:호스트 ?)?이름")


def said_as_name(text: str, start: int, end: int) -> bool:
    """The words ``text[start:end]`` stand in are said to be a name ("a network named
    backend"), not just read as one ("renmae container" is a typo)."""
    return bool(_NAMED_BEFORE.search(text[:start]) or _NAMED_AFTER.match(text[end:]))


def renamed(question: str, add: Add) -> None:
    """Root named alone, and both names of a rename."""
    for m in _ROOT.finditer(question):
        add("name", "root", m.span(), "user")
    for m in _RENAME.finditer(question):
        g = 1 if m.group(1) else 3
        if not _common_word(m.group(g)) and not _common_word(m.group(g + 1)):
            add("name", m.group(g), m.span(g), "old-name")
            add("name", m.group(g + 1), m.span(g + 1), "new-name")


def said_names(question: str, add: Add) -> None:
    """Names said with what they name, and names said as names."""
    hinted = [
        (m.group(1), m.group(2), m.span(1), False) for m in _HINTED.finditer(question)
    ] + [(m.group(2), m.group(1), m.span(2), True) for m in _HINTED_AFTER.finditer(question)]
    for word, said, span, behind in sorted(hinted, key=lambda h: h[2]):
        noun = said.lower()
        korean = not noun.isascii()  # an ASCII word against a Korean noun is a name
        if said.isupper() and said.isascii():  # "USER", "VOLUME": a Dockerfile instruction
            continue
        if word and noun in HINTS and not _common_word(word, loose=korean):
            hint = HINTS[noun]
            if hint == "container" and behind:
                # "a container named proxy", "the container api": the container's name
                # ("a postgres container" says its image, "web 컨테이너" its name)
                hint = "name"
            add("name", word, span, hint)
    # a compose project's name ("under the project name shop", "프로젝트 이름을 shop으로")
    for m in _PROJECT_NAME.finditer(question):
        g = 1 if m.group(1) else 2
        if not _common_word(m.group(g)):
            add("name", m.group(g), m.span(g), "project-name")
    # a name said as a name ("called cache", "web이라는 이름으로") names the --name option;
    # a host name the --hostname option
    for m in _NAME_AFTER.finditer(question):
        said = m.group(0).lower()
        word = m.group(1).lower()
        if word in HINTS or word.removesuffix("s") in HINTS:
            continue  # "a named volume" is a kind of volume, not a volume named "volume"
        if word in _FUNCTION_WORDS or word in NOT_NAMES or word in EN_STOP:
            continue  # "the name already in use", "name is taken"
        if said.startswith("host"):
            add("hostname", m.group(1), m.span(1), "hostname")
        else:
            add("name", m.group(1), m.span(1), "name")
    for m in _NAME_KO.finditer(question):
        g = next(i for i in (1, 2, 3) if m.group(i))
        before, after = question[: m.start(g)], question[m.end(g):]
        if _HOST_NAME_KO.search(before) or _HOST_NAME_KO.match(after):
            add("hostname", m.group(g), m.span(g), "hostname")
        else:
            add("name", m.group(g), m.span(g), "name")
