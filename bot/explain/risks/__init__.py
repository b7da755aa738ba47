"""Risky flags and commands, each with a safer way to get the same result.

Each rule decides when a flag is risky; what it says, in both languages, is the phrase
catalog's ``explain.risk.<rule>.*`` (:mod:`bot.phrases.risks`, looked up by
:func:`bot.explain.risks.rule.make`)."""

from __future__ import annotations

from bot.explain.model import Risk
from bot.explain.parser import ParsedCommand
from bot.explain.risks.data_loss import destructive
from bot.explain.risks.exposure import published_databases, remote_daemon, secrets_in_args
from bot.explain.risks.isolation import (
    capabilities,
    host_mounts,
    host_network,
    namespaces,
    privileged,
)
from bot.explain.risks.rule import Rule
from bot.lang import Lang

RULES: tuple[Rule, ...] = (
    privileged,
    host_mounts,
    namespaces,
    host_network,
    capabilities,
    published_databases,
    secrets_in_args,
    destructive,
    remote_daemon,
)


def find_risks(parsed: ParsedCommand, lang: Lang) -> list[Risk]:
    """Every risk the rules find in one parsed docker command."""
    out: list[Risk] = []
    for rule in RULES:
        out.extend(rule(parsed, lang))
    return out
