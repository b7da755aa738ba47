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
from bot.lang import Lang
from bot.phrases import Pair, phrase, table_pair, table_phrase

# Commands whose --tag names the image they make, rather than one that exists.
_NAMING = frozenset({"docker buildx imagetools create"})


def flag_value_meaning(flag: Flag, value: str, node: Command, lang: Lang) -> str:
    pieces = split_substitutions(value)
    if len(pieces) == 1 and is_substitution(value):
        return substitution(value, lang)
    if len(pieces) <= 1:
        return _meaning(flag, value, node, lang)
    said = substitution(value, lang)
    if flag.long == "user" and re.fullmatch(r"\$\(\s*id -u\s*\)(:\$\(\s*id -g\s*\))?", value):
        return phrase("explain.flag_values.your_own_user_and_group_id", lang, said=said)
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
        state = Pair("on", "켜기") if on else Pair("off", "끄기")
        return phrase("explain.flag_values.on_off", lang, state=state)
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
    if name == "call" and (call := table_phrase("build_calls", value, lang)) is not None:
        return call
    if name == "progress" and (mode := table_phrase("progress", value, lang)) is not None:
        return mode
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
    if name == "rmi" and (rmi := table_phrase("rmi", value, lang)) is not None:
        return rmi
    if name in ("tag", "image") and value and not value.isdigit():
        return v.explain_image(value, lang)
    if (what := table_pair("namespaces", name)) is not None:
        if value == "host":
            return phrase("explain.flag_values.share_the_host_namespace", lang, what=what)
        if value.startswith("container:"):
            other = value.partition(":")[2]
            return phrase(
                "explain.flag_values.share_the_namespace_of_container", lang,
                what=what, other=other,
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
            return phrase("explain.flag_values.time_ago", lang, n=m[1], unit=Pair(*unit))
        return phrase("explain.flag_values.timestamp_or_relative_time_e", lang)
    if name == "platform":
        return phrase("explain.flag_values.os_cpu_architecture_e_g", lang)
    if name in ("cap-add", "cap-drop"):
        if value.upper() == "ALL":
            return phrase("explain.flag_values.every_linux_capability", lang)
        return phrase("explain.flag_values.linux_capability", lang, cap=value.upper())
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
        return phrase("explain.flag_values.signal", lang, sig=sig.upper())
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
        if value == "all":
            return phrase("explain.flag_values.every_gpu", lang)
        return phrase("explain.flag_values.gpus", lang, value=value)
    if name in ("username", "hostname", "alias", "network-alias"):
        # English says which name it is; Korean shows the value alone.
        named = Pair(f"{name} ", "")
        return phrase("explain.flag_values.named_value", lang, name=named, value=value)
    return None
