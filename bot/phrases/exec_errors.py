"""The executor's errors and the words that fill them (data only).

``EXEC_ERRORS`` maps each fixed key of an :class:`bot.errors.ExecError` (``"mention"``,
``"unreachable"`` ...) to its ``(English message, English hint, Korean message, Korean
hint)``; the catalog names them ``exec.error.<key>`` and ``exec.error.<key>.hint``. A hint of
``None`` means the refusal's hint is the allowed-operations list (``exec.allowed``), so that
list is written once. Messages take ``{placeholders}``: ``{where}`` is a host's place
(``exec.host_where``), ``{reason}`` why a connection failed (``exec.net.*``), ``{setting}``
the setting that holds a host's URL (``exec.default_setting`` when there is no one host).

The words that fill them, as ``(English, Korean)``: ``REASONS`` (``exec.reason.<key>``) why a
read-only command is still not run, ``NET_REASONS`` (``exec.net.<key>``) why a host could not
be reached -- never the daemon's or the library's own text -- and ``GRANTS``
(``exec.grant.<how>``) how an operation is granted: by the CLI's role, by a Slack user's role
and the channel's operations, or (no role lists it) in ``policy.roles``.
"""

from __future__ import annotations

# key -> (English message, English hint, Korean message, Korean hint); None: exec.allowed.
EXEC_ERRORS: dict[str, tuple[str, str | None, str, str | None]] = {
    "disabled": (
        "Running Docker commands is turned off.",
        "An admin can enable read-only status commands with DOCKBOT_EXEC_ENABLED=1 or "
        "`exec.enabled: true` in the config file.",
        "Docker 명령 실행이 꺼져 있습니다.",
        "관리자가 DOCKBOT_EXEC_ENABLED=1 또는 설정 파일의 `exec.enabled: true` 로 읽기 전용 상태 "
        "명령을 켤 수 있습니다.",
    ),
    "empty": (
        "The command is empty.",
        None,
        "명령이 비어 있습니다.",
        None,
    ),
    "too_long": (
        "The command is too long ({n} characters, at most {limit}).",
        None,
        "명령이 너무 깁니다 ({n}자, 최대 {limit}자).",
        None,
    ),
    "control_char": (
        "The command contains an invisible or control character ({char}).",
        "Retype the command by hand instead of pasting it.",
        "명령에 보이지 않는 문자나 제어 문자({char})가 들어 있습니다.",
        "붙여 넣지 말고 직접 다시 입력해 주세요.",
    ),
    "lookalike": (
        "The command contains {char}, which only looks like a plain letter or symbol.",
        "Type the command with plain ASCII letters (switch off full-width input).",
        "명령에 일반 영문자/기호처럼 보이지만 실은 다른 문자({char})가 들어 있습니다.",
        "전각 입력을 끄고 일반 영문(ASCII)으로 입력해 주세요.",
    ),
    "non_ascii": (
        "The command contains {char}; commands use plain ASCII letters only.",
        None,
        "명령에 쓸 수 없는 문자가 있습니다: {char}. 명령은 영문(ASCII)으로만 입력합니다.",
        None,
    ),
    "bad_char": (
        "The character {char} is not allowed: no shell syntax, quotes or templates.",
        None,
        "문자 {char} 은(는) 쓸 수 없습니다: 셸 문법, 따옴표, 템플릿은 받지 않습니다.",
        None,
    ),
    "mutating": (
        "`{word}` can change the host; only read-only status commands are allowed.",
        None,
        "`{word}` 는 호스트를 바꿀 수 있는 명령입니다. 읽기 전용 상태 명령만 허용됩니다.",
        None,
    ),
    "not_offered": (
        "`{word}` does not change the host, but dockbot does not run it: {reason}.",
        None,
        "`{word}` 는 호스트를 바꾸지 않지만 dockbot 은 실행하지 않습니다: {reason}.",
        None,
    ),
    "mention": (
        "`{word}` is a Slack mention, not part of a command.",
        "Write only the command (e.g. `ps`, or `ps @prod` for a host alias).",
        "`{word}` 는 Slack 멘션이라 명령의 일부가 아닙니다.",
        "명령만 쓰세요 (예: `ps`, 호스트 별칭은 `ps @prod`).",
    ),
    "need_since": (
        "`events` needs --since: dockbot shows past events only, never the live stream.",
        "Example: `events --since 10m` (at most 24h).",
        "`events` 에는 --since 가 필요합니다: 지난 이벤트만 보여 주고 실시간 스트림은 따라가지 "
        "않습니다.",
        "예: `events --since 10m` (최대 24h).",
    ),
    "bad_since": (
        "`--since` needs a duration from 1s to 24h.",
        "Examples: `--since 90s`, `--since 10m`, `--since 2h`.",
        "`--since` 에는 1s 부터 24h 사이의 기간이 필요합니다.",
        "예: `--since 90s`, `--since 10m`, `--since 2h`.",
    ),
    "unknown_op": (
        "`{word}` is not an allowed read-only operation.",
        None,
        "`{word}` 는 허용된 읽기 전용 명령이 아닙니다.",
        None,
    ),
    "flag_scope": (
        "The option `{word}` is not accepted: hosts, contexts, formats and filters are fixed.",
        "Pick a configured host with @alias, e.g. `ps @prod`.",
        "옵션 `{word}` 는 받지 않습니다: 호스트, 컨텍스트, 형식, 필터는 바꿀 수 없습니다.",
        "설정된 호스트는 @별칭 으로 고릅니다. 예: `ps @prod`.",
    ),
    "bad_flag": (
        "`{op}` does not accept the option `{word}`.",
        "Accepted here: {accepted}.",
        "`{op}` 에는 `{word}` 옵션을 쓸 수 없습니다.",
        "쓸 수 있는 옵션: {accepted}.",
    ),
    "need_name": (
        "`{op}` needs a container name or ID.",
        "Example: `{op} web`.",
        "`{op}` 에는 컨테이너 이름이나 ID가 필요합니다.",
        "예: `{op} web`.",
    ),
    "extra_args": (
        "`{op}` takes {expected}; `{word}` is extra.",
        None,
        "`{op}` 는 {expected} 만 받습니다. `{word}` 는 필요 없습니다.",
        None,
    ),
    "bad_name": (
        "`{word}` is not a valid container name or ID.",
        "Names start with a letter or digit and use only letters, digits, `_`, `.` and `-`.",
        "`{word}` 는 올바른 컨테이너 이름이나 ID가 아닙니다.",
        "이름은 영문자나 숫자로 시작하고 영문자, 숫자, `_`, `.`, `-` 만 씁니다.",
    ),
    "bad_tail": (
        "`--tail` needs a number of lines from 1 to {limit}.",
        "Example: `logs web --tail 50`.",
        "`--tail` 에는 1부터 {limit} 사이의 줄 수가 필요합니다.",
        "예: `logs web --tail 50`.",
    ),
    "bad_alias": (
        "`{word}` is not a host alias.",
        "Aliases look like @prod (letters, digits, `_` and `-`).",
        "`{word}` 는 호스트 별칭이 아닙니다.",
        "별칭은 @prod 처럼 씁니다 (영문자, 숫자, `_`, `-`).",
    ),
    "two_hosts": (
        "Pick one host only.",
        "Use a single @alias (or --host), not both.",
        "호스트는 하나만 고를 수 있습니다.",
        "@별칭 과 --host 중 하나만 쓰세요.",
    ),
    "unknown_host": (
        "There is no host alias @{alias} you can use.",
        "Hosts you can use: {hosts}.",
        "쓸 수 있는 호스트 별칭 @{alias} 가 없습니다.",
        "쓸 수 있는 호스트: {hosts}.",
    ),
    "pick_host": (
        "Several hosts are configured; pick one.",
        "Add @alias, one of: {hosts}.",
        "호스트가 여러 개 있습니다. 하나를 골라 주세요.",
        "@별칭 을 붙이세요: {hosts}.",
    ),
    "denied": (
        "You are not allowed to run that here.",
        "Ask an admin to grant it in the executor policy file.",
        "여기서는 그 명령을 실행할 권한이 없습니다.",
        "관리자에게 정책 파일에서 허용해 달라고 요청하세요.",
    ),
    "denied_op": (
        "You are not allowed to run `{op}` here.",
        "{grant}.",
        "여기서는 `{op}` 을(를) 실행할 권한이 없습니다.",
        "{grant}.",
    ),
    "busy": (
        "dockbot is busy running other requests.",
        "Try again in a few seconds.",
        "dockbot 이 다른 요청을 처리하느라 바쁩니다.",
        "몇 초 뒤에 다시 시도하세요.",
    ),
    "rate_limited": (
        "Too many requests in a short time.",
        "Wait {seconds} seconds and try again.",
        "짧은 시간에 요청이 너무 많습니다.",
        "{seconds}초 기다린 뒤 다시 시도하세요.",
    ),
    "state_unavailable": (
        "dockbot cannot check its rate limits right now.",
        "Try again in a minute; if it persists, ask whoever runs dockbot to check Redis.",
        "지금은 dockbot 이 요청 한도를 확인할 수 없습니다.",
        "잠시 뒤 다시 시도하세요. 계속되면 dockbot 운영자에게 Redis 를 확인해 달라고 하세요.",
    ),
    "unreachable": (
        "The Docker host{where} cannot be reached{reason}.",
        "Check that the Docker daemon is running there and that {setting} points at it.",
        "Docker 호스트{where}에 연결할 수 없습니다{reason}.",
        "그곳에서 Docker 데몬이 실행 중인지, {setting} 이(가) 그 주소를 가리키는지 확인하세요.",
    ),
    "socket_permission": (
        "dockbot has no permission to use the Docker socket{where}.",
        "Ask whoever runs dockbot to give it read access to that socket (or a socket proxy).",
        "dockbot 에 Docker 소켓{where}을 쓸 권한이 없습니다.",
        "dockbot 운영자에게 소켓(또는 소켓 프록시) 접근 권한을 요청하세요.",
    ),
    "tls": (
        "The secure connection to the Docker host{where} failed.",
        "Its certificate is not trusted by the configured CA; ask an admin to check it.",
        "Docker 호스트{where}와의 보안 연결에 실패했습니다.",
        "호스트 인증서가 설정된 CA로 확인되지 않습니다. 관리자에게 문의하세요.",
    ),
    "ssh": (
        "The SSH connection to the Docker host{where} failed{reason}.",
        "Ask an admin to check the SSH host and {setting}.",
        "Docker 호스트{where}로의 SSH 연결에 실패했습니다{reason}.",
        "관리자에게 SSH 호스트와 {setting} 확인을 요청하세요.",
    ),
    "timeout": (
        "The Docker host{where} did not answer in time.",
        "The host may be overloaded; try again later.",
        "Docker 호스트{where}가 제시간에 답하지 않았습니다.",
        "호스트가 바쁠 수 있습니다. 나중에 다시 시도하세요.",
    ),
    "not_found": (
        "No such container on that host.",
        "Check the name with `ps -a`.",
        "그 호스트에 그런 컨테이너가 없습니다.",
        "`ps -a` 로 이름을 확인하세요.",
    ),
    "daemon_error": (
        "The Docker daemon{where} returned an error.",
        "Try again; if it persists, ask whoever runs that host.",
        "Docker 데몬{where}이 오류를 돌려주었습니다.",
        "다시 시도해 보고, 계속되면 호스트 담당자에게 문의하세요.",
    ),
    "daemon_refused": (
        "The Docker host{where} (or a proxy in front of it) refused the request.",
        "Ask whoever runs that host to allow read-only requests from dockbot.",
        "Docker 호스트{where}(또는 앞단 프록시)가 요청을 거부했습니다.",
        "호스트 담당자에게 dockbot 의 읽기 요청을 허용해 달라고 하세요.",
    ),
    "api_version": (
        "The Docker host{where} does not support the API version dockbot uses.",
        "Ask an admin to set `api_version` for this host in the config file.",
        "Docker 호스트{where}가 dockbot 이 쓰는 API 버전을 지원하지 않습니다.",
        "관리자에게 설정 파일에서 이 호스트의 `api_version` 을 맞춰 달라고 하세요.",
    ),
    "bad_answer": (
        "The Docker host{where} sent an answer dockbot cannot read.",
        "Check that {setting} points at a Docker API endpoint.",
        "Docker 호스트{where}의 응답을 읽을 수 없습니다.",
        "{setting} 이(가) Docker API 를 가리키는지 확인하세요.",
    ),
    "too_large": (
        "The answer of the Docker host{where} is too large (over {limit}).",
        "Ask an admin to raise exec.limits.max_response_bytes, or check that the host alias points "
        "at a Docker API endpoint.",
        "Docker 호스트{where}의 응답이 너무 큽니다 ({limit} 초과).",
        "관리자에게 exec.limits.max_response_bytes 를 늘려 달라고 하거나, 호스트 별칭이 Docker API "
        "를 가리키는지 확인하세요.",
    ),
    "ambiguous": (
        "That ID prefix matches more than one container.",
        "Give more characters of the ID, or the container name (see `ps -a`).",
        "그 ID 앞부분에 맞는 컨테이너가 여럿입니다.",
        "ID 를 더 길게 쓰거나 컨테이너 이름을 쓰세요 (`ps -a` 로 확인).",
    ),
    "client_error": (
        "The request to the Docker host{where} could not be completed.",
        "Try again; if it persists, report it to whoever runs dockbot.",
        "Docker 호스트{where}에 보낸 요청을 끝내지 못했습니다.",
        "다시 시도해 보고, 계속되면 dockbot 운영자에게 알려 주세요.",
    ),
}

# Why a read-only command is still not run (the {reason} of "not_offered").
REASONS: dict[str, tuple[str, str]] = {
    "history": (
        "image history shows the build commands with build arguments and ENV values verbatim, "
        "which can hold secrets",
        "이미지 history 는 빌드 명령을 빌드 인자와 ENV 값까지 그대로 보여 주어 비밀 값이 드러날 수 "
        "있습니다",
    ),
    "image_inspect": (
        "image inspect shows the image's ENV values and build settings verbatim",
        "image inspect 는 이미지의 ENV 값과 빌드 설정을 그대로 보여 줍니다",
    ),
    "search": (
        "it queries Docker Hub over the internet, not your host",
        "호스트가 아니라 인터넷의 Docker Hub 를 검색합니다",
    ),
    "export": (
        "it copies whole files out of the host",
        "호스트의 파일을 통째로 복사해 옵니다",
    ),
    "attach": (
        "it connects to a container's input and output",
        "컨테이너의 입출력에 직접 연결합니다",
    ),
    "wait": (
        "it blocks until a container stops",
        "컨테이너가 멈출 때까지 기다리며 끝나지 않습니다",
    ),
}

# Why a host could not be reached (the {reason} of "unreachable" and "ssh").
NET_REASONS: dict[str, tuple[str, str]] = {
    "refused": (
        "connection refused",
        "연결이 거부됨",
    ),
    "no_socket": (
        "no such socket file",
        "소켓 파일이 없음",
    ),
    "no_route": (
        "no route to that address",
        "그 주소로 가는 경로가 없음",
    ),
    "no_name": (
        "the host name is not known",
        "호스트 이름을 찾을 수 없음",
    ),
    "connect_timeout": (
        "the connection timed out",
        "연결 시간이 초과됨",
    ),
    "reset": (
        "the connection was closed",
        "연결이 끊김",
    ),
}

# How to grant an operation (the {grant} of "denied_op"), by who asks.
GRANTS: dict[str, tuple[str, str]] = {
    "cli": (
        "`{op}` needs the {role} role: set `policy.cli: {{role: {role}}}` in the config file "
        "(DOCKBOT_CONFIG)",
        "`{op}` 에는 {role} 역할이 필요합니다: 설정 파일(DOCKBOT_CONFIG)에 `policy.cli: {{role: "
        "{role}}}` 을 쓰세요",
    ),
    "slack": (
        "`{op}` needs the {role} role: an admin can grant it with `policy.users.<your ID>: {{role: "
        "{role}}}` (or a user group) and `{op}` in this channel's `policy.channels.CHANNEL_ID.ops`",
        "`{op}` 에는 {role} 역할이 필요합니다: 관리자가 `policy.users.<내 ID>: {{role: {role}}}` "
        "(또는 사용자 그룹)과 이 채널의 `policy.channels.CHANNEL_ID.ops` 에 `{op}` 를 넣어 허용할 "
        "수 있습니다",
    ),
    "roles": (
        "no role of `policy.roles` in the config file lists `{op}`; an admin can add it",
        "설정 파일의 `policy.roles` 에 `{op}` 를 가진 역할이 없습니다. 관리자가 추가할 수 있습니다",
    ),
}

# The {setting} of an error that is not tied to one host.
DEFAULT_SETTING: tuple[str, str] = ("the host's url in the config file", "설정 파일의 호스트 url")
