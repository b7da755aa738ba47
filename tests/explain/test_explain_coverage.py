"""The flag table covers every command the knowledge base teaches, with the flags it names."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.explain import explain
from bot.explain.cli_spec import Command, default_spec
from bot.explain.parser import ParsedCommand, parse_docker
from bot.explain.shell import clean_input, split_commands, tokenize
from bot.kb.check import load_knowledge
from bot.kb.model import Entry

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"
KB_ENTRIES = [e for e in load_knowledge(KNOWLEDGE) if e.command] if KNOWLEDGE.is_dir() else []

# Every sub-command the knowledge plan covers (container, image, volume, network, system,
# compose, context, buildx, swarm/service/stack), by the path people type.
PATHS = """
docker version; docker info; docker login; docker logout; docker search; docker inspect
docker run; docker create; docker start; docker stop; docker restart; docker kill; docker pause
docker unpause; docker rename; docker update; docker wait; docker ps; docker logs; docker stats
docker top; docker port; docker diff; docker events; docker exec; docker cp; docker attach
docker rm; docker commit; docker export; docker container prune; docker container ls
docker images; docker image ls; docker tag; docker build; docker push; docker pull; docker rmi
docker image rm; docker history; docker save; docker load; docker import; docker image prune
docker volume create; docker volume ls; docker volume inspect; docker volume rm; docker volume prune
docker network create; docker network ls; docker network inspect; docker network connect
docker network disconnect; docker network rm; docker network prune
docker system df; docker system info; docker system prune; docker system events
docker compose up; docker compose down; docker compose ps; docker compose logs; docker compose exec
docker compose stop; docker compose restart; docker compose build; docker compose pull
docker compose run; docker compose start; docker compose config
docker context ls; docker context create; docker context use; docker context inspect
docker context rm; docker context show
docker buildx build; docker buildx create; docker buildx ls; docker buildx use
docker buildx inspect; docker buildx rm; docker buildx prune
docker swarm init; docker swarm join; docker swarm leave; docker swarm join-token
docker service create; docker service ls; docker service ps; docker service scale
docker service update; docker service logs; docker service rm; docker service inspect
docker stack deploy; docker stack ls; docker stack ps; docker stack rm; docker stack services
docker node ls; docker builder prune
"""


@pytest.mark.parametrize(
    "path", [p.strip() for p in PATHS.replace("\n", ";").split(";") if p.strip()]
)
def test_explain_table_has_path(path: str) -> None:
    cmd = default_spec().resolve(path)
    assert cmd is not None, path
    assert not cmd.is_group or path in ("docker",), path
    assert cmd.summary("ko") != cmd.summary("en")  # Korean summary written


def _docker_segments(command: str) -> list[ParsedCommand]:
    spec = default_spec()
    out = []
    for _op, toks in split_commands(tokenize(clean_input(command, "en"), "en")):
        words = [t for t in toks if t.kind == "word"]
        if words and words[0].value in ("docker", "sudo"):
            start = 1 if words[0].value == "docker" else 2
            out.append(parse_docker(spec, words, start, spec.root))
        for w in words:  # $(docker ps -q) inside the command
            # (one substitution that is the whole word, not "$(id -u):$(id -g)")
            if w.value.startswith("$(") and w.value.endswith(")") and w.value.count("$(") == 1:
                out.extend(_docker_segments(w.value[2:-1]))
    return out


@pytest.mark.skipif(not KB_ENTRIES, reason="no knowledge base files with commands")
@pytest.mark.parametrize("entry", KB_ENTRIES, ids=lambda e: e.id)
def test_explain_reads_every_knowledge_command(entry: Entry) -> None:
    assert entry.command is not None
    expl = explain(entry.command, "ko")
    assert expl.suggestions == (), expl.suggestions
    for parsed in _docker_segments(entry.command):
        bad = [
            i.text for i in parsed.items if i.unknown or (i.kind == "positional" and i.slot is None)
        ]
        assert bad == [], f"{entry.id}: {entry.command}: not understood: {bad}"


def _has_flag(nodes: list[Command], name: str) -> bool:
    for leaf in nodes:
        node: Command | None = leaf
        while node is not None:  # a group's options (docker compose -f, -p) apply below it
            if name.startswith("--") and node.flag_by_long(name[2:]):
                return True
            if not name.startswith("--") and node.flag_by_short(name[1:]):
                return True
            node = node.parent
    return False


@pytest.mark.skipif(not KB_ENTRIES, reason="no knowledge base files with commands")
@pytest.mark.parametrize("entry", [e for e in KB_ENTRIES if e.flags], ids=lambda e: e.id)
def test_explain_knows_every_flag_the_knowledge_names(entry: Entry) -> None:
    assert entry.command is not None
    nodes = [p.node for p in _docker_segments(entry.command) if p.node is not None]
    nodes.append(default_spec().root)
    for note in entry.flags:
        for name in note.names:
            assert _has_flag(nodes, name), f"{entry.id}: {name} is not a flag of {nodes[0].path}"
