"""The real app over real HTTP: signed slash commands, button clicks and events.

Every request goes through waitress, the request checks, Bolt and the listeners;
Web API calls land on the local stand-in, response_url posts on its receiver.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from slack_sdk.signature import SignatureVerifier

from bot.ask.answer import Answer, Candidate
from bot.explain import explain
from bot.render import blockkit as kit
from bot.render import blocks as bk
from bot.render.buttons import Feedback, Others, decode
from bot.services import Services
from bot.slack.home import guide

MakeApp = Callable[..., Any]


def action(msg: dict[str, Any], action_id: str) -> dict[str, Any]:
    for b in msg["blocks"]:
        for e in b.get("elements", []):
            if e.get("action_id") == action_id:
                return dict(e)
    raise AssertionError(f"no {action_id} button in {json.dumps(msg)[:500]}")


def ids(msg: dict[str, Any]) -> list[str]:
    return [e["action_id"] for b in msg["blocks"] if b["type"] == "actions" for e in b["elements"]]


def audit_lines(app: Any) -> list[dict[str, Any]]:
    cfg = Path(str(app.runtime.services.settings.config_path) + ".audit")
    return [json.loads(x) for x in cfg.read_text().splitlines()] if cfg.exists() else []


@pytest.fixture
def dead_socket(tmp_path: Path) -> str:
    return f"unix://{tmp_path}/no-docker.sock"


# ------------------------------------------------------------------ questions, explain, help


@pytest.mark.parametrize(
    "question",
    ["how do I list images", "remove a stopped container", "컨테이너를 백그라운드에서 실행하려면?",
     "이미지 목록 보는 법"],
)
def test_questions_are_answered_in_the_ack(
    slack_app: MakeApp, base_services: Services, question: str
) -> None:
    app = slack_app()
    reply, _ = app.command(question)
    assert reply.status == 200
    body = reply.json()
    assert body["response_type"] == "ephemeral"
    expected = base_services.matcher.ask(question)
    assert expected.best is not None
    assert body["blocks"][0]["text"]["text"] == expected.best.entry.title[expected.lang]
    assert expected.best.entry.title[expected.lang] in body["text"]
    assert ids(body)[:2] == [bk.ACTION_SHARE, bk.ACTION_OTHERS]
    assert app.fake.responses == {}


def test_explain_over_http(slack_app: MakeApp) -> None:
    app = slack_app()
    reply, _ = app.command("explain docker run -dp 80:80 nginx")
    body = reply.json()
    expected = explain("docker run -dp 80:80 nginx", "en").to_dict()
    text = kit.plain_text(body)
    for part in expected["parts"]:  # type: ignore[union-attr]
        assert part["meaning"] in text
    korean = app.command("설명 docker run -dp 80:80 nginx")[0].json()
    assert kit.w("explain_title", "ko") == korean["blocks"][0]["text"]["text"]


@pytest.mark.parametrize("text", ["", "help", "도움말"])
def test_help_over_http(slack_app: MakeApp, text: str) -> None:
    body = slack_app().command(text)[0].json()
    lang = "ko" if text == "도움말" else "en"
    assert body["blocks"][0]["text"]["text"] == kit.w("help_title", lang)


# ------------------------------------------------------------------ executor on / off


def test_executor_off_gives_a_note_and_runs_nothing(slack_app: MakeApp) -> None:
    app = slack_app()
    body = app.command("ps", user="UOPS", channel="COPS")[0].json()
    assert "DOCKBOT_EXEC_ENABLED=1" in kit.plain_text(body)
    time.sleep(0.3)
    assert app.fake.responses == {}


def test_executor_denied_for_this_channel_runs_nothing(
    slack_app: MakeApp, dead_socket: str
) -> None:
    app = slack_app(dead_socket)
    body = app.command("ps", user="UOPS", channel="CGEN")[0].json()
    assert "cannot run" in kit.plain_text(body)
    time.sleep(0.3)
    assert app.fake.responses == {}
    (line,) = audit_lines(app)
    assert (line["decision"], line["outcome"], line["user"], line["channel"], line["op"]) == (
        "denied", "denied", "UOPS", "CGEN", "ps")
    assert line["rule"] == "no-channel-rule:op" and line["bytes"] == 0


def test_executor_unreachable_host_answers_after_the_ack(
    slack_app: MakeApp, dead_socket: str
) -> None:
    app = slack_app(dead_socket)
    reply, key = app.command("ps -a", user="UOPS", channel="COPS")
    assert reply.status == 200 and "⏳" in reply.json()["text"]
    (result,) = app.fake.wait_responses(key)
    assert result["replace_original"] is True and result["response_type"] == "ephemeral"
    assert "cannot be reached" in kit.plain_text(result)
    assert audit_lines(app)[-1]["outcome"] == "unreachable"


def test_slow_docker_host_does_not_delay_the_ack(
    slack_app: MakeApp, slow_docker_socket: str
) -> None:
    app = slack_app(slow_docker_socket)
    reply, key = app.command("ps", user="UOPS", channel="COPS")
    assert reply.status == 200 and reply.seconds < 1.0
    (result,) = app.fake.wait_responses(key, timeout=10)
    assert "did not answer in time" in kit.plain_text(result)


@pytest.mark.docker
def test_executor_on_a_real_engine(slack_app: MakeApp, docker_containers: Any) -> None:
    app = slack_app(docker_containers.url)
    reply, key = app.command("ps -a @local", user="UOPS", channel="COPS")
    assert reply.status == 200
    (result,) = app.fake.wait_responses(key)
    text = kit.plain_text(result)
    assert docker_containers.web in text and docker_containers.idle in text
    _, key = app.command("image ls", user="UVIEW", channel="COPS", key="ko-img")
    (images,) = app.fake.wait_responses(key)
    assert "dockbot-test/busybox" in kit.plain_text(images)
    everything = json.dumps(app.fake.responses)
    for canary in docker_containers.canaries:
        assert canary not in everything


# ------------------------------------------------------------------ buttons


def test_share_posts_the_same_answer_in_channel_attributed(slack_app: MakeApp) -> None:
    app = slack_app()
    answer = app.command("how do I list images")[0].json()
    reply, key = app.click(action(answer, bk.ACTION_SHARE))
    assert reply.status == 200
    (shared,) = app.fake.wait_responses(key)
    assert shared["response_type"] == "in_channel" and shared["replace_original"] is False
    assert "<@UASK>" in shared["blocks"][0]["elements"][0]["text"]
    assert shared["blocks"][1] == answer["blocks"][0]
    assert all(b["type"] != "actions" for b in shared["blocks"])


def test_a_composed_answer_is_shared_as_composed(slack_app: MakeApp) -> None:
    app = slack_app()
    answer = app.command("show the last 5 lines of a container's logs")[0].json()
    assert "docker logs --tail 5 <container>" in kit.plain_text(answer)
    _, key = app.click(action(answer, bk.ACTION_SHARE))
    (shared,) = app.fake.wait_responses(key)
    assert "docker logs --tail 5 <container>" in kit.plain_text(shared)


def test_share_an_explanation(slack_app: MakeApp) -> None:
    app = slack_app()
    answer = app.command("explain docker ps -a")[0].json()
    _, key = app.click(action(answer, bk.ACTION_SHARE))
    (shared,) = app.fake.wait_responses(key)
    assert shared["response_type"] == "in_channel"
    assert "docker ps -a" in kit.plain_text(shared)


def test_other_answers_lists_the_alternatives(slack_app: MakeApp, base_services: Services) -> None:
    app = slack_app()
    answer = app.command("컨테이너 로그 보기")[0].json()
    button = action(answer, bk.ACTION_OTHERS)
    _, key = app.click(button)
    (others,) = app.fake.wait_responses(key)
    text = kit.plain_text(others)
    for entry_id in decode(Others, button["value"]).ids:
        entry = base_services.kb.get(entry_id)
        assert entry is not None and entry.title["ko"] in text


def test_did_you_mean_pick_replaces_the_suggestions(
    slack_app: MakeApp, base_services: Services
) -> None:
    app = slack_app()
    entries = base_services.kb.entries[5:8]
    low = bk.suggestions_message(Answer("음", "ko", False, None,
                                        tuple(Candidate(e, 0.2) for e in entries)))
    _, key = app.click(action(low, f"{bk.ACTION_PICK}_1"))
    (picked,) = app.fake.wait_responses(key)
    assert picked["replace_original"] is True
    assert picked["blocks"][0]["text"]["text"] == entries[1].title["ko"]
    assert bk.ACTION_FEEDBACK_UP in ids(picked)


def test_run_it_runs_for_a_clicker_who_may(slack_app: MakeApp, dead_socket: str) -> None:
    app = slack_app(dead_socket)
    answer = app.command("show running containers", user="UOPS", channel="COPS")[0].json()
    _, key = app.click(action(answer, bk.ACTION_RUN), user="UOPS", channel="COPS")
    pending, result = app.fake.wait_responses(key, 2)
    assert "⏳" in pending["text"] and "cannot be reached" in kit.plain_text(result)
    assert [a["user"] for a in audit_lines(app)] == ["UOPS"]


def test_run_it_rechecks_the_clicker(slack_app: MakeApp, dead_socket: str) -> None:
    app = slack_app(dead_socket)
    answer = app.command("show running containers", user="UOPS", channel="COPS")[0].json()
    button = action(answer, bk.ACTION_RUN)
    _, key = app.click(button, user="USTRANGER", channel="COPS")
    (note,) = app.fake.wait_responses(key)
    assert "cannot run" in kit.plain_text(note)
    _, key = app.click(button, user="UOPS", channel="CGEN")
    (note,) = app.fake.wait_responses(key)
    assert "cannot run" in kit.plain_text(note)
    time.sleep(0.2)
    assert [(a["decision"], a["user"], a["channel"]) for a in audit_lines(app)] == [
        ("denied", "USTRANGER", "COPS"), ("denied", "UOPS", "CGEN")]


@pytest.mark.docker
def test_run_it_on_a_real_engine(slack_app: MakeApp, docker_containers: Any) -> None:
    app = slack_app(docker_containers.url)
    answer = app.command("show running containers", user="UOPS", channel="COPS")[0].json()
    _, key = app.click(action(answer, bk.ACTION_RUN), user="UVIEW", channel="COPS")
    _, result = app.fake.wait_responses(key, 2)
    assert docker_containers.web in kit.plain_text(result)


@pytest.mark.parametrize("vote", [bk.ACTION_FEEDBACK_UP, bk.ACTION_FEEDBACK_DOWN])
def test_feedback_is_logged(
    slack_app: MakeApp, caplog: pytest.LogCaptureFixture, vote: str
) -> None:
    caplog.set_level(logging.INFO, logger="dockbot.feedback")
    app = slack_app()
    answer = app.command("how do I list images")[0].json()
    _, key = app.click(action(answer, vote))
    (thanks,) = app.fake.wait_responses(key)
    assert kit.w("feedback_thanks", "en") in kit.plain_text(thanks)
    records = [json.loads(r.getMessage()) for r in caplog.records if r.name == "dockbot.feedback"]
    value = decode(Feedback, action(answer, vote)["value"])
    assert records == [{"event": "feedback", "vote": vote.rsplit("_", 1)[1], "entry": value.entry,
                        "lang": "en", "query": "how do I list images", "team": "T0TEST"}]


def test_feedback_log_masks_secret_looking_text(
    slack_app: MakeApp, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="dockbot.feedback")
    app = slack_app()
    value = {"e": "login", "q": "docker login --password=hunter2 as me", "l": "en", "v": "up"}
    _, key = app.click({"action_id": bk.ACTION_FEEDBACK_UP, "value": json.dumps(value)})
    app.fake.wait_responses(key)
    logged = [r.getMessage() for r in caplog.records if r.name == "dockbot.feedback"]
    assert len(logged) == 1 and "hunter2" not in logged[0] and "docker login" in logged[0]


def test_buttons_on_public_thread_answers_reply_ephemerally_in_thread(
    slack_app: MakeApp,
) -> None:
    app = slack_app()
    app.event({"type": "app_mention", "user": "UASK", "channel": "CGEN", "ts": "5.5",
               "text": "<@UBOT> 컨테이너 로그 보기"})
    (posted,) = app.fake.wait_calls("chat.postMessage")
    answer = {"blocks": posted.params["blocks"]}
    assert bk.ACTION_SHARE not in ids(answer)
    message = {"type": "message", "ts": "6.6", "thread_ts": "5.5", "text": "x"}
    app.click(action(answer, bk.ACTION_OTHERS), ephemeral=False, message=message, user="U2")
    (eph,) = app.fake.wait_calls("chat.postEphemeral")
    assert eph.params["user"] == "U2" and eph.params["thread_ts"] == "5.5"
    assert eph.params["channel"] == "CGEN"


def test_home_language_button_republishes(slack_app: MakeApp) -> None:
    app = slack_app()
    home = bk.home_view("ko", [], [], [])
    app.click(action(home, f"{bk.ACTION_HOME_LANG}_en"), view=True, user="UHOME")
    (call,) = app.fake.wait_calls("views.publish")
    assert call.params["user_id"] == "UHOME"
    assert call.params["view"]["blocks"][0]["text"]["text"] == kit.w("home_title", "en")


def test_a_replayed_click_has_no_effect(slack_app: MakeApp) -> None:
    app = slack_app()
    answer = app.command("how do I list images")[0].json()
    button = action(answer, bk.ACTION_SHARE)
    first, key = app.click(button, key="same")
    second, _ = app.click(button, key="same")
    assert first.status == second.status == 200
    app.fake.wait_responses(key)
    time.sleep(0.3)
    assert len(app.fake.responses[key]) == 1


def test_stale_or_foreign_button_values_say_so(slack_app: MakeApp) -> None:
    app = slack_app()
    _, key = app.click({"action_id": bk.ACTION_SHARE, "value": "garbage"})
    (reply,) = app.fake.wait_responses(key)
    assert kit.w("expired", "en") in kit.plain_text(reply)
    _, key = app.click({"action_id": f"{bk.ACTION_PICK}_0", "value": '{"e": "no-such", "l": "ko"}'})
    (reply,) = app.fake.wait_responses(key)
    assert kit.w("expired", "ko") in kit.plain_text(reply)


# ------------------------------------------------------------------ events


def test_mention_is_answered_in_thread(slack_app: MakeApp, base_services: Services) -> None:
    app = slack_app()
    reply = app.event({"type": "app_mention", "user": "UASK", "channel": "CGEN", "ts": "7.7",
                       "text": "<@UBOT> 이미지 목록 보는 법"})
    assert reply.status == 200
    (call,) = app.fake.wait_calls("chat.postMessage")
    expected = base_services.matcher.ask("이미지 목록 보는 법")
    assert expected.best is not None
    assert call.params["thread_ts"] == "7.7" and call.params["channel"] == "CGEN"
    assert call.params["blocks"][0]["text"]["text"] == expected.best.entry.title["ko"]
    assert call.params["_auth"] == "Bearer xoxb-test-token"


def test_dm_is_answered_in_thread_and_bot_messages_are_ignored(slack_app: MakeApp) -> None:
    app = slack_app()
    app.event({"type": "message", "channel_type": "im", "channel": "D1", "ts": "8.1",
               "bot_id": "BBOT", "text": "how do I list images"})
    app.event({"type": "message", "subtype": "message_changed", "channel_type": "im",
               "channel": "D1", "ts": "8.2", "text": "x"})
    app.event({"type": "message", "channel_type": "channel", "channel": "C1", "ts": "8.3",
               "user": "U1", "text": "how do I list images"})
    time.sleep(0.4)
    assert app.fake.calls_to("chat.postMessage") == []
    app.event({"type": "message", "channel_type": "im", "channel": "D1", "ts": "8.4",
               "user": "U1", "text": "explain docker ps -a"})
    (call,) = app.fake.wait_calls("chat.postMessage")
    assert call.params["thread_ts"] == "8.4"
    assert call.params["blocks"][0]["text"]["text"] == kit.w("explain_title", "en")


@pytest.mark.parametrize("op", ["ps", "logs web --tail 5"])
def test_mention_with_an_operation_answers_only_the_asker_in_thread(
    slack_app: MakeApp, dead_socket: str, op: str
) -> None:
    app = slack_app(dead_socket)
    app.event({"type": "app_mention", "user": "UOPS", "channel": "COPS", "ts": "9.9",
               "text": f"<@UBOT> {op}"})
    pending, result = app.fake.wait_calls("chat.postEphemeral", 2)
    assert {pending.params["thread_ts"], result.params["thread_ts"]} == {"9.9"}
    assert {pending.params["user"], result.params["user"]} == {"UOPS"}
    assert "cannot be reached" in kit.plain_text({"blocks": result.params["blocks"]})
    time.sleep(0.2)
    assert app.fake.calls_to("chat.postMessage") == []


def test_app_home_shows_the_guide_and_the_viewer_access(
    slack_app: MakeApp, base_services: Services, dead_socket: str
) -> None:
    app = slack_app(dead_socket)
    app.event({"type": "app_home_opened", "user": "UOPS", "channel": "D1", "tab": "home"})
    app.event({"type": "app_home_opened", "user": "UOPS", "channel": "D1", "tab": "messages"})
    (call,) = app.fake.wait_calls("views.publish")
    view = call.params["view"]
    assert call.params["user_id"] == "UOPS" and view["type"] == "home"
    text = kit.plain_text(view)
    concepts, commands = guide(base_services.kb)
    assert concepts and commands
    positions = [text.index(e.title["ko"]) for e in concepts]
    assert positions == sorted(positions)
    for e in commands:
        assert e.command is not None and e.command in text
    assert "#COPS" in text and "`logs`" in text and "`@local`" in text
    time.sleep(0.2)
    assert len(app.fake.calls_to("views.publish")) == 1


def test_home_without_executor_says_lookups_are_unavailable(slack_app: MakeApp) -> None:
    app = slack_app()
    app.event({"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home"})
    (call,) = app.fake.wait_calls("views.publish")
    assert kit.w("help_no_exec", "ko") in kit.plain_text(call.params["view"])


def test_user_groups_grant_access_through_usergroups_list(
    slack_app: MakeApp, dead_socket: str
) -> None:
    policy = {"channels": {"COPS": {"ops": "all"}}, "usergroups": {"SONCALL": {"role": "viewer"}}}
    app = slack_app(dead_socket, policy=policy)
    app.fake.usergroups = [{"id": "SONCALL", "users": ["UCALL"]}, {"id": "SX", "users": ["U9"]}]
    reply, key = app.command("ps", user="UCALL", channel="COPS")
    assert "⏳" in reply.json()["text"]
    assert "cannot be reached" in kit.plain_text(app.fake.wait_responses(key)[0])
    assert "cannot run" in kit.plain_text(app.command("ps", user="U9", channel="COPS")[0].json())
    assert "cannot run" in kit.plain_text(app.command("inspect x", user="UCALL",
                                                     channel="COPS")[0].json())
    assert len(app.fake.calls_to("usergroups.list")) == 1  # cached per workspace


def test_timeout_retries_are_not_answered_twice(slack_app: MakeApp) -> None:
    app = slack_app()
    event = {"type": "app_mention", "user": "U1", "channel": "C1", "ts": "3.3",
             "text": "<@UBOT> list images"}
    retry = app.event(event, headers={"X-Slack-Retry-Num": "1",
                                      "X-Slack-Retry-Reason": "http_timeout"})
    assert retry.status == 200
    time.sleep(0.3)
    assert app.fake.calls_to("chat.postMessage") == []


def test_url_verification(slack_app: MakeApp) -> None:
    app = slack_app()
    body = json.dumps({"type": "url_verification", "challenge": "abc123", "token": "t"})
    reply = app.send(body, "application/json")
    assert reply.status == 200 and "abc123" in reply.body


# ------------------------------------------------------------------ request security


def _command_body(text: str = "how do I list images") -> str:
    return urlencode({"command": "/docker", "text": text, "team_id": "T0TEST", "user_id": "U1",
                      "channel_id": "C1", "response_url": "http://127.0.0.1:9/x",
                      "trigger_id": "t"})


FORM = "application/x-www-form-urlencoded"


def _headers(case: str, body: str) -> dict[str, str]:
    now = int(time.time())
    good = SignatureVerifier("test-signing-secret-0123456789")

    def sign(ts: str, payload: str = body, v: SignatureVerifier = good) -> str:
        return v.generate_signature(timestamp=ts, body=payload) or ""

    base = {"Content-Type": FORM}
    if case == "forged":
        forged = SignatureVerifier("not-the-secret")
        return {**base, "X-Slack-Request-Timestamp": str(now),
                "X-Slack-Signature": sign(str(now), v=forged)}
    if case == "other-body":
        return {**base, "X-Slack-Request-Timestamp": str(now),
                "X-Slack-Signature": sign(str(now), body + "&x=1")}
    if case in ("stale", "future"):
        ts = str(now - 301 if case == "stale" else now + 400)
        return {**base, "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sign(ts)}
    if case == "no-signature":
        return {**base, "X-Slack-Request-Timestamp": str(now)}
    if case == "no-timestamp":
        return {**base, "X-Slack-Signature": sign(str(now))}
    if case == "no-headers":
        return base
    assert case.startswith("ts=")
    ts = case[3:]
    return {**base, "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sign(ts)}


@pytest.mark.parametrize(
    "case",
    ["forged", "other-body", "stale", "future", "no-signature", "no-timestamp", "no-headers",
     "ts=abc", "ts=1e9", "ts=", "ts=-1", "ts=12.5", "ts=\u00b9\u00b2\u00b3"],
)
def test_bad_requests_get_401_and_nothing_runs(
    slack_app: MakeApp, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    import bot.slack.listeners.commands as commands

    ran: list[str] = []
    real = commands.route
    monkeypatch.setattr(commands, "route", lambda *a, **k: ran.append("x") or real(*a, **k))
    app = slack_app()
    body = _command_body()
    reply = app.post_raw(body, _headers(case, body))
    assert reply.status == 401, reply.body
    assert json.loads(reply.body) == {"error": "invalid request"}
    assert app.dispatched == [] and ran == []
    good = app.send(body, FORM)
    assert good.status == 200 and ran == ["x"]


def test_rejected_bodies_are_not_logged(
    slack_app: MakeApp, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    app = slack_app()
    body = _command_body("secret-looking-text-42")
    app.post_raw(body, _headers("forged", body))
    assert "secret-looking-text-42" not in caplog.text


@pytest.mark.parametrize(
    "text",
    ["", "   ", "x" * 20_000, "\x00\x01\x02\x1b[2J", "<@U1>", "&lt;", "&amp;lt;script&gt;",
     "🐳😀🚀", "<!channel> 🐳", "ps; rm -rf /", "ps && reboot", "\u202eevil\u202c",
     "docker run \x00 nginx", "이미지" * 3000, "what is payload", "'\"`$(id)`",
     "explain " + "-" * 5000],
    ids=lambda text: f"{len(text)}:{text[:12]!r}",
)
def test_junk_text_gets_200_and_a_sensible_reply(slack_app: MakeApp, text: str) -> None:
    app = slack_app()
    reply, _ = app.command(text)
    assert reply.status == 200
    body = reply.json()
    assert body["text"] and body["blocks"]
    raw = json.dumps(body, ensure_ascii=False)
    assert "<!channel>" not in raw and "<@U1>" not in raw
    if len(text) > 1000 and "explain" not in text:
        assert "too long" in kit.plain_text(body)


def test_signed_but_unreadable_bodies_get_400(slack_app: MakeApp) -> None:
    app = slack_app()
    assert app.send("payload=%7Bnot-json", FORM).status == 400
    assert app.send("[1, 2]", "application/json").status == 400
    raw = b"command=%2Fdocker&text=\xff\xfe"
    ts = str(int(time.time()))
    mac = hmac.new(b"test-signing-secret-0123456789", b"v0:" + ts.encode() + b":" + raw,
                   hashlib.sha256).hexdigest()
    req = urllib.request.Request(app.events_url, data=raw, method="POST", headers={
        "Content-Type": FORM, "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={mac}"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=10)
    assert err.value.code == 401  # not UTF-8, so not from Slack
    assert app.dispatched == []


def test_unknown_command_is_not_handled(slack_app: MakeApp) -> None:
    body = urlencode({"command": "/other", "text": "x", "team_id": "T0TEST", "user_id": "U1"})
    assert slack_app().send(body, FORM).status == 404


def test_health_and_other_paths(slack_app: MakeApp) -> None:
    app = slack_app()
    health = app.get("/healthz")
    assert health.status == 200 and health.json() == {"ok": True, "status": "ok"}
    assert app.get("/slack/events").status == 405
    assert app.get("/nope").status == 404
    assert app.post_raw("x", {"Content-Type": FORM}, path="/other").status == 404
    assert app.dispatched == []
