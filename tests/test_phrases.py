"""bot/phrases.py: every phrase in both languages, with the same placeholders; errors take
their text from it and can be said again in the other language."""

from __future__ import annotations

import ast
import inspect
from collections import Counter
from pathlib import Path

import pytest

import bot.errors as errors_module
from bot import intent
from bot.errors import DockbotError, ExecDisabled, InputError, StateUnavailable
from bot.executor import Principal
from bot.phrases import PHRASES, has_phrase, phrase, placeholders
from bot.phrases.exec_errors import EXEC_ERRORS, GRANTS, NET_REASONS, REASONS
from bot.phrases.risks import RISKS
from bot.render.blocks import reply_message
from bot.render.reply_text import reply_text
from bot.services import Services


@pytest.mark.parametrize("key", sorted(PHRASES))
def test_every_key_has_both_languages_with_the_same_placeholders(key: str) -> None:
    by_lang = PHRASES[key]
    assert set(by_lang) == {"en", "ko"}, key
    assert placeholders(by_lang["en"]) == placeholders(by_lang["ko"]), key
    assert bool(by_lang["en"]) == bool(by_lang["ko"]), key  # an empty hint is empty in both


def test_most_phrases_are_translated() -> None:
    same = [k for k, v in PHRASES.items() if v["en"] and v["en"] == v["ko"]]
    assert len(same) <= 0.05 * len(PHRASES), same  # only notation ("annotation {key}={val!r}")


def test_placeholders_are_filled() -> None:
    assert phrase("slack.exec_title", "ko", op="`ps`", host="`h`") == "`h`에서 `ps` 결과"
    assert phrase("slack.share", "en") == "Share to channel"
    assert placeholders("{a} and {b}") == {"a", "b"} and placeholders("none") == frozenset()


def test_executor_and_risk_texts_are_registered_under_their_namespaces() -> None:
    """Each entry of the executor's and the risk rules' tables is a catalog key with its text
    (so the test above checks its languages and placeholders)."""
    for key, (m_en, h_en, m_ko, h_ko) in EXEC_ERRORS.items():
        assert PHRASES[f"exec.error.{key}"] == {"en": m_en, "ko": m_ko}
        assert (h_en is None) == (h_ko is None), key  # None in both: the allowed operations
        assert PHRASES.get(f"exec.error.{key}.hint") == (
            None if h_en is None else {"en": h_en, "ko": h_ko})
    for prefix, table in (("exec.reason", REASONS), ("exec.net", NET_REASONS),
                          ("exec.grant", GRANTS), ("explain.risk", RISKS)):
        for key, (en, ko) in table.items():
            assert PHRASES[f"{prefix}.{key}"] == {"en": en, "ko": ko}
    assert phrase("exec.error.mention.hint", "ko").startswith("명령만 쓰세요")
    assert phrase("explain.risk.system_dir.message", "en", src="/etc") == (
        "/etc is a system directory of the host; the container can change it.")


def _error_classes() -> list[type[DockbotError]]:
    return [c for _, c in inspect.getmembers(errors_module, inspect.isclass)
            if issubclass(c, DockbotError)]


@pytest.mark.parametrize("cls", _error_classes(), ids=lambda c: c.__name__)
def test_every_error_code_has_its_text_in_the_catalog(cls: type[DockbotError]) -> None:
    assert has_phrase(f"error.{cls.code}") and has_phrase(f"error.{cls.code}.hint")
    err = cls()
    assert err.user_text() == " ".join(
        t for t in (phrase(f"error.{cls.code}", "en"), phrase(f"error.{cls.code}.hint", "en")) if t)
    ko = err.text_in("ko")
    assert ko.startswith(phrase(f"error.{cls.code}", "ko")) and err.text_in("en") == err.user_text()


def test_a_specific_english_message_follows_the_korean_text() -> None:
    err = ExecDisabled("Not on this host.")
    assert err.text_in("ko") == (phrase("error.disabled", "ko") + " "
                                 + phrase("error.disabled.hint", "ko") + " (Not on this host.)")
    assert StateUnavailable().text_in("ko").startswith("지금은")


def test_keyed_errors_carry_key_and_params_and_change_language() -> None:
    err = InputError.keyed("input.no_command", "en")
    assert err.key == "input.no_command" and err.params == {}
    assert err.user_text().startswith("There is no command to explain.")
    assert err.text_in("ko") == InputError.keyed("input.no_command", "ko").user_text()
    assert "풀이할 명령어가 없어요" in err.text_in("ko")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_router_error_is_said_in_the_asker_language(
    base_services: Services, lang: str
) -> None:
    result = intent.route(base_services, "explain", Principal.cli(), lang)  # type: ignore[arg-type]
    assert isinstance(result, intent.Failed)
    want = phrase("input.no_command", lang)  # type: ignore[arg-type]
    assert want in reply_text(result, base_services.kb)
    assert want in reply_message(result, base_services.kb)["text"]


# -- no inline bilingual text outside bot/phrases/ ----------------------------------------
# What may still choose a language or hold both languages outside the catalog, and why;
# (file, kind) -> how many. ``tr``: a ``tr(lang, en, ko)`` call; ``lang``: an ``== "ko"`` /
# ``== "en"`` comparison; ``table``: a dict literal with "en" and "ko" texts.
INLINE_ALLOWED: dict[tuple[str, str], int] = {
    ("bot/errors.py", "lang"): 1,              # whether an English-only error gets Korean text
    ("bot/lang.py", "lang"): 2,                # reads a --lang value
    ("bot/render/buttons.py", "lang"): 3,      # reads the language a button value carries
    ("bot/kb/notes_import.py", "lang"): 2,     # which language a draft leaves TODO
    ("bot/learn/load.py", "lang"): 1,          # checks that a lesson's Korean text is Korean
    ("bot/ask/reference.py", "table"): 2,      # the matcher (bot/ask) keeps its own words
    ("bot/executor/operations.py", "table"): 15,  # each operation's title: the operations table
}


def _scan(source: str) -> Counter[str]:
    """How many inline bilingual bits of each kind ``source`` holds."""
    found: Counter[str] = Counter()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            if (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) == "tr":
                found["tr"] += 1
        elif isinstance(node, ast.Compare) and any(
            isinstance(op, (ast.Eq, ast.NotEq)) for op in node.ops
        ):
            sides = [node.left, *node.comparators]
            if any(isinstance(s, ast.Constant) and s.value in ("ko", "en") for s in sides):
                found["lang"] += 1
        elif isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            texts = [v for v in node.values
                     if isinstance(v, (ast.JoinedStr, ast.Tuple))
                     or (isinstance(v, ast.Constant) and isinstance(v.value, str) and v.value)]
            if {"en", "ko"} <= keys and texts:
                found["table"] += 1
    return found


def _inline_bilingual() -> dict[tuple[str, str], int]:
    root = Path(__file__).resolve().parent.parent
    found: dict[tuple[str, str], int] = {}
    for path in sorted((root / "bot").rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if not rel.startswith("bot/phrases/"):
            for kind, n in _scan(path.read_text(encoding="utf-8")).items():
                found[rel, kind] = n
    return found


def test_no_new_inline_bilingual_text_outside_the_catalog() -> None:
    found = _inline_bilingual()
    new = {k: n for k, n in found.items() if n > INLINE_ALLOWED.get(k, 0)}
    assert not new, f"bilingual text belongs in bot/phrases/ (phrase keys): {new}"
    moved = {k: n for k, n in INLINE_ALLOWED.items() if found.get(k, 0) < n}
    assert not moved, f"fewer than allowed now; lower INLINE_ALLOWED to: {found}"


def test_the_inline_check_finds_each_kind() -> None:
    source = (
        'a = tr(lang, "on", "켜기")\n'
        'b = "없음" if lang == "ko" else "none"\n'
        'c = {"en": "none", "ko": "없음"}\n'
        'd = {"ko": "", "en": ""}\n'       # empty fields of a form: no text
        'e = phrase("exec.no_options", lang)\n'
    )
    assert _scan(source) == Counter({"tr": 1, "lang": 1, "table": 1})
