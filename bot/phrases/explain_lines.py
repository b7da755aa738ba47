"""More of what the explainer says about values, flags and shell words, by key (data only);
keys as in :mod:`bot.phrases.explain_values`. A ``{placeholder}`` filled with a
:class:`bot.phrases.Pair` takes the word of the phrase's language."""

from __future__ import annotations

from bot.lang import Lang

EXPLAIN_LINES: dict[str, dict[Lang, str]] = {
    "values.pinned_to_digest": {
        "en": "pinned to digest {digest}…", "ko": "다이제스트 {digest}…로 고정"},
    "values.host_port_to_container_port": {
        "en": "host port {host} → container port {container}",
        "ko": "호스트 포트 {host} → 컨테이너 포트 {container}"},
    "flag_values.on_off": {"en": "{state}", "ko": "{state}"},
    "flag_values.share_the_host_namespace": {
        "en": "share the host's {what} namespace (no isolation)",
        "ko": "호스트의 {what} 네임스페이스를 공유(격리 없음)"},
    "flag_values.share_the_namespace_of_container": {
        "en": "share the {what} namespace of container {other}",
        "ko": "컨테이너 {other}의 {what} 네임스페이스를 공유"},
    "flag_values.time_ago": {"en": "{n} {unit} ago", "ko": "{n}{unit} 전"},
    "flag_values.linux_capability": {
        "en": "Linux capability {cap}", "ko": "리눅스 capability {cap}"},
    "flag_values.signal": {"en": "signal {sig}", "ko": "시그널 {sig}"},
    "flag_values.every_gpu": {"en": "every GPU", "ko": "모든 GPU"},
    "flag_values.gpus": {"en": "GPUs {value}", "ko": "GPU {value}"},
    "log_values.log_driver_none": {
        "en": "log driver none: {text}", "ko": "로그 드라이버 none: {text}"},
    "log_values.log_driver_logs_go_to": {
        "en": "log driver {value}: logs go to {text}",
        "ko": "로그 드라이버 {value}: 로그를 {text}에 남김"},
    "positionals.placeholder_write_the_here": {
        "en": "placeholder: write the {what} here", "ko": "자리 표시: 여기에 {what}을(를) 쓰세요"},
    "positionals.named_argument": {"en": "{what}: {text}", "ko": "{what}: {text}"},
    "describe.shell_operator_not_passed_to": {
        "en": "shell operator, not passed to docker: {what}",
        "ko": "셸 연산자(docker에 넘어가지 않음): {what}"},
    "describe.throw_away": {"en": "throw {what} away", "ko": "{what} 버림"},
    "describe.append_to": {"en": "append {what} to {target}", "ko": "{what} {target} 끝에 덧붙임"},
    "describe.write_to_replacing": {
        "en": "write {what} to {target} (replacing what it held)",
        "ko": "{what} {target}에 씀(기존 내용은 지워짐)"},
    "describe.send_to_the_same_place": {
        "en": "send {what} to the same place as {to}", "ko": "{what} {to}과 같은 곳으로 보냄"},
    "substitution.piece_becomes": {"en": "{p} → {what}", "ko": "{p} → {what}"},
    "values.mount_to_in_the_container": {
        "en": "{kind} {src} → {dst} in the container", "ko": "{kind} {src} → 컨테이너 {dst}"},
    "values.anonymous": {"en": "(anonymous)", "ko": "(익명)"},
    "positionals.option_of_run_the_next_word": {
        "en": "option {option} of {who}: run the next word as a command line",
        "ko": "{who}의 옵션 {option}: 다음 단어를 명령줄로 실행"},
    "positionals.the_entrypoint": {
        "en": "the entrypoint {program}", "ko": "엔트리포인트 {program}"},
    "positionals.path_inside": {
        "en": "path {path} inside {who} {name}", "ko": "{who} {name} 안의 경로 {path}"},
    "describe.unknown_sub_command_probably_a_typo": {
        "en": "unknown sub-command; probably a typo of `{fixed}`: {summary}",
        "ko": "알 수 없는 하위 명령; `{fixed}`의 오타로 보임: {summary}"},
    "substitution.shell_command_substitution_replaced_by_listed": {
        "en": "shell command substitution: replaced by {what} (the output of {cmd})",
        "ko": "셸 명령 치환: {what}로 바뀜({cmd}의 출력)"},
    "substitution.shell_command_substitution_replaced_by_known": {
        "en": "shell command substitution: replaced by {what} (the output of `{cmd}`)",
        "ko": "셸 명령 치환: {what}(`{cmd}`의 출력)로 바뀜"},
    "flag_values.named_value": {"en": "{name}{value}", "ko": "{name}{value}"},
    "build_values.build_output_of_type": {
        "en": "build output of type {kind}", "ko": "{kind} 형식의 빌드 출력"},
    "build_values.standard_output": {"en": "standard output", "ko": "표준 출력"},
    "values.container_port_on_a_random_host_port": {
        "en": "container port {container} on a random free host port",
        "ko": "컨테이너 포트 {container}를 호스트의 임의 빈 포트에 연결"},
    "values.on_every_network_interface": {
        "en": " (on every network interface of the host)",
        "ko": " (호스트의 모든 네트워크 인터페이스에 열림)"},
    "values.only_from_this_machine": {
        "en": " (only from this machine: {ip})", "ko": " (이 컴퓨터에서만 접속 가능: {ip})"},
    "values.only_on_the_host_address": {
        "en": " (only on the host address {ip})", "ko": " (호스트 주소 {ip}에서만)"},
    "build_values.tag": {"en": "tag {tag}", "ko": "태그 {tag}"},
    "build_values.tag_latest_no_tag_given": {
        "en": "tag latest (no tag given)", "ko": "태그 latest(태그를 안 씀)"},
    "build_values.push_to_the_registry": {
        "en": "; `docker push {ref}` would upload it to the registry {registry}",
        "ko": "; `docker push {ref}`로 레지스트리 {registry}에 올릴 수 있음"},
    "build_values.push_to_docker_hub_under": {
        "en": "; `docker push {ref}` would upload it to Docker Hub under {owner}",
        "ko": "; `docker push {ref}`로 Docker Hub의 {owner} 아래에 올릴 수 있음"},
    "build_values.a_local_name": {
        "en": " (a local name: to push it, add a registry or Docker Hub user, e.g. you/{repo})",
        "ko": " (로컬 이름: 올리려면 레지스트리나 Docker Hub 사용자를 붙임, 예: you/{repo})"},
    "build_values.another_name_for_the_same_image": {
        "en": "another name for the same image", "ko": "같은 이미지에 붙이는 새 이름"},
    "build_values.name_given_to_the_new_image": {
        "en": "name given to the new image", "ko": "새로 만든 이미지에 붙이는 이름"},
    "build_values.new_image_name": {
        "en": "{lead}: repository {repo}, {tag}{where}",
        "ko": "{lead}: 저장소 {repo}, {tag}{where}"},
    "flag_values.your_own_user_and_group_id": {
        "en": "your own user (and group) ID on this machine, so the container does not run as "
              "root and the files it writes to bind mounts belong to you; {said}",
        "ko": "이 컴퓨터의 내 사용자(와 그룹) ID: 컨테이너가 root가 아닌 나로 실행되어 바인드 "
              "마운트에 쓰는 파일이 내 소유가 됨; {said}"},
    "substitution.known_output": {"en": "{what} (`{cmd}`)", "ko": "{what}(`{cmd}`)"},
    "substitution.the_output_of": {"en": "the output of `{cmd}`", "ko": "`{cmd}`의 출력"},
    "substitution.builds_from_one_substitution": {
        "en": "the shell builds this value from {n} command substitution: {said}",
        "ko": "셸이 명령 치환 {n}개로 이 값을 만듦: {said}"},
    "substitution.builds_from_substitutions": {
        "en": "the shell builds this value from {n} command substitutions: {said}",
        "ko": "셸이 명령 치환 {n}개로 이 값을 만듦: {said}"},
}
