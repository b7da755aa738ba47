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
    shown,
)
from bot.lang import Lang


def privileged(p: ParsedCommand, lang: Lang) -> list[Risk]:
    return [
        make(
            shown(i),
            "danger",
            lang,
            (
                "--privileged gives the container every device and kernel capability of the host; "
                "a process inside can take over the whole machine.",
                "--privileged는 호스트의 모든 장치와 커널 권한을 컨테이너에 줍니다. 컨테이너 안의 "
                "프로세스가 호스트 전체를 장악할 수 있습니다.",
            ),
            (
                "Grant only what is needed: --cap-add <ONE_CAPABILITY> or --device /dev/<device>.",
                "필요한 것만 주세요: --cap-add <필요한_권한> 또는 --device /dev/<장치>.",
            ),
        )
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
            out.append(
                make(
                    shown(i),
                    "danger",
                    lang,
                    (
                        "Mounting the Docker socket lets the container control Docker on the host, "
                        "which equals root access to the host.",
                        "Docker 소켓을 마운트하면 컨테이너가 호스트의 Docker를 조종할 수 있어 "
                        "호스트 root 권한과 같습니다.",
                    ),
                    (
                        "Avoid it; if a tool really needs the API, use a socket proxy that allows "
                        "only the read-only calls it needs, and mount it :ro.",
                        "피하세요. 꼭 API가 필요하면 필요한 읽기 호출만 허용하는 "
                        "소켓 프록시를 쓰고 "
                        ":ro로 마운트하세요.",
                    ),
                )
            )
        elif src == "/":
            out.append(
                make(
                    shown(i),
                    "danger",
                    lang,
                    (
                        "This mounts the host's whole root filesystem into the container; "
                        "anything inside can read or change every file on the host.",
                        "호스트의 루트 파일 시스템 전체를 컨테이너에 마운트합니다. 컨테이너 안에서 "
                        "호스트의 모든 파일을 읽고 바꿀 수 있습니다.",
                    ),
                    (
                        "Mount only the folder you need, read-only if possible: "
                        "-v /path/you/need:/data:ro.",
                        "필요한 폴더만, 가능하면 읽기 전용으로 마운트하세요: "
                        "-v /필요한/경로:/data:ro.",
                    ),
                )
            )
        elif any(src == d or src.startswith(d + "/") for d in SENSITIVE_DIRS):
            out.append(
                make(
                    shown(i),
                    "warn",
                    lang,
                    (
                        f"{src} is a system directory of the host; the container can change it.",
                        f"{src}는 호스트의 시스템 디렉터리입니다. 컨테이너가 바꿀 수 있습니다.",
                    ),
                    (
                        "Mount it read-only (add :ro) or copy just the file you need.",
                        "읽기 전용(:ro)으로 마운트하거나 필요한 파일만 복사하세요.",
                    ),
                )
            )
    for i in flags_named(p, "use-api-socket"):
        out.append(
            make(
                i.text,
                "danger",
                lang,
                (
                    "--use-api-socket mounts the Docker API socket with your credentials: "
                    "the container can control Docker on the host.",
                    "--use-api-socket은 인증 정보와 함께 Docker API 소켓을 마운트합니다. "
                    "컨테이너가 "
                    "호스트의 Docker를 조종할 수 있습니다.",
                ),
                (
                    "Use it only for trusted tools that must drive Docker.",
                    "Docker를 꼭 다뤄야 하는 믿을 수 있는 도구에만 쓰세요.",
                ),
            )
        )
    return out


def namespaces(p: ParsedCommand, lang: Lang) -> list[Risk]:
    out: list[Risk] = []
    for i in flags_named(p, "pid", "ipc", "uts", "userns", "cgroupns"):
        if i.value != "host" or i.flag is None:
            continue
        pid = i.flag.long == "pid"
        level: RiskLevel = "danger" if pid else "warn"
        why_en = (
            "it sees and can signal every host process" if pid else "it shares it with the host"
        )
        why_ko = "호스트의 모든 프로세스를 보고 시그널을 보낼 수 있음" if pid else "호스트와 공유"
        out.append(
            make(
                shown(i),
                level,
                lang,
                (
                    f"--{i.flag.long}=host removes the container's isolation from the host "
                    f"({why_en}).",
                    f"--{i.flag.long}=host는 호스트와의 격리를 없앱니다({why_ko}).",
                ),
                (
                    "Leave it out; to debug another container use --pid=container:<name>.",
                    "빼세요. 다른 컨테이너를 디버깅하려면 --pid=container:<이름>을 쓰세요.",
                ),
            )
        )
    return out


def host_network(p: ParsedCommand, lang: Lang) -> list[Risk]:
    return [
        make(
            shown(i),
            "warn",
            lang,
            (
                "--network host drops network isolation: every port the container opens is open on "
                "the host, and -p is ignored.",
                "--network host는 네트워크 격리를 없앱니다. 컨테이너가 여는 모든 포트가 호스트에서 "
                "열리고 -p는 무시됩니다.",
            ),
            (
                "Publish only the ports you need: -p 127.0.0.1:8080:80 on the default "
                "or a user-defined network.",
                "필요한 포트만 공개하세요: 기본 또는 사용자 정의 네트워크에서 "
                "-p 127.0.0.1:8080:80.",
            ),
        )
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
        out.append(
            make(
                shown(i),
                level,
                lang,
                (
                    f"--cap-add gives the container extra kernel privileges ({names})"
                    + ("; these are close to full root on the host." if bad else "."),
                    f"--cap-add는 컨테이너에 커널 권한을 더 줍니다({names})"
                    + ("; 호스트 root에 가까운 권한입니다." if bad else "."),
                ),
                (
                    "Add only the single capability the program needs, and drop the rest: "
                    "--cap-drop ALL --cap-add <NEEDED>.",
                    "프로그램에 필요한 권한 하나만 추가하고 나머지는 빼세요: "
                    "--cap-drop ALL --cap-add <필요한_권한>.",
                ),
            )
        )
    for i in flags_named(p, "security-opt"):
        if re.search(r"(seccomp|apparmor)[=:]unconfined|label[=:]disable", i.value or ""):
            out.append(
                make(
                    shown(i),
                    "danger",
                    lang,
                    (
                        "This turns off a kernel security profile that limits what the container "
                        "may do.",
                        "컨테이너가 할 수 있는 일을 제한하는 커널 보안 프로필을 끕니다.",
                    ),
                    (
                        "Keep the default profile; if one call is blocked, write a custom profile "
                        "that allows just that call.",
                        "기본 프로필을 유지하고, 막힌 호출이 있으면 그것만 허용하는 "
                        "프로필을 만드세요.",
                    ),
                )
            )
    for i in flags_named(p, "device"):
        out.append(
            make(
                shown(i),
                "warn",
                lang,
                (
                    "--device gives the container direct access to a host device.",
                    "--device는 컨테이너에 호스트 장치 직접 접근을 줍니다.",
                ),
                (
                    "Pass only that device, read-only if possible (:r).",
                    "그 장치만, 가능하면 읽기 전용(:r)으로 넘기세요.",
                ),
            )
        )
    return out
