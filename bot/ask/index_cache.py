"""The matcher's index, cached on disk between runs.

Building the index analyses every phrasing of every entry; a cached copy makes
start-up a file read. The cache file is named by a SHA-256 over everything the
index depends on: the knowledge files, the sources of the modules that build it
(analysis, lexicon, matcher) and the Python version (``marshal`` is
version-specific). Any change gives a new name, so a stale index is never used.
The cache is an optimisation only: an unreadable, corrupt or unwritable cache
means the index is built in memory as if there were none.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path

from bot.ask import analysis, lexicon, matcher, reference
from bot.ask.matcher import INDEX_FORMAT, IndexData, Matcher, build_index
from bot.explain.cli_spec import DATA_DIR
from bot.kb.check import knowledge_files
from bot.kb.model import KnowledgeBase

_PREFIX = "matcher-index-"


def cache_key(knowledge_dir: Path) -> str:
    h = hashlib.sha256(f"{INDEX_FORMAT}:{sys.version_info[:2]}".encode())
    for module in (analysis, lexicon, matcher, reference):
        h.update(Path(str(module.__file__)).read_bytes())
    for f in sorted(DATA_DIR.glob("*.yml")):  # the reference tier is indexed too
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    for f in knowledge_files(knowledge_dir):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:32]


def _valid(data: object) -> bool:
    keys = {"format", "idf", "unknown_idf", "docs", "en_vocab", "en_known", "ko_words"}
    return isinstance(data, dict) and keys <= set(data) and data["format"] == INDEX_FORMAT


def read_index(path: Path) -> IndexData | None:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return data if _valid(data) else None


def write_index(path: Path, data: IndexData) -> None:
    """Write atomically (a reader never sees half a file); drop older indexes."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(data))
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)
        return
    for old in path.parent.glob(_PREFIX + "*"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()


def cached_matcher(kb: KnowledgeBase, knowledge_dir: Path, cache_dir: Path | None) -> Matcher:
    """A matcher for ``kb``, its index read from ``cache_dir`` when a valid one is there."""
    if cache_dir is None:
        return Matcher(kb)
    try:
        path = cache_dir / f"{_PREFIX}{cache_key(knowledge_dir)}.marshal"
    except OSError:
        return Matcher(kb)
    index = read_index(path)
    if index is not None:
        return Matcher(kb, index=index)
    built = Matcher(kb, index=build_index(kb))
    write_index(path, built.index)
    return built
