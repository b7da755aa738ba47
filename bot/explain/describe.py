"""Put a parsed docker command into words: one Part per piece, in the requested language."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.explain.flag_values import flag_value_meaning
from bot.explain.model import Part
from bot.explain.parser import Item, ParsedCommand
from bot.explain.positionals import positional_part
from bot.explain.values import tr
from bot.lang import Lang

_OPS = {
    "|": (
        "pipe: the output of the command before goes into the next command",
        "파이프: 앞 명령의 출력이 다음 명령의 입력으로 들어감",
    ),
    "|&": ("pipe (with error output)", "파이프(에러 출력 포함)"),
    "&&": (
        "run the next command only if this one succeeded",
        "앞 명령이 성공했을 때만 다음 명령 실행",
    ),
    "||": (
        "run the next command only if this one failed",
        "앞 명령이 실패했을 때만 다음 명령 실행",
    ),
    ";": ("then run the next command", "이어서 다음 명령 실행"),
    "&": ("run the command before in the background", "앞 명령을 백그라운드에서 실행"),
}


def op_part(op: str, lang: Lang) -> Part:
    en, ko = _OPS.get(op, ("shell operator", "셸 연산자"))
    return Part(
        text=op,
        role="shell",
        meaning=tr(
            lang,
            f"shell operator, not passed to docker: {en}",
            f"셸 연산자(docker에 넘어가지 않음): {ko}",
        ),
    )


def _redirect_meaning(op: str, fd: str, target: str, lang: Lang) -> str:
    if op == "<<<":
        return tr(
            lang,
            f"here-string: the text {target!r} (and a newline) becomes the standard input",
            f"히어 스트링: 텍스트 {target!r}(와 줄바꿈)가 표준 입력으로 들어감",
        )
    if op == "<<":
        target = target.removeprefix("-")
        return tr(
            lang,
            f"here-document: the next lines, up to a line {target}, become the standard input",
            f"히어 문서: 뒤따르는 줄들이 {target} 줄까지 표준 입력으로 들어감",
        )
    if op.startswith("<"):
        return tr(lang, f"read the standard input from {target}", f"표준 입력을 {target}에서 읽음")
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
        return tr(
            lang,
            f"send {what_en} to the same place as {en_to}",
            f"{what_ko} {ko_to}과 같은 곳으로 보냄",
        )
    if target == "/dev/null":
        return tr(lang, f"throw {what_en} away", f"{what_ko} 버림")
    if ">>" in op:
        return tr(lang, f"append {what_en} to {target}", f"{what_ko} {target} 끝에 덧붙임")
    return tr(
        lang,
        f"write {what_en} to {target} (replacing what it held)",
        f"{what_ko} {target}에 씀(기존 내용은 지워짐)",
    )


def redirect_part(raw: str, target: str, lang: Lang) -> Part:
    m = re.match(r"^(\d*)(&>>|&>|>>|>&|>\||<<<|<<|<&|<>|>|<)", raw)
    fd, op = (m[1], m[2]) if m else ("", raw)
    meaning = tr(lang, "shell redirection: ", "셸 리디렉션: ") + _redirect_meaning(
        op, fd, target, lang
    )
    return Part(text=raw, role="shell", meaning=meaning)


def flag_meaning(item: Item, lang: Lang) -> str:
    flag = item.flag
    node_name = item.node.path
    if flag is None:
        return tr(
            lang,
            f"unknown flag: `{node_name}` has no {item.text}; docker would stop with an error",
            f"알 수 없는 플래그: `{node_name}`에는 {item.text}가 없어 docker가 오류를 냄",
        )
    text = flag.meaning(lang)
    notes: list[str] = []
    if item.unknown and item.fixed and item.fixed.startswith("--") and item.text.startswith("--"):
        notes.append(
            tr(
                lang,
                f"unknown flag, probably a typo of {item.fixed}",
                f"알 수 없는 플래그, {item.fixed}의 오타로 보임",
            )
        )
    elif item.unknown and item.fixed and item.fixed.startswith("--"):
        notes.append(
            tr(
                lang,
                f"one dash: docker reads {item.text} as separate letters; write {item.fixed}",
                f"대시가 하나라 docker는 {item.text}를 글자별 플래그로 읽음; {item.fixed}로 쓰세요",
            )
        )
    elif item.unknown and item.fixed:
        notes.append(
            tr(
                lang,
                f"no {item.text} here (flags are case sensitive); probably {item.fixed}",
                f"여기엔 {item.text}가 없음(대소문자 구분); {item.fixed}로 보임",
            )
        )
    if item.alias_of:
        notes.append(
            tr(
                lang,
                f"{item.alias_of} is the old name of {flag.name}",
                f"{item.alias_of}는 {flag.name}의 옛 이름",
            )
        )
    if item.buildkit:
        notes.append(
            tr(
                lang,
                "a flag of `docker buildx build`: `docker build` accepts it where it runs buildx "
                "(the default since Docker 23), the legacy builder does not",
                "`docker buildx build`의 플래그: `docker build`가 buildx로 실행되는 곳"
                "(Docker 23부터 기본)에서는 받지만 예전 빌더는 받지 않음",
            )
        )
    if item.hidden:
        notes.append(
            tr(
                lang,
                "not listed in --help, but docker accepts it",
                "--help에는 나오지 않지만 docker가 받아들이는 플래그",
            )
        )
    if item.combined:
        notes.append(tr(lang, f"written together in {item.combined}", f"{item.combined}로 붙여 씀"))
    if item.optional:
        notes.append(
            tr(
                lang,
                f"optional: [{item.text}] marks a flag you may leave out",
                f"선택 사항: [{item.text}]는 빼도 되는 플래그 표시",
            )
        )
    if item.repeated:
        notes.append(
            tr(lang, "given again: only the last value counts", "다시 지정됨: 마지막 값만 적용")
        )
    if flag.takes_value and item.value is None:
        notes.append(tr(lang, "its value is missing", "값이 빠졌음"))
    return f"{text} ({'; '.join(notes)})" if notes else text


def subcommand_meaning(item: Item, lang: Lang) -> str:
    node = item.node
    if item.unknown and item.fixed:
        return tr(
            lang,
            f"unknown sub-command; probably a typo of `{item.fixed}`: {node.summary('en')}",
            f"알 수 없는 하위 명령; `{item.fixed}`의 오타로 보임: {node.summary('ko')}",
        )
    if item.unknown:
        return tr(
            lang,
            f"not a sub-command of `{node.path}`; run `{node.path} --help` for the list",
            f"`{node.path}`의 하위 명령이 아님; 목록은 `{node.path} --help`로 확인",
        )
    text = node.summary(lang)
    if node.plugin:
        text = tr(lang, f"{text} (CLI plugin)", f"{text} (CLI 플러그인)")
    if item.alias_of:
        text += tr(lang, f" (same as `{item.alias_of}`)", f" (= `{item.alias_of}`)")
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
                    tr(
                        lang,
                        "show this command's help and exit",
                        "이 명령의 도움말을 보여 주고 끝냄",
                    ),
                    flag="--help",
                )
            )
        elif item.kind == "separator":
            parts.append(
                Part(
                    item.text,
                    "separator",
                    tr(
                        lang,
                        "end of docker's options: what follows is never read as a flag",
                        "docker 옵션의 끝: 뒤에 오는 것은 플래그로 읽지 않음",
                    ),
                )
            )
        elif item.kind == "positional":
            parts.append(positional_part(item, items, lang))
    return _note_interactive_terminal(parsed, parts, lang)


def _note_interactive_terminal(parsed: ParsedCommand, parts: list[Part], lang: Lang) -> list[Part]:
    """``-it`` together: say what the pair is for, on the ``-t`` part."""
    if not (parsed.has_flag("interactive") and parsed.has_flag("tty")):
        return parts
    note = tr(
        lang,
        " (with -i: an interactive terminal session, e.g. a shell you can type in)",
        " (-i와 함께: 직접 입력할 수 있는 대화형 터미널, 예: 셸)",
    )
    out = list(parts)
    for k, p in enumerate(out):
        if p.role == "flag" and p.flag == "--tty":
            out[k] = replace(p, meaning=p.meaning + note)
            break
    return out
