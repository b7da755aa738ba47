"""The explainer's bilingual lookup tables (data only): each maps a value (a network
mode, a restart policy, a log option ...) to its ``(English, Korean)`` text. A text may take
a ``{placeholder}`` (``{v}``, ``{dest}``), the same in both languages (tested). Read them
with :func:`bot.phrases.table_phrase`."""

from __future__ import annotations

# bot.explain.values
# -- volumes, mounts ---------------------------------------------------------------------
VOLUME_OPTIONS: dict[str, tuple[str, str]] = {
    "ro": ("read-only", "읽기 전용"),
    "rw": ("read-write", "읽기/쓰기"),
    "z": ("shared SELinux label", "SELinux 공유 레이블"),
    "Z": ("private SELinux label", "SELinux 전용 레이블"),
    "cached": ("cached (macOS)", "cached(macOS)"),
    "delegated": ("delegated (macOS)", "delegated(macOS)"),
    "consistent": ("consistent", "consistent"),
    "nocopy": ("do not copy image data into the volume", "이미지 데이터를 볼륨에 복사하지 않음"),
}

# bot.explain.values
RESTART: dict[str, tuple[str, str]] = {
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

# bot.explain.values
NETWORK: dict[str, tuple[str, str]] = {
    "bridge": ("the default bridge network", "기본 bridge 네트워크"),
    "host": (
        "the host's own network stack (no isolation, -p is ignored)",
        "호스트의 네트워크를 그대로 사용(격리 없음, -p 무시됨)",
    ),
    "none": ("no network at all", "네트워크 없음"),
}

# bot.explain.values
# filter key -> (English, Korean) with {v} for the value
FILTER_KEYS: dict[str, tuple[str, str]] = {
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

# bot.explain.values
NAMESPACE_FLAGS: dict[str, tuple[str, str]] = {
    "pid": ("processes", "프로세스"),
    "ipc": ("IPC", "IPC"),
    "uts": ("hostname", "호스트 이름"),
    "userns": ("users", "사용자"),
    "cgroupns": ("cgroups", "cgroup"),
}

# bot.explain.build_values
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

# bot.explain.build_values
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

# bot.explain.build_values
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

# bot.explain.log_values
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

# bot.explain.log_values
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

# bot.explain.flag_values
RMI: dict[str, tuple[str, str]] = {
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

# bot.explain.describe
SHELL_OPERATORS: dict[str, tuple[str, str]] = {
    "|": (
        "pipe: the output of the command before goes into the next command",
        "파이프: 앞 명령의 출력이 다음 명령의 입력으로 들어감",
    ),
    "|&": ("pipe (with error output)", "파이프(에러 출력 포함)"),
    "&&": (
        "run the next command only if this one succeeded",
        "앞 명령이 성공했을 때만 다음 명령 실행",
    ),
    "||": (
        "run the next command only if this one failed",
        "앞 명령이 실패했을 때만 다음 명령 실행",
    ),
    ";": ("then run the next command", "이어서 다음 명령 실행"),
    "&": ("run the command before in the background", "앞 명령을 백그라운드에서 실행"),
}

# bot.explain.substitution
# Commands often substituted into a docker command line: what their output is.
KNOWN_OUTPUTS: dict[str, tuple[str, str]] = {
    "id -u": ("your numeric user ID", "내 사용자 ID(숫자)"),
    "id -g": ("your numeric group ID", "내 그룹 ID(숫자)"),
    "id -un": ("your user name", "내 사용자 이름"),
    "whoami": ("your user name", "내 사용자 이름"),
    "pwd": ("the current directory", "현재 디렉터리"),
    "hostname": ("this machine's host name", "이 컴퓨터의 호스트 이름"),
    "git rev-parse --short HEAD": ("the current Git commit (short)", "현재 Git 커밋(짧은 형태)"),
    "git rev-parse HEAD": ("the current Git commit", "현재 Git 커밋"),
}

# bot.explain.shell: the quotes an unbalanced-quote error names
QUOTES: dict[str, tuple[str, str]] = {
    "'": ("single quote (')", "작은따옴표(')"),
    '"': ('double quote (")', '큰따옴표(")'),
    "`": ("backquote (`)", "역따옴표(`)"),
}


TABLES: dict[str, dict[str, tuple[str, str]]] = {
    "volume_options": VOLUME_OPTIONS,
    "restart": RESTART,
    "network": NETWORK,
    "filter_keys": FILTER_KEYS,
    "namespaces": NAMESPACE_FLAGS,
    "build_outputs": BUILD_OUTPUTS,
    "build_calls": BUILD_CALLS,
    "progress": PROGRESS,
    "log_opts": LOG_OPTS,
    "log_drivers": LOG_DRIVERS,
    "rmi": RMI,
    "shell_operators": SHELL_OPERATORS,
    "known_outputs": KNOWN_OUTPUTS,
    "quotes": QUOTES,
}
