"""Read one docker command line the way the docker CLI (cobra/pflag) does.

- options of ``docker`` itself come before the sub-command (``docker -H ssh://x ps``);
- sub-command paths are followed word by word, aliases included (``run`` == ``container run``,
  ``ps`` == ``container ls``, ``images`` == ``image ls``, ``compose up``);
- short flags combine (``-dp 80:80``, ``-itd``, ``-aq``), a value may follow a short flag directly
  (``-p80:80``, ``-p=80:80``) and a long flag after ``=`` (``--name=web``);
- flags are case sensitive (``-p`` publishes one port, ``-P`` all of them);
- ``--`` ends the options; everything after it is positional;
- for commands whose usage has a COMMAND (``run``, ``create``, ``exec``, ``compose run`` ...)
  options stop at the first positional: what follows the image (or the container for ``exec``)
  is the container's own command line, so ``-la`` in ``docker run alpine ls -la`` is ``ls``'s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from bot.explain import typos
from bot.explain.cli_spec import CliSpec, Command, Flag, Slot
from bot.explain.shell import Tok

ItemKind = Literal[
    "docker", "global-flag", "subcommand", "flag", "flag-value", "positional", "separator", "help"
]


@dataclass
class Item:
    """One parsed piece of a docker command, before it is put into words."""

    kind: ItemKind
    text: str  # as typed
    node: Command  # the command the piece belongs to
    tok: int  # index of the word it came from
    flag: Flag | None = None
    value: str | None = None
    slot: Slot | None = None
    slot_index: int = 0  # position among the command's positional arguments
    unknown: bool = False  # not a known sub-command / flag
    fixed: str | None = None  # what it was probably meant to be ("image", "--detach")
    combined: str | None = None  # the combined short-flag word it came from ("-dp")
    repeated: bool = False  # the same single-value flag was given before
    alias_of: str | None = None  # hidden flag alias or shortcut, e.g. "--net" for --network
    misplaced: bool = False  # a docker flag written after the image, so it reached the container
    raw: str | None = None  # the whole word as typed, quotes included, when the item is one word
    optional: bool = False  # written as "[-a]", the usage notation for an optional flag
    hidden: bool = False  # accepted by docker but not listed in --help
    buildkit: bool = False  # a flag of `docker buildx build` given to `docker build`


@dataclass
class ParsedCommand:
    """A docker command line split into items, plus the corrected words for suggestions."""

    words: list[Tok]
    items: list[Item] = field(default_factory=list)
    node: Command | None = None  # the command finally selected
    fixes: dict[int, str] = field(default_factory=dict)  # word index -> corrected text
    moved_flags: list[int] = field(default_factory=list)  # word indexes to move before the image
    first_positional: int | None = None  # word index of the image / container
    compose_v1: bool = False

    def flags(self) -> list[Item]:
        return [i for i in self.items if i.kind in ("flag", "global-flag") and i.flag is not None]

    def positionals(self) -> list[Item]:
        return [i for i in self.items if i.kind == "positional"]

    def has_flag(self, long: str) -> bool:
        return any(i.flag is not None and i.flag.long == long for i in self.flags())

    def values(self, long: str) -> list[str]:
        return [
            i.value
            for i in self.flags()
            if i.flag is not None and i.flag.long == long and i.value is not None
        ]


class _Parser:
    def __init__(self, spec: CliSpec, words: list[Tok], start: int, node: Command) -> None:
        self.spec = spec
        self.words = words
        self.i = start
        self.node = node
        self.out = ParsedCommand(words=words, node=node)
        self.seen: set[str] = set()
        self.positional_count = 0
        self.options_done = False  # after "--" or, for run/exec, after the first positional
        self.pending_value = False  # a misplaced flag still waits for its value

    def add(self, item: Item) -> Item:
        self.out.items.append(item)
        return item

    def run(self) -> ParsedCommand:
        while self.i < len(self.words):
            word = self.words[self.i].value
            if self.options_done:
                self.positional(word)
            elif word == "--":
                self.add(Item("separator", word, self.node, self.i))
                self.options_done = True
            elif word.startswith("[-") and word.endswith("]") and len(word) > 3:
                self.optional_flag(word[1:-1])
            elif word.startswith("--") and len(word) > 2:
                self.long_flag(word)
            elif word.startswith("-") and len(word) > 1:
                self.short_flags(word)
            elif (
                self.node.is_group
                and self.node.usage is not None
                and (word not in self.node.children)
            ):
                # A command that runs by itself and also has sub-commands
                # (`buildx history inspect [REF]` and `... inspect attachment`).
                self.positional(word)
            elif self.node.is_group:
                if not self.subcommand(word):
                    self.rest_unknown()
                    break
            else:
                self.positional(word)
            self.i += 1
        self.out.node = self.node
        return self.out

    # -- sub-commands ---------------------------------------------------------------------
    def subcommand(self, word: str) -> bool:
        child = self.node.children.get(word)
        item = self.add(Item("subcommand", word, self.node, self.i))
        if child is None:
            guess = typos.suggest_subcommand(self.node, word)
            item.unknown = True
            if guess is None:
                return False
            item.fixed, child = guess
            self.out.fixes[self.i] = guess[0]
        if child.path != f"{self.node.path} {item.fixed or word}":
            item.alias_of = child.path
        item.node = child
        self.node = child
        self.seen.clear()
        return True

    def rest_unknown(self) -> None:
        for j in range(self.i + 1, len(self.words)):
            self.add(Item("positional", self.words[j].value, self.node, j, unknown=True))

    # -- flags ----------------------------------------------------------------------------
    def optional_flag(self, inner: str) -> None:
        """``[-a]`` copied from a usage line or cheat sheet: the flag, marked optional."""
        before = len(self.out.items)
        if inner.startswith("--"):
            self.long_flag(inner)
        else:
            self.short_flags(inner)
        for item in self.out.items[before:]:
            item.optional = True

    def buildkit_node(self) -> Command | None:
        """``docker buildx build`` when reading ``docker build``: with buildx installed (the
        default since Docker 23) ``docker build`` is buildx build and takes its flags too."""
        if self.node.path != "docker image build":
            return None
        return self.spec.get("docker buildx build")

    def flag_kind(self) -> ItemKind:
        return "global-flag" if self.node is self.spec.root else "flag"

    def take_value(self, item: Item, inline: str | None) -> None:
        if inline is not None:
            item.value = inline
            return
        if self.i + 1 < len(self.words):
            self.i += 1
            item.value = self.words[self.i].value
            self.add(
                Item(
                    "flag-value",
                    item.value,
                    self.node,
                    self.i,
                    flag=item.flag,
                    value=item.value,
                    raw=self.words[self.i].raw,
                )
            )

    def note_repeat(self, item: Item) -> None:
        if item.flag is None:
            return
        if item.flag.long in self.seen and not item.flag.repeatable:
            item.repeated = True
        self.seen.add(item.flag.long)

    def long_flag(self, word: str) -> None:
        name, eq, inline = word[2:].partition("=")
        flag = self.node.flag_by_long(name)
        item = Item(self.flag_kind(), word.partition("=")[0] if eq else word, self.node, self.i)
        if flag is None and name == "help":
            item.kind = "help"
            self.add(item)
            return
        if flag is None:
            flag = self.node.hidden_alias(name)
            if flag is not None:
                item.alias_of = f"--{name}"
        if flag is None:
            flag = self.node.hidden_flag(name)
            item.hidden = flag is not None
        if flag is None and (buildx := self.buildkit_node()) is not None:
            flag = buildx.flag_by_long(name)
            item.buildkit = flag is not None
        if flag is None:
            item.unknown = True
            guess = typos.suggest_long_flag(self.node, name)
            if guess is not None:
                flag = self.node.flag_by_long(guess)
                item.fixed = f"--{guess}"
                self.out.fixes[self.i] = f"--{guess}" + (f"={inline}" if eq else "")
        item.flag = flag
        self.add(item)
        self.note_repeat(item)
        if flag is None:
            if eq:
                item.value = inline
            return
        if flag.takes_value:
            self.take_value(item, inline if eq else None)
            if eq:
                self.add(Item("flag-value", inline, self.node, self.i, flag=flag, value=inline))
        elif eq:
            item.value = inline
            self.add(Item("flag-value", inline, self.node, self.i, flag=flag, value=inline))

    def short_flags(self, word: str) -> None:
        letters = word[1:]
        # "-name web": a long flag written with one dash; docker would read -n -a -m -e.
        base = letters.partition("=")[0]
        if (
            len(base) > 1
            and self.node.flag_by_long(base)
            and not all(self.node.flag_by_short(c) for c in base)
        ):
            item = self.add(
                Item(
                    self.flag_kind(),
                    word.partition("=")[0],
                    self.node,
                    self.i,
                    flag=self.node.flag_by_long(base),
                    unknown=True,
                    fixed=f"--{base}",
                )
            )
            self.out.fixes[self.i] = "-" + word
            self.note_repeat(item)
            if item.flag is not None and item.flag.takes_value:
                inline = letters.partition("=")[2] if "=" in letters else None
                self.take_value(item, inline)
                if inline is not None:
                    self.add(
                        Item("flag-value", inline, self.node, self.i, flag=item.flag, value=inline)
                    )
            return
        combined = word if len(letters) > 1 else None
        fixed_letters = list(letters)
        j = 0
        while j < len(letters):
            c = letters[j]
            flag = self.node.flag_by_short(c)
            item = Item(self.flag_kind(), f"-{c}", self.node, self.i, combined=combined)
            if flag is None and (flag := self.node.hidden_flag_by_short(c)) is not None:
                item.hidden = True
            if flag is None and (buildx := self.buildkit_node()) is not None:
                flag = buildx.flag_by_short(c)
                item.buildkit = flag is not None
            if flag is None and c == "h":
                item.kind = "help"
                self.add(item)
                j += 1
                continue
            if flag is None:
                item.unknown = True
                other = typos.suggest_short_flag(self.node, c)
                if other is not None:
                    flag = self.node.flag_by_short(other)
                    item.fixed = f"-{other}"
                    fixed_letters[j] = other
            item.flag = flag
            self.add(item)
            self.note_repeat(item)
            if flag is not None and flag.takes_value:
                rest = letters[j + 1 :]
                inline = rest[1:] if rest.startswith("=") else (rest or None)
                self.take_value(item, inline)
                if inline is not None:
                    self.add(Item("flag-value", inline, self.node, self.i, flag=flag, value=inline))
                break
            if flag is not None and letters[j + 1 : j + 2] == "=":
                item.value = letters[j + 2 :]
                self.add(
                    Item("flag-value", item.value, self.node, self.i, flag=flag, value=item.value)
                )
                break
            j += 1
        if fixed_letters != list(letters):
            self.out.fixes[self.i] = "-" + "".join(fixed_letters)
        mine = [i for i in self.out.items if i.tok == self.i and i.kind != "flag-value"]
        if len(mine) < 2:
            for i in mine:
                i.combined = None

    # -- positional arguments -----------------------------------------------------------
    def positional(self, word: str) -> None:
        slots = self.node.slots()
        k = self.positional_count
        slot: Slot | None = None
        if k < len(slots):
            slot = slots[k]
        elif slots and slots[-1].repeated:
            slot = slots[-1]
        item = self.add(
            Item(
                "positional",
                word,
                self.node,
                self.i,
                slot=slot,
                slot_index=k,
                raw=self.words[self.i].raw,
            )
        )
        if self.positional_count == 0:
            self.out.first_positional = self.i
        self.positional_count += 1
        if slot is not None and slot.starts_command:
            self.options_done = True
            self.check_misplaced(item)
        elif not self.node.interspersed:
            self.options_done = True

    def check_misplaced(self, item: Item) -> None:
        """``docker run alpine -it sh``: docker flags right after the image reach the container."""
        before = [i for i in self.out.items if i.kind == "positional"][1:-1]
        if not all(i.misplaced for i in before):
            return
        if any(self.out.values("entrypoint")):
            # `--entrypoint /bin/bash IMAGE -c ls`: what follows the image is the entrypoint's
            # arguments, as docker run's reference shows; moving them would change the command.
            return
        if self.pending_value:
            self.pending_value = False
            item.misplaced = True
            self.out.moved_flags.append(item.tok)
            return
        word = item.text
        if not word.startswith("-") or word == "-":
            return
        if word.startswith("--"):
            name, eq, _ = word[2:].partition("=")
            flags = [self.node.flag_by_long(name)]
        else:
            letters, eq, _ = word[1:].partition("=")
            flags = [self.node.flag_by_short(c) for c in letters]
        if not flags or any(f is None for f in flags):
            return
        item.misplaced = True
        self.out.moved_flags.append(item.tok)
        last = flags[-1]
        if (
            last is not None
            and last.takes_value
            and not eq
            and not (not word.startswith("--") and word[1:].index(last.short or "") < len(word) - 2)
        ):
            self.pending_value = True


def parse_docker(spec: CliSpec, words: list[Tok], start: int, node: Command) -> ParsedCommand:
    """Parse ``words[start:]`` as the arguments of ``node`` (the root or ``compose`` for v1)."""
    return _Parser(spec, words, start, node).run()
