"""Secret values never leave ``explain``: every text it returns is masked here.

An explanation can be shared to a whole channel, so the values of secret-looking
things are replaced by ``***`` in the command, every part's text, value and
meaning, the risks and the suggested corrections. A part whose value was hidden
is marked ``secret=True`` (``"secret": true`` in JSON). What counts as secret:

* the value of an option whose name holds a secret (``docker login -p X``,
  ``--password=X``, ``swarm join --token X``), except options whose value only
  names or points at one (``--secret id=x,src=f``, ``--password-stdin``);
* ``KEY=VALUE`` under a secret-looking name, wherever it is written (``-e``,
  ``--build-arg``, ``--label``, an env prefix before ``docker``);
* anything :func:`bot.secrets.mask_secrets` finds (URL passwords, tokens, keys,
  ``mysql -pX`` in a container's command ...).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.explain.model import Explanation, Part, Risk
from bot.secrets import MASK, is_secret_assignment, mask_secrets, secret_key

# options whose value names a secret (or a file holding it) rather than holding it
_REFERENCE_FLAGS = frozenset((
    "--secret", "--secret-add", "--secret-rm", "--password-stdin", "--password-file",
))
_QUOTES = "\"'"


def secret_flag(flag: str | None) -> bool:
    """True when the value given to this option is itself a secret."""
    if not flag or flag in _REFERENCE_FLAGS:
        return False
    name = flag.lstrip("-")
    if name.endswith(("-file", "-stdin", "-path")):
        return False
    return secret_key(name)


def _unquote(text: str) -> tuple[str, str]:
    """``(quote, inner)`` of a word written in matching quotes; quote is '' otherwise."""
    if len(text) >= 2 and text[0] in _QUOTES and text[-1] == text[0]:
        return text[0], text[1:-1]
    return "", text


def mask_value(value: str, secret: bool) -> tuple[str, list[str]]:
    """A flag value or ``KEY=VALUE`` word with its secret hidden; (masked, hidden strings)."""
    quote, inner = _unquote(value)
    if secret and inner:
        return f"{quote}{MASK}{quote}", [inner]
    key, eq, val = inner.partition("=")
    if eq and is_secret_assignment(key, val) and val != MASK:
        hidden = [val, val.strip(_QUOTES)] if val.strip(_QUOTES) else [val]
        return f"{quote}{key}={MASK}{quote}", hidden
    masked, n = mask_secrets(inner)
    return (f"{quote}{masked}{quote}" if n else value), []


def _replace_all(text: str, hidden: list[tuple[str, str]]) -> str:
    for before, after in hidden:
        if before and before != after:
            text = text.replace(before, after)
    return text


def _bounded(secret: str) -> re.Pattern[str]:
    return re.compile(r"(?<![A-Za-z0-9])" + re.escape(secret) + r"(?![A-Za-z0-9])")


def mask_line(command: str, secrets: set[str] | frozenset[str] = frozenset()) -> str:
    """``command`` with the given secret strings and anything secret-looking masked."""
    out = command
    for secret in sorted(secrets, key=len, reverse=True):
        if not secret or secret == MASK:
            continue
        out = _bounded(secret).sub(MASK, out)
        # a value glued to a short option: -pSECRET
        out = re.sub(r"(?<!\S)(-[A-Za-z])" + re.escape(secret) + r"(?!\S)", r"\1" + MASK, out)
    return mask_secrets(out)[0]


def _in_program(program: str, part: Part) -> tuple[Part, list[str]]:
    """An argument of the container's own command, masked with the program name in view
    (``mysql -pSECRET``)."""
    probe = f"{program} {part.text}"
    masked, n = mask_secrets(probe)
    if not n or not masked.startswith(program + " "):
        return part, []
    text = masked[len(program) + 1:]
    hidden = [part.text[2:]] if part.text.startswith("-p") and text.startswith("-p") else []
    meaning = _replace_all(part.meaning, [(part.text, text)])
    return replace(part, text=text, meaning=meaning, secret=True), hidden


def _mask_part(part: Part) -> tuple[Part, list[str]]:
    flag_secret = part.role in ("flag", "flag-value", "global-flag") and secret_flag(part.flag)
    value_hidden: list[str] = []
    value = part.value
    if value is not None:
        value, value_hidden = mask_value(value, flag_secret)
    text = part.text
    text_hidden: list[str] = []
    if part.role == "flag-value":
        text, text_hidden = mask_value(text, flag_secret)
    elif part.role in ("flag", "global-flag"):
        name, eq, val = text.partition("=")
        if eq:
            masked, text_hidden = mask_value(val, flag_secret)
            text = f"{name}={masked}"
    elif part.role not in ("subcommand", "separator"):
        text, text_hidden = mask_value(text, False)
    hidden = value_hidden + text_hidden
    if not hidden and text == part.text and value == part.value:
        return part, []
    pairs = [(part.text, text)] + ([(part.value, value)] if part.value and value else [])
    pairs += [(h, MASK) for h in hidden if len(h) >= 4]
    meaning = part.meaning
    if part.role not in ("flag", "global-flag", "subcommand"):
        meaning = mask_secrets(_replace_all(meaning, pairs))[0]
    return replace(part, text=text, value=value, meaning=meaning, secret=True), hidden


def mask_explanation(expl: Explanation) -> Explanation:
    """The explanation with every secret value replaced by ``***``."""
    parts: list[Part] = []
    secrets: set[str] = set()
    program = ""
    for k, part in enumerate(expl.parts):
        masked, hidden = _mask_part(part)
        if part.role == "command":
            if k == 0 or expl.parts[k - 1].role != "command":
                program = part.text
            elif not masked.secret:
                masked, hidden = _in_program(program, part)
        parts.append(masked)
        secrets.update(h for h in hidden if h)
    command = mask_line(expl.command, secrets)
    pairs = [(s, MASK) for s in sorted(secrets, key=len, reverse=True) if len(s) >= 4]
    risks = tuple(
        Risk(flag=mask_line(r.flag, secrets), level=r.level,
             message=_replace_all(r.message, pairs), safer=_replace_all(r.safer, pairs))
        for r in expl.risks
    )
    suggestions = tuple(mask_line(s, secrets) for s in expl.suggestions)
    return Explanation(command=command, parts=tuple(parts), risks=risks,
                       suggestions=suggestions)
