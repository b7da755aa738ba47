"""Every Slack message kind, rendered from the router's real results, keeps Slack's mrkdwn
escaping (``& < >`` escaped except intended links and mentions) and valid Block Kit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot import intent
from bot.errors import ExecTimeout, InputError
from bot.executor import ExecResult, Principal
from bot.executor.messages import exec_error
from bot.lang import Lang
from bot.phrases import PHRASES
from bot.render import blocks as bk
from bot.render.blockkit import escape
from bot.services import Services
from bot.settings import Settings
from bot.slack.sharing import shareable_text
from tests.support.blockkit import check_block_kit, escaping_problems, mrkdwn_texts

NASTY = "<b>&amp; <!channel> & <@U1> >"
MARKUP = "<b>&amp; & > <script>"  # a question (a Slack mention there is refused as such)
TEXTS = [
    "", "help", "도움말",
    "explain docker run -e 'A=<b>&c' --privileged nginx > out.txt 2>&1",
    "docker run --privilegd -v /:/host <image> && echo a&b",
    "how do I list images & <stuff>", "컨테이너 목록 <보기> & 정리",
    f"오늘 점심 뭐 먹지 {NASTY}", "explain", "explain ls -la <x>", "x" * 600,
    "ps", "image ls @local", "gaps", "learn", "배우기 3", "learn 999",
]


@pytest.fixture(scope="module")
def logged(base_services: Services, tmp_path_factory: pytest.TempPathFactory) -> Services:
    """Services whose question log holds unanswered questions full of markup."""
    log = Path(tmp_path_factory.mktemp("qlog")) / "questions.jsonl"
    env = {"DOCKBOT_QUESTION_LOG": str(log), "DOCKBOT_QUESTION_LOG_SALT": "s" * 20}
    services = Services(settings=Settings.from_env(env), kb=base_services.kb,
                        matcher=base_services.matcher)
    for text in (f"점심 메뉴 {MARKUP}", f"lunch menu {MARKUP}", f"lunch menu {MARKUP}"):
        intent.route(services, text, Principal.cli())
    assert log.read_text(encoding="utf-8").count("\n") == 3
    return services


def _results(services: Services, lang: Lang) -> Iterator[intent.Result]:
    for text in TEXTS:
        yield intent.route(services, text, Principal.cli(), lang)
    yield intent.route(services, "gaps", Principal.slack(user="UX", channel="CX"), lang)
    yield intent.Help(lang, ("ps", "logs <c>"), ("lo&cal",))
    yield intent.ExecOff(lang, "ps <x> & y", enabled=True)
    yield intent.ExecOff(lang, "ps <x> & y", enabled=False)
    yield intent.Exec(lang, "ps @local", "ps <a>", "lo&cal")
    yield intent.ExecDone(lang, "ps <a>", ExecResult(
        op="ps", host="h<1>", columns=("NAME", "<IMAGE>"), rows=(("a&b", "<none>"),),
        text="x < y & z", truncated=True))
    yield intent.Failed(lang, InputError(f"bad {NASTY}", hint="do <this> & that"))
    yield intent.Failed(lang, exec_error(ExecTimeout, "timeout", lang))


def _other_messages(services: Services, lang: Lang) -> Iterator[dict[str, Any]]:
    answer = services.matcher.ask(f"list images {NASTY}", lang)
    entries = services.kb.entries[:4]
    yield bk.alternatives_message(entries, lang, NASTY)
    yield bk.alternatives_message([], lang, NASTY)
    yield bk.suggestions_message(answer)
    inner = bk.answer_message(answer, services.kb)
    yield bk.shared_message(inner, "U123ABC", NASTY, lang)
    yield bk.shared_message(inner, "<evil>&", NASTY, lang)
    yield bk.home_view(lang, entries, entries, [("<#C1ABC>", ["ps"], ["lo<c>"])],
                       course_lessons=19)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_message_kind_is_escaped_and_valid(logged: Services, lang: Lang) -> None:
    kinds: set[str] = set()
    messages: list[dict[str, Any]] = []
    for result in _results(logged, lang):
        kinds.add(result.kind)
        for public in (False, True):
            messages.append(bk.reply_message(result, logged.kb, public=public,
                                             mask=shareable_text))
    assert kinds == {"help", "explain", "exec", "exec_off", "exec_done", "question", "gaps",
                     "learn", "error"}
    messages.extend(_other_messages(logged, lang))
    for msg in messages:
        if "type" not in msg:  # a message (a Home view has no fallback text)
            check_block_kit(msg)
        for text in mrkdwn_texts(msg):
            assert escaping_problems(text) == []


def test_the_gaps_report_with_markup_is_rendered(logged: Services) -> None:
    result = intent.route(logged, "gaps", Principal.cli(), "en")
    assert result.kind == "gaps" and result.state == "report" and result.report is not None
    msg = bk.reply_message(result, logged.kb)
    body = "\n".join(mrkdwn_texts(msg))
    assert escape("lunch menu <b>") in body  # the sample question, escaped, not dropped


def test_every_slack_phrase_is_written_escaped() -> None:
    slack = {k: v for k, v in PHRASES.items() if k.startswith("slack.")}
    assert "slack.help_body" in slack and "slack.role.flag" in slack
    for key, by_lang in slack.items():
        for lang, text in by_lang.items():
            assert escaping_problems(text) == [], (key, lang)


def test_the_help_shows_placeholders_escaped() -> None:
    for lang in ("en", "ko"):
        body = bk.help_message(lang, [], [])["blocks"][1]["text"]["text"]  # type: ignore[arg-type]
        assert "&lt;" in body and "<" not in body.replace("&lt;", "")


@pytest.mark.parametrize(
    ("text", "problems"),
    [("a &amp; b &lt;c&gt;", 0), ("<@U1> <#C1|ops> <!here> <https://x.io|x>", 0),
     ("a & b", 1), ("<question>", 2), ("x > y", 1), ("&nbsp;", 1)],
)
def test_the_escaping_check_itself(text: str, problems: int) -> None:
    assert len(escaping_problems(text)) == problems


def test_korean_errors_are_escaped_when_shown() -> None:
    codes = [k.split(".")[1] for k in PHRASES if k.startswith("error.") and k.count(".") == 1]
    assert "bad_command" in codes
    for code in codes:
        err = InputError("x")
        err.code = code
        msg = bk.error_message(err, "ko")
        for text in mrkdwn_texts(msg):
            assert escaping_problems(text) == []
