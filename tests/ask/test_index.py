"""The matcher's index: what it is built from, and what a rebuild reuses."""

from __future__ import annotations

from bot.ask.index import build_index, core_objects, reference_flags
from bot.kb.model import KnowledgeBase
from tests.support.matching import both_tiers


def test_a_rebuild_reuses_the_analysed_flag_texts() -> None:
    # the CLI reference's flags are the same for every knowledge base: a reload of the
    # knowledge base analyses only its own phrasings
    kb: KnowledgeBase = both_tiers().kb
    assert build_index(kb)["flags"] is reference_flags()


def test_docker_run_answers_are_about_a_new_container() -> None:
    kb = both_tiers().kb
    run = kb.get("run-restart")
    assert run is not None
    assert {"c:container", "x:new"} <= core_objects(run)
