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
from bot.phrases import phrase

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
    return phrase("explain.flag_values.the_value_given_to", lang, flag_name=flag.name)


def _meaning(flag: Flag, value: str, node: Command, lang: Lang) -> str:
    name = flag.long
    path = node.path
    if is_placeholder(value) and name not in ("publish", "volume"):
        return phrase("explain.flag_values.placeholder_replace_with_your_own", lang, value=value)
    if flag.value_type is None:
        on = value.lower() in ("true", "1", "yes")
        return tr(lang, "on" if on else "off", "켜기" if on else "끄기")
    if name in ("publish", "publish-add") and "=" not in value:
        return v.explain_port(value, lang)
    if name == "expose":
        return phrase("explain.flag_values.container_port_documented_only_not", lang, value=value)
    if name == "volume":
        return v.explain_volume(value, lang)
    if name in ("mount", "mount-add"):
        return v.explain_mount(value, lang)
    if name in ("env", "env-add"):
        return v.explain_env(value, lang)
    if name == "build-arg":
        key, eq, val = value.partition("=")
        if not eq:
            return phrase("explain.flag_values.build_variable_value_taken_from", lang, key=key)
        shown = "***" if v.is_secret(key, val) else val
        return phrase("explain.flag_values.build_variable_arg_in_the", lang, key=key, shown=shown)
    if name in ("label", "label-add", "container-label"):
        return phrase("explain.flag_values.label", lang, value=value)
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
            return phrase("explain.flag_values.unlimited", lang)
        return v.explain_size(value, lang)
    if name == "restart":
        return v.explain_restart(value, lang)
    if name in ("network", "network-add") and path != "docker image build":
        return v.explain_network(value, lang)
    if name == "filter" and path.startswith("docker buildx history") and "=" in value:
        key, _, val = value.partition("=")
        if key == "status":
            return phrase("explain.flag_values.only_builds_whose_status_is", lang, val=val)
        return phrase("explain.flag_values.only_builds_where_is", lang, key=key, val=val)
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
        return phrase("explain.flag_values.start_inside_the_build_container", lang, value=value)
    if name == "annotation" and "=" in value:
        key, _, val = value.partition("=")
        where, colon, bare = key.partition(":")
        if colon and where.split("[")[0] in (
            "index",
            "manifest",
            "manifest-descriptor",
            "index-descriptor",
        ):
            return phrase(
                "explain.flag_values.annotation_on_the", lang, bare=bare, val=val, where=where,
            )
        return phrase("explain.flag_values.annotation", lang, key=key, val=val)
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
        return phrase("explain.flag_values.container_name_use_it_instead", lang, value=value)
    if name == "name" and path == "docker volume create":
        return phrase("explain.flag_values.volume_name_containers_mount_it", lang, value=value)
    if name == "user":
        if value.split(":")[0] in ("0", "root"):
            return phrase("explain.flag_values.the_root_user", lang)
        return phrase("explain.flag_values.user_group_name_or_numeric", lang)
    if name == "workdir":
        return phrase("explain.flag_values.directory_inside_the_container", lang, value=value)
    if name == "cpus":
        return phrase("explain.flag_values.at_most_cpu_core_s", lang, value=value)
    if name == "tail":
        if value == "all":
            return phrase("explain.flag_values.every_line", lang)
        return phrase("explain.flag_values.the_last_lines", lang, value=value)
    if name in ("since", "until"):
        m = re.fullmatch(r"(\d+)(s|m|h)", value)
        if m:
            unit = {"s": ("seconds", "초"), "m": ("minutes", "분"), "h": ("hours", "시간")}[m[2]]
            return tr(lang, f"{m[1]} {unit[0]} ago", f"{m[1]}{unit[1]} 전")
        return phrase("explain.flag_values.timestamp_or_relative_time_e", lang)
    if name == "platform":
        return phrase("explain.flag_values.os_cpu_architecture_e_g", lang)
    if name in ("cap-add", "cap-drop"):
        if value.upper() == "ALL":
            return phrase("explain.flag_values.every_linux_capability", lang)
        return tr(lang, f"Linux capability {value.upper()}", f"리눅스 capability {value.upper()}")
    if name == "file":
        if path == "docker compose":
            return phrase("explain.flag_values.compose_file", lang, value=value)
        return phrase("explain.flag_values.file", lang, value=value)
    if name in ("timeout", "time", "stop-timeout") and value.lstrip("-").isdigit():
        return phrase("explain.flag_values.seconds", lang, value=value)
    if name == "entrypoint" and not value:
        return phrase("explain.flag_values.empty_clear_the_image_s", lang)
    if name == "entrypoint":
        return phrase("explain.flag_values.run_instead_of_the_image", lang, value=value)
    if name == "project-name":
        return phrase("explain.flag_values.project_name_prefix_of_container", lang, value=value)
    if name == "context" and node.parent is None:
        return phrase("explain.flag_values.context", lang, value=value)
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
            return phrase("explain.flag_values.standard_input_output", lang)
        return phrase("explain.flag_values.file", lang, value=value)
    if name == "scale" and "=" in value:
        service, _, count = value.partition("=")
        return phrase(
            "explain.flag_values.run_containers_of_service", lang, count=count, service=service,
        )
    if name in ("replicas", "last", "limit", "health-retries", "pids-limit") and value.isdigit():
        return phrase("explain.flag_values.text", lang, value=value)
    if name in ("subnet", "ip-range"):
        return phrase("explain.flag_values.ip_address_range_cidr", lang, value=value)
    if name in ("driver", "log-driver", "volume-driver"):
        return phrase("explain.flag_values.driver", lang, value=value)
    if name == "gpus":
        return tr(
            lang,
            "every GPU" if value == "all" else f"GPUs {value}",
            "모든 GPU" if value == "all" else f"GPU {value}",
        )
    if name in ("username", "hostname", "alias", "network-alias"):
        return tr(lang, f"{name} {value}", f"{value}")
    return None
