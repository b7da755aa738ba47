"""The live knowledge base: real files in temporary folders, the real watcher thread, the
real matcher. A change is served within 5 s at the default poll interval; a broken change
keeps the old knowledge base and reports every problem as file:line; a reload asked of one
process reloads every process that shares the state."""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.kb.live import GENERATION, KnowledgeWatcher
from bot.services import Services, load_services
from bot.settings import Settings, default_knowledge_dir
from bot.state import MemoryState

QUESTION = "how do I rotate the zebra registry token"


def team_entry(eid: str = "zebra-token", command: str = "docker login zebra.example") -> str:
    return f"""\
entries:
  - id: {eid}
    kind: command
    title: {{ko: 제브라 레지스트리 토큰 교체, en: Rotate the zebra registry token}}
    explanation: {{ko: 팀 레지스트리 토큰을 새로 발급받아 다시 로그인합니다., en: Log in again with a new token for the team registry.}}
    command: {command}
    examples:
      ko: [제브라 토큰 교체, 제브라 레지스트리 토큰 바꾸기, 제브라 토큰 갱신]
      en: [rotate the zebra registry token, renew zebra token, zebra registry token expired]
"""


def best(services: Services, q: str = QUESTION) -> str | None:
    answer = services.matcher.ask(q, "en")
    return answer.best.entry.id if answer.best is not None else None


def wait_for(cond: Callable[[], bool], timeout: float) -> float:
    """Seconds until ``cond()`` held; fails after ``timeout``."""
    start = time.monotonic()
    while not cond():
        if time.monotonic() - start > timeout:
            pytest.fail(f"not within {timeout} s")
        time.sleep(0.05)
    return time.monotonic() - start


@pytest.fixture
def team(tmp_path: Path) -> Path:
    path = tmp_path / "team"
    path.mkdir()
    (path / "team.yml").write_text(team_entry(), encoding="utf-8")
    return path


def settings_for(team: Path, tmp_path: Path, **env: str) -> Settings:
    return Settings.from_env({
        "DOCKBOT_KNOWLEDGE": os.pathsep.join([str(default_knowledge_dir()), str(team)]),
        "DOCKBOT_CACHE_DIR": str(tmp_path / "cache"), **env})


@pytest.fixture
def watched(team: Path, tmp_path: Path) -> Iterator[tuple[Services, KnowledgeWatcher]]:
    services = load_services(settings_for(team, tmp_path))  # the default 2 s interval
    watcher = KnowledgeWatcher(services).start()
    yield services, watcher
    watcher.close()


def test_a_change_is_served_within_five_seconds(
        watched: tuple[Services, KnowledgeWatcher], team: Path) -> None:
    services, watcher = watched
    assert services.settings.knowledge_poll == 2.0
    assert best(services) == "zebra-token"
    old = services.knowledge
    (team / "team.yml").write_text(team_entry("zebra-token-v2"), encoding="utf-8")
    took = wait_for(lambda: best(services) == "zebra-token-v2", 5.0)
    assert took < 5.0
    # the new matcher was readied before it was swapped in: no first request pays for it
    assert not old.matcher.composer.is_prepared("docker buildx imagetools inspect")
    assert services.matcher.composer.is_prepared("docker buildx imagetools inspect")
    assert old.kb.get("zebra-token") is not None  # the old one is untouched, whole
    assert old.kb.get("zebra-token-v2") is None
    status = watcher.status()
    assert status["reloads"] == 1 and status["last_reload_error"] == []
    assert status["entries"] == sum(1 for e in services.kb if not e.is_reference)
    (team / "more.yml").write_text(team_entry("zebra-extra", "docker logout zebra.example")
                                   .replace("zebra registry token", "zebra logout"),
                                   encoding="utf-8")  # a new file counts too
    wait_for(lambda: services.kb.get("zebra-extra") is not None, 5.0)
    (team / "more.yml").unlink()  # and a removed one
    wait_for(lambda: services.kb.get("zebra-extra") is None, 5.0)


def test_a_broken_change_keeps_the_old_knowledge_base_and_says_where(
        watched: tuple[Services, KnowledgeWatcher], team: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    services, watcher = watched
    caplog.set_level(logging.ERROR, logger="dockbot.knowledge")
    broken = team_entry().replace("    kind: command\n", "    kind: nonsense\n")
    broken += "  - id: Bad Id\n"
    (team / "team.yml").write_text(broken, encoding="utf-8")
    wait_for(lambda: bool(watcher.last_error), 5.0)
    errors = watcher.status()["last_reload_error"]
    assert isinstance(errors, list) and len(errors) >= 2
    assert all(re.match(r".*team\.yml:\d+: ", e) for e in errors), errors
    assert any("bad kind 'nonsense'" in e for e in errors)
    assert best(services) == "zebra-token"  # still serving the old one
    logged = [r.getMessage() for r in caplog.records]
    assert all(e in logged for e in errors)  # every problem logged as file:line: message
    (team / "team.yml").write_text(team_entry("zebra-fixed"), encoding="utf-8")
    wait_for(lambda: best(services) == "zebra-fixed", 5.0)
    assert watcher.status()["last_reload_error"] == []


def test_the_same_content_written_again_swaps_nothing(
        watched: tuple[Services, KnowledgeWatcher], team: Path) -> None:
    services, watcher = watched
    before = services.knowledge
    wait_for(lambda: watcher.last_checked is not None, 5.0)  # the first look compares content
    written = time.time()
    text = (team / "team.yml").read_text(encoding="utf-8")
    (team / "team.yml").write_text(text, encoding="utf-8")  # new mtime, same bytes
    wait_for(lambda: (watcher.last_checked or 0) > written, 5.0)  # seen and read again
    assert services.knowledge is before and watcher.reloads == 0


def test_a_file_removed_from_a_folder_that_disappears_is_an_error_not_an_empty_kb(
        team: Path, tmp_path: Path) -> None:
    services = load_services(settings_for(team, tmp_path))
    watcher = KnowledgeWatcher(services, interval=0)
    (team / "team.yml").unlink()
    team.rmdir()
    assert watcher.reload() is False
    assert [e.endswith("no such file or folder") for e in watcher.last_error] == [True]
    assert best(services) == "zebra-token"


def test_a_request_on_one_process_reloads_every_process_sharing_the_state(
        team: Path, tmp_path: Path) -> None:
    """Polling off (0): only the shared generation can tell the second process."""
    shared = MemoryState()
    settings = settings_for(team, tmp_path, DOCKBOT_KNOWLEDGE_POLL="0")
    one, two = load_services(settings), load_services(settings)
    w1 = KnowledgeWatcher(one, state=shared).start()
    w2 = KnowledgeWatcher(two, state=shared).start()
    try:
        (team / "team.yml").write_text(team_entry("zebra-shared"), encoding="utf-8")
        time.sleep(2.5)
        assert best(one) == best(two) == "zebra-token"  # nobody polls the files
        w1.request()  # what SIGHUP does
        wait_for(lambda: best(one) == "zebra-shared", 5.0)
        wait_for(lambda: best(two) == "zebra-shared", 5.0)
        assert shared.counter(GENERATION) == 1
    finally:
        w1.close()
        w2.close()
