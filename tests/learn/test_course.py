"""The onboarding course: it follows the team's notes in order, every lesson is complete
in both languages, and each kind of broken course file is caught with its line."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
from slack_sdk.models.blocks import Block

from bot.errors import InputError, KnowledgeError, LessonNotFound
from bot.kb.check import load_knowledge
from bot.lang import has_hangul
from bot.learn import COURSE_FILE, Course, check_course, load_course
from bot.learn.load import load_course as load_uncached
from bot.render import blockkit as kit
from bot.render.buttons import Lesson, LessonAnswer, decode
from bot.render.learn import ANSWER_PATTERN, LESSON_PATTERN, lesson_message, lesson_text
from bot.settings import Settings
from bot.slack.home import guide

KB = load_knowledge(Settings.from_env({}).knowledge_dir)

# The commands of the team notes (sections "docker 명령어" to "이미지 공유 & push"), in the
# notes' order, as the notes write them.
NOTES_COMMANDS = ["docker -v", "docker version", "docker image ls", "docker login -u",
                  "docker tag", "docker build -t", "docker run -d -p 80:80", "docker ps",
                  "docker stop", "docker rm", "docker rm -f", "docker push"]
# The notes' topics before the commands, in order, and the words each lesson is about.
NOTES_TOPICS = [("concept", "container"), ("concept", "image"), ("concept", "layer"),
                ("concept", "tag"), ("concept", "dockerfile"), ("setup", "wsl2")]
LAB = "https://labs.play-with-docker.com/"  # the notes' "Docker lab" link


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course()


def command_lessons(course: Course) -> list[Any]:
    return [les for les in course.lessons if les.kind == "command"]


def test_the_course_teaches_every_notes_command_in_the_notes_order(course: Course) -> None:
    lessons = command_lessons(course)
    entries = [KB.get(les.entry) for les in lessons]
    commands = [e.command for e in entries if e is not None and e.command]
    assert len(commands) == len(NOTES_COMMANDS)
    for documented, tried, notes in zip(commands, (les.try_command for les in lessons),
                                        NOTES_COMMANDS, strict=True):
        assert documented.startswith(notes), (documented, notes)
        assert tried.startswith(notes), (tried, notes)
    # the same order as the notes' sections in the knowledge base (the Home guide's order)
    _, noted = guide(KB)
    assert [les.entry for les in lessons] == [e.id for e in noted]


def test_the_topics_come_first_and_the_course_ends_with_build_run_push(course: Course) -> None:
    head = course.lessons[: len(NOTES_TOPICS)]
    for lesson, (kind, word) in zip(head, NOTES_TOPICS, strict=True):
        assert lesson.kind == kind
        assert word in (lesson.title["en"] + lesson.id).lower(), lesson.id
    assert [les.kind for les in course.lessons[len(NOTES_TOPICS):-1]] == ["command"] * 12
    last = course.lessons[-1]
    assert last.kind == "project"
    for step in ("docker build -t", "docker run -d -p 80:80", "docker push", "docker login"):
        assert step in last.body["en"] and step in last.body["ko"]
    setup = course.lessons[5].body["en"]
    for step in ("Virtualization", "Virtual Machine Platform", "WSL2",
                 "https://docs.docker.com/docker-for-windows/install/", "docker -v", "Docker ID"):
        assert step in setup


def test_every_lesson_is_complete_in_both_languages(course: Course) -> None:
    assert course.lab == LAB
    for les in course.lessons:
        assert has_hangul(les.body["ko"]) and has_hangul(les.check.why["ko"])
        assert not has_hangul(les.body["en"]) and not has_hangul(les.check.why["en"])
        assert les.try_command.startswith("docker ")
        assert 2 <= len(les.check.options) <= 4
        assert 0 <= les.check.answer < len(les.check.options)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_lesson_renders_as_valid_block_kit_with_the_lab_and_buttons(
    course: Course, lang: Any
) -> None:
    for n in range(1, len(course) + 1):
        les = course.lesson(n)
        msg = lesson_message(course, n, lang)
        parsed = Block.parse_all(msg["blocks"])
        for block in parsed:
            block.validate_json()
        assert [b.to_dict() for b in parsed] == msg["blocks"] and len(parsed) <= 50
        text = kit.plain_text(msg)
        assert les.title[lang] in text and les.try_command in kit.unmark(text)
        assert f"<{LAB}|Play with Docker>" in str(msg["blocks"])
        buttons = [e for b in msg["blocks"] if b["type"] == "actions" for e in b["elements"]]
        answers = [decode(LessonAnswer, b["value"]) for b in buttons
                   if ANSWER_PATTERN.match(b["action_id"])]
        assert answers == [LessonAnswer(lang, n, i) for i in range(len(les.check.options))]
        nav = {b["action_id"]: decode(Lesson, b["value"]) for b in buttons
               if LESSON_PATTERN.match(b["action_id"])}
        assert nav.get("dockbot_lesson_prev") == (Lesson(lang, n - 1) if n > 1 else None)
        assert nav.get("dockbot_lesson_next") == (Lesson(lang, n + 1) if n < len(course)
                                                  else None)


def test_grading_says_right_or_wrong_and_why(course: Course) -> None:
    les = course.lesson(13)
    right = les.grade(les.check.answer, "en")
    assert right.right and right.why == les.check.why["en"]
    wrong_choice = (les.check.answer + 1) % len(les.check.options)
    wrong = les.grade(wrong_choice, "ko")
    assert not wrong.right and wrong.answer_text == les.check.options[les.check.answer]["ko"]
    text = kit.plain_text(lesson_message(course, 13, "ko", wrong))
    assert "❌" in text and les.check.why["ko"] in kit.unmark(text)
    assert "✅" in lesson_text(course, 13, "en", right)
    with pytest.raises(InputError) as info:
        les.grade(9, "ko")
    assert "10번 보기는 없어요" in info.value.user_text() and "1에서 3" in info.value.user_text()


def test_the_last_lesson_congratulates_only_a_right_answer(course: Course) -> None:
    n = len(course)
    les = course.lesson(n)
    done = kit.w("lesson_done", "en")
    assert done in kit.plain_text(lesson_message(course, n, "en", les.grade(les.check.answer,
                                                                            "en")))
    wrong = (les.check.answer + 1) % len(les.check.options)
    assert done not in kit.plain_text(lesson_message(course, n, "en", les.grade(wrong, "en")))


@pytest.mark.parametrize("number", [0, -1, 20, 10**6])
def test_a_lesson_outside_the_course_says_which_exist(course: Course, number: int) -> None:
    with pytest.raises(LessonNotFound, match=f"1 to {len(course)}"):
        course.lesson(number, "en")
    with pytest.raises(LessonNotFound, match=f"1번부터 {len(course)}번"):
        course.lesson(number, "ko")


def test_the_shipped_course_checks_clean_against_the_knowledge_base() -> None:
    loaded, problems = check_course(COURSE_FILE, KB)
    assert problems == [] and loaded is not None and len(loaded) == 19


GOOD = """\
lab: https://labs.play-with-docker.com/
lessons:
  - id: ps
    kind: command
    entry: ps
    title: {ko: 컨테이너 보기, en: See containers}
    body: {ko: 실행 중인 컨테이너를 봐요., en: Lists running containers.}
    try: docker ps
    check:
      question: {ko: 무엇을 보여 주나요, en: What does it show}
      options:
        - {ko: 컨테이너, en: containers}
        - {ko: 이미지, en: images}
      answer: 0
      why: {ko: ps는 컨테이너 목록이에요., en: ps lists containers.}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "course.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path: Path) -> None:
    loaded, problems = check_course(write(tmp_path, GOOD), KB)
    assert problems == [] and loaded is not None
    assert loaded.lesson(1).title["en"] == "See containers"


@pytest.mark.parametrize(("change", "line", "message"), [
    (("en: Lists running containers.", "en: ''"), 7, "`body` has no `en` text"),
    (("ko: 실행 중인 컨테이너를 봐요.", "ko: runs"), 7, "`body.ko` is not written in Korean"),
    (("answer: 0", "answer: 5"), 10, "`check.answer` must be an option's index"),
    (("entry: ps", "entry: no-such-entry"), 3, "not in the knowledge base"),
    (("try: docker ps", "try: docker image ls"), 3, "is not the command of entry 'ps'"),
    (("try: docker ps", "try: ls -l"), 3, "`try` must be one docker command line"),
    (("try: docker ps", "try: docker pss"), 3, "has a typo"),
    (("kind: command", "kind: lecture"), 3, "`kind` must be one of"),
    (("    entry: ps\n", "    entry: ps\n    colour: red\n"), 3, "unknown key `colour`"),
    (("        - {ko: 이미지, en: images}\n", ""), 10, "needs 2 to 4 options"),
    (("id: ps", "id: Bad Id"), 3, "`id` must match"),
])
def test_each_kind_of_broken_file_is_caught_with_its_line(
    tmp_path: Path, change: tuple[str, str], line: int, message: str
) -> None:
    old, new = change
    assert old in GOOD
    _, problems = check_course(write(tmp_path, GOOD.replace(old, new, 1)), KB)
    assert any(p.line == line and message in p.message for p in problems), problems
    assert all(re.fullmatch(r"course\.yml:\d+: .+", str(p)) for p in problems)


def test_duplicate_ids_and_bad_yaml_and_a_broken_file_fail_to_load(tmp_path: Path) -> None:
    lesson = GOOD.split("lessons:\n", 1)[1]
    _, problems = check_course(write(tmp_path, GOOD + lesson), KB)
    assert any("duplicate lesson id `ps`" in p.message for p in problems)
    _, problems = check_course(write(tmp_path, "lessons: [\n"), KB)
    assert problems and "not valid YAML" in problems[0].message
    with pytest.raises(KnowledgeError, match=r"course\.yml:3"):
        load_uncached.__wrapped__(write(tmp_path, GOOD.replace("kind: command", "kind: x")))
