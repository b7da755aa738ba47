"""Load and validate the knowledge base: one folder, or several combined.

The schema is documented in ``knowledge/README.md``. :class:`~bot.kb.filecheck.FileChecker`
validates one file; this module combines the files of one or more folders ("layers", in
the order given: the bundled knowledge base first, then the team's) and checks what only
the whole set can show: duplicate ids and ``related`` ids that do not exist.

The rule for an id that appears in two folders: a later folder's entry overrides an
earlier folder's entry with the same id only when it says ``replaces: true``; the
override is reported as a notice (``file:line: note: ...``), and the replacement takes the
earlier entry's place in the order. Without ``replaces: true`` the clash is a problem, and
so is ``replaces: true`` when no earlier folder has that id (a typo would otherwise add a
second answer silently). Two entries with one id inside one folder are always a problem.

:func:`check_layers` returns every problem and notice with its file and line, so
``dockbot kb check`` can print ``file:line: message``; :func:`load_knowledge` raises
:class:`~bot.errors.KnowledgeError` when there is any problem.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import KnowledgeError
from bot.kb.filecheck import FileChecker
from bot.kb.model import Entry, KnowledgeBase, Problem

Folders = Path | Sequence[Path]


def knowledge_files(path: Path) -> list[Path]:
    """The YAML files of a knowledge folder (or the file itself), sorted."""
    if path.is_file():
        return [path]
    return sorted([*path.glob("*.yml"), *path.glob("*.yaml")])


def shown_path(path: Path) -> str:
    """A path as the person running dockbot can open it: relative to the working folder
    when it is inside it, else as given."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (OSError, ValueError):
        return str(path)


def as_folders(paths: Folders) -> tuple[Path, ...]:
    """One path or a sequence of them, as a tuple of layers."""
    return (paths,) if isinstance(paths, Path) else tuple(paths)


@dataclass
class KnowledgeCheck:
    """What checking gives: the valid entries, every problem and every notice."""

    kb: KnowledgeBase
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)


def check_knowledge(path: Folders, *, within: Sequence[Path] = (),
                    contents: Mapping[Path, bytes] | None = None,
                    ) -> tuple[KnowledgeBase, list[Problem]]:
    """Validate a knowledge folder, several folders combined, or one file; returns the
    valid entries and every problem found (see :func:`check_layers`)."""
    result = check_path(path, within=within, contents=contents)
    return result.kb, result.problems


def check_path(path: Folders, *, within: Sequence[Path] = (),
               contents: Mapping[Path, bytes] | None = None) -> KnowledgeCheck:
    """Validate folders (combined in order) or one file.

    A single file is checked against the knowledge base it belongs to, so ``related`` ids
    and duplicates are resolved there, and only that file's entries and problems are
    returned: against ``within`` (the configured folders) when its folder is one of them,
    otherwise against its own folder.
    """
    folders = as_folders(path)
    if len(folders) == 1 and folders[0].is_file():
        target = folders[0]
        base = target.parent.resolve()
        layers = tuple(within) if any(_same(f, base) for f in within) else (target.parent,)
        return check_layers(layers, targets=(target,), contents=contents)
    return check_layers(folders, contents=contents)


def _same(folder: Path, resolved: Path) -> bool:
    try:
        return folder.resolve() == resolved
    except OSError:
        return False


def _layer_files(folder: Path, problems: list[Problem]) -> list[Path]:
    if not folder.exists():
        problems.append(Problem.keyed(shown_path(folder), 0, "no_such_path"))
        return []
    files = knowledge_files(folder)
    if not files:
        problems.append(Problem.keyed(shown_path(folder), 0, "no_yml"))
    return files


def _display(f: Path, folder: Path) -> str:
    base = folder if folder.is_dir() else folder.parent
    return str(f.relative_to(base.parent)) if base.parent in f.parents else str(f)


def read_checkers(folders: Sequence[Path], contents: Mapping[Path, bytes] | None,
                  problems: list[Problem]) -> list[list[FileChecker]]:
    """Every file of every layer, validated; missing or empty layers go to ``problems``."""
    layers: list[list[FileChecker]] = []
    for folder in folders:
        checkers = []
        for f in _layer_files(folder, problems):
            checker = FileChecker(f, _display(f, folder), shown_path(f),
                                  data=None if contents is None else contents.get(f))
            checker.run()
            checkers.append(checker)
        layers.append(sorted(checkers, key=lambda c: str(c.path)))
    return layers


def check_layers(folders: Sequence[Path], *, targets: Sequence[Path] = (),
                 contents: Mapping[Path, bytes] | None = None) -> KnowledgeCheck:
    """Validate the folders as one knowledge base, earlier folders first.

    ``targets`` limits the entries, problems and notices returned to those files (the rest
    is read only to resolve ids). ``contents`` holds files already read (path -> bytes), so
    a caller can hash and check the same snapshot. Problem paths are relative to the
    working folder when inside it.
    """
    problems: list[Problem] = []
    layers = read_checkers(folders, contents, problems)
    wanted = {t.resolve() for t in targets}

    def mine(c: FileChecker) -> bool:
        return not wanted or c.path.resolve() in wanted

    if wanted:
        problems = []  # a missing sibling folder is not this file's problem
    problems += [p for layer in layers for c in layer if mine(c) for p in c.problems]
    notices: list[Problem] = []
    final: dict[str, tuple[Entry, FileChecker, int]] = {}
    for depth, layer in enumerate(layers):
        for c in layer:
            for e, replaces in zip(c.entries, c.replaces, strict=True):
                _place(e, c, depth, replaces, final, mine, problems, notices)
    known = set(final) | {eid for layer in layers for c in layer for eid, _, _ in c.related_at}
    for layer in layers:
        for c in filter(mine, layer):
            for eid, rid, ln in c.related_at:
                if rid == eid:
                    problems.append(Problem.keyed(c.shown, ln, "related_self", id=eid))
                elif rid not in known:
                    problems.append(Problem.keyed(c.shown, ln, "related_unknown", id=rid))
    entries = tuple(e for e, c, _ in final.values() if mine(c))
    return KnowledgeCheck(KnowledgeBase.of(entries), problems, notices)


def _place(e: Entry, c: FileChecker, depth: int, replaces: bool,
           final: dict[str, tuple[Entry, FileChecker, int]], mine: Callable[[FileChecker], bool],
           problems: list[Problem], notices: list[Problem]) -> None:
    """Add one entry under the layering rule (see the module docstring)."""
    prev = final.get(e.id)
    if prev is None:
        if replaces and mine(c):
            problems.append(Problem.keyed(c.shown, e.line, "replaces_nothing", id=e.id))
        final[e.id] = (e, c, depth)
        return
    first, fc, fdepth = prev
    if fdepth == depth or not replaces:
        key = "duplicate_first" if fdepth == depth else "duplicate_earlier"
        if mine(c):
            problems.append(Problem.keyed(c.shown, e.line, key, id=e.id,
                                          at=f"{fc.shown}:{first.line}"))
        elif mine(fc):
            problems.append(Problem.keyed(fc.shown, first.line, "duplicate_also", id=e.id,
                                          at=f"{c.shown}:{e.line}"))
        return
    if mine(c):
        notices.append(Problem.keyed(c.shown, e.line, "replaces", id=e.id,
                                     at=f"{fc.shown}:{first.line}"))
    final[e.id] = (e, c, depth)


def load_knowledge(path: Folders) -> KnowledgeBase:
    """Load knowledge folders; raise KnowledgeError listing the first problems."""
    kb, problems = check_knowledge(path)
    if problems:
        raise knowledge_error(path, problems)
    return kb


def knowledge_error(path: Folders, problems: Sequence[Problem]) -> KnowledgeError:
    """A KnowledgeError naming the first problems (all of them in ``.problems``)."""
    where = ", ".join(str(p) for p in as_folders(path))
    shown = "; ".join(str(p) for p in problems[:3])
    more = f"; +{len(problems) - 3}" if len(problems) > 3 else ""
    err = KnowledgeError.keyed("kb.check.broken", where=where, n=len(problems),
                               shown=shown + more)
    err.problems = tuple(problems)
    return err
