"""Opt-in read-only executor: quick Docker status lookups, safe by construction.

    ex = build_executor(settings)              # ConfigError on an invalid config/policy
    res = ex.run("ps -a @prod", Principal.cli())   # ExecResult, or an ExecError subclass

Modules: grammar (text -> Operation), policy (who may run what; pure), config
(the config file), backend (the only module importing docker; error mapping),
views (answers -> rows), redact, audit, service (the Executor), result.
"""

from __future__ import annotations

from bot.executor.grammar import OP_LABELS, OPS, Operation
from bot.executor.policy import Principal
from bot.executor.result import ExecResult
from bot.executor.service import Executor, build_executor

__all__ = [
    "OPS", "OP_LABELS", "ExecResult", "Executor", "Operation", "Principal", "build_executor",
]
