"""Each error code's default message and hint, and keyed input errors (data only)."""

from __future__ import annotations

from bot.lang import Lang

Phrases = dict[str, dict[Lang, str]]

# error code -> (English message, English hint, Korean message, Korean hint)
ERRORS: dict[str, tuple[str, str, str, str]] = {
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
        "`dockbot exec --help` (or `/docker help` in Slack) lists the allowed operations.",
        "허용된 읽기 전용 명령이 아니에요.",
        "`dockbot exec --help`(Slack에서는 `/docker help`)에 허용된 명령이 나와요.",
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
    "slack_unavailable": (
        "Slack cannot be reached in Socket Mode.",
        "Check the network path to Slack (or SLACK_API_URL) and that SLACK_APP_TOKEN "
        "is a valid xapp- token with connections:write.",
        "Socket Mode로 Slack에 연결할 수 없어요.",
        "Slack까지의 네트워크(또는 SLACK_API_URL)와 SLACK_APP_TOKEN이 connections:write 권한이 "
        "있는 올바른 xapp- 토큰인지 확인하세요.",
    ),
    "bad_button": (
        "This button no longer works.", "Ask again to get fresh buttons.",
        "이 버튼은 더 이상 쓸 수 없어요.", "다시 물어봐서 새 버튼을 받아 주세요.",
    ),
    "no_lesson": (
        "There is no such lesson.", "Start with lesson 1 (`learn 1`).",
        "그런 수업은 없어요.", "`learn 1`부터 시작해 보세요.",
    ),
}

INPUT: Phrases = {
    "fill_other_kind": {
        "en": "This menu's option is for another placeholder.",
        "ko": "이 메뉴의 항목은 다른 자리에 넣는 이름이에요.",
    },
    "learn_no_option": {"en": "There is no option {choice}.", "ko": "{choice}번 보기는 없어요."},
    "learn_no_option.hint": {
        "en": "Pick an option from 1 to {n}.", "ko": "1에서 {n} 사이의 보기를 골라 주세요.",
    },
    "learn_no_lesson": {
        "en": "There is no lesson {number}; the course has lessons 1 to {n}.",
        "ko": "{number}번 수업은 없어요. 수업은 1번부터 {n}번까지예요.",
    },
    "learn_no_lesson.hint": {
        "en": "Pick a number from 1 to {n}, e.g. `learn 1`.",
        "ko": "1에서 {n} 사이의 번호를 골라 주세요. 예: `learn 1`",
    },
    "explain_unclosed_substitution": {
        "en": "The command has a `$(` that is never closed with `)`.",
        "ko": "명령에 닫히지 않은 `$(`가 있습니다.",
    },
    "explain_unclosed_substitution.hint": {
        "en": "Close it, or quote the text.", "ko": "`)`로 닫거나 따옴표로 감싸세요.",
    },
    "explain_unclosed_quote": {
        "en": "The command has an unbalanced {quote}: it is opened but never closed.",
        "ko": "명령에 짝이 맞지 않는 {quote}가 있습니다: 열었지만 닫지 않았습니다.",
    },
    "explain_unclosed_quote.hint": {
        "en": "Close the quote, or remove it, and paste the command again.",
        "ko": "따옴표를 닫거나 지운 뒤 다시 붙여 넣으세요.",
    },
    "fill_no_placeholder": {
        "en": "That command has no such placeholder.", "ko": "그 명령에는 채울 자리가 없어요.",
    },
    "fill_no_placeholder.hint": {
        "en": "Ask again for a fresh answer.", "ko": "다시 물어봐 주세요.",
    },
    "fill_not_a_name": {
        "en": "That is not a Docker name.", "ko": "그 이름은 Docker 이름이 아니에요.",
    },
    "fill_not_a_name.hint": {"en": "Pick one from the list.", "ko": "목록에서 골라 주세요."},
    "explain_empty": {
        "en": "There is no command to explain.", "ko": "설명할 명령이 비어 있습니다.",
    },
    "explain_empty.hint": {
        "en": 'Try: dockbot explain "docker ps -a"', "ko": '예: dockbot explain "docker ps -a"',
    },
    "explain_too_long": {
        "en": "The command is too long ({n:,} characters; the limit is {limit:,}).",
        "ko": "명령이 너무 깁니다({n:,}자, 최대 {limit:,}자).",
    },
    "explain_too_long.hint": {
        "en": "Paste only the docker command line you want explained.",
        "ko": "설명이 필요한 docker 명령 한 줄만 붙여 넣으세요.",
    },
    "explain_binary": {
        "en": "The input contains binary data (NUL or undecodable bytes).",
        "ko": "입력에 이진 데이터(NUL 등)가 섞여 있습니다.",
    },
    "explain_binary.hint": {
        "en": "Paste the command as plain text.", "ko": "명령을 일반 텍스트로 붙여 넣으세요.",
    },
    "not_docker": {
        "en": "That is not a docker command (it starts with `{word}`).",
        "ko": "docker 명령이 아닙니다(`{word}`로 시작함).",
    },
    "not_docker.hint": {
        "en": "Paste a command that starts with `docker`, e.g. `docker run -d -p 80:80 nginx`.",
        "ko": "`docker`로 시작하는 명령을 붙여 넣으세요. 예: docker run -d -p 80:80 nginx",
    },
    "no_command": {"en": "There is no command to explain.", "ko": "풀이할 명령어가 없어요."},
    "no_command.hint": {
        "en": "Write it after `explain`, e.g. `explain docker ps -a`.",
        "ko": "`explain` 뒤에 명령어를 쓰세요. 예: `explain docker ps -a`",
    },
}
