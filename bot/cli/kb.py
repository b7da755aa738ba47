"""``dockbot kb``: check, import, export and gaps of the knowledge base."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.cli.output import dumps, err, out
from bot.lang import Lang
from bot.phrases import phrase
from bot.settings import Settings
from bot.textinput import read_lines


def cmd_kb(args: argparse.Namespace, settings: Settings) -> int:
    """``kb check``, ``kb import`` and ``kb gaps`` speak ``--lang`` (English by default);
    the ``file:line:`` lines and JSON keep their shape in both languages."""
    from bot.kb.check import check_knowledge, load_knowledge, shown_path

    lang: Lang = getattr(args, "lang", None) or "en"

    if args.kbcmd == "check":
        from bot.kb.check import check_path

        given = [Path(p) for p in args.paths]
        folders = given or list(settings.knowledge_folders)
        result = check_path(folders if len(folders) > 1 else folders[0],
                            within=settings.knowledge_folders)
        where = ", ".join(shown_path(p) for p in folders)
        problems = list(result.problems)
        course = None
        from bot.settings import default_knowledge_dir

        bundled = default_knowledge_dir().resolve()
        # the course follows the bundled knowledge base: checked with it
        if not given and any(p.resolve() == bundled for p in folders):
            from bot.learn import check_course

            course, course_problems = check_course(kb=result.kb, shown="bot/learn/course.yml")
            problems = [*problems, *course_problems]
        for notice in result.notices:
            out(f"{notice.file}:{notice.line}: note: {notice.message_in(lang)}")
        for problem in problems:
            out(problem.text_in(lang))
        if problems:
            err(phrase("kb.check.problems", lang, n=len(problems), where=where))
            return 1
        out(phrase("kb.check.ok", lang, n=len(result.kb), where=where)
            + (phrase("kb.check.ok_course", lang, n=len(course)) if course else ""))
        return 0
    if args.kbcmd == "import":
        from bot.kb.notes_import import import_draft

        name = "stdin" if args.notes == "-" else shown_path(Path(args.notes))
        text = "\n".join(read_lines(args.notes))
        kb, _ = check_knowledge(settings.knowledge_folders)  # ids to clash with, even unchecked
        existing = {e.id: f"{e.file}:{e.line}" for e in kb}
        imported = import_draft(text, source_name=name, existing=existing, lang=lang)
        for warning in imported.warnings:
            err(phrase("cli.kb.warning", lang, text=warning))
        if args.output:
            Path(args.output).write_text(imported.draft, encoding="utf-8")
            err(phrase("cli.kb.wrote", lang, n=imported.count, path=args.output))
        else:
            out(imported.draft.rstrip("\n"))
        return 0
    if args.kbcmd == "export":
        kb = load_knowledge(settings.knowledge_folders)
        out(dumps(kb.to_dict()))
        return 0
    if args.kbcmd == "gaps":
        from bot.kb.gaps import gaps_report
        from bot.render.gaps_text import gaps_text

        report = gaps_report(args.logs, args.since, settings)
        out(dumps(report.to_dict()) if args.json else gaps_text(report, lang))
        return 0
    err(phrase("cli.kb.usage", lang))
    return 2
