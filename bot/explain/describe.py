"""Put a parsed docker command into words: one Part per piece, in the requested language."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.explain.flag_values import flag_value_meaning
from bot.explain.model import Part
from bot.explain.parser import Item, ParsedCommand
from bot.explain.positionals import positional_part
from bot.lang import Lang
from bot.phrases import Pair, phrase, table_pair


def op_part(op: str, lang: Lang) -> Part:
    what = table_pair("shell_operators", op) or Pair("shell operator", "셸 연산자")
    return Part(
        text=op,
        role="shell",
        meaning=phrase("explain.describe.shell_operator_not_passed_to", lang, what=what),
    )


def _redirect_meaning(op: str, fd: str, target: str, lang: Lang) -> str:
    if op == "<<<":
        return phrase("explain.describe.here_string_the_text_and", lang, target=target)
    if op == "<<":
        target = target.removeprefix("-")
        return phrase("explain.describe.here_document_the_next_lines", lang, target=target)
    if op.startswith("<"):
        return phrase("explain.describe.read_the_standard_input_from", lang, target=target)
    if op.startswith("&"):
        what_en, what_ko = "the output and the error output", "출력과 에러 출력을"
    elif fd == "2":
        what_en, what_ko = "the error output (stderr)", "에러 출력(stderr)을"
    elif fd in ("", "1"):
        what_en, what_ko = "the output", "출력을"
    else:
        what_en, what_ko = f"file descriptor {fd}", f"파일 디스크립터 {fd}의 출력을"
    if op.endswith("&") or op == ">&":
        dest = {"1": ("the standard output", "표준 출력"), "2": ("the error output", "에러 출력")}
        en_to, ko_to = dest.get(target, (f"file descriptor {target}", f"파일 디스크립터 {target}"))
        return phrase("explain.describe.send_to_the_same_place", lang,
                      what=Pair(what_en, what_ko), to=Pair(en_to, ko_to))
    what = Pair(what_en, what_ko)
    if target == "/dev/null":
        return phrase("explain.describe.throw_away", lang, what=what)
    if ">>" in op:
        return phrase("explain.describe.append_to", lang, what=what, target=target)
    return phrase("explain.describe.write_to_replacing", lang, what=what, target=target)


def redirect_part(raw: str, target: str, lang: Lang) -> Part:
    m = re.match(r"^(\d*)(&>>|&>|>>|>&|>\||<<<|<<|<&|<>|>|<)", raw)
    fd, op = (m[1], m[2]) if m else ("", raw)
    meaning = phrase("explain.describe.shell_redirection", lang) + _redirect_meaning(
        op, fd, target, lang
    )
    return Part(text=raw, role="shell", meaning=meaning)


def flag_meaning(item: Item, lang: Lang) -> str:
    flag = item.flag
    node_name = item.node.path
    if flag is None:
        return phrase(
            "explain.describe.unknown_flag_has_no_docker", lang, node_name=node_name,
            item_text=item.text,
        )
    text = flag.meaning(lang)
    notes: list[str] = []
    if item.unknown and item.fixed and item.fixed.startswith("--") and item.text.startswith("--"):
        notes.append(
            phrase("explain.describe.unknown_flag_probably_a_typo", lang, item_fixed=item.fixed)
        )
    elif item.unknown and item.fixed and item.fixed.startswith("--"):
        notes.append(
            phrase(
                "explain.describe.one_dash_docker_reads_as", lang, item_text=item.text,
                item_fixed=item.fixed,
            )
        )
    elif item.unknown and item.fixed:
        notes.append(
            phrase(
                "explain.describe.no_here_flags_are_case", lang, item_text=item.text,
                item_fixed=item.fixed,
            )
        )
    if item.alias_of:
        notes.append(
            phrase(
                "explain.describe.is_the_old_name_of", lang, item_alias_of=item.alias_of,
                flag_name=flag.name,
            )
        )
    if item.buildkit:
        notes.append(
            phrase("explain.describe.a_flag_of_docker_buildx", lang)
        )
    if item.hidden:
        notes.append(
            phrase("explain.describe.not_listed_in_help_but", lang)
        )
    if item.combined:
        notes.append(phrase(
            "explain.describe.written_together_in", lang, item_combined=item.combined,
        ))
    if item.optional:
        notes.append(
            phrase("explain.describe.optional_marks_a_flag_you", lang, item_text=item.text)
        )
    if item.repeated:
        notes.append(
            phrase("explain.describe.given_again_only_the_last", lang)
        )
    if flag.takes_value and item.value is None:
        notes.append(phrase("explain.describe.its_value_is_missing", lang))
    return f"{text} ({'; '.join(notes)})" if notes else text


def subcommand_meaning(item: Item, lang: Lang) -> str:
    node = item.node
    if item.unknown and item.fixed:
        return phrase(
            "explain.describe.unknown_sub_command_probably_a_typo", lang,
            fixed=item.fixed, summary=node.summary(lang),
        )
    if item.unknown:
        return phrase("explain.describe.not_a_sub_command_of", lang, node_path=node.path)
    text = node.summary(lang)
    if node.plugin:
        text = phrase("explain.describe.cli_plugin", lang, text=text)
    if item.alias_of:
        text += phrase("explain.describe.same_as", lang, item_alias_of=item.alias_of)
    return text


def describe(parsed: ParsedCommand, lang: Lang) -> list[Part]:
    """The parts of one parsed docker command (the caller adds the ``docker`` word itself)."""
    parts: list[Part] = []
    items = parsed.items
    for item in items:
        if item.kind == "subcommand":
            parts.append(Part(item.text, "subcommand", subcommand_meaning(item, lang)))
        elif item.kind in ("flag", "global-flag"):
            flag = item.flag
            parts.append(
                Part(
                    text=item.text,
                    role="global-flag" if item.kind == "global-flag" else "flag",
                    meaning=flag_meaning(item, lang),
                    flag=flag.name if flag else None,
                    takes_value=bool(flag and flag.takes_value),
                    value=item.value,
                )
            )
        elif item.kind == "flag-value" and item.flag is not None:
            flag = item.flag
            parts.append(
                Part(
                    text=item.raw or item.text,
                    role="flag-value",
                    meaning=flag_value_meaning(flag, item.text, item.node, lang),
                    flag=flag.name,
                    takes_value=flag.takes_value,
                    value=item.text,
                )
            )
        elif item.kind == "help":
            parts.append(
                Part(
                    item.text,
                    "flag",
                    phrase("explain.describe.show_this_command_s_help", lang),
                    flag="--help",
                )
            )
        elif item.kind == "separator":
            parts.append(
                Part(
                    item.text,
                    "separator",
                    phrase("explain.describe.end_of_docker_s_options", lang),
                )
            )
        elif item.kind == "positional":
            parts.append(positional_part(item, items, lang))
    return _note_interactive_terminal(parsed, parts, lang)


def _note_interactive_terminal(parsed: ParsedCommand, parts: list[Part], lang: Lang) -> list[Part]:
    """``-it`` together: say what the pair is for, on the ``-t`` part."""
    if not (parsed.has_flag("interactive") and parsed.has_flag("tty")):
        return parts
    note = phrase("explain.describe.with_i_an_interactive_terminal", lang)
    out = list(parts)
    for k, p in enumerate(out):
        if p.role == "flag" and p.flag == "--tty":
            out[k] = replace(p, meaning=p.meaning + note)
            break
    return out
