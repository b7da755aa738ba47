"""explain never repeats a secret value: text, JSON command and value, risks, suggestions."""

from __future__ import annotations

import json

import pytest

from bot.cli import main
from bot.explain import explain, mask_command
from bot.render.explain_text import explanation_text

SECRET = "swordfish-9f3a"

CASES = [
    f"docker run -e DB_PASSWORD={SECRET} nginx",
    f"docker run --env DB_PASSWORD={SECRET} nginx",
    f"docker run --env=DB_PASSWORD={SECRET} nginx",
    f'docker run -e "DB_PASSWORD={SECRET} horse battery" nginx',
    f"docker run -e DB_PASSWORD=correct\\ {SECRET} nginx",
    f"docker login -p {SECRET} registry.example",
    f"docker login -p{SECRET} registry.example",
    f"docker login --password {SECRET} registry.example",
    f"docker login --password={SECRET} registry.example",
    f"docker login -u bob -p {SECRET}",
    f"docker build --build-arg NPM_TOKEN={SECRET} .",
    f"docker buld --build-arg NPM_TOKEN={SECRET} .",          # with a typo fix suggestion
    f"DB_PASSWORD={SECRET} docker compose up",
    f"docker run -e DATABASE_URL=postgres://app:{SECRET}@db/app nginx",
    f"docker run --label api_token={SECRET} nginx",
    f"docker swarm join --token {SECRET} 10.0.0.1:2377",
    f"docker run --rm mysql:8 mysql -uroot -p{SECRET} -h db",
    f"docker run -e DB_P\u0410SSWORD={SECRET} nginx",          # Cyrillic А in the name
]


@pytest.mark.parametrize("command", CASES)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_secret_values_are_masked_everywhere(command: str, lang: str) -> None:
    expl = explain(command, lang)  # type: ignore[arg-type]
    data = json.dumps(expl.to_dict(), ensure_ascii=False)
    assert SECRET not in data
    assert SECRET not in explanation_text(expl, lang, False)  # type: ignore[arg-type]
    assert SECRET not in expl.masked_command and "***" in expl.masked_command
    assert expl.masked_command == expl.command == expl.to_dict()["command"]
    assert expl.has_secrets
    secret_parts = [p for p in expl.to_dict()["parts"] if p.get("secret")]  # type: ignore[attr-defined]
    assert secret_parts and all(p["secret"] is True for p in secret_parts)
    assert all("***" in (p["value"] or p["text"]) for p in secret_parts)


def test_json_marks_only_the_secret_parts() -> None:
    parts = explain(f"docker run -e DB_PASSWORD={SECRET} -e MODE=prod nginx", "en").to_dict()
    by_text = {p["text"]: p for p in parts["parts"]}  # type: ignore[index]
    assert by_text["DB_PASSWORD=***"]["secret"] is True
    assert by_text["DB_PASSWORD=***"]["value"] == "DB_PASSWORD=***"
    assert "secret" not in by_text["MODE=prod"] and by_text["MODE=prod"]["value"] == "MODE=prod"
    assert parts["command"] == "docker run -e DB_PASSWORD=*** -e MODE=prod nginx"


@pytest.mark.parametrize(
    "command",
    ["docker run -d -p 80:80 --name web nginx", "docker login --password-stdin reg.example",
     "docker run -e MODE=prod -e PASSWORD_FILE=/run/secrets/db postgres",
     "docker ps -a --filter status=exited"],
)
def test_commands_without_secrets_are_unchanged(command: str) -> None:
    expl = explain(command, "en")
    assert expl.command == command and not expl.has_secrets
    assert not any("secret" in p for p in expl.to_dict()["parts"])  # type: ignore[attr-defined]


def test_mask_command_for_text_that_is_not_explained() -> None:
    assert mask_command(f"docker login -p {SECRET} x") == "docker login -p *** x"
    assert SECRET not in mask_command(f"DB_PASSWORD={SECRET} echo hi")


def test_cli_json_and_text_never_show_the_secret(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["explain", "--json", f"docker login -p {SECRET} reg"],
                 ["explain", f"docker run -e DB_PASSWORD={SECRET} nginx"],
                 ["explain", "--json", f"DB_PASSWORD={SECRET} echo hi"]):
        main(argv)
        out = capsys.readouterr()
        assert SECRET not in out.out + out.err
