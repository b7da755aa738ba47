"""What values are called: the Docker socket, the name a build gives, log options, --rmi."""

from __future__ import annotations

import pytest

from bot.explain import explain
from bot.explain.model import Explanation, Part
from bot.lang import Lang


def value_part(expl: Explanation, text: str) -> Part:
    found = [p for p in expl.parts if p.text == text and p.role in ("flag-value", "image")]
    assert found, f"no value {text!r} in {[(p.text, p.role) for p in expl.parts]}"
    return found[0]


@pytest.mark.parametrize(
    ("command", "value", "lang", "expected", "absent"),
    [
        ("docker run -v /var/run/docker.sock:/var/run/docker.sock alpine",
         "/var/run/docker.sock:/var/run/docker.sock", "en",
         ["the host's Docker socket /var/run/docker.sock", "not a folder",
          "controls Docker on the host"], ["host folder"]),
        ("docker run -v /var/run/docker.sock:/var/run/docker.sock alpine",
         "/var/run/docker.sock:/var/run/docker.sock", "ko",
         ["호스트의 Docker 소켓 /var/run/docker.sock", "폴더가 아니라 소켓"], ["호스트 폴더"]),
        ("docker run -v /var/run/docker.sock:/var/run/docker.sock:ro alpine",
         "/var/run/docker.sock:/var/run/docker.sock:ro", "en",
         ["read-only does not make the API read-only"], ["host folder"]),
        ("docker run --mount type=bind,src=/run/docker.sock,dst=/var/run/docker.sock alpine",
         "type=bind,src=/run/docker.sock,dst=/var/run/docker.sock", "en",
         ["bind mount of the host's Docker socket /run/docker.sock"], []),
        ("docker run -v /tmp/.X11-unix/x.sock:/x.sock alpine", "/tmp/.X11-unix/x.sock:/x.sock",
         "en", ["the host socket /tmp/.X11-unix/x.sock"], ["Docker engine", "host folder"]),
        ("docker run -v ./site:/usr/share/nginx/html nginx", "./site:/usr/share/nginx/html",
         "en", ["host folder ./site"], ["socket"]),
    ],
)  # fmt: skip
def test_volume_sources_are_named_for_what_they_are(
    command: str, value: str, lang: Lang, expected: list[str], absent: list[str]
) -> None:
    meaning = value_part(explain(command, lang), value).meaning
    for text in expected:
        assert text in meaning
    for text in absent:
        assert text not in meaning


@pytest.mark.parametrize(
    ("command", "value", "lang", "expected"),
    [
        ("docker build -t myapp:1.0 .", "myapp:1.0", "en",
         ["name given to the new image", "repository myapp", "tag 1.0", "a local name"]),
        ("docker build -t myapp:1.0 .", "myapp:1.0", "ko",
         ["새로 만든 이미지에 붙이는 이름", "저장소 myapp", "태그 1.0"]),
        ("docker image build --tag me/app .", "me/app", "en",
         ["name given to the new image", "tag latest (no tag given)", "Docker Hub under me"]),
        ("docker buildx build -t ghcr.io/org/app:2 --push .", "ghcr.io/org/app:2", "en",
         ["name given to the new image", "repository org/app", "registry ghcr.io"]),
        ("docker buildx imagetools create -t me/app:multi me/app:amd64 me/app:arm64",
         "me/app:multi", "en", ["name given to the new image", "tag multi"]),
        ("docker tag app:1 me/app:1", "me/app:1", "en",
         ["another name for the same image", "repository me/app"]),
        ("docker commit web snap:1", "snap:1", "en", ["name given to the new image"]),
    ],
)  # fmt: skip
def test_a_name_being_given_is_not_looked_up(
    command: str, value: str, lang: Lang, expected: list[str]
) -> None:
    meaning = value_part(explain(command, lang), value).meaning
    for text in expected:
        assert text in meaning
    assert "library/" not in meaning
    assert "official image" not in meaning and "공식 이미지" not in meaning


def test_an_image_that_is_used_is_still_looked_up() -> None:
    meaning = value_part(explain("docker run myapp:1.0", "en"), "myapp:1.0").meaning
    assert "Docker Hub's official image library/myapp" in meaning


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ("max-size=10m", "en", "rotate the log file when it reaches 10 MiB"),
        ("max-size=10m", "ko", "로그 파일이 10 MiB가 되면"),
        ("max-file=3", "en", "keep at most 3 log files"),
        ("max-file=3", "ko", "최대 3개"),
        ("compress=true", "en", "compress rotated log files: true"),
        ("mode=non-blocking", "en", "the app never waits for the log driver"),
        ("tag={{.Name}}", "en", "tag written with each log line: {{.Name}}"),
        ("syslog-address=udp://10.0.0.5:514", "en", "syslog server udp://10.0.0.5:514"),
        ("env-regex=^APP_", "en", "log driver option env-regex = ^APP_"),
    ],
)
def test_log_options_are_explained(value: str, lang: Lang, expected: str) -> None:
    expl = explain(f"docker run --log-opt {value} nginx", lang)
    meaning = value_part(expl, value).meaning
    assert expected in meaning
    assert "the value given to" not in meaning


def test_log_options_of_a_service_and_the_log_driver() -> None:
    expl = explain(
        "docker service create --log-driver json-file --log-opt max-file=5 nginx", "en"
    )
    assert "keep at most 5 log files" in value_part(expl, "max-file=5").meaning
    assert "docker logs" in value_part(expl, "json-file").meaning
    none = value_part(explain("docker run --log-driver none nginx", "ko"), "none").meaning
    assert "로그를 남기지 않음" in none


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ("all", "en", ["every image the services use", "pulled from a registry"]),
        ("all", "ko", ["모두 삭제", "레지스트리에서 받은 것"]),
        ("local", "en", ["only the images Compose built", "pulled images stay"]),
        ("local", "ko", ["받아 온 이미지는 남김"]),
    ],
)
def test_compose_down_rmi_values(value: str, lang: Lang, expected: list[str]) -> None:
    meaning = value_part(explain(f"docker compose down --rmi {value}", lang), value).meaning
    for text in expected:
        assert text in meaning
