"""The JSON contract and both languages (the terminal rendering: tests/render)."""

from __future__ import annotations

import json
import re

import pytest

from bot.explain import explain
from bot.explain.model import ROLES
from bot.lang import Lang, has_hangul

SAMPLES = [
    "docker run -dp 80:80 nginx",
    "docker run -it --rm -v $(pwd):/app -w /app python:3.12 bash",
    "docker exec -it db psql -U postgres",
    "docker compose -f dev.yml up -d --build",
    "docker imgae ls",
    "docker system prune -a --volumes",
    "docker -H ssh://me@box ps -a --format '{{.Names}}'",
    "docker rm -- -odd",
    "docker save app | ssh box docker load",
]


@pytest.mark.parametrize("command", SAMPLES)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_explain_json_shape(command: str, lang: Lang) -> None:
    data = json.loads(json.dumps(explain(command, lang).to_dict(), ensure_ascii=False))
    assert set(data) == {"command", "parts", "risks", "suggestions"}
    assert isinstance(data["command"], str) and data["command"]
    assert data["parts"]
    for p in data["parts"]:
        assert set(p) == {"text", "role", "flag", "takes_value", "value", "meaning"}
        assert p["role"] in ROLES
        assert isinstance(p["text"], str) and p["text"]
        assert isinstance(p["meaning"], str) and p["meaning"]
        assert isinstance(p["takes_value"], bool)
        assert p["flag"] is None or re.fullmatch(r"--[\w][\w.-]*", p["flag"])
        assert p["value"] is None or isinstance(p["value"], str)
        if p["role"] in ("flag-value",):
            assert p["flag"] and p["value"] is not None
    for r in data["risks"]:
        assert set(r) == {"flag", "level", "message", "safer"}
        assert r["level"] in ("warn", "danger")
        assert r["message"] and r["safer"]
    assert all(isinstance(s, str) and s.startswith("docker ") for s in data["suggestions"])


@pytest.mark.parametrize("command", SAMPLES)
def test_explain_meanings_follow_language(command: str) -> None:
    ko = explain(command, "ko")
    en = explain(command, "en")
    assert [p.text for p in ko.parts] == [p.text for p in en.parts]
    assert [p.role for p in ko.parts] == [p.role for p in en.parts]
    assert all(has_hangul(p.meaning) for p in ko.parts), [p.meaning for p in ko.parts]
    assert not any(has_hangul(p.meaning) for p in en.parts)


def test_explain_korean_covers_common_flags() -> None:
    commands = [
        "docker run -d -p 80:80 --name web -e A=b -v data:/d --rm -it --restart always "
        "--network net -w /app -u 1000 --memory 512m --cpus 1 --entrypoint sh --env-file x nginx",
        "docker ps -a -q -f status=exited --format json -n 3 -l -s --no-trunc",
        "docker logs -f -t --tail 10 --since 5m --until 1m --details web",
        "docker build -t a:1 -f Dockerfile --no-cache --pull --build-arg A=1 --target t "
        "--platform linux/amd64 .",
        "docker compose up -d --build --force-recreate --remove-orphans --wait",
        "docker compose down -v --rmi all --remove-orphans",
        "docker compose logs -f --tail 20 web",
        "docker exec -it -u root -w /app -e A=b web sh",
        "docker images -a -q --digests --no-trunc",
        "docker system prune -a -f --volumes",
    ]
    for command in commands:
        for p in explain(command, "ko").parts:
            if p.role in ("flag", "subcommand"):
                assert has_hangul(p.meaning), (command, p.text, p.meaning)
