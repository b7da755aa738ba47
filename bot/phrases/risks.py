"""What each risk rule (:mod:`bot.explain.risks`) says, as ``(English, Korean)`` (data only).

Keys are ``<rule>.message`` (what is risky) and ``<rule>.safer`` (a safer way to get the
same result), plus the words a rule fills them with; the catalog prefixes them with
``explain.risk.``. A rule whose message has two forms names the other one
``<rule>.message_<form>``."""

from __future__ import annotations

RISKS: dict[str, tuple[str, str]] = {
    # bot.explain.risks.isolation
    "privileged.message": (
        "--privileged gives the container every device and kernel capability of the host; "
        "a process inside can take over the whole machine.",
        "--privileged는 호스트의 모든 장치와 커널 권한을 컨테이너에 줍니다. 컨테이너 안의 "
        "프로세스가 호스트 전체를 장악할 수 있습니다.",
    ),
    "privileged.safer": (
        "Grant only what is needed: --cap-add <ONE_CAPABILITY> or --device /dev/<device>.",
        "필요한 것만 주세요: --cap-add <필요한_권한> 또는 --device /dev/<장치>.",
    ),
    "docker_socket.message": (
        "Mounting the Docker socket lets the container control Docker on the host, "
        "which equals root access to the host.",
        "Docker 소켓을 마운트하면 컨테이너가 호스트의 Docker를 조종할 수 있어 "
        "호스트 root 권한과 같습니다.",
    ),
    "docker_socket.safer": (
        "Avoid it; if a tool really needs the API, use a socket proxy that allows "
        "only the read-only calls it needs, and mount it :ro.",
        "피하세요. 꼭 API가 필요하면 필요한 읽기 호출만 허용하는 소켓 프록시를 쓰고 "
        ":ro로 마운트하세요.",
    ),
    "host_root.message": (
        "This mounts the host's whole root filesystem into the container; "
        "anything inside can read or change every file on the host.",
        "호스트의 루트 파일 시스템 전체를 컨테이너에 마운트합니다. 컨테이너 안에서 "
        "호스트의 모든 파일을 읽고 바꿀 수 있습니다.",
    ),
    "host_root.safer": (
        "Mount only the folder you need, read-only if possible: -v /path/you/need:/data:ro.",
        "필요한 폴더만, 가능하면 읽기 전용으로 마운트하세요: -v /필요한/경로:/data:ro.",
    ),
    "system_dir.message": (
        "{src} is a system directory of the host; the container can change it.",
        "{src}는 호스트의 시스템 디렉터리입니다. 컨테이너가 바꿀 수 있습니다.",
    ),
    "system_dir.safer": (
        "Mount it read-only (add :ro) or copy just the file you need.",
        "읽기 전용(:ro)으로 마운트하거나 필요한 파일만 복사하세요.",
    ),
    "api_socket.message": (
        "--use-api-socket mounts the Docker API socket with your credentials: "
        "the container can control Docker on the host.",
        "--use-api-socket은 인증 정보와 함께 Docker API 소켓을 마운트합니다. "
        "컨테이너가 호스트의 Docker를 조종할 수 있습니다.",
    ),
    "api_socket.safer": (
        "Use it only for trusted tools that must drive Docker.",
        "Docker를 꼭 다뤄야 하는 믿을 수 있는 도구에만 쓰세요.",
    ),
    "namespace.message": (
        "--{flag}=host removes the container's isolation from the host ({why}).",
        "--{flag}=host는 호스트와의 격리를 없앱니다({why}).",
    ),
    "namespace.why_pid": (
        "it sees and can signal every host process",
        "호스트의 모든 프로세스를 보고 시그널을 보낼 수 있음",
    ),
    "namespace.why_shared": ("it shares it with the host", "호스트와 공유"),
    "namespace.safer": (
        "Leave it out; to debug another container use --pid=container:<name>.",
        "빼세요. 다른 컨테이너를 디버깅하려면 --pid=container:<이름>을 쓰세요.",
    ),
    "host_network.message": (
        "--network host drops network isolation: every port the container opens is open on "
        "the host, and -p is ignored.",
        "--network host는 네트워크 격리를 없앱니다. 컨테이너가 여는 모든 포트가 호스트에서 "
        "열리고 -p는 무시됩니다.",
    ),
    "host_network.safer": (
        "Publish only the ports you need: -p 127.0.0.1:8080:80 on the default "
        "or a user-defined network.",
        "필요한 포트만 공개하세요: 기본 또는 사용자 정의 네트워크에서 -p 127.0.0.1:8080:80.",
    ),
    "cap_add.message": (
        "--cap-add gives the container extra kernel privileges ({names}).",
        "--cap-add는 컨테이너에 커널 권한을 더 줍니다({names}).",
    ),
    "cap_add.message_dangerous": (
        "--cap-add gives the container extra kernel privileges ({names}); "
        "these are close to full root on the host.",
        "--cap-add는 컨테이너에 커널 권한을 더 줍니다({names}); 호스트 root에 가까운 권한입니다.",
    ),
    "cap_add.safer": (
        "Add only the single capability the program needs, and drop the rest: "
        "--cap-drop ALL --cap-add <NEEDED>.",
        "프로그램에 필요한 권한 하나만 추가하고 나머지는 빼세요: "
        "--cap-drop ALL --cap-add <필요한_권한>.",
    ),
    "security_profile.message": (
        "This turns off a kernel security profile that limits what the container may do.",
        "컨테이너가 할 수 있는 일을 제한하는 커널 보안 프로필을 끕니다.",
    ),
    "security_profile.safer": (
        "Keep the default profile; if one call is blocked, write a custom profile "
        "that allows just that call.",
        "기본 프로필을 유지하고, 막힌 호출이 있으면 그것만 허용하는 프로필을 만드세요.",
    ),
    "device.message": (
        "--device gives the container direct access to a host device.",
        "--device는 컨테이너에 호스트 장치 직접 접근을 줍니다.",
    ),
    "device.safer": (
        "Pass only that device, read-only if possible (:r).",
        "그 장치만, 가능하면 읽기 전용(:r)으로 넘기세요.",
    ),
    # bot.explain.risks.exposure
    "exposure.the_database": ("the database", "데이터베이스"),
    "published_database.message": (
        "{what} is published on every network interface of the host, so other "
        "machines can reach it (Docker's port rules also bypass ufw/firewalld).",
        "{what} 포트가 호스트의 모든 네트워크 인터페이스에 공개되어 다른 컴퓨터에서도 "
        "접속할 수 있습니다(Docker 포트 규칙은 ufw/firewalld도 우회함).",
    ),
    "published_database.safer": (
        "Bind it to this machine only: -p 127.0.0.1:{host_port}:{port}, "
        "or put the app and the database on one user-defined network without -p.",
        "이 컴퓨터에만 열도록 하세요: -p 127.0.0.1:{host_port}:{port}, "
        "또는 앱과 DB를 같은 사용자 정의 네트워크에 두고 -p를 빼세요.",
    ),
    "build_arg_secret.message": (
        "{key} is passed as a build argument: it stays readable in the image "
        "history (docker history) and in your shell history.",
        "{key}를 빌드 인자로 넘기면 이미지 이력(docker history)과 셸 기록에 그대로 남습니다.",
    ),
    "build_arg_secret.safer": (
        "Use a BuildKit secret: docker build --secret id=mysecret,src=./secret.txt "
        "and RUN --mount=type=secret,id=mysecret in the Dockerfile.",
        "BuildKit secret을 쓰세요: docker build --secret id=mysecret,src=./secret.txt "
        "와 Dockerfile의 RUN --mount=type=secret,id=mysecret.",
    ),
    "env_secret.message": (
        "The secret in {key} is written on the command line: it ends up in shell "
        "history, in `ps` output and in `docker inspect`.",
        "{key}의 비밀 값이 명령줄에 그대로 있어 셸 기록, `ps` 출력, `docker inspect`에 남습니다.",
    ),
    "env_secret.safer": (
        "Put it in a file and use --env-file ./app.env, or pass only the name "
        "(-e {key}) so the value comes from your environment; in Swarm/Compose use secrets.",
        "파일에 넣고 --env-file ./app.env를 쓰거나 이름만 넘겨(-e {key}) 값은 환경 "
        "변수에서 오게 하세요. Swarm/Compose에서는 secrets를 쓰세요.",
    ),
    "login_password.message": (
        "The password is written on the command line and stays in shell history.",
        "비밀번호가 명령줄에 있어 셸 기록에 남습니다.",
    ),
    "login_password.safer": (
        "Use --password-stdin: cat token.txt | docker login -u <user> --password-stdin.",
        "--password-stdin을 쓰세요: cat token.txt | docker login -u <사용자> --password-stdin.",
    ),
    "plain_tcp.message": (
        "A plain tcp:// Docker connection has no encryption and no authentication; "
        "anyone who can reach that port controls the host as root.",
        "평문 tcp:// Docker 연결은 암호화도 인증도 없습니다. 그 포트에 닿는 누구나 "
        "호스트를 root로 조종할 수 있습니다.",
    ),
    "plain_tcp.safer": (
        "Use SSH (-H ssh://user@host) or TLS on port 2376 with --tlsverify.",
        "SSH(-H ssh://user@host)나 2376 포트의 TLS(--tlsverify)를 쓰세요.",
    ),
    # bot.explain.risks.data_loss; {end} is "." or ``system_prune.without_asking``
    "system_prune.message": (
        "This deletes every stopped container, unused network, {images}{end}",
        "멈춘 컨테이너, 안 쓰는 네트워크, {images}를 지웁니다{end}",
    ),
    "system_prune.message_volumes": (
        "This deletes every stopped container, unused network, {images} and unused "
        "volumes — their data is gone for good{end}",
        "멈춘 컨테이너, 안 쓰는 네트워크, {images}와 사용하지 않는 볼륨까지 지웁니다 — "
        "볼륨 데이터는 되돌릴 수 없습니다{end}",
    ),
    "system_prune.all_images": (
        "every image not used by a container (you will pull/build again)",
        "컨테이너가 쓰지 않는 모든 이미지(다시 받거나 빌드해야 함)",
    ),
    "system_prune.dangling_images": ("dangling image", "dangling 이미지"),
    "system_prune.without_asking": (", without asking (-f).", " (-f라서 묻지도 않음)."),
    "system_prune.safer": (
        "Check first with docker system df, then prune one kind at a time: "
        "docker container prune, docker image prune; back up volumes before "
        "docker volume prune.",
        "먼저 docker system df로 확인하고 종류별로 지우세요: docker container prune, "
        "docker image prune; docker volume prune 전에는 볼륨을 백업하세요.",
    ),
    "volume_rm.message": (
        "Removing volumes deletes the data in them (databases, uploads) for good.",
        "볼륨을 지우면 그 안의 데이터(DB, 업로드 파일)가 영구히 사라집니다.",
    ),
    "volume_rm.safer": (
        "List them first (docker volume ls) and back up what matters: docker run --rm "
        "-v <vol>:/data -v $(pwd):/backup alpine tar czf /backup/vol.tgz -C /data .",
        "먼저 docker volume ls로 확인하고 중요한 것은 백업하세요: docker run --rm "
        "-v <볼륨>:/data -v $(pwd):/backup alpine tar czf /backup/vol.tgz -C /data .",
    ),
    "compose_down_volumes.message": (
        "-v also deletes the named volumes of the project: database data is lost.",
        "-v는 프로젝트의 이름 있는 볼륨까지 지웁니다: DB 데이터가 사라집니다.",
    ),
    "compose_down_volumes.safer": (
        "Use docker compose down without -v; the volumes stay and are reused on the next up.",
        "-v 없이 docker compose down을 쓰세요. 볼륨은 남아 다음 up에서 다시 쓰입니다.",
    ),
    "rm_force.message": (
        "-f kills a running container (SIGKILL) before removing it: no clean shutdown, "
        "and its writable layer is gone.",
        "-f는 실행 중인 컨테이너를 SIGKILL로 죽이고 지웁니다: 정상 종료가 없고 "
        "컨테이너 안의 변경 내용도 사라집니다.",
    ),
    "rm_force.safer": (
        "Stop it first so it can shut down cleanly: docker stop <name> && docker rm <name>.",
        "먼저 정상 종료시키세요: docker stop <이름> && docker rm <이름>.",
    ),
    "rmi_force.message": (
        "-f removes the image even when it has several tags or containers still use it.",
        "-f는 태그가 여러 개이거나 컨테이너가 쓰는 이미지도 지웁니다.",
    ),
    "rmi_force.safer": (
        "Remove the containers that use it first, or untag just one name: "
        "docker rmi <name>:<tag> without -f.",
        "먼저 그 이미지를 쓰는 컨테이너를 지우거나, -f 없이 docker rmi <이름>:<태그>로 "
        "태그 하나만 지우세요.",
    ),
}
