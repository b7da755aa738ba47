"""How long ``dockbot kb gaps`` takes on a question log of a few thousand lines.

    python bench/gaps.py [--questions 3000] [--runs 5]

The log is written by the question log itself (:class:`bot.questionlog.QuestionLog`): the
benchmark's real and statement-style questions (both languages, dev and holdout) are asked
of the matcher in turn until there are ``--questions`` lines, every fifth answered one voted
down. Then the report that ``dockbot kb gaps`` prints is built from the file, ``--runs``
times; the median and the slowest run are written to bench/gaps.md. Budget: 1 s.
"""

from __future__ import annotations

import argparse
import datetime
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.command_sets import load_set  # noqa: E402
from bench.systems import load_kb  # noqa: E402
from bot.ask.matcher import Matcher  # noqa: E402
from bot.kb.gaps import build_report, read_logs  # noqa: E402
from bot.questionlog import QuestionLog  # noqa: E402

QUESTIONS = ROOT / "bench" / "questions"
OUT = ROOT / "bench" / "gaps.md"
BUDGET_S = 1.0


def write_log(path: Path, matcher: Matcher, n: int) -> None:
    texts = [
        q.text
        for name in ("real-dev", "real-holdout", "task-dev", "task-holdout")
        for q in load_set(QUESTIONS, name)
    ]
    log = QuestionLog(str(path))
    for i in range(n):
        answer = matcher.ask(texts[i % len(texts)])
        qid = log.question(answer, "slack")
        if answer.confident and answer.best is not None and i % 5 == 0:
            log.feedback(qid, "down", answer.best.entry.id)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    kb = load_kb()
    matcher = Matcher(kb)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "questions.jsonl"
        write_log(path, matcher, args.questions)
        lines = sum(1 for _ in path.open(encoding="utf-8"))
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            report = build_report(read_logs([str(path)]), kb)
            times.append(time.perf_counter() - start)
    median, worst = statistics.median(times), max(times)
    verdict = "within" if worst <= BUDGET_S else "over"
    text = (
        "# `dockbot kb gaps` on a question log\n\n"
        f"`python bench/gaps.py --questions {args.questions} --runs {args.runs}`, "
        f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, {platform.python_version()}."
        "\n\n"
        f"A log of {lines} lines written by the question log ({args.questions} questions from "
        "the benchmark's real and statement-style sets, every fifth confident answer voted "
        f"down): {report.questions} questions, {report.gaps} of them gaps, "
        f"{len(report.groups)} groups.\n\n"
        "| runs | median s | slowest s | budget s |\n|---|---|---|---|\n"
        f"| {args.runs} | {median:.3f} | {worst:.3f} | {BUDGET_S:.1f} ({verdict}) |\n"
    )
    OUT.write_text(text, encoding="utf-8")
    print(text)
    return 0 if worst <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
