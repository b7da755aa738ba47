"""Words of a text, one language at a time: what :mod:`bot.ask.analysis` builds its
features from, and what typo repair (:mod:`bot.ask.spelling`) compares. Pure: no I/O.

- Korean: a word without its trailing particle or ending (``컨테이너를`` -> ``컨테이너``),
  Hangul syllables as letters (jamo: ``삭재`` and ``삭제`` differ by one letter), and one
  spelling per loanword (``디렉토리`` -> ``디렉터리``);
- English: plurals and -ing folded (``containers`` -> ``container``), and the forms a word
  may take under its ending (``deleted`` -> ``delete``);
- flags: combined short flags taken apart (``-dp`` -> ``-d -p``).
"""

from __future__ import annotations

import re

from bot.ask.lexicon import KO_SHORT_MIN, KO_STOP, KO_SUFFIXES

_SUFFIX_SET = frozenset(KO_SUFFIXES)
_SUFFIX_SIZES = sorted({len(x) for x in KO_SUFFIXES}, reverse=True)
_CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONG = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
def jamo(text: str) -> str:
    """Hangul syllables decomposed into their letters; other characters kept."""
    out: list[str] = []
    for ch in text:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            out.append(_CHO[code // 588])
            out.append(_JUNG[(code % 588) // 28])
            jong = _JONG[code % 28]
            if jong != " ":
                out.append(jong)
        else:
            out.append(ch)
    return "".join(out)


def strip_korean(word: str) -> str:
    """A Korean word without its trailing particle or ending (longest match first).

    A word that is only a particle (``이미지 를``: a spacing mistake) becomes empty.
    """
    if word in _SUFFIX_SET:
        return ""
    for size in _SUFFIX_SIZES:
        if len(word) > size and word[-size:] in _SUFFIX_SET:
            rest = word[:-size]
            if size == 1 and len(rest) < KO_SHORT_MIN - 1 and rest not in KO_STOP:
                continue
            return rest
    return word


def stem_en(word: str) -> str:
    """Plurals and -ing folded: containers -> container, building -> build, running -> run."""
    if len(word) > 5 and word.endswith("ing"):
        stem = word[:-3]
        if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "ls":
            return stem[:-1]
        if len(stem) >= 4:
            return stem
        return word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    # pushes, publishes, boxes, processes ("caches" is cache + s: "ches" is left alone)
    if len(word) > 5 and word.endswith(("shes", "xes", "sses", "zzes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def inflections(word: str) -> list[str]:
    """The forms a concept may be written in under ``word``'s ending: "deleting" and
    "deleted" -> "delete", "stopped" -> "stop", "streaming" -> "stream", "names" -> "name"."""
    out = [stem_en(word)]
    for end in ("ing", "ed"):
        if len(word) > len(end) + 2 and word.endswith(end):
            base = word[: -len(end)]
            out += [base, base + "e"]
            if len(base) >= 3 and base[-1] == base[-2]:
                out.append(base[:-1])
    return out


def split_flags(token: str) -> list[str]:
    """``-dp`` -> ``-d -p`` (docker has no multi-letter single-dash flags); ``--rm`` stays."""
    if token.startswith("--"):
        return [token.lower()]
    letters = token[1:]
    if len(letters) == 1:
        return [token]
    return [f"-{c}" for c in letters if c.isalnum()]


# Korean loanwords spelt two ways: folded to the spelling the knowledge base uses
_KO_SPELLING = {
    "디렉토리": "디렉터리", "메세지": "메시지", "레포지토리": "리포지토리",
    "레파지토리": "리포지토리", "어플리케이션": "애플리케이션",
    "네트웍": "네트워크",
    "콘테이너": "컨테이너", "쉘": "셸",
}
_KO_SPELLING_RE = re.compile("|".join(sorted(_KO_SPELLING, key=len, reverse=True)))


def ko_spelling(text: str) -> str:
    """``작업 디렉토리`` -> ``작업 디렉터리``: one spelling per Korean loanword."""
    return _KO_SPELLING_RE.sub(lambda m: _KO_SPELLING[m.group(0)], text)
