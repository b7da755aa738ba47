"""What every Slack listener shares: services, the background pool, lookups.

One :class:`Runtime` per process, attached to each request's context by a
middleware (``context["dockbot"]``). It holds no per-conversation state:
everything a button needs travels in the button's value. The only memory
between requests, the seen event and trigger ids and the user-group cache, is in the
shared state (:mod:`bot.state`), so HTTP-mode replicas can share it through Redis.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.errors import StateUnavailable
from bot.executor import Principal
from bot.render.blockkit import Message
from bot.services import Services
from bot.slack.access import Asker, UsergroupDirectory, principal_for
from bot.slack.router import ExecJob, busy_reply, run_job
from bot.slack.workpool import WorkPool
from bot.state import MemoryState, SharedState

CONTEXT_KEY = "dockbot"
log = logging.getLogger("dockbot.slack")


class ReplayGuard:
    """Remembers recent one-time keys (event ids, trigger ids) so that a retried event or a
    replayed click or command has no second effect.

    The keys live in the shared state (:mod:`bot.state`): in-process for one replica, Redis
    for several. Slack's 5-minute signature window bounds the TTL. When Redis cannot be
    reached the request goes through (an answer may repeat) and a warning is logged.
    """

    def __init__(self, state: SharedState | None = None, ttl: float = 300.0) -> None:
        self.state: SharedState = state if state is not None else MemoryState()
        self.ttl = ttl

    def first_time(self, key: str, ttl: float | None = None) -> bool:
        try:
            return self.state.first_time(key, self.ttl if ttl is None else ttl)
        except StateUnavailable as exc:
            log.warning("de-duplication is off until shared state is back: %s", exc.message)
            return True


@dataclass
class Runtime:
    """``pool`` defaults to the executor's own capacity (its workers plus its queue), so
    waiting here never adds to a request's time: beyond that capacity the answer is "busy"."""

    services: Services
    pool: WorkPool | None = None
    groups: UsergroupDirectory = field(init=False)
    replays: ReplayGuard = field(init=False)

    def __post_init__(self) -> None:
        self.replays = ReplayGuard(self.services.state)
        self.groups = UsergroupDirectory(self.services.state)  # shared by replicas with Redis
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
