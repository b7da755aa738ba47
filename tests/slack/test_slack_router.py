"""The /docker router shared by Slack and `dockbot slash`, with the real components."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.executor import Principal
from bot.explain import explain
from bot.render import blockkit as kit
from bot.render import blocks as bk
from bot.services import Services
from bot.slack.router import render, route, run_job, slack_text, slash_results

MakeServices = Callable[..., Services]

OPS = Principal.slack(user="UOPS", channel="COPS", team="T0TEST")
VIEWER = Principal.slack(user="UVIEW", channel="COPS", team="T0TEST")
STRANGER = Principal.slack(user="UOPS", channel="CGEN", team="T0TEST")


def texts(msg: dict[str, Any]) -> str:
    return kit.plain_text(msg)


def action_ids(msg: dict[str, Any]) -> list[str]:
    return [e["action_id"] for b in msg["blocks"] if b["type"] == "actions"
            for e in b["elements"]]


@pytest.fixture
def dead_socket(tmp_path: Path) -> str:
    return f"unix://{tmp_path}/nothing-here.sock"


@pytest.mark.parametrize(
    ("wire", "typed"),
    [
        ("<@U123|bob> how", "@bob how"),
        ("<@U123> hi", "@U123 hi"),
        ("<#C1|ops> ps", "#ops ps"),
        ("<!here> x", "x"),
        ("see <https://docs.docker.com|docs>", "see docs"),
        ("<http://nginx.com>", "http://nginx.com"),
        ("docker run -e A=1 &amp;&amp; echo &lt;x&gt;", "docker run -e A=1 && echo <x>"),
        ("&amp;lt;", "&lt;"),
        ("a\x00b\x1bc", "a b c"),
    ],
)
def test_slack_wire_text_is_read_as_typed(wire: str, typed: str) -> None:
    assert slack_text(wire) == typed


@pytest.mark.parametrize("text", ["", "  ", "help", "HELP", "도움말", "?", "--help"])
def test_help(base_services: Services, text: str) -> None:
    routed = route(base_services, text, OPS)
    assert routed.kind == "help" and routed.job is None
    assert routed.message["blocks"][0]["text"]["text"] == kit.w("help_title", routed.lang)


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("explain docker run -dp 80:80 nginx", "docker run -dp 80:80 nginx"),
        ("설명 docker ps -a", "docker ps -a"),
        ("docker run -it --rm -v $(pwd):/app -w /app python:3.12 bash",
         "docker run -it --rm -v $(pwd):/app -w /app python:3.12 bash"),
        ("docker exec -it db psql -U postgres", "docker exec -it db psql -U postgres"),
    ],
)
def test_explain_and_pasted_commands(base_services: Services, text: str, command: str) -> None:
    routed = route(base_services, text, OPS)
    assert routed.kind == "explain"
    expected = explain(command, routed.lang).to_dict()
    body = texts(routed.message)
    for part in expected["parts"]:  # type: ignore[union-attr]
        assert part["meaning"] in body
    assert action_ids(routed.message) == [bk.ACTION_SHARE]


def test_explain_without_a_command_says_what_to_write(base_services: Services) -> None:
    routed = route(base_services, "explain", OPS)
    assert routed.kind == "error" and "explain" in texts(routed.message)


def test_explain_of_something_else_is_a_clear_error(base_services: Services) -> None:
    routed = route(base_services, "explain ls -la", OPS)
    assert routed.kind == "error" and "docker" in texts(routed.message)


@pytest.mark.parametrize(
    "question", ["how do I list images", "컨테이너를 백그라운드에서 실행하려면?",
                 "what is payload", "delete a volume"],
)
def test_questions_are_answered_in_their_language(base_services: Services, question: str) -> None:
    routed = route(base_services, question, OPS)
    assert routed.kind == "question"
    answer = base_services.matcher.ask(question)
    assert routed.lang == answer.lang
    if answer.best is not None:
        assert routed.message["blocks"][0]["text"]["text"] == answer.best.entry.title[answer.lang]
        assert bk.ACTION_SHARE in action_ids(routed.message)
    else:
        assert bk.ACTION_SHARE not in action_ids(routed.message)


def test_public_replies_have_no_share_button(base_services: Services) -> None:
    routed = route(base_services, "how do I list images", OPS, public=True)
    assert bk.ACTION_SHARE not in action_ids(routed.message)


@pytest.mark.parametrize("text", ["ps", "image ls", "version", "ps -a @local", "volume ls"])
def test_operations_when_the_executor_is_off_get_a_polite_note(
    base_services: Services, text: str
) -> None:
    routed = route(base_services, text, OPS)
    assert routed.kind == "exec_off" and routed.job is None
    assert "DOCKBOT_EXEC_ENABLED=1" in texts(routed.message)


def test_pasted_docker_ps_is_explained_when_it_cannot_run(base_services: Services) -> None:
    routed = route(base_services, "docker ps -a", OPS)
    assert routed.kind == "explain"


@pytest.mark.parametrize(
    ("principal", "text", "kind"),
    [
        (OPS, "ps", "exec"),
        (OPS, "docker ps -a", "exec"),
        (OPS, "logs web --tail 5 @local", "exec"),
        (VIEWER, "ps", "exec"),
        (VIEWER, "inspect web", "exec_off"),
        (STRANGER, "ps", "exec_off"),
        (STRANGER, "docker ps", "explain"),
        (Principal.slack(user="UNOBODY", channel="COPS"), "ps", "exec_off"),
        (Principal.slack(user="UVIEW", channel="DABC", is_dm=True), "images", "exec"),
        (Principal.slack(user="UVIEW", channel="DABC", is_dm=True), "stats", "exec_off"),
    ],
)
def test_operations_follow_the_policy_for_channel_and_user(
    make_services: MakeServices, dead_socket: str, principal: Principal, text: str, kind: str
) -> None:
    services = make_services(dead_socket)
    routed = route(services, text, principal)
    assert routed.kind == kind
    if kind == "exec":
        assert routed.job is not None
        op = services.executor.parse(text)
        assert routed.job.op == op.describe()
    if kind == "exec_off":
        assert kit.w("exec_not_allowed", "en").split("{op}")[1][:20] in \
            routed.message["blocks"][0]["text"]["text"]


def test_help_lists_only_what_the_asker_may_run(
    make_services: MakeServices, dead_socket: str
) -> None:
    services = make_services(dead_socket)
    ops = texts(route(services, "help", OPS).message)
    viewer = texts(route(services, "help", VIEWER).message)
    stranger = texts(route(services, "help", STRANGER).message)
    assert "`logs`" in ops and "`@local`" in ops
    assert "`ps`" in viewer and "`logs`" not in viewer and "`inspect`" not in viewer
    assert "`ps`" not in stranger and kit.w("help_no_exec", "en") in stranger


def test_run_it_is_offered_only_to_who_may_run_it(
    make_services: MakeServices, dead_socket: str
) -> None:
    services = make_services(dead_socket)
    question = "show running containers"
    answer = services.matcher.ask(question)
    assert answer.best is not None and answer.best.entry.command is not None
    services.executor.parse(answer.best.entry.command)  # the answer is a runnable operation
    assert bk.ACTION_RUN in action_ids(route(services, question, OPS).message)
    assert bk.ACTION_RUN not in action_ids(route(services, question, STRANGER).message)
    assert bk.ACTION_RUN not in action_ids(route(make_services(), question, OPS).message)


def test_run_job_reports_an_unreachable_host_in_the_asker_language(
    make_services: MakeServices, dead_socket: str
) -> None:
    services = make_services(dead_socket)
    for text, lang in (("ps", "en"), ("ps", "ko")):
        routed = route(services, text, OPS, lang)  # type: ignore[arg-type]
        assert routed.job is not None
        out = texts(run_job(services, routed.job, OPS))
        assert ("reached" in out) if lang == "en" else ("연결" in out or "닿" in out), out


@pytest.mark.docker
def test_run_job_against_a_real_engine(make_services: MakeServices, docker_containers: Any) -> None:
    services = make_services(docker_containers.url)
    routed = route(services, "ps -a", OPS)
    assert routed.job is not None
    out = texts(run_job(services, routed.job, OPS))
    assert docker_containers.web in out and docker_containers.idle in out
    for canary in docker_containers.canaries:
        assert canary not in out


def test_slash_results_are_what_slack_routes(base_services: Services) -> None:
    for text in ("help", "how do I list images", "explain docker ps -a", "ps"):
        routed = route(base_services, text, Principal.cli())
        (result,) = slash_results(base_services, text, None)
        assert render(base_services, result) == routed.message
    (ko,) = slash_results(base_services, "how do I list images", "ko")
    assert "이미지" in texts(render(base_services, ko))


def test_slash_results_run_operations_as_the_local_operator(
    make_services: MakeServices, dead_socket: str
) -> None:
    services = make_services(dead_socket)
    running, done = slash_results(services, "ps", None)
    assert running.kind == "exec" and done.kind == "error"
    out = texts(render(services, done))
    assert "reached" in out and "DOCKBOT_EXEC_ENABLED" not in out


@pytest.mark.parametrize("text", ["ps <@U123ABC>", "logs web <@W0ABC12>"])
def test_a_mention_after_an_operation_is_said_not_taken_for_a_host(
    base_services: Services, text: str
) -> None:
    routed = route(base_services, text, OPS)
    assert routed.kind == "error"
    body = kit.plain_text(routed.message)
    assert "Slack mention" in body and "@prod" in body
