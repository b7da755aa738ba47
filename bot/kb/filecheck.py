"""Validate one knowledge file (``knowledge/*.yml``) into typed entries.

:class:`FileChecker` reads one YAML file with line marks and collects every problem as a
:class:`~bot.kb.model.Problem` instead of stopping at the first; :mod:`bot.kb.check`
combines the files of one or several folders.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from bot.kb.model import (
    ENTRY_FIELDS,
    FLAG_FIELDS,
    ID_PATTERN,
    KINDS,
    LONG_FLAG,
    REQUIRED_FIELDS,
    SHORT_FLAG,
    Entry,
    FlagNote,
    Problem,
)
from bot.lang import LANGS, Lang

# libyaml's loader is several times faster; it keeps line marks too.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

class FileChecker:
    """Validates one YAML file; collects problems instead of stopping at the first."""

    def __init__(self, path: Path, display: str, shown: str | None = None,
                 data: bytes | None = None) -> None:
        self.path = path
        self.data = data  # the file's bytes when already read (one snapshot for hash and check)
        self.display = display  # the entries' `file`: stable, relative to the knowledge folder
        self.shown = shown or display  # the problems' file: as the person checking opens it
        self.problems: list[Problem] = []
        self.entries: list[Entry] = []
        self.related_at: list[tuple[str, str, int]] = []  # (entry id, related id, line)
        self.replaces: list[bool] = []  # per entry: `replaces: true` (override an earlier folder)

    def add(self, line: int, key: str, /, **params: object) -> None:
        """A problem at ``line``: the phrase ``kb.check.<key>`` filled with ``params``."""
        self.problems.append(Problem.keyed(self.shown, line, key, **params))

    def run(self) -> None:
        try:
            raw = self.data if self.data is not None else self.path.read_bytes()
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.add(1, "not_utf8", reason=exc.reason)
            return
        except OSError as exc:
            self.add(1, "unreadable", why=exc.strerror)
            return
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else 1
            self.add(line, "bad_yaml", why=exc.problem or exc.context)
            return
        except yaml.YAMLError as exc:
            self.add(1, "bad_yaml", why=exc)
            return
        finally:
            loader.dispose()
        if root is None:
            self.add(1, "empty")
            return
        if not isinstance(root, yaml.MappingNode):
            self.add(_line(root), "top_not_mapping")
            return
        top = self._pairs(root)
        for key in top:
            if key != "entries":
                self.add(top[key][0], "unknown_top", key=key)
        if "entries" not in top:
            self.add(1, "no_entries")
            return
        entries_node = top["entries"][1]
        if not isinstance(entries_node, yaml.SequenceNode):
            self.add(_line(entries_node), "entries_not_list")
            return
        for item in entries_node.value:
            self._entry(loader, item)

    def _pairs(self, node: yaml.MappingNode) -> dict[str, tuple[int, yaml.Node]]:
        """Key -> (line, value node); reports duplicate and non-string keys."""
        out: dict[str, tuple[int, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            line = _line(key_node)
            if not isinstance(key, str):
                self.add(line, "key_not_word")
                continue
            if key in out:
                self.add(line, "duplicate_key", key=key, first=out[key][0])
                continue
            out[key] = (line, value_node)
        return out

    def _entry(self, loader: Any, node: yaml.Node) -> None:
        line = _line(node)
        if not isinstance(node, yaml.MappingNode):
            self.add(line, "entry_not_mapping")
            return
        pairs = self._pairs(node)
        values: dict[str, Any] = {}
        for key, (kline, vnode) in pairs.items():
            if key not in ENTRY_FIELDS:
                allowed = ", ".join(sorted(ENTRY_FIELDS))
                self.add(kline, "unknown_field", key=key, allowed=allowed)
                continue
            try:
                values[key] = loader.construct_object(vnode, deep=True)
            except (yaml.YAMLError, ValueError) as exc:  # ValueError: `!!int abc`
                self.add(kline, "bad_value", key=key, why=exc)
        at = {k: v[0] for k, v in pairs.items()}
        before = len(self.problems)
        for req in REQUIRED_FIELDS:
            if req not in values:
                self.add(line, "missing_field", field=req)
        eid = values.get("id")
        if "id" in values and (not isinstance(eid, str) or not ID_PATTERN.match(eid)):
            self.add(at["id"], "bad_id", id=repr(eid))
        kind = values.get("kind")
        if "kind" in values and kind not in KINDS:
            self.add(at["kind"], "bad_kind", kind=repr(kind), kinds=", ".join(KINDS))
        title = self._localized(values, at, "title", line)
        explanation = self._localized(values, at, "explanation", line)
        examples = self._examples(values, at, line)
        command = values.get("command")
        if command is not None and (not isinstance(command, str) or not command.strip()):
            self.add(at["command"], "command_empty")
            command = None
        if kind == "command" and command is None and "command" not in values:
            self.add(line, "command_needed")
        if kind == "concept" and command is not None:
            self.add(at["command"], "concept_command")
        if isinstance(command, str) and not command.strip().startswith("docker"):
            self.add(at["command"], "command_not_docker")
        flags = self._flags(values.get("flags"), at.get("flags", line), pairs.get("flags"))
        related = self._strings(values, at, "related")
        tags = self._strings(values, at, "tags")
        source = values.get("source")
        if source is not None and not isinstance(source, str):
            self.add(at["source"], "source_not_string")
            source = None
        replaces = values.get("replaces", False)
        if not isinstance(replaces, bool):
            self.add(at["replaces"], "replaces_not_bool")
        if isinstance(eid, str):
            for rid in related:
                self.related_at.append((eid, rid, at.get("related", line)))
        if len(self.problems) > before or not isinstance(eid, str) or kind not in KINDS:
            return
        self.entries.append(
            Entry(
                id=eid,
                kind=str(kind),
                title=MappingProxyType(title),
                explanation=MappingProxyType(explanation),
                command=command.strip() if isinstance(command, str) else None,
                flags=flags,
                examples=MappingProxyType(examples),
                related=related,
                source=source.strip() if isinstance(source, str) else None,
                tags=tags,
                file=self.display,
                line=line,
            )
        )
        self.replaces.append(replaces is True)

    def _localized(
        self, values: dict[str, Any], at: dict[str, int], name: str, line: int
    ) -> dict[Lang, str]:
        raw = values.get(name)
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.add(at[name], "localized_not_mapping", name=name)
            return {}
        out: dict[Lang, str] = {}
        for key in raw:
            if key not in LANGS:
                self.add(at[name], "unknown_lang", name=name, key=key)
        for lang in LANGS:
            text = raw.get(lang)
            if not isinstance(text, str) or not text.strip():
                self.add(at[name], "missing_text", name=name, lang=lang)
            elif _is_draft(text):
                self.add(at[name], "draft_text", name=name, lang=lang)
            else:
                out[lang] = text.strip()
        return out

    def _examples(
        self, values: dict[str, Any], at: dict[str, int], line: int
    ) -> dict[Lang, tuple[str, ...]]:
        raw = values.get("examples")
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.add(at["examples"], "examples_not_mapping")
            return {}
        out: dict[Lang, tuple[str, ...]] = {}
        for key in raw:
            if key not in LANGS:
                self.add(at["examples"], "unknown_lang", name="examples", key=key)
        for lang in LANGS:
            items = raw.get(lang)
            if not isinstance(items, list) or not items:
                self.add(at["examples"], "examples_missing", lang=lang)
                continue
            good = [q.strip() for q in items if isinstance(q, str) and q.strip()]
            if len(good) != len(items):
                self.add(at["examples"], "examples_not_strings", lang=lang)
            elif any(_is_draft(q) for q in good):
                self.add(at["examples"], "examples_draft", lang=lang)
            out[lang] = tuple(good)
        return out

    def _strings(self, values: dict[str, Any], at: dict[str, int], name: str) -> tuple[str, ...]:
        raw = values.get(name)
        if raw is None:
            return ()
        if not isinstance(raw, list) or not all(isinstance(x, str) and x for x in raw):
            self.add(at[name], "not_string_list", name=name)
            return ()
        return tuple(raw)

    def _flags(
        self, raw: Any, line: int, pair: tuple[int, yaml.Node] | None
    ) -> tuple[FlagNote, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.add(line, "flags_not_list")
            return ()
        item_lines = (
            [_line(n) for n in pair[1].value]
            if pair and isinstance(pair[1], yaml.SequenceNode)
            else [line] * len(raw)
        )
        out: list[FlagNote] = []
        for item, fline in zip(raw, item_lines, strict=False):
            if not isinstance(item, dict):
                self.add(fline, "flag_not_mapping")
                continue
            for key in item:
                if key not in FLAG_FIELDS:
                    self.add(fline, "unknown_flag_field", key=key)
            short, long_ = item.get("short"), item.get("long")
            if short is None and long_ is None:
                self.add(fline, "flag_no_name")
            if short is not None and not (isinstance(short, str) and SHORT_FLAG.match(short)):
                self.add(fline, "bad_short", flag=repr(short))
            if long_ is not None and not (isinstance(long_, str) and LONG_FLAG.match(long_)):
                self.add(fline, "bad_long", flag=repr(long_))
            text: dict[Lang, str] = {}
            for lang in LANGS:
                t = item.get(lang)
                if not isinstance(t, str) or not t.strip() or _is_draft(t):
                    self.add(fline, "flag_no_meaning", flag=long_ or short, lang=lang)
                else:
                    text[lang] = t.strip()
            value = item.get("value")
            out.append(
                FlagNote(
                    short=short if isinstance(short, str) else None,
                    long=long_ if isinstance(long_, str) else None,
                    value=str(value) if value is not None else None,
                    text=MappingProxyType(text),
                )
            )
        return tuple(out)


def _is_draft(text: str) -> bool:
    """Text left as ``TODO`` by ``dockbot kb import``."""
    return text.strip().upper().startswith("TODO")


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1
