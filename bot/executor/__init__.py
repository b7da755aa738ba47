"""Opt-in read-only executor: quick Docker status lookups, safe by construction.

    ex = build_executor(settings)              # ConfigError on an invalid config/policy
    res = ex.run("ps -a @prod", Principal.cli())   # ExecResult, or an ExecError subclass

Modules: operations (the table: one record per operation, read by all the others),
grammar (text -> Operation), policy (who may run what; pure), config
(the config file), backend (the only module importing docker; error mapping),
views (answers -> rows), redact, audit, service (the Executor), result.
"""

from __future__ import annotations

from bot.executor.operations import OP_LABELS, OPERATIONS, OPS, Operation, OpSpec
from bot.executor.policy import Principal
from bot.executor.result import ExecResult
from bot.executor.service import Executor, build_executor

__all__ = [
    "OPERATIONS", "OPS", "OP_LABELS", "ExecResult", "Executor", "OpSpec", "Operation",
    "Principal", "build_executor",
]
