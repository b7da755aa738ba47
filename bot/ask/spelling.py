"""Typo repair: a word that no phrasing of the knowledge base uses becomes its closest
known spelling, before a question is matched. Pure: no I/O.

English words are compared by optimal-string-alignment distance (a swap of two letters
is one edit): at most 1 edit for words of 4-5 letters, 2 for longer ones, and only a
swap or a dropped letter for 3-letter words (``rnu`` -> ``run``, ``kil`` -> ``kill``);
ties go to the word the knowledge base uses most. Korean words are compared letter by
letter (jamo), so ``삭재`` -> ``삭제``; a long unspaced Korean run is first cut where the
knowledge base's words begin (``백그라운드에서실행하기`` -> ``백그라운드에서 실행하기``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.ask.lexicon import KO_SUFFIXES
from bot.ask.words import jamo, stem_en, strip_korean

_EN_WORD = re.compile(r"(?<![-\w])[A-Za-z]{3,}(?![-\w])")
_KO_WORD = re.compile(r"[\uac00-\ud7a3]+")
# syllables that end a Korean verb ("띄우게", "띄우고", "띄우면"): one of them for another
# is another ending of the same word, no typo
_KO_ENDINGS = frozenset("게고면서며니지자요다죠네려도")
# an unspaced run: the longest known word looked for in it, the particles and endings that
# stay with the word before them, and 하다/되다, which stay too ("정리하면서")
_LONGEST = 8
_ENDINGS = frozenset(KO_SUFFIXES)
_ENDING_SIZES = sorted({len(x) for x in KO_SUFFIXES}, reverse=True)
_LIGHT_VERBS = frozenset("하해되돼된될됨")
_ADNOMINAL = frozenset("한된할될던인")


class Speller:
    """Built once from the index's vocabularies (:mod:`bot.ask.index`)."""

    def __init__(
        self, en_vocab: Sequence[str], en_known: Iterable[str], ko_words: Sequence[str]
    ) -> None:
        """``en_vocab``: the words phrasings use, most used first; ``en_known``: every
        word spelt right (the explanations' words too); ``ko_words``: the Korean words."""
        self._en_vocab = list(en_vocab)
        self._en_short = [w for w in self._en_vocab if len(w) in (3, 4)]
        self._en_set = frozenset(en_known)
        self._ko_words = list(ko_words)
        self._ko_set = frozenset(self._ko_words)
        self._ko_jamo = [jamo(w) for w in self._ko_words]

    def repair(self, text: str) -> str:
        """``text`` with each unknown word replaced by its closest known spelling."""
        text = _EN_WORD.sub(self._en, text)
        return _KO_WORD.sub(self._ko, text)

    def _en(self, m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if low in self._en_set or stem_en(low) in self._en_set:
            return word
        if len(low) == 3:
            # only a swap (rnu -> run) or a dropped letter (kil -> kill)
            for cand in self._en_short:
                swap = len(cand) == 3 and sorted(cand) == sorted(low)
                if (swap or len(cand) == 4) and OSA.distance(cand, low) == 1:
                    return cand
            return word
        limit = 1 if len(low) <= 5 else 2
        hits = process.extract(
            low, self._en_vocab, scorer=OSA.distance, score_cutoff=limit, limit=8
        )
        for cand, _, _ in sorted(hits, key=lambda h: (h[1], h[2])):
            # a typo keeps the first letter, or swaps the first two ("dcoker")
            if cand[0] == low[0] or cand[:2] == low[1::-1]:
                return str(cand)
        return word

    def _ko(self, m: re.Match[str]) -> str:
        word = m.group(0)
        stem = strip_korean(word)
        # long unspaced runs are several words: repairing them as one would replace them,
        # so they are spaced where known words begin ("백그라운드에서실행하기")
        if len(word) > 4 and len(stem) > 2 and stem not in self._ko_set:
            spaced = self._spaced(word)
            if spaced != word:
                return spaced
        if len(stem) < 2 or len(stem) > 4 or stem in self._ko_set:
            return word
        # a known word with the ending of a word that describes the next one ("공개한 포트",
        # "설정한 값") is that word: not another one a letter away (공간, 수정한)
        if len(stem) >= 3 and stem[-1] in _ADNOMINAL and stem[:-1] in self._ko_set:
            return word
        cutoff = 80 if len(stem) < 4 else 75
        hit = process.extractOne(jamo(stem), self._ko_jamo, scorer=fuzz.ratio, score_cutoff=cutoff)
        if not hit:
            return word
        known = self._ko_words[hit[2]]
        if (len(stem) >= 3 and len(known) == len(stem) and known[:-1] == stem[:-1]
                and {known[-1], stem[-1]} <= _KO_ENDINGS):
            return word
        return known + word[len(stem) :]

    def _spaced(self, run: str) -> str:
        """An unspaced Korean run cut into the knowledge base's words, each with the
        particles or endings after it; left as it is unless known words cover most of it."""
        parts: list[str] = []
        covered = i = 0
        unknown = False  # the last part is letters no known word begins
        while i < len(run):
            n = next((k for k in range(min(len(run) - i, _LONGEST), 1, -1)
                      if run[i : i + k] in self._ko_set), 0)
            known = True
            if n:  # a known word; 하다/되다 stay with the word before ("정리" + "하면서")
                glue, unknown = run[i] in _LIGHT_VERBS, False
            elif parts and (n := next((k for k in _ENDING_SIZES if run[i : i + k] in _ENDINGS),
                                      0)):
                glue = True  # a particle or an ending, known as one, stays with its word
            else:  # letters no known word begins with make a word of their own
                n, glue, known = 1, unknown or run[i] in _LIGHT_VERBS, False
                unknown = True
            if glue and parts:
                parts[-1] += run[i : i + n]
            else:
                parts.append(run[i : i + n])
            covered += n if known else 0
            i += n
        if len(parts) < 2 or covered * 10 < len(run) * 6:
            return run
        return " ".join(parts)
