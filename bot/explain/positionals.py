"""What a positional argument is: image, container, build context, the container's command."""

from __future__ import annotations

import re

from bot.explain import build_values as bv
from bot.explain import values as v
from bot.explain.cli_spec import Slot
from bot.explain.model import Part, Role
from bot.explain.parser import Item
from bot.explain.substitution import has_substitution, substitution
from bot.lang import Lang
from bot.phrases import Pair, phrase

_IMAGE_SLOTS = re.compile(r"^(IMAGE|NAME\[|REPOSITORY|SOURCE_IMAGE|TARGET_IMAGE|IMAGE:TAG)")
# usage word -> (role, English, Korean)
_SLOTS: dict[str, tuple[Role, str, str]] = {
    "CONTAINER": ("container", "container (name or ID)", "컨테이너(이름 또는 ID)"),
    "NAME|ID": (
        "argument",
        "name or ID of a container, image, volume, network ...",
        "컨테이너·이미지·볼륨·네트워크 등의 이름 또는 ID",
    ),
    "NETWORK": ("argument", "network (name or ID)", "네트워크(이름 또는 ID)"),
    "VOLUME": ("argument", "volume name", "볼륨 이름"),
    "SERVICE": ("argument", "service name", "서비스 이름"),
    "SERVICES": ("argument", "service name", "서비스 이름"),
    "SERVICE|TASK": ("argument", "service or task", "서비스 또는 태스크"),
    "SERVICE=REPLICAS": ("argument", "service=number of replicas", "서비스=복제본 수"),
    "STACK": ("argument", "stack name", "스택 이름"),
    "NODE": ("argument", "swarm node", "Swarm 노드"),
    "self|NODE": ("argument", "swarm node (self = this one)", "Swarm 노드(self는 현재 노드)"),
    "SECRET": ("argument", "secret name", "secret 이름"),
    "CONFIG": ("argument", "config name", "config 이름"),
    "CONTEXT": ("argument", "context name", "컨텍스트 이름"),
    "CONTEXT|ENDPOINT": (
        "argument",
        "context name or engine address",
        "컨텍스트 이름 또는 엔진 주소",
    ),
    "PLUGIN": ("argument", "plugin name", "플러그인 이름"),
    "TERM": ("argument", "search term", "검색어"),
    "SERVER": (
        "argument",
        "registry server (default: Docker Hub)",
        "레지스트리 서버(기본은 Docker Hub)",
    ),
    "NEW_NAME": ("argument", "new container name", "새 컨테이너 이름"),
    "PRIVATE_PORT": ("argument", "container port", "컨테이너 포트"),
    "PRIVATE_PORT[/PROTO]": ("argument", "container port", "컨테이너 포트"),
    "HOST:PORT": ("argument", "address of a swarm manager", "Swarm 매니저 주소"),
    "(worker|manager)": (
        "argument",
        "which token: worker or manager",
        "토큰 종류: worker 또는 manager",
    ),
    "KEY=VALUE": ("argument", "setting KEY=VALUE", "설정 KEY=VALUE"),
    "FILE|-": ("argument", "file (- = standard input/output)", "파일(-는 표준 입력/출력)"),
    "file|-": ("argument", "file (- = standard input)", "파일(-는 표준 입력)"),
    "file|URL|-": (
        "argument",
        "tar file, URL or - (standard input)",
        "tar 파일, URL 또는 -(표준 입력)",
    ),
    "DEST_PATH|-": (
        "argument",
        "destination path (- = tar to standard output)",
        "대상 경로(-는 tar로 표준 출력)",
    ),
    "CHECKPOINT": ("argument", "checkpoint name", "체크포인트 이름"),
    "MANIFEST_LIST": ("argument", "manifest list", "매니페스트 리스트"),
    "MANIFEST": ("argument", "manifest (image)", "매니페스트(이미지)"),
    "KEYFILE": ("argument", "private key file", "개인 키 파일"),
    "PATH": ("argument", "path", "경로"),
    "REMOTE": ("argument", "remote plugin reference", "원격 플러그인 참조"),
    "PLUGIN-DATA-DIR": ("argument", "plugin data directory", "플러그인 데이터 디렉터리"),
    "SOURCE": ("argument", "source image", "원본 이미지"),
    "TARGET": (
        "argument",
        "bake target (a group or target of the bake file)",
        "bake 대상(파일의 group 또는 target)",
    ),
    "REF": (
        "argument",
        "build record (its ID, or ^1 for the latest build, ^2 the one before)",
        "빌드 기록(ID, 또는 ^1은 가장 최근 빌드, ^2는 그 전)",
    ),
    "DIGEST": ("argument", "digest of the attachment", "첨부의 다이제스트"),
    "-": ("argument", "standard input (-)", "표준 입력(-)"),
}
_SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh", "ksh"})


def _shell_c_meaning(
    item: Item, real: list[Item], entrypoint: str | None, lang: Lang
) -> str | None:
    """``sh -c ls -l``: only ``ls`` is the command line; ``-l`` becomes ``$0``, not ls's."""
    words = [i.text for i in real]
    program = entrypoint if entrypoint else (words[0] if words else "")
    args = real if entrypoint else real[1:]
    if program.rsplit("/", 1)[-1] not in _SHELLS or item not in args:
        return None
    k = args.index(item)
    opt = next(
        (
            j
            for j, a in enumerate(args)
            if a.text.startswith("-") and not a.text.startswith("--") and "c" in a.text[1:]
        ),
        None,
    )
    if opt is None or k < opt:
        return None
    if k == opt:
        who = phrase("explain.positionals.the_entrypoint", lang, program=program)
        return phrase(
            "explain.positionals.option_of_run_the_next_word", lang,
            option=item.text, who=who if entrypoint else program,
        )
    if k == opt + 1:
        return phrase(
            "explain.positionals.the_command_line_runs_the", lang, program=program,
            item_text=item.text,
        )
    script = args[opt + 1].text if opt + 1 < len(args) else ""
    n = k - opt - 2
    if n == 0:
        rest = " ".join([script] + [a.text for a in args[opt + 2 :]])
        return phrase(
            "explain.positionals.not_an_argument_of_after", lang, script=script, rest=rest,
        )
    return phrase("explain.positionals.of_the_command_line_given", lang, n=n, script=script)


def _command_meaning(item: Item, items: list[Item], lang: Lang) -> str:
    cmd_items = [
        i for i in items if i.kind == "positional" and i.slot is not None and i.slot.starts_command
    ]
    if item.misplaced:
        return phrase("explain.positionals.looks_like_a_docker_flag", lang)
    real = [i for i in cmd_items if not i.misplaced]
    if item.slot is not None and item.slot.name == "PS_OPTIONS":
        return phrase("explain.positionals.option_for_ps_which_lists", lang)
    entrypoint = next(
        (i.value for i in items if i.flag is not None and i.flag.long == "entrypoint" and i.value),
        None,
    )
    shell_said = _shell_c_meaning(item, real, entrypoint, lang)
    if shell_said:
        return shell_said
    if entrypoint and real and item is real[0]:
        return phrase(
            "explain.positionals.first_argument_passed_to_the", lang, entrypoint=entrypoint,
            item_text=item.text,
        )
    if entrypoint:
        return phrase(
            "explain.positionals.argument_for_the_entrypoint_program", lang, entrypoint=entrypoint,
        )
    if real and item is real[0]:
        where = item.node.path
        if where in ("docker container exec", "docker compose exec"):
            return phrase(
                "explain.positionals.program_to_run_inside_the", lang, item_text=item.text,
            )
        return phrase(
            "explain.positionals.command_the_container_runs_instead", lang, item_text=item.text,
        )
    program = real[0].text if real else "?"
    return phrase("explain.positionals.argument_for_not_for_docker", lang, program=program)


def _build_context(text: str, lang: Lang) -> str:
    if text == ".":
        return phrase("explain.positionals.build_context_the_current_directory", lang)
    if text == "-":
        return phrase("explain.positionals.read_the_dockerfile_or_a", lang)
    if re.match(r"^(https?://|git@|github\.com/)", text):
        return phrase("explain.positionals.build_context_from_a_git", lang, text=text)
    return phrase("explain.positionals.build_context_directory_its_files", lang, text=text)


def positional_part(item: Item, items: list[Item], lang: Lang) -> Part:
    part = _positional_part(item, items, lang)
    if item.raw and item.raw != part.text:
        return Part(item.raw, part.role, part.meaning)
    return part


def is_placeholder(text: str) -> bool:
    return bool(re.fullmatch(r"(<[^<>]+>[:/@=.,-]?)+", text))


def _positional_part(item: Item, items: list[Item], lang: Lang) -> Part:
    text, slot = item.text, item.slot
    role: Role
    usage_word = (
        slot is not None
        and not slot.starts_command
        and re.fullmatch(r"[A-Z][A-Z_]*", text) is not None
        and (text == slot.name.split("[")[0] or (text == "IMAGE" and _IMAGE_SLOTS.match(slot.name)))
    )
    if (is_placeholder(text) or usage_word) and slot is not None and not slot.starts_command:
        role, en, ko = _SLOTS.get(slot.name, ("argument", slot.name.lower(), slot.name.lower()))
        if _IMAGE_SLOTS.match(slot.name):
            role, en, ko = "image", "image name[:tag]", "이미지 이름[:태그]"
        return Part(
            text,
            role,
            phrase("explain.positionals.placeholder_write_the_here", lang, what=Pair(en, ko)),
        )
    if item.unknown:
        return Part(
            text,
            "argument",
            phrase("explain.positionals.not_explained_comes_after_an", lang),
        )
    if slot is None:
        return Part(
            text,
            "argument",
            phrase(
                "explain.positionals.extra_argument_that_does_not", lang,
                item_node_path=item.node.path,
            ),
        )
    if slot.starts_command:
        return Part(text, "command", _command_meaning(item, items, lang))
    if has_substitution(text) and not (text.startswith("<") and text.endswith(">")):
        role = "container" if slot.name == "CONTAINER" else "argument"
        return Part(
            text, "image" if _IMAGE_SLOTS.match(slot.name) else role, substitution(text, lang)
        )
    return _slot_part(item, slot, lang)


def _slot_part(item: Item, slot: Slot, lang: Lang) -> Part:
    text, name, path = item.text, slot.name, item.node.path
    if _IMAGE_SLOTS.match(name):
        if path == "docker image tag" and item.slot_index > 0:
            return Part(text, "image", bv.explain_new_image(text, lang, same_image=True))
        if path in ("docker container commit", "docker image import", "docker compose commit"):
            return Part(text, "image", bv.explain_new_image(text, lang))
        if path == "docker image tag":
            what = phrase("explain.positionals.source_image", lang)
        elif path == "docker image ls":
            what = phrase("explain.positionals.list_only_this_repository", lang)
        else:
            what = phrase("explain.positionals.image", lang)
        return Part(text, "image", f"{what}: {v.explain_image(text, lang)}")
    if name in ("PATH|URL|-",):
        return Part(text, "argument", _build_context(text, lang))
    if name in ("CONTAINER:SRC_PATH", "SERVICE:SRC_PATH", "DEST_PATH|-"):
        m = re.match(r"^([\w][\w.-]*):(.*)$", text)
        if m and not re.match(r"^[A-Za-z]$", m[1]):
            who = (
                phrase("explain.positionals.container", lang)
                if name != "SERVICE:SRC_PATH"
                else phrase("explain.positionals.service", lang)
            )
            return Part(
                text,
                "container" if name != "SERVICE:SRC_PATH" else "argument",
                phrase("explain.positionals.path_inside", lang,
                       path=m[2] or "/", who=who, name=m[1]),
            )
        if text == "-":
            return Part(
                text,
                "argument",
                phrase("explain.positionals.tar_stream_on_standard_input", lang),
            )
        return Part(
            text, "argument", phrase("explain.positionals.path_on_this_machine", lang, text=text)
        )
    role, en, ko = _SLOTS.get(
        name, ("argument", name.lower().replace("_", " "), name.lower().replace("_", " "))
    )
    if path.startswith("docker compose") and name.startswith("SERVICE"):
        en, ko = "service name from the Compose file", "Compose 파일에 정의된 서비스 이름"
    return Part(text, role, phrase("explain.positionals.named_argument", lang,
                                   what=Pair(en, ko), text=text))
