"""The long-lived objects one process shares: settings, knowledge base, matcher.

Built once at start-up by the CLI or the Slack server; everything else takes
what it needs from here. ``dockbot serve`` swaps in a new knowledge base when its
files change (:mod:`bot.kb.live`). The executor is created on first use, because most
processes never run a Docker command.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.ask.index_cache import load_snapshot, read_snapshot
from bot.ask.matcher import Matcher
from bot.kb.model import KnowledgeBase
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.executor import Executor
    from bot.state import SharedState


@dataclass(frozen=True)
class Knowledge:
    """One loaded knowledge base and its matcher: swapped in whole, never changed."""

    kb: KnowledgeBase
    matcher: Matcher
    loaded_at: float = field(default_factory=time.time)  # seconds since the epoch
    key: str = ""  # the content hash of its files (bot.ask.index_cache.Snapshot.key)


class Services:
    """Settings, the current knowledge (one reference, swapped atomically on reload),
    and the shared state and executor, opened on first use."""

    def __init__(self, settings: Settings, kb: KnowledgeBase, matcher: Matcher,
                 *, key: str = "", terminal: bool = False) -> None:
        self.settings = settings
        self.terminal = terminal  # a person at a terminal (the audit log is not printed)
        self._knowledge = Knowledge(kb, matcher, key=key)
        self._executor: Executor | None = None
        self._state: SharedState | None = None
        self._lock = threading.Lock()

    @property
    def knowledge(self) -> Knowledge:
        """The knowledge base and matcher now; a request that reads both takes this once,
        so it finishes on one knowledge base even when a reload swaps in another."""
        return self._knowledge

    @property
    def kb(self) -> KnowledgeBase:
        return self._knowledge.kb

    @property
    def matcher(self) -> Matcher:
        return self._knowledge.matcher

    def swap(self, knowledge: Knowledge) -> Knowledge:
        """Put a new knowledge base in place (one reference assignment); returns the old."""
        old, self._knowledge = self._knowledge, knowledge
        return old

    @property
    def state(self) -> SharedState:
        """What replicas share (in-process, or Redis with DOCKBOT_REDIS_URL); opened on first
        use, ConfigError when Redis does not answer."""
        with self._lock:
            return self._open_state()

    def _open_state(self) -> SharedState:
        if self._state is None:
            from bot.state import open_state

            self._state = open_state(self.settings)
        return self._state

    @property
    def executor(self) -> Executor:
        """The read-only executor (disabled unless the settings enable it)."""
        with self._lock:
            if self._executor is None:
                from bot.executor import build_executor

                self._executor = build_executor(self.settings, self._open_state(),
                                                terminal=self.terminal)
            return self._executor

    def close(self) -> None:
        with self._lock:
            if self._executor is not None:
                self._executor.close()
                self._executor = None
            if self._state is not None:
                self._state.close()
                self._state = None


def load_services(settings: Settings, terminal: bool = False) -> Services:
    snap = read_snapshot(settings.knowledge_folders)
    kb, matcher = load_snapshot(snap, settings.cache_dir)
    return Services(settings=settings, kb=kb, matcher=matcher, key=snap.key, terminal=terminal)
