"""Answers filled with live names, on a real Docker engine and the real Bolt app over HTTP:
the menu appears after the ack for askers who may list names, picking gives the filled
command, nothing runs, and the names are the executor's projected, redacted ones."""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlencode

import docker
import pytest

from bot.phrases import phrase
from bot.render import blockkit as kit
from bot.render.buttons import FillMenu, FillPick, Others, Pick, decode, encode
from bot.render.fill import ACTION_FILL
from tests.conftest import API_VERSION, IMAGE

MakeApp = Callable[..., Any]
FORM = "application/x-www-form-urlencoded"
pytestmark = pytest.mark.docker


@pytest.fixture(scope="module")
def secret_named(docker_engine: str) -> Iterator[str]:
    """A container whose name looks like an AWS access key: redaction must hide it."""
    api = docker.APIClient(base_url=docker_engine, version=API_VERSION, timeout=60)
    name = "AKIA" + secrets.token_hex(8).upper()
    api.create_container(IMAGE, ["true"], name=name,
                         host_config=api.create_host_config(network_mode="none"))
    yield name
    api.remove_container(name, force=True)
    api.close()


def menus(msg: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(actions block, static_select) pairs of a message."""
    return [(b, e) for b in msg["blocks"] if b["type"] == "actions" for e in b["elements"]
            if e["type"] == "static_select"]


def pick(app: Any, block: dict[str, Any], option: dict[str, Any], action_id: str,
         user: str = "UOPS") -> str:
    key = app.key()
    payload = {
        "type": "block_actions", "team": {"id": "T0TEST"}, "user": {"id": user},
        "channel": {"id": "COPS"}, "trigger_id": f"trg-{key}",
        "response_url": app.fake.response_url(key),
        "container": {"type": "message", "channel_id": "COPS", "is_ephemeral": True},
        "actions": [{"type": "static_select", "action_id": action_id,
                     "block_id": block["block_id"], "selected_option": option,
                     "action_ts": f"{time.time():.6f}"}],
    }
    reply = app.send(urlencode({"payload": json.dumps(payload)}), FORM)
    assert reply.status == 200
    return key


def test_a_container_answer_offers_live_names_and_a_pick_fills_the_command(
    slack_app: MakeApp, docker_containers: Any, secret_named: str,
    valid_message: Callable[[dict[str, Any]], None],
) -> None:
    app = slack_app(docker_containers.url)
    reply, key = app.command("컨테이너 로그 보기", user="UOPS", channel="COPS")
    assert reply.status == 200 and reply.seconds < 2.0
    assert menus(reply.json()) == []  # the ack never waits for Docker
    (menu_msg,) = app.fake.wait_responses(key)
    valid_message(menu_msg)
    assert menu_msg["replace_original"] is True
    assert "docker logs <container>" in kit.unmark(kit.plain_text(menu_msg))
    ((block, select),) = menus(menu_msg)
    assert select["action_id"] == f"{ACTION_FILL}_container"
    assert decode(FillMenu, block["block_id"]).template == "docker logs <container>"
    names = [decode(FillPick, o["value"]).name for o in select["options"]]
    for name in (docker_containers.web, docker_containers.idle, docker_containers.chatty):
        assert name in names
    assert secret_named not in json.dumps(menu_msg) and all("***" not in n for n in names)
    for canary in docker_containers.canaries:
        assert canary not in json.dumps(menu_msg)

    option = next(o for o in select["options"]
                  if decode(FillPick, o["value"]).name == docker_containers.web)
    done = pick(app, block, option, select["action_id"])
    (filled,) = app.fake.wait_responses(done)
    valid_message(filled)
    text = kit.unmark(kit.plain_text(filled))
    assert f"docker logs {docker_containers.web}" in text
    assert kit.w("fill_ready", "ko") in text


def test_images_and_volumes_fill_their_placeholders(
    slack_app: MakeApp, docker_containers: Any
) -> None:
    app = slack_app(docker_containers.url)
    _, key = app.command("이미지 삭제하기", user="UOPS", channel="COPS")
    (msg,) = app.fake.wait_responses(key)
    ((block, select),) = menus(msg)
    assert IMAGE in [decode(FillPick, o["value"]).name for o in select["options"]]
    _, key = app.command("remove a volume", user="UOPS", channel="COPS")
    (msg,) = app.fake.wait_responses(key)
    ((block, select),) = menus(msg)
    assert "`<name>`" in kit.plain_text(msg) or "<name>" in kit.unmark(kit.plain_text(msg))
    option = next(o for o in select["options"]
                  if decode(FillPick, o["value"]).name == docker_containers.volume)
    done = pick(app, block, option, select["action_id"])
    (filled,) = app.fake.wait_responses(done)
    assert f"docker volume rm {docker_containers.volume}" in kit.unmark(kit.plain_text(filled))


def test_no_menu_for_askers_who_may_not_list_or_when_the_executor_is_off(
    slack_app: MakeApp, docker_containers: Any
) -> None:
    app = slack_app(docker_containers.url)
    reply, key = app.command("컨테이너 로그 보기", user="UASK", channel="CGEN")
    assert reply.status == 200 and "docker logs" in kit.unmark(kit.plain_text(reply.json()))
    off = slack_app()
    reply, key_off = off.command("컨테이너 로그 보기", user="UOPS", channel="COPS")
    assert reply.status == 200
    time.sleep(1.0)
    assert app.fake.responses.get(key) is None and off.fake.responses.get(key_off) is None


def test_a_forged_menu_or_option_is_a_clear_reply_and_runs_nothing(
    slack_app: MakeApp, docker_containers: Any
) -> None:
    app = slack_app(docker_containers.url)
    good_block = {"block_id": encode(FillMenu("en", "container", "docker stop <container>"))}
    option = {"text": {"type": "plain_text", "text": "x"},
              "value": encode(FillPick("en", "container", "web; rm -rf /"))}
    done = pick(app, good_block, option, f"{ACTION_FILL}_container")
    (said,) = app.fake.wait_responses(done)
    assert "not a Docker name" in kit.plain_text(said)
    other = {"text": {"type": "plain_text", "text": "x"},
             "value": encode(FillPick("en", "image", "nginx"))}
    done = pick(app, good_block, other, f"{ACTION_FILL}_image")
    (said,) = app.fake.wait_responses(done)
    assert kit.w("expired", "en") in kit.plain_text(said)
    done = pick(app, {"block_id": "b1"}, other, f"{ACTION_FILL}_image")
    (said,) = app.fake.wait_responses(done)
    assert kit.w("expired", "en") in kit.plain_text(said)


def test_an_option_for_another_placeholder_is_said_in_the_pickers_language(
    slack_app: MakeApp,
) -> None:
    app = slack_app()
    block = {"block_id": encode(FillMenu("ko", "container", "docker stop <container>"))}
    option = {"text": {"type": "plain_text", "text": "x"},
              "value": encode(FillPick("ko", "image", "nginx"))}
    done = pick(app, block, option, f"{ACTION_FILL}_image")
    (said,) = app.fake.wait_responses(done)
    text = kit.plain_text(said)
    assert kit.w("expired", "ko") in text and phrase("input.fill_other_kind", "ko") in text
    assert "placeholder" not in text


def names_in(select: dict[str, Any]) -> list[str]:
    return [decode(FillPick, o["value"]).name for o in select["options"]]


def test_a_mention_gets_the_menus_only_for_the_asker_in_its_thread(
    slack_app: MakeApp, docker_containers: Any, secret_named: str,
    valid_message: Callable[[dict[str, Any]], None],
) -> None:
    app = slack_app(docker_containers.url)
    reply = app.event({"type": "app_mention", "user": "UOPS", "channel": "COPS", "ts": "11.1",
                       "text": "<@UBOT> 컨테이너 로그 보기"})
    assert reply.status == 200 and reply.seconds < 2.0
    (answer,) = app.fake.wait_calls("chat.postMessage")
    assert answer.params["thread_ts"] == "11.1" and menus(answer.params) == []
    assert docker_containers.web not in json.dumps(answer.params)  # the channel sees no names
    (follow,) = app.fake.wait_calls("chat.postEphemeral")
    assert follow.params["user"] == "UOPS" and follow.params["channel"] == "COPS"
    assert follow.params["thread_ts"] == "11.1"
    msg = {"text": follow.params["text"], "blocks": follow.params["blocks"]}
    valid_message(msg)
    ((block, select),) = menus(msg)
    assert decode(FillMenu, block["block_id"]).template == "docker logs <container>"
    names = names_in(select)
    assert docker_containers.web in names and docker_containers.idle in names
    assert secret_named not in json.dumps(msg)
    for canary in docker_containers.canaries:
        assert canary not in json.dumps(msg)
    option = next(o for o in select["options"]
                  if decode(FillPick, o["value"]).name == docker_containers.idle)
    done = pick(app, block, option, select["action_id"])
    (filled,) = app.fake.wait_responses(done)
    assert f"docker logs {docker_containers.idle}" in kit.unmark(kit.plain_text(filled))


def test_a_mention_from_someone_who_may_not_list_gets_no_menu(
    slack_app: MakeApp, docker_containers: Any
) -> None:
    app = slack_app(docker_containers.url)
    app.event({"type": "app_mention", "user": "UASK", "channel": "CGEN", "ts": "11.2",
               "text": "<@UBOT> how do I stop a container"})
    app.fake.wait_calls("chat.postMessage")
    time.sleep(1.0)
    assert app.fake.calls_to("chat.postEphemeral") == []
    assert len(app.fake.calls_to("chat.postMessage")) == 1


def test_a_direct_message_gets_the_menus_in_its_thread(
    slack_app: MakeApp, docker_containers: Any,
    valid_message: Callable[[dict[str, Any]], None],
) -> None:
    app = slack_app(docker_containers.url)
    app.event({"type": "message", "channel_type": "im", "channel": "D0OPS", "user": "UOPS",
               "ts": "12.1", "text": "how do I stop a container"})
    answer, follow = app.fake.wait_calls("chat.postMessage", 2)
    assert answer.params["channel"] == follow.params["channel"] == "D0OPS"
    assert follow.params["thread_ts"] == "12.1" and menus(answer.params) == []
    msg = {"text": follow.params["text"], "blocks": follow.params["blocks"]}
    valid_message(msg)
    ((block, select),) = menus(msg)
    assert decode(FillMenu, block["block_id"]).template == "docker stop <container>"
    assert decode(FillPick, select["options"][0]["value"]).lang == "en"
    assert docker_containers.web in names_in(select)


def test_a_picked_suggestion_gets_a_menu_for_every_placeholder(
    slack_app: MakeApp, docker_containers: Any,
    valid_message: Callable[[dict[str, Any]], None],
) -> None:
    app = slack_app(docker_containers.url)
    button = {"action_id": "dockbot_pick_0",
              "value": encode(Pick("en", "network-connect", "attach a container to a net"))}
    reply, key = app.click(button, user="UOPS", channel="COPS")
    assert reply.status == 200
    first, second = app.fake.wait_responses(key, 2)
    assert menus(first) == [] and "docker network connect" in kit.unmark(kit.plain_text(first))
    valid_message(second)
    assert second["replace_original"] is True
    assert kit.plain_text(first).split("\n")[0] == kit.plain_text(second).split("\n")[0]
    found = {decode(FillMenu, b["block_id"]).kind: (b, s) for b, s in menus(second)}
    assert set(found) == {"network", "container"}
    assert "host" in names_in(found["network"][1])
    assert docker_containers.web in names_in(found["container"][1])
    block, select = found["network"]
    option = next(o for o in select["options"] if decode(FillPick, o["value"]).name == "host")
    done = pick(app, block, option, select["action_id"])
    (filled,) = app.fake.wait_responses(done)
    assert "docker network connect host <container>" in kit.unmark(kit.plain_text(filled))

    # someone who may not list names gets the answer and no menu
    reply, key = app.click(button, user="UASK", channel="CGEN")
    (only,) = app.fake.wait_responses(key)
    time.sleep(1.0)
    assert len(app.fake.responses[key]) == 1 and menus(only) == []


def test_other_answers_get_menus_naming_each_command(
    slack_app: MakeApp, docker_containers: Any,
    valid_message: Callable[[dict[str, Any]], None],
) -> None:
    app = slack_app(docker_containers.url)
    ids = ("stop", "logs", "run-network", "ps")
    button = {"action_id": "dockbot_others",
              "value": encode(Others("ko", ids, "컨테이너 멈추기"))}
    reply, key = app.click(button, user="UOPS", channel="COPS")
    assert reply.status == 200
    listed, follow = app.fake.wait_responses(key, 2)
    assert menus(listed) == [] and follow["replace_original"] is False
    valid_message(follow)
    pairs = [(decode(FillMenu, b["block_id"]), s) for b, s in menus(follow)]
    assert [(m.template, m.kind) for m, _ in pairs] == [
        ("docker stop <container>", "container"), ("docker logs <container>", "container"),
        ("docker run --network <network> <image>", "network"),
        ("docker run --network <network> <image>", "image")]
    text = kit.unmark(kit.plain_text(follow))
    assert "docker stop <container>" in text and "docker logs <container>" in text
    assert len({b["block_id"] for b, _ in menus(follow)}) == 4
    assert IMAGE in names_in(pairs[3][1]) and docker_containers.web in names_in(pairs[0][1])
    assert all(decode(FillPick, s["options"][0]["value"]).lang == "ko" for _, s in pairs)
