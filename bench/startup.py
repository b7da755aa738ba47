"""Start-up probe, run in a fresh process: ``python bench/startup.py SYSTEM QUESTION``.

Times import + load knowledge base + build index + first answer, from the first
line of this file (for dockbot, "build index" reads the on-disk index cache when
``DOCKBOT_CACHE_DIR`` holds a valid one, as the CLI does), and prints
``{"seconds": ..., "phases": {...}}`` as JSON. Each
phase includes the imports it needs (load_kb: bot.kb.check and yaml; build_index:
the system's own modules).
"""

from __future__ import annotations

import time

_T0 = time.perf_counter()


def main() -> int:
    import json
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench import systems

    name, question = sys.argv[1], sys.argv[2]
    marks = {"probe_start": time.perf_counter() - _T0}
    # dockbot loads its knowledge base with its index (from the cache when valid)
    kb = systems.load_kb() if name != "dockbot" else None
    marks["load_kb"] = time.perf_counter() - _T0
    system: systems.System
    if name == "dockbot":
        # as `dockbot ask` does: the index comes from the on-disk cache when it is valid
        from bot.ask.index_cache import load_cached
        from bot.settings import Settings

        settings = Settings.from_env()
        kb, matcher = load_cached(settings.knowledge_dir, settings.cache_dir)
        system = systems.DockbotSystem(kb, matcher)
    elif name == "bm25" and kb is not None:
        system = systems.Bm25System(kb)
    elif name == "embeddings" and kb is not None:
        system = systems.EmbeddingSystem(kb)
    else:
        print(f"unknown system {name!r}", file=sys.stderr)
        return 2
    marks["build_index"] = time.perf_counter() - _T0
    reply = system.ask(question)
    seconds = time.perf_counter() - _T0
    starts = [0.0, *marks.values()][: len(marks)]
    phases = {k: round(v - t, 4) for (k, v), t in zip(marks.items(), starts, strict=True)}
    phases["first_answer"] = round(seconds - marks["build_index"], 4)
    print(json.dumps({"seconds": seconds, "phases": phases, "first": list(reply.ranked[:1])}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
