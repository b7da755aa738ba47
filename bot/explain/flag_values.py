"""What the value given to a flag means, flag by flag (ports, volumes, sizes, policies ...)."""

from __future__ import annotations

import re

from bot.explain import build_values as bv
from bot.explain import log_values as lv
from bot.explain import values as v
from bot.explain.cli_spec import Command, Flag
from bot.explain.positionals import is_placeholder
from bot.explain.shell import is_substitution, split_substitutions
from bot.explain.substitution import substitution
from bot.explain.values import tr
from bot.lang import Lang

# Commands whose --tag names the image they make, rather than one that exists.
_NAMING = frozenset({"docker buildx imagetools create"})
_RMI = {
    "all": (
        "remove every image the services use, also those pulled from a registry "
        "(e.g. postgres, redis); the next `up` downloads or builds them again",
        "서비스가 쓰는 이미지를 모두 삭제, 레지스트리에서 받은 것(예: postgres, redis)도 "
        "포함; 다음 `up`에서 다시 받거나 빌드함",
    ),
    "local": (
        "remove only the images Compose built and named itself (services with "
        "`build:` and no `image:` name); pulled images stay",
        "Compose가 빌드하고 직접 이름 붙인 이미지만 삭제(`build:`만 있고 `image:` 이름이 "
        "없는 서비스); 받아 온 이미지는 남김",
    ),
}


def flag_value_meaning(flag: Flag, value: str, node: Command, lang: Lang) -> str:
    pieces = split_substitutions(value)
    if len(pieces) == 1 and is_substitution(value):
        return substitution(value, lang)
    if len(pieces) <= 1:
        return _meaning(flag, value, node, lang)
    said = substitution(value, lang)
    if flag.long == "user" and re.fullmatch(r"\$\(\s*id -u\s*\)(:\$\(\s*id -g\s*\))?", value):
        return tr(
            lang,
            "your own user (and group) ID on this machine, so the container does not run "
            "as root and the files it writes to bind mounts belong to you; " + said,
            "이 컴퓨터의 내 사용자(와 그룹) ID: 컨테이너가 root가 아닌 나로 실행되어 바인드 "
            "마운트에 쓰는 파일이 내 소유가 됨; " + said,
        )
    if flag.long == "user":
        return said
    meaning = _meaning(flag, value, node, lang)
    if flag.long in ("volume", "mount") or meaning == _fallback(flag, lang):
        return meaning if flag.long in ("volume", "mount") else said
    return f"{meaning}; {said}"


def _fallback(flag: Flag, lang: Lang) -> str:
    return tr(lang, f"the value given to {flag.name}", f"{flag.name}에 주는 값")


def _meaning(flag: Flag, value: str, node: Command, lang: Lang) -> str:
    name = flag.long
    path = node.path
    if is_placeholder(value) and name not in ("publish", "volume"):
        return tr(
            lang,
            f"placeholder: replace {value} with your own value",
            f"자리 표시: {value} 자리에 실제 값을 쓰세요",
        )
    if flag.value_type is None:
        on = value.lower() in ("true", "1", "yes")
        return tr(lang, "on" if on else "off", "켜기" if on else "끄기")
    if name in ("publish", "publish-add") and "=" not in value:
        return v.explain_port(value, lang)
    if name == "expose":
        return tr(
            lang,
            f"container port {value}: documented only, not published to the host",
            f"컨테이너 포트 {value}: 표시만 하고 호스트에 공개하지는 않음",
        )
    if name == "volume":
        return v.explain_volume(value, lang)
    if name in ("mount", "mount-add"):
        return v.explain_mount(value, lang)
    if name in ("env", "env-add"):
        return v.explain_env(value, lang)
    if name == "build-arg":
        key, eq, val = value.partition("=")
        if not eq:
            return tr(
                lang,
                f"build variable {key}, value taken from your shell",
                f"빌드 변수 {key}(값은 지금 셸에서 가져옴)",
            )
        shown = "***" if v.is_secret(key, val) else val
        return tr(
            lang,
            f"build variable {key}={shown} (ARG {key} in the Dockerfile)",
            f"빌드 변수 {key}={shown} (Dockerfile의 ARG {key})",
        )
    if name in ("label", "label-add", "container-label"):
        return tr(lang, f"label {value}", f"레이블 {value}")
    if name in (
        "memory",
        "memory-reservation",
        "shm-size",
        "limit-memory",
        "reserve-memory",
        "kernel-memory",
        "keep-storage",
        "memory-swap",
    ):
        if value == "-1":
            return tr(lang, "unlimited", "무제한")
        return v.explain_size(value, lang)
    if name == "restart":
        return v.explain_restart(value, lang)
    if name in ("network", "network-add") and path != "docker image build":
        return v.explain_network(value, lang)
    if name == "filter" and path.startswith("docker buildx history") and "=" in value:
        key, _, val = value.partition("=")
        if key == "status":
            return tr(lang, f"only builds whose status is {val}", f"상태가 {val}인 빌드만")
        return tr(lang, f"only builds where {key} is {val}", f"{key}가 {val}인 빌드만")
    if name == "filter":
        return v.explain_filter(value, lang)
    if name == "host" and node.parent is None:
        return v.explain_host(value, lang)
    if name == "format":
        return v.explain_format(value, lang)
    if name == "tag" and value and (path.endswith(" build") or path in _NAMING):
        return bv.explain_new_image(value, lang)
    if name == "output" and path.endswith(" build"):
        return bv.explain_build_output(value, lang)
    if name == "call" and value in bv.BUILD_CALLS:
        return tr(lang, *bv.BUILD_CALLS[value])
    if name == "progress" and value in bv.PROGRESS:
        return tr(lang, *bv.PROGRESS[value])
    if name == "invoke":
        return tr(
            lang,
            f"start {value} inside the build container when the monitor opens",
            f"모니터가 열리면 빌드 컨테이너 안에서 {value} 실행",
        )
    if name == "annotation" and "=" in value:
        key, _, val = value.partition("=")
        where, colon, bare = key.partition(":")
        if colon and where.split("[")[0] in (
            "index",
            "manifest",
            "manifest-descriptor",
            "index-descriptor",
        ):
            return tr(
                lang,
                f"annotation {bare}={val!r} on the {where}",
                f"{where}에 annotation {bare}={val!r}",
            )
        return tr(lang, f"annotation {key}={val!r}", f"annotation {key}={val!r}")
    if name in ("log-opt", "log-opts"):
        return lv.explain_log_opt(value, lang)
    if name == "log-driver":
        return lv.explain_log_driver(value, lang)
    if name == "rmi" and value in _RMI:
        return tr(lang, *_RMI[value])
    if name in ("tag", "image") and value and not value.isdigit():
        return v.explain_image(value, lang)
    if name in v.NAMESPACE_FLAGS:
        what = v.NAMESPACE_FLAGS[name]
        if value == "host":
            return tr(
                lang,
                f"share the host's {what[0]} namespace (no isolation)",
                f"호스트의 {what[1]} 네임스페이스를 공유(격리 없음)",
            )
        if value.startswith("container:"):
            other = value.partition(":")[2]
            return tr(
                lang,
                f"share the {what[0]} namespace of container {other}",
                f"컨테이너 {other}의 {what[1]} 네임스페이스를 공유",
            )
    if name == "name" and path in (
        "docker container run",
        "docker container create",
        "docker compose run",
    ):
        return tr(
            lang,
            f"container name {value}: use it instead of the ID in later commands",
            f"컨테이너 이름 {value}: 이후 명령에서 ID 대신 이 이름을 씀",
        )
    if name == "name" and path == "docker volume create":
        return tr(
            lang,
            f"volume name {value}: containers mount it with -v {value}:/path",
            f"볼륨 이름 {value}: 컨테이너에서 -v {value}:/경로 로 마운트함",
        )
    if name == "user":
        if value.split(":")[0] in ("0", "root"):
            return tr(lang, "the root user", "root 사용자")
        return tr(lang, "user[:group] (name or numeric ID)", "사용자[:그룹](이름 또는 숫자 ID)")
    if name == "workdir":
        return tr(
            lang, f"directory {value} inside the container", f"컨테이너 안의 디렉터리 {value}"
        )
    if name == "cpus":
        return tr(lang, f"at most {value} CPU core(s)", f"CPU 코어 최대 {value}개")
    if name == "tail":
        if value == "all":
            return tr(lang, "every line", "전체 줄")
        return tr(lang, f"the last {value} lines", f"마지막 {value}줄")
    if name in ("since", "until"):
        m = re.fullmatch(r"(\d+)(s|m|h)", value)
        if m:
            unit = {"s": ("seconds", "초"), "m": ("minutes", "분"), "h": ("hours", "시간")}[m[2]]
            return tr(lang, f"{m[1]} {unit[0]} ago", f"{m[1]}{unit[1]} 전")
        return tr(lang, "timestamp or relative time (e.g. 10m)", "시각 또는 상대 시간(예: 10m)")
    if name == "platform":
        return tr(
            lang,
            "OS/CPU architecture (e.g. linux/amd64, linux/arm64)",
            "운영체제/CPU 아키텍처(예: linux/amd64, linux/arm64)",
        )
    if name in ("cap-add", "cap-drop"):
        if value.upper() == "ALL":
            return tr(lang, "every Linux capability", "모든 리눅스 capability")
        return tr(lang, f"Linux capability {value.upper()}", f"리눅스 capability {value.upper()}")
    if name == "file":
        if path == "docker compose":
            return tr(lang, f"Compose file {value}", f"Compose 파일 {value}")
        return tr(lang, f"file {value}", f"파일 {value}")
    if name in ("timeout", "time", "stop-timeout") and value.lstrip("-").isdigit():
        return tr(lang, f"{value} seconds", f"{value}초")
    if name == "entrypoint" and not value:
        return tr(
            lang,
            "empty: clear the image's ENTRYPOINT, so the words after the image (or the "
            "image's CMD) are run as they are",
            "빈 값: 이미지의 ENTRYPOINT를 지워, 이미지 뒤의 단어(또는 이미지의 CMD)를 그대로 실행",
        )
    if name == "entrypoint":
        return tr(
            lang,
            f"run {value} instead of the image's ENTRYPOINT",
            f"이미지의 ENTRYPOINT 대신 {value} 실행",
        )
    if name == "project-name":
        return tr(
            lang,
            f"project name {value} (prefix of container and network names)",
            f"프로젝트 이름 {value}(컨테이너·네트워크 이름의 앞부분)",
        )
    if name == "context" and node.parent is None:
        return tr(lang, f"context {value}", f"컨텍스트 {value}")
    return _other_value(name, value, lang) or _fallback(flag, lang)


def _other_value(name: str, value: str, lang: Lang) -> str | None:
    if name == "signal":
        sig = value.upper() if value.upper().startswith("SIG") or value.isdigit() else f"SIG{value}"
        return tr(lang, f"signal {sig.upper()}", f"시그널 {sig.upper()}")
    if name in (
        "output",
        "input",
        "compose-file",
        "env-file",
        "cidfile",
        "iidfile",
        "label-file",
        "metadata-file",
    ):
        if value == "-":
            return tr(lang, "standard input/output", "표준 입력/출력")
        return tr(lang, f"file {value}", f"파일 {value}")
    if name == "scale" and "=" in value:
        service, _, count = value.partition("=")
        return tr(
            lang,
            f"run {count} containers of service {service}",
            f"서비스 {service}의 컨테이너를 {count}개 실행",
        )
    if name in ("replicas", "last", "limit", "health-retries", "pids-limit") and value.isdigit():
        return tr(lang, f"{value}", f"{value}")
    if name in ("subnet", "ip-range"):
        return tr(lang, f"IP address range {value} (CIDR)", f"IP 주소 범위 {value}(CIDR)")
    if name in ("driver", "log-driver", "volume-driver"):
        return tr(lang, f"driver {value}", f"드라이버 {value}")
    if name == "gpus":
        return tr(
            lang,
            "every GPU" if value == "all" else f"GPUs {value}",
            "모든 GPU" if value == "all" else f"GPU {value}",
        )
    if name in ("username", "hostname", "alias", "network-alias"):
        return tr(lang, f"{name} {value}", f"{value}")
    return None
