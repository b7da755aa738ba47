"""One error tree: every user-visible error says what went wrong and what to do."""

from __future__ import annotations

import inspect

import pytest

import bot.errors as errors
from bot.errors import DockbotError

ALL = [
    cls
    for _, cls in inspect.getmembers(errors, inspect.isclass)
    if issubclass(cls, DockbotError)
]


@pytest.mark.parametrize("cls", ALL, ids=[c.__name__ for c in ALL])
def test_every_error_has_a_code_message_hint_and_docstring(cls: type[DockbotError]) -> None:
    err = cls()
    assert cls.__doc__ and cls.__doc__.strip()
    assert err.code and err.code.replace("_", "").isalpha()
    assert err.message.endswith(".")
    assert err.exit_code in (1, 2, 3)
    if cls is not DockbotError and cls is not errors.ExecError:
        assert err.hint, f"{cls.__name__} says what went wrong but not what to do"
    d = err.to_dict()
    assert d == {"ok": False, "error": err.code, "message": err.user_text()}


def test_codes_are_distinct_and_the_tree_is_documented() -> None:
    codes = [c.code for c in ALL]
    assert len(codes) == len(set(codes))
    assert errors.__doc__ is not None
    for cls in ALL:
        assert cls.__name__ in errors.__doc__


def test_exec_exit_codes_follow_the_cli_contract() -> None:
    assert errors.ExecDisabled().exit_code == 2
    assert errors.ExecRefused().exit_code == 2
    assert errors.HostUnreachable().exit_code == 3
    assert errors.ExecTimeout().exit_code == 3


def test_custom_message_and_hint() -> None:
    err = errors.InputError("Too long.", hint="Shorten it.")
    assert err.user_text() == "Too long. Shorten it."
    assert str(err) == "Too long."
