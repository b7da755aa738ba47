"""The on-disk index cache: same answers, used when valid, ignored when not."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

import bot.ask.index_cache as ic
from bot.ask.reference import with_reference
from bot.errors import KnowledgeError
from bot.kb.check import load_knowledge
from bot.settings import Settings

KB_DIR = Settings.from_env({}).knowledge_dir
QUESTIONS = ["list images", "컨테이너 삭재", "docker ps -a", "오늘 점심 뭐 먹지", "이미지목록"]


def ranking(m: object, q: str) -> list[tuple[str, float]]:
    ranked, _ = m.rank(q)  # type: ignore[attr-defined]
    return [(c.entry.id, round(c.score, 9)) for c in ranked[:5]]


def test_cached_index_gives_the_same_answers(tmp_path: Path) -> None:
    fresh = ic.Matcher(with_reference(load_knowledge(KB_DIR)))
    kb1, first = ic.load_cached(KB_DIR, tmp_path)  # builds and writes
    files = list(tmp_path.glob("matcher-index-*"))
    assert len(files) == 1
    kb2, second = ic.load_cached(KB_DIR, tmp_path)  # reads
    assert kb1.entries == kb2.entries == fresh.kb.entries
    for q in QUESTIONS:
        assert ranking(fresh, q) == ranking(first, q) == ranking(second, q)
        assert fresh.ask(q).to_dict() == second.ask(q).to_dict()


def test_a_valid_cache_is_read_not_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ic.load_cached(KB_DIR, tmp_path)

    def no_build(_: object) -> None:
        raise AssertionError("the index was rebuilt although a valid cache exists")

    monkeypatch.setattr(ic, "build_index", no_build)
    monkeypatch.setattr(ic, "check_knowledge", no_build)
    assert ic.load_cached(KB_DIR, tmp_path)[1].ask("list images").confident


def test_a_broken_knowledge_base_is_never_cached(tmp_path: Path) -> None:
    copy = tmp_path / "kb"
    shutil.copytree(KB_DIR, copy)
    (copy / "broken.yml").write_text("entries: [", encoding="utf-8")
    cache = tmp_path / "cache"
    with pytest.raises(KnowledgeError):
        ic.load_cached(copy, cache)
    assert not list(cache.glob("matcher-index-*"))


def test_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    ic.load_cached(KB_DIR, tmp_path)
    (path,) = tmp_path.glob("matcher-index-*")
    path.write_bytes(b"\x00garbage")
    _, m = ic.load_cached(KB_DIR, tmp_path)
    assert m.ask("list images").best is not None
    assert ic.read_cache(path) is not None  # rewritten


def test_any_knowledge_change_changes_the_key(tmp_path: Path) -> None:
    copy = tmp_path / "kb"
    shutil.copytree(KB_DIR, copy)
    before = ic.cache_key(copy)
    f = copy / "volume.yml"
    f.write_text(f.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert ic.cache_key(copy) != before


def test_unwritable_or_disabled_cache_still_answers(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("x")
    assert ic.load_cached(KB_DIR, blocked)[1].ask("list images").confident
    assert ic.load_cached(KB_DIR, None)[1].ask("list images").confident


def test_settings_cache_dir() -> None:
    assert Settings.from_env({"HOME": "/h"}).cache_dir == Path("/h/.cache/dockbot")
    assert Settings.from_env({"XDG_CACHE_HOME": "/x", "HOME": "/h"}).cache_dir == Path("/x/dockbot")
    assert Settings.from_env({"DOCKBOT_CACHE_DIR": "off", "HOME": "/h"}).cache_dir is None


def test_the_key_follows_content_not_time_stamps_and_covers_every_folder(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    f = team / "team.yml"
    f.write_text(TEAM_ENTRY.format(eid="team-aaa"), encoding="utf-8")
    alone, both = ic.cache_key(KB_DIR), ic.cache_key([KB_DIR, team])
    assert alone != both
    st = f.stat()
    f.write_text(TEAM_ENTRY.format(eid="team-bbb"), encoding="utf-8")  # same size
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))  # and the same time stamp
    assert f.stat().st_size == st.st_size and f.stat().st_mtime_ns == st.st_mtime_ns
    changed = ic.cache_key([KB_DIR, team])
    assert changed != both
    os.utime(f, ns=(1, 1))  # a new time stamp alone changes nothing
    assert ic.cache_key([KB_DIR, team]) == changed
    kb, _ = ic.load_cached([KB_DIR, team], tmp_path / "cache")
    assert kb.get("team-bbb") is not None and kb.get("team-aaa") is None


def test_what_is_hashed_is_what_is_checked(tmp_path: Path) -> None:
    """A file written after the snapshot was read does not end up under the old key."""
    team = tmp_path / "team"
    team.mkdir()
    f = team / "team.yml"
    f.write_text(TEAM_ENTRY.format(eid="team-old"), encoding="utf-8")
    snap = ic.read_snapshot([KB_DIR, team])
    f.write_text(TEAM_ENTRY.format(eid="team-new"), encoding="utf-8")
    kb, _ = ic.load_snapshot(snap, tmp_path / "cache")
    assert kb.get("team-old") is not None and kb.get("team-new") is None
    cached = ic.read_cache(tmp_path / "cache" / f"matcher-index-{snap.key}.marshal")
    assert cached is not None and cached[0].get("team-old") is not None
    kb2, _ = ic.load_cached([KB_DIR, team], tmp_path / "cache")
    assert kb2.get("team-new") is not None


TEAM_ENTRY = """\
entries:
  - id: {eid}
    kind: concept
    title: {{ko: 팀 항목, en: Team entry}}
    explanation: {{ko: 팀 설명, en: Team text}}
    examples: {{ko: [팀 항목 뭐야], en: [what is the team entry]}}
"""


def test_the_newest_caches_are_kept_so_going_back_is_a_cache_hit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    team = tmp_path / "team"
    team.mkdir()
    f = team / "team.yml"
    cache = tmp_path / "cache"
    keys = []
    for eid in ("team-one", "team-two", "team-three", "team-four"):
        f.write_text(TEAM_ENTRY.format(eid=eid), encoding="utf-8")
        ic.load_cached([KB_DIR, team], cache)
        keys.append(ic.cache_key([KB_DIR, team]))
        time.sleep(0.01)
    names = {p.name for p in cache.glob("matcher-index-*")}
    assert names == {f"matcher-index-{k}.marshal" for k in keys[-ic.KEEP:]}
    f.write_text(TEAM_ENTRY.format(eid="team-three"), encoding="utf-8")  # back to a kept one

    def no_build(_: object) -> None:
        raise AssertionError("rebuilt although the cache of this content was kept")

    monkeypatch.setattr(ic, "build_index", no_build)
    kb, _ = ic.load_cached([KB_DIR, team], cache)
    assert kb.get("team-three") is not None
