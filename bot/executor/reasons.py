"""The words that fill executor messages (data only): why a read-only command is not
run, why a host could not be reached, how a role is granted, and what a placeholder
says when an error is not tied to one host."""

from __future__ import annotations

from bot.lang import Lang

# Why a read-only command is still not run (the {reason} of "not_offered").
REASONS: dict[str, dict[Lang, str]] = {
    "history": {
        "en": "image history shows the build commands with build arguments and ENV values "
              "verbatim, which can hold secrets",
        "ko": "이미지 history 는 빌드 명령을 빌드 인자와 ENV 값까지 그대로 보여 주어 "
              "비밀 값이 드러날 수 있습니다",
    },
    "image_inspect": {
        "en": "image inspect shows the image's ENV values and build settings verbatim",
        "ko": "image inspect 는 이미지의 ENV 값과 빌드 설정을 그대로 보여 줍니다",
    },
    "search": {
        "en": "it queries Docker Hub over the internet, not your host",
        "ko": "호스트가 아니라 인터넷의 Docker Hub 를 검색합니다",
    },
    "export": {
        "en": "it copies whole files out of the host",
        "ko": "호스트의 파일을 통째로 복사해 옵니다",
    },
    "attach": {
        "en": "it connects to a container's input and output",
        "ko": "컨테이너의 입출력에 직접 연결합니다",
    },
    "wait": {
        "en": "it blocks until a container stops",
        "ko": "컨테이너가 멈출 때까지 기다리며 끝나지 않습니다",
    },
}

# Why a host could not be reached (the {reason} of "unreachable" and "ssh"); never the
# daemon's or the library's own text.
NET_REASONS: dict[str, dict[Lang, str]] = {
    "refused": {"en": "connection refused", "ko": "연결이 거부됨"},
    "no_socket": {"en": "no such socket file", "ko": "소켓 파일이 없음"},
    "no_route": {"en": "no route to that address", "ko": "그 주소로 가는 경로가 없음"},
    "no_name": {"en": "the host name is not known", "ko": "호스트 이름을 찾을 수 없음"},
    "connect_timeout": {"en": "the connection timed out", "ko": "연결 시간이 초과됨"},
    "reset": {"en": "the connection was closed", "ko": "연결이 끊김"},
}
# What placeholders say when the error is not tied to one host.
DEFAULTS: dict[Lang, dict[str, str]] = {
    "en": {"where": "", "reason": "", "setting": "the host's url in the config file"},
    "ko": {"where": "", "reason": "", "setting": "설정 파일의 호스트 url"},
}
# How to grant an operation, for the "denied_op" hint: by the CLI's role, by a Slack
# user's role and the channel's operations, or (no role lists it) in ``policy.roles``.
GRANTS: dict[str, dict[Lang, str]] = {
    "cli": {
        "en": "`{op}` needs the {role} role: set `policy.cli: {{role: {role}}}` in the config "
              "file (DOCKBOT_CONFIG)",
        "ko": "`{op}` 에는 {role} 역할이 필요합니다: 설정 파일(DOCKBOT_CONFIG)에 "
              "`policy.cli: {{role: {role}}}` 을 쓰세요",
    },
    "slack": {
        "en": "`{op}` needs the {role} role: an admin can grant it with `policy.users.<your "
              "ID>: {{role: {role}}}` (or a user group) and `{op}` in this channel's "
              "`policy.channels.CHANNEL_ID.ops`",
        "ko": "`{op}` 에는 {role} 역할이 필요합니다: 관리자가 `policy.users.<내 ID>: "
              "{{role: {role}}}` (또는 사용자 그룹)과 이 채널의 "
              "`policy.channels.CHANNEL_ID.ops` 에 "
              "`{op}` 를 넣어 허용할 수 있습니다",
    },
    "roles": {
        "en": "no role of `policy.roles` in the config file lists `{op}`; an admin can add it",
        "ko": "설정 파일의 `policy.roles` 에 `{op}` 를 가진 역할이 없습니다. 관리자가 추가할 수 "
              "있습니다",
    },
}


