"""The long-lived objects one process shares: settings, knowledge base, matcher.

Built once at start-up by the CLI or the Slack server; everything else takes
what it needs from here. The executor is created on first use, because most
processes never run a Docker command.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.ask.index_cache import load_cached
from bot.ask.matcher import Matcher
from bot.kb.model import KnowledgeBase
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.executor import Executor
    from bot.state import SharedState


@dataclass
class Services:
    settings: Settings
    kb: KnowledgeBase
    matcher: Matcher
    terminal: bool = False        # a person at a terminal (the audit log is not printed)
    _executor: Executor | None = field(default=None, repr=False)
    _state: SharedState | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

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
    kb, matcher = load_cached(settings.knowledge_dir, settings.cache_dir)
    return Services(settings=settings, kb=kb, matcher=matcher, terminal=terminal)
