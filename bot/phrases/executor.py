"""Words of the executor's refusals and results, by key (data only); the catalog prefixes
them with ``exec.``. ``char.*`` say a refused character in plain words
(:mod:`bot.executor.charwords`); ``char.invisible.*`` and ``char.script.*`` are its tables."""

from __future__ import annotations

from bot.lang import Lang

EXECUTOR: dict[str, dict[Lang, str]] = {
    "char.control": {"en": "a control character, {code}", "ko": "제어 문자, {code}"},
    "char.special_space": {"en": "a special space, {code}", "ko": "특수 공백, {code}"},
    "char.invisible": {"en": "an invisible character, {code}", "ko": "보이지 않는 문자, {code}"},
    "char.named_invisible": {"en": "{what}, {code}", "ko": "{what}, {code}"},
    "char.korean": {"en": "Korean text {text}", "ko": "한글 {text}"},
    "char.cjk": {"en": "Chinese or Japanese text {text}", "ko": "한자나 일본어 문자 {text}"},
    "char.full_width": {"en": "the full-width character {text}", "ko": "전각 문자 {text}"},
    "char.script": {"en": "{what} {text}", "ko": "{what} {text}"},
    "char.accented": {"en": "the accented letter {text}", "ko": "악센트가 붙은 문자 {text}"},
    "char.letter": {"en": "the non-English letter {text}", "ko": "영문이 아닌 글자 {text}"},
    "char.punctuation": {"en": "the punctuation mark {text}", "ko": "문장 부호 {text}"},
    "char.symbol": {"en": "the symbol or emoji {text}", "ko": "기호나 이모지 {text}"},
    "char.other": {"en": "the non-ASCII character {text}", "ko": "영문이 아닌 문자 {text}"},
    "allowed": {
        "en": "Allowed: {ops}; pick a host with @alias.",
        "ko": "허용: {ops}; 호스트는 @별칭 으로 고릅니다.",
    },
    "no_options": {"en": "no options", "ko": "없음"},
    "no_arguments": {"en": "no arguments", "ko": "인자 없이"},
    "one_container_name": {"en": "one container name", "ko": "컨테이너 이름 하나"},
    "more": {"en": "... {n} more", "ko": "... {n}개 더 있음"},
    "more_lines": {"en": "... {n} more lines", "ko": "... {n}줄 더 있음"},
    "host_where": {"en": " {alias} at {url}", "ko": " {alias}({url})"},
}
