"""What a build's values mean: the name it gives (``-t``), ``-o``, ``--call``, ``--progress``."""

from __future__ import annotations

from bot.explain.values import mount_fields, split_image, tr
from bot.lang import Lang
from bot.phrases import phrase


def explain_new_image(ref: str, lang: Lang, same_image: bool = False) -> str:
    """``-t myapp:1.0`` on a build: the name the new image gets (nothing is looked up)."""
    if ref.startswith("$") or "`" in ref:
        return phrase("explain.build_values.name_for_the_new_image", lang)
    registry, repo, tag, _digest = split_image(ref)
    tag_en = f"tag {tag}" if tag else "tag latest (no tag given)"
    tag_ko = f"태그 {tag}" if tag else "태그 latest(태그를 안 씀)"
    if registry:
        where_en = f"; `docker push {ref}` would upload it to the registry {registry}"
        where_ko = f"; `docker push {ref}`로 레지스트리 {registry}에 올릴 수 있음"
    elif "/" in repo:
        owner = repo.rpartition("/")[0]
        where_en = f"; `docker push {ref}` would upload it to Docker Hub under {owner}"
        where_ko = f"; `docker push {ref}`로 Docker Hub의 {owner} 아래에 올릴 수 있음"
    else:
        where_en = (
            " (a local name: to push it, add a registry or Docker Hub user, e.g. you/" + repo + ")"
        )
        where_ko = f" (로컬 이름: 올리려면 레지스트리나 Docker Hub 사용자를 붙임, 예: you/{repo})"
    lead_en = "another name for the same image" if same_image else "name given to the new image"
    lead_ko = "같은 이미지에 붙이는 새 이름" if same_image else "새로 만든 이미지에 붙이는 이름"
    return tr(
        lang,
        f"{lead_en}: repository {repo}, {tag_en}{where_en}",
        f"{lead_ko}: 저장소 {repo}, {tag_ko}{where_ko}",
    )


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


def explain_build_output(value: str, lang: Lang) -> str:
    if value == "-":
        return phrase("explain.build_values.write_the_files_of_the", lang)
    if "=" not in value:  # -o out is type=local,dest=out
        value = f"type=local,dest={value}"
    fields = mount_fields(value)
    kind = fields.get("type", "")
    dest = fields.get("dest", "")
    text = BUILD_OUTPUTS.get(kind)
    if text is None:
        return tr(lang, f"build output of type {kind or '?'}", f"{kind or '?'} 형식의 빌드 출력")
    where_en = dest or ("standard output" if kind in ("tar", "oci") else "")
    where_ko = dest or ("표준 출력" if kind in ("tar", "oci") else "")
    return tr(lang, text[0].format(dest=where_en), text[1].format(dest=where_ko))


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
