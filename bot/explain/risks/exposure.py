"""Services and secrets left open to other people: published databases, passwords, plain TCP."""

from __future__ import annotations

from bot.explain import values as v
from bot.explain.model import Risk
from bot.explain.parser import Item, ParsedCommand
from bot.explain.risks.rule import (
    DB_IMAGES,
    DB_PORTS,
    RUN_LIKE,
    flags_named,
    make,
    shown,
)
from bot.lang import Lang
from bot.phrases import phrase
from bot.secrets import is_secret_assignment


def published_databases(p: ParsedCommand, lang: Lang) -> list[Risk]:
    if p.node is None or p.node.path not in RUN_LIKE:
        return []
    images = [i.text for i in p.positionals() if i.slot is not None and i.slot.name == "IMAGE"]
    db_image = any(DB_IMAGES.search(img.split("@")[0].rsplit(":", 1)[0]) for img in images)
    out: list[Risk] = []
    for i in flags_named(p, "publish"):
        parsed = v.parse_port(i.value or "")
        if parsed is None:
            continue
        ip, host, container, _proto = parsed
        if ip not in (None, "0.0.0.0", "::", "[::]"):
            continue
        name = DB_PORTS.get(container)
        if name is None and not db_image:
            continue
        what = name or phrase("explain.risks.exposure.the_database", lang)
        out.append(
            make(
                shown(i),
                "warn",
                lang,
                (
                    f"{what} is published on every network interface of the host, so other "
                    "machines can reach it (Docker's port rules also bypass ufw/firewalld).",
                    f"{what} 포트가 호스트의 모든 네트워크 인터페이스에 공개되어 다른 컴퓨터에서도 "
                    "접속할 수 있습니다(Docker 포트 규칙은 ufw/firewalld도 우회함).",
                ),
                (
                    f"Bind it to this machine only: -p 127.0.0.1:{host or container}:{container}, "
                    "or put the app and the database on one user-defined network without -p.",
                    f"이 컴퓨터에만 열도록 하세요: -p 127.0.0.1:{host or container}:{container}, "
                    "또는 앱과 DB를 같은 사용자 정의 네트워크에 두고 -p를 빼세요.",
                ),
            )
        )
    return out


def masked(item: Item) -> str:
    """The flag as written, with the secret value hidden."""
    key, eq, _ = (item.value or "").partition("=")
    secret = f"{key}=***" if eq else "***"
    return f"{item.text} {secret}"


def secrets_in_args(p: ParsedCommand, lang: Lang) -> list[Risk]:
    out: list[Risk] = []
    for i in flags_named(p, "env", "env-add", "build-arg"):
        key, eq, val = (i.value or "").partition("=")
        if not eq or not is_secret_assignment(key, val) or val.startswith("$"):
            continue
        if i.flag is not None and i.flag.long == "build-arg":
            out.append(
                make(
                    masked(i),
                    "warn",
                    lang,
                    (
                        f"{key} is passed as a build argument: it stays readable in the image "
                        "history (docker history) and in your shell history.",
                        f"{key}를 빌드 인자로 넘기면 이미지 이력(docker history)과 셸 기록에 "
                        "그대로 남습니다.",
                    ),
                    (
                        "Use a BuildKit secret: docker build --secret id=mysecret,src=./secret.txt "
                        "and RUN --mount=type=secret,id=mysecret in the Dockerfile.",
                        "BuildKit secret을 쓰세요: "
                        "docker build --secret id=mysecret,src=./secret.txt "
                        "와 Dockerfile의 RUN --mount=type=secret,id=mysecret.",
                    ),
                )
            )
            continue
        out.append(
            make(
                masked(i),
                "warn",
                lang,
                (
                    f"The secret in {key} is written on the command line: it ends up in shell "
                    "history, in `ps` output and in `docker inspect`.",
                    f"{key}의 비밀 값이 명령줄에 그대로 있어 셸 기록, `ps` 출력, "
                    "`docker inspect`에 남습니다.",
                ),
                (
                    f"Put it in a file and use --env-file ./app.env, or pass only the name "
                    f"(-e {key}) so the value comes from your environment; in Swarm/Compose use "
                    "secrets.",
                    f"파일에 넣고 --env-file ./app.env를 쓰거나 이름만 넘겨(-e {key}) 값은 환경 "
                    "변수에서 오게 하세요. Swarm/Compose에서는 secrets를 쓰세요.",
                ),
            )
        )
    if p.node is not None and p.node.path == "docker login":
        for i in flags_named(p, "password"):
            out.append(
                make(
                    masked(i),
                    "warn",
                    lang,
                    (
                        "The password is written on the command line and stays in shell history.",
                        "비밀번호가 명령줄에 있어 셸 기록에 남습니다.",
                    ),
                    (
                        "Use --password-stdin: cat token.txt | docker login -u <user> "
                        "--password-stdin.",
                        "--password-stdin을 쓰세요: cat token.txt | docker login -u <사용자> "
                        "--password-stdin.",
                    ),
                )
            )
    return out


def remote_daemon(p: ParsedCommand, lang: Lang) -> list[Risk]:
    out: list[Risk] = []
    tls = any(i.flag is not None and i.flag.long in ("tls", "tlsverify") for i in p.flags())
    for i in p.flags():
        if i.kind != "global-flag" or i.flag is None or i.flag.long != "host":
            continue
        if (i.value or "").startswith("tcp://") and not tls:
            out.append(
                make(
                    shown(i),
                    "danger",
                    lang,
                    (
                        "A plain tcp:// Docker connection has no encryption and no authentication; "
                        "anyone who can reach that port controls the host as root.",
                        "평문 tcp:// Docker 연결은 암호화도 인증도 없습니다. 그 포트에 닿는 누구나 "
                        "호스트를 root로 조종할 수 있습니다.",
                    ),
                    (
                        "Use SSH (-H ssh://user@host) or TLS on port 2376 with --tlsverify.",
                        "SSH(-H ssh://user@host)나 2376 포트의 TLS(--tlsverify)를 쓰세요.",
                    ),
                )
            )
    return out
