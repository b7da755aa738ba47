"""Risky flags are flagged with a level and a safer alternative, in both languages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import bot.explain.risks as risks_package
from bot.explain import explain
from bot.lang import Lang
from bot.phrases import PHRASES, phrase

RISKY = [
    ("docker run --privileged alpine", "--privileged", "danger"),
    ("docker exec --privileged web sh", "--privileged", "danger"),
    ("docker run -v /:/host alpine", "-v /:/host", "danger"),
    (
        "docker run -v /var/run/docker.sock:/var/run/docker.sock portainer/portainer-ce",
        "-v /var/run/docker.sock:/var/run/docker.sock",
        "danger",
    ),
    (
        "docker run --mount type=bind,source=/var/run/docker.sock,target=/sock alpine",
        "--mount type=bind,source=/var/run/docker.sock,target=/sock",
        "danger",
    ),
    ("docker run -v /etc:/host-etc alpine", "-v /etc:/host-etc", "warn"),
    ("docker run --pid=host alpine", "--pid host", "danger"),
    ("docker run --ipc host alpine", "--ipc host", "warn"),
    ("docker run --network host nginx", "--network host", "warn"),
    ("docker run --net=host nginx", "--net host", "warn"),
    ("docker run --cap-add NET_BIND_SERVICE nginx", "--cap-add NET_BIND_SERVICE", "warn"),
    ("docker run --cap-add SYS_ADMIN alpine", "--cap-add SYS_ADMIN", "danger"),
    ("docker run --cap-add=ALL alpine", "--cap-add ALL", "danger"),
    (
        "docker run --security-opt seccomp=unconfined alpine",
        "--security-opt seccomp=unconfined",
        "danger",
    ),
    ("docker run --device /dev/sda alpine", "--device /dev/sda", "warn"),
    ("docker system prune -a --volumes", "system prune -a --volumes", "danger"),
    ("docker system prune -a", "system prune -a", "warn"),
    ("docker volume prune -a", "volume prune", "warn"),
    ("docker compose down -v", "compose down -v", "danger"),
    ("docker rm -f web", "rm -f", "warn"),
    ("docker container rm --force web", "rm -f", "warn"),
    ("docker rmi -f app", "rmi -f", "warn"),
    ("docker image rm -f app", "rmi -f", "warn"),
    ("docker run -d -p 5432:5432 postgres", "-p 5432:5432", "warn"),
    ("docker run -d -p 0.0.0.0:3306:3306 mysql:8", "-p 0.0.0.0:3306:3306", "warn"),
    ("docker run -d -p 6380:6379 redis", "-p 6380:6379", "warn"),
    ("docker run -e POSTGRES_PASSWORD=secret postgres", "-e POSTGRES_PASSWORD=***", "warn"),
    ("docker run --env API_TOKEN=abc app", "--env API_TOKEN=***", "warn"),
    ("docker build --build-arg NPM_TOKEN=abc .", "--build-arg NPM_TOKEN=***", "warn"),
    ("docker login -u me -p hunter2", "-p ***", "warn"),
    ("docker -H tcp://10.0.0.5:2375 ps", "-H tcp://10.0.0.5:2375", "danger"),
]

SAFE = [
    "docker run -d -p 8080:80 nginx",
    "docker run -d -p 127.0.0.1:5432:5432 postgres",
    "docker run -e POSTGRES_PASSWORD postgres",
    "docker run -e POSTGRES_PASSWORD=$PGPASS postgres",
    "docker run --env-file ./db.env postgres",
    "docker run -v data:/var/lib/postgresql/data postgres",
    "docker run -v $(pwd):/app -w /app node:20 npm test",
    "docker system prune",
    "docker compose down",
    "docker rm web",
    "docker -H ssh://me@box ps",
    "docker --tlsverify -H tcp://box:2376 ps",
    "docker exec -it db psql -U postgres",
    "docker run alpine sh -c 'rm -f /tmp/x'",  # -f belongs to rm inside the container
    "docker login -u me --password-stdin",
]


@pytest.mark.parametrize(("command", "flag", "level"), RISKY)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_explain_risk_found(command: str, flag: str, level: str, lang: Lang) -> None:
    risks = explain(command, lang).risks
    assert [(r.flag, r.level) for r in risks] == [(flag, level)]
    r = risks[0]
    assert r.message and r.safer and r.message != r.safer


@pytest.mark.parametrize("command", SAFE)
def test_explain_no_risk_for_safe_commands(command: str) -> None:
    assert explain(command, "en").risks == ()


def test_explain_risk_text_follows_language() -> None:
    ko = explain("docker run --privileged alpine", "ko").risks[0]
    en = explain("docker run --privileged alpine", "en").risks[0]
    assert ko.message != en.message
    assert any("\uac00" <= c <= "\ud7a3" for c in ko.message + ko.safer)
    assert not any("\uac00" <= c <= "\ud7a3" for c in en.message + en.safer)


def test_explain_secrets_are_not_repeated_in_risks() -> None:
    expl = explain("docker run -e DB_PASSWORD=hunter2 -p 5432:5432 postgres", "en")
    assert expl.risks
    assert all("hunter2" not in r.flag + r.message + r.safer for r in expl.risks)


def test_explain_many_risks_in_one_command() -> None:
    expl = explain(
        "docker run --privileged -v /:/host --pid=host --network host -p 5432:5432 postgres", "en"
    )
    assert {r.flag for r in expl.risks} == {
        "--privileged",
        "-v /:/host",
        "--pid host",
        "--network host",
        "-p 5432:5432",
    }


def test_explain_risks_in_every_command_of_a_line() -> None:
    expl = explain("docker stop web && docker rm -f web", "en")
    assert [r.flag for r in expl.risks] == ["rm -f"]


# -- the rules' texts are phrase catalog keys (explain.risk.*) ------------------------------
def _strings(node: ast.expr) -> list[str]:
    """The string constants an argument can be (both branches of ``a if c else b``)."""
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    raise AssertionError(f"a risk key is not a literal: {ast.unparse(node)}")


def _keys_the_rules_say() -> set[str]:
    """Every ``explain.risk.*`` key the rules of bot/explain/risks/ can look up."""
    keys: set[str] = set()
    for path in Path(risks_package.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            if node.func.id == "make":
                forms = _strings(node.args[4]) if len(node.args) > 4 else [""]
                for rule in _strings(node.args[3]):
                    keys.add(f"{rule}.safer")
                    keys.update(f"{rule}.message" + (f"_{f}" if f else "") for f in forms)
            elif node.func.id == "said":
                keys.update(_strings(node.args[0]))
    return {f"explain.risk.{k}" for k in keys}


def test_every_risk_phrase_is_said_and_every_key_a_rule_says_exists() -> None:
    said = _keys_the_rules_say()
    catalog = {k for k in PHRASES if k.startswith("explain.risk.")}
    assert said == catalog, (sorted(said - catalog), sorted(catalog - said))


@pytest.mark.parametrize(
    ("command", "lang", "start", "end"),
    [
        ("docker system prune -a", "en",
         "This deletes every stopped container, unused network, every image not used", "again)."),
        ("docker system prune --volumes", "en",
         "This deletes every stopped container, unused network, dangling image and unused "
         "volumes", "gone for good."),
        ("docker system prune -a -f --volumes", "en", "This deletes", ", without asking (-f)."),
        ("docker system prune -a", "ko", "멈춘 컨테이너, 안 쓰는 네트워크, 컨테이너가 쓰지 않는",
         "빌드해야 함)를 지웁니다."),
        ("docker system prune -f --volumes", "ko", "멈춘 컨테이너, 안 쓰는 네트워크, dangling "
         "이미지와 사용하지 않는 볼륨까지 지웁니다", " (-f라서 묻지도 않음)."),
    ],
)
def test_system_prune_says_what_it_deletes(command: str, lang: Lang, start: str, end: str) -> None:
    [risk] = explain(command, lang).risks
    assert risk.message.startswith(start) and risk.message.endswith(end), risk.message
    assert risk.safer == phrase("explain.risk.system_prune.safer", lang)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_capabilities_close_to_root_say_so(lang: Lang) -> None:
    [mild] = explain("docker run --cap-add chown,kill alpine", lang).risks
    [close] = explain("docker run --cap-add CAP_SYS_ADMIN alpine", lang).risks
    assert mild.message == phrase("explain.risk.cap_add.message", lang, names="CHOWN, KILL")
    assert close.message == phrase("explain.risk.cap_add.message_dangerous", lang,
                                   names="SYS_ADMIN")
    assert (mild.level, close.level) == ("warn", "danger")
