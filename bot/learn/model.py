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
            if lang == "ko":
                raise InputError(f"{choice + 1}번 보기는 없어요.",
                                 hint=f"1에서 {n} 사이의 보기를 골라 주세요.")
            raise InputError(f"There is no option {choice + 1}.",
                             hint=f"Pick an option from 1 to {n}.")
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
            if lang == "ko":
                raise LessonNotFound(f"{number}번 수업은 없어요. 수업은 1번부터 {n}번까지예요.",
                                     hint=f"1에서 {n} 사이의 번호를 골라 주세요. 예: `learn 1`")
            raise LessonNotFound(f"There is no lesson {number}; the course has lessons 1 to {n}.",
                                 hint=f"Pick a number from 1 to {n}, e.g. `learn 1`.")
        return self.lessons[number - 1]
