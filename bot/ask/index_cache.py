"""The loaded knowledge base and the matcher's index, cached on disk between runs.

Loading validates every YAML file and building the index analyses every phrasing of
every entry (and every flag text of the CLI reference); a cached copy makes start-up
a file read. The cache file is named by a SHA-256 over everything it depends on: the
knowledge files, the CLI reference data, the sources of the modules that build it and
the Python version (``marshal`` is version-specific), over the content of the files and
never their time stamps. Any change gives a new name, so
a stale cache is never used, and a knowledge base with a problem is never cached (it
raises before anything is written). The cache is an optimisation only: an unreadable,
corrupt or unwritable cache means everything is loaded and built as if there were none.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.ask.hints import HINTS_FILE
from bot.ask.index import INDEX_FORMAT, IndexData, build_index
from bot.ask.matcher import Matcher
from bot.ask.reference import with_reference
from bot.explain.cli_spec import DATA_DIR
from bot.kb import model
from bot.kb.check import as_folders, check_knowledge, knowledge_error, knowledge_files
from bot.kb.model import KnowledgeBase, entry_from_dict, entry_to_dict

_PREFIX = "matcher-index-"
KEEP = 3  # caches kept in the folder (about 5 MB each)


@dataclass(frozen=True)
class Snapshot:
    """The knowledge files of every folder, read once: what is hashed is what is checked,
    so a file that changes while it is loaded cannot leave a cache under the wrong key."""

    folders: tuple[Path, ...]
    files: tuple[tuple[int, Path, bytes], ...]  # (folder index, path, content)

    @property
    def contents(self) -> dict[Path, bytes]:
        return {path: data for _, path, data in self.files}

    @property
    def key(self) -> str:
        """A SHA-256 over this code, the CLI reference and every file's folder, name and
        content (never its time stamp)."""
        h = hashlib.sha256(_code_digest())
        for depth, path, data in self.files:
            h.update(f"{depth}:{path.name}:{len(data)}".encode() + b"\0" + data)
        return h.hexdigest()[:32]


def read_snapshot(folders: Path | Sequence[Path]) -> Snapshot:
    """Read every knowledge file of ``folders`` (a file that cannot be read is left out
    here and reported by the check that reads it again)."""
    layers = as_folders(folders)
    files: list[tuple[int, Path, bytes]] = []
    for depth, folder in enumerate(layers):
        for f in knowledge_files(folder) if folder.exists() else []:
            with contextlib.suppress(OSError):
                files.append((depth, f, f.read_bytes()))
    return Snapshot(layers, tuple(files))


_ASK_DIR = Path(__file__).resolve().parent


@functools.cache
def _code_digest() -> bytes:
    h = hashlib.sha256(f"{INDEX_FORMAT}:{sys.version_info[:2]}".encode())
    # every module of the Q&A package (what builds the index, and what the matcher reads
    # from it) and the knowledge model
    sources = [*sorted(_ASK_DIR.glob("*.py")), Path(str(model.__file__))]
    for source in sources:
        h.update(source.name.encode() + b"\0" + source.read_bytes())
    h.update(HINTS_FILE.read_bytes())  # the words people use for flags are indexed too
    for f in sorted(DATA_DIR.glob("*.yml")):  # the reference tier is indexed too
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.digest()


def cache_key(knowledge_dirs: Path | Sequence[Path]) -> str:
    return read_snapshot(knowledge_dirs).key


def _valid(data: object) -> bool:
    if not isinstance(data, dict) or data.get("format") != INDEX_FORMAT:
        return False
    index, kb = data.get("index"), data.get("kb")
    keys = {"idf", "unknown_idf", "doc_entry", "doc_text", "spans", "postings", "features_of",
            "core", "doc_core", "paths", "flags", "cli", "en_vocab", "en_known", "ko_words"}
    return isinstance(index, dict) and keys <= set(index) and isinstance(kb, list)


def read_cache(path: Path) -> tuple[KnowledgeBase, IndexData] | None:
    """The knowledge base and index stored at ``path``, or None when it is not usable."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not _valid(data):
        return None
    try:
        kb = KnowledgeBase.of(tuple(entry_from_dict(d) for d in data["kb"]))
    except (KeyError, TypeError, ValueError):
        return None
    return kb, data["index"]


def write_cache(path: Path, kb: KnowledgeBase, index: IndexData) -> None:
    """Write atomically (a reader never sees half a file); drop all but the newest caches."""
    data = {"format": INDEX_FORMAT, "kb": [entry_to_dict(e) for e in kb.entries], "index": index}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(data))
        os.replace(tmp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)
        return
    _drop_old(path)


def _drop_old(path: Path) -> None:
    """Keep the newest KEEP caches (a reload that goes back to an earlier version of the
    knowledge files then finds its index), delete the rest."""
    def mtime(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:
            return 0.0

    others = sorted((p for p in path.parent.glob(_PREFIX + "*") if p != path), key=mtime,
                    reverse=True)
    for old in others[KEEP - 1:]:
        with contextlib.suppress(OSError):
            old.unlink()


def load_cached(knowledge_dirs: Path | Sequence[Path], cache_dir: Path | None
                ) -> tuple[KnowledgeBase, Matcher]:
    """Both tiers and their matcher, for one knowledge folder or several combined."""
    return load_snapshot(read_snapshot(knowledge_dirs), cache_dir)


def load_snapshot(snap: Snapshot, cache_dir: Path | None) -> tuple[KnowledgeBase, Matcher]:
    """Both tiers and their matcher. From ``cache_dir`` when it holds a cache for exactly
    these knowledge files and this code (the files were validated when it was written);
    otherwise validated (KnowledgeError with every problem in ``.problems``), indexed and
    cached."""
    path: Path | None = None
    if cache_dir is not None:
        path = cache_dir / f"{_PREFIX}{snap.key}.marshal"
        cached = read_cache(path)
        if cached is not None:
            kb, index = cached
            return kb, Matcher(kb, index=index)
    checked, problems = check_knowledge(snap.folders, contents=snap.contents)
    if problems:
        raise knowledge_error(snap.folders, problems)
    kb = with_reference(checked)
    matcher = Matcher(kb, index=build_index(kb))
    if path is not None:
        write_cache(path, kb, matcher.index)
    return kb, matcher
