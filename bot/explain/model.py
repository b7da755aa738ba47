"""What `explain` returns: the parts of a command line, the risks found in it, and corrections.

Roles a part can have (``Part.role``):

``docker``       the ``docker`` program itself (also ``docker-compose``, ``sudo`` and env prefixes)
``global-flag``  an option of ``docker`` itself, before the sub-command (``-H``, ``-c``, ``-D``)
``subcommand``   a word that selects a command (``run``, ``container``, ``compose``, ``up``)
``flag``         an option of the selected command (``-d``, ``--name``)
``flag-value``   the value given to the flag before it (``80:80`` after ``-p``)
``image``        an image reference (``nginx``, ``user/repo:tag``)
``container``    a container name or ID
``argument``     any other positional argument (network, volume, path, service, build context ...)
``shell``        shell syntax around the docker command, which docker never sees: operators
                 (``|``, ``&&``, ``;``), redirections and here-strings, other programs in a pipe
``command``      the program run inside the container and its own arguments, which docker
                 passes on without reading them (``psql -U postgres`` in
                 ``docker exec db psql -U postgres``)
``separator``    ``--``: the end of the options, everything after it is a positional argument
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

Role = Literal[
    "docker",
    "global-flag",
    "subcommand",
    "flag",
    "flag-value",
    "image",
    "container",
    "argument",
    "command",
    "separator",
    "shell",
]
ROLES: tuple[Role, ...] = get_args(Role)
RiskLevel = Literal["warn", "danger"]


@dataclass(frozen=True)
class Part:
    """One piece of the command line and what it means."""

    text: str
    role: Role
    meaning: str
    flag: str | None = None  # the long flag name ("--detach") for flag and flag-value parts
    takes_value: bool = False  # the flag expects a value
    value: str | None = None  # the value given to the flag (or the flag-value text itself)
    secret: bool = False  # a secret value in text/value was replaced by ***

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "text": self.text,
            "role": self.role,
            "flag": self.flag,
            "takes_value": self.takes_value,
            "value": self.value,
            "meaning": self.meaning,
        }
        if self.secret:
            out["secret"] = True
        return out


@dataclass(frozen=True)
class Risk:
    """Something in the command that can hurt, and a safer way to do the same."""

    flag: str  # what triggered it, as written ("--privileged", "-v /:/host", "system prune")
    level: RiskLevel
    message: str
    safer: str

    def to_dict(self) -> dict[str, object]:
        return {
            "flag": self.flag,
            "level": self.level,
            "message": self.message,
            "safer": self.safer,
        }


@dataclass(frozen=True)
class Explanation:
    """A docker command line explained part by part.

    Every text is already masked (:mod:`bot.explain.masking`): ``command`` is the line as it
    may be shown or shared, with secret values replaced by ``***``.
    """

    command: str
    parts: tuple[Part, ...]
    risks: tuple[Risk, ...] = field(default=())
    suggestions: tuple[str, ...] = field(default=())  # corrected command lines

    @property
    def masked_command(self) -> str:
        """The command line as it may be shown, shared or put in a button (secrets ``***``)."""
        return self.command

    @property
    def has_secrets(self) -> bool:
        """True when some value in the command was hidden."""
        return any(p.secret for p in self.parts)

    def to_dict(self) -> dict[str, object]:
        return {
            "command": self.command,
            "parts": [p.to_dict() for p in self.parts],
            "risks": [r.to_dict() for r in self.risks],
            "suggestions": list(self.suggestions),
        }
