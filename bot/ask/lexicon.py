"""Words the matcher treats as the same idea, in Korean, English and Konglish.

Each concept maps to the surface forms that express it. Korean forms are found
as substrings of the question with its spaces removed (so spacing mistakes do
not matter); English forms are whole words or phrases. A question and a
knowledge entry that share a concept match even when they share no word:
"get rid of" ~ "delete" ~ "삭제" ~ "지우기".

Also here: English stop words, Korean particles and verb endings, the words
that anchor a question in Docker, and the names of other tools whose
questions are out of scope unless Docker is named too.
"""

from __future__ import annotations

CONCEPTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # concept: (Korean substrings, English words/phrases)
    "remove": (
        ("삭제", "제거", "지우", "지워", "지운", "지울", "없애", "없앨", "날리", "날려", "리무브", "딜리트",
         "떼려", "떼기", "떼어", "떼는", "떼고", "뗄"),
        ("delete", "remove", "rm", "erase", "del", "destroy", "get rid", "wipe", "purge"),
    ),
    "list": (
        ("목록", "리스트", "조회", "나열", "보기", "보여", "보려", "보는", "보고", "볼 수", "확인"),
        ("list", "ls", "show", "view", "see", "display", "check", "what are"),
    ),
    "run": (
        ("실행", "띄우", "띄워", "띄울", "돌리", "돌려", "구동", "켜", "런"),
        ("run", "launch", "spin up", "fire up", "boot", "execute"),
    ),
    "start": (("시작", "스타트", "다시 켜"), ("start", "bring up")),
    # taking a stack down: compose down (not "stop" alone)
    "down": (("내리", "내려", "내릴", "내린"), ("down", "tear down", "take down", "bring down")),
    "stop": (
        ("중지", "정지", "멈추", "멈춰", "멈출", "끄", "꺼", "끌", "종료", "스톱", "스탑"),
        ("stop", "halt", "shutdown", "shut down", "turn off"),
    ),
    "restart": (("재시작", "리스타트", "재부팅", "재기동", "재실행", "다시 실행", "다시 시작", "다시 띄우", "다시 띄워"), ("restart", "reboot", "reload")),
    "kill": (("강제 종료", "강제종료", "킬", "죽이", "죽여"), ("kill", "sigkill", "signal")),
    "pause": (
        ("일시정지", "일시 정지", "일시중지", "얼리", "포즈", "재개"),
        ("pause", "unpause", "freeze", "resume", "unfreeze"),
    ),
    "background": (
        ("백그라운드", "디태치", "뒤에서", "분리", "백그라운드로"),
        ("background", "detach", "detached", "detatch", "as a daemon", "as daemon", "daemon mode",
         "daemonize", "daemonized"),
    ),
    "foreground": (("포그라운드", "인터랙티브", "대화형", "터미널"), ("interactive", "tty", "terminal", "foreground")),
    "port": (
        ("포트", "포워딩", "포트포워딩", "매핑", "포트 매핑", "바인딩"),
        ("port", "ports", "publish", "forward", "forwarding", "expose", "mapping", "bind"),
    ),
    "image": (("이미지", "이미즈", "이미쥐"), ("image", "images", "img")),
    "container": (
        ("컨테이너", "컨테이나", "콘테이너", "컨테이", "컨터이너"),
        ("container", "containers", "ctr"),
    ),
    "log": (("로그", "출력"), ("log", "logs", "output", "stdout")),
    "follow": (
        ("실시간", "계속", "따라가", "팔로우", "tail", "관찰", "지켜보", "지켜봐", "모니터링"),
        ("follow", "live", "stream", "realtime", "real time", "tail -f"),
    ),
    "shell": (
        ("쉘", "셸", "배시", "접속", "들어가", "안으로", "내부", "진입"),
        ("shell", "bash", "sh", "enter", "inside", "get into", "ssh into", "go into"),
    ),
    "build": (("빌드", "만들", "만드", "생성"), ("build", "rebuild", "make", "create", "generate")),
    "push": (("푸시", "푸쉬", "올리", "올려", "업로드", "공유"), ("push", "upload", "share")),
    "pull": (
        ("받아", "받기", "받는", "다운로드", "다운", "내려받", "당겨", "이미지 설치", "이미지를 설치"),
        ("pull", "download", "fetch", "get image", "install image", "install an image",
         "install the image", "install images"),
    ),
    "tag": (("태그", "태깅", "꼬리표"), ("tag", "tags", "tagging", "retag")),
    "login": (("로그인", "인증", "사인인", "싸인인"), ("login", "log in", "sign in", "signin", "authenticate")),
    "logout": (("로그아웃",), ("logout", "log out", "sign out")),
    "version": (("버전", "버젼"), ("version", "versions")),
    "volume": (("볼륨", "볼룸"), ("volume", "volumes")),
    # keeping data past the container ("mysql 데이터 유지"): what volumes are for
    "persist": (
        ("데이터 유지", "데이터 보존", "영구 저장", "영구적으로", "영속", "데이터가 사라", "데이터 날아",
         "데이터가 날아", "데이터 남기", "데이터 안 날아"),
        ("persist", "persistent", "persistence", "keep data", "keep the data", "data survives",
         "lose data", "lose the data", "data loss", "data is lost", "data is gone"),
    ),
    "network": (("네트워크", "네트웍", "네트워킹"), ("network", "networks", "networking")),
    "compose": (("컴포즈", "컴포스"), ("compose", "docker-compose", "stack")),
    "prune": (
        ("정리", "청소", "프루니", "프룬", "안 쓰는", "안쓰는", "쓰지 않는", "사용하지 않는", "사용 안 하는", "사용안하는", "미사용",
         "사용되지 않는", "사용되지 않은", "쓰이지 않는", "쓰이지 않은", "안 쓰이는",
         "댕글링", "찌꺼기", "쓰레기", "불필요"),
        ("prune", "cleanup", "clean up", "clean", "unused", "dangling", "garbage", "leftover"),
    ),
    "all": (("모든", "모두", "전부", "싹", "몽땅", "전체"), ("all", "every", "everything")),
    "running": (
        ("실행중", "실행 중", "돌아가는", "돌고 있는", "떠 있는", "떠있는", "살아있는", "동작중", "켜져"),
        ("running", "active", "alive", "live containers"),
    ),
    "stopped": (
        ("중지된", "멈춘", "꺼진", "종료된", "죽은", "정지된", "멈춰있는", "꺼져", "스탑된", "스톱된", "exited",
         "중단된"),
        ("stopped", "exited", "dead", "dead containers"),
    ),
    "force": (("강제", "즉시", "바로", "억지로"), ("force", "forcibly", "forcefully", "immediately", "forced")),
    "disk": (("디스크", "용량", "공간", "저장공간", "저장매체", "저장 매체", "스토리지"), ("disk", "space", "storage", "usage")),
    "env": (("환경변수", "환경 변수", "환경설정 값"), ("env", "environment", "variable", "variables")),
    "name": (("이름", "네임", "명칭"), ("name", "named", "naming")),
    "rename": (("이름 변경", "이름변경", "이름 바꾸", "이름바꾸", "리네임"), ("rename",)),
    "copy": (("복사", "카피", "옮기", "옮겨"), ("copy", "cp", "transfer", "move")),
    "ip": (("아이피", "ip 주소", "주소"), ("ip", "address", "ipaddress")),
    "file": (("파일",), ("file", "files")),
    "mount": (
        ("마운트", "폴더 연결", "공유 폴더", "바인드"),
        ("mount", "bind mount", "bind mounts", "bind-mount", "bind-mounts", "mounted", "share folder"),
    ),
    "remove-on-exit": (
        ("자동 삭제", "자동삭제", "끝나면 삭제", "종료 시 삭제", "종료되면 삭제", "끝나면 지워"),
        ("auto remove", "autoremove", "clean up after", "remove when it exits", "--rm"),
    ),
    "stats": (
        ("사용량", "리소스", "모니터링"),
        ("stats", "usage", "resource", "resources", "monitor"),
    ),
    "memory": (("메모리", "램"), ("memory", "ram", "mem")),
    "cpu": (("cpu", "씨피유", "코어"), ("cpu", "cpus", "core", "cores")),
    "process": (("프로세스",), ("process", "processes", "top")),
    "inspect": (("상세", "자세히", "세부", "정보"), ("inspect", "details", "detail", "info")),
    "registry": (("레지스트리", "저장소", "도커허브", "도커 허브", "허브"), ("registry", "hub", "repository", "repo")),
    "dockerfile": (("도커파일", "도커 파일",), ("dockerfile",)),
    "layer": (("레이어", "계층"), ("layer", "layers")),
    "save": (("저장", "세이브", "tar 파일", "tar로"), ("save", "tar", "tarball", "archive")),
    "load": (("불러오", "로드"), ("load",)),
    "commit": (("커밋",), ("commit",)),
    "exec": (("명령 실행", "명령어 실행", "exec"), ("exec", "execute command", "run command")),
    "restart-policy": (
        ("재시작 정책", "자동 재시작", "자동으로 다시", "재부팅 후", "항상 켜", "오토 리스타트", "자동 리스타트", "리스타트 폴리시", "리스타트 정책",
         "자동 시작", "자동으로 시작", "부팅할 때", "부팅 시",
         # what the container is to do by itself: "항상 재시작되도록", "다시 띄우게"
         "항상 재시작", "재시작되도록", "재시작되게", "다시 띄우게", "다시 띄우도록", "다시 뜨게",
         "다시 뜨도록", "다시 시작되게", "다시 시작되도록"),
        ("restart policy", "auto restart", "always restart", "unless-stopped", "on-failure",
         "autostart", "auto start", "auto-start", "start automatically", "automatically start", "restart automatically", "automatically restart", "unless stopped",
         "on boot", "at boot", "on reboot", "after reboot", "system reboot", "start on boot"),
    ),
    "limit": (
        ("제한", "리밋", "한도", "최대"),
        ("limit", "limits", "cap", "quota", "constrain", "at most", "maximum", "no more than"),
    ),
    "dns": (
        ("디엔에스", "네임서버", "네임 서버", "이름 해석", "도메인 이름", "도메인 조회", "도메인 해석"),
        ("dns", "nameserver", "nameservers", "name server", "name resolution", "resolve names",
         "domain name", "domain names", "temporary failure resolving"),
    ),
    # the engine itself ("restart the docker daemon" is not docker restart)
    "daemon": (("데몬", "도커 엔진", "도커엔진"), ("daemon", "dockerd", "docker engine")),
    # more than one ("compose 파일 두 개", "multiple compose files", "several commands")
    "several": (("여러", "두 개", "두개", "세 개", "세개", "복수", "다수"),
                ("multiple", "several", "two", "three", "many", "more than one")),
    "windows": (("윈도우", "윈도"), ("windows", "win10", "win11")),
    "wsl": (("wsl",), ("wsl", "wsl2")),
    "virtualization": (("가상화", "가상 머신", "가상머신", "vm", "버추얼박스", "버츄얼박스", "브이엠웨어", "하이퍼바이저"), ("virtualization", "virtualisation", "vm", "vms", "hypervisor", "virtualbox", "vmware", "virtual machine")),
    "context": (("컨텍스트",), ("context", "contexts")),
    "swarm": (("스웜", "스웜모드"), ("swarm",)),
    "service": (("서비스",), ("service", "services")),
    "scale": (("스케일", "복제", "레플리카", "늘리"), ("scale", "replica", "replicas", "scaling")),
    "platform": (("멀티 플랫폼", "멀티플랫폼", "플랫폼", "아키텍처", "arm"), ("platform", "multi-arch", "arm64", "amd64", "architecture")),
    "event": (("이벤트",), ("event", "events")),
    "history": (("히스토리", "이력", "내역"), ("history",)),
    "why": (("이유", "왜 ", "왜써", "왜 써", "장점", "필요성", "쓰는 이유"), ("why", "reason", "benefit", "benefits", "purpose")),
    "difference": (("차이", "다른 점", "다른점", "비교", "vs"), ("difference", "differ", "vs", "versus", "compare")),
    "cache": (("캐시", "노캐시"), ("cache", "cached", "no-cache", "nocache")),
    "workdir": (("작업 디렉토리", "작업디렉토리", "작업 폴더", "워크디렉"), ("workdir", "working directory", "work dir")),
    "entrypoint": (("엔트리포인트", "진입점"), ("entrypoint", "entry point")),
    "user": (("사용자", "유저", "루트", "root"), ("user", "uid", "root")),
    "search": (("검색", "찾기", "찾아"), ("search", "find", "look up")),
    # (a container that stops by itself: a symptom to explain, not a stop asked for)
    "exit": (
        ("종료 이유", "죽는 이유", "꺼지는 이유", "왜 꺼", "왜 죽", "바로 종료", "바로 꺼", "exit code",
         "자마자 종료", "자마자 꺼", "자마자 죽", "바로 죽", "종료됨", "종료돼", "종료되어", "꺼져요",
         "꺼짐", "죽어요", "저절로 종료", "저절로 꺼", "혼자 꺼", "혼자 종료", "계속 죽", "계속 꺼",
         "계속 종료"),
        ("exit code", "exited", "why exited", "crash", "crashed", "keeps dying", "crashes",
         "exits immediately", "exits right after", "exits right away", "exits as soon as",
         "stops immediately", "stops right after", "stops right away", "keeps exiting",
         "keeps stopping", "keeps crashing", "dies immediately", "died"),
    ),
    "wait": (("기다리", "대기"), ("wait", "block until")),
    "update": (("변경", "수정", "업데이트", "바꾸", "바꿔"), ("update", "change", "modify")),
    "new-version": (("새 버전", "새버전", "배포", "재배포", "업데이트 배포"), ("deploy", "redeploy", "new version", "rollout")),
    "what": (("뭐야", "뭔가요", "뭐예요", "뭐임", "무엇", "의미", "뜻", "개념", "이란", "란"), ("what is", "what's", "meaning", "mean", "concept", "explain")),
    "install": (("설치",), ("install", "installation", "setup", "set up")),
    "browser": (("브라우저", "웹에서", "온라인", "플레이 위드"), ("browser", "online", "playground", "play with docker", "lab")),
    # words that pick a flag (the CLI reference's flag texts use the English ones)
    "tail": (("마지막", "최근", "끝에서", "끝부분", "뒤에서부터", "끝에서부터"), ("last", "tail", "latest", "recent", "most recent")),
    "line": (("줄", "라인"), ("line", "lines")),
    "timestamp": (("타임스탬프", "시간 표시", "시각 표시", "시간도 같이", "찍힌 시간"), ("timestamp", "timestamps", "time stamp")),
    "filter": (("필터", "걸러", "조건으로", "조건에 맞는"), ("filter", "filtered", "filtering", "matching")),
    "format": (("포맷", "형식", "템플릿", "json으로", "표 형태"), ("format", "formatted", "template", "json", "columns")),
    "quiet": (
        ("id만", "아이디만", "id 만", "번호만", "조용히", "출력 없이", "출력하지 않"),
        ("quiet", "only ids", "ids only", "just the ids", "only the ids", "just ids", "only id",
         "suppress", "silent", "silently", "quietly", "print nothing"),
    ),
    "size": (("크기", "사이즈"), ("size", "sizes", "smaller", "bigger")),
    "truncate": (
        ("자르지", "잘리", "잘려", "생략 없이", "안 잘리", "줄이지 말"),
        ("no-trunc", "truncate", "truncated", "untruncated", "full length", "full", "in full"),
    ),
    "timeout": (("타임아웃", "시간 제한", "유예 시간", "초 후", "초 뒤", "초 기다", "초 동안"), ("timeout", "time limit", "grace period", "seconds", "second")),
    "healthcheck": (("헬스체크", "헬스 체크", "헬스", "상태 체크", "healthy"), ("healthcheck", "health check", "health", "healthy", "unhealthy")),
    "gpu": (("gpu", "그래픽카드", "그래픽 카드", "엔비디아", "쿠다"), ("gpu", "gpus", "nvidia", "cuda")),
    "host": (("호스트",), ("host", "localhost", "host machine", "host's")),
    "label": (("라벨", "레이블"), ("label", "labels", "labeled", "labelled")),
    "permission": (("권한", "퍼미션"), ("permission", "permissions", "denied", "sudo", "privileged")),
    # the "are you sure?" a prune or rm asks: "without being asked to confirm" is -f
    "confirm-prompt": (
        ("확인 질문", "확인 메시지", "확인 창", "묻지", "물어보지", "질문 없이"),
        ("confirm", "confirmation", "confirmation prompt", "prompt", "prompted", "being asked",
         "asking", "are you sure", "y/n"),
    ),
    # shared memory: --shm-size's
    "shm": (("공유 메모리", "공유메모리"), ("shm", "/dev/shm", "dev/shm", "shared memory")),
    # the network outside the host: "can't reach the internet", "외부 사이트 접속이 안 돼요"
    "internet": (
        ("인터넷", "외부 네트워크", "바깥 네트워크", "외부 인터넷", "외부망", "외부로 나가", "밖으로 나가"),
        ("internet", "outside world", "external network", "outbound traffic", "outbound connections",
         "external sites", "the outside network"),
    ),
    # a permission refused is an error to explain, not a privilege asked for (--privileged)
    "permission-denied": (
        ("권한 없음", "권한이 없", "권한 거부", "권한 에러", "권한 오류", "권한 문제", "퍼미션 에러",
         "퍼미션 디나이드"),
        ("permission denied", "access denied", "operation not permitted", "permission error",
         "permissions error", "permission issue", "permission problem"),
    ),
    "read-only": (("읽기 전용", "읽기전용", "수정 불가"), ("read-only", "readonly", "read only")),
    "orphan": (("고아",), ("orphan", "orphans", "orphaned")),
    "account": (("계정", "아이디", "가입", "회원가입"), ("account", "docker id", "sign up", "signup", "register")),
}

# Concepts that are Docker's own objects. A question must name at least one of
# these, a Docker word (DOMAIN_WORDS) or a flag before it is answered with
# confidence: "how do I restart my computer" shares only a verb with Docker.
DOMAIN_CONCEPTS: frozenset[str] = frozenset(
    {
        "image", "container", "volume", "network", "compose", "dockerfile", "registry",
        "layer", "tag", "port", "log", "context", "swarm", "service", "wsl",
        "virtualization", "background", "platform", "mount", "remove-on-exit",
        "restart-policy", "prune", "exec", "entrypoint", "workdir", "login", "logout",
        "version", "stats", "browser", "pause", "env", "healthcheck", "gpu", "exit",
        "memory", "cpu", "label", "timestamp", "daemon",
    }
)

# English words that only mean something in Docker's world.
DOMAIN_WORDS: frozenset[str] = frozenset(
    {
        "docker", "dockerd", "ps", "rmi", "exec", "logs", "dockerfile", "compose", "buildx",
        "ipv6", "ipv4", "subnet", "sysctl", "sbom", "attestation", "provenance", "nofile",
        "iptables", "mtu",
        "swarm", "dangling", "entrypoint", "workdir", "hub", "registry", "moby", "containerd",
        "nginx", "redis", "postgres", "mysql", "alpine", "busybox", "ubuntu", "latest",
        "prune", "detach", "detached", "desktop", "wsl", "wsl2", "tty", "cmd", "expose",
        "unpause", "exited", "builder", "빌더", "build", "빌드", "rebuild", "yml", "yaml", "sigkill", "oomkilled",
        "oci", "runc", "toomanyrequests", "manifest", "healthcheck", "hostname", "daemon.json",
        "도커", "컨테이너", "이미지", "볼륨", "도커파일", "컴포즈", "레지스트리", "도커허브",
        # the technical terms of container runtimes, storage and networking, which plain
        # English and Korean do not use
        "tmpfs", "bind-mount", "overlay", "overlay2", "overlayfs", "macvlan", "ipvlan",
        "cgroup", "cgroups", "seccomp", "apparmor", "selinux", "ulimit", "ulimits", "shm",
        "namespace", "namespaces", "buildkit", "multi-stage", "multistage", "dockerignore",
        ".dockerignore", "privileged", "cap-add", "cap-drop", "healthy", "unhealthy",
        "distroless", "bridge", "ingress", "replicas", "devcontainer",
        "tini", "pid1", "oom", "swap", "포트포워딩", "바인드", "마운트", "오버레이", "브리지",
        "멀티스테이지", "멀티 스테이지", "빌드킷", "네임스페이스", "스왑", "헬스체크",
    }
)

# Software that Docker images are named after: a Docker word in "docker run nginx", but no
# evidence on its own that "install nginx on ubuntu" is about Docker.
SOFTWARE_NAMES: frozenset[str] = frozenset(
    {"nginx", "redis", "postgres", "mysql", "alpine", "busybox", "ubuntu", "latest"}
)

# Words in a question that say it is about Docker.
ANCHORS: frozenset[str] = frozenset(
    {
        "docker", "도커", "container", "containers", "컨테이너", "image", "images", "이미지",
        "dockerfile", "도커파일", "compose", "컴포즈", "volume", "볼륨", "dockerhub", "도커허브",
        "registry", "레지스트리", "swarm", "buildx", "wsl", "wsl2", "dockerignore",
    }
)

# Anchors that can only mean Docker ("container" and "image" also mean other things: an
# STL container, an SVG image, a Podman container).
STRONG_ANCHORS: frozenset[str] = frozenset(
    {
        "docker", "도커", "dockerfile", "도커파일", "compose", "컴포즈", "docker-compose",
        "dockerhub", "도커허브", "buildx", "swarm", "dockerd", "moby", "dockerignore",
    }
)

# Other container tools and other meanings of "container" and "image": a question naming
# one of these is off topic even when it says "container" or "image", unless it names
# Docker itself (a STRONG_ANCHORS word). The rest of FOREIGN gives way to any anchor
# ("a bash shell inside a container" is Docker's).
FOREIGN_STRICT: frozenset[str] = frozenset(
    {
        "podman", "lxc", "lxd", "nerdctl", "buildah", "crictl", "minikube", "openshift", "포드맨",
        "kubectl", "kubernetes", "k8s", "helm", "pod", "pods", "쿠버네티스", "파드",
        "svg", "png", "jpg", "jpeg", "gif", "stl", "vector", "kvm", "qemu", "css", "html",
        # other container platforms and orchestrators, virtual machines, pictures
        "k3s", "k3d", "microk8s", "kubelet", "kubeadm", "eks", "aks", "gke", "configmap",
        "statefulset", "daemonset", "replicaset", "deployment.yaml", "singularity",
        "apptainer", "vagrant", "virtualbox", "vmware", "parallels", "hyperkit", "multipass",
        "systemd-nspawn", "flatpak", "snapcraft", "opencv", "pillow", "imagemagick", "pixel",
        "pixels", "thumbnail", "webp", "bitmap", "mipmap", "픽셀", "썸네일", "사진",
        "레플리카셋", "데몬셋", "스테이트풀셋", "컨피그맵", "디플로이먼트", "버추얼박스",
        # containers of programming languages, images of web pages
        "qt", "qml", "qlist", "qvector", "qmap", "iterator", "iterators", "c++", "cpp",
        "arraylist", "hashmap", "hashset", "linkedlist", "img", "canvas", "srcset", "bootstrap",
        # containers, images, volumes and registries of other things: servlet and UI
        # containers, cloud storage and disks, Windows' registry, other clouds' services
        "servlet", "jetpack", "kotlin", "swiftui", "flutter", "regedit", "hkey", "hklm", "blob",
        "ebs", "lvm", "iso", "qcow2", "vmdk", "ova", "neural", "ioc", "fargate", "lambda",
    }
)

# Other tools and topics: a question naming one of these, and nothing from ANCHORS,
# is about something else ("git commit", "npm start", "sql select").
# when a container is to be started again, said in words: the values of --restart, and a
# restart policy rather than a restart done now ("restart on failure", "죽으면 재시작")
RESTART_UNLESS_STOPPED: tuple[str, ...] = (
    r"\bunless\b[^.,;]{0,30}?\bstop(?:ped|s)?\b",
    r"\buntil (?:it is|I|you|someone) (?:\w+ )?stop(?:ped|s)?\b",
    "직접 (?:멈추|중지하)기 전까지", "수동으로 (?:멈추|중지하)지 않는 한",
)
RESTART_ON_FAILURE: tuple[str, ...] = (
    r"\bon failure\b", r"\b(?:when|if) it (?:fails|crashes|dies)\b", r"\bafter a crash\b",
    "실패할 때만?", "실패하면", "비정상(?:으로)? 종료(?:되면|하면|될 때|시)", "죽으면",
)

FOREIGN: frozenset[str] = frozenset(
    {
        "git", "github", "gitlab", "branch", "merge", "rebase", "깃", "깃허브", "브랜치",
        "sql", "select", "join", "query", "mysql쿼리", "쿼리", "테이블", "table",
        "css", "html", "javascript", "js", "typescript", "react", "vue", "flexbox", "div",
        "npm", "yarn", "node", "pip", "python", "파이썬", "java", "자바", "gradle", "maven",
        "kubectl", "kubernetes", "k8s", "helm", "pod", "pods", "쿠버네티스", "파드",

        "terraform", "ansible", "excel", "엑셀", "word", "powerpoint",
        "점심", "저녁", "메뉴", "날씨", "weather", "lunch", "dinner", "movie", "영화", "주식",
        "stock", "joke", "농담", "음악", "music", "vim", "emacs", "regex", "정규식",
        "linux", "리눅스", "chmod", "grep", "aws", "ec2", "cloudwatch", "s3", "gcp", "azure",
        "systemctl", "brew", "homebrew", "apt", "numpy", "pytest", "bash", "zsh", "facebook", "카톡", "카카오톡", "photoshop", "포토샵", "레디스", "nginx설정",
        "scp", "sftp", "putty", "rpm", "rsync", "crontab", "vscode",
        "firewall", "firewalld", "ufw", "방화벽",
    }
)

EN_STOP: frozenset[str] = frozenset(
    ["a", "an", "the", "i", "me", "my", "we", "our", "you", "your", "it", "its", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "doing", "how", "what", "which", "who", "whom", "when", "where", "why", "can", "could", "should", "would", "will", "shall", "may", "might", "must", "to", "of", "in", "on", "at", "for", "from", "by", "with", "about", "into", "onto", "as", "and", "or", "but", "if", "then", "than", "so", "that", "this", "these", "those", "there", "here", "please", "pls", "plz", "thanks", "thank", "hi", "hello", "hey", "just", "way", "want", "wanna", "need", "use", "using", "get", "got", "some", "any", "one", "thing", "something", "there's", "i'm", "im", "whats", "what's", "hows", "how's", "let", "lets", "let's", "tell", "know", "dockers", "command", "commands", "cmd", "don", "doesn", "didn", "isn", "aren", "t"]
)

# Everyday English words one or two letters away from a Docker word: spelt right, so
# never "repaired" into it (help is not helm, contents is not context).
COMMON_EN: frozenset[str] = frozenset(
    """
    help helps helped contents content text texts want wants wanted locale locales properly
    static subset though although overlay overlays uninstall uninstalled book books loop
    loops unit units small caused cause sock socks support supports store stores distro
    distros rejected protection manually determine declare printed goes simple replacement
    communicating dumped dump center meeting morning faster release released reached cost
    costs home foot france eating row rows cell cells bool pool pools host hosts port ports
    export exports import imports data database databases table tables disk disks script
    scripts server servers client clients error errors issue issues problem problems
    windows linux mac macos ubuntu debian centos fedora alpine file files folder folders
    path paths user users group groups access accessed memory size sizes limit limits
    default defaults config configs configure configured setting settings option options
    """.split()
)

# Korean particles and endings stripped from the end of a word. Longest first.
KO_SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        {
            "하려면", "하려고", "하는법", "하는방법", "하는", "하기", "하고", "하면", "해줘", "해주세요",
            "해요", "해야", "합니다", "하나요", "할까요", "할까", "하죠", "하지", "했는데", "했어요",
            "되나요", "돼요", "되요", "됩니다", "안돼", "인가요", "인데", "이에요", "예요", "입니다",
            "으려면", "려면", "이나", "으로", "에서", "에게", "한테", "까지", "부터", "처럼", "보다", "이랑",
            "하는지", "는지", "은지", "나요", "까요", "세요", "주세요", "싶어", "싶어요", "싶은데",
            "을", "를", "이", "가", "은", "는", "에", "로", "의", "도", "만", "와", "과", "랑", "좀",
        },
        key=len,
        reverse=True,
    )
)
# One-syllable particles are stripped only from words of at least this many syllables.
KO_SHORT_MIN = 3

KO_STOP: frozenset[str] = frozenset(
    {
        "어떻게", "방법", "법", "뭐", "뭐야", "뭐예요", "뭔가요", "뭐임", "좀", "알려줘", "알려주세요",
        "하는", "하면", "해야", "돼", "되나요", "있나요", "수", "있어", "있어요", "싶어", "것", "거",
        "그", "이거", "저거", "혹시", "명령어", "명령", "커맨드", "하려면", "할", "때", "해", "하나요",
        "가능", "가능한가요", "있을까요", "궁금", "궁금해요", "주세요", "줘", "해줘", "요",
    }
)
