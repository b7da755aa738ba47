"""Every fixed phrase dockbot shows, in Korean and English, by key: the phrase catalog.

:func:`phrase` looks one up (``phrase("slack.share", "ko")``) and fills its ``{placeholders}``;
every key has both languages with the same placeholders (tested). Keys are namespaced by
where the phrase is shown:

* ``slack.*`` -- the Slack app (mrkdwn: ``&``, ``<`` and ``>`` are written escaped, as in
  ``&lt;question&gt;``); ``slack.role.*`` names the parts of an explained command;
* ``term.*`` -- answers in a terminal, ``term.explain.*`` and ``term.role.*`` explanations
  there; ``chat.*`` -- the ``dockbot chat`` and ``dockbot ask`` prompts and help;
  ``cli.*`` -- the ``dockbot`` command's own words (``slash`` help, ``kb import``);
  ``kb.check.*`` -- the knowledge problems ``dockbot kb check`` reports, ``kb.gaps.*`` the
  ``dockbot kb gaps`` report, ``kb.import.*`` what ``dockbot kb import`` says;
* ``explain.<module>.*`` -- what the explainer (:mod:`bot.explain`) says about flags, values
  and arguments; ``explain.table.<table>.<item>`` its lookup tables (:func:`table_phrase`);
  ``explain.risk.<rule>.message`` and ``.safer`` -- each risky-flag warning and its safer
  way, with the words the rules fill them with (:mod:`bot.phrases.risks`);
* ``error.<code>`` and ``error.<code>.hint`` -- each error's default message and hint
  (:mod:`bot.errors`); ``input.*`` -- keyed input errors;
* ``exec.*`` -- the executor's words; ``exec.error.<key>`` and ``exec.error.<key>.hint``
  each executor error (:mod:`bot.executor.messages`), filled with ``exec.reason.*`` (why a
  read-only command is not run), ``exec.net.*`` (why a host could not be reached),
  ``exec.grant.*`` (how an operation is granted) and ``exec.default_setting``
  (:mod:`bot.phrases.exec_errors`); a refusal with no ``.hint`` of its own is told the
  allowed operations (``exec.allowed``).
"""

from __future__ import annotations

from string import Formatter
from typing import NamedTuple

from bot.lang import Lang
from bot.phrases.cli import CLI
from bot.phrases.errors import ERRORS, INPUT
from bot.phrases.exec_errors import DEFAULT_SETTING, EXEC_ERRORS, GRANTS, NET_REASONS, REASONS
from bot.phrases.executor import EXECUTOR
from bot.phrases.explain_lines import EXPLAIN_LINES
from bot.phrases.explain_tables import TABLES
from bot.phrases.explain_values import EXPLAIN_VALUES
from bot.phrases.explain_words import EXPLAIN_WORDS
from bot.phrases.kb import CHECK, GAPS, IMPORT
from bot.phrases.risks import RISKS
from bot.phrases.slack import SLACK, SLACK_ROLES
from bot.phrases.terminal import CHAT, EXPLAIN, EXPLAIN_ROLES, TERMINAL

Phrases = dict[str, dict[Lang, str]]

def _namespaced(prefix: str, phrases: Phrases) -> Phrases:
    return {f"{prefix}.{key}": by_lang for key, by_lang in phrases.items()}


def _pairs(prefix: str, pairs: dict[str, tuple[str, str]]) -> Phrases:
    return {f"{prefix}.{key}": {"en": en, "ko": ko} for key, (en, ko) in pairs.items()}


PHRASES: Phrases = {
    **_namespaced("slack", SLACK),
    **_namespaced("slack.role", SLACK_ROLES),
    **_namespaced("term", TERMINAL),
    **_namespaced("term.explain", EXPLAIN),
    **_namespaced("term.role", EXPLAIN_ROLES),
    **_namespaced("explain", EXPLAIN_VALUES),
    **_namespaced("explain", EXPLAIN_WORDS),
    **_namespaced("explain", EXPLAIN_LINES),
    **_namespaced("chat", CHAT),
    **_namespaced("cli", CLI),
    **_namespaced("kb.check", CHECK),
    **_namespaced("kb.gaps", GAPS),
    **_namespaced("kb.import", IMPORT),
    **_namespaced("exec", EXECUTOR),
    **_namespaced("input", INPUT),
    **{f"explain.table.{name}.{item}": {"en": en, "ko": ko}
       for name, table in TABLES.items() for item, (en, ko) in table.items()},
    **{f"error.{code}": {"en": m_en, "ko": m_ko} for code, (m_en, _, m_ko, _) in ERRORS.items()},
    **{f"error.{code}.hint": {"en": h_en, "ko": h_ko}
       for code, (_, h_en, _, h_ko) in ERRORS.items()},
    **{f"exec.error.{key}": {"en": m_en, "ko": m_ko}
       for key, (m_en, _, m_ko, _) in EXEC_ERRORS.items()},
    **{f"exec.error.{key}.hint": {"en": h_en, "ko": h_ko}
       for key, (_, h_en, _, h_ko) in EXEC_ERRORS.items() if h_en is not None and h_ko is not None},
    **_pairs("explain.risk", RISKS),
    **_pairs("exec.reason", REASONS),
    **_pairs("exec.net", NET_REASONS),
    **_pairs("exec.grant", GRANTS),
    "exec.default_setting": {"en": DEFAULT_SETTING[0], "ko": DEFAULT_SETTING[1]},
}


class Pair(NamedTuple):
    """A parameter that is itself said in both languages (a word from a bilingual table):
    :func:`phrase` fills it in the phrase's language."""

    en: str
    ko: str


def has_phrase(key: str) -> bool:
    return key in PHRASES


def phrase(key: str, lang: Lang, /, **params: object) -> str:
    """The phrase ``key`` in ``lang``, its ``{placeholders}`` filled from ``params`` (a
    phrase without placeholders is returned as written)."""
    text = PHRASES[key][lang]
    if not params:
        return text
    filled = {name: getattr(v, lang) if isinstance(v, Pair) else v for name, v in params.items()}
    return text.format(**filled)


def table_pair(table: str, item: str) -> Pair | None:
    """Both languages of ``item`` in the bilingual lookup table ``table``
    (:data:`bot.phrases.explain_tables.TABLES`), None when the table does not have it."""
    pair = TABLES[table].get(item)
    return Pair(*pair) if pair else None


def table_phrase(table: str, item: str, lang: Lang, /, **params: object) -> str | None:
    """``item`` of the lookup table ``table`` in ``lang``, its ``{placeholders}`` filled;
    None when the table does not have it."""
    pair = table_pair(table, item)
    if pair is None:
        return None
    text: str = getattr(pair, lang)
    return text.format(**params) if params else text


def placeholders(text: str) -> frozenset[str]:
    """The ``{names}`` a phrase takes."""
    return frozenset(name for _, name, _, _ in Formatter().parse(text) if name is not None)
