"""Composed answers: the command plus the flags and values the question asks for."""

from __future__ import annotations

import re

import pytest

from bot.ask.analysis import analyze
from bot.ask.composition import Composer
from bot.ask.matcher import Matcher
from bot.ask.option_values import fit
from bot.ask.values import Value, find_values
from tests.support.matching import answer_of, both_tiers


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return both_tiers()


@pytest.mark.parametrize(
    ("question", "pattern"),
    [
        ("show the last 5 lines of a container's logs", r"^docker logs (.* )?--tail 5\b"),
        ("컨테이너 로그 마지막 20줄만 보기", r"^docker logs (.* )?--tail 20\b"),
        ("follow the logs of one service in docker compose", r"^docker compose logs (.* )?-f\b"),
        ("docker stop with a 30 second timeout", r"^docker stop (.* )?-t 30\b"),
        ("list containers with their sizes", r"^docker ps (.* )?-s\b"),
        ("remove the volumes too when I bring compose down", r"^docker compose down (.* )?-v\b"),
        # one of Docker's words alone ("network", "로그") needs the higher bar; a value that
        # a flag of the answer takes (a subnet, a line count) is Docker's as well
        ("네트워크 만들 때 서브넷 10.5.0.0/24 지정", r"^docker network create --subnet 10\.5\.0\.0/24 "),
        ("make a network with gateway 192.168.50.1", r"^docker network create --gateway 192\.168\.50\.1 "),
        ("로그 마지막 50줄만", r"^docker logs --tail 50 "),
        ("중단된 컨테이너도 목록에 보여줘", r"^docker ps -a\b"),  # 중단된: stopped
        # "only" and "last" ask for no --since
        ("show only the last 20 log lines and keep following", r"^docker logs --tail 20 -f <"),
        ("limit open files to 4096 for a new container", r"^docker run --ulimit nofile=4096"),
    ],
)
def test_command_gets_the_flags_and_values_asked_for(
    matcher: Matcher, question: str, pattern: str
) -> None:
    a = answer_of(matcher, question)
    assert a.confident and a.best is not None
    assert a.best.command is not None
    assert re.search(pattern, a.best.command), a.best.command


def test_json_flags_list_the_composed_flags_with_values_and_meanings(matcher: Matcher) -> None:
    d = answer_of(matcher, "show the last 5 lines of a container's logs").to_dict()
    answer = d["answer"]
    assert isinstance(answer, dict)
    assert answer["command"] == "docker logs --tail 5 <container>"
    flags = answer["flags"]
    assert isinstance(flags, list)
    assert {"flag": "--tail", "value": "5"}.items() <= flags[0].items()
    assert "lines" in flags[0]["meaning"].lower()


def test_korean_question_gets_korean_flag_meanings(matcher: Matcher) -> None:
    d = answer_of(matcher, "컨테이너 로그 마지막 20줄만 보기").to_dict()
    answer = d["answer"]
    assert isinstance(answer, dict) and isinstance(answer["flags"], list)
    assert re.search(r"[\uac00-\ud7a3]", answer["flags"][0]["meaning"])


@pytest.mark.parametrize(
    "question",
    [
        "list running containers",
        "remove an image",
        "컨테이너 중지",
    ],
)
def test_no_flag_is_added_when_none_is_asked(matcher: Matcher, question: str) -> None:
    a = answer_of(matcher, question)
    assert a.best is not None
    assert a.best.added_flags == ()
    assert a.best.command == a.best.entry.command


def _line(composer: Composer, command: str, question: str) -> str:
    """``command`` composed for ``question``; empty when nothing was composed."""
    comp = composer.compose(command, question, analyze(question))
    return comp.command if comp else ""


def _composes(composer: Composer, command: str, question: str, expected: str | None) -> None:
    """``command`` composed for ``question`` is ``expected`` (None: left as it is)."""
    comp = composer.compose(command, question, analyze(question))
    if expected is None:
        assert comp is None, comp
        return
    assert comp is not None
    assert comp.command == expected


@pytest.fixture(scope="module")
def composer(matcher: Matcher) -> Composer:
    return matcher.composer


@pytest.mark.parametrize(
    ("command", "question", "expected"),
    [
        # a quoted flag is always taken when the command has it
        ("docker logs <container>", "docker logs with -t please", "docker logs -t <container>"),
        # a stored example value is replaced by the question's
        ("docker logs --tail 100 <container>", "last 7 lines", "docker logs --tail 7 <container>"),
        # a size keeps its unit, the way docker writes it
        (
            "docker update <container>",
            "set the memory limit to 512MB",
            "docker update --memory 512m <container>",
        ),
        # a flag that takes a value but gets none from the question shows a placeholder
        (
            "docker ps",
            "filter the list of containers",
            "docker ps --filter <filter>",
        ),
        # the value goes to the flag the question names, and the stored line's other
        # placeholders give way to it
        (
            "docker update --restart <policy> --memory <size> --cpus <n> <container>",
            "give it a soft memory reservation of 300 MB",
            "docker update --memory-reservation 300m <container>",
        ),
        (
            "docker run -m <size> --cpus <n> <image>",
            "CPU 가중치(cpu-shares)를 256으로 낮추기",
            "docker run --cpu-shares 256 <image>",
        ),
        # as many values as flags: in the order they are said
        (
            "docker run -m <size> <image>",
            "메모리 2GB, 메모리+스왑 합계 3GB",
            "docker run --memory 2g --memory-swap 3g <image>",
        ),
        # "the final 200 lines" / "끝 30줄" is the end of the log
        ("docker logs <container>", "the final 200 lines", "docker logs --tail 200 <container>"),
        ("docker logs <container>", "로그 끝 30줄", "docker logs --tail 30 <container>"),
        # a count is the sub-command's, never compose's own --parallel
        ("docker compose logs <service>", "200 lines of the web service",
         "docker compose logs web"),
        # a quoted template with spaces is one word: a new flag goes after it
        (
            "docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "
            "<container>",
            "ip address, with its size too",
            "docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' -s "
            "<container>",
        ),
        # a placeholder the question touches stays ("with a name")
        (
            "docker run -d -p <host-port>:<container-port> --name <name> <image>",
            "run it detached with a name and a read-only root filesystem",
            "docker run -d --name <name> --read-only <image>",
        ),
    ],
)
def test_composer_rewrites_the_command_line(
    composer: Composer, command: str, question: str, expected: str
) -> None:
    _composes(composer, command, question, expected)


@pytest.mark.parametrize(
    ("command", "question", "expected"),
    [
        # image references fill the image placeholders, in the order they are written
        (
            "docker tag <image> <new-image>:<tag>",
            "give web:2.1 the extra name ghcr.io/acme/web:stable",
            "docker tag web:2.1 ghcr.io/acme/web:stable",
        ),
        ("docker pull <image>:<tag>", "fetch redis:7-bookworm", "docker pull redis:7-bookworm"),
        # a software name alone fills an image placeholder, without an invented tag
        (
            "docker create --name <name> <image>",
            "prepare a postgres container called pg1",
            "docker create --name pg1 postgres",
        ),
        # a tag given for the build's -t
        (
            "docker build -t <name>:<tag> .",
            "build it as shop-api:3.4",
            "docker build -t shop-api:3.4 .",
        ),
        # a file name goes to the option that takes a file of its kind
        (
            "docker save -o <file>.tar <image>",
            "write web:1 into web-backup.tar",
            "docker save --output web-backup.tar web:1",
        ),
        # compose's own options go before the sub-command
        (
            "docker compose up -d",
            "bring the stack up from compose.staging.yaml",
            "docker compose --file compose.staging.yaml up -d",
        ),
        (
            "docker compose up -d",
            "bring the stack up with the variables in .env.qa",
            "docker compose --env-file .env.qa up -d",
        ),
        # a value only one option takes selects it
        (
            "docker network connect <network> <container>",
            "attach it with the address 10.1.2.3",
            "docker network connect --ip 10.1.2.3 <network> <container>",
        ),
        (
            "docker network create <name>",
            "hand out addresses from the range 10.9.0.0/26",
            "docker network create --ip-range 10.9.0.0/26 <name>",
        ),
        # a Korean particle written against a path is not part of it
        (
            "docker exec <container> <command>",
            "작업 디렉터리를 /opt/app에서 명령 실행",
            "docker exec -w /opt/app <container> <command>",
        ),
        # "uid N, gid M" is the user option's uid:gid
        (
            "docker run <image>",
            "as uid 1001 and gid 1001",
            "docker run -u 1001:1001 <image>",
        ),
        # the signal said "instead of" another is the one asked for
        (
            "docker kill <container>",
            "send SIGUSR1 rather than SIGKILL",
            "docker kill --signal SIGUSR1 <container>",
        ),
        # a registry named for login is its server
        (
            "docker login -u <DockerID>",
            "sign in to registry.acme.internal",
            "docker login -u <DockerID> registry.acme.internal",
        ),
        # a fraction of a CPU in words
        (
            "docker update <container>",
            "allow it only half a cpu",
            "docker update --cpus 0.5 <container>",
        ),
        # a name said as a name is --name's, a host name --hostname's
        (
            "docker run <image>",
            "start redis:7 as a container called cache",
            "docker run --name cache redis:7",
        ),
        ("docker run -d <image>", "web이라는 이름으로 백그라운드 실행", "docker run -d --name web <image>"),
        (
            "docker run <image>",
            "a container whose hostname is worker1",
            "docker run --hostname worker1 <image>",
        ),
        # and fills the <name> of what the command creates, or both names of a rename
        ("docker network create <name>", "create a network named backend",
         "docker network create backend"),
        ("docker rename <old-name> <new-name>", "rename the container web to api",
         "docker rename web api"),
        # an enumerated value said in other words
        (
            "docker run -d <image>",
            "bring it back after reboots unless someone stopped it",
            "docker run -d --restart unless-stopped <image>",
        ),
        ("docker run <image>", "실패할 때만 다시 시작하게 실행",
         "docker run --restart on-failure <image>"),
        ("docker run <image>", "with all the GPUs", "docker run --gpus all <image>"),
        ("docker run <image>", "without any logs", "docker run --log-driver none <image>"),
        # the word that said the value names nothing else
        ("docker network create <name>", "overlay 네트워크 mesh 만들기",
         "docker network create --driver overlay mesh"),
        # a Dockerfile by its file name is build's --file
        (
            "docker build -t <name>:<tag> .",
            "build shop:2.0 from docker/Dockerfile.api",
            "docker build -t shop:2.0 --file docker/Dockerfile.api .",
        ),
        # a stored example value gives way to the question's (a time zone is TZ)
        ("docker run -e TZ=Asia/Seoul <image>", "use the Europe/Berlin time zone",
         "docker run -e TZ=Europe/Berlin <image>"),
        # root, and the directory a command runs from
        ("docker exec <container> <command>", "run it as root from /srv",
         "docker exec -u root -w /srv <container> <command>"),
        # the paths of a copy, in the order given, and the container by its name
        (
            "docker cp <container>:<path> <host-path>",
            "copy /etc/nginx/nginx.conf out of the web container into the current folder",
            "docker cp web:/etc/nginx/nginx.conf .",
        ),
        # the services a compose command is given
        ("docker compose up -d", "web 서비스만 다시 빌드해서 띄우기",
         "docker compose up -d --build web"),
        # options that take the values given come before one that takes none of them
        ("docker run <image>", "4GB memory and 3 CPUs", "docker run --memory 4g --cpus 3 <image>"),
        # compose's --scale is SERVICE=NUM: a count alone goes to the service named
        ("docker compose up -d --scale <service>=<n>", "scale the web service to 3 instances",
         "docker compose up -d --scale web=3 web"),
        ("docker compose up -d --scale <service>=<n>", "compose scale worker=5",
         "docker compose up -d --scale worker=5"),
        # a read-only mount is the mount's :ro; a read-only root filesystem is --read-only
        ("docker run -v <host-path-or-volume>:<container-path> <image>",
         "mount the folder read only", "docker run -v <host-path-or-volume>:<container-path>:ro <image>"),
        ("docker run -v <host-path-or-volume>:<container-path> <image>",
         "and make the root filesystem read-only",
         "docker run -v <host-path-or-volume>:<container-path> --read-only <image>"),
        # "shared memory" is --shm-size's words: the stored -m <size> gives way
        ("docker run -m <size> --cpus <n> <image>", "set shared memory size for a container",
         "docker run --shm-size <bytes> <image>"),
        # a value given to one of the stored line's options: the other placeholder gives way
        ("docker run -e <KEY>=<VALUE> --env-file <file> <image>", "환경변수 MODE=prod 주고 실행",
         "docker run -e MODE=prod <image>"),
        # one reference said as the new name: the image is the one named bare
        ("docker tag <image> <new-image>:<tag>", "myapp 이미지를 myrepo/myapp:v1으로 태그",
         "docker tag myapp myrepo/myapp:v1"),
        ("docker tag <image> <new-image>:<tag>", "tag an image as myrepo/myapp:v1",
         "docker tag <image> myrepo/myapp:v1"),
        # "the last 30 minutes" is a span of time, not the last lines
        ("docker logs <container>", "show the logs of the last 30 minutes",
         "docker logs --since 30m <container>"),
        ("docker logs <container>", "api 컨테이너 로그 최근 5분만 보기", "docker logs --since 5m api"),
        # what is to be kept asks for no flag that removes it
        ("docker compose down", "stop and remove the containers and networks but keep volumes",
         None),
        # an added switch replaces the stored line's opposite one
        ("docker compose up -d --build", "bring it up without building",
         "docker compose up -d --no-build"),
        # "a named volume" is a kind of volume, not a volume named "volume"
        ("docker volume create <name>", "create a named volume", None),
    ],
)
def test_composer_fills_values_of_every_kind(
    composer: Composer, command: str, question: str, expected: str | None
) -> None:
    _composes(composer, command, question, expected)


@pytest.mark.parametrize(
    ("command", "question", "expected"),
    [
        # a filter said in words asks for --filter
        ("docker ps -a", "only the ones that are paused", "docker ps -a --filter status=paused"),
        # a flag given several values is repeated
        (
            "docker run <image>",
            "with APP_ENV=prod and APP_DEBUG=0",
            "docker run -e APP_ENV=prod -e APP_DEBUG=0 <image>",
        ),
        # a Linux capability is granted, or dropped when the question takes it away
        ("docker run <image>", "let it use SYS_PTRACE", "docker run --cap-add SYS_PTRACE <image>"),
        (
            "docker run <image>",
            "drop the NET_RAW capability",
            "docker run --cap-drop NET_RAW <image>",
        ),
        # a variable's name alone is passed on as it is
        (
            "docker build -t <name>:<tag> .",
            "hand the build RELEASE_ID from my shell",
            "docker build -t <name>:<tag> --build-arg RELEASE_ID .",
        ),
        # the Korean word for an enumerated value, with the option named
        (
            "docker run <image>",
            "호스트 네트워크로 붙여서",
            "docker run --network host <image>",
        ),
        # a duration is a start ("the last hour") unless the question says up to when
        ("docker events", "지난 2시간 동안의 이벤트", "docker events --since 2h"),
        ("docker events", "events up to 30 minutes ago", "docker events --until 30m"),
        # a name said with what it names goes to that option or placeholder
        (
            "docker build --target <stage> -t <name>:<tag> .",
            "stop at the assets stage",
            "docker build --target assets -t <name>:<tag> .",
        ),
        (
            "docker compose exec -u <user> <service> sh",
            "api 서비스에서 deploy 사용자로",
            "docker compose exec -u deploy api sh",
        ),
        (
            "docker network connect <network> <container>",
            "put the worker container on the network jobs",
            "docker network connect jobs worker",
        ),
        # -v is source:target: the current directory, a host path or a named volume
        (
            "docker run -v <host-path-or-volume>:<container-path> <image>",
            "mount the current folder at /work",
            'docker run -v "$(pwd):/work" <image>',
        ),
        (
            "docker run -v <host-path-or-volume>:<container-path> <image>",
            "/etc/app 를 /config 에 읽기 전용으로",
            "docker run -v /etc/app:/config:ro <image>",
        ),
        (
            "docker run -v <host-path-or-volume>:<container-path> <image>",
            "볼륨 cache 를 /root/.cache 에 붙이기",
            "docker run -v cache:/root/.cache <image>",
        ),
        # an everyday word before the noun is no name
        ("docker stop <container>", "stop the running container", None),
        # an architecture said alone is its Linux platform
        (
            "docker pull --platform linux/amd64 <image>",
            "the arm64 build of it",
            "docker pull --platform linux/arm64 <image>",
        ),
        # a filter's subject wins over a state word ("created before")
        ("docker image ls", "images created before web:3", "docker image ls --filter before=web:3"),
        # a flag's name read with its endings: "privileges" is --privileged
        (
            "docker run <image>",
            "give it extended privileges",
            "docker run --privileged <image>",
        ),
        # an English question needs to cover the English half of a flag's description only
        (
            "docker image prune",
            "skip the confirmation prompt",
            "docker image prune -f",
        ),
        # leaving something out ("without starting") meets a flag that turns it off
        (
            "docker compose run --rm <service> <command>",
            "without starting the linked services",
            "docker compose run --rm --no-deps <service> <command>",
        ),
        # adverbs, participles and joining words after "container" are no names
        ("docker restart <container>", "restart the container automatically", None),
        ("docker attach <container>", "attach to the container without input", None),
        ("docker stop <container>", "stop it with SIGINT", "docker stop --signal SIGINT <container>"),
        # "background" is --detach's whole name and one word of --detach-keys: a phrase
        # people use for a flag weighs no less than the same words in the flag's own text
        ("docker run <image> [<command>]", "컨테이너를 백그라운드에서 실행하려면?",
         "docker run -d <image> [<command>]"),
        ("docker run <image> [<command>]", "run a container in the background",
         "docker run -d <image> [<command>]"),
        ("docker ps", "show the newest container", "docker ps -l"),
        ("docker volume ls", "list volumes that are not used by any container",
         "docker volume ls --filter dangling=true"),
        ("docker volume prune [-a]", "안 쓰는 볼륨 삭제", None),  # a prune's own job: no filter
        # stopped ones only are a status filter; stopped ones too are not
        ("docker ps -a", "list only stopped containers", "docker ps -a --filter status=exited"),
        ("docker ps -a", "정지된 것까지 포함해서 컨테이너 목록", None),
        ("docker run --name <name> <image>", "show only container names", None),  # no --read-only
        ("docker login -u <DockerID>", "log in to ghcr.io as user bob", "docker login -u bob ghcr.io"),
        ("docker login -u <DockerID>", "ghcr.io에 bob 계정으로 로그인", "docker login -u bob ghcr.io"),
        # a copy goes out of the container as stored, and into it when the question says so
        ("docker cp <container>:<path> <host-path>", "copy config.json into the web container",
         "docker cp <host-path> <container>:<path>"),
        ("docker cp <container>:<path> <host-path>", "호스트에서 컨테이너로 파일 업로드",
         "docker cp <host-path> <container>:<path>"),
        ("docker cp <container>:<path> <host-path>", "copy file from container to host", None),
        ("docker cp <container>:<path> <host-path>", "호스트 파일을 web 컨테이너 /etc/nginx에 복사",
         "docker cp <host-path> web:/etc/nginx"),
        # "read only" names no volume
        ("docker run -v <host-path-or-volume>:<container-path> <image>",
         "mount a named volume read only",
         "docker run -v <host-path-or-volume>:<container-path>:ro <image>"),
        # restarted on failure at most N times: on-failure:N, and the count is no limit
        ("docker run -d --restart <policy> <image>", "비정상 종료하면 최대 5번까지만 다시 띄우게",
         "docker run -d --restart on-failure:5 <image>"),
        ("docker run <image> [<command>]", "restart it on failure, up to 3 times",
         "docker run --restart on-failure:3 <image> [<command>]"),
        # the engine refuses --rm with --restart: the one asked for replaces the other
        ("docker run --rm <image>", "keep it restarting unless I stop it",
         "docker run --restart unless-stopped <image>"),
        ("docker run -d --restart <policy> <image>", "일회용 컨테이너인데 죽으면 다시 시작되게",
         "docker run -d --restart on-failure <image>"),
    ],
)
def test_composer_picks_options_from_what_the_question_says(
    composer: Composer, command: str, question: str, expected: str | None
) -> None:
    _composes(composer, command, question, expected)


def test_a_phrase_left_with_a_word_of_place_picks_no_flag(composer: Composer) -> None:
    # "도커 안에 도커" (docker in docker) is --privileged's; without Docker's own words it
    # would be "안에" (in) alone, which any question about a file in an image says
    question = "이미지 안에 어떤 파일 있는지 보기"
    line = _line(composer, "docker run <image>", question)
    assert "--privileged" not in line, line


@pytest.mark.parametrize("question", ["list the files inside a container",
                                      "what is inside the container's /etc folder"])
def test_a_place_inside_a_container_asks_for_no_interactive_shell(
    composer: Composer, question: str
) -> None:
    # "inside" says where the files are; an interactive session is asked for in words
    # of its own ("open a shell", "type commands")
    line = _line(composer, "docker exec <container> ls -la <path>", question)
    assert "-i" not in line.split(), line
    shell_line = _line(composer, "docker exec <container> sh", "open a shell and type commands")
    assert "-i" in shell_line.split(), shell_line


@pytest.mark.parametrize("question", ["container cannot write to a mounted folder permission denied",
                                      "마운트한 폴더에 권한 없음 에러", "operation not permitted in the container"])
def test_a_permission_refused_asks_for_no_privileged_container(
    composer: Composer, question: str
) -> None:
    # the error is to be explained (the folder's owner, the user the container runs as);
    # --privileged gives the container every power of the host
    line = _line(composer, "docker run -v <volume> <image>", question)
    assert "--privileged" not in line, line
    asked = "run the container with full privileges"
    line = _line(composer, "docker run <image>", asked)
    assert "--privileged" in line, line


def test_generic_words_of_a_description_pick_no_flag(composer: Composer) -> None:
    # "파일" (file) and "호스트" (host) are words of --cidfile's, --device's and --add-host's
    # texts, and of many questions that want none of them
    question = "컨테이너 안에서 만든 파일이 호스트에서 root 소유로 보여요"
    line = _line(composer, "docker run <image>", question)
    assert not any(f in line for f in ("--cidfile", "--device", "--add-host")), line


@pytest.mark.parametrize("question", ["Follow the logs of every service with timestamps",
                                      "모든 서비스 로그를 시간과 함께 계속 보기"])
def test_timestamps_asked_for_are_timestamps_not_a_since(composer: Composer, question: str) -> None:
    line = _line(composer, "docker compose logs -f <service>", question)
    assert "-t" in line.split(), line
    assert "--since" not in line, line


def test_without_alone_picks_no_switch_that_turns_something_off(composer: Composer) -> None:
    # "캐시 없이" is --no-cache's; "없이" is also a word of --no-color's Korean text
    question = "서비스 하나만 캐시 없이 다시 빌드해서 올리기"
    line = _line(composer, "docker compose up -d --build", question)
    assert "--no-color" not in line, line


def test_a_placeholder_inside_a_stored_value_takes_the_question_s(composer: Composer) -> None:
    question = "Set the ulimit for open files to 65535"
    line = _line(composer, "docker run --ulimit nofile=<soft>:<hard> <image>", question)
    assert "--ulimit nofile=65535:65535" in line, line


@pytest.mark.parametrize("question", ["Run a container with a 64 MB /dev/shm",
                                      "/dev/shm 64MB로 컨테이너 실행"])
def test_shared_memory_named_is_shm_size(composer: Composer, question: str) -> None:
    # /dev/shm names shared memory (--shm-size's), it is no path given
    line = _line(composer, "docker run <image>", question)
    assert "--shm-size 64m" in line, line


def test_a_capability_named_is_no_privileged_container(composer: Composer) -> None:
    question = "NET_ADMIN 권한 추가해서 컨테이너 실행"
    line = _line(composer, "docker run <image>", question)
    assert "--cap-add NET_ADMIN" in line, line
    assert "--privileged" not in line, line


@pytest.mark.parametrize(
    ("path", "long", "value", "fits"),
    [
        ("docker image build", "file", Value("path", "/app/package.json", 0), False),
        ("docker image build", "file", Value("file", "docker/prod.Dockerfile", 0), True),
        ("docker compose", "file", Value("file", "docker-compose.prod.yml", 0), True),
        ("docker compose", "env-file", Value("path", ".", 0), False),
        ("docker container run", "env-file", Value("path", "./config/prod.env", 0), True),
    ],
)
def test_a_file_option_takes_a_file_of_its_kind(
    composer: Composer, path: str, long: str, value: Value, fits: bool
) -> None:
    # (a path a pasted error names is no Dockerfile; the "." ending a sentence no env file)
    cmd = composer.spec.get(path)
    assert cmd is not None
    flag = cmd.flag_by_long(long)
    assert flag is not None
    assert (fit(flag, value) is not None) == fits


@pytest.mark.parametrize("question", ["Clear the build cache without being asked to confirm",
                                      "prune it with no confirmation prompt"])
def test_no_question_asked_is_force(composer: Composer, question: str) -> None:
    line = _line(composer, "docker builder prune [-a]", question)
    assert "-f" in line.split(), line


def test_an_age_is_an_until_filter_not_a_state(composer: Composer) -> None:
    # "created more than 24 hours ago": their age, not the state "created"
    question = "Remove images created more than 24 hours ago that are unused"
    line = _line(composer, "docker image prune [-a]", question)
    assert "--filter until=24h" in line, line


def test_all_alone_is_no_value_of_gpus(composer: Composer) -> None:
    question = "Drop all capabilities from a container"
    line = _line(composer, "docker run <image>", question)
    assert "--gpus" not in line, line
    question = "Run a container with all GPUs available"
    line = _line(composer, "docker run <image>", question)
    assert "--gpus all" in line, line


def test_turning_something_else_off_is_no_oom_killer_off(composer: Composer) -> None:
    question = "도커 재부팅 후 컨테이너 자동 실행 끄기"
    line = _line(composer, "docker run -d --restart <policy> <image>", question)
    assert "--oom-kill-disable" not in line, line
    question = "OOM killer 끄고 실행"
    line = _line(composer, "docker run <image>", question)
    assert "--oom-kill-disable" in line, line


def test_a_switch_that_is_on_already_is_not_added(composer: Composer) -> None:
    # build's --rm "(default true)": removing what the build leaves is what it does anyway
    question = "빌드하고 중간 컨테이너는 삭제"
    line = _line(composer, "docker build -t <name>:<tag> .", question)
    assert "--rm" not in line.split(), line
    # and a --no-* switch still turns one off
    question = "run a command in a compose service without a tty"
    line = _line(composer, "docker compose exec <service> sh", question)
    assert "-T" in line.split(), line


def test_a_bind_mount_is_no_port(composer: Composer) -> None:
    question = "Understanding Docker volumes vs bind mounts"
    assert "c:port" not in analyze(question).features
    line = _line(composer, "docker run -v <host-path>:<container-path> <image>", question)
    assert "-p" not in line.split(), line


def test_asking_what_the_options_mean_picks_no_option(composer: Composer) -> None:
    # "옵션" is a word of --sysctl's Korean text ("Sysctl 옵션"), and of any question
    # about what the options of a command are
    question = "docker run -it 옵션 의미"
    line = _line(composer, "docker run -it <image> sh", question)
    assert "--sysctl" not in line, line


def test_the_words_of_a_name_pick_no_flag(composer: Composer) -> None:
    # "proxy" is the container's name here, not a request for --sig-proxy
    question = "create an nginx container named proxy"
    comp = composer.compose("docker create --name <name> <image>", question, analyze(question))
    assert comp is not None
    assert comp.command == "docker create --name proxy nginx"


@pytest.mark.parametrize(
    "command",
    [
        "docker rm -f $(docker ps -aq)",  # a compound line is shown as stored
        "docker build -t app . && docker run app",  # so is a chain of commands
        "docker compose",  # a command group, not a command
        "kubectl get pods",  # not docker
    ],
)
def test_composer_leaves_lines_it_cannot_rewrite(composer: Composer, command: str) -> None:
    assert composer.compose(command, "all of them with -f", analyze("all of them -f")) is None


def test_a_fresh_matcher_answers_concurrent_first_questions(matcher: Matcher) -> None:
    """A reloaded knowledge base serves requests on many threads at once while its
    composer prepares each command lazily; none may see a half-prepared command."""
    import sys
    import threading

    questions = ["run a container in the background with port 80",
                 "show the last 5 lines of a container's logs", "컨테이너를 멈출 때 30초 기다리기",
                 "build an image with no cache", "list all containers including stopped"]
    errors: list[str] = []
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        for _ in range(10):
            fresh = Matcher(matcher.kb, index=matcher.index)
            start = threading.Barrier(8)

            def ask(i: int, m: Matcher = fresh, b: threading.Barrier = start) -> None:
                b.wait()
                try:
                    m.ask(questions[i % len(questions)], "en")
                except Exception as exc:  # any failure is the finding
                    errors.append(repr(exc))

            threads = [threading.Thread(target=ask, args=(i,)) for i in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []


def test_a_word_that_starts_like_a_signal_is_no_signal() -> None:
    found = find_values("forward signals such as SIGINT, not SIGNALS")
    assert [v.text for v in found if v.kind == "signal"] == ["SIGINT"]


@pytest.mark.parametrize(
    ("question", "kind", "text"),
    [
        ("pin it to CPU cores 0 and 1", "cpuset", "0,1"),
        ("0번과 1번 코어에서만", "cpuset", "0,1"),
        ("on cpus 0-3", "cpuset", "0-3"),
        ("raise open files to 65535", "ulimit", "nofile=65535:65535"),
        ("열 수 있는 파일 개수를 4096으로", "ulimit", "nofile=4096:4096"),
        ("열린 파일 수 제한을 65535로", "ulimit", "nofile=65535:65535"),
    ],
)
def test_cpu_lists_and_resource_limits_are_values(question: str, kind: str, text: str) -> None:
    assert [(v.kind, v.text) for v in find_values(question)] == [(kind, text)]


def test_a_cpu_count_is_no_cpu_list() -> None:
    assert [(v.kind, v.text) for v in find_values("limit it to 2 cpus")] == [("number", "2")]


@pytest.mark.parametrize(
    ("command", "question", "expected"),
    [
        ("docker run <image>", "pin it to CPU cores 0 and 1", "docker run --cpuset-cpus 0,1 <image>"),
        ("docker update <container>", "메모리 노드 0-1 에만", "docker update --cpuset-mems 0-1 <container>"),
        ("docker run <image>", "nofile 1024", "docker run --ulimit nofile=1024:1024 <image>"),
    ],
)
def test_a_cpu_list_or_a_limit_selects_its_option(
    composer: Composer, command: str, question: str, expected: str
) -> None:
    _composes(composer, command, question, expected)


def test_an_exit_code_is_no_count() -> None:
    # "code 137" says what happened; it is not the value of --cpus or --tail
    assert [(v.kind, v.text) for v in find_values("it exits with code 137")] == [
        ("exitcode", "137")
    ]


def test_an_exit_code_said_about_containers_filters_them(composer: Composer) -> None:
    _composes(composer, "docker ps -a", "the ones that exited with code 3",
              "docker ps -a --filter exited=3")


@pytest.mark.parametrize(
    ("command", "question", "expected"),
    [
        # a cluster of switches already says each of them: no second -i after -it
        ("docker exec -it <container> sh", "an interactive shell inside it", None),
        # an optional switch shown in brackets is written out when asked for
        ("docker system prune [-a] [--volumes]", "remove the volumes too",
         "docker system prune [-a] --volumes"),
        # a flag that turns something off is not what "an interactive shell" asks for
        ("docker compose exec <service> sh", "an interactive terminal in the service", None),
    ],
)
def test_switches_already_there_and_switches_that_turn_things_off(
    composer: Composer, command: str, question: str, expected: str | None
) -> None:
    _composes(composer, command, question, expected)


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("never as root", []),  # a refusal names no user
        ("add volume to a container", []),  # a verb before the noun names nothing
        ("the final image of a multi-stage build", []),  # "multi-" names no stage
        ("what is a Dockerfile", []),  # the word alone names no file
        ("mount ./src in /app", [("path", ""), ("path", "")]),  # a mount target, no workdir
        ("run npm install in the /app directory", [("path", "workdir")]),
        ("copy a file from /var/log/app.log", [("path", "")]),  # a file is no directory
    ],
)
def test_what_is_and_is_not_a_value(question: str, kinds: list[tuple[str, str]]) -> None:
    assert [(v.kind, v.hint) for v in find_values(question)] == kinds


@pytest.mark.parametrize(
    ("question", "duration"),
    [
        ("logs of the last hour", "1h"),
        ("older than a week", "168h"),  # Docker's durations stop at hours
        ("remove containers older than 2 days", "48h"),
        ("하루 지난 이미지", "24h"),
        ("지난 한 시간 로그", "1h"),
        ("images older than a month", "720h"),  # a month: 30 days
        ("3개월 넘은 이미지", "2160h"),
        ("한 달 지난 컨테이너", "720h"),
        ("show container logs since yesterday", "24h"),  # the last day
        ("어제부터의 컨테이너 로그", "24h"),
    ],
)
def test_days_weeks_and_one_unit_in_words_are_durations(question: str, duration: str) -> None:
    assert [v.text for v in find_values(question) if v.kind == "duration"] == [duration]


def test_a_day_of_a_course_is_no_duration() -> None:
    assert not [v for v in find_values("7일차 도커 공부") if v.kind == "duration"]
