"""The ``dockbot kb gaps`` report (:class:`~bot.kb.gaps.GapReport`) as terminal text, in
Korean or English (the ``kb.gaps.*`` phrases); the questions, titles and drafts as they are."""

from __future__ import annotations

import yaml

from bot.kb.gaps import MAX_MALFORMED_SHOWN, GapReport
from bot.lang import Lang
from bot.phrases import phrase

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when installed


def gaps_text(report: GapReport, lang: Lang = "en") -> str:
    """The report for a terminal, in ``lang``: groups, samples, nearest entries and draft
    YAML (the questions, titles and drafts as they are)."""
    counts = {"gaps": report.gaps, "questions": report.questions, "groups": len(report.groups)}
    lines = [phrase("kb.gaps.summary_since", lang, since=report.since, **counts) if report.since
             else phrase("kb.gaps.summary", lang, **counts)]
    if report.malformed:
        shown = ", ".join(report.malformed[:MAX_MALFORMED_SHOWN])
        more = "..." if len(report.malformed) > MAX_MALFORMED_SHOWN else ""
        lines.append(phrase("kb.gaps.malformed", lang, n=len(report.malformed),
                            lines=shown + more))
    for n, group in enumerate(report.groups, 1):
        d = group.to_dict()
        reasons = d["reasons"]
        assert isinstance(reasons, dict)
        why = ", ".join(f"{phrase(f'kb.gaps.reason.{k}', lang)} {v}"
                        for k, v in reasons.items() if v)
        lines.append("")
        lines.append(phrase("kb.gaps.group", lang, n=n, count=d["count"], why=why))
        lines.extend(f"   - {s}" for s in group.samples())
        if group.nearest:
            lines.append("   " + phrase("kb.gaps.nearest", lang))
            for e in group.nearest:
                cmd = f"  ({e['command']})" if e["command"] else ""
                lines.append(f"     {e['id']}: {e['title']}{cmd}")
        lines.append("   " + phrase("kb.gaps.draft", lang))
        body = yaml.dump({"entries": [group.draft]}, Dumper=_DUMPER, allow_unicode=True,
                         sort_keys=False, width=100)
        lines.extend("     " + line for line in body.rstrip("\n").splitlines())
    return "\n".join(lines)
