"""Lessons of the onboarding course as a Slack message or terminal text (pure: no I/O).

A lesson shows its title, its text, an example when it has one, the command to try,
the browser lab link, the quick check with one button per option, and Previous/Next.
After an answer the same lesson comes back with the feedback (right or wrong, and
why) under the check. The buttons carry the lesson number (:mod:`bot.render.buttons`),
so no progress is stored anywhere.
"""

from __future__ import annotations

import re

from bot.lang import Lang
from bot.learn import Course, Graded
from bot.render.blockkit import (
    MAX_BUTTON_TEXT,
    Block,
    Message,
    actions,
    button,
    clip,
    code_sections,
    context,
    escape,
    header,
    message,
    section,
    sections,
    w,
)
from bot.render.buttons import Lesson, LessonAnswer

ACTION_LESSON = "dockbot_lesson"  # dockbot_lesson_next / _prev / _open
ACTION_LESSON_ANSWER = "dockbot_lesson_answer"  # dockbot_lesson_answer_0 ... _3
LESSON_PATTERN = re.compile(rf"^{ACTION_LESSON}_(next|prev|open)$")
ANSWER_PATTERN = re.compile(rf"^{ACTION_LESSON_ANSWER}_\d$")
LAB_NAME = "Play with Docker"
_BOLD = re.compile(r"\*([^*\n]+)\*")  # the course's *bold*, for terminals

def start_button(lang: Lang) -> Block:
    """The button that opens lesson 1 (the App Home guide shows it)."""
    return button(w("lesson_start", lang), f"{ACTION_LESSON}_open", Lesson(lang, 1), "primary")


def feedback_text(graded: Graded, lang: Lang) -> str:
    head = w("lesson_right", lang) if graded.right else \
        w("lesson_wrong", lang).format(answer=graded.answer_text)
    return f"{head} {graded.why}"


def lesson_message(course: Course, number: int, lang: Lang,
                   graded: Graded | None = None) -> Message:
    """Lesson ``number`` (1-based) as a Block Kit message, with ``graded`` feedback."""
    lesson = course.lesson(number, lang)
    total = len(course)
    blocks: list[Block] = [
        context(w("lesson_of", lang).format(n=number, total=total)),
        header(lesson.title[lang]),
        *sections(escape(lesson.body[lang])),
    ]
    if lesson.example:
        blocks.extend(code_sections(lesson.example, f"*{w('lesson_example', lang)}*"))
    blocks.extend(code_sections(lesson.try_command, f"*{w('lesson_try', lang)}*"))
    lab = f"<{escape(course.lab)}|{LAB_NAME}>"  # a link: the phrase itself stays escaped
    blocks.append(context(w("lesson_lab", lang).format(lab=lab)))
    check = lesson.check
    blocks.append(section(f"*{w('lesson_check', lang)}* {escape(check.question[lang])}"))
    blocks.append(actions([
        button(clip(f"{i + 1}. {opt[lang]}", MAX_BUTTON_TEXT), f"{ACTION_LESSON_ANSWER}_{i}",
               LessonAnswer(lang, number, i))
        for i, opt in enumerate(check.options)
    ]))
    if graded is not None:
        blocks.append(section(escape(feedback_text(graded, lang))))
        if number == total and graded.right:
            blocks.append(section(w("lesson_done", lang)))
    nav: list[Block] = []
    if number > 1:
        nav.append(button(w("lesson_prev", lang), f"{ACTION_LESSON}_prev",
                          Lesson(lang, number - 1)))
    if number < total:
        nav.append(button(w("lesson_next", lang), f"{ACTION_LESSON}_next",
                          Lesson(lang, number + 1), "primary"))
    if nav:
        blocks.append(actions(nav))
    return message(blocks, f"{w('lesson_of', lang).format(n=number, total=total)}: "
                           f"{lesson.title[lang]}", lang)


def lesson_text(course: Course, number: int, lang: Lang, graded: Graded | None = None) -> str:
    """Lesson ``number`` for a terminal: the same content, options numbered."""
    lesson = course.lesson(number, lang)
    total = len(course)
    title = f"{w('lesson_of', lang).format(n=number, total=total)} · {lesson.title[lang]}"
    out = [title, "=" * min(len(title), 60), "", _BOLD.sub(r"\1", lesson.body[lang]), ""]
    if lesson.example:
        out += [f"{w('lesson_example', lang)}:", *(f"    {ln}" for ln in
                                                    lesson.example.splitlines()), ""]
    out += [f"{w('lesson_try', lang)}:", f"    $ {lesson.try_command}", ""]
    out += [w("lesson_lab", lang).format(lab=f"{LAB_NAME} ({course.lab})"), ""]
    out.append(f"{w('lesson_check', lang)}: {lesson.check.question[lang]}")
    out += [f"  {i + 1}. {opt[lang]}" for i, opt in enumerate(lesson.check.options)]
    out.append("")
    if graded is not None:
        out += [feedback_text(graded, lang), ""]
        if number == total and graded.right:
            out += [w("lesson_done", lang).replace("*", ""), ""]
    else:
        out.append(w("lesson_answer_hint", lang).format(n=number))
    if number < total:
        out.append(w("lesson_nav_hint", lang).format(next=number + 1))
    return "\n".join(out).rstrip() + "\n"
