"""Commands filled with live values: ``docker logs -f <container>`` with a real name in it.

When the read-only executor is on and the asker may list containers, images, volumes
or networks, an answer whose command holds ``<container>``, ``<image>``, ``<volume>`` or
``<network>`` (or ``<name>`` in ``docker volume rm <name>``, ``docker network
inspect <name>`` ...) can offer the names that exist on the host. The names come from the
executor's own listings (``ps -a``, ``image ls``, ``volume ls``, ``network ls``) through
:meth:`bot.executor.Executor.run`, so the policy, the rate limits, the audit log and
the executor's projection and redaction apply to them exactly as to any lookup. A name
the redaction touched, or that does not look like a Docker name, is left out.

Filling never runs anything: :func:`fill` only writes the picked name into the command
for the reader to copy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.errors import ExecError, InputError
from bot.executor import Executor, Principal
from bot.lang import Lang
from bot.secrets import MASK

Kind = str  # one of KINDS
KINDS: tuple[str, ...] = ("container", "image", "volume", "network")
# the executor listing for each placeholder: (operation id, text to run, name column)
LISTINGS: dict[str, tuple[str, str, str]] = {
    "container": ("ps", "ps -a", "NAME"),
    "image": ("images", "image ls", "REPOSITORY:TAG"),
    "volume": ("volumes", "volume ls", "VOLUME NAME"),
    "network": ("networks", "network ls", "NAME"),
}
MAX_NAMES = 100  # options in one Slack menu
_PLACEHOLDER = re.compile(r"<(container|image|volume|network)>")
# what a container, volume or network name or an image reference may look like
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:/@-]{0,127}")


@dataclass(frozen=True)
class LiveNames:
    """The names that can fill one placeholder of ``template``."""

    kind: Kind
    template: str
    names: tuple[str, ...]


def slots(command: str | None) -> list[tuple[Kind, str]]:
    """The fillable placeholders of ``command`` as (kind, placeholder), in order, each kind
    once. ``<name>`` counts as a volume or network in ``docker volume|network SUB <name>``
    (not for ``create``, which needs a new name)."""
    found: dict[Kind, str] = {}
    for match in _PLACEHOLDER.finditer(command or ""):
        found.setdefault(match.group(1), match.group(0))
    words = (command or "").split()
    if len(words) > 3 and words[:2] in (["docker", "volume"], ["docker", "network"]) \
            and words[2] != "create" and "<name>" in words[3:]:
        found.setdefault(words[1], "<name>")
    return list(found.items())


def placeholders(command: str | None) -> list[Kind]:
    """The kinds of name ``command`` can be filled with, in order."""
    return [kind for kind, _ in slots(command)]


def may_list(executor: Executor, principal: Principal, kind: Kind) -> bool:
    """Whether the policy lets ``principal`` list the ``kind`` names on some host."""
    op = LISTINGS[kind][0]
    return (executor.enabled and op in executor.allowed_ops(principal)
            and bool(executor.allowed_hosts(principal)))


def fillable(executor: Executor, principal: Principal, command: str | None) -> list[Kind]:
    """The placeholders of ``command`` this principal may get live names for."""
    return [k for k in placeholders(command) if may_list(executor, principal, k)]


def usable_name(name: str) -> bool:
    return bool(_NAME.fullmatch(name)) and MASK not in name and not name.startswith("<")


def live_names(executor: Executor, principal: Principal, kind: Kind) -> tuple[str, ...]:
    """The ``kind`` names on the principal's default host, as the executor shows them
    (projected and redacted), at most :data:`MAX_NAMES`. Raises the executor's
    :class:`~bot.errors.ExecError` when the listing does not run."""
    _, text, column = LISTINGS[kind]
    result = executor.run(text, principal)
    if column not in result.columns:
        return ()
    at = result.columns.index(column)
    names: list[str] = []
    for row in result.rows:
        name = row[at] if at < len(row) else ""
        if usable_name(name) and name not in names:
            names.append(name)
    return tuple(names[:MAX_NAMES])


def offers(executor: Executor, principal: Principal, command: str | None
           ) -> tuple[list[LiveNames], list[ExecError]]:
    """Live names for every placeholder of ``command`` the principal may list (blocking:
    call it after the ack); listings that fail are returned as errors, not raised."""
    return offers_for(executor, principal, [command or ""])


def offers_for(executor: Executor, principal: Principal, commands: Sequence[str | None]
               ) -> tuple[list[LiveNames], list[ExecError]]:
    """:func:`offers` for several commands (the "Other answers" list): each kind of name
    is listed once, each command is offered once, in order."""
    found: list[LiveNames] = []
    errors: list[ExecError] = []
    listed: dict[Kind, tuple[str, ...]] = {}
    seen: set[str] = set()
    for command in commands:
        if not command or command in seen:
            continue
        seen.add(command)
        for kind in fillable(executor, principal, command):
            if kind not in listed:
                try:
                    listed[kind] = live_names(executor, principal, kind)
                except ExecError as err:
                    errors.append(err)
                    listed[kind] = ()
            if listed[kind]:
                found.append(LiveNames(kind, command, listed[kind]))
    return found, errors


def fill(template: str, kind: Kind, name: str, lang: Lang = "en") -> str:
    """``template`` with its first ``<kind>`` replaced by ``name``; nothing is run.
    :class:`~bot.errors.InputError` when the name cannot be a Docker name or the
    template has no such placeholder."""
    token = dict(slots(template)).get(kind)
    if token is None:
        raise InputError.keyed("input.fill_no_placeholder", lang)
    if not usable_name(name):
        raise InputError.keyed("input.fill_not_a_name", lang)
    return template.replace(token, name, 1)


def numbered(names: Sequence[str]) -> list[str]:
    """``1. name`` lines for a terminal pick."""
    return [f"  {i}. {name}" for i, name in enumerate(names, 1)]
