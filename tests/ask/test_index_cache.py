"""The on-disk index cache: same answers, used when valid, ignored when not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import bot.ask.index_cache as ic
from bot.kb.check import load_knowledge
from bot.settings import Settings

KB_DIR = Settings.from_env({}).knowledge_dir
QUESTIONS = ["list images", "컨테이너 삭재", "docker ps -a", "오늘 점심 뭐 먹지", "이미지목록"]


def ranking(m: object, q: str) -> list[tuple[str, float]]:
    ranked, _ = m.rank(q)  # type: ignore[attr-defined]
    return [(c.entry.id, round(c.score, 9)) for c in ranked[:5]]


def test_cached_index_gives_the_same_answers(tmp_path: Path) -> None:
    kb = load_knowledge(KB_DIR)
    fresh = ic.Matcher(kb)
    first = ic.cached_matcher(kb, KB_DIR, tmp_path)  # builds and writes
    files = list(tmp_path.glob("matcher-index-*"))
    assert len(files) == 1
    second = ic.cached_matcher(kb, KB_DIR, tmp_path)  # reads
    for q in QUESTIONS:
        assert ranking(fresh, q) == ranking(first, q) == ranking(second, q)


def test_a_valid_cache_is_read_not_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = load_knowledge(KB_DIR)
    ic.cached_matcher(kb, KB_DIR, tmp_path)

    def no_build(_: object) -> None:
        raise AssertionError("the index was rebuilt although a valid cache exists")

    monkeypatch.setattr(ic, "build_index", no_build)
    assert ic.cached_matcher(kb, KB_DIR, tmp_path).ask("list images").confident


def test_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    kb = load_knowledge(KB_DIR)
    ic.cached_matcher(kb, KB_DIR, tmp_path)
    (path,) = tmp_path.glob("matcher-index-*")
    path.write_bytes(b"\x00garbage")
    m = ic.cached_matcher(kb, KB_DIR, tmp_path)
    assert m.ask("list images").best is not None
    assert ic.read_index(path) is not None  # rewritten


def test_any_knowledge_change_changes_the_key(tmp_path: Path) -> None:
    copy = tmp_path / "kb"
    shutil.copytree(KB_DIR, copy)
    before = ic.cache_key(copy)
    f = copy / "volume.yml"
    f.write_text(f.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert ic.cache_key(copy) != before


def test_unwritable_or_disabled_cache_still_answers(tmp_path: Path) -> None:
    kb = load_knowledge(KB_DIR)
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("x")
    assert ic.cached_matcher(kb, KB_DIR, blocked).ask("list images").confident
    assert ic.cached_matcher(kb, KB_DIR, None).ask("list images").confident


def test_settings_cache_dir() -> None:
    assert Settings.from_env({"HOME": "/h"}).cache_dir == Path("/h/.cache/dockbot")
    assert Settings.from_env({"XDG_CACHE_HOME": "/x", "HOME": "/h"}).cache_dir == Path("/x/dockbot")
    assert Settings.from_env({"DOCKBOT_CACHE_DIR": "off", "HOME": "/h"}).cache_dir is None
