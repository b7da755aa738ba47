"""Values are explained: ports, image names, volumes, KEY=VALUE, policies."""

from __future__ import annotations

import pytest

from bot.explain import explain
from bot.explain import values as v


def value_meaning(command: str, text: str, lang: str = "en") -> str:
    expl = explain(command, "ko" if lang == "ko" else "en")
    return next(p.meaning for p in expl.parts if p.text == text)


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("80:80", (None, "80", "80", "tcp")),
        ("8080:80", (None, "8080", "80", "tcp")),
        ("127.0.0.1:5432:5432", ("127.0.0.1", "5432", "5432", "tcp")),
        ("127.0.0.1::80", ("127.0.0.1", None, "80", "tcp")),
        ("53:53/udp", (None, "53", "53", "udp")),
        ("3000", (None, None, "3000", "tcp")),
        ("8000-8010:8000-8010", (None, "8000-8010", "8000-8010", "tcp")),
        ("[::1]:80:80", ("[::1]", "80", "80", "tcp")),
        ("web", None),
        ("80:80/icmp", None),
    ],
)
def test_explain_parse_port(value: str, parsed: tuple[str | None, ...] | None) -> None:
    assert v.parse_port(value) == parsed


@pytest.mark.parametrize(
    ("command", "text", "words"),
    [
        (
            "docker run -p 8080:80 nginx",
            "8080:80",
            ["host port 8080", "container port 80", "every network interface"],
        ),
        (
            "docker run -p 127.0.0.1:5432:5432 postgres",
            "127.0.0.1:5432:5432",
            ["host port 5432", "only from this machine"],
        ),
        ("docker run -p 3000 node", "3000", ["random free host port"]),
        ("docker run nginx", "nginx", ["tag latest", "no tag given"]),
        ("docker pull nginx:1.25-alpine", "nginx:1.25-alpine", ["tag 1.25-alpine"]),
        ("docker push me/app:2.0", "me/app:2.0", ["user/organisation me", "app", "tag 2.0"]),
        ("docker push me/app", "me/app", ["tag latest"]),
        (
            "docker pull ghcr.io/org/tool:v1",
            "ghcr.io/org/tool:v1",
            ["registry ghcr.io", "repository org/tool", "tag v1"],
        ),
        ("docker pull localhost:5000/app", "localhost:5000/app", ["registry localhost:5000"]),
        (
            "docker pull alpine@sha256:0123456789abcdef0123",
            "alpine@sha256:0123456789abcdef0123",
            ["digest"],
        ),
        (
            "docker run -v data:/var/lib/mysql mysql",
            "data:/var/lib/mysql",
            ["named volume data", "/var/lib/mysql"],
        ),
        (
            "docker run -v ./site:/usr/share/nginx/html:ro nginx",
            "./site:/usr/share/nginx/html:ro",
            ["host folder ./site", "bind mount", "read-only"],
        ),
        ("docker run -v /cache alpine", "/cache", ["anonymous volume"]),
        (
            "docker run --mount type=bind,src=/srv,dst=/data,readonly alpine",
            "type=bind,src=/srv,dst=/data,readonly",
            ["bind mount", "/srv", "/data", "read-only"],
        ),
        ("docker run -e MODE=prod app", "MODE=prod", ["variable MODE", "'prod'"]),
        ("docker run -e HOME app", "HOME", ["copied from your shell"]),
        ("docker run --restart unless-stopped app", "unless-stopped", ["unless you stopped it"]),
        ("docker run --restart on-failure:3 app", "on-failure:3", ["error", "at most 3"]),
        ("docker run --network backend app", "backend", ["user-defined network backend"]),
        ("docker run --memory 512m app", "512m", ["512 MiB"]),
        ("docker ps -f status=exited", "status=exited", ["containers whose state is exited"]),
        ("docker image prune -a --filter until=24h", "until=24h", ["older than 24h"]),
        ("docker logs --tail 50 web", "50", ["last 50 lines"]),
        ("docker build -t me/app:1.0 .", "me/app:1.0", ["tag 1.0"]),
        ("docker build .", ".", ["build context", "current directory"]),
        ("docker run -u 0 alpine", "0", ["root"]),
        ("docker -H ssh://me@box ps", "ssh://me@box", ["SSH"]),
        ("docker rm $(docker ps -aq)", "$(docker ps -aq)", ["IDs of all containers"]),
        ("docker stop $(docker ps -q)", "$(docker ps -q)", ["running containers"]),
    ],
)
def test_explain_value_meanings(command: str, text: str, words: list[str]) -> None:
    meaning = value_meaning(command, text)
    for w in words:
        assert w in meaning, (w, meaning)


@pytest.mark.parametrize(
    ("command", "text", "words"),
    [
        ("docker run -p 8080:80 nginx", "8080:80", ["호스트 포트 8080", "컨테이너 포트 80"]),
        ("docker run nginx", "nginx", ["태그 latest"]),
        ("docker run -v data:/d app", "data:/d", ["이름 있는 볼륨 data"]),
    ],
)
def test_explain_value_meanings_korean(command: str, text: str, words: list[str]) -> None:
    meaning = value_meaning(command, text, "ko")
    for w in words:
        assert w in meaning, (w, meaning)


@pytest.mark.parametrize(
    ("ref", "parts"),
    [
        ("nginx", (None, "nginx", None, None)),
        ("nginx:1.25", (None, "nginx", "1.25", None)),
        ("me/app:2", (None, "me/app", "2", None)),
        (
            "registry.example.com:5000/team/app:3",
            ("registry.example.com:5000", "team/app", "3", None),
        ),
        ("localhost:5000/app", ("localhost:5000", "app", None, None)),
        ("alpine@sha256:deadbeefdeadbeef", (None, "alpine", None, "sha256:deadbeefdeadbeef")),
    ],
)
def test_explain_split_image(ref: str, parts: tuple[str | None, ...]) -> None:
    assert v.split_image(ref) == parts


@pytest.mark.parametrize(
    ("value", "parts"),
    [
        ("data:/var/lib/mysql", ("data", "/var/lib/mysql", [])),
        ("/srv/app:/app:ro,z", ("/srv/app", "/app", ["ro", "z"])),
        ("/cache", (None, "/cache", [])),
        ("C:\\work:/work", ("C:\\work", "/work", [])),
    ],
)
def test_explain_split_volume(value: str, parts: tuple[object, ...]) -> None:
    assert v.split_volume(value) == parts


def test_secret_env_values_are_not_repeated_in_meanings() -> None:
    from bot.explain import explain

    for lang in ("en", "ko"):
        expl = explain("docker run -e DB_PASSWORD=hunter2 -e MODE=dev alpine", lang)  # type: ignore[arg-type]
        meanings = " ".join(p.meaning for p in expl.parts)
        assert "hunter2" not in meanings
        assert "dev" in meanings  # ordinary values are still explained
        built = explain("docker build --build-arg NPM_TOKEN=s3cr3t --build-arg V=2 .", lang)  # type: ignore[arg-type]
        meanings = " ".join(p.meaning for p in built.parts)
        assert "s3cr3t" not in meanings and "V=2" in meanings
