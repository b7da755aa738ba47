"""Parsing rules: the command line is read the way the docker CLI reads it."""

from __future__ import annotations

import pytest

from bot.explain import explain
from bot.explain.model import Explanation, Part


def roles(expl: Explanation) -> list[tuple[str, str]]:
    return [(p.text, p.role) for p in expl.parts]


def part(expl: Explanation, text: str, role: str | None = None) -> Part:
    found = [p for p in expl.parts if p.text == text and (role is None or p.role == role)]
    assert found, f"no part {text!r} ({role}) in {roles(expl)}"
    return found[0]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("docker run nginx", "docker container run"),
        ("docker container run nginx", "docker container run"),
        ("docker ps", "docker container ls"),
        ("docker container ls", "docker container ls"),
        ("docker container list", "docker container ls"),
        ("docker images", "docker image ls"),
        ("docker image ls", "docker image ls"),
        ("docker rmi app", "docker image rm"),
        ("docker build .", "docker image build"),
        ("docker builder build .", "docker image build"),
        ("docker compose up", "docker compose up"),
        ("docker info", "docker system info"),
        ("docker stack up -c x.yml s", "docker stack deploy"),
    ],
)
def test_explain_subcommand_paths_and_aliases(command: str, expected: str) -> None:
    expl = explain(command, "en")
    subs = [p for p in expl.parts if p.role == "subcommand"]
    assert subs, roles(expl)
    last = subs[-1]
    written = " ".join(["docker", *[s.text for s in subs]])
    if written != expected:
        assert f"`{expected}`" in last.meaning  # "(same as `docker container run`)"
    else:
        assert "same as" not in last.meaning
    assert expl.suggestions == ()


@pytest.mark.parametrize(
    ("command", "flags"),
    [
        ("docker run -dp 80:80 nginx", [("-d", "--detach", None), ("-p", "--publish", "80:80")]),
        (
            "docker run -itd alpine",
            [("-i", "--interactive", None), ("-t", "--tty", None), ("-d", "--detach", None)],
        ),
        ("docker ps -aq", [("-a", "--all", None), ("-q", "--quiet", None)]),
        ("docker run -p=8080:80 nginx", [("-p", "--publish", "8080:80")]),
        ("docker run -p8080:80 nginx", [("-p", "--publish", "8080:80")]),
        ("docker run --name=web nginx", [("--name", "--name", "web")]),
        ("docker run --name web nginx", [("--name", "--name", "web")]),
        ("docker run -dp=80:80 nginx", [("-d", "--detach", None), ("-p", "--publish", "80:80")]),
        ("docker run --rm=false nginx", [("--rm", "--rm", "false")]),
    ],
)
def test_explain_short_long_and_combined_flags(
    command: str, flags: list[tuple[str, str, str | None]]
) -> None:
    expl = explain(command, "en")
    got = [(p.text, p.flag, p.value) for p in expl.parts if p.role == "flag"]
    assert got == flags
    if command.startswith("docker run"):
        assert expl.parts[-1].role == "image"


@pytest.mark.parametrize("command", ["docker run -dp 80:80 nginx", "docker run -itd alpine"])
def test_explain_combined_flags_say_so(command: str) -> None:
    expl = explain(command, "en")
    combined = command.split()[2]
    for p in expl.parts:
        if p.role == "flag":
            assert f"written together in {combined}" in p.meaning


def test_explain_flag_value_is_its_own_part() -> None:
    expl = explain("docker run -p 127.0.0.1:5432:5432 postgres", "en")
    value = part(expl, "127.0.0.1:5432:5432", "flag-value")
    assert value.flag == "--publish" and value.takes_value and value.value == value.text
    assert part(expl, "-p", "flag").takes_value


@pytest.mark.parametrize(
    ("command", "text", "flag"),
    [
        ("docker run -p 80:80 nginx", "-p", "--publish"),
        ("docker run -P nginx", "-P", "--publish-all"),
        ("docker run -v /a:/b alpine", "-v", "--volume"),
        ("docker -v", "-v", "--version"),
        ("docker run -h box alpine", "-h", "--hostname"),
        ("docker ps -h", "-h", "--help"),
    ],
)
def test_explain_flags_are_case_and_command_sensitive(command: str, text: str, flag: str) -> None:
    expl = explain(command, "en")
    found = [p for p in expl.parts if p.text == text and p.role in ("flag", "global-flag")]
    assert found and found[0].flag == flag


def test_explain_repeated_flags() -> None:
    expl = explain("docker run -p 80:80 -p 443:443 --name a --name b nginx", "en")
    publish = [p for p in expl.parts if p.role == "flag" and p.flag == "--publish"]
    names = [p for p in expl.parts if p.role == "flag" and p.flag == "--name"]
    assert [p.value for p in publish] == ["80:80", "443:443"]
    assert all("only the last value counts" not in p.meaning for p in publish)
    assert "only the last value counts" not in names[0].meaning
    assert "only the last value counts" in names[1].meaning


@pytest.mark.parametrize(
    ("command", "owner", "container_args"),
    [
        ("docker exec -it db psql -U postgres", "db", ["psql", "-U", "postgres"]),
        ("docker run alpine ls -la", "alpine", ["ls", "-la"]),
        (
            "docker run --rm -it python:3.12 python -c 'print(1)'",
            "python:3.12",
            ["python", "-c", "'print(1)'"],
        ),
        ("docker compose exec web sh -c 'echo hi'", "web", ["sh", "-c", "'echo hi'"]),
        (
            "docker compose run --rm app npm test -- --watch",
            "app",
            ["npm", "test", "--", "--watch"],
        ),
        ("docker top web -ef", "web", ["-ef"]),
    ],
)
def test_explain_container_command_is_not_docker(
    command: str, owner: str, container_args: list[str]
) -> None:
    expl = explain(command, "en")
    texts = [p.text for p in expl.parts]
    after = texts[texts.index(owner) + 1 :]
    assert after == container_args
    assert all(p.role == "command" for p in expl.parts[texts.index(owner) + 1 :])


def test_explain_flags_may_follow_positionals_elsewhere() -> None:
    expl = explain("docker rm web -f", "en")
    assert part(expl, "web").role == "container"
    assert part(expl, "-f").flag == "--force"


def test_explain_double_dash_ends_options() -> None:
    expl = explain("docker rm -- -weird", "en")
    assert part(expl, "--").role == "separator"
    assert part(expl, "-weird").role == "container"
    expl = explain("docker run -d -- nginx", "en")
    assert part(expl, "nginx").role == "image"


@pytest.mark.parametrize(
    ("command", "text", "flag", "value"),
    [
        ("docker -H ssh://me@box ps", "-H", "--host", "ssh://me@box"),
        ("docker --context prod ps", "--context", "--context", "prod"),
        ("docker -c prod ps", "-c", "--context", "prod"),
        ("docker -D info", "-D", "--debug", None),
        ("docker -l debug ps", "-l", "--log-level", "debug"),
    ],
)
def test_explain_global_options(command: str, text: str, flag: str, value: str | None) -> None:
    expl = explain(command, "en")
    p = part(expl, text, "global-flag")
    assert (p.flag, p.value) == (flag, value)
    assert expl.parts[-1].role == "subcommand"


def test_explain_compose_own_flags_before_subcommand() -> None:
    expl = explain("docker compose -f dev.yml -p shop up -d web", "en")
    assert [(p.text, p.role) for p in expl.parts if p.role in ("subcommand", "flag")] == [
        ("compose", "subcommand"),
        ("-f", "flag"),
        ("-p", "flag"),
        ("up", "subcommand"),
        ("-d", "flag"),
    ]
    assert part(expl, "-p").flag == "--project-name"  # not --publish: it belongs to compose
    assert part(expl, "web").role == "argument"


@pytest.mark.parametrize(
    ("command", "role_of"),
    [
        ("docker tag app:1 me/app:1", {"app:1": "image", "me/app:1": "image"}),
        (
            "docker cp web:/etc/hosts ./hosts",
            {"web:/etc/hosts": "container", "./hosts": "argument"},
        ),
        ("docker network connect backend web", {"backend": "argument", "web": "container"}),
        ("docker volume rm data", {"data": "argument"}),
        ("docker logs -f web", {"web": "container"}),
        ("docker pull nginx:1.25", {"nginx:1.25": "image"}),
        ("docker build -t app .", {".": "argument", "app": "flag-value"}),
        ("docker stop $(docker ps -q)", {"$(docker ps -q)": "container"}),
    ],
)
def test_explain_positional_roles(command: str, role_of: dict[str, str]) -> None:
    expl = explain(command, "en")
    for text, role in role_of.items():
        assert part(expl, text).role == role


def test_explain_quoted_words_stay_whole() -> None:
    expl = explain('docker run -e "GREETING=hello world" alpine echo "a b"', "en")
    value = part(expl, '"GREETING=hello world"', "flag-value")
    assert value.value == "GREETING=hello world"
    assert part(expl, '"a b"').role == "command"


def test_explain_pipes_and_redirections() -> None:
    expl = explain("docker save app:1 | gzip > app.tgz && docker images", "en")
    assert roles(expl) == [
        ("docker", "docker"),
        ("save", "subcommand"),
        ("app:1", "image"),
        ("|", "shell"),
        ("gzip", "shell"),
        ("> app.tgz", "shell"),
        ("&&", "shell"),
        ("docker", "docker"),
        ("images", "subcommand"),
    ]
    assert "gzip" in part(expl, "gzip").meaning


def test_explain_pasted_prompt_sudo_and_continuations() -> None:
    expl = explain("$ sudo docker run \\\n  -d \\\n  nginx", "en")
    assert [p.text for p in expl.parts] == ["sudo", "docker", "run", "-d", "nginx"]
    assert expl.command == "sudo docker run -d nginx"


def test_explain_docker_compose_v1_word() -> None:
    expl = explain("docker-compose up -d", "en")
    assert part(expl, "up").role == "subcommand"
    assert part(expl, "-d").flag == "--detach"
    assert expl.suggestions == ("docker compose up -d",)


def test_explain_optional_flag_notation() -> None:
    expl = explain("docker system prune [-a] [--volumes]", "en")
    assert [p.flag for p in expl.parts if p.role == "flag"] == ["--all", "--volumes"]
    assert all("optional" in p.meaning for p in expl.parts if p.role == "flag")


@pytest.mark.parametrize(
    ("command", "text", "role"),
    [
        ("docker run -d -p <host>:<container> <image>", "<image>", "image"),
        ("docker exec -it <container> sh", "<container>", "container"),
        ("docker push <DockerID>/<repo>:<tag>", "<DockerID>/<repo>:<tag>", "image"),
    ],
)
def test_explain_placeholders_are_not_redirections(command: str, text: str, role: str) -> None:
    expl = explain(command, "en")
    p = part(expl, text)
    assert p.role == role and "placeholder" in p.meaning
