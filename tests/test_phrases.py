"""bot/phrases.py: every phrase in both languages, with the same placeholders; errors take
their text from it and can be said again in the other language."""

from __future__ import annotations

import inspect

import pytest

import bot.errors as errors_module
from bot import intent
from bot.errors import DockbotError, ExecDisabled, InputError, StateUnavailable
from bot.executor import Principal
from bot.phrases import PHRASES, has_phrase, phrase, placeholders
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
