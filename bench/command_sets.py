"""Question sets scored by the answer's command line (real questions, statement-style tasks).

Format (tab-separated, header ``lang command flags question source``; see
bench/README.md): ``command`` is a regular expression searched in the answer's
target, ``flags`` a second one that must also match for "with the right flags"
(``-`` when the question asks for no option), ``-`` as ``command`` marks an
out-of-scope question. The target is the answer's command line, whitespace
collapsed, or ``concept: <English title>`` for an answer without a command.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

OOS = "-"
HEADER = ["lang", "command", "flags", "question", "source"]


@dataclass(frozen=True)
class CommandQuestion:
    lang: str
    command: re.Pattern[str] | None
    flags: re.Pattern[str] | None
    text: str
    source: str
    where: str  # file:line

    @property
    def in_scope(self) -> bool:
        return self.command is not None


def read_command_questions(path: Path) -> list[CommandQuestion]:
    """Rows of one set; ValueError naming the line when a row is malformed."""
    out: list[CommandQuestion] = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header != HEADER:
            raise ValueError(f"{path}:1: header must be {' '.join(HEADER)}")
        for lineno, row in enumerate(reader, start=2):
            where = f"{path.name}:{lineno}"
            if len(row) != 5 or not row[3].strip():
                raise ValueError(f"{where}: expected 5 tab-separated fields")
            lang, command, flags, text, source = row
            if lang not in ("ko", "en"):
                raise ValueError(f"{where}: lang must be ko or en")
            try:
                cre = None if command == OOS else re.compile(command)
                fre = None if flags == OOS else re.compile(flags)
            except re.error as exc:
                raise ValueError(f"{where}: bad regular expression: {exc}") from exc
            if cre is None and fre is not None:
                raise ValueError(f"{where}: an out-of-scope question has no flags regex")
            out.append(CommandQuestion(lang, cre, fre, text.strip(), source.strip(), where))
    return out


def load_set(folder: Path, name: str) -> list[CommandQuestion]:
    """``real-dev`` reads real-dev.tsv and real-dev.*.tsv (one file per language)."""
    files = sorted([*folder.glob(f"{name}.tsv"), *folder.glob(f"{name}.*.tsv")])
    return [q for f in files for q in read_command_questions(f)]


def target(command: str | None, title_en: str) -> str:
    return " ".join(command.split()) if command else f"concept: {title_en}"


@dataclass(frozen=True)
class Scored:
    question: CommandQuestion
    confident: bool
    targets: tuple[str, ...]  # first three answers shown, best first
    seconds: float

    def _hit(self, t: str, with_flags: bool) -> bool:
        q = self.question
        assert q.command is not None
        if not q.command.search(t):
            return False
        return not with_flags or q.flags is None or bool(q.flags.search(t))

    @property
    def top1(self) -> bool:
        return self.confident and bool(self.targets) and self._hit(self.targets[0], False)

    @property
    def top1_flags(self) -> bool:
        return self.confident and bool(self.targets) and self._hit(self.targets[0], True)

    @property
    def top3(self) -> bool:
        return any(self._hit(t, False) for t in self.targets[:3])


def summarize(rows: Sequence[Scored]) -> dict[str, float | int | None]:
    ins = [r for r in rows if r.question.in_scope]
    oos = [r for r in rows if not r.question.in_scope]
    flagged = [r for r in ins if r.question.flags is not None]

    def rate(n: int, d: int) -> float | None:
        return n / d if d else None

    return {
        "n": len(rows),
        "n_in_scope": len(ins),
        "n_oos": len(oos),
        "n_flagged": len(flagged),
        "top1": rate(sum(r.top1 for r in ins), len(ins)),
        "top1_flags": rate(sum(r.top1_flags for r in ins), len(ins)),
        "flags_when_asked": rate(sum(r.top1_flags for r in flagged), len(flagged)),
        "top3": rate(sum(r.top3 for r in ins), len(ins)),
        "abstention": rate(sum(not r.confident for r in oos), len(oos)),
        "false_answer": rate(
            sum(r.confident and not (r.question.in_scope and r.top1) for r in rows), len(rows)
        ),
    }
