"""bot/intent: one router, typed results, the same decision on every surface."""

from __future__ import annotations

import dataclasses
import json
import typing

import pytest

from bot import intent
from bot.chat import reply
from bot.cli import main
from bot.executor import Principal
from bot.render.reply_text import reply_text
from bot.services import Services
from bot.slack.router import route as slack_route

CLI = Principal.cli()


@pytest.mark.parametrize(
    ("text", "kind"),
    [("", "help"), ("help", "help"), ("도움말", "help"), ("help me list images", "question"),
     ("explain docker ps -a", "explain"), ("설명 docker images -q", "explain"),
     ("docker run -dp 80:80 nginx", "explain"), ("explain", "error"),
     ("explain ls -la", "error"), ("how do I list images", "question"),
     ("컨테이너 목록 보기", "question"), ("ps", "exec_off"), ("x" * 600, "error"),
     ("gaps", "gaps"), ("learn", "learn"), ("배우기 3", "learn"), ("온보딩", "learn"),
     ("learn 999", "error"), ("learn how to build an image", "question")],
)
def test_kinds(base_services: Services, text: str, kind: str) -> None:
    result = intent.route(base_services, text, CLI)
    assert result.kind == kind
    assert dataclasses.is_dataclass(result)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.lang = "en"  # type: ignore[misc]


def test_every_result_kind_is_a_literal() -> None:
    kinds = set(typing.get_args(intent.Kind))
    types = [*typing.get_args(intent.Reply), intent.ExecDone]
    declared = {typing.get_args(typing.get_type_hints(t)["kind"])[0] for t in types}
    assert declared == kinds


def test_results_carry_the_data_not_a_rendering(base_services: Services) -> None:
    result = intent.route(base_services, "docker run --privileged nginx", CLI, "ko")
    assert isinstance(result, intent.Explain) and result.lang == "ko"
    assert [r.flag for r in result.explanation.risks] == ["--privileged"]
    question = intent.route(base_services, "how do I list images", CLI)
    assert isinstance(question, intent.Question)
    assert question.answer.best is not None and question.answer.best.command == "docker image ls"
    off = intent.route(base_services, "image ls", CLI)
    assert off == intent.ExecOff("en", "image ls", enabled=False)


def test_operations_can_be_left_to_the_matcher(base_services: Services) -> None:
    assert intent.route(base_services, "ps", CLI, operations=False).kind == "question"
    blank = intent.route(base_services, " ", CLI, blank_is_help=False)
    assert isinstance(blank, intent.Failed) and "empty" in blank.error.message


def test_a_new_leading_word_is_one_row(
    base_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def tour(req: typing.Any) -> intent.Reply:
        return intent.Help(req.lang, ("tour:" + req.rest,))

    monkeypatch.setitem(intent.LEADING_WORDS, "tour", tour)
    result = intent.route(base_services, "tour docker volumes", CLI)
    assert result == intent.Help("en", ("tour:docker volumes",))


def test_learn_is_a_row_with_a_typed_lesson(base_services: Services) -> None:
    from bot.errors import LessonNotFound
    from bot.learn import load_course

    assert {"learn", "배우기"} <= intent.LEARN_WORDS
    assert all(w in intent.LEADING_WORDS for w in intent.LEARN_WORDS)
    course = load_course()
    assert intent.route(base_services, "learn", CLI) == intent.Learn("en", course, 1)
    assert intent.route(base_services, "배우기 2", CLI) == intent.Learn("ko", course, 2)
    missing = intent.route(base_services, f"learn {len(course) + 1}", CLI)
    assert isinstance(missing, intent.Failed) and isinstance(missing.error, LessonNotFound)
    assert f"1 to {len(course)}" in missing.error.message


def test_a_lesson_is_rendered_by_every_surface(base_services: Services) -> None:
    from bot.learn import load_course
    from bot.render.blocks import reply_message
    from bot.render.buttons import Lesson, LessonAnswer, decode
    from bot.render.json_reply import ask_json
    from bot.render.learn import lesson_message, lesson_text

    course = load_course()
    result = intent.route(base_services, "learn 2", CLI)
    assert isinstance(result, intent.Learn)
    msg = reply_message(result, base_services.kb)
    assert msg == lesson_message(course, 2, "en")
    elements = [el for b in msg["blocks"] if b["type"] == "actions" for el in b["elements"]]
    answers = [el for el in elements if el["action_id"].startswith("dockbot_lesson_answer_")]
    assert decode(LessonAnswer, answers[0]["value"]) == LessonAnswer("en", 2, 0)
    nxt = next(el for el in elements if el["action_id"] == "dockbot_lesson_next")
    assert decode(Lesson, nxt["value"]) == Lesson("en", 3)
    assert reply_text(result, base_services.kb) == lesson_text(course, 2, "en").rstrip("\n")
    obj = ask_json(result, "learn 2")
    assert (obj["kind"], obj["number"], obj["total"]) == ("learn", 2, len(course))
    assert obj["title"] == course.lesson(2).title["en"] and obj["text"].startswith("Lesson 2")


@pytest.mark.parametrize(
    "text", ["docker run --privileged -v /:/host nginx", "explain docker ps -a",
             "how do I list images", "컨테이너를 백그라운드에서 실행하려면?", "help",
             "learn 2", "배우기 3"],
)
def test_every_surface_decides_the_same(
    base_services: Services, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    result = intent.route(base_services, text, CLI)
    assert slack_route(base_services, text, CLI).kind == result.kind
    chat = reply(text, base_services)
    assert chat == reply_text(result, base_services.kb, surface="chat")
    main(["ask", "--json", text])
    obj = json.loads(capsys.readouterr().out)
    assert obj["kind"] == result.kind
    main(["ask", text])
    out = capsys.readouterr().out
    assert out.rstrip("\n") == reply_text(result, base_services.kb, surface="ask")


def test_chat_and_ask_explain_exactly_alike(
    base_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "docker run --privilegd -p 80:80 nginx"
    main(["ask", text])
    assert capsys.readouterr().out.rstrip("\n") == reply(text, base_services)


def test_the_router_and_its_renderers_load_no_slack_or_docker() -> None:
    import subprocess
    import sys

    code = ("import sys, bot.intent, bot.render.blocks, bot.render.reply_text, "
            "bot.render.json_reply; print(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('slack_sdk', 'slack_bolt', 'docker')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert proc.stdout.strip() == "[]"
