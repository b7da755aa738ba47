"""The button protocol: every value type round-trips within Slack's limits, and garbage
or tampered values are refused with a ButtonError, and answered (never a traceback)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.errors import ButtonError
from bot.render import blockkit as kit
from bot.render import blocks as bk
from bot.render.buttons import (
    MAX_BLOCK_ID,
    MAX_OPTION_VALUE,
    MAX_VALUE,
    Feedback,
    FillMenu,
    FillPick,
    HomeLang,
    Lesson,
    LessonAnswer,
    Others,
    Pick,
    Run,
    Share,
    decode,
    encode,
)

MakeApp = Callable[..., Any]

SAMPLES = [
    Share("en", entry="ps", query="list containers"),
    Share("ko", command="docker run -e A=*** nginx", query=""),
    Others("ko", ("ps", "ps-all", "image-ls"), "컨테이너 목록"),
    Pick("en", "logs-tail", "show logs"),
    Run("en", "ps -a @local"),
    Feedback("ko", "login", "down", "로그인", "9f2c61d0a4b7e813"),
    Feedback("en", "login", "up", "login"),
    HomeLang("ko"),
    Lesson("en", 7),
    LessonAnswer("ko", 3, 2),
    FillMenu("en", "container", "docker logs -f <container>"),
    FillPick("ko", "image", "nginx:1.27"),
]


@pytest.mark.parametrize("value", SAMPLES, ids=[type(v).__name__ for v in SAMPLES])
def test_every_value_type_round_trips(value: Any) -> None:
    raw = encode(value)
    assert decode(type(value), raw) == value
    limit = {FillPick: MAX_OPTION_VALUE, FillMenu: MAX_BLOCK_ID}.get(type(value), MAX_VALUE)
    assert len(raw) <= limit


@settings(max_examples=150, deadline=None)
@given(query=st.text(max_size=3000), lang=st.sampled_from(["ko", "en"]))
def test_any_question_fits_and_round_trips(query: str, lang: Any) -> None:
    value = Pick(lang, "ps", query)
    raw = encode(value)
    assert len(raw) <= MAX_VALUE
    back = decode(Pick, raw)
    assert back.entry == "ps" and back.lang == lang
    assert back.query == query or back.query.endswith("…")


GARBAGE = [
    None, "", "garbage", "[1, 2]", "null", '"text"', "{", "x" * (MAX_VALUE + 1),
    json.dumps({"e": "ps", "l": "fr"}),            # unknown language
    json.dumps({"e": 5, "l": "en"}),               # wrong type
    json.dumps({"e": "../../etc", "l": "en"}),     # not an id
    json.dumps({"l": "en"}),                       # nothing to pick
    json.dumps({"e": "ps", "q": ["a"], "l": "en"}),
]


@pytest.mark.parametrize("raw", GARBAGE)
def test_garbage_is_a_button_error(raw: Any) -> None:
    with pytest.raises(ButtonError) as info:
        decode(Pick, raw)
    assert info.value.message.endswith(").") and info.value.hint


@pytest.mark.parametrize(("kind", "data"), [
    (Others, {"a": "ps", "l": "en"}),
    (Others, {"a": ["ps"] * 9, "l": "en"}),
    (Run, {"op": "", "l": "en"}),
    (Run, {"op": "x" * 301, "l": "en"}),
    (Feedback, {"e": "ps", "v": "sideways", "l": "en"}),
    (Feedback, {"e": "ps", "i": "<@U1>", "l": "en"}),
    (Lesson, {"n": 0, "l": "en"}),
    (Lesson, {"n": "3", "l": "en"}),
    (Lesson, {"n": True, "l": "en"}),
    (LessonAnswer, {"n": 2, "c": 10, "l": "en"}),
    (FillPick, {"k": "secret", "s": "x", "l": "en"}),
    (FillMenu, {"k": "image", "l": "en"}),
    (Share, {"q": "only a question", "l": "en"}),
])
def test_tampered_values_are_refused(kind: type[Any], data: dict[str, Any]) -> None:
    with pytest.raises(ButtonError):
        decode(kind, json.dumps(data))


def test_unknown_keys_are_ignored_for_rolling_upgrades() -> None:
    raw = json.dumps({"e": "ps", "q": "q", "l": "ko", "future": [1, 2]})
    assert decode(Pick, raw) == Pick("ko", "ps", "q")


def test_a_value_that_cannot_fit_is_a_rendering_bug() -> None:
    with pytest.raises(ValueError, match="too long"):
        encode(FillPick("en", "container", "n" * 200))


@pytest.mark.parametrize("action_id", [bk.ACTION_SHARE, bk.ACTION_OTHERS, bk.ACTION_RUN,
                                       bk.ACTION_FEEDBACK_UP, f"{bk.ACTION_PICK}_1",
                                       f"{bk.ACTION_HOME_LANG}_en"])
@pytest.mark.parametrize("raw", ["garbage", json.dumps({"e": 1, "op": 2, "a": 3, "q": 4, "l": "ko"})])
def test_every_listener_answers_garbage_with_a_clear_reply(
    slack_app: MakeApp, caplog: pytest.LogCaptureFixture, action_id: str, raw: str
) -> None:
    caplog.set_level(logging.INFO)
    app = slack_app()
    reply, key = app.click({"action_id": action_id, "value": raw})
    assert reply.status == 200
    (said,) = app.fake.wait_responses(key)
    text = kit.plain_text(said)
    lang = "ko" if '"ko"' in raw else "en"
    assert kit.w("expired", lang) in text
    assert "Traceback" not in caplog.text and not any(r.exc_info for r in caplog.records)


KINDS = [Share, Others, Pick, Run, Feedback, HomeLang, Lesson, LessonAnswer, FillMenu, FillPick]
JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["e", "q", "l", "a", "op", "v", "i", "n", "c", "k", "s",
                                       "t", "x"]), inner, max_size=6),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(KINDS), raw=st.text(max_size=300) | JSONISH.map(json.dumps))
def test_decode_never_fails_with_anything_but_a_button_error(kind: Any, raw: str) -> None:
    try:
        value = decode(kind, raw)
    except ButtonError:
        return
    assert isinstance(value, kind)
    assert decode(kind, encode(value)) == value
