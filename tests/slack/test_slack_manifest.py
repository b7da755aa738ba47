"""Manifests and listeners agree: every command, event and interactive element has a
listener and every listener is declared; manifest fields respect Slack's limits."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.ask.answer import Answer, Candidate
from bot.fill import LiveNames
from bot.learn import load_course
from bot.render import blocks as bk
from bot.render.buttons import Share
from bot.render.fill import with_menus
from bot.render.learn import lesson_message
from bot.services import Services
from bot.slack.listeners import actions, commands, events, fill, lessons
from bot.slack.server import EVENTS_PATH

ROOT = Path(__file__).resolve().parents[2]
MANIFESTS = {"socket": ROOT / "manifest.yml", "http": ROOT / "manifest.http.yml"}
MakeApp = Callable[..., Any]


class Recorder:
    """Stands in for the Bolt App in ``register(app)`` and records what gets wired."""

    def __init__(self) -> None:
        self.commands: list[str] = []
        self.events: list[str] = []
        self.actions: list[str | re.Pattern[str]] = []

    def _wire(self, bucket: list[Any], key: Any) -> Callable[[Callable[..., Any]], Any]:
        bucket.append(key)
        return lambda fn: fn

    def command(self, name: str) -> Callable[[Callable[..., Any]], Any]:
        return self._wire(self.commands, name)

    def event(self, name: str) -> Callable[[Callable[..., Any]], Any]:
        return self._wire(self.events, name)

    def action(self, key: str | re.Pattern[str]) -> Callable[[Callable[..., Any]], Any]:
        return self._wire(self.actions, key)

    def matches(self, action_id: str) -> int:
        return sum(
            1 for k in self.actions
            if (k.fullmatch(action_id) if isinstance(k, re.Pattern) else k == action_id)
        )


@pytest.fixture(scope="module")
def wired() -> Recorder:
    rec = Recorder()
    for module in (commands, actions, events, lessons, fill):
        module.register(rec)  # type: ignore[arg-type]
    return rec


def load(kind: str) -> dict[str, Any]:
    data = yaml.safe_load(MANIFESTS[kind].read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("kind", list(MANIFESTS))
def test_commands_match_listeners(kind: str, wired: Recorder) -> None:
    declared = [c["command"] for c in load(kind)["features"]["slash_commands"]]
    assert sorted(declared) == sorted(wired.commands) == sorted(commands.COMMANDS)


@pytest.mark.parametrize("kind", list(MANIFESTS))
def test_events_match_listeners(kind: str, wired: Recorder) -> None:
    declared = load(kind)["settings"]["event_subscriptions"]["bot_events"]
    assert sorted(declared) == sorted(events.EVENTS)
    assert sorted({events.EVENTS[e] for e in declared}) == sorted(wired.events)


@pytest.mark.parametrize("kind", list(MANIFESTS))
def test_interactivity_and_home_match_listeners(kind: str, wired: Recorder) -> None:
    m = load(kind)
    assert m["settings"]["interactivity"]["is_enabled"] is bool(wired.actions)
    home = m["features"]["app_home"]["home_tab_enabled"]
    assert home is ("app_home_opened" in wired.events)
    assert m["features"]["app_home"]["messages_tab_enabled"] is ("message" in wired.events)


def rendered_action_ids(services: Services) -> set[str]:
    kb = services.kb
    entries = kb.entries
    full = Answer("q", "en", True, Candidate(entries[0], 1.0),
                  tuple(Candidate(e, 0.5) for e in entries[1:5]))
    low = Answer("q", "ko", False, None, tuple(Candidate(e, 0.2) for e in entries[:4]))
    messages = [
        bk.answer_message(full, kb, run_op="ps"),
        bk.suggestions_message(low),
        bk.alternatives_message(list(entries[:4]), "en", "q"),
        bk.explanation_message({"command": "docker ps"}, "en", share_value=Share("en", command="docker ps")),
        bk.home_view("en", [], [], [], course_lessons=19),
        lesson_message(load_course(), 2, "en"),
        with_menus(bk.answer_message(full, kb), [LiveNames("container", "docker logs <container>",
                                                           ("web",))], "en"),
    ]
    return {e["action_id"] for m in messages for b in m["blocks"] if b["type"] == "actions"
            for e in b["elements"]}


def test_every_rendered_button_has_exactly_one_listener(
    wired: Recorder, base_services: Services
) -> None:
    found = rendered_action_ids(base_services)
    assert len(found) >= 10
    for action_id in found:
        assert wired.matches(action_id) == 1, action_id


def test_every_action_listener_is_reachable_from_a_rendered_button(
    wired: Recorder, base_services: Services
) -> None:
    found = rendered_action_ids(base_services)
    for key in wired.actions:
        hits = [a for a in found if (key.fullmatch(a) if isinstance(key, re.Pattern)
                                     else key == a)]
        assert hits, f"listener {key!r} has no button that reaches it"


@pytest.mark.parametrize("kind", list(MANIFESTS))
def test_manifest_field_limits(kind: str) -> None:
    m = load(kind)
    info = m["display_information"]
    assert 0 < len(info["name"]) <= 35
    assert 0 < len(info["description"]) <= 140
    if "long_description" in info:
        assert 175 <= len(info["long_description"]) <= 4000
    assert re.fullmatch(r"#[0-9a-fA-F]{6}", info["background_color"])
    bot_user = m["features"]["bot_user"]
    assert 0 < len(bot_user["display_name"]) <= 80
    assert re.fullmatch(r"[a-z0-9\-_.]+", bot_user["display_name"])
    for cmd in m["features"]["slash_commands"]:
        assert cmd["command"].startswith("/") and len(cmd["command"]) <= 32
        assert cmd["description"] and len(cmd["description"]) <= 2000
        assert len(cmd.get("usage_hint", "")) <= 1000


def url_keys(node: Any) -> list[str]:
    if isinstance(node, dict):
        here = [k for k in node if k in ("url", "request_url", "redirect_urls")]
        return here + [k for v in node.values() for k in url_keys(v)]
    if isinstance(node, list):
        return [k for v in node for k in url_keys(v)]
    return []


def test_socket_mode_manifest_has_no_urls_and_http_manifest_has_all() -> None:
    socket, http = load("socket"), load("http")
    assert socket["settings"]["socket_mode_enabled"] is True
    assert http["settings"]["socket_mode_enabled"] is False
    assert not url_keys(socket)
    urls = [c["url"] for c in http["features"]["slash_commands"]]
    urls += [http["settings"]["event_subscriptions"]["request_url"],
             http["settings"]["interactivity"]["request_url"]]
    assert all(u.startswith("https://") and u.endswith(EVENTS_PATH) for u in urls)


def test_manifests_differ_only_in_transport() -> None:
    http = copy.deepcopy(load("http"))
    for cmd in http["features"]["slash_commands"]:
        del cmd["url"]
    del http["settings"]["event_subscriptions"]["request_url"]
    del http["settings"]["interactivity"]["request_url"]
    http["settings"]["socket_mode_enabled"] = True
    assert http == load("socket")


def test_bot_scopes_are_exactly_what_the_app_uses() -> None:
    scopes = set(load("socket")["oauth_config"]["scopes"]["bot"])
    needed = {
        "commands",            # /docker
        "chat:write",          # chat.postMessage, chat.postEphemeral
        "app_mentions:read",   # app_mention
        "im:history",          # message.im
        "usergroups:read",     # usergroups.list for group-based policy rules
    }
    assert scopes == needed


@pytest.mark.parametrize("kind", list(MANIFESTS))
def test_every_declared_surface_reaches_a_listener_over_http(
    kind: str, slack_app: MakeApp
) -> None:
    m = load(kind)
    app = slack_app()
    for cmd in m["features"]["slash_commands"]:
        reply, _ = app.command("help", name=cmd["command"])
        assert reply.status == 200 and reply.json()["blocks"]
    samples = {
        "app_mention": ({"type": "app_mention", "user": "U1", "channel": "C1", "ts": "1.1",
                         "text": "<@UBOT> help"}, "chat.postMessage"),
        "message.im": ({"type": "message", "channel_type": "im", "user": "U1", "channel": "D1",
                        "ts": "2.2", "text": "help"}, "chat.postMessage"),
        "app_home_opened": ({"type": "app_home_opened", "user": "U1", "channel": "D1",
                             "tab": "home"}, "views.publish"),
    }
    for event_name in m["settings"]["event_subscriptions"]["bot_events"]:
        event, method = samples[event_name]
        before = len(app.fake.calls_to(method))
        assert app.event(event).status == 200
        app.fake.wait_calls(method, before + 1)
