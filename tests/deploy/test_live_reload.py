"""`dockbot serve` picks up knowledge changes without a restart: real processes in HTTP mode,
real files in temporary folders, a real redis-server, signed `/docker` questions.

A change is answered within 5 s at the default poll interval; a broken change keeps the old
knowledge base serving and shows in /readyz; SIGHUP on one replica reloads every replica
sharing Redis; no request fails while the knowledge base is swapped under load.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.settings import default_knowledge_dir
from tests.support.serving import Load, ServeProcess, start_serve

pytestmark = [pytest.mark.deploy]

QUESTION = "how do I rotate the zebra registry token"
V1, V2 = "docker login zebra-one.example", "docker login zebra-two.example"


def team_file(command: str, eid: str = "zebra-token") -> str:
    return f"""\
entries:
  - id: {eid}
    kind: command
    title: {{ko: 제브라 레지스트리 토큰 교체, en: Rotate the zebra registry token}}
    explanation: {{ko: 새 토큰으로 팀 레지스트리에 다시 로그인합니다., en: Log in to the team registry again with a new token.}}
    command: {command}
    examples:
      ko: [제브라 토큰 교체, 제브라 레지스트리 토큰 바꾸기, 제브라 토큰 갱신]
      en: [rotate the zebra registry token, renew zebra token, zebra registry token expired]
"""


def write(path: Path, text: str) -> None:
    """As editors and ConfigMaps do it: a new file renamed over the old one."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def wait_for(cond: Callable[[], bool], timeout: float) -> float:
    start = time.monotonic()
    while not cond():
        if time.monotonic() - start > timeout:
            pytest.fail(f"not within {timeout} s")
        time.sleep(0.05)
    return time.monotonic() - start


def answers(served: ServeProcess, command: str) -> bool:
    status, body = served.ask(QUESTION)
    return status == 200 and command in body


@pytest.fixture
def team(tmp_path: Path) -> Path:
    path = tmp_path / "team"
    path.mkdir()
    write(path / "team.yml", team_file(V1))
    return path


@pytest.fixture
def serve(team: Path, tmp_path: Path) -> Iterator[Callable[..., ServeProcess]]:
    started: list[ServeProcess] = []

    def make(**env: str) -> ServeProcess:
        n = len(started)
        served = start_serve({
            "DOCKBOT_KNOWLEDGE": os.pathsep.join([str(default_knowledge_dir()), str(team)]),
            "DOCKBOT_CACHE_DIR": str(tmp_path / f"cache-{n}"), **env},
            tmp_path / f"serve-{n}.log")
        started.append(served)
        return served

    yield make
    for served in started:
        served.stop()


def test_a_change_is_answered_within_five_seconds_and_readyz_says_so(
        serve: Callable[..., ServeProcess], team: Path) -> None:
    served = serve()
    assert answers(served, V1)
    status, before = served.ready()
    assert status == 200 and before["ready"] is True
    knowledge = before["knowledge"]
    assert isinstance(knowledge, dict) and knowledge["last_reload_error"] == []
    assert isinstance(knowledge["entries"], int) and knowledge["entries"] > 100
    write(team / "team.yml", team_file(V2))
    took = wait_for(lambda: answers(served, V2), 5.0)
    assert took < 5.0
    _, after = served.ready()
    assert isinstance(after["knowledge"], dict)
    assert after["knowledge"]["loaded_at"] > knowledge["loaded_at"]
    assert after["knowledge"]["reloads"] == 1
    assert "knowledge reloaded (knowledge files changed)" in served.log()


def test_a_broken_change_keeps_serving_and_readyz_lists_every_problem(
        serve: Callable[..., ServeProcess], team: Path) -> None:
    served = serve()
    broken = team_file(V2).replace("kind: command", "kind: recipe") + "  - id: NOT VALID\n"
    write(team / "team.yml", broken)

    def failed() -> bool:
        _, body = served.ready()
        k = body["knowledge"]
        return isinstance(k, dict) and bool(k["last_reload_error"])

    wait_for(failed, 5.0)
    status, body = served.ready()
    assert status == 200 and body["ready"] is True  # the old knowledge base serves
    k = body["knowledge"]
    assert isinstance(k, dict) and k["reloads"] == 0
    errors = k["last_reload_error"]
    assert isinstance(errors, list) and len(errors) >= 3
    assert all(re.fullmatch(r".*team/team\.yml:\d+: .+", e) for e in errors), errors
    assert any("bad kind 'recipe'" in e for e in errors)
    assert answers(served, V1)
    log = served.log()
    assert all(e in log for e in errors)  # logged one by one, as file:line: message
    write(team / "team.yml", team_file(V2))
    wait_for(lambda: answers(served, V2), 5.0)
    _, body = served.ready()
    assert isinstance(body["knowledge"], dict) and body["knowledge"]["last_reload_error"] == []


def test_sighup_on_one_replica_reloads_every_replica_sharing_redis(
        serve: Callable[..., ServeProcess], team: Path, redis_url: str) -> None:
    """File polling off: only SIGHUP (and the generation it publishes) can reload."""
    a = serve(DOCKBOT_REDIS_URL=redis_url, DOCKBOT_KNOWLEDGE_POLL="0")
    b = serve(DOCKBOT_REDIS_URL=redis_url, DOCKBOT_KNOWLEDGE_POLL="0")
    write(team / "team.yml", team_file(V2))
    time.sleep(3)
    assert answers(a, V1) and answers(b, V1)
    a.sighup()
    wait_for(lambda: answers(a, V2), 5.0)
    wait_for(lambda: answers(b, V2), 5.0)
    assert "knowledge reloaded (reload requested (SIGHUP))" in a.log()
    assert "knowledge reloaded (another replica asked for a reload)" in b.log()


def test_no_request_fails_while_the_knowledge_base_is_swapped_under_load(
        serve: Callable[..., ServeProcess], team: Path) -> None:
    served = serve(DOCKBOT_KNOWLEDGE_POLL="0.5")
    load = Load(served, QUESTION, (V1, V2), threads=4).start()
    try:
        for i in range(6):
            command = V2 if i % 2 == 0 else V1
            write(team / "team.yml", team_file(command))
            wait_for(lambda c=command: load.seen[c] > 0 and answers(served, c), 10.0)
            load.reset_seen()
    finally:
        load.stop()
    assert load.failures == []
    assert load.total > 50
    _, body = served.ready()
    assert isinstance(body["knowledge"], dict) and body["knowledge"]["reloads"] == 6
