"""Load and validate the course file (``bot/learn/course.yml``).

Schema::

    lab: https://...                 # the browser lab every lesson links to
    lessons:                         # in teaching order
      - id: image-ls                 # unique, [a-z0-9][a-z0-9-]*
        kind: command                # concept | setup | command | project
        entry: image-ls              # optional: the knowledge-base entry it follows
                                     # (required for kind command)
        title: {ko: ..., en: ...}
        body: {ko: ..., en: ...}     # mrkdwn-light: *bold*, `code`
        example: |-                  # optional, shown as a code block
        try: docker image ls         # the command to try, starting with `docker`
        check:
          question: {ko: ..., en: ...}
          options: [{ko: ..., en: ...}, ...]   # 2 to 4
          answer: 1                  # index of the right option
          why: {ko: ..., en: ...}

:func:`check_course` returns every problem with its line (:class:`~bot.kb.model.Problem`);
with a knowledge base it also checks that each ``entry`` exists and that a command
lesson's ``try`` is that entry's command (same words up to the first placeholder).
:func:`load_course` raises :class:`~bot.errors.KnowledgeError` on any problem.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.errors import DockbotError, KnowledgeError
from bot.explain import explain
from bot.kb.model import KnowledgeBase, Problem
from bot.lang import LANGS, has_hangul
from bot.learn.model import LESSON_KINDS, Check, Course, Lesson, LessonKind, Text

COURSE_FILE = Path(__file__).with_name("course.yml")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_KEYS = {"id", "kind", "entry", "title", "body", "example", "try", "check"}
_CHECK_KEYS = {"question", "options", "answer", "why"}
_PLACEHOLDER = re.compile(r"<[^<>]+>")


class _LineLoader(yaml.SafeLoader):
    """Records each mapping's line as ``__line__``."""


def _mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    data = {str(k): v for k, v in loader.construct_mapping(node, deep=True).items()}
    data["__line__"] = node.start_mark.line + 1
    return data


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


class _Checker:
    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.problems: list[Problem] = []

    def add(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.shown, line, message))

    def text(self, raw: Any, line: int, name: str) -> Text:
        if not isinstance(raw, dict):
            self.add(line, f"`{name}` needs `ko` and `en` text")
            return {"ko": "", "en": ""}
        at = int(raw.get("__line__", line))
        out: Text = {}
        for lang in LANGS:
            value = raw.get(lang)
            if not isinstance(value, str) or not value.strip():
                self.add(at, f"`{name}` has no `{lang}` text")
                value = ""
            elif lang == "ko" and not has_hangul(value) and name.endswith(("body", "why")):
                self.add(at, f"`{name}.ko` is not written in Korean")
            out[lang] = value.strip()
        return out

    def check(self, raw: Any, line: int) -> Check:
        if not isinstance(raw, dict):
            self.add(line, "`check` needs question, options, answer and why")
            raw = {}
        at = int(raw.get("__line__", line))
        for key in sorted(set(raw) - _CHECK_KEYS - {"__line__"}):
            self.add(at, f"unknown key `check.{key}`")
        question = self.text(raw.get("question"), at, "check.question")
        options_raw = raw.get("options")
        if not isinstance(options_raw, list) or not 2 <= len(options_raw) <= 4:
            self.add(at, "`check.options` needs 2 to 4 options")
            options_raw = []
        options = tuple(self.text(o, at, "check.options") for o in options_raw)
        answer = raw.get("answer")
        if isinstance(answer, bool) or not isinstance(answer, int) or not (
                0 <= answer < max(1, len(options))):
            self.add(at, f"`check.answer` must be an option's index, 0 to {len(options) - 1}")
            answer = 0
        why = self.text(raw.get("why"), at, "check.why")
        return Check(question, options, answer, why)

    def lesson(self, raw: Any, index: int) -> Lesson | None:
        if not isinstance(raw, dict):
            self.add(1, f"lesson {index + 1} is not a mapping")
            return None
        line = int(raw.get("__line__", 1))
        for key in sorted(set(raw) - _KEYS - {"__line__"}):
            self.add(line, f"unknown key `{key}`")
        lesson_id = raw.get("id")
        if not isinstance(lesson_id, str) or not _ID.match(lesson_id):
            self.add(line, "`id` must match [a-z0-9][a-z0-9-]*")
            lesson_id = f"lesson-{index + 1}"
        kind: LessonKind = "concept"
        for known in LESSON_KINDS:
            if raw.get("kind") == known:
                kind = known
        if raw.get("kind") not in LESSON_KINDS:
            self.add(line, f"`kind` must be one of {', '.join(LESSON_KINDS)}")
        entry = raw.get("entry")
        if entry is not None and not isinstance(entry, str):
            self.add(line, "`entry` must be a knowledge-base id")
            entry = None
        if kind == "command" and entry is None:
            self.add(line, "a command lesson needs the `entry` of its command")
        command = raw.get("try")
        if not isinstance(command, str) or not command.startswith("docker ") \
                or "\n" in command:
            self.add(line, "`try` must be one docker command line")
            command = "docker"
        example = raw.get("example")
        if example is not None and not isinstance(example, str):
            self.add(line, "`example` must be text")
            example = None
        return Lesson(lesson_id, kind, self.text(raw.get("title"), line, "title"),
                      self.text(raw.get("body"), line, "body"), command,
                      self.check(raw.get("check"), line), entry, example, line)


def _stem(command: str) -> list[str]:
    """The words of a command before its first placeholder."""
    words: list[str] = []
    for word in command.split():
        if _PLACEHOLDER.search(word):
            break
        words.append(word)
    return words


def _same_command(tried: str, documented: str) -> bool:
    stem = _stem(documented)
    return tried.split()[: len(stem)] == stem


def check_course(path: Path = COURSE_FILE, kb: KnowledgeBase | None = None,
                 shown: str | None = None) -> tuple[Course | None, list[Problem]]:
    """The course and every problem in it (with ``kb``: entries cross-checked)."""
    checker = _Checker(shown or path.name)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except OSError as exc:
        checker.add(1, f"cannot read the file ({exc.strerror})")
        return None, checker.problems
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        checker.add(mark.line + 1 if mark else 1, f"not valid YAML: {exc}")
        return None, checker.problems
    if not isinstance(data, dict) or not isinstance(data.get("lessons"), list):
        checker.add(1, "the file needs `lab:` and a `lessons:` list")
        return None, checker.problems
    lab = data.get("lab")
    if not isinstance(lab, str) or not lab.startswith("https://"):
        checker.add(1, "`lab` must be an https:// link")
        lab = ""
    lessons = [les for i, raw in enumerate(data["lessons"])
               if (les := checker.lesson(raw, i)) is not None]
    if not lessons:
        checker.add(1, "the course has no lessons")
    seen: set[str] = set()
    for les in lessons:
        if les.id in seen:
            checker.add(les.line, f"duplicate lesson id `{les.id}`")
        seen.add(les.id)
        try:
            if explain(les.try_command, "en").suggestions:
                checker.add(les.line, f"`try` {les.try_command!r} has a typo in it")
        except DockbotError as exc:
            checker.add(les.line, f"`try` {les.try_command!r} cannot be read: {exc.message}")
        if kb is not None and les.entry is not None:
            entry = kb.get(les.entry)
            if entry is None:
                checker.add(les.line, f"`entry` {les.entry!r} is not in the knowledge base")
            elif les.kind == "command" and entry.command and not _same_command(
                    les.try_command, entry.command):
                checker.add(les.line, f"`try` {les.try_command!r} is not the command of "
                                      f"entry {les.entry!r} ({entry.command})")
    return Course(lab, tuple(lessons)), checker.problems


@lru_cache(maxsize=4)
def load_course(path: Path = COURSE_FILE) -> Course:
    """The validated course; :class:`~bot.errors.KnowledgeError` naming the first problem."""
    course, problems = check_course(path)
    if problems or course is None:
        first = problems[0] if problems else Problem(path.name, 1, "no course")
        raise KnowledgeError(f"The course file is invalid: {first}.",
                             hint="Run `dockbot kb check` to see every problem.")
    return course
