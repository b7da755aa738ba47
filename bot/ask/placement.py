"""Writing a composed answer's values onto its command line.

Which value of the question fills which option or placeholder (:func:`value_for`,
:func:`fill_positionals`, :func:`parent_flags`), how the options already in the stored
command are read (:func:`present_flags`) and how the line is rewritten with the new ones
(:func:`rewrite`), one of each group of alternatives kept (:func:`drop_conflicts`). Used by
:class:`bot.ask.composition.Composer`; pure, no I/O.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence

from bot.ask.analysis import analyze
from bot.ask.lexicon import EN_STOP, SOFTWARE_NAMES
from bot.ask.names import HINTS
from bot.ask.option_values import filter_value, fit
from bot.ask.values import Value
from bot.explain.cli_spec import Command, Flag

_KNOWN_SHORT_VALUE = frozenset("pveuwt")

def shown_name(flag: Flag) -> str:
    """How people write the flag: ``-a`` for a switch with a short form, ``--tail`` for
    most flags with a value, the well-known short ones (``-p``, ``-v``, ``-e``) kept short."""
    if flag.short and (not flag.takes_value or flag.short in _KNOWN_SHORT_VALUE):
        return f"-{flag.short}"
    return flag.name



# positional placeholders that name an image: "<image>", "<image>:<tag>",
# "<DockerID>/<repo>:<tag>", "<new-image>:<tag>"
_IMAGE_SLOT = re.compile(
    r"(?:<[^<>\s]+>/)*<(?:image|new-image|repo|source-image|target-image|image-name)>"
    r"(?::<[^<>\s]+>)?"
)
_SERVER_SLOTS = frozenset({"SERVER", "REGISTRY"})
_WORD = re.compile(r"""(?:[^\s'"]+|'[^']*'|"[^"]*")+""")


def command_words(line: str) -> list[str]:
    """The words of a command line, a quoted part kept whole: ``-f '{{range .X}}{{end}}'``
    is two words, not three."""
    return _WORD.findall(line)


_PATH_SLOT = re.compile(r"<(?:host-|src-|dest-)?path>")
_NAMED_SLOT = re.compile(r"<(service|container|network|volume|name|old-name|new-name)>")
_SOFTWARE = re.compile(r"(?i)(?<![A-Za-z0-9_./:-])(" + "|".join(
    sorted(n for n in SOFTWARE_NAMES if n != "latest")) + r")(?![A-Za-z0-9_./:-])")


def fill_positionals(
    cmd: Command, line: str, path_len: int, question: str, found: list[Value], used: set[int]
) -> str:
    """Image placeholders take the image references the question gives, in order
    ("Tag myapp:latest as registry.example.com/team/myapp:1.2"), or the software it names
    ("an nginx container"); a registry the question names is the server of ``login``."""
    words = command_words(line)
    refs = [i for i, v in enumerate(found) if v.kind == "ref" and i not in used]
    # names said with what they name fill that placeholder ("the web service" -> <service>)
    hinted: dict[str, list[int]] = {}
    for i, v in enumerate(found):
        if v.hint and i not in used:
            hinted.setdefault(v.hint, []).append(i)
    named = [m.group(1).lower() for m in _SOFTWARE.finditer(question)]
    paths = [i for i, v in enumerate(found) if v.kind == "path" and v.text != "." and i not in used]
    if not any(_PATH_SLOT.search(w) for w in words[path_len:]):
        paths = []
    path = cmd.path.split()
    group = path[1] if len(path) > 2 else ""  # "network" of docker network create
    i = path_len
    positional_seen = False
    while i < len(words):
        w = words[i]
        f = _lookup(cmd, w)
        if f is not None:
            i += 2 if f.takes_value and "=" not in w else 1
            continue
        positional_seen = positional_seen or not w.startswith(("-", "[-"))
        slot = _NAMED_SLOT.fullmatch(w)
        # a container is named by "the web container" or "the container named web"; the
        # <name> of "network create" by "the backend network"
        kinds: tuple[str, ...] = ()
        if slot and slot.group(1) == "container":
            kinds = ("container", "name")
        elif slot and slot.group(1) == "name":
            kinds = (group, "name")
        elif slot:
            kinds = (slot.group(1),)
        kind = next((k for k in kinds if hinted.get(k)), None)
        if kind is not None:
            j = hinted[kind].pop(0)
            used.add(j)
            words[i] = found[j].text
        elif (at := _PATH_SLOT.search(w)) and paths:
            # docker cp: the paths the question gives, in the order it gives them, and the
            # container in "<container>:<path>" by its name
            j = paths.pop(0)
            used.add(j)
            w = w[: at.start()] + found[j].text + w[at.end() :]
            name = next((k for k in ("container", "name") if hinted.get(k)), None)
            if w.startswith("<container>:") and name is not None:
                k = hinted[name].pop(0)
                used.add(k)
                w = found[k].text + w[len("<container>") :]
            words[i] = w
        elif w == "<host-path>" and _HERE.search(question):
            words[i] = "."
        elif _IMAGE_SLOT.fullmatch(w):
            later = any(_IMAGE_SLOT.fullmatch(x) for x in words[i + 1 :])
            if w.startswith("<image>") and later and len(refs) == 1 and _is_target(
                question, found[refs[0]]
            ):
                # "myapp 이미지를 myrepo/myapp:v1으로 태그": the one reference given is the new
                # name; the image it names comes from "the myapp image" / "myapp 이미지"
                bare = [m.group(1) or m.group(2) for m in _BARE_IMAGE.finditer(question)]
                bare = [b for b in bare if b.lower() not in EN_STOP | _NOT_IMAGES]
                if bare:
                    words[i] = bare[0]
            elif refs:
                j = refs.pop(0)
                used.add(j)
                words[i] = found[j].text
            elif named and w.startswith("<image>"):
                words[i] = named.pop(0) + w[len("<image>") :].replace(":<tag>", "")
        i += 1
    # "web 서비스만 다시 빌드해서 띄우기": the services a compose command may be given
    services = [i for i in hinted.get("service", []) if i not in used]
    if services and not positional_seen and any(
        s.name == "SERVICE" and s.optional for s in cmd.slots()
    ):
        for j in services:
            used.add(j)
            words.append(found[j].text)
    if not positional_seen and {s.name for s in cmd.slots()} & _SERVER_SLOTS:
        hosts = [i for i, v in enumerate(found) if v.kind == "host" and i not in used]
        if hosts:
            used.add(hosts[0])
            words.append(found[hosts[0]].text)
    return " ".join(words)


# an image named by its bare name, "the myapp image", "myapp 이미지"
_BARE_IMAGE = re.compile(
    r"(?i)\b(?:the\s+)?([a-z][a-z0-9._-]*)\s+image\b|(?<![\w./:-])([a-z][a-z0-9._-]*)\s*이미지"
)


_NOT_IMAGES = frozenset({"docker", "new", "base", "local", "old", "my", "this", "that", "same"})


def _is_target(question: str, ref: Value) -> bool:
    """The reference is said as what something becomes: "as X", "to X", "X으로"."""
    before = question[: ref.start]
    after = question[ref.start + len(ref.text) :]
    return bool(re.search(r"(?i)\b(?:as|to|into)\s+$", before)
                or re.match(r"\s*(?:으로|로)", after))


SELECTING_KINDS = frozenset(
    {"file", "cidr", "ip", "userspec", "signal", "platform", "host", "capability", "varname",
     "duration", "size", "keyval", "cpuset", "ulimit"}
)
_VALUE_WORD_KINDS = frozenset(
    {"name", "ref", "file", "host", "keyval", "varname", "capability", "path"}
)
UNTIL = re.compile(r"(?i)\buntil\b|\bup to\b|\bbefore\b|\bolder than\b|까지|이전|넘은")
DROP = re.compile(r"(?i)\b(?:drop|remove|without)\b|빼|제거|없애|빼고")


@functools.lru_cache(maxsize=4096)
def _words_of(text: str, kinds: str) -> frozenset[str]:
    """The features of ``text`` of the given kinds (a value's, or the words that said one:
    read again for every answer composed)."""
    return frozenset(k for k in analyze(text).features if k[0] in kinds)


def value_words(found: list[Value]) -> frozenset[str]:
    out: set[str] = set()
    for v in found:
        if v.kind in _VALUE_WORD_KINDS:
            # an identifier's or a path's parts ("DB_PORT", "/root/.cache") name no concept
            kinds = "wkc" if v.kind in ("keyval", "varname", "capability", "path") else "wk"
            out.update(_words_of(v.text, kinds))
        if v.hint:  # "볼륨 cache": the noun says what the value is, not which option
            nouns = " ".join(n for n, h in HINTS.items() if h == v.hint)
            out.update(_words_of(nouns, "wkc"))
    return frozenset(out)


def enum_words(said: Iterable[str]) -> frozenset[str]:
    """The features of the words that said the enumerated values (English or Korean)."""
    out: set[str] = set()
    for words in said:
        out.update(_words_of(words, "wkc"))
    return frozenset(out)


_NOT_PARENT = frozenset({"number", "size", "duration", "portmap", "port", "udp-port"})


def parent_flags(
    cmd: Command, line: str, path_len: int, question: str, found: list[Value], used: set[int]
) -> tuple[str, list[tuple[Flag, str]]]:
    """Options of ``docker compose`` itself (``-f``, ``--env-file``, ``-p``) that a value in
    the question asks for, written before the sub-command."""
    parent = cmd.parent
    if parent is None or parent.path != "docker compose" or path_len < 3:
        return line, []
    words = command_words(line)
    taken: list[tuple[Flag, str]] = []
    project = bool(re.search(r"(?i)\bproject\b|프로젝트", question))
    for i, v in enumerate(found):
        # a count or a size is some option's of the sub-command, not compose's own
        # (--parallel); a name only with "project"
        if i in used or (v.kind == "name" and not project) or v.kind in _NOT_PARENT:
            continue
        have = {f.long for f, _ in taken}
        fits = [f for f in parent.flags if f.takes_value and f.long not in have and fit(f, v)]
        if len(fits) == 1 and f"--{fits[0].long}" not in words:
            used.add(i)
            taken.append((fits[0], fit(fits[0], v) or v.text))
    if not taken:
        return line, []
    added = [w for f, value in taken for w in (shown_name(f), _quote(value))]
    at = path_len - len(cmd.path.split()) + 2  # after "docker compose"
    return " ".join([*words[:at], *added, *words[at:]]), taken


def replaceable(value: str | None) -> bool:
    """A placeholder (``<N>``, ``nofile=<soft>:<hard>``), an example number (``100``) or
    port mapping (``80:80``)."""
    return (
        value is None
        or value.startswith("<")
        or bool(re.fullmatch(r"[a-z]+=<[^<>]+>(?::<[^<>]+>)?", value))
        or bool(re.fullmatch(r"\d+[a-z]?|\d+:\d+|(?:linux|windows)/[a-z0-9/]+", value))
    )


def overridden(f: Flag, old: str | None, found: list[Value]) -> bool:
    """The stored line's example value (``-e TZ=Asia/Seoul``, ``--tmpfs /tmp``,
    ``--platform linux/amd64,linux/arm64``) gives way to one the question gives for the
    same thing: a variable of the same name, a path, a platform."""
    if old is None:
        return False
    for v in found:
        if fit(f, v) is None:
            continue
        if v.kind == "keyval" and "=" in old:
            return v.text.split("=", 1)[0] == old.split("=", 1)[0]
        if v.kind in ("path", "platform") and not old.startswith(("$", "\"", "'")):
            return True
    return False


# options a value of their own kind selects even when no word names them
SELECTED_BY_VALUE = frozenset({"publish", "platform", "signal", "stop-signal"})


def value_for(f: Flag, question: str, found: list[Value], used: set[int]) -> str | None:
    if f.long == "filter":
        value = filter_value(question, found)
        if value is not None:
            return value
    if f.long == "volume":
        value = _volume_value(question, found, used)
        if value is not None:
            return value
    return pick_value(f, found, used)


_HERE = re.compile(
    r"(?i)\b(?:the\s+)?current\s+(?:directory|dir|folder)\b|\bthis\s+(?:directory|folder)\b"
    r"|\$\(pwd\)|현재\s*(?:디렉터리|디렉토리|폴더|경로)|지금\s*폴더|이\s*폴더"
)
_READ_ONLY = re.compile(r"(?i)\bread[- ]?only\b|읽기\s*전용")


def _volume_value(question: str, found: list[Value], used: set[int]) -> str | None:
    """``-v`` as ``source:target[:ro]``: the current directory, a host path or a named
    volume ("볼륨 pgdata"), then the path inside the container."""
    paths = [i for i, v in enumerate(found) if v.kind == "path" and v.text != "." and i not in used]
    named = [i for i, v in enumerate(found) if v.hint == "volume" and i not in used]
    if not paths:
        return None
    target = paths[-1]
    if _HERE.search(question):
        source = "$(pwd)"
    elif named:
        source = found[named[0]].text
        used.add(named[0])
    elif len(paths) >= 2:
        source = found[paths[0]].text
        used.add(paths[0])
    else:
        source = "<host-path>"
    used.add(target)
    mode = ":ro" if _READ_ONLY.search(question) else ""
    return f"{source}:{found[target].text}{mode}"


def pick_value(f: Flag, found: list[Value], used: set[int]) -> str | None:
    for i, v in enumerate(found):
        if i in used:
            continue
        text = fit(f, v)
        if text is not None:
            used.add(i)
            return text
    return None


def placeholder(f: Flag) -> str:
    kind = f.value_type or "value"
    if kind in ("list", "stringArray", "strings", "string"):
        return f.long
    return kind


def present_flags(cmd: Command, rest: Sequence[str]) -> dict[str, str | None]:
    """Flags already written in the command (canonical ``--name`` -> value or None)."""
    out: dict[str, str | None] = {}
    i = 0
    while i < len(rest):
        w = rest[i]
        # a cluster of short switches ("-it", "-aq") says each of them
        if re.fullmatch(r"-[A-Za-z]{2,}", w):
            switches = [cmd.flag_by_short(c) for c in w[1:]]
            if all(f is not None and not f.takes_value for f in switches):
                out.update({f.name: None for f in switches if f is not None})
                i += 1
                continue
        f = _lookup(cmd, w)
        if f is not None:
            value = None
            if "=" in w:
                value = w.split("=", 1)[1]
            elif f.takes_value and i + 1 < len(rest):
                value = rest[i + 1]
                i += 1
            out[f.name] = value
        i += 1
    return out


def _lookup(cmd: Command, word: str) -> Flag | None:
    if word.startswith("--"):
        return cmd.flag_by_long(word[2:].split("=", 1)[0])
    if word.startswith("-") and len(word) == 2:
        return cmd.flag_by_short(word[1])
    return None


# options that do one job two ways: one of each group is enough
_ALTERNATIVES = (frozenset({"quiet", "format"}), frozenset({"volume", "mount"}))
# options the engine refuses on one command line ("Conflicting options: --restart and --rm"):
# of the flags asked for, the one asked for most stays; an added one replaces a stored one
REFUSED_TOGETHER = (frozenset({"restart", "rm"}),)


def refused_with(long: str) -> frozenset[str]:
    """The options the engine refuses on a line that has option ``long``."""
    return frozenset(o for g in REFUSED_TOGETHER if long in g for o in g - {long})


def drop_conflicts(flags: list[Flag], present: Mapping[str, object] = {}) -> list[Flag]:
    """One of each flag, and one of each group of alternatives (``--quiet`` or
    ``--format``; ``-v`` or ``--mount``), a flag already in the command counting; none
    that the engine refuses with a better one (:func:`refused_with`)."""
    out: list[Flag] = []
    taken = {g for g in _ALTERNATIVES for name in present if name[2:] in g}
    for f in flags:
        group = next((g for g in _ALTERNATIVES if f.long in g), None)
        if group is not None:
            if group in taken:
                continue
            taken.add(group)
        if refused_with(f.long) & {o.long for o in out}:
            continue
        if f not in out:
            out.append(f)
    return out


def rewrite(
    cmd: Command,
    command: str,
    rest: Sequence[str],
    values: Mapping[str, str | None],
    extra: Mapping[str, Sequence[str]] | None = None,
    drop: frozenset[str] = frozenset(),
) -> str:
    """The command line with each chosen flag set: replaced where present, else inserted
    after the command path (before positionals); the flags in ``drop`` are left out."""
    words = command_words(command)
    path_len = len(words) - len(rest)
    out_rest: list[str] = []
    done: set[str] = set()
    i = 0
    while i < len(rest):
        w = rest[i]
        f = _lookup(cmd, w)
        if f is not None and f.name in drop:
            if f.takes_value and "=" not in w:
                i += 1
            i += 1
            continue
        if f is not None and f.name in values:
            value = values[f.name]
            if f.takes_value and "=" not in w and i + 1 < len(rest):
                i += 1
            out_rest.append(shown_name(f))
            if value is not None:
                out_rest.append(_quote(value))
            for more in (extra or {}).get(f.name, ()):
                out_rest.extend((shown_name(f), _quote(more)))
            done.add(f.name)
        else:
            out_rest.append(w)
        i += 1
    # an optional switch the stored line shows as "[--no-cache]" is written out when asked for
    for j, w in enumerate(out_rest):
        if w.startswith("[-") and w.endswith("]"):
            f = _lookup(cmd, w[1:-1])
            if f is not None and f.name in values and f.name not in done and not f.takes_value:
                out_rest[j] = shown_name(f)
                done.add(f.name)
    new: list[str] = []
    for name, value in values.items():
        if name in done:
            continue
        f = cmd.flag_by_long(name[2:])
        if f is None:
            continue
        new.append(shown_name(f))
        if value is not None:
            new.append(_quote(value))
        for more in (extra or {}).get(f.name, ()):
            new.extend((shown_name(f), _quote(more)))
    # new flags go after the flags already there, before the first positional
    insert_at = 0
    j = 0
    while j < len(out_rest):
        w = out_rest[j]
        f = _lookup(cmd, w)
        if f is None and not w.startswith("-"):
            break
        j += 1
        if f is not None and f.takes_value and "=" not in w:
            j += 1
        insert_at = j
    merged = [*out_rest[:insert_at], *new, *out_rest[insert_at:]]
    return " ".join([*words[:path_len], *merged])


def _quote(value: str) -> str:
    return value if re.fullmatch(r"[\w.:/=<>@%+,-]+", value) else f'"{value}"'


def options_of_values(cmd: Command, question: str, found: list[Value],
                      used: set[int]) -> list[Flag]:
    """The options that a value of the question asks for because only one option of the
    command takes a value of its kind ("172.20.0.10" on network connect is --ip; "uid
    1000, gid 1000" is --user), in the order of the values."""
    out: list[Flag] = []
    for i, v in enumerate(found):
        fraction = v.kind == "number" and "." in v.text
        if (v.kind not in SELECTING_KINDS and not fraction and not v.hint) or i in used:
            continue
        fits = [f for f in cmd.flags if f.takes_value and fit(f, v)]
        if v.kind == "keyval":  # NAME=value is a variable, name=value a label or option
            variable = v.text.split("=", 1)[0].isupper()
            fits = [f for f in fits if (f.long in ("env", "build-arg")) == variable]
        if v.kind == "duration" and {f.long for f in fits} >= {"since", "until"}:
            # "the last hour" / "지난 1시간" is since; "up to an hour ago" / "까지" until
            until = bool(UNTIL.search(question))
            fits = [f for f in fits if f.long == ("until" if until else "since")]
        if v.kind == "cpuset":  # CPUs, unless the question says memory nodes
            mems = bool(re.search(r"(?i)\bmem|numa|메모리", question))
            fits = [f for f in fits if (f.long == "cpuset-mems") == mems]
        if v.kind == "capability":  # granted unless the question takes it away
            dropping = bool(DROP.search(question))
            fits = [f for f in fits if (f.long == "cap-drop") == dropping]
        if len(fits) == 1 and fits[0] not in out:
            out.append(fits[0])
    return out


# which way a copy goes: out of the container unless the question puts something into it
_OUT_OF = re.compile(
    r"(?i)\b(?:out of|from) (?:(?!(?:in)?to\b)\S+ ){0,2}(?:container|service)"
    r"|컨테이너(?:에서|로부터|안에서)|호스트로|로컬로"
)
_INTO = re.compile(
    r"(?i)\b(?:into|to|onto) (?:(?!from\b)\S+ ){0,2}(?:container|service)"
    r"|\bupload|컨테이너\s*(?:안|속|내부)?\s*(?:으로|로|에)(?!서)|업로드"
    # ("호스트 파일을 web 컨테이너 /etc/nginx에": from the host, to a path in the container)
    r"|호스트(?:의|에 있는)?\s*(?:파일|폴더|디렉터리)|컨테이너\s+/\S*(?:으로|로|에)(?!서)"
)
_COPY_LINE = re.compile(r"^(docker (?:compose |container )?cp(?: -\S+)*) (\S+:\S+) (\S+)$")


def copy_direction(path: str, line: str, question: str) -> str:
    """``docker cp`` (or ``compose cp``) copies out of the container as stored; a question
    that copies into it ("호스트에서 컨테이너로", "upload a file into the container") gets
    the two paths the other way round."""
    if not path.endswith(" cp") or _OUT_OF.search(question) or not _INTO.search(question):
        return line
    return _COPY_LINE.sub(r"\1 \3 \2", line)
