"""A bounded pool for work that runs after Slack has its ack (Docker lookups).

Bolt's listener threads only acknowledge and answer from memory; anything that
can wait on a Docker host goes here. The pool takes at most ``workers`` running
plus ``queue`` waiting jobs; beyond that :meth:`WorkPool.submit` says no at once,
so the caller can tell the user "busy" instead of dropping the request.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

log = logging.getLogger("dockbot.slack")


class WorkPool:
    """Bounded background work: ``submit`` returns False when full."""

    def __init__(self, workers: int, queue: int = 0) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dockbot-work")
        self._slots = threading.BoundedSemaphore(workers + queue)
        self._closed = False

    def submit(self, job: Callable[[], None]) -> bool:
        """Start ``job`` in the background; False (and nothing runs) when the pool is full."""
        if self._closed or not self._slots.acquire(blocking=False):
            return False

        def run() -> None:
            try:
                job()
            except Exception:
                log.exception("background job failed")
            finally:
                self._slots.release()

        try:
            self._pool.submit(run)
        except RuntimeError:
            self._slots.release()
            return False
        return True

    def shutdown(self, wait: bool = False) -> None:
        self._closed = True
        self._pool.shutdown(wait=wait, cancel_futures=not wait)
