"""The onboarding course's buttons: Previous/Next/Start and the quick-check answers.

The lesson number travels in the button's value, so any replica can show the next
lesson and nothing is stored. An ephemeral lesson (``/docker learn``) or one in a DM is
replaced in place; a lesson in a channel thread is answered to the clicker only; a click
on the App Home's Start button opens the lesson in the app's DM.
"""

from __future__ import annotations

from slack_bolt import App

from bot.errors import DockbotError
from bot.learn import load_course
from bot.render.blockkit import Message
from bot.render.blocks import error_message
from bot.render.buttons import Lesson, LessonAnswer
from bot.render.learn import ANSWER_PATTERN, LESSON_PATTERN, lesson_message
from bot.slack.clicks import Click, on_click


def register(app: App) -> None:
    app.action(LESSON_PATTERN)(on_click(Lesson)(handle_lesson))
    app.action(ANSWER_PATTERN)(on_click(LessonAnswer)(handle_answer))


def _show(click: Click[Lesson] | Click[LessonAnswer], msg: Message) -> None:
    if isinstance(click.body.get("response_url"), str) and not click.public:
        click.respond(text=msg["text"], blocks=msg["blocks"], replace_original=True)
    elif isinstance(click.body.get("response_url"), str) or click.public:
        click.reply(msg)
    elif click.clicker:  # from the App Home tab: open the lesson in the app's DM
        click.client.chat_postMessage(channel=click.clicker, text=msg["text"],
                                      blocks=msg["blocks"])


def handle_lesson(click: Click[Lesson]) -> None:
    """Show the lesson the button points to."""
    value = click.value
    try:
        msg = lesson_message(load_course(), value.number, value.lang)
    except DockbotError as err:
        msg = error_message(err, value.lang)
    _show(click, msg)


def handle_answer(click: Click[LessonAnswer]) -> None:
    """Grade the answer and show the lesson again with right/wrong and why."""
    value = click.value
    course = load_course()
    try:
        graded = course.lesson(value.number, value.lang).grade(value.choice, value.lang)
        msg = lesson_message(course, value.number, value.lang, graded)
    except DockbotError as err:
        msg = error_message(err, value.lang)
    _show(click, msg)
