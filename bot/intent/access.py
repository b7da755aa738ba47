"""What an asker may run, as the executor's policy sees it (pure decisions, plus the audit
line of a refusal).

An asker is anything :class:`Asking`: the principal as known now and whether their user
groups are still being looked up (Slack's :class:`bot.slack.access.Asker`), or a
:class:`Known` principal (the CLI's local operator). Nothing here waits for user groups;
:meth:`Asking.resolved` does, after the immediate reply.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol

from bot.executor import OPERATIONS, Executor, Operation, Principal
from bot.executor.audit import refusal_record


class Asking(Protocol):
    """Who asks: the principal as known now; ``settled`` is False while their user groups
    are still being looked up, and :meth:`resolved` waits (bounded) for them."""

    @property
    def principal(self) -> Principal: ...

    @property
    def settled(self) -> bool: ...

    def resolved(self) -> Principal: ...


@dataclass(frozen=True)
class Known:
    """An asker whose principal is complete (nothing left to look up)."""

    principal: Principal
    settled: bool = True

    def resolved(self) -> Principal:
        return self.principal


def asking(who: Principal | Asking) -> Asking:
    return Known(who) if isinstance(who, Principal) else who


def allowed_ops(executor: Executor, principal: Principal) -> tuple[list[str], list[str]]:
    """(operation labels, host aliases) this principal may use; empty when none."""
    if not executor.enabled:
        return [], []
    ops = [OPERATIONS[o].label for o in executor.allowed_ops(principal)]
    hosts = list(executor.allowed_hosts(principal))
    if not hosts:
        return [], []
    return ops, hosts


def may_run(executor: Executor, principal: Principal, op: Operation) -> bool:
    """Whether the policy lets this principal run ``op`` (the executor checks again when
    it runs; this only decides what to offer)."""
    if not executor.enabled or op.kind not in executor.allowed_ops(principal):
        return False
    hosts = executor.allowed_hosts(principal)
    return op.host in hosts if op.host else bool(hosts)


def groups_could_allow(executor: Executor, asker: Asking, op: Operation) -> bool:
    """Whether some of the policy's user groups would let a not-yet-settled asker run
    ``op`` (if none could, the answer is no without waiting for the lookup)."""
    if asker.settled:
        return False
    every = frozenset(executor.config.policy.usergroups)
    return may_run(executor, replace(asker.principal, usergroups=every), op)


def audit_refusal(executor: Executor, principal: Principal, op: Operation, text: str,
                  *, busy: bool = False) -> None:
    """One audit line for a request refused before it reached the executor: denied by
    the policy, the executor off, or (``busy``) no room left to run it after the ack."""
    if busy:
        record = refusal_record(principal, text, decision="busy", rule="slack-pool-full",
                                op=op.kind, target=op.target, host=op.host)
    elif not executor.enabled:
        record = refusal_record(principal, text, decision="disabled", rule="disabled",
                                op=op.kind, target=op.target, host=op.host)
    else:
        ops, _, rule = executor.config.policy.scope(principal)
        usable = executor.allowed_hosts(principal)
        outcome = "denied"
        if op.kind not in ops:
            rule += ":op"
        else:
            rule += ":host"
            if op.host is not None and op.host not in usable:
                outcome = "unknown_host"
        record = refusal_record(principal, text, decision="denied", rule=rule,
                                outcome=outcome, op=op.kind, target=op.target, host=op.host)
    executor.audit.write(record)
