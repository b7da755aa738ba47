"""Composed answers: the chosen command plus the flags (and values) the question asks for.

"last 5 lines of the logs" is ``docker logs --tail 5 <container>``, not the stored
``docker logs --tail 100 <container>``. Given the answer's command line, the composer
finds its node in the CLI reference, asks :mod:`bot.ask.flag_scoring` which flags the
question wants, and writes them onto the line:

- a flag the line already has with a placeholder or an example value takes the value
  the question gives; the flags asked for beyond it are added;
- a value goes to the flag the question asks for most when there are fewer values than
  flags that could take one, else in the order the line has them;
- the line's other placeholder options give way to what the question asked for.

A flag that takes a value gets one from the question when there is one of the right
shape (a number, a size such as ``512MB``, a duration such as ``10m``, a port mapping, a
``key=value`` pair), else a ``<placeholder>``. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from bot.ask.analysis import Analysis, analyze
from bot.ask.flag_scoring import (
    FLAG_THRESHOLD,
    FlagData,
    FlagScorer,
    question_keys,
)
from bot.ask.option_values import ENUMS, enum_said, filter_value, fit
from bot.ask.placement import (
    SELECTED_BY_VALUE,
    command_words,
    copy_direction,
    drop_conflicts,
    enum_words,
    fill_positionals,
    options_of_values,
    overridden,
    parent_flags,
    pick_value,
    placeholder,
    present_flags,
    refused_with,
    replaceable,
    rewrite,
    shown_name,
    value_for,
    value_words,
)
from bot.ask.templates import format_template
from bot.ask.values import find_values
from bot.explain.cli_spec import CliSpec, Command, Flag
from bot.lang import Lang

__all__ = ["FLAG_THRESHOLD", "ComposedFlag", "Composer", "Composition", "FlagData"]

MAX_ADDED_FLAGS = 3
_KEPT = frozenset({"tag"})  # stored flags that stay when others are asked for


@dataclass(frozen=True)
class ComposedFlag:
    """A flag the question asked for, with the value it gave (or a placeholder)."""

    flag: str
    value: str | None
    meaning: Mapping[Lang, str]
    names: tuple[str, ...] = ()  # every name of the flag: ("-n", "--tail")

    def to_dict(self, lang: Lang) -> dict[str, object]:
        return {"flag": self.flag, "value": self.value, "meaning": self.meaning[lang]}


@dataclass(frozen=True)
class Composition:
    """The command line to show and the flags that the question put into it."""

    command: str
    flags: tuple[ComposedFlag, ...]



_RECENT = re.compile(r"(?i)(?:\b(?:the\s+)?(?:last|past|recent)|최근|지난)\s*$")
# how many times a failing container is started again: "최대 5번까지", "at most 3 times"
_RETRIES = re.compile(
    r"(?i)(?:(?:최대|at most|up to|no more than)\s*)?(?<!\d)(\d{1,3})\s*"
    r"(?:번|회|times\b|retries\b|tries\b|attempts\b)(?:까지만?)?"
)
_MOUNT_WORDS = re.compile(
    r"(?i)\b(?:mount\w*|volumes?|bind|folders?|director(?:y|ies)|dirs?|files?)\b"
    r"|마운트|볼륨|폴더|디렉터리|파일"
)
_ROOT_FS = re.compile(r"(?i)root ?(?:file ?system|fs)|\bfile ?system|파일 ?시스템|루트")


class Composer(FlagScorer):
    """Writes the flags a question asks for onto a command line."""

    def __init__(self, spec: CliSpec | None = None, data: FlagData | None = None) -> None:
        super().__init__(spec, data)
        # a command's options that a value alone can ask for ("unless-stopped", "8080:80")
        self._by_value: dict[str, tuple[Flag, ...]] = {}

    def _touches(self, cmd: Command, f: Flag, a: Analysis, others: Sequence[Flag]) -> bool:
        """The question names ``f`` (a word of its name, or a whole phrase people use for
        it) with words that no flag of ``others`` has in its name ("memory" is
        --memory-reservation's in "a soft memory reservation")."""
        docs = self._doc_of[cmd.path]
        d = docs[f.long]
        q = question_keys(a)
        # (their names, and the phrases people use for them that the question says:
        # "shared memory" is --shm-size's, not --memory's)
        theirs = set().union(
            *(docs[o.long].name_keys.union(*(h for h in docs[o.long].hints if h <= q))
              for o in others)
        )
        silent = self._silent[cmd.path]
        if (d.name_keys & q) - theirs - silent:
            return True
        return any(h - silent - theirs and h - silent <= q for h in d.hints)

    def compose(
        self, command: str, question: str, a: Analysis, exclude: frozenset[str] = frozenset()
    ) -> Composition | None:
        """``command`` with the flags the question asks for; None when it asks for none.

        A flag the command already has with a placeholder or an example value (``--tail
        <N>``, ``--tail 100``) takes the value the question gives (``5``), the flags the
        question asks for beyond the command are added, values go to the flags as the
        module says, and the line's other placeholder options give way (``exclude``: the
        features that the answer's own title already explains, which select no flag).
        """
        cmd, rest = self.node_of(command)
        shell = command.split("#")[0]
        if cmd is None or "$(" in command or any(op in shell for op in ("|", "&&", ";")):
            return None
        # the columns the question names ("only the names and status") are --format's; a
        # template the command already has is replaced whole (it may hold spaces)
        template = format_template(cmd.path, question)
        fmt = cmd.flag_by_long("format") if template is not None else None
        fmt_value = template.value if template is not None else None
        if fmt is not None:
            names = "|".join(re.escape(n) for n in (fmt.name, f"-{fmt.short}" if fmt.short else "")
                             if n)
            command = re.sub(r"(?<!\S)(" + names + r")([ =])(\"[^\"]*\"|'[^']*'|\S+)",
                             r"\1\2<format>", command, count=1)
            cmd, rest = self.node_of(command)
            if cmd is None:
                return None
        present = present_flags(cmd, rest)
        found = find_values(question)
        used: set[int] = set()
        values: dict[str, str | None] = {}
        flags: list[Flag] = []
        # the stored line's flags that can take a value the question gives
        stored = [
            f for name, old in present.items()
            if (f := cmd.flag_by_long(name[2:])) is not None and f.takes_value
            and (replaceable(old) or overridden(f, old, found))
        ]
        # the words of a value ("named proxy", "myapp:1.0", "호스트 네트워크" for host) say
        # which value, not which flag
        title = exclude
        # the enumerated values the question names, once ("unless-stopped" for --restart)
        by_value = self._by_value.get(cmd.path)
        if by_value is None:  # (the options a value alone can ask for, once per command)
            by_value = self._by_value[cmd.path] = tuple(
                f for f in cmd.flags
                if f.takes_value and (f.long in ENUMS or f.long in SELECTED_BY_VALUE))
        said_enums = {
            f.long: hit
            for f in by_value
            if f.long in ENUMS and (hit := enum_said(f, question)) is not None
        }
        enums = {long: word for long, (word, _) in said_enums.items()}
        # restarted on failure "at most 5 times" is on-failure:5 (the count is no limit of
        # another option: not --pids-limit 5)
        if enums.get("restart") == "on-failure" and (m := _RETRIES.search(question)):
            at = next((i for i, v in enumerate(found) if v.start == m.start(1)), None)
            if at is not None:
                used.add(at)
                enums["restart"] = f"on-failure:{m.group(1)}"
                said_enums["restart"] = (enums["restart"],
                                         f"{said_enums['restart'][1]} {m.group(0)}")
        # a word that said an enumerated value names nothing ("overlay 네트워크 mesh")
        used.update(
            i for i, v in enumerate(found) if v.kind == "name" and v.text in enums.values()
        )
        said_values = value_words(found) | enum_words(w for _, w in said_enums.values())
        # "최근 5분", "the last 30 minutes": a span of time (--since), not the last lines;
        # the words before it are the value's
        for v in found:
            if v.kind == "duration" and (before := _RECENT.search(question, 0, v.start)):
                said_values |= {k for k in analyze(before.group(0)).features if k[0] in "wkc"}
        exclude = exclude | said_values
        # what a flag already on the line names, or says in words people use for it,
        # picks no other flag ("detached" is the stored -d, not --detach-keys; "host
        # port 8080" is the stored -p, not --add-host)
        self._prepare(cmd)
        docs = self._doc_of[cmd.path]
        q = question_keys(a)
        for n in present:
            d = docs.get(n[2:])
            if d is not None:
                exclude = exclude | d.name_keys | {k for h in d.hints if h <= q for k in h}
        if template is not None:
            columns = frozenset(analyze(template.words).features)
            exclude, said_values = exclude | columns, said_values | columns
        scores = self.score_flags(cmd, a, exclude, said_values, found)
        asked = {f.long: s for s, f in scores if s >= FLAG_THRESHOLD}
        chosen = [f for s, f in scores if f.long in asked and f.name not in present][
            :MAX_ADDED_FLAGS
        ]
        if fmt is not None and fmt.name not in present:
            chosen.insert(0, fmt)  # before --quiet, its alternative
        # a capability named is the one power asked for ("NET_ADMIN 권한 추가"), not all of
        # them (--privileged)
        if any(v.kind == "capability" for v in found):
            chosen = [f for f in chosen if f.long != "privileged"]
        # a value only one option takes asks for that option ("unless-stopped", "8080:80")
        for f in by_value:
            if f.name in present or f in chosen:
                continue
            if f.long in enums or (
                f.long in SELECTED_BY_VALUE and any(fit(f, v) for v in found)
            ):
                chosen.append(f)
        # a filter said in words ("containers that have exited") asks for --filter
        filt = cmd.flag_by_long("filter")
        said = filter_value(question, found) if filt is not None else None
        if said is not None and said.startswith("dangling=") and cmd.path.endswith(" prune"):
            said = None  # what a prune removes is unused already ("안 쓰는 볼륨 삭제")
        if (
            filt is not None
            and said is not None
            and filt.name not in present
            and filt not in chosen
            # not what the answer's own title says ("List running containers")
            and not set(analyze(said.split("=", 1)[-1]).features) <= title
        ):
            chosen.append(filt)
        # a value that exactly one option of the command takes ("172.20.0.10" on network
        # connect is --ip; "uid 1000, gid 1000" is --user)
        for f in options_of_values(cmd, question, found, used):
            if f.name not in present and f not in chosen:
                chosen.append(f)
        new_flags = drop_conflicts(chosen, present)
        # a flag the engine refuses with one of the line's that the question asks for too
        # ("죽으면 다시 시작되게" on a --restart line) is not added
        new_flags = [
            f for f in new_flags
            if not any(f"--{o}" in present and (o in asked or o in enums)
                       for o in refused_with(f.long))
        ]
        # a value goes to the flag the question asks for most: "a soft memory reservation
        # of 256 MB" is --memory-reservation's, not the stored line's --memory <size>
        takers = [*stored, *(f for f in new_flags if f.takes_value)]
        fitting = [
            {i for i, v in enumerate(found) if fit(f, v) is not None} for f in takers
        ]
        contenders = sum(1 for fits in fitting if fits)
        if len(set().union(*fitting)) < contenders:
            # fewer values than flags that could take one: the flag asked for most takes
            # it (when there are enough, they go in the order the line has them: "memory
            # 1 GB, memory plus swap 2 GB")
            takers.sort(key=lambda f: -asked.get(f.long, 0.0))
        given: dict[str, str] = {}
        for f in takers:
            value = (
                (fmt_value if f is fmt else None)
                or enums.get(f.long)
                or (hit[0] if f.name in present
                    and (hit := enum_said(f, question, named=True)) else None)
                or value_for(f, question, found, used)
            )
            if value is not None:
                given[f.name] = value
        # "scale the web service to 3": the count is web's
        scale = given.get("--scale", "")
        if scale.startswith("<service>=") and (
            service := next((v.text for v in found if v.hint == "service"), None)
        ):
            given["--scale"] = service + scale.removeprefix("<service>")
        for f in stored:
            if f.name in given and given[f.name] != present[f.name]:
                values[f.name] = given[f.name]
                flags.append(f)
        for f in new_flags:
            values[f.name] = given.get(f.name) or (f"<{placeholder(f)}>" if f.takes_value else None)
            flags.append(f)
        # the stored line's placeholders the question did not ask about give way to what
        # it did ask for ("docker update --memory-reservation 256m", without the stored
        # --restart <policy> --cpus <n>)
        # (a line with one placeholder flag keeps it, and build keeps -t <name>:<tag>:
        # that is how the command is used, not one of several options shown)
        menu = [
            f for f in stored
            if str(present.get(f.name) or "").startswith("<") and f.long not in _KEPT
        ]
        # (when something was asked: a flag added, or one of the menu's own, "more memory"
        # of "--restart <policy> --memory <size> --cpus <n>")
        # (words that a flag given a value already answers touch no other: "환경변수
        # MODE=prod" is the stored -e's, not the stored --env-file <file>'s)
        answered = [*new_flags, *(f for f in stored if f.name in values)]
        touched = {f.long for f in menu if self._touches(cmd, f, a, answered)}
        drop = frozenset(
            f.name for f in menu
            if (flags or touched) and len(menu) > 1 and f.name not in values
            and f.long not in asked and f.long not in touched
        ) | {  # an added switch replaces the stored line's opposite ("--no-build", "--build")
            opposite for f in new_flags
            if (opposite := "--" + (f.long[3:] if f.long.startswith("no-") else "no-" + f.long))
            in present
        } | {  # and a flag Docker refuses with it: a restart policy on a "--rm" line
            f"--{o}" for f in new_flags for o in refused_with(f.long) if f"--{o}" in present
        }
        # a read-only mount is the mount's ":ro", not a read-only root filesystem ("mount
        # the config folder read-only" on a line that mounts something)
        # (--mount says it as ",readonly")
        for long, ro in (("volume", ":ro"), ("mount", ",readonly")):
            mount = str(values.get(f"--{long}") or present.get(f"--{long}") or "")
            if "--read-only" not in values or not mount or not (
                mount.endswith(ro) or (_MOUNT_WORDS.search(question)
                                       and not _ROOT_FS.search(question))
            ):
                continue
            del values["--read-only"]
            flags = [f for f in flags if f.name != "--read-only"]
            if not mount.endswith(ro) and (option := cmd.flag_by_long(long)) is not None:
                values[option.name] = mount + ro
                if option not in flags:
                    flags.append(option)
        # a flag given several times: "DB_HOST=db and DB_PORT=5432" is -e twice
        extra: dict[str, list[str]] = {}
        for f in flags:
            if f.repeatable and values.get(f.name) and not str(values[f.name]).startswith("<"):
                while (more := pick_value(f, found, used)) is not None:
                    extra.setdefault(f.name, []).append(more)
        line = rewrite(cmd, command, rest, values, extra, drop) if flags or drop else command
        path_len = len(command_words(command)) - len(rest)
        line = fill_positionals(cmd, line, path_len, question, found, used)
        line = copy_direction(cmd.path, line, question)
        line, parents = parent_flags(cmd, line, path_len, question, found, used)
        flags.extend(f for f, _ in parents)
        values.update({f.name: v for f, v in parents})
        if not flags and line == command:
            return None
        added = tuple(
            ComposedFlag(
                shown_name(f),
                values[f.name],
                MappingProxyType({"en": f.meaning("en"), "ko": f.meaning("ko")}),
                (f"-{f.short}", f.name) if f.short else (f.name,),
            )
            for f in flags
        )
        return Composition(line, added)
