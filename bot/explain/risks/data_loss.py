"""Commands that delete containers, images or volumes for good."""

from __future__ import annotations

from bot.explain.model import Risk, RiskLevel
from bot.explain.parser import ParsedCommand
from bot.explain.risks.rule import make
from bot.lang import Lang


def destructive(p: ParsedCommand, lang: Lang) -> list[Risk]:
    path = p.node.path if p.node is not None else ""
    out: list[Risk] = []
    force = p.has_flag("force")
    if path == "docker system prune":
        all_, vols = p.has_flag("all"), p.has_flag("volumes")
        if all_ or vols:
            shown = "system prune" + (" -a" if all_ else "") + (" --volumes" if vols else "")
            level: RiskLevel = "danger" if vols else "warn"
            out.append(
                make(
                    shown,
                    level,
                    lang,
                    (
                        "This deletes every stopped container, unused network, "
                        + (
                            "every image not used by a container (you will pull/build again)"
                            if all_
                            else "dangling image"
                        )
                        + (" and unused volumes — their data is gone for good" if vols else "")
                        + (", without asking (-f)." if force else "."),
                        "멈춘 컨테이너, 안 쓰는 네트워크, "
                        + (
                            "컨테이너가 쓰지 않는 모든 이미지(다시 받거나 빌드해야 함)"
                            if all_
                            else "dangling 이미지"
                        )
                        + (
                            "와 사용하지 않는 볼륨까지 지웁니다 — 볼륨 데이터는 되돌릴 수 없습니다"
                            if vols
                            else "를 지웁니다"
                        )
                        + (" (-f라서 묻지도 않음)." if force else "."),
                    ),
                    (
                        "Check first with docker system df, then prune one kind at a time: "
                        "docker container prune, docker image prune; back up volumes before "
                        "docker volume prune.",
                        "먼저 docker system df로 확인하고 종류별로 지우세요: "
                        "docker container prune, "
                        "docker image prune; docker volume prune 전에는 볼륨을 백업하세요.",
                    ),
                )
            )
    elif path == "docker volume prune" or (path == "docker volume rm" and p.positionals()):
        out.append(
            make(
                path.removeprefix("docker "),
                "warn",
                lang,
                (
                    "Removing volumes deletes the data in them (databases, uploads) for good.",
                    "볼륨을 지우면 그 안의 데이터(DB, 업로드 파일)가 영구히 사라집니다.",
                ),
                (
                    "List them first (docker volume ls) and back up what matters: docker run --rm "
                    "-v <vol>:/data -v $(pwd):/backup alpine tar czf /backup/vol.tgz -C /data .",
                    "먼저 docker volume ls로 확인하고 중요한 것은 백업하세요: docker run --rm "
                    "-v <볼륨>:/data -v $(pwd):/backup alpine tar czf /backup/vol.tgz -C /data .",
                ),
            )
        )
    elif path == "docker compose down" and p.has_flag("volumes"):
        out.append(
            make(
                "compose down -v",
                "danger",
                lang,
                (
                    "-v also deletes the named volumes of the project: database data is lost.",
                    "-v는 프로젝트의 이름 있는 볼륨까지 지웁니다: DB 데이터가 사라집니다.",
                ),
                (
                    "Use docker compose down without -v; the volumes stay and are reused on the "
                    "next up.",
                    "-v 없이 docker compose down을 쓰세요. 볼륨은 남아 다음 up에서 다시 쓰입니다.",
                ),
            )
        )
    elif path == "docker container rm" and force:
        out.append(
            make(
                "rm -f",
                "warn",
                lang,
                (
                    "-f kills a running container (SIGKILL) before removing it: no clean shutdown, "
                    "and its writable layer is gone.",
                    "-f는 실행 중인 컨테이너를 SIGKILL로 죽이고 지웁니다: 정상 종료가 없고 "
                    "컨테이너 안의 변경 내용도 사라집니다.",
                ),
                (
                    "Stop it first so it can shut down cleanly: docker stop <name> && docker rm "
                    "<name>.",
                    "먼저 정상 종료시키세요: docker stop <이름> && docker rm <이름>.",
                ),
            )
        )
    elif path == "docker image rm" and force:
        out.append(
            make(
                "rmi -f",
                "warn",
                lang,
                (
                    "-f removes the image even when it has several tags or containers "
                    "still use it.",
                    "-f는 태그가 여러 개이거나 컨테이너가 쓰는 이미지도 지웁니다.",
                ),
                (
                    "Remove the containers that use it first, or untag just one name: "
                    "docker rmi <name>:<tag> without -f.",
                    "먼저 그 이미지를 쓰는 컨테이너를 지우거나, -f 없이 docker rmi <이름>:<태그>로 "
                    "태그 하나만 지우세요.",
                ),
            )
        )
    return out
