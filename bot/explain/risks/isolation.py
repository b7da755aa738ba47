"""Flags that weaken the wall between a container and its host."""

from __future__ import annotations

import re

from bot.explain import values as v
from bot.explain.model import Risk, RiskLevel
from bot.explain.parser import Item, ParsedCommand
from bot.explain.risks.rule import (
    DANGEROUS_CAPS,
    RUN_LIKE,
    SENSITIVE_DIRS,
    flags_named,
    make,
    said,
    shown,
)
from bot.lang import Lang


def privileged(p: ParsedCommand, lang: Lang) -> list[Risk]:
    return [
        make(shown(i), "danger", lang, "privileged")
        for i in flags_named(p, "privileged")
        if i.value in (None, "true")
    ]


def _mount_source(item: Item) -> str | None:
    value = item.value or ""
    if item.flag is not None and item.flag.long in ("mount", "mount-add"):
        f = v.mount_fields(value)
        return f.get("source") or f.get("src")
    src, _dst, _opts = v.split_volume(value)
    return src


def host_mounts(p: ParsedCommand, lang: Lang) -> list[Risk]:
    out: list[Risk] = []
    for i in flags_named(p, "volume", "mount", "mount-add"):
        src = (_mount_source(i) or "").rstrip("/") or ("/" if _mount_source(i) else "")
        if not src:
            continue
        if src.endswith("docker.sock"):
            out.append(make(shown(i), "danger", lang, "docker_socket"))
        elif src == "/":
            out.append(make(shown(i), "danger", lang, "host_root"))
        elif any(src == d or src.startswith(d + "/") for d in SENSITIVE_DIRS):
            out.append(make(shown(i), "warn", lang, "system_dir", src=src))
    for i in flags_named(p, "use-api-socket"):
        out.append(make(i.text, "danger", lang, "api_socket"))
    return out


def namespaces(p: ParsedCommand, lang: Lang) -> list[Risk]:
    out: list[Risk] = []
    for i in flags_named(p, "pid", "ipc", "uts", "userns", "cgroupns"):
        if i.value != "host" or i.flag is None:
            continue
        pid = i.flag.long == "pid"
        level: RiskLevel = "danger" if pid else "warn"
        why = said("namespace.why_pid" if pid else "namespace.why_shared", lang)
        out.append(make(shown(i), level, lang, "namespace", flag=i.flag.long, why=why))
    return out


def host_network(p: ParsedCommand, lang: Lang) -> list[Risk]:
    return [
        make(shown(i), "warn", lang, "host_network")
        for i in flags_named(p, "network")
        if i.value == "host"
        and p.node is not None
        and p.node.path in (*RUN_LIKE, "docker container create")
    ]


def capabilities(p: ParsedCommand, lang: Lang) -> list[Risk]:
    out: list[Risk] = []
    for i in flags_named(p, "cap-add"):
        caps = {c.strip().upper().removeprefix("CAP_") for c in (i.value or "").split(",")}
        bad = caps & DANGEROUS_CAPS
        names = ", ".join(sorted(caps))
        level: RiskLevel = "danger" if bad else "warn"
        out.append(make(shown(i), level, lang, "cap_add", "dangerous" if bad else "",
                        names=names))
    for i in flags_named(p, "security-opt"):
        if re.search(r"(seccomp|apparmor)[=:]unconfined|label[=:]disable", i.value or ""):
            out.append(make(shown(i), "danger", lang, "security_profile"))
    for i in flags_named(p, "device"):
        out.append(make(shown(i), "warn", lang, "device"))
    return out
