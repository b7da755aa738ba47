"""Flags the docker CLI accepts without listing them in --help are explained, not called errors."""

from __future__ import annotations

import pytest

from bot.explain import explain
from bot.explain.cli_spec import _KEY, HIDDEN_ALIASES, HIDDEN_FLAGS, default_spec
from bot.lang import Lang


@pytest.mark.parametrize(
    ("command", "flag", "lang", "expected"),
    [
        ("docker volume create --name data", "--name", "en",
         ["Specify volume name", "not listed in --help, but docker accepts it"]),
        ("docker volume create --name=data", "--name", "ko",
         ["볼륨 이름 지정", "--help에는 나오지 않지만"]),
        ("docker compose --no-ansi up", "--no-ansi", "en", ["Do not print ANSI", "deprecated"]),
        ("docker compose --verbose ps", "--verbose", "en", ["Show more output"]),
        ("docker compose build --parallel", "--parallel", "en", ["Build images in parallel"]),
        ("docker compose build --no-rm web", "--no-rm", "en", ["no effect"]),
        ("docker run --net host nginx", "--network", "en", ["--net is the old name of --network"]),
        ("docker create --net-alias web nginx", "--network-alias", "en",
         ["--net-alias is the old name of --network-alias"]),
    ],
)  # fmt: skip
def test_hidden_flags_are_accepted(
    command: str, flag: str, lang: Lang, expected: list[str]
) -> None:
    expl = explain(command, lang)
    flags = [p for p in expl.parts if p.role in ("flag", "global-flag") and p.flag == flag]
    assert flags, [(p.text, p.role, p.flag) for p in expl.parts]
    for text in expected:
        assert text in flags[0].meaning
    assert not any("unknown flag" in p.meaning or "알 수 없는" in p.meaning for p in expl.parts)
    assert expl.suggestions == ()


def test_a_hidden_flag_takes_its_value() -> None:
    expl = explain("docker volume create --name data", "en")
    value = [p for p in expl.parts if p.role == "flag-value"]
    assert [(p.text, p.flag) for p in value] == [("data", "--name")]
    assert value[0].meaning.startswith("volume name data")


@pytest.mark.parametrize(
    "command", ["docker volume ls --name x", "docker compose up --parallel", "docker ps --net x"]
)
def test_hidden_flags_stay_on_their_own_command(command: str) -> None:
    expl = explain(command, "en")
    assert any(p.role == "flag" and "unknown flag" in p.meaning for p in expl.parts)


def test_hidden_tables_name_real_commands_and_unlisted_flags() -> None:
    spec = default_spec()
    for path, flags in HIDDEN_FLAGS.items():
        cmd = spec.get(path)
        assert cmd is not None, path
        for key, (en, ko) in flags.items():
            m = _KEY.match(key)
            assert m is not None, key
            assert cmd.flag_by_long(m["long"]) is None, f"{path} {key} is listed in the data"
            assert en and ko
    for path, aliases in HIDDEN_ALIASES.items():
        cmd = spec.get(path)
        assert cmd is not None, path
        for name, target in aliases.items():
            assert cmd.flag_by_long(name) is None and cmd.flag_by_long(target) is not None
