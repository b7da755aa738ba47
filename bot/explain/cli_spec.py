"""The docker CLI command tree (sub-commands, aliases, positional usage, flags).

The data lives in ``bot/explain/data/*.yml``, one file per area, in the same notation that
``docker <path> --help`` prints (``"-p, --publish list"``). It is loaded once per process.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from bot.errors import KnowledgeError
from bot.explain.hidden_flags import HIDDEN_FLAGS
from bot.lang import Lang

DATA_DIR = Path(__file__).with_name("data")

# Value types whose flag can be given many times, each adding one more value.
LIST_TYPES = frozenset(
    {
        "list",
        "strings",
        "stringArray",
        "stringSlice",
        "filter",
        "map",
        "ulimit",
        "mount",
        "port",
        "secret",
        "config",
        "network",
        "pref",
        "gpu-request",
        "external-ca",
        "scale",
    }
)
# Hidden flags the real CLI still accepts but does not print in --help: name -> documented name.
HIDDEN_ALIASES: Mapping[str, Mapping[str, str]] = {
    "docker container run": {"net": "network", "net-alias": "network-alias"},
    "docker container create": {"net": "network", "net-alias": "network-alias"},
}

# The C loader when libyaml is there (several times faster); both are safe loaders.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_KEY = re.compile(r"^(?:-(?P<short>\w), )?--(?P<long>[\w][\w.-]*)(?: (?P<type>[\w.-]+))?$")


@dataclass(frozen=True)
class Flag:
    """One option of one command."""

    long: str  # without dashes: "detach"
    short: str | None  # one letter without dash: "d"
    value_type: str | None  # "list", "string", ... or None for a switch
    text: Mapping[Lang, str]

    @property
    def takes_value(self) -> bool:
        return self.value_type is not None

    @property
    def repeatable(self) -> bool:
        return self.value_type in LIST_TYPES

    @property
    def name(self) -> str:
        return f"--{self.long}"

    def meaning(self, lang: Lang) -> str:
        return self.text.get(lang) or self.text["en"]


@dataclass(frozen=True)
class Slot:
    """One positional argument of a command's usage line ("IMAGE", "[COMMAND]", "CONTAINER...")."""

    name: str  # as in the usage line, without brackets and dots: "IMAGE", "NAME[:TAG|@DIGEST]"
    optional: bool
    repeated: bool

    @property
    def starts_command(self) -> bool:
        """Everything from here on is the container's own command line, not docker's."""
        return self.name in ("COMMAND", "PS_OPTIONS")


@dataclass
class Command:
    """A node of the command tree: a group ("docker container") or a runnable command."""

    path: str  # "docker container run"
    text: Mapping[Lang, str]
    usage: str | None
    flags: tuple[Flag, ...]
    plugin: str | None = None
    children: dict[str, Command] = field(default_factory=dict)
    parent: Command | None = None
    _by_long: dict[str, Flag] = field(default_factory=dict, repr=False)
    _by_short: dict[str, Flag] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for f in self.flags:
            self._by_long[f.long] = f
            if f.short:
                self._by_short[f.short] = f

    @property
    def name(self) -> str:
        return self.path.rsplit(" ", 1)[-1]

    @property
    def is_group(self) -> bool:
        return bool(self.children)

    def summary(self, lang: Lang) -> str:
        return self.text.get(lang) or self.text["en"]

    def flag_by_long(self, name: str) -> Flag | None:
        return self._by_long.get(name)

    def flag_by_short(self, letter: str) -> Flag | None:
        return self._by_short.get(letter)

    def hidden_alias(self, name: str) -> Flag | None:
        target = HIDDEN_ALIASES.get(self.path, {}).get(name)
        return self._by_long.get(target) if target else None

    def hidden_flag(self, name: str) -> Flag | None:
        """A flag the CLI accepts without listing it in --help (``volume create --name``)."""
        for key, (en, ko) in HIDDEN_FLAGS.get(self.path, {}).items():
            m = _KEY.match(key)
            if m is not None and m["long"] == name:
                return Flag(
                    long=name, short=m["short"], value_type=m["type"], text={"en": en, "ko": ko}
                )
        return None

    def hidden_flag_by_short(self, letter: str) -> Flag | None:
        for key in HIDDEN_FLAGS.get(self.path, {}):
            m = _KEY.match(key)
            if m is not None and m["short"] == letter:
                return self.hidden_flag(m["long"])
        return None

    def slots(self) -> tuple[Slot, ...]:
        return parse_usage(self.usage or "")

    @property
    def interspersed(self) -> bool:
        """Flags may follow positional arguments (false when a container command follows)."""
        return not any(s.starts_command for s in self.slots())

    @property
    def plugin_name(self) -> str | None:
        node: Command | None = self
        while node is not None:
            if node.plugin:
                return node.plugin
            node = node.parent
        return None


def parse_usage(usage: str) -> tuple[Slot, ...]:
    """Positional slots of a usage tail such as ``IMAGE [COMMAND] [ARG...]``."""
    text = usage.replace("[ps OPTIONS]", "[PS_OPTIONS...]")
    text = re.sub(r"\s*\|\s*", "|", text)
    slots: list[Slot] = []
    for raw in text.split():
        optional = raw.startswith("[")
        repeated = raw.rstrip("]").endswith("...")
        name = raw
        if optional and name.endswith("]"):
            name = name[1:-1]
        name = name.removesuffix("...")
        if name in ("ARG", "ARGS"):
            name = "COMMAND"
            repeated = True
        slots.append(Slot(name=name, optional=optional, repeated=repeated))
    return tuple(slots)


@dataclass
class CliSpec:
    """The whole command tree, rooted at ``docker``."""

    root: Command
    commands: dict[str, Command]  # canonical path -> node

    def walk(self) -> Iterator[Command]:
        yield from self.commands.values()

    def get(self, path: str) -> Command | None:
        return self.commands.get(path)

    def resolve(self, path: str) -> Command | None:
        """Follow a path word by word, aliases included ("docker ps" -> "docker container ls")."""
        words = path.split()
        if not words or words[0] != "docker":
            return None
        node = self.root
        for w in words[1:]:
            child = node.children.get(w)
            if child is None:
                return None
            node = child
        return node


def _flag(key: str, body: object, where: str) -> Flag:
    m = _KEY.match(key)
    if m is None or not isinstance(body, dict) or not isinstance(body.get("en"), str):
        raise KnowledgeError(
            f"{where}: bad flag entry {key!r}", hint="Write it as in --help output."
        )
    text: dict[Lang, str] = {"en": body["en"]}
    if isinstance(body.get("ko"), str):
        text["ko"] = body["ko"]
    return Flag(long=m["long"], short=m["short"], value_type=m["type"], text=text)


RawSpec = dict[str, tuple[dict[str, object], list[str]]]


def _load_file(path: Path, into: RawSpec) -> None:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read {path.name}: {exc}") from exc
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path.name}: expected a mapping of command paths")
    for cmd_path, node in data.items():
        if not isinstance(cmd_path, str) or not isinstance(node, dict):
            raise KnowledgeError(f"{path.name}: bad entry {cmd_path!r}")
        if cmd_path in into:
            raise KnowledgeError(f"{path.name}: {cmd_path!r} is defined twice")
        aliases = node.get("aliases") or []
        into[cmd_path] = (node, [str(a) for a in aliases])


def load_spec(data_dir: Path = DATA_DIR) -> CliSpec:
    """Read every data file and link the tree. Raises KnowledgeError on a broken file."""
    return spec_from_raw(read_raw(data_dir))


def read_raw(data_dir: Path = DATA_DIR) -> RawSpec:
    """Every data file as read, before linking: plain dicts, lists and strings (an index
    cache keeps them, so a warm start links the tree without reading YAML)."""
    raw: RawSpec = {}
    for path in sorted(data_dir.glob("*.yml")):
        _load_file(path, raw)
    return raw


def spec_from_raw(raw: RawSpec) -> CliSpec:
    """The linked command tree of :func:`read_raw`'s data."""
    commands: dict[str, Command] = {}
    for cmd_path, (node, _aliases) in raw.items():
        flags_raw = node.get("flags") or {}
        if not isinstance(flags_raw, dict):
            raise KnowledgeError(f"{cmd_path}: flags must be a mapping")
        text: dict[Lang, str] = {"en": str(node.get("en", ""))}
        if node.get("ko"):
            text["ko"] = str(node["ko"])
        usage = node.get("usage")
        commands[cmd_path] = Command(
            path=cmd_path,
            text=text,
            usage=str(usage) if usage is not None else None,
            flags=tuple(_flag(k, v, cmd_path) for k, v in flags_raw.items()),
            plugin=str(node["plugin"]) if node.get("plugin") else None,
        )
    if "docker" not in commands:
        raise KnowledgeError("the command tree has no root `docker` entry")
    for cmd_path, cmd in commands.items():
        if cmd_path == "docker":
            continue
        parent = commands.get(cmd_path.rsplit(" ", 1)[0])
        if parent is None:
            raise KnowledgeError(f"{cmd_path}: its parent command is not defined")
        cmd.parent = parent
        parent.children[cmd.name] = cmd
    for cmd_path, (_node, aliases) in raw.items():
        for alias in aliases:
            parent_path, _, word = alias.rpartition(" ")
            parent = commands.get(parent_path)
            if parent is None:
                raise KnowledgeError(f"{cmd_path}: alias {alias!r} has no parent command")
            parent.children.setdefault(word, commands[cmd_path])
    return CliSpec(root=commands["docker"], commands=commands)


@lru_cache(maxsize=1)
def default_raw() -> RawSpec:
    """The data files shipped with dockbot, read once (an index cache keeps them too)."""
    return read_raw()


@lru_cache(maxsize=1)
def default_spec() -> CliSpec:
    """The command tree shipped with dockbot, loaded once."""
    return spec_from_raw(default_raw())
