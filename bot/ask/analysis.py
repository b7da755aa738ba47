"""Turn a question (or a knowledge-base phrase) into matching features.

The same analysis runs on both sides, so whatever it does to a question it
also does to the phrasings it is compared with:

- Unicode NFKC, lowercase (flags keep their case: ``-p`` is not ``-P``);
- flags (``-d``, ``--rm``) and combined short flags (``-dp`` -> ``-d -p``);
- English words without stop words, plurals folded;
- Korean words without particles and verb endings (``컨테이너를`` -> ``컨테이너``),
  plus syllable bigrams of all Korean text with the spaces removed, so
  ``실행중인컨테이너`` and ``실행 중인 컨테이너`` share most features;
- concepts from :mod:`bot.ask.lexicon` (synonyms across both languages), found
  longest-first so ``로그인`` is *login*, not *log*;
- a jamo-decomposed string for character-level fuzzy comparison, which makes
  a one-syllable typo (``삭재`` for ``삭제``) a one-letter difference.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from bot.ask.lexicon import (
    ANCHORS,
    CONCEPTS,
    DOMAIN_CONCEPTS,
    DOMAIN_WORDS,
    EN_STOP,
    FOREIGN,
    FOREIGN_STRICT,
    KO_STOP,
    RESTART_ON_FAILURE,
    RESTART_UNLESS_STOPPED,
    SOFTWARE_NAMES,
    STRONG_ANCHORS,
)
from bot.ask.words import inflections, jamo, ko_spelling, split_flags, stem_en, strip_korean

# a flag's name has single hyphens inside; a second flag written straight after it
# ("-w--workdir") is a flag of its own (_GLUED_FLAG parts them), not letters of a
# short-flag cluster
_FLAG = re.compile(r"(?<![\w-])(--?[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?![A-Za-z0-9-])")
_SHELL_BEFORE = re.compile(r"(?<![\w.-])(?:/bin/|/usr/bin/)?(?:sh|bash|zsh|ash|dash)\s+$")
_GLUED_FLAG = re.compile(r"(?<=[A-Za-z0-9])--(?=[A-Za-z])")
# an image written with its tag ("myapp:latest", "ghcr.io/acme/web:1.4", "node:20-alpine")
# is a Docker word of its own: "tag myapp:latest as myuser/myapp:1.0" is plainly Docker's
_IMAGE_REF = re.compile(
    r"(?<![A-Za-z0-9_./:@-])(?!localhost\b|https?\b)[a-z][a-z0-9._/-]+"
    r":(?:latest|v?\d{1,3}(?:\.\d+)*(?:-[a-z0-9.]+)?|[a-z]+(?:-[a-z0-9.]+)?)(?![A-Za-z0-9_./:-])"
)
_LATIN = re.compile(r"[a-z0-9]+(?:[._:/-][a-z0-9]+)*")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
_PORTMAP = re.compile(r"\b\d{1,5}:\d{1,5}\b")
_PLACEHOLDER = re.compile(r"<[^<>]{1,40}>|\{[^{}]{1,40}\}")

_KO_ANCHORS = ("도커", "컨테이너", "이미지")
_KO_DOMAIN = tuple(w for w in DOMAIN_WORDS if not w.isascii())


_RESTART_WHEN = re.compile("(?i)" + "|".join((*RESTART_UNLESS_STOPPED, *RESTART_ON_FAILURE)))
_KO_NOT_CONCEPTS = ("줄이", "줄여", "줄인", "줄일", "줄어", "줄었",
                    "전부터")  # ("몇 분 전부터" is since minutes ago, not 전부: all)


def _concept_patterns() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], dict[str, str]]:
    """One alternation per language, longest form first: a left-to-right greedy scan."""
    ko: dict[str, str] = {}
    en: dict[str, str] = {}
    for concept, (ko_forms, en_forms) in CONCEPTS.items():
        for f in ko_forms:
            ko.setdefault(ko_spelling(f).replace(" ", "").lower(), concept)
        for f in en_forms:
            en.setdefault(f.lower(), concept)

    # Korean words that start like a concept's form and are not it: 줄이다 (reduce) is
    # no 줄 (line), 전부터 (since before) no 전부 (all); scanned as forms of no concept,
    # they keep the shorter form from matching
    for f in _KO_NOT_CONCEPTS:
        ko.setdefault(f, "")

    def alternation(forms: dict[str, str]) -> str:
        return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))

    ko_re = re.compile(alternation(ko))
    en_re = re.compile(r"(?<!\S)(?:" + alternation(en) + r")(?!\S)")
    return ko_re, ko, en_re, en


_KO_RE, _KO_FORMS, _EN_RE, _EN_FORMS = _concept_patterns()


@functools.lru_cache(maxsize=8192)
def concept_word(word: str) -> bool:
    """The English word is a surface form of a lexicon concept (``delete`` is *remove*)."""
    return word in _EN_FORMS or stem_en(word) in _EN_FORMS


def _find_concepts(compact: str, spaced: str) -> set[str]:
    """Concepts named in the text: Korean forms anywhere in the space-free text
    (``로그인`` is *login*, not *log*: the longer form wins), English forms as words."""
    found = {_KO_FORMS[m.group(0)] for m in _KO_RE.finditer(compact)} - {""}
    found.update(_EN_FORMS[m.group(0)] for m in _EN_RE.finditer(spaced))
    return found


@dataclass(frozen=True)
class Analysis:
    """Features of one piece of text."""

    features: dict[str, float]
    fuzzy: str  # content tokens, Korean as jamo, space-separated
    compact: str  # ``fuzzy`` without spaces
    en_words: tuple[str, ...]
    ko_words: tuple[str, ...]
    anchored: bool
    foreign_strict: bool  # names another container tool or another kind of image/container
    named_docker: bool  # names Docker itself (docker, dockerfile, compose ...), not just "image"
    domain_signals: int  # Docker objects, words and flags named, each counted once
    foreign: bool
    on_topic: bool  # names a Docker object, a Docker word or a flag
    # what the matcher derives from the features once per question and reads again for
    # every command it scores (the features never change after analysis)
    memo: dict[str, Any] = field(default_factory=dict, init=False, compare=False, repr=False)


# Dockerfile instructions written as Dockerfiles write them ("ADD vs COPY", "CMD 와
# ENTRYPOINT 차이"): the question is about Docker even when it names nothing else of it
_INSTRUCTION = re.compile(
    r"(?<![A-Za-z0-9_-])(FROM|RUN|CMD|COPY|ADD|ENTRYPOINT|EXPOSE|ENV|ARG|WORKDIR|USER|VOLUME"
    r"|HEALTHCHECK|LABEL|ONBUILD|STOPSIGNAL|SHELL)(?![A-Za-z0-9_-])"
)


# the short Korean negation: "캐시 사용 안 하기", "캐시 안 쓰고" ("안 쓰는 이미지" are unused
# ones, not a request)
_KO_NOT = r"안\s*(?:하기|하고|하게|하도록|함|쓰기|쓰고|쓰게|쓰도록)"
_NEGATION = re.compile(
    r"(?<![a-z])(?:without|no|not|nothing|don'?t|do not|never|disable[ds]?|skip|omit"
    r"|but keep|but leave|except|excluding)(?![a-z])"
    r"|않고|않음|않게|않도록|않는다|없이|말고|하지 말|생략|끄고|끈 채|빼고|제외하고|남기고|"
    + _KO_NOT
)
_INSTALL_INSIDE = re.compile(
    r"\binstall\w*\b.{1,40}?\b(?:in|inside|into|within|to)\s+(?:a |an |the |my |our |this )?"
    r"(?:docker ?)?(?:containers?|images?|dockerfiles?|docker)\b(?!\s+(?:desktop|engine))"
    r"|(?:컨테이너|이미지|도커 ?이미지|도커파일|도커)\S{0,2}\s*"
    r"(?:안에|안으로|내부에|속에|에)\s*\S.{0,20}설치"
)
_BRING_UP = re.compile(
    r"(?:서비스|컴포즈|스택|컨테이너|compose)\S{0,4}\s*(?:\S+\s+){0,5}?(?:다시\s*)?(?:올리|올려|올린)"
)
_RUN_IN_NAMED = re.compile(
    r"(?<![\w.-])[A-Za-z0-9][A-Za-z0-9_.-]{0,62}\s*(?:컨테이너|container)\s*(?:에서|에|안에서|안에|내부에서|속에서)"
    r"\s+(?:\S+\s+){0,3}?\S*(?:실행|돌리|돌려)"
)
# "set the working directory in the image", "make the image run as ...", "이미지 안에서 ...
# 정하기": a setting written into the image (a Dockerfile instruction), not a run option
_INTO_IMAGE = re.compile(
    r"\b(?:set|sets|setting|define|declare|specify|choose|change|add|put|make|bake|give)\b"
    r"[^.?!]{0,40}?\b(?:in|inside|into|within|for|of)\s+(?:a |an |the |my |our |this |your )?"
    r"(?:docker ?)?(?:images?|dockerfiles?)\b"
    r"|\bmake (?:the|an?|my|our) (?:docker )?image\b"
    r"|\b(?:in|inside|into)\s+(?:a |an |the |my |our |this |your )?(?:docker ?)?images?\b"
    r"[^.?!]{0,40}?\b(?:set|define|declare|specify|choose|change|add|put|bake)\b"
    r"|(?:이미지|도커 ?이미지)\S{0,2}\s*(?:안에서|안에|내부에서|내부에|속에)\s*\S.{0,25}?"
    r"(?:정하|지정|설정|선언|넣|바꾸|변경|추가)"
    # "이미지 만들 때 시간대 설정", "when building the image, set the timezone"
    # (not what docker build's own options set: a tag, a name, the cache, a platform)
    r"|(?:이미지\S{0,2}\s*(?:만들|빌드)\S{0,3}|빌드\S{0,3})\s*때\s*"
    r"(?![^.?!]{0,25}?(?:태그|tag|이름|name|캐시|cache|플랫폼|platform|인자|arg))\S.{0,25}?"
    r"(?:정하|지정|설정|선언|넣|바꾸|변경|추가)"
    r"|\b(?:when|while) (?:building|creating|making) (?:the |an |my )?(?:docker )?image\b"
    r"[^.?!]{0,30}?\b(?:set|define|add|put|bake|change)\b"
)
# what a question says is not to happen: "without stopping it", "don't rebuild",
# "중지하지 않고", "빌드 없이" (the word after the negation, or the Korean stem before it)
_NEGATED_EN = re.compile(
    r"(?i)\b(?:without|not|never|don'?t|do not|no longer|instead of"
    # what is left alone: "but keep the volumes", "except images"
    r"|but (?:keep|leave)|keeping|except(?: for)?|excluding|other than|apart from"
    r"|without touching)\s+(?:the\s+|a\s+|any\s+|my\s+|its\s+|their\s+)?"
    r"([a-z][a-z-]+)"
)
# (and the short form, _KO_NOT)
_NEGATED_KO = re.compile(
    r"([가-힣A-Za-z]+?)(?:하지|지|되지)\s*(?:않|말)|([가-힣A-Za-z]+)\s*없이"
    r"|([가-힣A-Za-z]+?)\s*(?:사용\s*)?" + _KO_NOT
    # what is left alone: "볼륨은 건드리지 않고", "볼륨 빼고", "이미지는 남기고"
    + r"|([가-힣A-Za-z]+?)(?:은|는|을|를|만)?\s*(?:건드리지|손대지|지우지|삭제하지)\s*(?:않|말)"
    r"|([가-힣A-Za-z]+?)(?:은|는|을|를|만)?\s*(?:빼고|제외하고|남기고|남겨\s*두고|놔두고)"
)
# (a quick look for the words all of them need: most texts have none)
_KO_NOT_WORDS = re.compile(r"않|말|없이|안|빼고|제외하고|남기고|남겨|놔두고")
# a blog title's "정리" is a summary, not a clean-up ("도커 명령어 정리", "볼륨 마운트 총정리"),
# unless what is tidied is something Docker keeps ("안 쓰는 이미지 정리", "디스크 정리")
_SUMMARY_KO = re.compile(
    r"(총정리|(\S+)\s*정리)(?:\s*[(\[].*)?\s*[.!?]*\s*$|(\S+)\s*정리\s*(?:노트|글|본)"
)
_TIDIED = re.compile(r"이미지|컨테이너|볼륨|네트워크|캐시|디스크|용량|공간|찌꺼기|로그|빌더|시스템")
# "the final 200 lines", "끝 30줄": the end of the output, as "last" says
_TAIL_OF = re.compile(r"(?i)\b(?:final|closing)\s+\d+\s+(?:\w+\s+)?lines?\b|끝\s*\d+\s*줄")
_INTO_CONTAINER = re.compile(
    r"\b(?:log ?in|login|sign in|ssh)\b.{0,40}\b(?:in|into|to|inside)\b.{0,20}\bcontainers?\b"
    r"|컨테이너\S{0,3}\s*(?:안으로|안에|내부로|에)\s*(?:로그인|접속)"
)
_REGISTRY = re.compile(r"registry|hub|ghcr|ecr|gcr|quay|레지스트리|허브")
_NEW_CONTAINER = re.compile(r"\bnew (?:[a-z0-9_.:-]+ )?containers?\b|새(?:로운)? ?컨테이너")


def _names_instruction(text: str) -> bool:
    if not _INSTRUCTION.search(text):
        return False
    # a sentence in capitals ("HOW TO ADD A USER") names no instruction
    rest = [c for c in _INSTRUCTION.sub(" ", text) if c.isascii() and c.isalpha()]
    return sum(c.isupper() for c in rest) <= 0.5 * len(rest)


def analyze(text: str) -> Analysis:
    text = ko_spelling(unicodedata.normalize("NFKC", text))
    text = _PLACEHOLDER.sub(" ", text)
    instruction = _names_instruction(text)
    flags: list[str] = []
    text = _GLUED_FLAG.sub(" --", text) if "--" in text else text
    for m in _FLAG.finditer(text):
        if _SHELL_BEFORE.search(text, 0, m.start()):
            continue  # "sh -c": the shell's flag, not Docker's
        flags.extend(split_flags(m.group(1)))
        if not m.group(1).startswith("--") and len(m.group(1)) > 2:
            flags.append(m.group(1))
    no_flags = _FLAG.sub(" ", text).lower()
    portmaps = _PORTMAP.findall(no_flags)
    raw_latin = _LATIN.findall(no_flags)
    en_words = tuple(
        stem_en(w) for w in raw_latin if w not in EN_STOP and not _PORTMAP.fullmatch(w)
    )
    raw_ko = _HANGUL_WORD.findall(no_flags)
    stripped = [strip_korean(w) for w in raw_ko]
    ko_words = tuple(w for w in stripped if w and w not in KO_STOP)
    compact_all = re.sub(r"\s+", "", no_flags)
    # "docker-compose.yml" also counts as "docker compose yml" for concepts and topic words
    parts = [p for w in raw_latin for p in re.split(r"[._:/-]", w) if p]
    # and the words with their endings folded: "streaming" says *follow* as "stream" does
    stems = [v for w in dict.fromkeys([*raw_latin, *parts]) if w not in _EN_FORMS
             for v in inflections(w)]
    concepts = _find_concepts(compact_all, " ".join([*raw_latin, *parts, "|", *stems]))
    if portmaps:
        concepts.add("port")
    # "a new container" / "새 컨테이너" is one that is run (or created) now
    if _NEW_CONTAINER.search(no_flags):
        concepts.add("run")
    # "install curl in a container" / "이미지에 git 설치" puts software into an image (a
    # Dockerfile's RUN), it does not install Docker
    if "install" in concepts and _INSTALL_INSIDE.search(no_flags):
        concepts.discard("install")
        concepts.add("dockerfile")
    if _INTO_IMAGE.search(no_flags):
        concepts.add("dockerfile")
    if _TAIL_OF.search(no_flags):
        concepts.add("tail")
    # "서비스 올리기", "컴포즈로 올리기": services, a stack or containers brought up, not an
    # image pushed ("이미지 올리기", "허브에 올리기" stay a push)
    if "push" in concepts and _BRING_UP.search(no_flags) and not concepts & {"image", "registry"}:
        concepts.discard("push")
        concepts.add("run")
    # "db 컨테이너에서 psql 실행": something run in a container named before it is run in
    # that (existing) container, docker exec
    if "run" in concepts and _RUN_IN_NAMED.search(no_flags):
        concepts.add("exec")
    # "restart on failure", "죽으면 재시작": restarted when something happens is a policy
    if "restart" in concepts and _RESTART_WHEN.search(no_flags):
        concepts.discard("restart")
        concepts.add("restart-policy")
    summary = _SUMMARY_KO.search(no_flags)
    if summary and "prune" in concepts:
        before = summary.group(2) or summary.group(3) or ""
        others = no_flags[: summary.start()] + no_flags[summary.end() :]
        what_is_tidied = summary.group(1) != "총정리" and _TIDIED.search(before)
        if not what_is_tidied and not any(
            f in others for f in ("안 쓰는", "안쓰는", "미사용", "청소", "프룬")
        ):
            concepts.discard("prune")
    # a concept said only as what is not to happen is a negated one ("n:" features): "leave
    # a container without stopping it" is no question about docker stop
    spans = [m.span(1) for m in _NEGATED_EN.finditer(no_flags)] + [
        m.span(next(g for g in range(1, 6) if m.group(g)))
        for m in (_NEGATED_KO.finditer(no_flags) if _KO_NOT_WORDS.search(no_flags) else ())
    ]
    negated_words = [no_flags[a:b] for a, b in spans]
    negated: set[str] = set()
    if negated_words:
        rest = no_flags
        for a, b in sorted(spans, reverse=True):
            rest = rest[:a] + " " + rest[b:]
        rest_latin = _LATIN.findall(rest)
        kept = _find_concepts(
            re.sub(r"\s+", "", rest),
            " ".join([*rest_latin, "|", *(v for w in rest_latin for v in inflections(w))]),
        )
        said = _find_concepts(
            "".join(negated_words),
            " ".join([*negated_words, "|", *(v for w in negated_words for v in inflections(w))]),
        )
        negated = (said & concepts) - kept
        concepts -= negated
    # "log into a container" is a shell in it, not a registry login
    if "login" in concepts and _INTO_CONTAINER.search(no_flags) and not _REGISTRY.search(no_flags):
        concepts.discard("login")
        concepts.add("exec")

    features: dict[str, float] = {}
    # a request to leave something out ("without starting", "묻지 않고") meets a flag that
    # turns something off ("--no-deps": "Don't start linked services"); read by the
    # composer only (the matcher gives the "x" kind no weight)
    if _NEGATION.search(no_flags):
        features["x:not"] = 1.0

    def add(key: str, weight: float) -> None:
        features[key] = features.get(key, 0.0) + weight

    # (in a fixed order: the features' order is the order scores are summed in, and a
    # set's order changes from one process to the next)
    for c in sorted(concepts):
        features["c:" + c] = 1.0
    for c in sorted(negated):
        features["n:" + c] = 1.0
    # a Dockerfile instruction named as Dockerfiles write it ("CMD", "HEALTHCHECK") is a
    # term of its own, not the everyday word "cmd" or "user"
    if instruction:
        for m in _INSTRUCTION.finditer(text):
            features["i:" + m.group(1)] = 1.0
    for f in flags:
        features["f:" + f] = 1.0
    # a word said as what is not to happen is no word of the question's ("killing")
    unsaid = {stem_en(w.lower()) for w in negated_words if w.isascii()} if negated else set()
    for w in en_words:
        if w in unsaid:
            add("n:w:" + w, 1.0)
        else:
            add("w:" + w, 1.0)
    # a hyphenated word also says its parts and its parts joined ("Hyper-V" is "hyper v",
    # "hyperv"), which others write apart
    for w in raw_latin:
        if "-" in w and not w.startswith("-") and not _PORTMAP.fullmatch(w):
            pieces = [p for p in w.split("-") if p]
            for p in pieces:
                if p not in EN_STOP and not p.isdigit():
                    add("w:" + stem_en(p), 0.5)
            add("w:" + "".join(pieces), 0.5)
    unsaid_ko = {strip_korean(w) for n in negated_words if not n.isascii()
                 for w in n.split()} if negated else set()
    for w in ko_words:
        if len(w) >= 2:
            add("k:" + w, 0.7)
            if w in unsaid_ko:  # read by the composer only: it picks no flag
                features["x:unsaid:" + w] = 1.0
    hangul = "".join(ko_words)
    for i in range(len(hangul) - 1):
        add("b:" + hangul[i : i + 2], 0.5)

    tokens = [*flags, *en_words, *(jamo(w) for w in ko_words)]
    fuzzy = " ".join(tokens)
    words = set(raw_latin) | set(parts) | set(raw_ko) | set(stripped)
    # "registries", "volumes" anchor as "registry" and "volume" do
    anchored = (
        instruction
        or bool(words & ANCHORS)
        or any(stem_en(w) in ANCHORS for w in raw_latin)
        or bool(flags)
        or any(a in compact_all for a in _KO_ANCHORS)
    )
    named_docker = (
        instruction
        or bool(words & STRONG_ANCHORS)
        or any(a in compact_all for a in ("도커", "컴포즈"))
    )
    # another topic is named by a word of its own, not by part of a file name or a path
    # ("standard_init_linux.go:207" in a pasted error names neither Linux nor Go)
    foreign = bool((set(raw_latin) | set(raw_ko) | set(stripped)) & FOREIGN)
    foreign_strict = bool(words & FOREIGN_STRICT)
    on_topic = (
        anchored
        or bool(flags)
        or bool(concepts & DOMAIN_CONCEPTS)
        or bool(words & DOMAIN_WORDS)
        or any(w in DOMAIN_WORDS for w in en_words)
        or any(w in compact_all for w in _KO_DOMAIN)
    )
    signals = (
        int(instruction)
        + len({m.group(0) for m in _IMAGE_REF.finditer(text)})
        + len(concepts & DOMAIN_CONCEPTS)
        + len((words & DOMAIN_WORDS) - SOFTWARE_NAMES)
        + len(set(flags))
        + sum(1 for w in _KO_DOMAIN if w in compact_all)
    )
    return Analysis(
        features=features,
        fuzzy=fuzzy,
        compact=fuzzy.replace(" ", ""),
        en_words=en_words,
        ko_words=ko_words,
        anchored=anchored,
        foreign_strict=foreign_strict,
        named_docker=named_docker,
        domain_signals=signals,
        foreign=foreign,
        on_topic=on_topic,
    )
