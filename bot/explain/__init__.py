"""Explain a docker command line part by part, catch typos and warn about risky flags.

    explain("docker run -dp 80:80 nginx", "en") -> Explanation   (secret values masked)
    mask_command("docker login -p X")          -> "docker login -p ***"
    looks_like_command("$ docker ps -a")        -> True

Each part of the result has a role (see ``bot.explain.model`` for the list): ``docker``,
``global-flag``, ``subcommand``, ``flag``, ``flag-value``, ``image``, ``container``, ``argument``,
``command`` (the container's own command and its arguments) and ``separator`` (``--``).
Bad input raises ``InputError`` (empty, too long, binary) or ``ExplainError`` (not a docker
command, unbalanced quotes); nothing else escapes.
"""

from __future__ import annotations

import re

from bot.errors import DockbotError, ExplainError
from bot.explain.cli_spec import CliSpec, default_spec
from bot.explain.describe import describe, op_part, redirect_part
from bot.explain.masking import mask_explanation, mask_line
from bot.explain.model import Explanation, Part, Risk
from bot.explain.parser import ParsedCommand, parse_docker
from bot.explain.risks import find_risks
from bot.explain.shell import MAX_CHARS, Tok, clean_input, split_commands, tokenize
from bot.explain.typos import closest
from bot.lang import Lang, has_hangul
from bot.phrases import phrase

__all__ = ["Explanation", "Part", "Risk", "explain", "looks_like_command", "mask_command"]

_ENV_ASSIGN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
_QUESTION_WORDS = frozenset(
    {
        "what", "how", "why", "when", "where", "which", "who", "is", "are", "was", "the",
        "a", "an", "does", "do", "did", "can", "could", "should", "would", "difference",
        "vs", "versus", "mean", "means", "meaning", "explain", "tell", "me",
    }
)  # fmt: skip


def _docker_start(words: list[Tok]) -> tuple[int, list[Part], bool] | None:
    """Index of the ``docker`` word (after env assignments and sudo), the prefix parts, and
    whether it is the old ``docker-compose`` program. None when the words do not run docker."""
    prefix: list[Part] = []
    i = 0
    while i < len(words):
        w = words[i].value
        if _ENV_ASSIGN.match(w):
            prefix.append(Part(words[i].raw, "docker", "env"))
        elif w == "sudo":
            prefix.append(Part(words[i].raw, "docker", "sudo"))
        elif w.startswith("-") and prefix and prefix[-1].meaning in ("sudo", "sudo-flag"):
            prefix.append(Part(words[i].raw, "docker", "sudo-flag"))
        else:
            break
        i += 1
    if i >= len(words):
        return None
    name = words[i].value.rsplit("/", 1)[-1]
    if name in ("docker", "docker.exe"):
        return i, prefix, False
    if name == "docker-compose":
        return i, prefix, True
    return None


def _prefix_meaning(kind: str, text: str, lang: Lang) -> str:
    if kind == "env":
        return phrase("explain.init.environment_variable_for_this_command", lang, text=text)
    if kind == "sudo":
        return phrase("explain.init.run_the_command_as_root", lang)
    return phrase("explain.init.option_of_sudo", lang)


def _suggestion(parsed: ParsedCommand, words: list[Tok], start: int) -> str | None:
    """The command with typos fixed and misplaced flags moved before the image, or None."""
    if not parsed.fixes and not parsed.moved_flags and not parsed.compose_v1:
        return None
    out = [parsed.fixes.get(k, w.raw) for k, w in enumerate(words)]
    if parsed.compose_v1:
        out[start] = "docker compose"
    if parsed.moved_flags and parsed.first_positional is not None:
        moved = [out[k] for k in parsed.moved_flags]
        rest = [w for k, w in enumerate(out) if k not in parsed.moved_flags]
        at = parsed.first_positional
        out = rest[:at] + moved + rest[at:]
    return " ".join(out)


def _explain_segment(
    spec: CliSpec,
    toks: list[Tok],
    first: bool,
    lang: Lang,
) -> tuple[list[Part], list[Risk], str]:
    words = [t for t in toks if t.kind == "word"]
    redirects = [redirect_part(t.raw, t.value, lang) for t in toks if t.kind == "redir"]
    found = _docker_start(words)
    if found is None:
        if first:
            raise _not_docker(words[0].value if words else "", lang)
        text = " ".join(w.raw for w in words)
        program = words[0].value if words else ""
        part = Part(
            text,
            "shell",
            phrase("explain.init.another_program_not_part_of", lang, program=program),
        )
        return ([part] if words else []) + redirects, [], ""
    start, prefix, compose_v1 = found
    parts = [Part(p.text, "docker", _prefix_meaning(p.meaning, p.text, lang)) for p in prefix]
    if compose_v1:
        node = spec.root.children["compose"]
        parts.append(
            Part(
                words[start].raw,
                "docker",
                phrase("explain.init.docker_compose_v1_the_old", lang),
            )
        )
    else:
        node = spec.root
        parts.append(
            Part(
                words[start].raw,
                "docker",
                phrase("explain.init.the_docker_command_line_client", lang),
            )
        )
    parsed = parse_docker(spec, words, start + 1, node)
    parsed.compose_v1 = compose_v1
    parts.extend(describe(parsed, lang))
    parts.extend(redirects)
    fixed = " ".join(
        [_suggestion(parsed, words, start) or " ".join(w.raw for w in words)]
        + [t.raw for t in toks if t.kind == "redir"]
    )
    return (
        parts,
        find_risks(parsed, lang),
        fixed if (parsed.fixes or parsed.moved_flags or compose_v1) else "",
    )


def _not_docker(first_word: str, lang: Lang) -> ExplainError:
    return ExplainError.keyed("input.not_docker", lang, word=mask_line(first_word)[:40])


def explain(command: str, lang: Lang) -> Explanation:
    """Explain ``command`` in ``lang``. Raises InputError / ExplainError for unusable input."""
    text = clean_input(command, lang)
    segments = split_commands(tokenize(text, lang))
    if not segments:
        raise _not_docker(text.split()[0] if text.split() else "", lang)
    spec = default_spec()
    parts: list[Part] = []
    risks: list[Risk] = []
    fixed_line: list[str] = []
    any_fix = False
    try:
        for n, (op, toks) in enumerate(segments):
            if op is not None and n > 0:
                parts.append(op_part(op, lang))
                fixed_line.append(op)
            seg_parts, seg_risks, fixed = _explain_segment(spec, toks, n == 0, lang)
            parts.extend(seg_parts)
            risks.extend(r for r in seg_risks if r not in risks)
            any_fix = any_fix or bool(fixed)
            fixed_line.append(fixed or " ".join(t.raw for t in toks))
    except DockbotError:
        raise
    except (ValueError, KeyError, IndexError, RecursionError) as exc:  # never a traceback
        raise ExplainError(
            phrase("explain.init.this_command_line_could_not", lang),
            hint=phrase("explain.init.check_it_for_typos_and", lang),
        ) from exc
    suggestions = (" ".join(fixed_line),) if any_fix else ()
    return mask_explanation(
        Explanation(command=text, parts=tuple(parts), risks=tuple(risks), suggestions=suggestions)
    )


def mask_command(text: str) -> str:
    """``text`` as it may be shown, shared or put in a button value: what :func:`explain`
    would return as ``command`` (secret values ``***``), or, for text that is not a docker
    command line, the text with everything secret-looking masked."""
    try:
        return explain(text, "en").command
    except DockbotError:
        return mask_line(text if isinstance(text, str) else "")


def looks_like_command(text: str) -> bool:
    """True when a pasted question is itself a docker command line ("$ docker ps -a")."""
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_CHARS:
        return False
    try:
        cleaned = clean_input(text, "en")
        words = [t for t in tokenize(cleaned, "en") if t.kind == "word"]
    except DockbotError:
        return False
    found = _docker_start(words)
    if found is None or cleaned.rstrip().endswith("?"):
        return False
    start, _prefix, compose_v1 = found
    rest = words[start + 1 :]
    if not rest:
        return False
    if any(has_hangul(w.raw) and not w.quoted for w in rest):
        return False
    spec = default_spec()
    node = spec.root.children["compose"] if compose_v1 else spec.root
    first = rest[0].value
    if first.startswith("-") or first in node.children:
        return True
    if any(w.value.lower() in _QUESTION_WORDS for w in rest):
        return False
    return closest(first, node.children, cutoff=0.66) is not None
