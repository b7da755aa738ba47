"""What the explainer (:mod:`bot.explain`) says about commands, arguments, shell
syntax, substitutions and typos, by key (data only).

Keys are ``<module>.<first words of the English text>`` of the module that says it
(``init`` for the package itself); the catalog prefixes them with ``explain.``.
``{{`` and ``}}`` are literal braces in a phrase that takes placeholders."""

from __future__ import annotations

from bot.lang import Lang

EXPLAIN_WORDS: dict[str, dict[Lang, str]] = {
    "init.option_of_sudo": {
        "en": "option of sudo",
        "ko": "sudo의 옵션",
    },
    "init.environment_variable_for_this_command": {
        "en": "environment variable for this command only: {text}",
        "ko": "이 명령에만 적용되는 환경 변수: {text}",
    },
    "init.run_the_command_as_root": {
        "en": "run the command as root (administrator)",
        "ko": "명령을 root(관리자) 권한으로 실행",
    },
    "init.another_program_not_part_of": {
        "en": "another program ({program}), not part of docker",
        "ko": "docker가 아닌 다른 프로그램({program})",
    },
    "init.docker_compose_v1_the_old": {
        "en": "Docker Compose v1, the old stand-alone program; today the same is `docker compose` "
              "(v2)",
        "ko": "예전 단독 프로그램인 Docker Compose v1; 지금은 `docker compose`(v2)로 같은 일을 함",
    },
    "init.the_docker_command_line_client": {
        "en": "the Docker command-line client",
        "ko": "Docker 명령줄 클라이언트",
    },
    "init.this_command_line_could_not": {
        "en": "This command line could not be read.",
        "ko": "이 명령줄을 읽지 못했습니다.",
    },
    "init.check_it_for_typos_and": {
        "en": "Check it for typos and paste only the docker command.",
        "ko": "오타를 확인하고 docker 명령만 붙여 넣으세요.",
    },
    "describe.with_i_an_interactive_terminal": {
        "en": " (with -i: an interactive terminal session, e.g. a shell you can type in)",
        "ko": " (-i와 함께: 직접 입력할 수 있는 대화형 터미널, 예: 셸)",
    },
    "describe.here_string_the_text_and": {
        "en": "here-string: the text {target!r} (and a newline) becomes the standard input",
        "ko": "히어 스트링: 텍스트 {target!r}(와 줄바꿈)가 표준 입력으로 들어감",
    },
    "describe.here_document_the_next_lines": {
        "en": "here-document: the next lines, up to a line {target}, become the standard input",
        "ko": "히어 문서: 뒤따르는 줄들이 {target} 줄까지 표준 입력으로 들어감",
    },
    "describe.read_the_standard_input_from": {
        "en": "read the standard input from {target}",
        "ko": "표준 입력을 {target}에서 읽음",
    },
    "describe.shell_redirection": {
        "en": "shell redirection: ",
        "ko": "셸 리디렉션: ",
    },
    "describe.unknown_flag_has_no_docker": {
        "en": "unknown flag: `{node_name}` has no {item_text}; docker would stop with an error",
        "ko": "알 수 없는 플래그: `{node_name}`에는 {item_text}가 없어 docker가 오류를 냄",
    },
    "describe.not_a_sub_command_of": {
        "en": "not a sub-command of `{node_path}`; run `{node_path} --help` for the list",
        "ko": "`{node_path}`의 하위 명령이 아님; 목록은 `{node_path} --help`로 확인",
    },
    "describe.cli_plugin": {
        "en": "{text} (CLI plugin)",
        "ko": "{text} (CLI 플러그인)",
    },
    "describe.same_as": {
        "en": " (same as `{item_alias_of}`)",
        "ko": " (= `{item_alias_of}`)",
    },
    "describe.unknown_flag_probably_a_typo": {
        "en": "unknown flag, probably a typo of {item_fixed}",
        "ko": "알 수 없는 플래그, {item_fixed}의 오타로 보임",
    },
    "describe.is_the_old_name_of": {
        "en": "{item_alias_of} is the old name of {flag_name}",
        "ko": "{item_alias_of}는 {flag_name}의 옛 이름",
    },
    "describe.a_flag_of_docker_buildx": {
        "en": "a flag of `docker buildx build`: `docker build` accepts it where it runs buildx "
              "(the default since Docker 23), the legacy builder does not",
        "ko": "`docker buildx build`의 플래그: `docker build`가 buildx로 실행되는 곳(Docker "
              "23부터 기본)에서는 받지만 예전 빌더는 받지 않음",
    },
    "describe.not_listed_in_help_but": {
        "en": "not listed in --help, but docker accepts it",
        "ko": "--help에는 나오지 않지만 docker가 받아들이는 플래그",
    },
    "describe.written_together_in": {
        "en": "written together in {item_combined}",
        "ko": "{item_combined}로 붙여 씀",
    },
    "describe.optional_marks_a_flag_you": {
        "en": "optional: [{item_text}] marks a flag you may leave out",
        "ko": "선택 사항: [{item_text}]는 빼도 되는 플래그 표시",
    },
    "describe.given_again_only_the_last": {
        "en": "given again: only the last value counts",
        "ko": "다시 지정됨: 마지막 값만 적용",
    },
    "describe.its_value_is_missing": {
        "en": "its value is missing",
        "ko": "값이 빠졌음",
    },
    "describe.one_dash_docker_reads_as": {
        "en": "one dash: docker reads {item_text} as separate letters; write {item_fixed}",
        "ko": "대시가 하나라 docker는 {item_text}를 글자별 플래그로 읽음; {item_fixed}로 쓰세요",
    },
    "describe.no_here_flags_are_case": {
        "en": "no {item_text} here (flags are case sensitive); probably {item_fixed}",
        "ko": "여기엔 {item_text}가 없음(대소문자 구분); {item_fixed}로 보임",
    },
    "describe.show_this_command_s_help": {
        "en": "show this command's help and exit",
        "ko": "이 명령의 도움말을 보여 주고 끝냄",
    },
    "describe.end_of_docker_s_options": {
        "en": "end of docker's options: what follows is never read as a flag",
        "ko": "docker 옵션의 끝: 뒤에 오는 것은 플래그로 읽지 않음",
    },
    "positionals.of_the_command_line_given": {
        "en": "${n} of the command line given with -c, not an argument of `{script}`",
        "ko": "-c로 준 명령줄의 ${n}; `{script}`의 인자가 아님",
    },
    "positionals.argument_for_not_for_docker": {
        "en": "argument for {program}, not for docker",
        "ko": "docker가 아니라 {program}에 주는 인자",
    },
    "positionals.build_context_directory_its_files": {
        "en": "build context: directory {text}; its files are sent to the builder",
        "ko": "빌드 컨텍스트: 디렉터리 {text}; 이 안의 파일이 빌더로 보내짐",
    },
    "positionals.the_command_line_runs_the": {
        "en": "the command line {program} runs (the word right after -c): {item_text}",
        "ko": "{program}이(가) 실행할 명령줄(-c 바로 뒤의 단어): {item_text}",
    },
    "positionals.not_an_argument_of_after": {
        "en": "not an argument of `{script}`: after `-c {script}` the next word becomes $0 (the "
              "script's name), and later ones $1, $2 ...; to run `{rest}`, quote it: -c '{rest}'",
        "ko": "`{script}`의 인자가 아님: `-c {script}` 뒤의 다음 단어는 $0(스크립트 이름)이 되고 "
              "그 뒤는 $1, $2 ...가 됨; `{rest}`를 실행하려면 따옴표로 묶으세요: -c '{rest}'",
    },
    "positionals.looks_like_a_docker_flag": {
        "en": "looks like a docker flag, but it comes after the image/container, so docker hands "
              "it to the container's command; put docker flags before the image",
        "ko": "docker 플래그처럼 보이지만 이미지/컨테이너 뒤에 있어서 컨테이너 명령으로 넘어감; "
              "docker 플래그는 이미지 앞에 쓰세요",
    },
    "positionals.option_for_ps_which_lists": {
        "en": "option for ps, which lists the processes",
        "ko": "프로세스를 보여 주는 ps의 옵션",
    },
    "positionals.first_argument_passed_to_the": {
        "en": "first argument passed to the entrypoint {entrypoint} (replaces the image's default "
              "CMD): {item_text}",
        "ko": "엔트리포인트 {entrypoint}에 넘기는 첫 인자(이미지의 기본 CMD 대신): {item_text}",
    },
    "positionals.argument_for_the_entrypoint_program": {
        "en": "argument for {entrypoint} (the --entrypoint program), not for docker",
        "ko": "docker가 아니라 {entrypoint}(--entrypoint 프로그램)에 주는 인자",
    },
    "positionals.command_the_container_runs_instead": {
        "en": "command the container runs instead of the image's default CMD: {item_text}",
        "ko": "이미지의 기본 CMD 대신 컨테이너가 실행할 명령: {item_text}",
    },
    "positionals.build_context_the_current_directory": {
        "en": "build context: the current directory (.); its files are sent to the builder and "
              "the Dockerfile is looked up there unless -f says otherwise",
        "ko": "빌드 컨텍스트: 현재 디렉터리(.); 이 안의 파일이 빌더로 보내지고, -f가 없으면 "
              "여기서 Dockerfile을 찾음",
    },
    "positionals.read_the_dockerfile_or_a": {
        "en": "read the Dockerfile (or a tar context) from standard input",
        "ko": "표준 입력에서 Dockerfile(또는 tar 컨텍스트)을 읽음",
    },
    "positionals.build_context_from_a_git": {
        "en": "build context from a Git repository or URL: {text}",
        "ko": "Git 저장소나 URL을 빌드 컨텍스트로 사용: {text}",
    },
    "positionals.program_to_run_inside_the": {
        "en": "program to run inside the running container: {item_text}",
        "ko": "실행 중인 컨테이너 안에서 실행할 프로그램: {item_text}",
    },
    "positionals.not_explained_comes_after_an": {
        "en": "not explained (comes after an unknown sub-command)",
        "ko": "설명하지 않음(알 수 없는 하위 명령 뒤에 있음)",
    },
    "positionals.extra_argument_that_does_not": {
        "en": "extra argument that `{item_node_path}` does not take",
        "ko": "`{item_node_path}`가 받지 않는 남는 인자",
    },
    "positionals.source_image": {
        "en": "source image",
        "ko": "원본 이미지",
    },
    "positionals.path_on_this_machine": {
        "en": "path {text} on this machine",
        "ko": "이 컴퓨터의 경로 {text}",
    },
    "positionals.list_only_this_repository": {
        "en": "list only this repository",
        "ko": "이 저장소만 표시",
    },
    "positionals.image": {
        "en": "image",
        "ko": "이미지",
    },
    "positionals.container": {
        "en": "container",
        "ko": "컨테이너",
    },
    "positionals.service": {
        "en": "service",
        "ko": "서비스",
    },
    "positionals.tar_stream_on_standard_input": {
        "en": "tar stream on standard input/output",
        "ko": "표준 입력/출력의 tar 스트림",
    },
    "substitution.shell_command_substitution_replaced_by": {
        "en": "shell command substitution: replaced by the output of `{cmd}`",
        "ko": "셸 명령 치환: `{cmd}`의 출력으로 바뀜",
    },
    "substitution.as_written": {
        "en": "{p!r} as written",
        "ko": "{p!r}(그대로)",
    },
}
