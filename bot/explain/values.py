"""What a value means: ports (``80:80``), image names (``user/repo:tag``), volumes, KEY=VALUE ..."""

from __future__ import annotations

import re

from bot.lang import Lang
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
        return tr(
            lang,
            "image name taken from a shell variable or command",
            "셸 변수나 명령 결과로 정해지는 이미지 이름",
        )
    registry, repo, tag, digest = split_image(ref)
    bits: list[str] = []
    if registry:
        bits.append(tr(lang, f"registry {registry}", f"레지스트리 {registry}"))
    if "/" in repo:
        owner, _, name = repo.rpartition("/")
        if registry:
            bits.append(tr(lang, f"repository {repo}", f"저장소 {repo}"))
        else:
            bits.append(
                tr(
                    lang,
                    f"Docker Hub repository {name} of user/organisation {owner}",
                    f"Docker Hub 사용자/조직 {owner}의 저장소 {name}",
                )
            )
    elif registry:
        bits.append(tr(lang, f"repository {repo}", f"저장소 {repo}"))
    else:
        bits.append(
            tr(
                lang,
                f"a local image named {repo} or Docker Hub's official image library/{repo}",
                f"로컬 이미지 {repo} 또는 Docker Hub 공식 이미지 library/{repo}",
            )
        )
    if digest:
        bits.append(
            tr(lang, f"pinned to digest {digest[:19]}…", f"다이제스트 {digest[:19]}…로 고정")
        )
    if tag:
        bits.append(tr(lang, f"tag {tag}", f"태그 {tag}"))
    elif not digest:
        bits.append(
            tr(
                lang,
                "tag latest (no tag given, so docker uses latest)",
                "태그 latest(태그를 안 쓰면 latest를 씀)",
            )
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
        return tr(
            lang,
            "port mapping [ip:][host port:]container port[/protocol]",
            "포트 매핑 [IP:][호스트 포트:]컨테이너 포트[/프로토콜]",
        )
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
        return tr(lang, "the host's Docker socket", "호스트의 Docker 소켓")
    if name.endswith(".sock"):
        return tr(lang, "the host socket", "호스트 소켓")
    return None


def docker_socket_note(path: str, read_only: bool, lang: Lang) -> str:
    if path.rstrip("/").rsplit("/", 1)[-1] != "docker.sock":
        return ""
    text = tr(
        lang,
        "; it is the Docker engine's API: whoever can use it controls Docker on the host",
        "; Docker 엔진의 API라서 이것을 쓸 수 있으면 호스트의 Docker를 마음대로 다룸",
    )
    if read_only:
        text += tr(
            lang,
            " (read-only does not make the API read-only: requests still go through)",
            " (읽기 전용으로 마운트해도 API 요청은 그대로 보낼 수 있음)",
        )
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
        text = tr(
            lang,
            f"{src} (a host folder or a volume name) → {dst} in the container",
            f"{src}(호스트 폴더 또는 볼륨 이름) → 컨테이너 {dst}",
        )
    elif src is None:
        text = tr(
            lang,
            f"anonymous volume mounted at {dst} in the container",
            f"컨테이너의 {dst}에 익명 볼륨 마운트",
        )
    elif is_host_path(src) and (sock := socket_words(src, lang)):
        text = tr(
            lang,
            f"{sock} {src} → {dst} in the container (bind mount of a socket, not a folder)",
            f"{sock} {src} → 컨테이너 {dst} (폴더가 아니라 소켓을 바인드 마운트)",
        ) + docker_socket_note(src, "ro" in opts, lang)
    elif is_host_path(src):
        text = tr(
            lang,
            f"host folder {src} → {dst} in the container (bind mount)",
            f"호스트 폴더 {src} → 컨테이너 {dst} (바인드 마운트)",
        )
        here = next((w for w in ("$(pwd)", "${PWD}", "$PWD") if w in src), None)
        if here:
            text += tr(lang, f"; {here} is the current directory", f"; {here}는 현재 디렉터리")
    else:
        text = tr(
            lang,
            f"named volume {src} → {dst} in the container (kept after the container is removed)",
            f"이름 있는 볼륨 {src} → 컨테이너 {dst} (컨테이너를 지워도 남음)",
        )
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
        text = tr(
            lang,
            f"bind mount of {sock} {src} → {dst} in the container",
            f"바인드 마운트: {sock} {src} → 컨테이너 {dst}",
        ) + docker_socket_note(src, ro, lang)
    elif kind == "bind":
        text = tr(
            lang,
            f"bind mount: host {src} → {dst} in the container",
            f"바인드 마운트: 호스트 {src} → 컨테이너 {dst}",
        )
    elif kind == "tmpfs":
        text = tr(lang, f"tmpfs (memory) at {dst}", f"{dst}에 tmpfs(메모리) 마운트")
    else:
        text = tr(
            lang,
            f"{kind} {src or '(anonymous)'} → {dst} in the container",
            f"{kind} {src or '(익명)'} → 컨테이너 {dst}",
        )
    return text + (tr(lang, " [read-only]", " [읽기 전용]") if ro else "")


# -- KEY=VALUE, sizes, policies ----------------------------------------------------------
def is_secret(key: str, val: str) -> bool:
    """A non-empty value under a secret-looking name: never repeated back (answers can be
    shared to a channel). The names are those of :mod:`bot.secrets`."""
    return is_secret_assignment(key, val)


def explain_env(value: str, lang: Lang) -> str:
    key, eq, val = value.partition("=")
    if not eq:
        return tr(
            lang,
            f"variable {key}, its value copied from your shell's environment",
            f"변수 {key} (값은 지금 셸의 환경 변수에서 가져옴)",
        )
    if is_secret(key, val):
        return tr(lang, f"variable {key} set to a secret value (***)", f"변수 {key}에 비밀 값 설정")
    return tr(lang, f"variable {key} set to {val!r}", f"변수 {key}에 {val!r} 설정")


_SIZE = re.compile(r"^(\d+(?:\.\d+)?)([bkmgt]?)b?$", re.I)
_UNITS = {"": "bytes", "b": "bytes", "k": "KiB", "m": "MiB", "g": "GiB", "t": "TiB"}


def is_size(value: str) -> bool:
    return _SIZE.match(value) is not None


def explain_size(value: str, lang: Lang) -> str:
    m = _SIZE.match(value)
    if not m:
        return tr(lang, "size (number with b, k, m or g)", "크기(숫자 + b, k, m, g 단위)")
    amount = f"{m[1]} {_UNITS[m[2].lower()]}"
    return tr(lang, f"{amount}", f"{amount}")


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
        return tr(lang, "restart policy", "재시작 정책")
    out = tr(lang, *text)
    if count:
        out += tr(lang, f", at most {count} times", f", 최대 {count}번")
    return out


def explain_network(value: str, lang: Lang) -> str:
    if value in NETWORK:
        return tr(lang, *NETWORK[value])
    if value.startswith("container:"):
        name = value.partition(":")[2]
        return tr(
            lang, f"share the network of container {name}", f"컨테이너 {name}의 네트워크를 공유"
        )
    return tr(
        lang,
        f"user-defined network {value} (containers on it reach each other by name)",
        f"사용자 정의 네트워크 {value}(같은 네트워크의 컨테이너끼리 이름으로 통신)",
    )


def explain_filter(value: str, lang: Lang) -> str:
    key, eq, val = value.partition("=")
    what = FILTER_KEYS.get(key)
    if not eq or what is None:
        return tr(lang, f"filter {value}", f"필터 {value}")
    return tr(lang, what[0].format(v=val), what[1].format(v=val))


def explain_host(value: str, lang: Lang) -> str:
    if value.startswith("ssh://"):
        return tr(
            lang, "a remote Docker engine reached over SSH", "SSH로 접속하는 원격 Docker 엔진"
        )
    if value.startswith("unix://") or value.startswith("npipe://"):
        return tr(lang, "a local Docker engine socket", "로컬 Docker 엔진 소켓")
    if value.startswith("tcp://"):
        return tr(lang, "a remote Docker engine over TCP", "TCP로 접속하는 원격 Docker 엔진")
    return tr(lang, "Docker engine address", "Docker 엔진 주소")


def explain_format(value: str, lang: Lang) -> str:
    if value == "json":
        return tr(lang, "print JSON", "JSON으로 출력")
    if value.startswith("table"):
        return tr(
            lang, "a table with the columns given by the Go template", "Go 템플릿으로 고른 열의 표"
        )
    if "{{" in value:
        return tr(
            lang,
            "Go template: {{.Field}} prints a field of each item",
            "Go 템플릿: {{.필드}}로 항목의 필드를 출력",
        )
    return tr(lang, "output format", "출력 형식")

