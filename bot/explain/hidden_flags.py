"""Flags the real CLIs accept without printing them in --help, each with its own meaning.

Written as in --help (``"--name string"``): command path -> flag -> (English, Korean). They stay
out of ``data/*.yml`` so the --help comparison keeps checking only what --help prints; flags that
are only another name of a listed one are ``HIDDEN_ALIASES`` in :mod:`bot.explain.cli_spec`.
"""

from __future__ import annotations

from collections.abc import Mapping

HIDDEN_FLAGS: Mapping[str, Mapping[str, tuple[str, str]]] = {
    "docker volume create": {
        "--name string": (
            "Specify volume name (the same as giving VOLUME as the argument)",
            "볼륨 이름 지정(인자로 VOLUME을 주는 것과 같음)",
        ),
    },
    "docker compose": {
        "--no-ansi": (
            "Do not print ANSI control characters (deprecated; use --ansi never)",
            "ANSI 제어 문자를 출력하지 않음(폐기 예정; --ansi never를 쓰세요)",
        ),
        "--verbose": ("Show more output", "더 자세히 출력"),
    },
    "docker compose build": {
        "--parallel": (
            "Build images in parallel (deprecated; builds are always parallel)",
            "이미지를 병렬로 빌드(폐기 예정; 항상 병렬로 빌드함)",
        ),
        "--compress": (
            "Compress the build context using gzip (deprecated; no effect)",
            "빌드 컨텍스트를 gzip으로 압축(폐기 예정; 효과 없음)",
        ),
        "--force-rm": (
            "Always remove intermediate containers (deprecated; no effect)",
            "중간 컨테이너를 항상 삭제(폐기 예정; 효과 없음)",
        ),
        "--no-rm": (
            "Do not remove intermediate containers after a successful build "
            "(deprecated; no effect)",
            "빌드가 성공해도 중간 컨테이너를 지우지 않음(폐기 예정; 효과 없음)",
        ),
    },
    # buildx v0.36 (commands/build.go, bake.go, prune.go, policy/eval.go): legacy and deprecated
    # flags it still parses.
    "docker buildx build": {
        "-m, --memory string": (
            "Memory limit (legacy; use --resource memory=...)",
            "메모리 제한(예전 방식; --resource memory=...를 쓰세요)",
        ),
        "--memory-swap string": (
            "Swap limit equal to memory plus swap (legacy; use --resource)",
            "메모리+스왑 제한(예전 방식; --resource를 쓰세요)",
        ),
        "-c, --cpu-shares string": (
            "CPU shares, relative weight (legacy; use --resource)",
            "CPU 상대 가중치(예전 방식; --resource를 쓰세요)",
        ),
        "--cpu-period string": (
            "Limit the CPU CFS period (legacy; use --resource)",
            "CPU CFS 주기 제한(예전 방식; --resource를 쓰세요)",
        ),
        "--cpu-quota string": (
            "Limit the CPU CFS quota (legacy; use --resource)",
            "CPU CFS 할당량 제한(예전 방식; --resource를 쓰세요)",
        ),
        "--cpuset-cpus string": (
            "CPUs in which to allow execution (legacy; use --resource)",
            "실행을 허용할 CPU(예전 방식; --resource를 쓰세요)",
        ),
        "--cpuset-mems string": (
            "Memory nodes in which to allow execution (legacy; use --resource)",
            "실행을 허용할 메모리 노드(예전 방식; --resource를 쓰세요)",
        ),
        "--compress": (
            "Compress the build context using gzip (no effect with BuildKit)",
            "빌드 컨텍스트를 gzip으로 압축(BuildKit에서는 효과 없음)",
        ),
        "--isolation string": (
            "Container isolation technology (deprecated with BuildKit)",
            "컨테이너 격리 기술(BuildKit에서는 폐기됨)",
        ),
        "--security-opt stringSlice": (
            "Security options (deprecated; use RUN --security=insecure)",
            "보안 옵션(폐기됨; Dockerfile의 RUN --security=insecure를 쓰세요)",
        ),
        "--squash": (
            "Squash newly built layers into a single new layer (removed with BuildKit)",
            "새로 만든 레이어를 하나로 합침(BuildKit에서는 없어짐)",
        ),
        "--rm": (
            "Remove intermediate containers after a successful build (no effect)",
            "빌드가 성공하면 중간 컨테이너 삭제(효과 없음)",
        ),
        "--force-rm": (
            "Always remove intermediate containers (no effect)",
            "중간 컨테이너를 항상 삭제(효과 없음)",
        ),
        "--print string": (
            "Print result of information request, e.g. outline, targets (experimental; "
            "use --call)",
            "정보 요청 결과 출력(예: outline, targets; 실험 기능, --call을 쓰세요)",
        ),
    },
    "docker buildx bake": {
        "--list-targets": (
            "List available targets (deprecated; use --list=targets)",
            "대상 목록(폐기 예정; --list=targets를 쓰세요)",
        ),
        "--list-variables": (
            "List defined variables (deprecated; use --list=variables)",
            "변수 목록(폐기 예정; --list=variables를 쓰세요)",
        ),
    },
    "docker buildx prune": {
        "--keep-storage bytes": (
            "Amount of disk space to keep for cache (deprecated; use --reserved-space)",
            "캐시로 남겨 둘 디스크 용량(폐기 예정; --reserved-space를 쓰세요)",
        ),
    },
    "docker buildx policy eval": {
        "--filename string": (
            "Policy filename to evaluate (deprecated; use --file)",
            "평가할 정책 파일 이름(폐기 예정; --file을 쓰세요)",
        ),
    },
}
