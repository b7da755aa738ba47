"""dockbot's Slack messages and views in Block Kit (pure: no I/O).

Answers, did-you-mean suggestions, explanations, executor results, errors, help and
the App Home view. Every builder returns a finished :data:`Message` (or view) within
Slack's limits, built from :mod:`bot.render.blockkit`. Button values carry everything a
click needs, written by :mod:`bot.render.buttons`, so any replica can handle any click.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from bot.ask.answer import Answer
from bot.errors import DockbotError
from bot.intent.results import Result
from bot.kb.gaps import GapReport
from bot.kb.model import Entry, FlagNote, KnowledgeBase
from bot.lang import Lang
from bot.phrases import has_phrase, phrase
from bot.render.blockkit import (
    MAX_BUTTON_TEXT,
    MAX_HOME_BLOCKS,
    MAX_QUERY_IN_VALUE,
    Block,
    Message,
    actions,
    button,
    clip,
    code,
    code_sections,
    context,
    escape,
    fit,
    header,
    message,
    section,
    sections,
    unmark,
    w,
)
from bot.render.buttons import Feedback, HomeLang, Others, Pick, Run, Share
from bot.render.learn import lesson_message, start_button

ACTION_SHARE = "dockbot_share"
ACTION_OTHERS = "dockbot_others"
ACTION_RUN = "dockbot_run"
ACTION_PICK = "dockbot_pick"  # did-you-mean buttons: dockbot_pick_0 ... dockbot_pick_3
ACTION_FEEDBACK_UP = "dockbot_feedback_up"
ACTION_FEEDBACK_DOWN = "dockbot_feedback_down"
ACTION_HOME_LANG = "dockbot_home_lang"  # dockbot_home_lang_ko / dockbot_home_lang_en
PICK_PATTERN = re.compile(rf"^{ACTION_PICK}_\d+$")
HOME_LANG_PATTERN = re.compile(rf"^{ACTION_HOME_LANG}_(ko|en)$")


# ---------------------------------------------------------------- answers


def entry_blocks(
    entry: Entry,
    lang: Lang,
    kb: KnowledgeBase,
    command: str | None = None,
    flags: Sequence[FlagNote] | None = None,
) -> list[Block]:
    """The body of one knowledge entry: title, command, explanation, flags, related.
    ``command`` and ``flags`` override the stored ones for a composed answer."""
    command = command or entry.command
    flags = entry.flags if flags is None else flags
    out: list[Block] = [header(entry.title[lang])]
    if command:
        out.extend(code_sections(command))
    out.extend(sections(escape(entry.explanation[lang])))
    if flags:
        lines = [f"*{w('flags', lang)}*"]
        for f in flags:
            names = ", ".join(code(n) for n in f.names)
            value = f" {code(f.value)}" if f.value else ""
            lines.append(f"• {names}{value} — {escape(f.text[lang])}")
        out.extend(sections("\n".join(lines)))
    related = [r for r in (kb.get(i) for i in entry.related) if r is not None]
    if related:
        names = " · ".join(escape(r.title[lang]) for r in related[:8])
        out.append(context(f"{w('related', lang)}: {names}"))
    return out


def answer_message(
    answer: Answer,
    kb: KnowledgeBase,
    *,
    run_op: str | None = None,
    shareable: bool = True,
    feedback: bool = True,
    share_query: str | None = None,
    question_id: str | None = None,
) -> Message:
    """A matcher answer: the best entry with its buttons, or did-you-mean suggestions.

    ``share_query`` is the question as it may be shown to the channel (secrets masked);
    the Share button carries it instead of the question itself. ``question_id`` (the
    question log's id for this question) rides on the 👍/👎 buttons.
    """
    lang = answer.lang
    q = clip(answer.query, MAX_QUERY_IN_VALUE)
    if answer.best is None:
        return suggestions_message(answer)
    best = answer.best
    entry = best.entry
    blocks = entry_blocks(entry, lang, kb, best.command, best.shown_flags())
    buttons: list[Block] = []
    if shareable:
        shown = clip(share_query, MAX_QUERY_IN_VALUE) if share_query is not None else q
        buttons.append(button(w("share", lang), ACTION_SHARE,
                              Share(lang, entry=entry.id, query=shown)))
    others = [c.entry.id for c in answer.alternatives if c.entry.id != entry.id][:4]
    if others:
        buttons.append(button(w("others", lang), ACTION_OTHERS, Others(lang, tuple(others), q)))
    if run_op:
        buttons.append(
            button(w("run", lang), ACTION_RUN, Run(lang, run_op), "primary")
        )
    if feedback:
        buttons.extend(_feedback_buttons(entry.id, q, lang, question_id))
    if buttons:
        blocks.append(actions(buttons))
    return message(blocks, f"{entry.title[lang]}" + (f": {best.command}" if best.command else ""),
                   lang)


def _feedback_buttons(entry_id: str, q: str, lang: Lang,
                      question_id: str | None = None) -> list[Block]:
    return [
        button("👍", ACTION_FEEDBACK_UP, Feedback(lang, entry_id, "up", q, question_id)),
        button("👎", ACTION_FEEDBACK_DOWN, Feedback(lang, entry_id, "down", q, question_id)),
    ]


def suggestions_message(answer: Answer) -> Message:
    """Low confidence: "did you mean" buttons, one per suggestion."""
    lang = answer.lang
    q = clip(answer.query, MAX_QUERY_IN_VALUE)
    alts = list(answer.alternatives)[:4]
    if not alts:
        blocks = [section(f"{w('no_answer', lang)}\n{w('no_answer_hint', lang)}")]
        return message(blocks, w("no_answer", lang), lang)
    blocks = [section(f"*{w('did_you_mean', lang)}*")]
    blocks.append(actions([
        button(clip(c.entry.title[lang], MAX_BUTTON_TEXT), f"{ACTION_PICK}_{i}",
               Pick(lang, c.entry.id, q))
        for i, c in enumerate(alts)
    ]))
    return message(blocks, w("did_you_mean", lang), lang)


def alternatives_message(entries: Sequence[Entry], lang: Lang, query: str) -> Message:
    """The "Other answers" list: each alternative's title and command, with a button to open it."""
    q = clip(query, MAX_QUERY_IN_VALUE)
    if not entries:
        return message([section(w("no_others", lang))], w("no_others", lang), lang)
    blocks: list[Block] = [section(f"*{w('others', lang)}*")]
    for e in entries[:4]:
        line = f"*{escape(e.title[lang])}*"
        if e.command:
            line += f"\n{code(e.command)}"
        blocks.append(section(line))
    blocks.append(actions([
        button(clip(e.title[lang], MAX_BUTTON_TEXT), f"{ACTION_PICK}_{i}",
               Pick(lang, e.id, q))
        for i, e in enumerate(entries[:4])
    ]))
    return message(blocks, w("others", lang), lang)


def shared_message(inner: Message, asker_id: str, query: str, lang: Lang) -> Message:
    """A copy of an answer for the channel, attributed to the asker, without buttons."""
    who = f"<@{asker_id}>" if re.fullmatch(r"[UW][A-Z0-9]{1,20}", asker_id) else escape(asker_id)
    note = context(w("asked_by", lang).format(user=who, q=escape(clip(query, 300))))
    body = [b for b in inner["blocks"] if b.get("type") != "actions"]
    return message([note, *body], str(inner.get("text", "")), lang)


def gaps_message(report: GapReport, lang: Lang, limit: int = 5) -> Message:
    """`/docker gaps`: the most asked groups of unanswered questions, with nearest entries."""
    blocks: list[Block] = [header(w("gaps_title", lang)), section(w("gaps_summary", lang).format(
        since=report.since or "-", questions=report.questions, gaps=report.gaps,
        groups=len(report.groups)))]
    if not report.groups:
        blocks.append(section(w("gaps_none", lang)))
    for i, group in enumerate(report.groups[:limit], 1):
        lines = [f"*{i}. {w('gaps_asked', lang).format(n=len(group.questions))}*"]
        lines += [f"• {escape(clip(s, 200))}" for s in group.samples()[:3]]
        if group.nearest:
            names = ", ".join(code(str(e["id"])) for e in group.nearest)
            lines.append(f"{w('gaps_nearest', lang)}: {names}")
        blocks.extend(sections("\n".join(lines)))
    blocks.append(context(w("gaps_drafts", lang)))
    return message(blocks, w("gaps_title", lang), lang)


# ---------------------------------------------------------------- explanations


def explanation_message(
    expl: Mapping[str, Any], lang: Lang, *, share_value: Share | None = None
) -> Message:
    """A flag-by-flag explanation (the issue 5 JSON shape: command, parts, risks, suggestions)."""
    command = str(expl.get("command", ""))
    blocks: list[Block] = [header(w("explain_title", lang)), *code_sections(command)]
    lines: list[str] = []
    for part in _dicts(expl.get("parts")):
        role = str(part.get("role") or "")
        role_name = phrase(f"slack.role.{role}", lang) if has_phrase(f"slack.role.{role}") \
            else role
        text = code(str(part.get("text", "")))
        flag = part.get("flag")
        long_name = f" ({code(str(flag))})" if flag and flag != part.get("text") else ""
        meaning = escape(str(part.get("meaning") or ""))
        lines.append(f"• {text}{long_name} _{escape(role_name)}_ — {meaning}")
    if lines:
        blocks.extend(sections("\n".join(lines)))
    risks = list(_dicts(expl.get("risks")))
    if risks:
        rl = [f"*{w('risks', lang)}*"]
        for r in risks:
            icon = "🛑" if r.get("level") == "danger" else "⚠️"
            rl.append(f"{icon} {code(str(r.get('flag', '')))} {escape(str(r.get('message', '')))}")
            if r.get("safer"):
                rl.append(f"    ↳ {w('safer', lang)}: {escape(str(r['safer']))}")
        blocks.extend(sections("\n".join(rl)))
    suggestions = [str(s) for s in _list(expl.get("suggestions"))]
    if suggestions:
        sl = [f"*{w('did_you_mean', lang)}*", *(code(s) for s in suggestions[:5])]
        blocks.extend(sections("\n".join(sl)))
    if share_value is not None:
        blocks.append(actions([button(w("share", lang), ACTION_SHARE, share_value)]))
    return message(blocks, f"{w('explain_title', lang)}: {command}", lang)


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


def _dicts(value: object) -> Iterable[Mapping[str, Any]]:
    return [v for v in _list(value) if isinstance(v, Mapping)]


# ---------------------------------------------------------------- executor


def exec_message(result: Mapping[str, Any], lang: Lang, op_text: str) -> Message:
    """An executor result (the issue 3 JSON shape) as a table in code blocks."""
    host = result.get("host")
    title = w("exec_title", lang).format(op=code(op_text), host=code(str(host or "default")))
    columns = [str(c) for c in _list(result.get("columns"))]
    rows = [[str(c) for c in _list(r)] for r in _list(result.get("rows"))]
    body = _table(columns, rows) if columns else str(result.get("text") or "")
    blocks = code_sections(body or w("exec_empty", lang), title)
    if result.get("truncated"):
        blocks.append(context(w("exec_truncated", lang)))
    return message(blocks, f"{op_text} @ {host or 'default'}", lang)


def _table(columns: Sequence[str], rows: Sequence[Sequence[str]], cell: int = 40) -> str:
    grid = [[clip(c.replace("\n", " "), cell) for c in row] for row in [columns, *rows]]
    width = [max((len(r[i]) for r in grid if i < len(r)), default=0) for i in range(len(columns))]
    return "\n".join(
        "  ".join(c.ljust(width[i]) if i < len(width) else c for i, c in enumerate(r)).rstrip()
        for r in grid
    )


def exec_pending_message(op_text: str, host: str | None, lang: Lang) -> Message:
    text = w("exec_running", lang).format(op=code(op_text), host=code(host or "default"))
    return message([context(text)], unmark(text), lang)


def exec_off_message(op_text: str, lang: Lang, *, enabled: bool,
                     extra: Sequence[Block] = ()) -> Message:
    """Polite note: the executor is off, or this user/channel may not run the operation."""
    key = "exec_not_allowed" if enabled else "exec_off"
    text = w(key, lang).format(op=code(op_text))
    return message([section(text), *extra], unmark(text), lang)


# ---------------------------------------------------------------- errors and help


def error_text(err: DockbotError, lang: Lang) -> str:
    """The error's message and hint in ``lang`` (:meth:`DockbotError.text_in`)."""
    return err.text_in(lang)


def error_message(err: DockbotError, lang: Lang) -> Message:
    text = f"⚠️ {escape(error_text(err, lang))}"
    return message([section(text)], unmark(text), lang)


def help_message(lang: Lang, ops: Sequence[str], hosts: Sequence[str]) -> Message:
    """`/docker help`: how to ask, explain, and (only what the asker may run) status commands."""
    blocks: list[Block] = [header(w("help_title", lang)), section(w("help_body", lang))]
    if ops:
        host_text = ", ".join(code("@" + h) for h in hosts) if hosts else code("default")
        blocks.append(section(w("help_exec", lang).format(
            ops=", ".join(code(o) for o in ops), hosts=host_text)))
    else:
        blocks.append(context(w("help_no_exec", lang)))
    return message(blocks, w("help_title", lang), lang)


# ---------------------------------------------------------------- routed results

MAX_SHARE_COMMAND = 1500


def reply_message(result: Result, kb: KnowledgeBase, *, public: bool = False,
                  mask: Callable[[str], str] = str) -> Message:
    """The Slack message for a routed result. ``public`` replies (mentions, DMs) get no
    "Share to channel" button; ``mask`` hides secrets in what a Share button carries."""
    lang = result.lang
    if result.kind == "help":
        return help_message(lang, result.ops, result.hosts)
    if result.kind == "explain":
        masked = mask(result.command)
        share = None
        if not public and len(masked) <= MAX_SHARE_COMMAND:
            share = Share(lang, command=masked)
        return explanation_message(result.explanation.to_dict(), lang, share_value=share)
    if result.kind == "exec":
        return exec_pending_message(result.label, result.host, lang)
    if result.kind == "exec_off":
        return exec_off_message(result.op, lang, enabled=result.enabled)
    if result.kind == "exec_done":
        return exec_message(result.result.to_dict(), lang, result.label)
    if result.kind == "question":
        return answer_message(result.answer, kb, run_op=result.run_op, shareable=not public,
                              share_query=mask(result.answer.query),
                              question_id=result.question_id)
    if result.kind == "gaps":
        if result.report is None:
            key = "gaps_denied" if result.state == "denied" else "gaps_off"
            return message([section(w(key, lang))], unmark(w(key, lang)), lang)
        return gaps_message(result.report, lang)
    if result.kind == "learn":
        return lesson_message(result.course, result.number, lang)
    return error_message(result.error, lang)


# ---------------------------------------------------------------- App Home


def home_view(
    lang: Lang,
    concepts: Sequence[Entry],
    commands: Sequence[Entry],
    access: Sequence[tuple[str, Sequence[str], Sequence[str]]],
    course_lessons: int = 0,
) -> dict[str, Any]:
    """The App Home tab: the course link (when there is a course of ``course_lessons``),
    concepts in order, core commands, how to ask, and where the viewer may run status
    lookups (``access``: place as mrkdwn, operations, hosts)."""
    blocks: list[Block] = [
        header(w("home_title", lang)),
        section(w("home_intro", lang)),
        actions([
            button("한국어", f"{ACTION_HOME_LANG}_ko", HomeLang("ko")),
            button("English", f"{ACTION_HOME_LANG}_en", HomeLang("en")),
        ]),
        {"type": "divider"},
    ]
    if course_lessons:
        blocks += [section(w("home_course", lang).format(total=course_lessons)),
                   actions([start_button(lang)]), {"type": "divider"}]
    blocks.append(section(f"*{w('home_concepts', lang)}*"))
    for i, e in enumerate(concepts[:15], 1):
        text = f"*{i}. {escape(e.title[lang])}*\n{escape(clip(e.explanation[lang], 400))}"
        blocks.extend(sections(text))
    blocks.append({"type": "divider"})
    lines = [f"*{w('home_commands', lang)}*"]
    lines += [f"• {code(e.command or '')} — {escape(e.title[lang])}" for e in commands[:25]]
    blocks.extend(sections("\n".join(lines)))
    blocks.append({"type": "divider"})
    blocks.append(section(f"*{w('home_how', lang)}*\n{w('home_how_body', lang)}"))
    if access:
        rows = [f"*{w('home_exec', lang)}*"]
        for place, ops, hosts in access:
            host_text = ", ".join(code("@" + h) for h in hosts)
            rows.append(f"• {place}: {', '.join(code(o) for o in ops)} — {host_text}")
        blocks.extend(sections("\n".join(rows)))
    else:
        blocks.append(context(w("help_no_exec", lang)))
    return {"type": "home", "blocks": fit(blocks, lang, MAX_HOME_BLOCKS, None)}
