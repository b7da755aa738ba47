"""What a value means: ports (``80:80``), image names (``user/repo:tag``), volumes, KEY=VALUE ..."""

from __future__ import annotations

import re

from bot.lang import Lang
from bot.phrases import phrase
from bot.secrets import is_secret_assignment


def tr(lang: Lang, en: str, ko: str) -> str:
    return ko if lang == "ko" else en


# -- images ------------------------------------------------------------------------------
_DIGEST = re.compile(r"^(?P<name>[^@]+)@(?P<digest>[\w+.-]+:[0-9a-fA-F]{8,})$")


def split_image(ref: str) -> tuple[str | None, str, str | None, str | None]:
    """``registry``, ``repository``, ``tag``, ``digest`` of an image reference."""
    digest = None
    m = _DIGEST.match(ref)
    if m:
        ref, digest = m["name"], m["digest"]
    registry = None
    first, slash, rest = ref.partition("/")
    if slash and ("." in first or ":" in first or first == "localhost"):
        registry, ref = first, rest
    repo, colon, tag = ref.rpartition(":")
    if not colon or "/" in tag:
        repo, tag = ref, ""
    return registry, repo, tag or None, digest


def explain_image(ref: str, lang: Lang) -> str:
    if ref.startswith("$") or "`" in ref:
        return phrase("explain.values.image_name_taken_from_a", lang)
    registry, repo, tag, digest = split_image(ref)
    bits: list[str] = []
    if registry:
        bits.append(phrase("explain.values.registry", lang, registry=registry))
    if "/" in repo:
        owner, _, name = repo.rpartition("/")
        if registry:
            bits.append(phrase("explain.values.repository", lang, repo=repo))
        else:
            bits.append(
                phrase("explain.values.docker_hub_repository_of_user", lang, name=name, owner=owner)
            )
    elif registry:
        bits.append(phrase("explain.values.repository", lang, repo=repo))
    else:
        bits.append(
            phrase("explain.values.a_local_image_named_or", lang, repo=repo)
        )
    if digest:
        bits.append(
            tr(lang, f"pinned to digest {digest[:19]}…", f"다이제스트 {digest[:19]}…로 고정")
        )
    if tag:
        bits.append(phrase("explain.values.tag", lang, tag=tag))
    elif not digest:
        bits.append(
            phrase("explain.values.tag_latest_no_tag_given", lang)
        )
    return ", ".join(bits)


# -- ports -------------------------------------------------------------------------------
_PORT_NUM = re.compile(r"^\d+(?:-\d+)?$")


def parse_port(value: str) -> tuple[str | None, str | None, str, str] | None:
    """``(ip, host port, container port, protocol)`` of a ``-p`` value, or None."""
    rest, _, proto = value.partition("/")
    if proto and proto not in ("tcp", "udp", "sctp"):
        return None
    ip: str | None = None
    if rest.startswith("["):  # [::1]:8080:80
        end = rest.find("]")
        if end < 0:
            return None
        ip, rest = rest[: end + 1], rest[end + 2 :]
    pieces = rest.split(":")
    if ip is None and len(pieces) > 3:  # bare IPv6 address
        ip, pieces = ":".join(pieces[:-2]), pieces[-2:]
    elif ip is None and len(pieces) == 3:
        ip, pieces = pieces[0], pieces[1:]
    container = pieces[-1]
    host = pieces[0] if len(pieces) == 2 else None
    if not _PORT_NUM.match(container) or (host and not _PORT_NUM.match(host)):
        return None
    return ip or None, host or None, container, proto or "tcp"


def explain_port(value: str, lang: Lang) -> str:
    parsed = parse_port(value)
    if parsed is None:
        pieces = value.split(":")
        if len(pieces) == 2 and all(pieces):
            return tr(
                lang,
                f"host port {pieces[0]} → container port {pieces[1]}",
                f"호스트 포트 {pieces[0]} → 컨테이너 포트 {pieces[1]}",
            )
        return phrase("explain.values.port_mapping_ip_host_port", lang)
    ip, host, container, proto = parsed
    proto_txt = "" if proto == "tcp" else f"/{proto}"
    if host:
        en = f"host port {host} → container port {container}{proto_txt}"
        ko = f"호스트 포트 {host} → 컨테이너 포트 {container}{proto_txt}"
    else:
        en = f"container port {container}{proto_txt} on a random free host port"
        ko = f"컨테이너 포트 {container}{proto_txt}를 호스트의 임의 빈 포트에 연결"
    if ip in (None, "0.0.0.0", "::", "[::]"):
        en += " (on every network interface of the host)"
        ko += " (호스트의 모든 네트워크 인터페이스에 열림)"
    elif ip in ("127.0.0.1", "localhost", "[::1]", "::1") or (ip or "").startswith("127."):
        en += f" (only from this machine: {ip})"
        ko += f" (이 컴퓨터에서만 접속 가능: {ip})"
    else:
        en += f" (only on the host address {ip})"
        ko += f" (호스트 주소 {ip}에서만)"
    return tr(lang, en, ko)


# -- volumes, mounts ---------------------------------------------------------------------
VOLUME_OPTIONS = {
    "ro": ("read-only", "읽기 전용"),
    "rw": ("read-write", "읽기/쓰기"),
    "z": ("shared SELinux label", "SELinux 공유 레이블"),
    "Z": ("private SELinux label", "SELinux 전용 레이블"),
    "cached": ("cached (macOS)", "cached(macOS)"),
    "delegated": ("delegated (macOS)", "delegated(macOS)"),
    "consistent": ("consistent", "consistent"),
    "nocopy": ("do not copy image data into the volume", "이미지 데이터를 볼륨에 복사하지 않음"),
}


def is_host_path(src: str) -> bool:
    return src.startswith(("/", ".", "~", "$", "`")) or bool(re.match(r"^[A-Za-z]:[\\/]", src))


def socket_words(path: str, lang: Lang) -> str | None:
    """What a host socket is (the Docker engine's own socket, another socket), or None."""
    name = path.rstrip("/").rsplit("/", 1)[-1]
    if name == "docker.sock":
        return phrase("explain.values.the_host_s_docker_socket", lang)
    if name.endswith(".sock"):
        return phrase("explain.values.the_host_socket", lang)
    return None


def docker_socket_note(path: str, read_only: bool, lang: Lang) -> str:
    if path.rstrip("/").rsplit("/", 1)[-1] != "docker.sock":
        return ""
    text = phrase("explain.values.it_is_the_docker_engine", lang)
    if read_only:
        text += phrase("explain.values.read_only_does_not_make", lang)
    return text


def split_volume(value: str) -> tuple[str | None, str, list[str]]:
    """``(source, container path, options)`` of a ``-v`` value."""
    drive = re.match(r"^([A-Za-z]:[\\/][^:]*)(:.*)?$", value)
    if drive:
        head, tail = drive.group(1), (drive.group(2) or "")[1:]
        parts = [head, *tail.split(":")] if tail else [head]
    else:
        parts = value.split(":")
    if len(parts) == 1:
        return None, parts[0], []
    return parts[0], parts[1], [o for p in parts[2:] for o in p.split(",") if o]


def explain_volume(value: str, lang: Lang) -> str:
    src, dst, opts = split_volume(value)
    if src is not None and src.startswith("<"):
        text = phrase("explain.values.a_host_folder_or_a", lang, src=src, dst=dst)
    elif src is None:
        text = phrase("explain.values.anonymous_volume_mounted_at_in", lang, dst=dst)
    elif is_host_path(src) and (sock := socket_words(src, lang)):
        text = phrase(
            "explain.values.in_the_container_bind_mount", lang, sock=sock, src=src, dst=dst,
        ) + docker_socket_note(src, "ro" in opts, lang)
    elif is_host_path(src):
        text = phrase("explain.values.host_folder_in_the_container", lang, src=src, dst=dst)
        here = next((w for w in ("$(pwd)", "${PWD}", "$PWD") if w in src), None)
        if here:
            text += phrase("explain.values.is_the_current_directory", lang, here=here)
    else:
        text = phrase("explain.values.named_volume_in_the_container", lang, src=src, dst=dst)
    names = [
        VOLUME_OPTIONS[o][1 if lang == "ko" else 0] if o in VOLUME_OPTIONS else o for o in opts
    ]
    if names:
        text += f" [{', '.join(names)}]"
    return text


def mount_fields(value: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in value.split(","):
        key, eq, val = part.partition("=")
        out[key.strip().lower()] = val.strip() if eq else "true"
    return out


def explain_mount(value: str, lang: Lang) -> str:
    f = mount_fields(value)
    kind = f.get("type", "volume")
    src = f.get("source") or f.get("src") or ""
    dst = f.get("target") or f.get("destination") or f.get("dst") or "?"
    ro = any(k in f for k in ("readonly", "ro")) and f.get("readonly", f.get("ro")) != "false"
    if kind == "bind" and (sock := socket_words(src, lang)):
        text = phrase(
            "explain.values.bind_mount_of_in_the", lang, sock=sock, src=src, dst=dst,
        ) + docker_socket_note(src, ro, lang)
    elif kind == "bind":
        text = phrase("explain.values.bind_mount_host_in_the", lang, src=src, dst=dst)
    elif kind == "tmpfs":
        text = phrase("explain.values.tmpfs_memory_at", lang, dst=dst)
    else:
        text = tr(
            lang,
            f"{kind} {src or '(anonymous)'} → {dst} in the container",
            f"{kind} {src or '(익명)'} → 컨테이너 {dst}",
        )
    return text + (phrase("explain.values.read_only", lang) if ro else "")


# -- KEY=VALUE, sizes, policies ----------------------------------------------------------
def is_secret(key: str, val: str) -> bool:
    """A non-empty value under a secret-looking name: never repeated back (answers can be
    shared to a channel). The names are those of :mod:`bot.secrets`."""
    return is_secret_assignment(key, val)


def explain_env(value: str, lang: Lang) -> str:
    key, eq, val = value.partition("=")
    if not eq:
        return phrase("explain.values.variable_its_value_copied_from", lang, key=key)
    if is_secret(key, val):
        return phrase("explain.values.variable_set_to_a_secret", lang, key=key)
    return phrase("explain.values.variable_set_to", lang, key=key, val=val)


_SIZE = re.compile(r"^(\d+(?:\.\d+)?)([bkmgt]?)b?$", re.I)
_UNITS = {"": "bytes", "b": "bytes", "k": "KiB", "m": "MiB", "g": "GiB", "t": "TiB"}


def is_size(value: str) -> bool:
    return _SIZE.match(value) is not None


def explain_size(value: str, lang: Lang) -> str:
    m = _SIZE.match(value)
    if not m:
        return phrase("explain.values.size_number_with_b_k", lang)
    amount = f"{m[1]} {_UNITS[m[2].lower()]}"
    return phrase("explain.values.text", lang, amount=amount)


RESTART = {
    "no": ("never restart (default)", "재시작하지 않음(기본값)"),
    "always": (
        "always restart, also when the docker daemon starts",
        "항상 재시작(Docker 데몬이 시작될 때도)",
    ),
    "unless-stopped": (
        "restart unless you stopped it yourself",
        "직접 멈춘 경우가 아니면 항상 재시작",
    ),
    "on-failure": (
        "restart only when it exits with an error (non-zero code)",
        "오류(0이 아닌 종료 코드)로 끝났을 때만 재시작",
    ),
}
NETWORK = {
    "bridge": ("the default bridge network", "기본 bridge 네트워크"),
    "host": (
        "the host's own network stack (no isolation, -p is ignored)",
        "호스트의 네트워크를 그대로 사용(격리 없음, -p 무시됨)",
    ),
    "none": ("no network at all", "네트워크 없음"),
}
# filter key -> (English, Korean) with {v} for the value
FILTER_KEYS = {
    "status": ("only containers whose state is {v}", "상태가 {v}인 컨테이너만"),
    "name": ("only names containing {v}", "이름에 {v}가 들어간 것만"),
    "label": ("only those with the label {v}", "레이블 {v}가 있는 것만"),
    "dangling": ("only untagged (<none>) images: {v}", "태그 없는(<none>) 이미지만: {v}"),
    "until": ("only those older than {v}", "{v}보다 오래된 것만"),
    "ancestor": ("only containers made from image {v}", "이미지 {v}로 만든 컨테이너만"),
    "exited": ("only containers that exited with code {v}", "종료 코드가 {v}인 컨테이너만"),
    "health": ("only containers whose health is {v}", "헬스 상태가 {v}인 컨테이너만"),
    "reference": ("only images whose name matches {v}", "이름이 {v}에 맞는 이미지만"),
    "before": ("only those created before {v}", "{v}보다 먼저 만든 것만"),
    "since": ("only those created after {v}", "{v} 뒤에 만든 것만"),
    "driver": ("only driver {v}", "드라이버가 {v}인 것만"),
    "id": ("only ID {v}", "ID가 {v}인 것만"),
    "network": ("only containers on network {v}", "네트워크 {v}에 연결된 컨테이너만"),
    "volume": ("only containers using volume {v}", "볼륨 {v}를 쓰는 컨테이너만"),
    "publish": ("only containers publishing port {v}", "포트 {v}를 공개한 컨테이너만"),
    "expose": ("only containers exposing port {v}", "포트 {v}를 노출한 컨테이너만"),
}
NAMESPACE_FLAGS = {
    "pid": ("processes", "프로세스"),
    "ipc": ("IPC", "IPC"),
    "uts": ("hostname", "호스트 이름"),
    "userns": ("users", "사용자"),
    "cgroupns": ("cgroups", "cgroup"),
}


def explain_restart(value: str, lang: Lang) -> str:
    policy, _, count = value.partition(":")
    text = RESTART.get(policy)
    if text is None:
        return phrase("explain.values.restart_policy", lang)
    out = tr(lang, *text)
    if count:
        out += phrase("explain.values.at_most_times", lang, count=count)
    return out


def explain_network(value: str, lang: Lang) -> str:
    if value in NETWORK:
        return tr(lang, *NETWORK[value])
    if value.startswith("container:"):
        name = value.partition(":")[2]
        return phrase("explain.values.share_the_network_of_container", lang, name=name)
    return phrase("explain.values.user_defined_network_containers_on", lang, value=value)


def explain_filter(value: str, lang: Lang) -> str:
    key, eq, val = value.partition("=")
    what = FILTER_KEYS.get(key)
    if not eq or what is None:
        return phrase("explain.values.filter", lang, value=value)
    return tr(lang, what[0].format(v=val), what[1].format(v=val))


def explain_host(value: str, lang: Lang) -> str:
    if value.startswith("ssh://"):
        return phrase("explain.values.a_remote_docker_engine_reached", lang)
    if value.startswith("unix://") or value.startswith("npipe://"):
        return phrase("explain.values.a_local_docker_engine_socket", lang)
    if value.startswith("tcp://"):
        return phrase("explain.values.a_remote_docker_engine_over", lang)
    return phrase("explain.values.docker_engine_address", lang)


def explain_format(value: str, lang: Lang) -> str:
    if value == "json":
        return phrase("explain.values.print_json", lang)
    if value.startswith("table"):
        return phrase("explain.values.a_table_with_the_columns", lang)
    if "{{" in value:
        return phrase("explain.values.go_template_prints_a_field", lang)
    return phrase("explain.values.output_format", lang)

