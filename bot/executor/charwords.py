"""A refused character, said in plain words in Korean or English.

A refusal names what was refused so the person can find and fix it: the character
itself when it can be seen (with the run of non-ASCII text around it, so ``ps 보여줘``
is refused for the Korean text ``보여줘``), what kind of character it is (Korean text,
a full-width letter, a Cyrillic letter that looks Latin, a symbol ...), and the code
point only for characters nothing can show (``a zero-width space, U+200B``). Unicode
character names (``HANGUL SYLLABLE BO``) are never shown: they help nobody.
"""

from __future__ import annotations

import unicodedata

from bot.lang import Lang
from bot.phrases import Pair, phrase
from bot.secrets import is_invisible, mask_secrets

_RUN = 20      # at most this many characters of the text around a visible character
# Invisible characters people paste most, by name.
_INVISIBLE: dict[str, tuple[str, str]] = {
    "\u200b": ("a zero-width space", "폭 없는 공백"),
    "\u200c": ("a zero-width non-joiner", "폭 없는 비결합 문자"),
    "\u200d": ("a zero-width joiner", "폭 없는 결합 문자"),
    "\u2060": ("a word joiner", "단어 결합 문자"),
    "\ufeff": ("a byte order mark", "바이트 순서 표식(BOM)"),
    "\u00ad": ("a soft hyphen", "보이지 않는 하이픈"),
    "\u200e": ("a text direction mark", "글자 방향 표시"),
    "\u200f": ("a text direction mark", "글자 방향 표시"),
    "\u202e": ("a text direction override", "글자 방향 바꿈 문자"),
    "\u2028": ("a line separator", "줄 구분 문자"),
    "\u2029": ("a paragraph separator", "문단 구분 문자"),
    "\u3164": ("a Hangul filler (shows as nothing)", "한글 채움 문자(보이지 않음)"),
    "\u2800": ("a blank braille pattern", "빈 점자 문자"),
}
_SCRIPTS: tuple[tuple[str, str, str], ...] = (
    ("CYRILLIC", "the Cyrillic letter", "키릴 문자"),
    ("GREEK", "the Greek letter", "그리스 문자"),
    ("ARMENIAN", "the Armenian letter", "아르메니아 문자"),
)


def _is_hangul(ch: str) -> bool:
    o = ord(ch)
    return (0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F
            or 0xA960 <= o <= 0xA97F or 0xD7B0 <= o <= 0xD7FF)


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF
            or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF)


def _code(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def _quoted(text: str) -> str:
    text, _ = mask_secrets(text)
    return f'"{text}"' if "'" in text else f"'{text}'"


def _run(text: str, at: int) -> str:
    """The visible non-ASCII text around ``text[at]`` (a word of Korean, say), cut short."""
    def part(ch: str) -> bool:
        return not ch.isascii() and not is_invisible(ch) and not ch.isspace()
    start = at
    while start > 0 and part(text[start - 1]) and at - start < _RUN // 2:
        start -= 1
    end = at + 1
    while end < len(text) and part(text[end]) and end - start < _RUN:
        end += 1
    return text[start:end]


def describe_char(text: str, at: int, lang: Lang) -> str:
    """``text[at]``, the first refused character, in plain words in ``lang``."""
    ch = text[at]
    if ch.isascii():
        if unicodedata.category(ch) == "Cc":
            return phrase("exec.char.control", lang, code=_code(ch))
        return _quoted(ch)
    if ch in _INVISIBLE:
        return phrase("exec.char.named_invisible", lang, what=Pair(*_INVISIBLE[ch]), code=_code(ch))
    category = unicodedata.category(ch)
    if category == "Zs":
        return phrase("exec.char.special_space", lang, code=_code(ch))
    if is_invisible(ch):
        if category == "Cc":
            return phrase("exec.char.control", lang, code=_code(ch))
        return phrase("exec.char.invisible", lang, code=_code(ch))
    if _is_hangul(ch):
        return phrase("exec.char.korean", lang, text=_quoted(_run(text, at)))
    if _is_cjk(ch):
        return phrase("exec.char.cjk", lang, text=_quoted(_run(text, at)))
    folded = unicodedata.normalize("NFKC", ch)
    if folded != ch and folded.isascii():
        return phrase("exec.char.full_width", lang, text=_quoted(ch))
    name = unicodedata.name(ch, "")
    for script, en_words, ko_words in _SCRIPTS:
        if name.startswith(script):
            return phrase("exec.char.script", lang, what=Pair(en_words, ko_words), text=_quoted(ch))
    if category[0] == "L":
        base = unicodedata.normalize("NFKD", ch)[:1]
        if base.isascii() and base.isalpha():
            return phrase("exec.char.accented", lang, text=_quoted(ch))
        return phrase("exec.char.letter", lang, text=_quoted(ch))
    if category[0] == "P":
        return phrase("exec.char.punctuation", lang, text=_quoted(ch))
    if category[0] == "S":
        return phrase("exec.char.symbol", lang, text=_quoted(ch))
    return phrase("exec.char.other", lang, text=_quoted(ch))
