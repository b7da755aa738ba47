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


def explain_new_image(ref: str, lang: Lang, same_image: bool = False) -> str:
    """``-t myapp:1.0`` on a build: the name the new image gets (nothing is looked up)."""
    if ref.startswith("$") or "`" in ref:
        return tr(
            lang,
            "name for the new image, taken from a shell variable or command",
            "새 이미지에 붙일 이름(셸 변수나 명령 결과로 정해짐)",
        )
    registry, repo, tag, _digest = split_image(ref)
    tag_en = f"tag {tag}" if tag else "tag latest (no tag given)"
    tag_ko = f"태그 {tag}" if tag else "태그 latest(태그를 안 씀)"
    if registry:
        where_en = f"; `docker push {ref}` would upload it to the registry {registry}"
        where_ko = f"; `docker push {ref}`로 레지스트리 {registry}에 올릴 수 있음"
    elif "/" in repo:
        owner = repo.rpartition("/")[0]
        where_en = f"; `docker push {ref}` would upload it to Docker Hub under {owner}"
        where_ko = f"; `docker push {ref}`로 Docker Hub의 {owner} 아래에 올릴 수 있음"
    else:
        where_en = (
            " (a local name: to push it, add a registry or Docker Hub user, e.g. you/" + repo + ")"
        )
        where_ko = f" (로컬 이름: 올리려면 레지스트리나 Docker Hub 사용자를 붙임, 예: you/{repo})"
    lead_en = "another name for the same image" if same_image else "name given to the new image"
    lead_ko = "같은 이미지에 붙이는 새 이름" if same_image else "새로 만든 이미지에 붙이는 이름"
    return tr(
        lang,
        f"{lead_en}: repository {repo}, {tag_en}{where_en}",
        f"{lead_ko}: 저장소 {repo}, {tag_ko}{where_ko}",
    )


# --log-opt KEY=VALUE: key -> (English, Korean), {v} is the value
LOG_OPTS: dict[str, tuple[str, str]] = {
    "max-size": (
        "rotate the log file when it reaches {v} (json-file/local drivers)",
        "로그 파일이 {v}가 되면 새 파일로 교체(json-file/local 드라이버)",
    ),
    "max-file": (
        "keep at most {v} log files; the oldest is deleted (needs max-size)",
        "로그 파일을 최대 {v}개까지 보관하고 가장 오래된 것을 지움(max-size와 함께)",
    ),
    "compress": (
        "compress rotated log files: {v}",
        "교체된 로그 파일 압축 여부: {v}",
    ),
    "mode": (
        "log delivery mode {v} (non-blocking: the app never waits for the log driver; "
        "lines may be dropped when the buffer is full)",
        "로그 전달 방식 {v}(non-blocking이면 앱이 로그 드라이버를 기다리지 않고, 버퍼가 차면 "
        "줄이 버려질 수 있음)",
    ),
    "max-buffer-size": (
        "buffer of {v} for non-blocking mode",
        "non-blocking 모드의 버퍼 크기 {v}",
    ),
    "tag": ("tag written with each log line: {v}", "로그 줄마다 붙는 태그: {v}"),
    "labels": (
        "add these container labels to each log line: {v}",
        "로그에 함께 기록할 컨테이너 레이블: {v}",
    ),
    "env": (
        "add these environment variables to each log line: {v}",
        "로그에 함께 기록할 환경 변수: {v}",
    ),
    "syslog-address": ("send the logs to the syslog server {v}", "syslog 서버 {v}로 로그 전송"),
    "gelf-address": ("send the logs to the GELF server {v}", "GELF 서버 {v}로 로그 전송"),
    "fluentd-address": ("send the logs to Fluentd at {v}", "Fluentd {v}로 로그 전송"),
    "awslogs-region": ("AWS region of CloudWatch Logs: {v}", "CloudWatch Logs의 AWS 리전: {v}"),
    "awslogs-group": ("CloudWatch log group {v}", "CloudWatch 로그 그룹 {v}"),
    "awslogs-stream": ("CloudWatch log stream {v}", "CloudWatch 로그 스트림 {v}"),
    "splunk-url": ("send the logs to Splunk at {v}", "Splunk {v}로 로그 전송"),
}
LOG_DRIVERS: dict[str, tuple[str, str]] = {
    "json-file": (
        "JSON files on the host (the default; `docker logs` reads them)",
        "호스트의 JSON 파일(기본값; `docker logs`로 읽음)",
    ),
    "local": (
        "compact files on the host, rotated by default (`docker logs` reads them)",
        "호스트의 압축된 파일, 기본으로 교체됨(`docker logs`로 읽음)",
    ),
    "none": (
        "no logs at all (`docker logs` shows nothing)",
        "로그를 남기지 않음(`docker logs`에 아무것도 안 나옴)",
    ),
    "journald": ("the systemd journal (journalctl)", "systemd 저널(journalctl)"),
    "syslog": ("a syslog server", "syslog 서버"),
    "gelf": ("a GELF endpoint such as Graylog or Logstash", "Graylog·Logstash 같은 GELF 수신처"),
    "fluentd": ("Fluentd", "Fluentd"),
    "awslogs": ("Amazon CloudWatch Logs", "Amazon CloudWatch Logs"),
    "splunk": ("Splunk", "Splunk"),
}


def explain_log_opt(value: str, lang: Lang) -> str:
    key, eq, val = value.partition("=")
    if not eq:
        return tr(
            lang,
            f"log driver option {value} (write it as key=value)",
            f"로그 드라이버 옵션 {value}(key=value로 씀)",
        )
    if is_secret(key, val):
        return tr(
            lang,
            f"log driver option {key} set to a secret value (***)",
            f"로그 드라이버 옵션 {key}에 비밀 값 설정",
        )
    text = LOG_OPTS.get(key)
    if key in ("max-size", "max-buffer-size") and _SIZE.match(val):
        val = explain_size(val, lang)
    if text is None:
        return tr(lang, f"log driver option {key} = {val}", f"로그 드라이버 옵션 {key} = {val}")
    return tr(lang, text[0].format(v=val), text[1].format(v=val))


def explain_log_driver(value: str, lang: Lang) -> str:
    text = LOG_DRIVERS.get(value)
    if text is None:
        return tr(lang, f"log driver {value}", f"로그 드라이버 {value}")
    if value == "none":
        return tr(lang, f"log driver none: {text[0]}", f"로그 드라이버 none: {text[1]}")
    return tr(
        lang,
        f"log driver {value}: logs go to {text[0]}",
        f"로그 드라이버 {value}: 로그를 {text[1]}에 남김",
    )


# buildx build --output type=... : type -> (English, Korean), {dest} is where it goes
BUILD_OUTPUTS: dict[str, tuple[str, str]] = {
    "local": (
        "write the files of the result into the folder {dest} on this machine (no image)",
        "빌드 결과의 파일을 이 컴퓨터의 폴더 {dest}에 씀(이미지는 만들지 않음)",
    ),
    "tar": (
        "write the files of the result as a tar archive to {dest}",
        "빌드 결과의 파일을 tar 묶음으로 {dest}에 씀",
    ),
    "oci": (
        "write the image as an OCI image archive to {dest}",
        "이미지를 OCI 이미지 묶음으로 {dest}에 씀",
    ),
    "docker": (
        "load the image into the local image store (docker images), like --load",
        "이미지를 로컬 이미지 목록(docker images)에 불러옴(--load와 같음)",
    ),
    "image": (
        "make an image (pushed to its registry when push=true is given)",
        "이미지를 만듦(push=true가 있으면 레지스트리로 올림)",
    ),
    "registry": (
        "push the image to its registry, like --push",
        "이미지를 레지스트리로 올림(--push와 같음)",
    ),
    "cacheonly": (
        "keep the result in the build cache only, nothing is exported",
        "결과를 빌드 캐시에만 남기고 아무것도 내보내지 않음",
    ),
}


def explain_build_output(value: str, lang: Lang) -> str:
    if value == "-":
        return tr(
            lang,
            "write the files of the result as a tar archive to standard output",
            "빌드 결과의 파일을 tar 묶음으로 표준 출력에 씀",
        )
    if "=" not in value:  # -o out is type=local,dest=out
        value = f"type=local,dest={value}"
    fields = mount_fields(value)
    kind = fields.get("type", "")
    dest = fields.get("dest", "")
    text = BUILD_OUTPUTS.get(kind)
    if text is None:
        return tr(lang, f"build output of type {kind or '?'}", f"{kind or '?'} 형식의 빌드 출력")
    where_en = dest or ("standard output" if kind in ("tar", "oci") else "")
    where_ko = dest or ("표준 출력" if kind in ("tar", "oci") else "")
    return tr(lang, text[0].format(dest=where_en), text[1].format(dest=where_ko))


BUILD_CALLS: dict[str, tuple[str, str]] = {
    "build": ("build as usual (the default)", "평소처럼 빌드(기본값)"),
    "check": (
        "do not build: check the Dockerfile for problems and list them",
        "빌드하지 않고 Dockerfile의 문제를 검사해 보여 줌",
    ),
    "outline": (
        "do not build: show the build arguments and secrets the build uses",
        "빌드하지 않고 빌드가 쓰는 빌드 인자와 secret을 보여 줌",
    ),
    "targets": (
        "do not build: list the stages (targets) of the Dockerfile",
        "빌드하지 않고 Dockerfile의 단계(target) 목록을 보여 줌",
    ),
}
PROGRESS: dict[str, tuple[str, str]] = {
    "auto": (
        "tty on a terminal, plain otherwise (the default)",
        "터미널이면 tty, 아니면 plain(기본값)",
    ),
    "plain": (
        "plain text, every step and the output of RUN commands",
        "모든 단계와 RUN 명령의 출력을 평범한 글로 표시",
    ),
    "tty": ("live, updating view of the steps", "단계를 실시간으로 갱신해 보여 줌"),
    "quiet": ("no progress, only the result", "진행 상황 없이 결과만 표시"),
    "none": ("no progress output", "진행 상황을 표시하지 않음"),
    "rawjson": ("the raw progress events as JSON lines", "진행 이벤트를 JSON 줄로 그대로 출력"),
}
