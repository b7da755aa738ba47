"""Every fixed phrase dockbot shows, in Korean and English, by key: the phrase catalog.

:func:`phrase` looks one up (``phrase("slack.share", "ko")``) and fills its ``{placeholders}``;
every key has both languages with the same placeholders (tested). Keys are namespaced by
where the phrase is shown:

* ``slack.*`` -- the Slack app (mrkdwn: ``&``, ``<`` and ``>`` are written escaped, as in
  ``&lt;question&gt;``); ``slack.role.*`` names the parts of an explained command;
* ``term.*`` -- answers in a terminal; ``explain.*`` and ``explain.role.*`` -- explanations
  in a terminal; ``chat.*`` -- the ``dockbot chat`` and ``dockbot ask`` prompts and help;
* ``error.<code>`` and ``error.<code>.hint`` -- each error's default message and hint
  (:mod:`bot.errors`); ``input.*`` -- keyed input errors.
"""

from __future__ import annotations

from string import Formatter

from bot.lang import Lang

Phrases = dict[str, dict[Lang, str]]

SLACK: Phrases = {
    "share": {"ko": "채널에 공유", "en": "Share to channel"},
    "others": {"ko": "다른 답변", "en": "Other answers"},
    "run": {"ko": "실행해 보기", "en": "Run it"},
    "flags": {"ko": "플래그", "en": "Flags"},
    "related": {"ko": "관련 명령", "en": "Related"},
    "did_you_mean": {"ko": "혹시 이걸 찾으셨나요?", "en": "Did you mean…"},
    "no_answer": {
        "ko": "알맞은 답을 찾지 못했어요.",
        "en": "I could not find an answer to that.",
    },
    "no_answer_hint": {
        "ko": "다르게 물어보거나 `/docker help`로 사용법을 확인해 보세요.",
        "en": "Try other words, or see `/docker help`.",
    },
    "no_others": {"ko": "다른 답변이 없어요.", "en": "There are no other answers."},
    "asked_by": {"ko": "{user}님의 질문: {q}", "en": "{user} asked: {q}"},
    "cut": {
        "ko": "… Slack 메시지 크기 제한 때문에 {n}개 블록을 생략했어요.",
        "en": "… {n} more block(s) left out to fit Slack's message limits.",
    },
    "explain_title": {"ko": "명령어 풀이", "en": "Command explained"},
    "risks": {"ko": "주의할 점", "en": "Risks"},
    "safer": {"ko": "더 안전한 방법", "en": "Safer"},
    "exec_title": {"ko": "{host}에서 {op} 결과", "en": "{op} on {host}"},
    "exec_empty": {"ko": "(결과 없음)", "en": "(nothing to show)"},
    "exec_truncated": {
        "ko": "결과가 길어서 일부만 보여드려요.",
        "en": "The result was cut to keep it short.",
    },
    "exec_running": {
        "ko": "⏳ {host}에서 {op} 실행 중… 결과는 곧 이 자리에 보여드려요.",
        "en": "⏳ Running {op} on {host}… the result will follow here.",
    },
    "exec_off": {
        "ko": "{op}은(는) Docker 상태 조회 명령이지만, 이 워크스페이스에서는 명령 실행 기능이 꺼져 "
        "있어요. 관리자가 `DOCKBOT_EXEC_ENABLED=1`(또는 설정 파일의 `exec.enabled: true`)과 "
        "정책 파일로 읽기 전용 조회를 켤 수 있어요.",
        "en": "{op} is a Docker status command, but running commands is turned off here. "
        "An admin can enable read-only lookups with `DOCKBOT_EXEC_ENABLED=1` (or "
        "`exec.enabled: true` in the config file) and a policy file.",
    },
    "exec_not_allowed": {
        "ko": "{op}은(는) 이 채널에서 실행할 수 없어요. 필요하면 관리자에게 실행 정책 파일에 "
        "이 채널과 권한을 추가해 달라고 요청하세요. `/docker help`에서 실행할 수 있는 명령을 "
        "볼 수 있어요.",
        "en": "You cannot run {op} in this channel. If you need it, ask an admin to add this "
        "channel and your role to the executor policy file. `/docker help` lists what you "
        "may run.",
    },
    "help_title": {"ko": "dockbot 사용법", "en": "How to use dockbot"},
    "help_body": {
        "ko": "• `/docker &lt;질문&gt;` — Docker 사용법을 물어보세요. 예: `/docker 컨테이너 "
        "백그라운드 실행`\n• `/docker explain &lt;명령어&gt;` — 명령어를 플래그별로 풀이해요. "
        "예: `/docker explain docker run -dp 80:80 nginx`\n"
        "• 명령어를 그대로 붙여 넣어도 풀이해 드려요.\n"
        "• 채널에서 `@dockbot 질문`으로 부르거나 DM으로 물어보면 스레드로 답해요.\n"
        "• 답변은 나에게만 보여요. `채널에 공유` 버튼으로 공유할 수 있어요.",
        "en": "• `/docker &lt;question&gt;` — ask how to do something with Docker, e.g. "
        "`/docker run a container in the background`\n"
        "• `/docker explain &lt;command&gt;` — a flag-by-flag "
        "explanation, e.g. `/docker explain docker run -dp 80:80 nginx`\n• Pasting a docker "
        "command works too.\n• Mention `@dockbot` in a channel or send a DM: I answer in a "
        "thread.\n• Answers are visible only to you; use `Share to channel` to post them.",
    },
    "help_exec": {
        "ko": "*상태 조회 (읽기 전용)*\n여기서 실행할 수 있는 명령: {ops}\n호스트: {hosts} "
        "(예: `/docker ps @호스트`)",
        "en": "*Status lookups (read-only)*\nYou may run here: {ops}\nHosts: {hosts} "
        "(e.g. `/docker ps @host`)",
    },
    "help_no_exec": {
        "ko": "Docker 상태 조회 명령은 여기서 사용할 수 없어요.",
        "en": "Docker status lookups are not available to you here.",
    },
    "home_title": {"ko": "dockbot에 오신 걸 환영해요", "en": "Welcome to dockbot"},
    "home_intro": {
        "ko": "팀 노트를 바탕으로 만든 Docker 치트시트 도우미예요. 개념을 순서대로 훑어보고, "
        "핵심 명령어를 익힌 다음, 궁금한 건 언제든 물어보세요.",
        "en": "A Docker cheat-sheet assistant built from the team notes. Read the concepts in "
        "order, learn the core commands, then ask anything.",
    },
    "home_concepts": {"ko": "1단계 · 개념", "en": "Step 1 · Concepts"},
    "home_commands": {"ko": "2단계 · 핵심 명령어", "en": "Step 2 · Core commands"},
    "home_how": {"ko": "3단계 · 물어보는 방법", "en": "Step 3 · How to ask"},
    "home_how_body": {
        "ko": "• `/docker 이미지 목록 보기` 처럼 평소 말투로 물어보세요.\n"
        "• `/docker explain docker run -d -p 80:80 nginx` 로 명령어를 풀이해요.\n"
        "• 채널에서 `@dockbot`을 부르거나 이 앱에 DM을 보내도 돼요.\n"
        "• `/docker help` 로 전체 사용법을 볼 수 있어요.",
        "en": "• Ask in your own words: `/docker list images`.\n"
        "• `/docker explain docker run -d -p 80:80 nginx` explains a command.\n"
        "• Mention `@dockbot` in a channel or send this app a DM.\n"
        "• `/docker help` shows everything.",
    },
    "home_exec": {
        "ko": "내가 쓸 수 있는 상태 조회 (읽기 전용)",
        "en": "Status lookups you may use (read-only)",
    },
    "gaps_title": {"ko": "답하지 못한 질문", "en": "Questions not answered well"},
    "gaps_summary": {
        "ko": "최근 {since} 동안 질문 {questions}개 중 {gaps}개가 답을 못 찾았거나 확신이 낮았거나 "
        "👎를 받았어요 ({groups}개 묶음). 많이 물어본 순서예요.",
        "en": "In the last {since}, {gaps} of {questions} questions were abstained on, answered "
        "with low confidence or voted 👎 ({groups} groups), most asked first.",
    },
    "gaps_asked": {"ko": "{n}번 물어봄", "en": "asked {n} time(s)"},
    "gaps_nearest": {"ko": "가까운 항목", "en": "nearest entries"},
    "gaps_drafts": {
        "ko": "초안 항목은 `dockbot kb gaps LOG` 로 받을 수 있어요.",
        "en": "Draft entries: `dockbot kb gaps LOG`.",
    },
    "gaps_none": {"ko": "답하지 못한 질문이 없어요.", "en": "No unanswered questions."},
    "gaps_denied": {
        "ko": "`/docker gaps` 는 실행 정책의 admin 역할만 볼 수 있어요.",
        "en": "Only the admin role of the executor policy may see `/docker gaps`.",
    },
    "gaps_off": {
        "ko": "질문 로그가 꺼져 있어요. DOCKBOT_QUESTION_LOG 에 파일 경로를 설정하세요.",
        "en": "The question log is off. Set DOCKBOT_QUESTION_LOG to a file path.",
    },
    "feedback_thanks": {
        "ko": "의견 고마워요! 지식 베이스를 개선하는 데 쓸게요.",
        "en": "Thanks for the feedback! It helps improve the knowledge base.",
    },
    "expired": {
        "ko": "이 버튼은 더 이상 쓸 수 없어요. 다시 물어봐 주세요.",
        "en": "This button no longer works. Please ask again.",
    },
    "internal": {
        "ko": "요청을 처리하지 못했어요. 잠시 후 다시 시도해 주세요. "
        "계속되면 관리자에게 알려주세요.",
        "en": "Something went wrong handling that. Try again in a moment; if it keeps "
        "happening, tell whoever runs dockbot.",
    },
}

SLACK_ROLES: Phrases = {
    "docker": {"ko": "도커 CLI", "en": "docker CLI"},
    "global-flag": {"ko": "전역 옵션", "en": "global option"},
    "subcommand": {"ko": "하위 명령", "en": "sub-command"},
    "flag": {"ko": "플래그", "en": "flag"},
    "flag-value": {"ko": "플래그 값", "en": "flag value"},
    "image": {"ko": "이미지", "en": "image"},
    "container": {"ko": "컨테이너", "en": "container"},
    "command": {"ko": "컨테이너 안에서 실행할 명령", "en": "command run in the container"},
    "argument": {"ko": "인자", "en": "argument"},
    "separator": {"ko": "구분자", "en": "separator"},
    "shell": {"ko": "셸 문법(docker가 받지 않음)", "en": "shell syntax (not docker's)"},
}

TERMINAL: Phrases = {
    "related": {"ko": "관련", "en": "Related"},
    "unsure": {
        "ko": "잘 모르겠어요. 이런 질문은 어때요:",
        "en": "I'm not sure what you mean. Did you mean one of these?",
    },
    "nothing": {
        "ko": "잘 모르겠어요. Docker 명령어나 개념을 물어봐 주세요. 이런 질문은 어때요:",
        "en": "I don't know that one. Ask about a Docker command or concept, for example:",
    },
    "also": {"ko": "다른 답변", "en": "Other answers"},
}

EXPLAIN_ROLES: Phrases = {
    "docker": {"en": "program", "ko": "프로그램"},
    "global-flag": {"en": "global option", "ko": "전역 옵션"},
    "subcommand": {"en": "sub-command", "ko": "하위 명령"},
    "flag": {"en": "flag", "ko": "플래그"},
    "flag-value": {"en": "value", "ko": "값"},
    "image": {"en": "image", "ko": "이미지"},
    "container": {"en": "container", "ko": "컨테이너"},
    "argument": {"en": "argument", "ko": "인자"},
    "command": {"en": "container command", "ko": "컨테이너 명령"},
    "separator": {"en": "separator", "ko": "구분자"},
    "shell": {"en": "shell", "ko": "셸"},
}

EXPLAIN: Phrases = {
    "risks": {"en": "Risks", "ko": "주의할 점"},
    "safer": {"en": "Safer", "ko": "더 안전하게"},
    "danger": {"en": "DANGER", "ko": "위험"},
    "warn": {"en": "WARNING", "ko": "주의"},
    "did_you_mean": {"en": "Did you mean", "ko": "이렇게 쓰려던 건가요"},
    "no_risks": {"en": "No risky flags found.", "ko": "위험한 플래그는 없습니다."},
}

CHAT: Phrases = {
    "greeting": {
        "en": "dockbot chat. Ask about Docker in Korean or English, paste a docker command to "
        "explain it, or type help. exit or Ctrl-D leaves.",
        "ko": "도커에 대해 한국어나 영어로 물어보세요. docker 명령어를 붙여넣으면 설명해 드려요. "
        "도움말은 help, 나가려면 exit 또는 Ctrl-D.",
    },
    "help.title": {"en": "How to use dockbot {surface}", "ko": "dockbot {surface} 사용법"},
    "help.body": {
        "en": "  <question>          ask how to do something, e.g. run a container in the "
        "background\n"
        "  explain <command>   a flag-by-flag explanation, e.g. explain docker run -dp 80:80 "
        "nginx\n"
        "  docker ...          a pasted command is explained too",
        "ko": "  <질문>              도커로 무언가 하는 방법을 물어보세요. 예: 컨테이너를 "
        "백그라운드에서 실행하려면?\n"
        "  explain <명령어>    옵션 하나하나 설명. 예: explain docker run -dp 80:80 nginx\n"
        "  docker ...          명령어를 붙여넣어도 설명해요",
    },
    "help.prompt": {
        "en": "; end a line with \\ to continue it\n"
        "  exit, Ctrl-D        leave; Ctrl-C clears the line being typed",
        "ko": ". 줄 끝에 \\ 를 쓰면 다음 줄로 이어져요\n"
        "  exit, Ctrl-D        나가기. Ctrl-C는 입력 중인 줄을 지워요",
    },
    "help.can": {
        "en": "Status lookups you may run here: {ops} (hosts: {hosts})",
        "ko": "여기서 조회할 수 있는 상태 명령: {ops} (호스트: {hosts})",
    },
    "help.cannot": {
        "en": "Docker status lookups are not available here.",
        "ko": "여기서는 도커 상태 조회를 쓸 수 없어요.",
    },
}

# error code -> (English message, English hint, Korean message, Korean hint)
_ERRORS: dict[str, tuple[str, str, str, str]] = {
    "error": ("Something went wrong.", "", "문제가 생겼어요.", ""),
    "config": (
        "The configuration is invalid.", "Check the settings described in the README.",
        "설정이 올바르지 않아요.", "README의 설정 설명을 확인하세요.",
    ),
    "knowledge": (
        "The knowledge base could not be loaded.",
        "Run `dockbot kb check` to see every problem with its file and line.",
        "지식 베이스를 불러오지 못했어요.", "`dockbot kb check`로 문제를 확인하세요.",
    ),
    "bad_input": (
        "That input cannot be used.", "Type a question or a docker command as plain text.",
        "입력을 이해하지 못했어요.", "질문이나 docker 명령어를 평범한 글로 입력해 주세요.",
    ),
    "bad_command": (
        "That is not a docker command line.",
        "Paste a command that starts with `docker`, e.g. `docker run -d -p 80:80 nginx`.",
        "docker 명령어가 아니에요.",
        "`docker run -d -p 80:80 nginx`처럼 `docker`로 시작하는 명령어를 붙여 넣어 주세요.",
    ),
    "exec_error": ("Something went wrong.", "", "명령을 실행하지 못했어요.", ""),
    "disabled": (
        "Running Docker commands is turned off.",
        "An admin can enable read-only status commands with DOCKBOT_EXEC_ENABLED=1 "
        "or `exec.enabled: true` in the config file.",
        "Docker 명령 실행 기능이 꺼져 있어요.",
        "관리자가 DOCKBOT_EXEC_ENABLED=1 또는 설정 파일의 `exec.enabled: true`로 읽기 전용 "
        "조회를 켤 수 있어요.",
    ),
    "refused": (
        "That is not an allowed read-only operation.",
        "Allowed: version, info, ps [-aq], image ls, stats [NAME], inspect NAME, port NAME, "
        "top NAME, diff NAME, logs NAME [--tail N], events --since 10m, df, volume ls, "
        "network ls.",
        "허용된 읽기 전용 명령이 아니에요.",
        "허용: version, info, ps [-aq], image ls, stats [이름], inspect 이름, port 이름, "
        "top 이름, diff 이름, logs 이름 [--tail N], events --since 10m, df, volume ls, "
        "network ls; 호스트는 @별칭 으로 고릅니다.",
    ),
    "denied": (
        "You are not allowed to run that here.",
        "Ask an admin to grant it in the executor policy file.",
        "여기서는 그 명령을 실행할 수 없어요.",
        "필요하면 관리자에게 정책 파일에 추가해 달라고 요청하세요.",
    ),
    "busy": (
        "dockbot is busy running other requests.", "Try again in a few seconds.",
        "다른 요청을 처리하느라 바빠요.", "몇 초 뒤에 다시 시도해 주세요.",
    ),
    "rate_limited": (
        "Too many requests in a short time.", "Wait a minute and try again.",
        "짧은 시간에 요청이 너무 많아요.", "1분 정도 기다린 뒤 다시 시도해 주세요.",
    ),
    "state_unavailable": (
        "dockbot cannot check its rate limits right now.",
        "Try again in a minute; if it persists, ask whoever runs dockbot to check Redis.",
        "지금은 요청 한도를 확인할 수 없어요.",
        "1분 뒤에 다시 시도해 보고, 계속되면 dockbot 운영자에게 Redis를 확인해 달라고 하세요.",
    ),
    "unreachable": (
        "The Docker host cannot be reached.",
        "Check that the Docker daemon is running and the host alias is configured.",
        "Docker 호스트에 연결할 수 없어요.",
        "데몬이 실행 중인지, 호스트 별칭이 설정돼 있는지 확인하세요.",
    ),
    "timeout": (
        "The Docker host did not answer in time.", "The host may be overloaded; try again later.",
        "Docker 호스트가 제시간에 응답하지 않았어요.",
        "호스트가 바쁠 수 있으니 나중에 다시 시도해 주세요.",
    ),
    "not_found": (
        "No such container on that host.", "Check the name with `ps -a`.",
        "그 호스트에 그런 컨테이너가 없어요.", "`ps -a`로 이름을 확인하세요.",
    ),
    "daemon_error": (
        "The Docker daemon returned an error.",
        "Try again; if it persists, ask whoever runs that host.",
        "Docker 데몬이 오류를 돌려줬어요.",
        "다시 시도해 보고, 계속되면 호스트 담당자에게 문의하세요.",
    ),
}

INPUT: Phrases = {
    "no_command": {"en": "There is no command to explain.", "ko": "풀이할 명령어가 없어요."},
    "no_command.hint": {
        "en": "Write it after `explain`, e.g. `explain docker ps -a`.",
        "ko": "`explain` 뒤에 명령어를 쓰세요. 예: `explain docker ps -a`",
    },
}


def _namespaced(prefix: str, phrases: Phrases) -> Phrases:
    return {f"{prefix}.{key}": by_lang for key, by_lang in phrases.items()}


PHRASES: Phrases = {
    **_namespaced("slack", SLACK),
    **_namespaced("slack.role", SLACK_ROLES),
    **_namespaced("term", TERMINAL),
    **_namespaced("explain", EXPLAIN),
    **_namespaced("explain.role", EXPLAIN_ROLES),
    **_namespaced("chat", CHAT),
    **_namespaced("input", INPUT),
    **{f"error.{code}": {"en": m_en, "ko": m_ko} for code, (m_en, _, m_ko, _) in _ERRORS.items()},
    **{f"error.{code}.hint": {"en": h_en, "ko": h_ko}
       for code, (_, h_en, _, h_ko) in _ERRORS.items()},
}


def has_phrase(key: str) -> bool:
    return key in PHRASES


def phrase(key: str, lang: Lang, **params: object) -> str:
    """The phrase ``key`` in ``lang``, its ``{placeholders}`` filled from ``params`` (a
    phrase without placeholders is returned as written)."""
    text = PHRASES[key][lang]
    return text.format(**params) if params else text


def placeholders(text: str) -> frozenset[str]:
    """The ``{names}`` a phrase takes."""
    return frozenset(name for _, name, _, _ in Formatter().parse(text) if name is not None)
