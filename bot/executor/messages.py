"""User-facing text of every executor error, in English and Korean.

Every :class:`bot.errors.ExecError` the executor raises is built here from a
fixed key, so the daemon's own text can never reach a user and each message
exists in both languages. The language follows the request text
(:func:`bot.lang.detect_lang`).
"""

from __future__ import annotations

from typing import TypeVar

from bot.errors import ExecError
from bot.executor.operations import usage_list
from bot.executor.reasons import DEFAULTS, GRANTS, NET_REASONS, REASONS
from bot.lang import Lang
from bot.phrases import phrase

E = TypeVar("E", bound=ExecError)
__all__ = ["ALLOWED_EN", "ALLOWED_KO", "GRANTS", "MESSAGES", "REASONS", "exec_error",
           "host_params"]

# The list of operations comes from the operations table, the words around it from the catalog.
ALLOWED_EN = phrase("exec.allowed", "en", ops=usage_list("en"))
ALLOWED_KO = phrase("exec.allowed", "ko", ops=usage_list("ko"))

# key -> lang -> (message, hint). Messages may hold {placeholders}.
MESSAGES: dict[str, dict[Lang, tuple[str, str]]] = {
    "disabled": {
        "en": (
            "Running Docker commands is turned off.",
            "An admin can enable read-only status commands with DOCKBOT_EXEC_ENABLED=1 "
            "or `exec.enabled: true` in the config file.",
        ),
        "ko": (
            "Docker 명령 실행이 꺼져 있습니다.",
            "관리자가 DOCKBOT_EXEC_ENABLED=1 또는 설정 파일의 `exec.enabled: true` 로 "
            "읽기 전용 상태 명령을 켤 수 있습니다.",
        ),
    },
    "empty": {
        "en": ("The command is empty.", ALLOWED_EN),
        "ko": ("명령이 비어 있습니다.", ALLOWED_KO),
    },
    "too_long": {
        "en": ("The command is too long ({n} characters, at most {limit}).", ALLOWED_EN),
        "ko": ("명령이 너무 깁니다 ({n}자, 최대 {limit}자).", ALLOWED_KO),
    },
    "control_char": {
        "en": (
            "The command contains an invisible or control character ({char}).",
            "Retype the command by hand instead of pasting it.",
        ),
        "ko": (
            "명령에 보이지 않는 문자나 제어 문자({char})가 들어 있습니다.",
            "붙여 넣지 말고 직접 다시 입력해 주세요.",
        ),
    },
    "lookalike": {
        "en": (
            "The command contains {char}, which only looks like a plain letter or symbol.",
            "Type the command with plain ASCII letters (switch off full-width input).",
        ),
        "ko": (
            "명령에 일반 영문자/기호처럼 보이지만 실은 다른 문자({char})가 들어 있습니다.",
            "전각 입력을 끄고 일반 영문(ASCII)으로 입력해 주세요.",
        ),
    },
    "non_ascii": {
        "en": (
            "The command contains {char}; commands use plain ASCII letters only.",
            ALLOWED_EN,
        ),
        "ko": (
            "명령에 쓸 수 없는 문자가 있습니다: {char}. 명령은 영문(ASCII)으로만 입력합니다.",
            ALLOWED_KO,
        ),
    },
    "bad_char": {
        "en": (
            "The character {char} is not allowed: no shell syntax, quotes or templates.",
            ALLOWED_EN,
        ),
        "ko": (
            "문자 {char} 은(는) 쓸 수 없습니다: 셸 문법, 따옴표, 템플릿은 받지 않습니다.",
            ALLOWED_KO,
        ),
    },
    "mutating": {
        "en": (
            "`{word}` can change the host; only read-only status commands are allowed.",
            ALLOWED_EN,
        ),
        "ko": (
            "`{word}` 는 호스트를 바꿀 수 있는 명령입니다. 읽기 전용 상태 명령만 허용됩니다.",
            ALLOWED_KO,
        ),
    },
    "not_offered": {
        "en": ("`{word}` does not change the host, but dockbot does not run it: {reason}.",
               ALLOWED_EN),
        "ko": ("`{word}` 는 호스트를 바꾸지 않지만 dockbot 은 실행하지 않습니다: {reason}.",
               ALLOWED_KO),
    },
    "mention": {
        "en": (
            "`{word}` is a Slack mention, not part of a command.",
            "Write only the command (e.g. `ps`, or `ps @prod` for a host alias).",
        ),
        "ko": (
            "`{word}` 는 Slack 멘션이라 명령의 일부가 아닙니다.",
            "명령만 쓰세요 (예: `ps`, 호스트 별칭은 `ps @prod`).",
        ),
    },
    "need_since": {
        "en": (
            "`events` needs --since: dockbot shows past events only, never the live stream.",
            "Example: `events --since 10m` (at most 24h).",
        ),
        "ko": (
            "`events` 에는 --since 가 필요합니다: 지난 이벤트만 보여 주고 실시간 스트림은 "
            "따라가지 않습니다.",
            "예: `events --since 10m` (최대 24h).",
        ),
    },
    "bad_since": {
        "en": (
            "`--since` needs a duration from 1s to 24h.",
            "Examples: `--since 90s`, `--since 10m`, `--since 2h`.",
        ),
        "ko": (
            "`--since` 에는 1s 부터 24h 사이의 기간이 필요합니다.",
            "예: `--since 90s`, `--since 10m`, `--since 2h`.",
        ),
    },
    "unknown_op": {
        "en": ("`{word}` is not an allowed read-only operation.", ALLOWED_EN),
        "ko": ("`{word}` 는 허용된 읽기 전용 명령이 아닙니다.", ALLOWED_KO),
    },
    "flag_scope": {
        "en": (
            "The option `{word}` is not accepted: hosts, contexts, formats and filters are fixed.",
            "Pick a configured host with @alias, e.g. `ps @prod`.",
        ),
        "ko": (
            "옵션 `{word}` 는 받지 않습니다: 호스트, 컨텍스트, 형식, 필터는 바꿀 수 없습니다.",
            "설정된 호스트는 @별칭 으로 고릅니다. 예: `ps @prod`.",
        ),
    },
    "bad_flag": {
        "en": ("`{op}` does not accept the option `{word}`.", "Accepted here: {accepted}."),
        "ko": ("`{op}` 에는 `{word}` 옵션을 쓸 수 없습니다.", "쓸 수 있는 옵션: {accepted}."),
    },
    "need_name": {
        "en": ("`{op}` needs a container name or ID.", "Example: `{op} web`."),
        "ko": ("`{op}` 에는 컨테이너 이름이나 ID가 필요합니다.", "예: `{op} web`."),
    },
    "extra_args": {
        "en": ("`{op}` takes {expected}; `{word}` is extra.", ALLOWED_EN),
        "ko": ("`{op}` 는 {expected} 만 받습니다. `{word}` 는 필요 없습니다.", ALLOWED_KO),
    },
    "bad_name": {
        "en": (
            "`{word}` is not a valid container name or ID.",
            "Names start with a letter or digit and use only letters, digits, `_`, `.` and `-`.",
        ),
        "ko": (
            "`{word}` 는 올바른 컨테이너 이름이나 ID가 아닙니다.",
            "이름은 영문자나 숫자로 시작하고 영문자, 숫자, `_`, `.`, `-` 만 씁니다.",
        ),
    },
    "bad_tail": {
        "en": (
            "`--tail` needs a number of lines from 1 to {limit}.",
            "Example: `logs web --tail 50`.",
        ),
        "ko": (
            "`--tail` 에는 1부터 {limit} 사이의 줄 수가 필요합니다.",
            "예: `logs web --tail 50`.",
        ),
    },
    "bad_alias": {
        "en": (
            "`{word}` is not a host alias.",
            "Aliases look like @prod (letters, digits, `_` and `-`).",
        ),
        "ko": (
            "`{word}` 는 호스트 별칭이 아닙니다.",
            "별칭은 @prod 처럼 씁니다 (영문자, 숫자, `_`, `-`).",
        ),
    },
    "two_hosts": {
        "en": ("Pick one host only.", "Use a single @alias (or --host), not both."),
        "ko": ("호스트는 하나만 고를 수 있습니다.", "@별칭 과 --host 중 하나만 쓰세요."),
    },
    "unknown_host": {
        "en": ("There is no host alias @{alias} you can use.", "Hosts you can use: {hosts}."),
        "ko": ("쓸 수 있는 호스트 별칭 @{alias} 가 없습니다.", "쓸 수 있는 호스트: {hosts}."),
    },
    "pick_host": {
        "en": ("Several hosts are configured; pick one.", "Add @alias, one of: {hosts}."),
        "ko": ("호스트가 여러 개 있습니다. 하나를 골라 주세요.", "@별칭 을 붙이세요: {hosts}."),
    },
    "denied": {
        "en": (
            "You are not allowed to run that here.",
            "Ask an admin to grant it in the executor policy file.",
        ),
        "ko": (
            "여기서는 그 명령을 실행할 권한이 없습니다.",
            "관리자에게 정책 파일에서 허용해 달라고 요청하세요.",
        ),
    },
    "denied_op": {
        "en": (
            "You are not allowed to run `{op}` here.",
            "{grant}.",
        ),
        "ko": (
            "여기서는 `{op}` 을(를) 실행할 권한이 없습니다.",
            "{grant}.",
        ),
    },
    "busy": {
        "en": ("dockbot is busy running other requests.", "Try again in a few seconds."),
        "ko": ("dockbot 이 다른 요청을 처리하느라 바쁩니다.", "몇 초 뒤에 다시 시도하세요."),
    },
    "rate_limited": {
        "en": ("Too many requests in a short time.", "Wait {seconds} seconds and try again."),
        "ko": ("짧은 시간에 요청이 너무 많습니다.", "{seconds}초 기다린 뒤 다시 시도하세요."),
    },
    "state_unavailable": {
        "en": (
            "dockbot cannot check its rate limits right now.",
            "Try again in a minute; if it persists, ask whoever runs dockbot to check Redis.",
        ),
        "ko": (
            "지금은 dockbot 이 요청 한도를 확인할 수 없습니다.",
            "잠시 뒤 다시 시도하세요. 계속되면 dockbot 운영자에게 Redis 를 확인해 달라고 하세요.",
        ),
    },
    "unreachable": {
        "en": (
            "The Docker host{where} cannot be reached{reason}.",
            "Check that the Docker daemon is running there and that {setting} points at it.",
        ),
        "ko": (
            "Docker 호스트{where}에 연결할 수 없습니다{reason}.",
            "그곳에서 Docker 데몬이 실행 중인지, {setting} 이(가) 그 주소를 가리키는지 확인하세요.",
        ),
    },
    "socket_permission": {
        "en": (
            "dockbot has no permission to use the Docker socket{where}.",
            "Ask whoever runs dockbot to give it read access to that socket (or a socket proxy).",
        ),
        "ko": (
            "dockbot 에 Docker 소켓{where}을 쓸 권한이 없습니다.",
            "dockbot 운영자에게 소켓(또는 소켓 프록시) 접근 권한을 요청하세요.",
        ),
    },
    "tls": {
        "en": (
            "The secure connection to the Docker host{where} failed.",
            "Its certificate is not trusted by the configured CA; ask an admin to check it.",
        ),
        "ko": (
            "Docker 호스트{where}와의 보안 연결에 실패했습니다.",
            "호스트 인증서가 설정된 CA로 확인되지 않습니다. 관리자에게 문의하세요.",
        ),
    },
    "ssh": {
        "en": (
            "The SSH connection to the Docker host{where} failed{reason}.",
            "Ask an admin to check the SSH host and {setting}.",
        ),
        "ko": (
            "Docker 호스트{where}로의 SSH 연결에 실패했습니다{reason}.",
            "관리자에게 SSH 호스트와 {setting} 확인을 요청하세요.",
        ),
    },
    "timeout": {
        "en": (
            "The Docker host{where} did not answer in time.",
            "The host may be overloaded; try again later.",
        ),
        "ko": (
            "Docker 호스트{where}가 제시간에 답하지 않았습니다.",
            "호스트가 바쁠 수 있습니다. 나중에 다시 시도하세요.",
        ),
    },
    "not_found": {
        "en": ("No such container on that host.", "Check the name with `ps -a`."),
        "ko": ("그 호스트에 그런 컨테이너가 없습니다.", "`ps -a` 로 이름을 확인하세요."),
    },
    "daemon_error": {
        "en": (
            "The Docker daemon{where} returned an error.",
            "Try again; if it persists, ask whoever runs that host.",
        ),
        "ko": (
            "Docker 데몬{where}이 오류를 돌려주었습니다.",
            "다시 시도해 보고, 계속되면 호스트 담당자에게 문의하세요.",
        ),
    },
    "daemon_refused": {
        "en": (
            "The Docker host{where} (or a proxy in front of it) refused the request.",
            "Ask whoever runs that host to allow read-only requests from dockbot.",
        ),
        "ko": (
            "Docker 호스트{where}(또는 앞단 프록시)가 요청을 거부했습니다.",
            "호스트 담당자에게 dockbot 의 읽기 요청을 허용해 달라고 하세요.",
        ),
    },
    "api_version": {
        "en": (
            "The Docker host{where} does not support the API version dockbot uses.",
            "Ask an admin to set `api_version` for this host in the config file.",
        ),
        "ko": (
            "Docker 호스트{where}가 dockbot 이 쓰는 API 버전을 지원하지 않습니다.",
            "관리자에게 설정 파일에서 이 호스트의 `api_version` 을 맞춰 달라고 하세요.",
        ),
    },
    "bad_answer": {
        "en": (
            "The Docker host{where} sent an answer dockbot cannot read.",
            "Check that {setting} points at a Docker API endpoint.",
        ),
        "ko": (
            "Docker 호스트{where}의 응답을 읽을 수 없습니다.",
            "{setting} 이(가) Docker API 를 가리키는지 확인하세요.",
        ),
    },
    "too_large": {
        "en": (
            "The answer of the Docker host{where} is too large (over {limit}).",
            "Ask an admin to raise exec.limits.max_response_bytes, or check that the host "
            "alias points at a Docker API endpoint.",
        ),
        "ko": (
            "Docker 호스트{where}의 응답이 너무 큽니다 ({limit} 초과).",
            "관리자에게 exec.limits.max_response_bytes 를 늘려 달라고 하거나, 호스트 별칭이 "
            "Docker API 를 가리키는지 확인하세요.",
        ),
    },
    "ambiguous": {
        "en": (
            "That ID prefix matches more than one container.",
            "Give more characters of the ID, or the container name (see `ps -a`).",
        ),
        "ko": (
            "그 ID 앞부분에 맞는 컨테이너가 여럿입니다.",
            "ID 를 더 길게 쓰거나 컨테이너 이름을 쓰세요 (`ps -a` 로 확인).",
        ),
    },
    "client_error": {
        "en": (
            "The request to the Docker host{where} could not be completed.",
            "Try again; if it persists, report it to whoever runs dockbot.",
        ),
        "ko": (
            "Docker 호스트{where}에 보낸 요청을 끝내지 못했습니다.",
            "다시 시도해 보고, 계속되면 dockbot 운영자에게 알려 주세요.",
        ),
    },
}


def host_params(alias: str, url: str, setting: str, lang: Lang,
                reason: str | None = None) -> dict[str, str]:
    """The {where}, {setting} and {reason} of a host error; ``url`` is already redacted."""
    where = phrase("exec.host_where", lang, alias=alias, url=url)
    said = f": {NET_REASONS[reason][lang]}" if reason in NET_REASONS else ""
    return {"where": where, "setting": setting, "reason": said}


def exec_error(cls: type[E], key: str, lang: Lang = "en", **params: object) -> E:
    """An ``ExecError`` subclass instance with the fixed text of ``key`` in ``lang``."""
    message, hint = MESSAGES[key][lang]
    values = {**DEFAULTS[lang], **params}
    return cls(message.format(**values), hint=hint.format(**values), key=key)
