"""How much a question asks for each flag of a command.

Every flag of every command in the CLI reference (:mod:`bot.explain.cli_spec`) is read
once as features: of its name, its texts in both languages, and the phrases people use
for it (:mod:`bot.ask.hints`). A question's words and concepts that the command's own
name and summary do not already explain then pick flags:

- weighed by how rare they are among that command's flags (``container`` appears in
  half of ``docker run``'s flags; ``tail`` in one) and among all flags;
- by what the flag's name says, or by most of its description, or by a whole phrase
  people use for it;
- greedily: the best flag claims the words it matches, the next is scored on the rest;
- a flag quoted in the question (``-f``, ``--tail``) is always taken.

Pure: no I/O.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.ask.analysis import Analysis, analyze, concept_word
from bot.ask.hints import hints_for
from bot.ask.lexicon import CONCEPTS
from bot.ask.option_values import fit
from bot.ask.placement import command_words
from bot.ask.values import Value
from bot.explain.cli_spec import CliSpec, Command, Flag, default_spec

# A flag is added when the question's distinctive words it matches weigh at least this
# much (sum of idf-weights); calibrated with the flag-scored dev sets (bench/calibrate.py).
FLAG_THRESHOLD = 1.5
QUOTED = 100.0  # the score of a flag the question writes out
# without its name, a flag is picked only when the question covers this share of its text
_COVERED = 0.5
_LOCAL_COMMON = 0.34  # a word in more than this share of a command's flags says nothing
# concepts that already mean what a --no-* flag does ("full" IDs are --no-trunc)
_POLARITY_FREE = frozenset({"c:truncate"})
_VERBS = frozenset({"c:start", "c:stop", "c:run", "c:remove", "c:build", "c:pull", "c:push",
                    "c:list", "c:restart", "c:create", "c:kill", "c:exec", "w:add"})
# words of two-word flag names that say too little alone
_GENERIC = frozenset({"c:file", "w:file", "c:host", "w:host", "w:type", "c:name", "w:name",
                      "c:time", "w:time", "w:opt", "w:option", "w:mode", "c:all", "w:all",
                      "w:mac", "w:only"})
# ("on a Mac" is macOS, "the MAC address" --mac-address; "only the names" is no --read-only)
# the same in both languages, as a description's words
_GENERIC_ANY = _GENERIC | frozenset(
    "k:" + form for c in ("file", "host", "name", "all") for form in CONCEPTS[c][0]
) | {"k:옵션",  # ("-it 옵션 의미" asks what the options mean, not for --sysctl's "옵션")
     # and a word that only says "without" says without what elsewhere ("캐시 없이" is no
     # --no-color, whose text says "색 없이")
     "k:없이", "k:않고", "k:말고", "k:빼고",
     # and turning something off says what elsewhere too ("자동 실행 끄기" is no
     # --oom-kill-disable, whose text says "OOM killer 끄기")
     "k:끄기", "k:끄고", "c:stop", "w:disable"}
_DEFAULT_NOTE = re.compile(r"\((?:default|기본)[^)]*\)")
_OWN_NAME = 1.0  # the least weight of a one-word flag's name in the command's flags
_UNFIT = 0.5  # an option that takes none of the values the question gives
_TYPED = frozenset({"size", "number", "duration", "portmap", "port", "udp-port", "cidr", "ip",
                    "cpuset", "ulimit", "signal", "platform", "keyval", "capability"})
# words that say nothing about which flag: Docker's name and its two everyday objects
SILENT_WORDS = frozenset(
    {"w:docker", "k:도커", "c:container", "w:container", "k:컨테이너",
     "c:image", "w:image", "k:이미지"}
)
_KIND = {"c": 1.3, "w": 1.0, "k": 0.8, "x": 1.0}  # Korean bigrams pick no flag: too many false hits


@dataclass(frozen=True)
class _FlagDoc:
    flag: Flag
    keys: frozenset[str]
    name_keys: frozenset[str]  # what the flag's own name says: --tail -> the concept *tail*
    hints: tuple[frozenset[str], ...] = ()  # each phrase people use for it, as features


def flag_keys(features: Mapping[str, float]) -> frozenset[str]:
    """The features that can pick a flag: concepts, and words that are no concept's form
    (``delete`` counts once, as the concept *remove*, not again as a word). A negated
    concept ("without building") is the concept here: what --no-build turns off."""
    out = set()
    for k in features:
        kind = k[0]
        if kind == "n":
            k = _unnegated(k)
            kind = k[0]
        if kind in _KIND and not (kind == "w" and concept_word(k[2:])) and not (
            kind == "x" and k.startswith("x:unsaid:")
        ):
            out.add(k)
    return frozenset(out)


def question_keys(a: Analysis) -> frozenset[str]:
    """:func:`flag_keys` of a question's features, derived once per analysis."""
    keys = a.memo.get("flag_keys")
    if keys is None:
        keys = a.memo["flag_keys"] = flag_keys(a.features)
    return keys


def _said_apart(a: Analysis) -> tuple[frozenset[str], frozenset[str]]:
    """The flags a question writes out (``-f``, ``--tail``) and what it says is not to
    happen, derived once per analysis."""
    got = a.memo.get("quoted_negated")
    if got is None:
        quoted = frozenset(k[2:] for k in a.features if k.startswith("f:"))
        # (a Korean word of it too: "캐시 사용 안 하기" is --no-cache, not --cache-from)
        negated = frozenset(_unnegated(k) for k in a.features if k.startswith("n:")) | {
            "k:" + k[9:] for k in a.features if k.startswith("x:unsaid:")}
        got = a.memo["quoted_negated"] = (quoted, negated)
    return got


def _already_on(flag: Flag) -> bool:
    """A switch that is on unless turned off (its text says "(default true)"); a --no-*
    switch is how one is turned off, whatever its default reads."""
    return (not flag.takes_value and not flag.long.startswith("no-")
            and "(default true)" in flag.meaning("en"))


def _unnegated(key: str) -> str:
    """``n:build`` is the concept ``c:build``, ``n:w:kill`` the word ``w:kill``."""
    if not key.startswith("n:"):
        return key
    return key[2:] if key[2:4] == "w:" else "c:" + key[2:]


def _own_keys(text: str) -> frozenset[str]:
    return flag_keys(analyze(text).features)


def _doc_keys(flag: Flag, path: str) -> list[list[Any]]:
    """A flag's features: of its name and texts, of its name alone (``--no-trunc`` is
    read as written, where it is a concept's form, and as words), and of each phrase
    people use for it (:mod:`bot.ask.hints`)."""
    words = flag.long.replace("-", " ")
    # "privileged" also says "privilege", "attachable" also "attach"
    variants = " ".join(
        w[: -len(end)] + add
        for w in flag.long.split("-")
        for end, add in (("ed", ""), ("ed", "e"), ("able", ""), ("able", "e"))
        if w.endswith(end) and len(w) > len(end) + 3
    )
    # (what a description says the default is, "(default shows just running)", is not
    # what the flag does)
    meaning = _DEFAULT_NOTE.sub(" ", f"{flag.meaning('en')} {flag.meaning('ko')}")
    text = _own_keys(f"{flag.long} {words} {variants} {meaning}")
    name = _own_keys(f"{flag.long} {words} {variants}")
    hints = [sorted(k) for h in hints_for(path, flag.long) if (k := _own_keys(h))]
    return [sorted(text), sorted(name), hints]


FlagData = dict[str, Any]



def _whole_name(d: _FlagDoc, said: Iterable[str]) -> bool:
    """Every word of a name of two words or more is said ("add" and "host": --add-host)."""
    long = d.flag.long
    return "-" in long and set(long.split("-")) <= {k[2:] for k in d.name_keys.intersection(said)}


def _by_name(d: _FlagDoc, said: Iterable[str]) -> bool:
    """The question says what the flag's name says: a verb of a longer name ("start" of
    --health-start-interval) is not what the flag is about, and a name of three words
    or more needs two of them ("write" alone is not --device-write-iops)."""
    hit = d.name_keys.intersection(said)
    if not hit:
        return False
    long = d.flag.long
    if _whole_name(d, hit):
        return True
    if "-" in long and not long.startswith("no-"):
        hit -= _VERBS
    if long.count("-") >= 2:
        words = {k for k in hit if k[0] != "c" or k[2:] in long.split("-")}
        return len(words) >= 2 or any(k[2:] == long.replace("-", "") for k in hit)
    # (every word of the name said returned above)
    if "-" in long and hit and hit <= _GENERIC:
        return False  # "a single file" is not --env-file, "host port" not --add-host
    return bool(hit)


class FlagScorer:
    """Scores a command's flags against a question; built once per CLI reference."""

    def __init__(self, spec: CliSpec | None = None, data: FlagData | None = None) -> None:
        """``data`` is what :meth:`export` returned for the same reference (it is part of
        the matcher's cached index, so a warm start analyses no flag text)."""
        self.spec = spec or default_spec()
        self._idf: dict[str, float] = {}
        self._default_idf = 1.0
        self._keys: dict[str, list[list[list[str]]]] = {}
        if data is not None:
            self._idf = data["idf"]
            self._default_idf = data["default_idf"]
            self._keys = data["keys"]
        self._docs: dict[str, tuple[_FlagDoc, ...]] = {}
        self._inv: dict[str, dict[str, list[int]]] = {}  # feature -> flags having it
        self._local: dict[str, dict[str, float]] = {}
        self._own: dict[str, frozenset[str]] = {}
        self._mass: dict[str, dict[tuple[str, str], float]] = {}
        # a hint's first feature -> (flag, every feature of the hint)
        self._hint_inv: dict[str, dict[str, list[tuple[int, frozenset[str]]]]] = {}
        self._whole: dict[str, frozenset[str]] = {}
        # a one-word flag's name words that no other flag's name has
        self._sole: dict[str, dict[str, frozenset[str]]] = {}
        # the command's own words and Docker's: they say nothing about which flag
        self._silent: dict[str, frozenset[str]] = {}
        self._doc_of: dict[str, dict[str, _FlagDoc]] = {}  # command -> flag's long name -> doc
        self._vocab: dict[str, frozenset[str]] = {}

    def _global_idf(self) -> None:
        """How rare each word is among all flags of all commands: "set", "show" and
        "container" are in hundreds of flag descriptions and pick none of them."""
        df: dict[str, int] = {}
        n = 0
        for cmd in self.spec.walk():
            keys = self._keys.setdefault(cmd.path, [_doc_keys(f, cmd.path) for f in cmd.flags])
            for flag_keys, *_ in keys:
                n += 1
                for k in flag_keys:
                    df[k] = df.get(k, 0) + 1
        self._idf = {k: math.log((n + 1) / (c + 0.5)) for k, c in df.items()}
        self._default_idf = math.log((n + 1) / 0.5)

    def export(self) -> FlagData:
        """Everything analysed from the reference's flag texts, as plain data."""
        if not self._idf:
            self._global_idf()
        return {"idf": self._idf, "default_idf": self._default_idf, "keys": self._keys}

    def _prepare(self, cmd: Command) -> None:
        if not self._idf:
            self._global_idf()
        if cmd.path in self._docs:
            return
        keys = self._keys.get(cmd.path) or [_doc_keys(f, cmd.path) for f in cmd.flags]
        docs = tuple(
            _FlagDoc(f, frozenset(k), frozenset(n), tuple(frozenset(x) for x in h))
            for f, (k, n, h) in zip(cmd.flags, keys, strict=True)
        )
        n = len(docs) or 1
        df: dict[str, int] = {}
        for d in docs:
            for k in d.keys:
                df[k] = df.get(k, 0) + 1
        self._local[cmd.path] = {
            k: (0.0 if c / n > _LOCAL_COMMON and n >= 3 else math.log(1 + n / c))
            for k, c in df.items()
        }
        slots = " ".join(s.name.replace("_", " ") for s in cmd.slots()).lower()
        own = analyze(
            " ".join([*cmd.path.split()[1:], cmd.summary("en"), cmd.summary("ko"), slots])
        )
        self._own[cmd.path] = frozenset(own.features)
        hint_inv: dict[str, list[tuple[int, frozenset[str]]]] = {}
        silent = self._silent[cmd.path] = self._own[cmd.path] | SILENT_WORDS
        # (a switch already on is no flag to ask for, build's --rm: it is looked up by
        # neither its words nor its phrases, only written out)
        askable = [(i, d) for i, d in enumerate(docs) if not _already_on(d.flag)]
        for i, d in askable:
            for phrase in d.hints:
                # the command's own words and Docker's name say nothing about the flag
                # ("docker in docker" for --privileged is "in" and "docker")
                hk = phrase - silent
                # nor does a phrase whose words other flags' texts also have ("cpu" among
                # the cpu limits)
                if hk and sum(hk <= o.keys for j, o in enumerate(docs) if j != i) < 2:
                    hint_inv.setdefault(min(hk), []).append((i, hk))
        self._hint_inv[cmd.path] = hint_inv
        self._doc_of[cmd.path] = {d.flag.long: d for d in docs}
        # the concepts that are a one-word flag's whole name (--build, --pull, --force)
        self._whole[cmd.path] = frozenset(
            k for d in docs if "-" not in d.flag.long for k in d.name_keys if k[0] == "c"
        )
        named: dict[str, int] = {}
        for d in docs:
            for k in d.name_keys:
                named[k] = named.get(k, 0) + 1
        self._sole[cmd.path] = {
            d.flag.long: frozenset(k for k in d.name_keys if named[k] == 1)
            for d in docs if "-" not in d.flag.long
        }
        inv: dict[str, list[int]] = {}
        for i, d in askable:
            for k in d.keys:
                inv.setdefault(k, []).append(i)
        self._inv[cmd.path] = inv
        local = self._local[cmd.path]
        mine = self._own[cmd.path]
        # the weight of a flag's description in each language: a question in one language
        # can only cover the words of that language (and the concepts both share); the
        # command's own words are not counted (they never pick a flag of it)
        self._mass[cmd.path] = {
            (d.flag.long, lang): sum(
                self._idf.get(k, self._default_idf) * local.get(k, 0.0) * _KIND[k[0]]
                for k in d.keys
                if k[0] in kinds and k not in mine
            )
            or 1.0
            for d in docs
            for lang, kinds in (("en", "cwx"), ("ko", "ckx"))
        }
        # last: `_docs` says the command is prepared, and requests on other threads read
        # the other tables as soon as they see it (a fresh matcher, e.g. after a reload,
        # is prepared by whichever requests come first)
        self._docs[cmd.path] = docs

    def prepare_all(self) -> None:
        """Prepare every command's tables now (0.1 s for the whole CLI reference) instead
        of on the first question that needs each: a served bot's first answers about a
        command are then as quick as the rest."""
        for cmd in self.spec.walk():
            if not cmd.is_group:
                self._prepare(cmd)

    def is_prepared(self, path: str) -> bool:
        return path in self._docs

    def vocabulary(self, cmd: Command) -> frozenset[str]:
        """Every feature a flag of ``cmd`` has in its texts or in a phrase people use for it:
        what :meth:`covered` can ever return part of."""
        self._prepare(cmd)
        vocab = self._vocab.get(cmd.path)
        if vocab is None:
            vocab = self._vocab[cmd.path] = frozenset().union(
                *(d.keys.union(*d.hints) for d in self._docs[cmd.path]))
        return vocab

    def node_of(self, command: str) -> tuple[Command | None, list[str]]:
        """The CLI node a command line starts with, and the words after its path."""
        words = command_words(command)
        if not words or words[0] != "docker":
            return None, words
        node = self.spec.root
        i = 1
        while i < len(words) and words[i] in node.children:
            node = node.children[words[i]]
            i += 1
        if node is self.spec.root or node.is_group:
            return None, words[i:]
        return node, words[i:]

    def _said_whole(self, cmd: Command, a: Analysis) -> frozenset[str]:
        """The one-word flag names the question says in so many words ("build", "빌드";
        not "create", which also means *build*)."""
        out = set()
        for k in self._whole[cmd.path].intersection(a.features):
            forms = CONCEPTS.get(k[2:], ((), ()))
            if f"w:{k[2:]}" in a.features or (
                forms[0] and any(f.startswith("k:" + forms[0][0]) for f in a.features)
            ):
                out.add(k)
        return frozenset(out)

    def score_flags(
        self,
        cmd: Command,
        a: Analysis,
        exclude: frozenset[str] = frozenset(),
        values: frozenset[str] | None = None,
        given: Sequence[Value] = (),
    ) -> list[tuple[float, Flag]]:
        """Every flag of ``cmd`` the question asks for (a score of :data:`FLAG_THRESHOLD`
        or more), best first (``exclude``: features that pick no flag; ``values``: those
        of them that said a value, which no phrase of a flag's hints may use either; by
        default all;
        ``given``: the values the question gives: an option that takes none of them
        weighs less than one that does, "4GB memory, 3 CPUs" is --memory and --cpus,
        not --cpuset-mems)."""
        self._prepare(cmd)
        # the command's own words pick no flag, except a flag's whole name: "up" builds
        # (compose up's own text says so), but "rebuild" still asks for up --build
        own = (self._own[cmd.path] - self._said_whole(cmd, a)) | exclude
        local = self._local[cmd.path]
        quoted, negated = _said_apart(a)
        q_keys = question_keys(a)
        weight = {
            k: self._idf.get(k, self._default_idf) * _KIND[k[0]]
            for k in q_keys
            if k not in own
        }
        lang = "ko" if any(k[0] == "k" for k in weight) else "en"
        pending: list[tuple[_FlagDoc, dict[str, float]]] = []
        # a phrase people use for a flag, every word of it in the question, asks for it
        # whatever share of the description the question covers
        asked = q_keys - (exclude if values is None else values)
        hinted: dict[int, dict[str, float]] = {}
        docs = self._docs[cmd.path]
        for k in asked:
            for i, hk in self._hint_inv[cmd.path].get(k, ()):
                if hk <= asked and not (hk & negated and "x:not" not in docs[i].keys):
                    hinted.setdefault(i, {}).update(
                        (h, self._idf.get(h, self._default_idf) * _KIND[h[0]]) for h in hk
                    )
        scored: list[tuple[float, Flag]] = []
        full: set[str] = set()  # flags asked for by a hint: their text counts as covered
        inv = self._inv[cmd.path]
        near = {i for k in weight for i in inv.get(k, ())} | hinted.keys()
        if quoted:
            near.update(i for i, d in enumerate(docs) if d.flag.name in quoted or (
                d.flag.short and f"-{d.flag.short}" in quoted))
        for i in sorted(near):
            d = docs[i]
            f = d.flag
            if f.name in quoted or (f.short and f"-{f.short}" in quoted):
                scored.append((QUOTED, f))
                continue
            keys = d.keys
            parts = {k: w * local.get(k, 0.0) for k, w in weight.items() if k in keys}
            # a one-word flag's own name says what it is about, however many of the
            # command's other flags mention the word ("all" of ps --all; not "password",
            # which --password-stdin's name says too)
            if sole := self._sole[cmd.path].get(f.long):
                parts.update({k: weight[k] * max(local.get(k, 0.0), _OWN_NAME)
                              for k in sole if k in weight})
            # what the question says is not to happen asks only for a flag that turns
            # something off ("without the cache" is --no-cache, never --cache-from)
            if negated and "x:not" not in d.keys:
                parts = {k: v for k, v in parts.items() if k not in negated}
            parts = {k: v for k, v in parts.items() if v > 0}
            if i in hinted:
                # (a hint's words weigh at least what they weigh as the flag's own words)
                parts.update({k: max(v, parts.get(k, 0.0)) for k, v in hinted[i].items()})
                full.add(d.flag.long)
                pending.append((d, parts))
                continue
            # a flag that turns something off (--no-tty) is not what a question asks for
            # when it says the thing it turns off ("an interactive shell") and no "without"
            if (f.long.startswith("no-") and "x:not" not in a.features
                    and not parts.keys() & _POLARITY_FREE):
                continue
            # a flag is picked by what its name says (--tail: "last", "마지막", "tail"),
            # not only by an incidental word of its description ("running the check")
            if parts and (
                # (a verb of a longer name, "start" of --health-start-interval, is not
                # what the flag is about: "start a container called cache")
                _by_name(d, parts.keys())
                # (nor do the generic words of a description alone, "파일" and "호스트" of
                # --cidfile's and --device's: "컨테이너에서 만든 파일이 호스트에")
                or (sum(parts.values()) >= _COVERED * self._mass[cmd.path][f.long, lang]
                    and not parts.keys() <= _GENERIC_ANY)
            ):
                if _whole_name(d, parts.keys()):
                    full.add(d.flag.long)  # "add host" says all of --add-host's name
                pending.append((d, parts))
        typed = [v for v in given if v.kind in _TYPED]
        # greedy: the best flag claims the question's words it matches; the next flag is
        # scored on the words left (so "follow" does not also pull in --tail's "follow")
        claimed: set[str] = set()
        mass = self._mass[cmd.path]
        while pending:
            best_i, best_s = -1, 0.0
            for i, (d, parts) in enumerate(pending):
                s = sum(v for k, v in parts.items() if k not in claimed)
                # how much of the flag's own description the question covers: "id" is a
                # small part of --no-trunc's text, "follow" most of --follow's
                if d.flag.long not in full:
                    s *= math.sqrt(min(1.0, s / mass[d.flag.long, lang]))
                if typed and d.flag.takes_value and not any(fit(d.flag, v) for v in typed):
                    s *= _UNFIT
                if s > best_s:
                    best_i, best_s = i, s
            if best_i < 0 or best_s < FLAG_THRESHOLD:
                break  # (every flag left scores less still)
            d, parts = pending.pop(best_i)
            claimed.update(parts)
            scored.append((best_s, d.flag))
        scored.sort(key=lambda t: t[0], reverse=True)
        return scored

    def covered(self, cmd: Command, a: Analysis) -> frozenset[str]:
        """The question's features that the flags the composer would pick for ``cmd`` match
        (used to rank: a command whose flags explain the rest of the question fits it)."""
        out: set[str] = set()
        self._prepare(cmd)
        for s, f in self.score_flags(cmd, a):
            if s < FLAG_THRESHOLD:
                break
            d = self._doc_of[cmd.path][f.long]  # its text and the words people use for it
            out.update(d.keys)
            out.update(k for hint in d.hints for k in hint)
        return frozenset(out.intersection(a.features))
