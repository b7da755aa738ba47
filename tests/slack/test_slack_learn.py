"""The onboarding course in Slack: the real app over HTTP with signed requests, clicking
Next, Previous and answer buttons; every reply is checked as Block Kit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.learn import load_course
from bot.render import blockkit as kit
from bot.render.buttons import Lesson, LessonAnswer, decode, encode
from bot.render.learn import ACTION_LESSON, ACTION_LESSON_ANSWER

MakeApp = Callable[..., Any]
COURSE = load_course()


def buttons(msg: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["action_id"]: e for b in msg["blocks"] if b["type"] == "actions"
            for e in b["elements"]}


def lesson_number(msg: dict[str, Any]) -> int:
    found = buttons(msg)
    answer = next(b for k, b in found.items() if k.startswith(ACTION_LESSON_ANSWER))
    return decode(LessonAnswer, answer["value"]).number


def test_slash_learn_opens_lesson_one_and_next_previous_walk_the_course(
    slack_app: MakeApp, valid_message: Callable[[dict[str, Any]], None]
) -> None:
    app = slack_app()
    reply, _ = app.command("learn")
    assert reply.status == 200
    first = reply.json()
    valid_message(first)
    assert lesson_number(first) == 1 and COURSE.lesson(1).title["en"] in kit.plain_text(first)
    assert f"{ACTION_LESSON}_prev" not in buttons(first)

    shown = first
    for expected in (2, 3, 4):
        _, key = app.click(buttons(shown)[f"{ACTION_LESSON}_next"])
        (shown,) = app.fake.wait_responses(key)
        valid_message(shown)
        assert shown["replace_original"] is True
        assert lesson_number(shown) == expected
        assert COURSE.lesson(expected).title["en"] in kit.plain_text(shown)
    _, key = app.click(buttons(shown)[f"{ACTION_LESSON}_prev"])
    (back,) = app.fake.wait_responses(key)
    valid_message(back)
    assert lesson_number(back) == 3


def test_answers_get_immediate_feedback_in_the_askers_language(
    slack_app: MakeApp, valid_message: Callable[[dict[str, Any]], None]
) -> None:
    app = slack_app()
    reply, _ = app.command("배우기 13")
    lesson = COURSE.lesson(13)
    msg = reply.json()
    valid_message(msg)
    assert lesson.title["ko"] in kit.plain_text(msg)
    right = buttons(msg)[f"{ACTION_LESSON_ANSWER}_{lesson.check.answer}"]
    wrong_index = (lesson.check.answer + 1) % len(lesson.check.options)
    wrong = buttons(msg)[f"{ACTION_LESSON_ANSWER}_{wrong_index}"]

    _, key = app.click(right)
    (said,) = app.fake.wait_responses(key)
    valid_message(said)
    text = kit.unmark(kit.plain_text(said))
    assert kit.w("lesson_right", "ko") in text and lesson.check.why["ko"] in text

    _, key = app.click(wrong)
    (said,) = app.fake.wait_responses(key)
    text = kit.unmark(kit.plain_text(said))
    answer = lesson.check.options[lesson.check.answer]["ko"]
    assert kit.w("lesson_wrong", "ko").format(answer=answer) in text
    assert lesson.check.why["ko"] in text
    assert f"{ACTION_LESSON}_next" in buttons(said)  # the reader can go on either way


def test_a_lesson_number_outside_the_course_is_a_clear_reply(slack_app: MakeApp) -> None:
    app = slack_app()
    reply, _ = app.command("learn 99")
    assert "1 to 19" in kit.plain_text(reply.json())
    forged = {"action_id": f"{ACTION_LESSON}_next", "value": encode(Lesson("ko", 999))}
    _, key = app.click(forged)
    (said,) = app.fake.wait_responses(key)
    assert "999번 수업은 없어요" in kit.plain_text(said)
    forged = {"action_id": f"{ACTION_LESSON_ANSWER}_0",
              "value": encode(LessonAnswer("en", 2, 9))}
    _, key = app.click(forged)
    (said,) = app.fake.wait_responses(key)
    assert "no option 10" in kit.plain_text(said)


def test_a_word_after_learn_that_is_not_a_number_is_a_question(slack_app: MakeApp) -> None:
    app = slack_app()
    reply, _ = app.command("learn docker volumes")
    assert ACTION_LESSON_ANSWER + "_0" not in buttons(reply.json())


def test_the_home_guide_links_the_course_and_opens_it_in_the_dm(
    slack_app: MakeApp, valid_message: Callable[[dict[str, Any]], None]
) -> None:
    app = slack_app()
    assert app.event({"type": "app_home_opened", "user": "UASK", "channel": "D1",
                      "tab": "home"}).status == 200
    (published,) = app.fake.wait_calls("views.publish")
    view = published.params["view"]
    start = buttons(view)[f"{ACTION_LESSON}_open"]
    assert "/docker learn" in kit.plain_text(view)
    _, _ = app.click(start, view=True)
    (posted,) = app.fake.wait_calls("chat.postMessage")
    assert posted.params["channel"] == "UASK"
    valid_message({"text": posted.params["text"], "blocks": posted.params["blocks"]})
    assert lesson_number({"blocks": posted.params["blocks"]}) == 1


def test_a_lesson_in_a_channel_thread_answers_only_the_clicker(slack_app: MakeApp) -> None:
    app = slack_app()
    nxt = {"action_id": f"{ACTION_LESSON}_next", "value": encode(Lesson("en", 2))}
    reply, key = app.click(nxt, ephemeral=False,
                           message={"ts": "5.5", "thread_ts": "5.0", "type": "message"})
    assert reply.status == 200
    (posted,) = app.fake.wait_calls("chat.postEphemeral")
    assert posted.params["user"] == "UASK" and posted.params["thread_ts"] == "5.0"
    assert app.fake.responses.get(key) is None
