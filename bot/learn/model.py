"""The onboarding course as typed data (pure: no I/O).

A :class:`Course` is an ordered tuple of :class:`Lesson`; each lesson has a body to read,
one command to try, an optional example (a Dockerfile, say) and a one-question
:class:`Check`. Lessons are numbered from 1 for people; progress is only ever a
lesson number, carried by the caller (a button's value, a CLI argument).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.errors import InputError, LessonNotFound
from bot.lang import Lang

LessonKind = Literal["concept", "setup", "command", "project"]
LESSON_KINDS: tuple[LessonKind, ...] = ("concept", "setup", "command", "project")
Text = dict[Lang, str]


@dataclass(frozen=True)
class Check:
    """One multiple-choice question; ``answer`` is the right option's index."""

    question: Text
    options: tuple[Text, ...]
    answer: int
    why: Text


@dataclass(frozen=True)
class Graded:
    """What the reader's choice earned: right or wrong, the right option, and why."""

    choice: int
    right: bool
    answer: int
    why: str
    answer_text: str


@dataclass(frozen=True)
class Lesson:
    id: str
    kind: LessonKind
    title: Text
    body: Text
    try_command: str
    check: Check
    entry: str | None = None  # the knowledge-base entry the lesson follows
    example: str | None = None
    line: int = 0

    def grade(self, choice: int, lang: Lang) -> Graded:
        """Grade option ``choice`` (0-based); an index out of range is an InputError."""
        n = len(self.check.options)
        if not 0 <= choice < n:
            raise InputError.keyed("input.learn_no_option", lang, choice=choice + 1, n=n)
        answer = self.check.answer
        return Graded(choice, choice == answer, answer, self.check.why[lang],
                      self.check.options[answer][lang])


@dataclass(frozen=True)
class Course:
    lab: str
    lessons: tuple[Lesson, ...]

    def __len__(self) -> int:
        return len(self.lessons)

    def lesson(self, number: int, lang: Lang = "en") -> Lesson:
        """Lesson ``number`` (1-based); :class:`~bot.errors.LessonNotFound` (in ``lang``)
        outside 1..len."""
        if not 1 <= number <= len(self.lessons):
            n = len(self.lessons)
            raise LessonNotFound.keyed("input.learn_no_lesson", lang, number=number, n=n)
        return self.lessons[number - 1]
