"""The onboarding course: the team's notes as ordered lessons, one at a time (pure).

``load_course()`` reads and validates ``course.yml`` (schema in :mod:`bot.learn.load`);
``Course.lesson(n)`` gives lesson ``n`` (1-based) and ``Lesson.grade(choice, lang)`` the
feedback for an answer. Nothing is stored: the caller carries the lesson number.
"""

from bot.learn.load import COURSE_FILE, check_course, load_course
from bot.learn.model import Check, Course, Graded, Lesson

__all__ = ["COURSE_FILE", "Check", "Course", "Graded", "Lesson", "check_course", "load_course"]
