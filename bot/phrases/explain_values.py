"""What the explainer (:mod:`bot.explain`) says about values given to flags (ports, mounts,
sizes, images, build and log options), by key (data only).

Keys are ``<module>.<first words of the English text>`` of the module that says it
(``init`` for the package itself); the catalog prefixes them with ``explain.``.
``{{`` and ``}}`` are literal braces in a phrase that takes placeholders."""

from __future__ import annotations

from bot.lang import Lang

EXPLAIN_VALUES: dict[str, dict[Lang, str]] = {
    "build_values.name_for_the_new_image": {
        "en": "name for the new image, taken from a shell variable or command",
        "ko": "새 이미지에 붙일 이름(셸 변수나 명령 결과로 정해짐)",
    },
    "build_values.write_the_files_of_the": {
        "en": "write the files of the result as a tar archive to standard output",
        "ko": "빌드 결과의 파일을 tar 묶음으로 표준 출력에 씀",
    },
    "flag_values.the_value_given_to": {
        "en": "the value given to {flag_name}",
        "ko": "{flag_name}에 주는 값",
    },
    "flag_values.placeholder_replace_with_your_own": {
        "en": "placeholder: replace {value} with your own value",
        "ko": "자리 표시: {value} 자리에 실제 값을 쓰세요",
    },
    "flag_values.container_port_documented_only_not": {
        "en": "container port {value}: documented only, not published to the host",
        "ko": "컨테이너 포트 {value}: 표시만 하고 호스트에 공개하지는 않음",
    },
    "flag_values.build_variable_arg_in_the": {
        "en": "build variable {key}={shown} (ARG {key} in the Dockerfile)",
        "ko": "빌드 변수 {key}={shown} (Dockerfile의 ARG {key})",
    },
    "flag_values.label": {
        "en": "label {value}",
        "ko": "레이블 {value}",
    },
    "flag_values.only_builds_where_is": {
        "en": "only builds where {key} is {val}",
        "ko": "{key}가 {val}인 빌드만",
    },
    "flag_values.start_inside_the_build_container": {
        "en": "start {value} inside the build container when the monitor opens",
        "ko": "모니터가 열리면 빌드 컨테이너 안에서 {value} 실행",
    },
    "flag_values.annotation": {
        "en": "annotation {key}={val!r}",
        "ko": "annotation {key}={val!r}",
    },
    "flag_values.container_name_use_it_instead": {
        "en": "container name {value}: use it instead of the ID in later commands",
        "ko": "컨테이너 이름 {value}: 이후 명령에서 ID 대신 이 이름을 씀",
    },
    "flag_values.volume_name_containers_mount_it": {
        "en": "volume name {value}: containers mount it with -v {value}:/path",
        "ko": "볼륨 이름 {value}: 컨테이너에서 -v {value}:/경로 로 마운트함",
    },
    "flag_values.user_group_name_or_numeric": {
        "en": "user[:group] (name or numeric ID)",
        "ko": "사용자[:그룹](이름 또는 숫자 ID)",
    },
    "flag_values.directory_inside_the_container": {
        "en": "directory {value} inside the container",
        "ko": "컨테이너 안의 디렉터리 {value}",
    },
    "flag_values.at_most_cpu_core_s": {
        "en": "at most {value} CPU core(s)",
        "ko": "CPU 코어 최대 {value}개",
    },
    "flag_values.the_last_lines": {
        "en": "the last {value} lines",
        "ko": "마지막 {value}줄",
    },
    "flag_values.timestamp_or_relative_time_e": {
        "en": "timestamp or relative time (e.g. 10m)",
        "ko": "시각 또는 상대 시간(예: 10m)",
    },
    "flag_values.os_cpu_architecture_e_g": {
        "en": "OS/CPU architecture (e.g. linux/amd64, linux/arm64)",
        "ko": "운영체제/CPU 아키텍처(예: linux/amd64, linux/arm64)",
    },
    "flag_values.file": {
        "en": "file {value}",
        "ko": "파일 {value}",
    },
    "flag_values.seconds": {
        "en": "{value} seconds",
        "ko": "{value}초",
    },
    "flag_values.empty_clear_the_image_s": {
        "en": "empty: clear the image's ENTRYPOINT, so the words after the image (or the image's "
              "CMD) are run as they are",
        "ko": "빈 값: 이미지의 ENTRYPOINT를 지워, 이미지 뒤의 단어(또는 이미지의 CMD)를 그대로 "
              "실행",
    },
    "flag_values.run_instead_of_the_image": {
        "en": "run {value} instead of the image's ENTRYPOINT",
        "ko": "이미지의 ENTRYPOINT 대신 {value} 실행",
    },
    "flag_values.project_name_prefix_of_container": {
        "en": "project name {value} (prefix of container and network names)",
        "ko": "프로젝트 이름 {value}(컨테이너·네트워크 이름의 앞부분)",
    },
    "flag_values.context": {
        "en": "context {value}",
        "ko": "컨텍스트 {value}",
    },
    "flag_values.run_containers_of_service": {
        "en": "run {count} containers of service {service}",
        "ko": "서비스 {service}의 컨테이너를 {count}개 실행",
    },
    "flag_values.text": {
        "en": "{value}",
        "ko": "{value}",
    },
    "flag_values.ip_address_range_cidr": {
        "en": "IP address range {value} (CIDR)",
        "ko": "IP 주소 범위 {value}(CIDR)",
    },
    "flag_values.driver": {
        "en": "driver {value}",
        "ko": "드라이버 {value}",
    },
    "flag_values.build_variable_value_taken_from": {
        "en": "build variable {key}, value taken from your shell",
        "ko": "빌드 변수 {key}(값은 지금 셸에서 가져옴)",
    },
    "flag_values.unlimited": {
        "en": "unlimited",
        "ko": "무제한",
    },
    "flag_values.only_builds_whose_status_is": {
        "en": "only builds whose status is {val}",
        "ko": "상태가 {val}인 빌드만",
    },
    "flag_values.annotation_on_the": {
        "en": "annotation {bare}={val!r} on the {where}",
        "ko": "{where}에 annotation {bare}={val!r}",
    },
    "flag_values.the_root_user": {
        "en": "the root user",
        "ko": "root 사용자",
    },
    "flag_values.every_line": {
        "en": "every line",
        "ko": "전체 줄",
    },
    "flag_values.every_linux_capability": {
        "en": "every Linux capability",
        "ko": "모든 리눅스 capability",
    },
    "flag_values.compose_file": {
        "en": "Compose file {value}",
        "ko": "Compose 파일 {value}",
    },
    "flag_values.standard_input_output": {
        "en": "standard input/output",
        "ko": "표준 입력/출력",
    },
    "log_values.log_driver_option_write_it": {
        "en": "log driver option {value} (write it as key=value)",
        "ko": "로그 드라이버 옵션 {value}(key=value로 씀)",
    },
    "log_values.log_driver_option_set_to": {
        "en": "log driver option {key} set to a secret value (***)",
        "ko": "로그 드라이버 옵션 {key}에 비밀 값 설정",
    },
    "log_values.log_driver_option": {
        "en": "log driver option {key} = {val}",
        "ko": "로그 드라이버 옵션 {key} = {val}",
    },
    "log_values.log_driver": {
        "en": "log driver {value}",
        "ko": "로그 드라이버 {value}",
    },
    "values.it_is_the_docker_engine": {
        "en": "; it is the Docker engine's API: whoever can use it controls Docker on the host",
        "ko": "; Docker 엔진의 API라서 이것을 쓸 수 있으면 호스트의 Docker를 마음대로 다룸",
    },
    "values.variable_set_to": {
        "en": "variable {key} set to {val!r}",
        "ko": "변수 {key}에 {val!r} 설정",
    },
    "values.text": {
        "en": "{amount}",
        "ko": "{amount}",
    },
    "values.user_defined_network_containers_on": {
        "en": "user-defined network {value} (containers on it reach each other by name)",
        "ko": "사용자 정의 네트워크 {value}(같은 네트워크의 컨테이너끼리 이름으로 통신)",
    },
    "values.docker_engine_address": {
        "en": "Docker engine address",
        "ko": "Docker 엔진 주소",
    },
    "values.output_format": {
        "en": "output format",
        "ko": "출력 형식",
    },
    "values.image_name_taken_from_a": {
        "en": "image name taken from a shell variable or command",
        "ko": "셸 변수나 명령 결과로 정해지는 이미지 이름",
    },
    "values.port_mapping_ip_host_port": {
        "en": "port mapping [ip:][host port:]container port[/protocol]",
        "ko": "포트 매핑 [IP:][호스트 포트:]컨테이너 포트[/프로토콜]",
    },
    "values.the_host_s_docker_socket": {
        "en": "the host's Docker socket",
        "ko": "호스트의 Docker 소켓",
    },
    "values.the_host_socket": {
        "en": "the host socket",
        "ko": "호스트 소켓",
    },
    "values.read_only_does_not_make": {
        "en": " (read-only does not make the API read-only: requests still go through)",
        "ko": " (읽기 전용으로 마운트해도 API 요청은 그대로 보낼 수 있음)",
    },
    "values.a_host_folder_or_a": {
        "en": "{src} (a host folder or a volume name) → {dst} in the container",
        "ko": "{src}(호스트 폴더 또는 볼륨 이름) → 컨테이너 {dst}",
    },
    "values.variable_its_value_copied_from": {
        "en": "variable {key}, its value copied from your shell's environment",
        "ko": "변수 {key} (값은 지금 셸의 환경 변수에서 가져옴)",
    },
    "values.variable_set_to_a_secret": {
        "en": "variable {key} set to a secret value (***)",
        "ko": "변수 {key}에 비밀 값 설정",
    },
    "values.size_number_with_b_k": {
        "en": "size (number with b, k, m or g)",
        "ko": "크기(숫자 + b, k, m, g 단위)",
    },
    "values.restart_policy": {
        "en": "restart policy",
        "ko": "재시작 정책",
    },
    "values.at_most_times": {
        "en": ", at most {count} times",
        "ko": ", 최대 {count}번",
    },
    "values.share_the_network_of_container": {
        "en": "share the network of container {name}",
        "ko": "컨테이너 {name}의 네트워크를 공유",
    },
    "values.filter": {
        "en": "filter {value}",
        "ko": "필터 {value}",
    },
    "values.a_remote_docker_engine_reached": {
        "en": "a remote Docker engine reached over SSH",
        "ko": "SSH로 접속하는 원격 Docker 엔진",
    },
    "values.a_local_docker_engine_socket": {
        "en": "a local Docker engine socket",
        "ko": "로컬 Docker 엔진 소켓",
    },
    "values.a_remote_docker_engine_over": {
        "en": "a remote Docker engine over TCP",
        "ko": "TCP로 접속하는 원격 Docker 엔진",
    },
    "values.print_json": {
        "en": "print JSON",
        "ko": "JSON으로 출력",
    },
    "values.a_table_with_the_columns": {
        "en": "a table with the columns given by the Go template",
        "ko": "Go 템플릿으로 고른 열의 표",
    },
    "values.go_template_prints_a_field": {
        "en": "Go template: {{.Field}} prints a field of each item",
        "ko": "Go 템플릿: {{.필드}}로 항목의 필드를 출력",
    },
    "values.registry": {
        "en": "registry {registry}",
        "ko": "레지스트리 {registry}",
    },
    "values.tag": {
        "en": "tag {tag}",
        "ko": "태그 {tag}",
    },
    "values.anonymous_volume_mounted_at_in": {
        "en": "anonymous volume mounted at {dst} in the container",
        "ko": "컨테이너의 {dst}에 익명 볼륨 마운트",
    },
    "values.bind_mount_of_in_the": {
        "en": "bind mount of {sock} {src} → {dst} in the container",
        "ko": "바인드 마운트: {sock} {src} → 컨테이너 {dst}",
    },
    "values.bind_mount_host_in_the": {
        "en": "bind mount: host {src} → {dst} in the container",
        "ko": "바인드 마운트: 호스트 {src} → 컨테이너 {dst}",
    },
    "values.read_only": {
        "en": " [read-only]",
        "ko": " [읽기 전용]",
    },
    "values.repository": {
        "en": "repository {repo}",
        "ko": "저장소 {repo}",
    },
    "values.docker_hub_repository_of_user": {
        "en": "Docker Hub repository {name} of user/organisation {owner}",
        "ko": "Docker Hub 사용자/조직 {owner}의 저장소 {name}",
    },
    "values.a_local_image_named_or": {
        "en": "a local image named {repo} or Docker Hub's official image library/{repo}",
        "ko": "로컬 이미지 {repo} 또는 Docker Hub 공식 이미지 library/{repo}",
    },
    "values.tag_latest_no_tag_given": {
        "en": "tag latest (no tag given, so docker uses latest)",
        "ko": "태그 latest(태그를 안 쓰면 latest를 씀)",
    },
    "values.tmpfs_memory_at": {
        "en": "tmpfs (memory) at {dst}",
        "ko": "{dst}에 tmpfs(메모리) 마운트",
    },
    "values.in_the_container_bind_mount": {
        "en": "{sock} {src} → {dst} in the container (bind mount of a socket, not a folder)",
        "ko": "{sock} {src} → 컨테이너 {dst} (폴더가 아니라 소켓을 바인드 마운트)",
    },
    "values.host_folder_in_the_container": {
        "en": "host folder {src} → {dst} in the container (bind mount)",
        "ko": "호스트 폴더 {src} → 컨테이너 {dst} (바인드 마운트)",
    },
    "values.named_volume_in_the_container": {
        "en": "named volume {src} → {dst} in the container (kept after the container is removed)",
        "ko": "이름 있는 볼륨 {src} → 컨테이너 {dst} (컨테이너를 지워도 남음)",
    },
    "values.is_the_current_directory": {
        "en": "; {here} is the current directory",
        "ko": "; {here}는 현재 디렉터리",
    },
}
