"""What ``dockbot kb check`` says about a knowledge file, and the words of the ``dockbot kb
gaps`` report (data only). A problem's message fills the ``file:line: message`` line, so
each is one line; ``{placeholders}`` hold ids, keys, field names and values as written."""

from __future__ import annotations

from bot.lang import Lang

Phrases = dict[str, dict[Lang, str]]

CHECK: Phrases = {
    # the folders and files given
    "no_such_path": {"en": "no such file or folder", "ko": "그런 파일이나 폴더가 없어요"},
    "no_yml": {"en": "no *.yml files in this folder", "ko": "이 폴더에 *.yml 파일이 없어요"},
    "not_utf8": {
        "en": "not UTF-8 text ({reason}); save the file as UTF-8",
        "ko": "UTF-8 텍스트가 아니에요 ({reason}). 파일을 UTF-8로 저장하세요",
    },
    "unreadable": {"en": "cannot read the file ({why})", "ko": "파일을 읽을 수 없어요 ({why})"},
    "bad_yaml": {"en": "bad YAML: {why}", "ko": "YAML 형식이 잘못됐어요: {why}"},
    "empty": {
        "en": "the file is empty; it needs a top-level `entries:` list",
        "ko": "파일이 비어 있어요. 맨 위에 `entries:` 목록이 있어야 해요",
    },
    "top_not_mapping": {
        "en": "the top level must be a mapping with an `entries:` list",
        "ko": "맨 위는 `entries:` 목록을 담은 매핑이어야 해요",
    },
    "unknown_top": {
        "en": "unknown top-level key `{key}` (only `entries` is allowed)",
        "ko": "알 수 없는 최상위 키 `{key}` (`entries`만 쓸 수 있어요)",
    },
    "no_entries": {
        "en": "missing the top-level `entries:` list",
        "ko": "맨 위에 `entries:` 목록이 없어요",
    },
    "entries_not_list": {"en": "`entries` must be a list", "ko": "`entries`는 목록이어야 해요"},
    "key_not_word": {"en": "keys must be plain words", "ko": "키는 평범한 단어여야 해요"},
    "duplicate_key": {
        "en": "duplicate key `{key}` (first at line {first})",
        "ko": "키가 두 번 나와요: `{key}` (처음은 {first}번째 줄)",
    },
    # one entry
    "entry_not_mapping": {
        "en": "each entry must be a mapping (id:, kind:, title: ...)",
        "ko": "항목 하나하나는 매핑이어야 해요 (id:, kind:, title: ...)",
    },
    "unknown_field": {
        "en": "unknown field `{key}`; allowed: {allowed}",
        "ko": "알 수 없는 필드 `{key}`. 쓸 수 있는 필드: {allowed}",
    },
    "bad_value": {"en": "bad value for `{key}`: {why}", "ko": "`{key}`의 값이 잘못됐어요: {why}"},
    "missing_field": {
        "en": "missing required field `{field}`",
        "ko": "꼭 있어야 하는 필드가 없어요: `{field}`",
    },
    "bad_id": {
        "en": "bad id {id}: use lowercase letters, digits and dashes",
        "ko": "잘못된 id {id}: 영어 소문자, 숫자, 대시(-)만 쓰세요",
    },
    "bad_kind": {
        "en": "bad kind {kind}: use one of {kinds}",
        "ko": "잘못된 kind {kind}: 다음 중 하나를 쓰세요: {kinds}",
    },
    "command_empty": {
        "en": "`command` must be a non-empty string",
        "ko": "`command`는 비어 있지 않은 문자열이어야 해요",
    },
    "command_needed": {
        "en": "kind `command` needs a `command:` line",
        "ko": "kind `command`에는 `command:` 줄이 있어야 해요",
    },
    "concept_command": {
        "en": "kind `concept` must not have a `command` (use kind howto)",
        "ko": "kind `concept`에는 `command`를 쓸 수 없어요 (kind howto를 쓰세요)",
    },
    "command_not_docker": {
        "en": "`command` must start with `docker`",
        "ko": "`command`는 `docker`로 시작해야 해요",
    },
    "source_not_string": {"en": "`source` must be a string", "ko": "`source`는 문자열이어야 해요"},
    "replaces_not_bool": {
        "en": "`replaces` must be true or false",
        "ko": "`replaces`는 true 또는 false여야 해요",
    },
    "not_string_list": {
        "en": "`{name}` must be a list of strings",
        "ko": "`{name}` 값은 문자열 목록이어야 해요",
    },
    # the texts in both languages
    "localized_not_mapping": {
        "en": "`{name}` must have `ko:` and `en:`",
        "ko": "`{name}`에는 `ko:`와 `en:`이 있어야 해요",
    },
    "unknown_lang": {
        "en": "`{name}` has unknown language `{key}` (use ko and en)",
        "ko": "`{name}`에 알 수 없는 언어가 있어요: `{key}` (ko와 en을 쓰세요)",
    },
    "missing_text": {
        "en": "`{name}` is missing its `{lang}` text",
        "ko": "`{name}`에 `{lang}` 텍스트가 없어요",
    },
    "draft_text": {
        "en": "`{name}.{lang}` is still a draft (TODO); write the text",
        "ko": "`{name}.{lang}` 내용이 아직 초안(TODO)이에요. 내용을 써 주세요",
    },
    "examples_not_mapping": {
        "en": "`examples` must have `ko:` and `en:` lists",
        "ko": "`examples`에는 `ko:`와 `en:` 목록이 있어야 해요",
    },
    "examples_missing": {
        "en": "`examples` is missing its `{lang}` questions",
        "ko": "`examples`에 `{lang}` 질문이 없어요",
    },
    "examples_not_strings": {
        "en": "`examples.{lang}` must be a list of non-empty strings",
        "ko": "`examples.{lang}` 값은 비어 있지 않은 문자열 목록이어야 해요",
    },
    "examples_draft": {
        "en": "`examples.{lang}` still has a draft (TODO) question",
        "ko": "`examples.{lang}`에 아직 초안(TODO) 질문이 있어요",
    },
    # flags
    "flags_not_list": {"en": "`flags` must be a list", "ko": "`flags`는 목록이어야 해요"},
    "flag_not_mapping": {
        "en": "each flag must be a mapping (short/long/ko/en)",
        "ko": "플래그 하나하나는 매핑이어야 해요 (short/long/ko/en)",
    },
    "unknown_flag_field": {
        "en": "unknown flag field `{key}`", "ko": "알 수 없는 플래그 필드 `{key}`",
    },
    "flag_no_name": {
        "en": "a flag needs `short` or `long`",
        "ko": "플래그에는 `short`나 `long`이 있어야 해요",
    },
    "bad_short": {
        "en": "bad short flag {flag} (use -x)", "ko": "잘못된 짧은 플래그 {flag} (-x 꼴로 쓰세요)",
    },
    "bad_long": {
        "en": "bad long flag {flag} (use --name)",
        "ko": "잘못된 긴 플래그 {flag} (--name 꼴로 쓰세요)",
    },
    "flag_no_meaning": {
        "en": "flag {flag} is missing its `{lang}` meaning",
        "ko": "플래그 {flag}에 `{lang}` 뜻이 없어요",
    },
    # the whole knowledge base: ids across files and folders
    "related_self": {
        "en": "`{id}` lists itself in `related`",
        "ko": "`{id}` 항목의 `related`에 자기 자신이 있어요",
    },
    "related_unknown": {
        "en": "`related` names unknown id `{id}`",
        "ko": "`related`에 없는 id가 있어요: `{id}`",
    },
    "replaces_nothing": {
        "en": "`replaces: true` but no earlier knowledge folder has id `{id}`; fix the id or "
        "remove `replaces`",
        "ko": "`replaces: true`인데 앞선 지식 폴더에 이 id(`{id}`)가 없어요. id를 고치거나 "
        "`replaces`를 지우세요",
    },
    "duplicate_first": {
        "en": "duplicate id `{id}` (first at {at})",
        "ko": "중복된 id `{id}` (처음은 {at})",
    },
    "duplicate_earlier": {
        "en": "duplicate id `{id}` (already in an earlier folder at {at}); add `replaces: true` "
        "to override it, or choose another id",
        "ko": "중복된 id `{id}` (앞선 폴더의 {at}에 이미 있어요). 덮어쓰려면 "
        "`replaces: true`를 넣고, 아니면 다른 id를 고르세요",
    },
    "duplicate_also": {
        "en": "duplicate id `{id}` (also at {at})",
        "ko": "중복된 id `{id}` ({at}에도 있어요)",
    },
    "replaces": {
        "en": "`{id}` replaces the entry at {at}",
        "ko": "`{id}` 항목이 {at}의 항목을 대신해요",
    },
    # the error when the knowledge base cannot be loaded (the problems as in English)
    "broken": {
        "en": "The knowledge base in {where} has problems ({n}): {shown}.",
        "ko": "{where}의 지식 베이스에 문제가 {n}개 있어요: {shown}.",
    },
    "broken.hint": {
        "en": "Run `dockbot kb check` to see every problem with its file and line.",
        "ko": "`dockbot kb check`로 문제를 파일과 줄 번호와 함께 모두 확인하세요.",
    },
    # what `dockbot kb check` prints after the problems
    "problems": {
        "en": "{n} problem(s) found in {where}.",
        "ko": "{where}에서 문제 {n}개를 찾았어요.",
    },
    "ok": {"en": "ok: {n} entries in {where}", "ko": "ok: {where}에 항목 {n}개"},
    "ok_course": {"en": "; {n} lessons in the course", "ko": ", 코스에 수업 {n}개"},
}

GAPS: Phrases = {
    "bad_since": {"en": "--since {since} is not a duration.",
                  "ko": "--since {since}는 기간이 아니에요."},
    "bad_since.hint": {
        "en": "Use a number and a unit: 90s, 30m, 12h, 7d, 2w (or sums such as 1d12h).",
        "ko": "숫자와 단위를 쓰세요: 90s, 30m, 12h, 7d, 2w (1d12h처럼 더해도 돼요).",
    },
    "zero_since": {"en": "--since {since} is zero.", "ko": "--since {since}는 0이에요."},
    "zero_since.hint": {"en": "Give a duration above zero.", "ko": "0보다 긴 기간을 주세요."},
    "summary": {
        "en": "{gaps} of {questions} questions were not answered well, in {groups} group(s).",
        "ko": "질문 {questions}개 중 {gaps}개가 제대로 답을 얻지 못했어요 (묶음 {groups}개).",
    },
    "summary_since": {
        "en": "{gaps} of {questions} questions in the last {since} were not answered well, "
        "in {groups} group(s).",
        "ko": "최근 {since} 동안 질문 {questions}개 중 {gaps}개가 제대로 답을 얻지 못했어요 "
        "(묶음 {groups}개).",
    },
    "malformed": {
        "en": "skipped {n} malformed line(s): {lines}",
        "ko": "형식이 잘못된 줄 {n}개를 건너뛰었어요: {lines}",
    },
    "group": {"en": "{n}. asked {count} time(s) ({why})", "ko": "{n}. {count}번 물어봄 ({why})"},
    "reason.abstained": {"en": "abstained", "ko": "답하지 못함"},
    "reason.low_confidence": {"en": "low confidence", "ko": "확신 낮음"},
    "reason.voted_down": {"en": "voted 👎", "ko": "👎 받음"},
    "nearest": {"en": "nearest entries:", "ko": "가까운 항목:"},
    "draft": {
        "en": "draft entry (fill in the TODOs, then `dockbot kb check`):",
        "ko": "초안 항목 (TODO를 채운 다음 `dockbot kb check`):",
    },
}

# what `dockbot kb import` says about the notes it reads (the draft itself stays as written)
IMPORT: Phrases = {
    "empty": {"en": "{source} is empty: there are no notes to import.",
              "ko": "{source}: 비어 있어서 가져올 노트가 없어요."},
    "empty.hint": {
        "en": "Give a markdown file with `docker ...` lines (see `dockbot kb import --help`).",
        "ko": "`docker ...` 줄이 있는 마크다운 파일을 주세요 (`dockbot kb import --help` 참고).",
    },
    "nothing": {"en": "No commands or terms found in {source} ({n} line(s) skipped).",
                "ko": "{source}에서 명령이나 용어를 찾지 못했어요 ({n}줄 건너뜀)."},
    "nothing.hint": {
        "en": "Write commands as `docker ... - description` lines "
              "(see `dockbot kb import --help`).",
        "ko": "명령은 `docker ... - 설명` 형식의 줄로 쓰세요 (`dockbot kb import --help` 참고).",
    },
    "skipped": {
        "en": "{source}:{line}: skipped, not a heading, command, flag or "
              "`term - description` line: {text}",
        "ko": "{source}:{line}: 건너뜀, 제목·명령·플래그·`용어 - 설명` 줄이 아니에요: {text}",
    },
    "clash": {
        "en": "{source}:{line}: id `{id}` is already in the knowledge base ({where}); drafted "
              "as `{new}`: merge it into that entry or keep the new id",
        "ko": "{source}:{line}: id `{id}`는 이미 지식 베이스에 있어요 ({where}); `{new}`로 "
              "초안을 만들었어요: 그 항목에 합치거나 새 id를 그대로 쓰세요",
    },
}
