"""The knowledge base kept live in ``dockbot serve``: watch, check, swap.

:class:`KnowledgeWatcher` runs one thread that wakes every ``DOCKBOT_KNOWLEDGE_POLL``
seconds (default 2) and compares the knowledge folders' *signature* (every file's name,
size, modification time and inode, following symlinks, so a Kubernetes ConfigMap swap is
seen) with the last one. When it differs, it waits until the files stop changing (a
file being written), reads every file once, and compares the content hash with the
knowledge base that serves; only different content is loaded. SIGHUP asks for the same at
once (:meth:`KnowledgeWatcher.request`).

A reload is checked in full before anything changes: the new knowledge base and its index
are built beside the old one and put in place by one reference assignment
(:meth:`bot.services.Services.swap`), so a request in flight finishes on the knowledge
base it started with, and every request sees either the old one or the new one whole. A
broken change keeps the old one serving; every problem is logged as ``file:line:
message`` and kept for ``/readyz`` (:meth:`KnowledgeWatcher.status`) until a later reload
succeeds.

With shared state (Redis), SIGHUP on one replica also increments the shared generation
``knowledge`` (:meth:`bot.state.SharedState.bump`); every replica polls it and reloads when
it moves, so one signal reloads all of them. Redis being away only skips that check.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot.ask.index_cache import load_snapshot, read_snapshot
from bot.errors import KnowledgeError, StateUnavailable
from bot.kb.check import knowledge_files
from bot.settings import DEFAULT_KNOWLEDGE_POLL

if TYPE_CHECKING:
    from bot.services import Services
    from bot.state import SharedState

log = logging.getLogger("dockbot.knowledge")

GENERATION = "knowledge"  # the shared counter SIGHUP increments
SETTLE_STEP = 0.2  # seconds between looks while files are still changing
SETTLE_MAX = 2.0  # load anyway after this long

Signature = tuple[tuple[object, ...], ...]


def signature(folders: Sequence[Path]) -> Signature:
    """What changes when any knowledge file is added, removed, replaced or written."""
    out: list[tuple[object, ...]] = []
    for depth, folder in enumerate(folders):
        if not folder.exists():
            out.append((depth, str(folder), "missing"))
            continue
        for f in knowledge_files(folder):
            try:
                st = os.stat(f)
            except OSError:
                out.append((depth, str(f), "unreadable"))
                continue
            out.append((depth, str(f), st.st_size, st.st_mtime_ns, st.st_ino))
    return tuple(out)


def _iso(seconds: float | None) -> str | None:
    if seconds is None:
        return None
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="milliseconds")


class KnowledgeWatcher:
    """Reloads ``services``' knowledge base when its folders change, on SIGHUP, or when
    another replica bumps the shared generation in ``state``."""

    def __init__(self, services: Services, *, interval: float | None = None,
                 state: SharedState | None = None) -> None:
        self.services = services
        self.folders = services.settings.knowledge_folders
        self.interval = services.settings.knowledge_poll if interval is None else interval
        self.state = state
        self._signature: Signature | None = None  # the first poll compares content
        self._generation = self._read_generation() or 0
        self._requested = False
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._reload_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.last_error: tuple[str, ...] = ()
        self.last_checked: float | None = None
        self.reloads = 0

    # -- triggers ---------------------------------------------------------------------

    def request(self) -> None:
        """Reload now and ask every replica to (safe to call from a signal handler)."""
        self._requested = True
        self._wake.set()

    def poll_once(self) -> bool:
        """One pass of the loop; True when a new knowledge base was swapped in."""
        if self._requested:
            self._requested = False
            self._publish()
            return self.reload("reload requested (SIGHUP)")
        generation = self._read_generation()
        if generation is not None and generation != self._generation:
            self._generation = generation
            return self.reload("another replica asked for a reload")
        if self.interval > 0 and signature(self.folders) != self._signature:
            self._settle()
            return self.reload("knowledge files changed")
        return False

    def _settle(self) -> None:
        """Wait (briefly) until the files stop changing, so a file still being written is
        not read half-way."""
        end = time.monotonic() + SETTLE_MAX
        last = signature(self.folders)
        while time.monotonic() < end and not self._stop.wait(SETTLE_STEP):
            now = signature(self.folders)
            if now == last:
                return
            last = now

    def _publish(self) -> None:
        if self.state is None:
            return
        try:
            self._generation = self.state.bump(GENERATION)
        except StateUnavailable as exc:
            log.warning("could not ask the other replicas to reload: %s", exc.message)

    def _read_generation(self) -> int | None:
        if self.state is None:
            return None
        try:
            return self.state.counter(GENERATION)
        except StateUnavailable:
            return None

    # -- the reload -------------------------------------------------------------------

    def reload(self, reason: str = "reload") -> bool:
        """Read, check and (when the content differs) swap in the knowledge base; a broken
        change keeps the old one and records every problem. True when swapped."""
        from bot.services import Knowledge

        with self._reload_lock:
            before = signature(self.folders)  # taken first: a later write is seen next time
            snap = read_snapshot(self.folders)
            self._signature = before
            self.last_checked = time.time()
            if snap.key == self.services.knowledge.key:
                self.last_error = ()
                return False
            started = time.perf_counter()
            try:
                kb, matcher = load_snapshot(snap, self.services.settings.cache_dir)
                matcher.warm()  # here, not on the first requests after the swap
            except KnowledgeError as exc:
                problems = [str(p) for p in exc.problems] or [exc.message]
                self.last_error = tuple(problems)
                log.error("knowledge reload failed (%s); the previous knowledge base keeps "
                          "serving. %d problem(s):", reason, len(problems))
                for problem in problems:
                    log.error("%s", problem)
                return False
            self.services.swap(Knowledge(kb, matcher, key=snap.key))
            self.last_error = ()
            self.reloads += 1
            log.info("knowledge reloaded (%s): %d entries in %.2f s", reason,
                     _curated(self.services), time.perf_counter() - started)
            return True

    def status(self) -> dict[str, object]:
        """For ``/readyz``: what serves, and whether the last reload failed."""
        k = self.services.knowledge
        return {
            "entries": _curated(self.services),
            "loaded_at": _iso(k.loaded_at),
            "last_checked_at": _iso(self.last_checked),
            "reloads": self.reloads,
            "last_reload_error": list(self.last_error),
        }

    # -- the thread -------------------------------------------------------------------

    def start(self) -> KnowledgeWatcher:
        self._thread = threading.Thread(target=self._run, name="dockbot-knowledge",
                                        daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        wait: float | None = self.interval if self.interval > 0 else None
        if wait is None and self.state is not None:
            wait = DEFAULT_KNOWLEDGE_POLL  # still follow the other replicas
        while not self._stop.is_set():
            self._wake.wait(wait)
            self._wake.clear()
            if self._stop.is_set():
                break
            try:
                self.poll_once()
            except Exception:  # the watcher must outlive any surprise; the old KB serves
                log.exception("the knowledge watcher failed; it keeps watching")

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)


def _curated(services: Services) -> int:
    return sum(1 for e in services.kb.entries if not e.is_reference)
