"""The executor grammar: allowed spellings parse; everything else is refused clearly."""

from __future__ import annotations

import re

import pytest

from bot.errors import ExecRefused
from bot.executor.grammar import NAME_RE, Operation, parse
from bot.phrases import PHRASES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("version", Operation("version")),
        ("docker version", Operation("version")),
        ("info", Operation("info")),
        ("system info", Operation("info")),
        ("docker system info", Operation("info")),
        ("ps", Operation("ps")),
        ("ps -a", Operation("ps", all=True)),
        ("ps --all", Operation("ps", all=True)),
        ("docker ps -a", Operation("ps", all=True)),
        ("container ls", Operation("ps")),
        ("container list -a", Operation("ps", all=True)),
        ("docker container ls -a", Operation("ps", all=True)),
        ("container ps", Operation("ps")),
        ("images", Operation("images")),
        ("docker images", Operation("images")),
        ("image ls", Operation("images")),
        ("image list", Operation("images")),
        ("stats", Operation("stats")),
        ("stats --no-stream", Operation("stats")),
        ("stats web", Operation("stats", target="web")),
        ("docker container stats --no-stream web", Operation("stats", target="web")),
        ("inspect web", Operation("inspect", target="web")),
        ("container inspect web-1.blue_x", Operation("inspect", target="web-1.blue_x")),
        ("inspect 3f2a9c1b7d4e", Operation("inspect", target="3f2a9c1b7d4e")),
        ("logs web", Operation("logs", target="web")),
        ("logs web --tail 20", Operation("logs", target="web", tail=20)),
        ("logs --tail 20 web", Operation("logs", target="web", tail=20)),
        ("logs web --tail=200", Operation("logs", target="web", tail=200)),
        ("logs web -n 1", Operation("logs", target="web", tail=1)),
        ("container logs web -n=5", Operation("logs", target="web", tail=5)),
        ("df", Operation("df")),
        ("system df", Operation("df")),
        ("volume ls", Operation("volumes")),
        ("volume list", Operation("volumes")),
        ("network ls", Operation("networks")),
        ("docker network list", Operation("networks")),
        ("ps @prod", Operation("ps", host="prod")),
        ("@prod ps -a", Operation("ps", all=True, host="prod")),
        ("logs web @Staging-2 --tail 3", Operation("logs", target="web", tail=3, host="staging-2")),
        ("  ps  -a \n", Operation("ps", all=True)),
        ("Docker PS", Operation("ps")),
    ],
)
def test_allowed_spellings_parse(text: str, expected: Operation) -> None:
    assert parse(text) == expected


def test_describe_is_canonical_and_reparses() -> None:
    op = parse("docker container logs web --tail=7 @prod")
    assert op.describe() == "logs web --tail 7 @prod"
    assert parse(op.describe()) == op
    assert parse("image list").describe() == "image ls"


def _refusal(text: str) -> ExecRefused:
    with pytest.raises(ExecRefused) as info:
        parse(text)
    return info.value


def _is_message(err: ExecRefused, key: str) -> bool:
    """True when the message was made from the template ``key`` (either language)."""
    for lang in ("en", "ko"):
        parts = re.split(r"\{[a-z_]+\}", PHRASES[f"exec.error.{key}"][lang])
        if re.fullmatch(".+".join(re.escape(p) for p in parts), err.message, re.S):
            return True
    return False


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("docker", "empty"),
        ("x" * 301, "too_long"),
        ("ps; rm -rf /", "bad_char"),
        ("ps && docker rm web", "bad_char"),
        ("ps | sh", "bad_char"),
        ("ps `id`", "bad_char"),
        ("ps $(id)", "bad_char"),
        ("inspect 'web'", "bad_char"),
        ('inspect "web"', "bad_char"),
        ("inspect web/../../x", "bad_char"),
        ("inspect ../etc", "bad_char"),
        ("ps > /tmp/x", "bad_char"),
        ("ps #", "bad_char"),
        ("ps\tx", "control_char"),
        ("ps\x00", "control_char"),
        ("p\x1b[31ms", "control_char"),
        ("ps\u200b", "control_char"),
        ("ps\u202e", "control_char"),
        ("\ufeffps", "control_char"),
        ("ps\u2028", "control_char"),
        ("ps\u3164", "control_char"),
        ("ｐｓ", "lookalike"),
        ("p\u0455", "lookalike"),
        ("\u0440s", "lookalike"),
        ("ps \u2013a", "lookalike"),
        ("ps\u00a0-a", "lookalike"),
        ("ps\u3000-a", "lookalike"),
        ("inspect w\u0435b", "lookalike"),
        ("ps ﬁ", "lookalike"),
        ("ps 보여줘", "non_ascii"),
        ("inspect wéb", "non_ascii"),
        ("run busybox", "mutating"),
        ("docker rm -f web", "mutating"),
        ("exec web sh", "mutating"),
        ("kill web", "mutating"),
        ("container rm web", "mutating"),
        ("container prune", "mutating"),
        ("image prune -a", "mutating"),
        ("volume create x", "mutating"),
        ("network connect a b", "mutating"),
        ("system prune", "mutating"),
        ("events", "need_since"),
        ("history web", "not_offered"),
        ("image history web", "not_offered"),
        ("secret ls", "mutating"),
        ("frobnicate", "unknown_op"),
        ("image inspect busybox", "not_offered"),
        ("container", "unknown_op"),
        ("-a ps", "unknown_op"),
        ("ps --format x", "flag_scope"),
        ("ps -H x", "flag_scope"),
        ("ps --host=tcp.x:1", "bad_char"),
        ("--context prod ps", "flag_scope"),
        ("ps --filter name=x", "flag_scope"),
        ("ps -f status=exited", "flag_scope"),
        ("logs web --tls", "flag_scope"),
        ("ps -qs", "bad_flag"),
        ("ps -s", "bad_flag"),
        ("ps --no-trunc", "bad_flag"),
        ("images -a", "bad_flag"),
        ("stats -a", "bad_flag"),
        ("logs web --follow", "bad_flag"),
        ("logs web --since 1h", "bad_flag"),
        ("logs web --tail 10 --tail 0", "bad_tail"),
        ("logs web --", "bad_flag"),
        ("ps -A", "bad_flag"),
        ("inspect", "need_name"),
        ("logs", "need_name"),
        ("logs --tail 5", "need_name"),
        ("inspect a b", "extra_args"),
        ("stats a b", "extra_args"),
        ("ps web", "extra_args"),
        ("version x", "extra_args"),
        ("inspect .hidden", "bad_name"),
        ("inspect -web", "bad_flag"),
        ("inspect _x", "bad_name"),
        ("inspect " + "a" * 129, "bad_name"),
        ("inspect web=1", "bad_name"),
        ("inspect web@prod", "bad_name"),
        ("logs web --tail 0", "bad_tail"),
        ("logs web --tail 201", "bad_tail"),
        ("logs web --tail all", "bad_tail"),
        ("logs web --tail -5", "bad_tail"),
        ("logs web --tail", "bad_tail"),
        ("logs web --tail=", "bad_tail"),
        ("logs web --tail 99999999999", "bad_tail"),
        ("ps @", "bad_alias"),
        ("ps @-x", "bad_alias"),
        ("ps @a.b", "bad_alias"),
        ("ps @prod @dev", "two_hosts"),
    ],
)
def test_refusals_have_specific_messages(text: str, key: str) -> None:
    err = _refusal(text)
    assert _is_message(err, key), err.message
    assert err.code == "refused" and err.exit_code == 2
    assert err.hint


def test_refusal_names_the_character_without_printing_invisible_ones() -> None:
    err = _refusal("ps\u200b")
    assert "a zero-width space, U+200B" in err.message
    assert "\u200b" not in err.user_text()
    err = _refusal("p\u0455")
    assert "the Cyrillic letter 'ѕ'" in err.message
    assert "';'" in _refusal("ps;").message


@pytest.mark.parametrize(
    ("text", "en", "ko"),
    [
        ("ps 컨테이너", "Korean text '컨테이너'", "한글 '컨테이너'"),
        ("logs 웹서버 --tail 5", "Korean text '웹서버'", "한글 '웹서버'"),
        ("ps \uff41", "the full-width character 'ａ'", "전각 문자 'ａ'"),
        ("ps caf\u00e9", "the accented letter 'é'", "악센트가 붙은 문자 'é'"),
        ("ps \u2713", "the symbol or emoji '✓'", "기호나 이모지 '✓'"),
        ("ps\u00a0-a", "a special space, U+00A0", "특수 공백, U+00A0"),
        ("ps\ufeff", "a byte order mark, U+FEFF", "바이트 순서 표식(BOM), U+FEFF"),
        ("ps 日本", "Chinese or Japanese text '日本'", "한자나 일본어 문자 '日本'"),
        ("ps \u3164", "a Hangul filler (shows as nothing), U+3164",
         "한글 채움 문자(보이지 않음), U+3164"),
    ],
)
def test_refused_characters_are_said_in_plain_words(text: str, en: str, ko: str) -> None:
    from bot.executor.charwords import describe_char

    at = next(i for i, ch in enumerate(text) if not ch.isascii())
    assert describe_char(text, at, "en") == en or en in describe_char(text, at, "en")
    assert ko in describe_char(text, at, "ko")
    err = _refusal(text)
    words = ko if err.message.startswith("명령") else en
    assert words in err.message, err.message
    assert "U+" not in err.message or "U+" in words
    assert not re.search(r"[A-Z]{4,} (?:SYLLABLE|LETTER|SIGN|MARK)", err.message)


def test_korean_refusal_never_shows_a_unicode_name() -> None:
    err = _refusal("컨테이너 목록 보여줘")
    assert err.message == (
        "명령에 쓸 수 없는 문자가 있습니다: 한글 '컨테이너'. 명령은 영문(ASCII)으로만 입력합니다."
    )
    assert "HANGUL" not in err.user_text() and "U+" not in err.user_text()
    assert "허용" in err.hint
    en = _refusal("ps --since 컨")
    assert "HANGUL" not in en.user_text()


def test_language_follows_the_text() -> None:
    ko = _refusal("ps 보여줘")
    assert ko.message == PHRASES["exec.error.non_ascii"]["ko"].format(char="한글 '보여줘'")
    assert "허용" in ko.hint
    en = _refusal("rm web")
    assert en.message.startswith("`rm` can change the host")


def test_echoed_words_are_cut() -> None:
    err = _refusal("frobnicate" + "z" * 100)
    assert len(err.message) < 120


@pytest.mark.parametrize("name", ["a", "A1", "web_1.prod-x", "0" * 64, "a" + "b" * 127])
def test_name_regex_accepts(name: str) -> None:
    assert NAME_RE.fullmatch(name)
    assert parse(f"inspect {name}").target == name


def test_non_string_is_refused() -> None:
    with pytest.raises(ExecRefused):
        parse(None)  # type: ignore[arg-type]
