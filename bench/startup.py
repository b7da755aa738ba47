"""Start-up probe, run in a fresh process: ``python bench/startup.py SYSTEM QUESTION``.

Times import + load knowledge base + build index + first answer, from the first
line of this file, and prints ``{"seconds": ...}`` as JSON.
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
    kb = systems.load_kb()
    system: systems.System
    if name == "dockbot":
        system = systems.DockbotSystem(kb)
    elif name == "bm25":
        system = systems.Bm25System(kb)
    elif name == "embeddings":
        system = systems.EmbeddingSystem(kb)
    else:
        print(f"unknown system {name!r}", file=sys.stderr)
        return 2
    reply = system.ask(question)
    seconds = time.perf_counter() - _T0
    print(json.dumps({"seconds": seconds, "first": list(reply.ranked[:1])}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
