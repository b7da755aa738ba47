"""What every Slack listener shares: services, the background pool, lookups.

One :class:`Runtime` per process, attached to each request's context by a
middleware (``context["dockbot"]``). It holds no per-conversation state:
everything a button needs travels in the button's value.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.executor import Principal
from bot.render.blockkit import Message
from bot.services import Services
from bot.slack.access import Asker, UsergroupDirectory, principal_for
from bot.slack.router import ExecJob, busy_reply, run_job
from bot.slack.workpool import WorkPool

CONTEXT_KEY = "dockbot"


class ReplayGuard:
    """Remembers recent one-time keys (trigger ids) so a replayed click has no effect.

    Best effort within one process; Slack's 5-minute signature window bounds the TTL.
    """

    def __init__(self, ttl: float = 300.0, size: int = 10_000) -> None:
        self.ttl = ttl
        self.size = size
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            while self._seen and next(iter(self._seen.values())) < now:
                self._seen.popitem(last=False)
            if key in self._seen:
                return False
            self._seen[key] = now + self.ttl
            while len(self._seen) > self.size:
                self._seen.popitem(last=False)
            return True


@dataclass
class Runtime:
    """``pool`` defaults to the executor's own capacity (its workers plus its queue), so
    waiting here never adds to a request's time: beyond that capacity the answer is "busy"."""

    services: Services
    pool: WorkPool | None = None
    groups: UsergroupDirectory = field(default_factory=UsergroupDirectory)
    replays: ReplayGuard = field(default_factory=ReplayGuard)

    def __post_init__(self) -> None:
        if self.pool is None:
            limits = self.services.executor.config.limits
            self.pool = WorkPool(workers=limits.workers + limits.queue, queue=0)

    def principal(self, body: Mapping[str, Any], client: WebClient | None) -> Asker:
        """Who sent ``body``, as known now (never waits for user groups)."""
        return principal_for(body, self.services.executor, client, self.groups)

    def run_later(
        self, job: ExecJob, principal: Principal | Asker, reply: Callable[[Message], object]
    ) -> None:
        """Run ``job`` on the pool and ``reply`` with the result; reply "busy" when full."""

        def work() -> None:
            reply(run_job(self.services, job, principal))

        if self.pool is None or not self.pool.submit(work):
            reply(busy_reply(self.services, job, principal))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False)


def runtime_of(context: BoltContext) -> Runtime:
    rt = context.get(CONTEXT_KEY)
    if not isinstance(rt, Runtime):
        raise RuntimeError("the dockbot runtime is not attached to this request")
    return rt
