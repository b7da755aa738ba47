"""Every operation against a real Docker engine: content, formatting, caps, secrets."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docker
import pytest

from bot.errors import ExecDenied, ExecDisabled, ExecNotFound, ExecRefused
from bot.executor import ExecResult, Executor, Principal
from bot.render.exec_text import exec_result_text

pytestmark = pytest.mark.docker

AGE = re.compile(r"^\d+(s|m|h|d|mo|y) ago$")
SIZE = re.compile(r"^\d+(\.\d+)?(B|kB|MB|GB|TB)$")
PERCENT = re.compile(r"^\d+\.\d\d%$")


@pytest.fixture
def ex(make_executor: Callable[..., Executor], docker_containers: Any) -> Executor:
    return make_executor(docker_containers.url)


def _table(res: ExecResult) -> list[dict[str, str]]:
    return [dict(zip(res.columns, row, strict=True)) for row in res.rows]


def _fields(res: ExecResult) -> dict[str, str]:
    assert res.columns == ("FIELD", "VALUE")
    return dict(res.rows)  # type: ignore[arg-type]


def test_version(ex: Executor, admin: Principal) -> None:
    res = ex.run("docker version", admin)
    f = _fields(res)
    assert res.op == "version" and res.host == "local"
    assert f["server API version"] == "1.41"
    assert f["client"] == f"docker-py {docker.__version__}"
    assert f["client API version"] == "1.41"
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", f["server version"])
    assert f["server OS/arch"].startswith("linux/")


def test_info_is_a_safe_subset(ex: Executor, admin: Principal, docker_containers: Any) -> None:
    f = _fields(ex.run("system info", admin))
    assert int(f["containers"]) >= 3 and int(f["running"]) >= 2 and int(f["images"]) >= 1
    assert f["storage driver"] == "vfs"
    assert set(f) == {"containers", "running", "paused", "stopped", "images", "server version",
                      "storage driver", "operating system", "OS type", "architecture",
                      "kernel version", "CPUs", "total memory"}
    text = json.dumps(f)
    assert "/tmp/" not in text                     # no data-root or other paths


def test_ps_shows_running_and_ps_a_shows_all(ex: Executor, admin: Principal,
                                             docker_containers: Any) -> None:
    res = ex.run("ps", admin)
    assert res.columns == ("NAME", "IMAGE", "STATUS", "PORTS", "CREATED")
    rows = {r["NAME"]: r for r in _table(res)}
    assert {docker_containers.web, docker_containers.chatty} <= set(rows)
    assert docker_containers.idle not in rows
    web = rows[docker_containers.web]
    assert web["IMAGE"] == "dockbot-test/busybox:1"
    assert web["STATUS"].startswith("Up ")
    assert web["PORTS"] == "-"
    assert AGE.match(web["CREATED"])
    all_rows = {r["NAME"]: r for r in _table(ex.run("container ls -a", admin))}
    assert all_rows[docker_containers.idle]["STATUS"] == "Created"
    assert not res.truncated and res.text == ""


def test_images(ex: Executor, admin: Principal) -> None:
    res = ex.run("image ls", admin)
    rows = {r["REPOSITORY:TAG"]: r for r in _table(res)}
    img = rows["dockbot-test/busybox:1"]
    assert re.fullmatch(r"[0-9a-f]{12}", img["ID"])
    assert SIZE.match(img["SIZE"]) and AGE.match(img["CREATED"])


def test_stats_one_container(ex: Executor, admin: Principal, docker_containers: Any) -> None:
    res = ex.run(f"stats {docker_containers.web}", admin)
    assert res.columns == ("NAME", "CPU %", "MEM USAGE", "MEM LIMIT", "MEM %", "PIDS")
    (row,) = _table(res)
    assert row["NAME"] == docker_containers.web
    assert PERCENT.match(row["CPU %"]) and PERCENT.match(row["MEM %"])
    assert SIZE.match(row["MEM USAGE"]) and SIZE.match(row["MEM LIMIT"])
    assert int(row["PIDS"]) >= 1


def test_stats_all_running_and_its_cap(make_executor: Callable[..., Executor],
                                       docker_containers: Any, admin: Principal) -> None:
    res = make_executor(docker_containers.url).run("stats --no-stream", admin)
    names = {r["NAME"] for r in _table(res)}
    assert {docker_containers.web, docker_containers.chatty} <= names
    assert docker_containers.idle not in names
    capped = make_executor(docker_containers.url, limits={"stats_max_containers": 1})
    res = capped.run("stats", admin)
    assert len(res.rows) == 1 and res.truncated
    assert res.text == f"... {len(names) - 1} more"


def test_stats_of_a_stopped_container(ex: Executor, admin: Principal,
                                      docker_containers: Any) -> None:
    (row,) = _table(ex.run(f"stats {docker_containers.idle}", admin))
    assert row["CPU %"] == "-" and row["MEM USAGE"] == "-"


def test_inspect_shows_projected_fields_and_env_names_only(
    ex: Executor, admin: Principal, docker_containers: Any
) -> None:
    f = _fields(ex.run(f"inspect {docker_containers.web}", admin))
    assert list(f) == ["name", "image", "state", "health", "exit code", "restarts", "ports",
                       "networks", "mounts", "env (names)"]
    assert f["name"] == docker_containers.web and f["state"] == "running"
    assert f["image"] == "dockbot-test/busybox:1" and f["networks"] == "none"
    assert f["health"] == "none" and f["exit code"] == "0" and f["restarts"] == "0"
    env = f["env (names)"].split(", ")
    assert {"DB_PASSWORD", "AWS_ACCESS_KEY_ID", "GREETING", "DATABASE_URL"} <= set(env)
    assert "=" not in f["env (names)"]
    assert _fields(ex.run(f"inspect {docker_containers.idle}", admin))["state"] == "created"


def test_inspect_by_id_prefix(ex: Executor, admin: Principal, docker_containers: Any) -> None:
    api = docker.APIClient(base_url=docker_containers.url, version="1.41")
    cid = api.inspect_container(docker_containers.web)["Id"]
    api.close()
    assert _fields(ex.run(f"inspect {cid[:12]}", admin))["name"] == docker_containers.web


@pytest.mark.parametrize("text", ["inspect nope-missing", "logs nope-missing",
                                  "stats nope-missing"])
def test_missing_container(ex: Executor, admin: Principal, text: str) -> None:
    with pytest.raises(ExecNotFound) as info:
        ex.run(text, admin)
    assert info.value.message == "No such container on that host."


def test_logs_are_cleaned_and_redacted(ex: Executor, admin: Principal,
                                       docker_containers: Any) -> None:
    res = ex.run(f"logs {docker_containers.chatty} --tail 200", admin)
    assert res.op == "logs" and res.columns == () and res.rows == ()
    lines = res.text.split("\n")
    assert lines[-1] == "chatty done"
    assert "line 300" in lines and "line 100" not in lines      # the last 200 lines only
    assert "ERROR disk almost full" in lines and "\x1b" not in res.text
    assert "connecting to postgres://app:***@db:5432/app" in lines
    assert "token=***" in lines
    assert "-----PRIVATE KEY ***-----" in lines
    assert any(line.endswith("more chars]") for line in lines)
    assert res.redactions >= 6


def test_logs_tail_and_default(ex: Executor, admin: Principal, docker_containers: Any) -> None:
    res = ex.run(f"logs {docker_containers.chatty} -n 3", admin)
    assert res.text.split("\n")[-1] == "chatty done" and len(res.text.split("\n")) == 3
    default = ex.run(f"logs {docker_containers.chatty}", admin).text.split("\n")
    # 50 lines by default: 313 lines were logged, and the 3-line key block shows as one
    assert default[0] == "line 264" and len(default) == 48
    assert ex.run(f"logs {docker_containers.idle}", admin).text == ""
    assert ex.run(f"logs {docker_containers.tty}", admin).text == "tty line"


def test_logs_char_cap_keeps_the_newest_lines(make_executor: Callable[..., Executor],
                                              docker_containers: Any,
                                              admin: Principal) -> None:
    ex = make_executor(docker_containers.url, limits={"max_chars": 200})
    res = ex.run(f"logs {docker_containers.chatty} --tail 200", admin)
    lines = res.text.split("\n")
    assert res.truncated
    assert re.fullmatch(r"\.\.\. \d+ more lines", lines[0])
    assert lines[-1] == "chatty done"
    assert sum(len(line) + 1 for line in lines[1:]) <= 200


def test_df(ex: Executor, admin: Principal) -> None:
    res = ex.run("system df", admin)
    rows = {r["TYPE"]: r for r in _table(res)}
    assert list(rows) == ["Images", "Containers", "Local Volumes", "Build Cache"]
    assert int(rows["Images"]["TOTAL"]) >= 1 and int(rows["Containers"]["TOTAL"]) >= 3
    assert int(rows["Containers"]["ACTIVE"]) >= 2
    assert int(rows["Local Volumes"]["TOTAL"]) >= 1
    assert all(SIZE.match(r["SIZE"]) and SIZE.match(r["RECLAIMABLE"]) for r in rows.values())


def test_volume_and_network_ls(ex: Executor, admin: Principal, docker_containers: Any) -> None:
    vols = _table(ex.run("volume ls", admin))
    assert {"DRIVER": "local", "VOLUME NAME": docker_containers.volume} in vols
    nets = {r["NAME"]: r for r in _table(ex.run("network ls", admin))}
    assert nets["none"]["DRIVER"] == "null" and nets["host"]["SCOPE"] == "local"


def test_row_cap(make_executor: Callable[..., Executor], docker_containers: Any,
                 admin: Principal) -> None:
    full = make_executor(docker_containers.url).run("ps -a", admin)
    res = make_executor(docker_containers.url, limits={"max_rows": 1}).run("ps -a", admin)
    assert len(res.rows) == 1 and res.rows[0] == full.rows[0]
    assert res.truncated and res.text == f"... {len(full.rows) - 1} more"


def test_char_cap_on_tables(make_executor: Callable[..., Executor], docker_containers: Any,
                            admin: Principal) -> None:
    res = make_executor(docker_containers.url, limits={"max_chars": 100}).run("ps -a", admin)
    used = sum(len(c) + 2 for c in res.columns) + sum(len(c) + 2 for r in res.rows for c in r)
    assert used <= 100 and res.truncated and res.text.startswith("... ")


def test_korean_request_gets_korean_refusal(ex: Executor, admin: Principal) -> None:
    with pytest.raises(ExecRefused) as info:
        ex.run("ps 보여줘", admin)
    assert "영문" in info.value.message


def test_json_contract(ex: Executor, admin: Principal) -> None:
    data = ex.run("ps -a", admin).to_dict()
    assert list(data) == ["ok", "op", "host", "columns", "rows", "text", "truncated"]
    assert data["ok"] is True and data["op"] == "ps" and data["host"] == "local"
    assert all(isinstance(c, str) for row in data["rows"] for c in row)  # type: ignore[attr-defined]
    assert json.loads(json.dumps(data)) == data


def test_terminal_table_is_aligned(ex: Executor, admin: Principal) -> None:
    res = ex.run("ps -a", admin)
    plain = exec_result_text(res, color=False)
    lines = plain.split("\n")
    assert "\x1b" not in plain
    starts = [lines[0].index(col) for col in res.columns]
    for row, line in zip(res.rows, lines[1:], strict=True):
        for cell, start in zip(row, starts, strict=True):
            assert line[start:start + len(cell)] == cell
    colored = exec_result_text(res, color=True)
    assert colored.startswith("\x1b[1m") and colored.replace("\x1b[1m", "").replace(
        "\x1b[0m", "") == plain


def test_host_selection(make_executor: Callable[..., Executor], docker_containers: Any,
                        admin: Principal) -> None:
    url = docker_containers.url
    ex = make_executor(hosts={"local": {"url": url}, "other": {"url": url}})
    with pytest.raises(ExecRefused) as info:
        ex.run("ps", admin)
    assert info.value.hint == "Add @alias, one of: @local, @other."
    assert ex.run("ps @other", admin).host == "other"
    assert ex.run("ps", admin, host="local").host == "local"
    assert ex.run("ps @local", admin, host="local").host == "local"
    with pytest.raises(ExecRefused):
        ex.run("ps @other", admin, host="local")
    with pytest.raises(ExecDenied) as denied:
        ex.run("ps @prod", admin)
    assert denied.value.hint == "Hosts you can use: @local, @other."


def test_policy_is_enforced_and_audited(ex: Executor, viewer: Principal,
                                        read_audit: Callable[[], list[dict[str, Any]]],
                                        docker_containers: Any) -> None:
    assert ex.run("ps", viewer).rows
    for op, role in (("inspect", "operator"), ("logs", "admin")):
        with pytest.raises(ExecDenied) as info:
            ex.run(f"{op} {docker_containers.web}", viewer)
        assert info.value.message == f"You are not allowed to run `{op}` here."
        assert info.value.hint.startswith(f"`{op}` needs the {role} role")
    stranger = Principal.slack(user="USTRANGER", channel="COPS")
    with pytest.raises(ExecDenied):
        ex.run("ps", stranger)
    lines = read_audit()
    assert [line["decision"] for line in lines] == ["allowed", "denied", "denied", "denied"]
    assert [line["outcome"] for line in lines] == ["ok", "denied", "denied", "denied"]
    assert lines[1]["user"] == "UVIEW" and lines[1]["op"] == "inspect"
    assert lines[1]["rule"].endswith(":op") and lines[3]["rule"].endswith(":op")
    assert lines[0]["bytes"] > 0 and lines[0]["host"] == "local"


def test_disabled_executor(make_executor: Callable[..., Executor], docker_containers: Any,
                           admin: Principal, read_audit: Callable[[], list[dict[str, Any]]]
                           ) -> None:
    ex = make_executor(docker_containers.url, enabled=False)
    assert ex.enabled is False and ex.allowed_ops(admin) == ()
    with pytest.raises(ExecDisabled) as info:
        ex.run("ps", Principal.cli())
    assert info.value.exit_code == 2
    assert read_audit()[-1]["decision"] == "disabled"


def test_env_switch_enables(make_executor: Callable[..., Executor], docker_containers: Any
                            ) -> None:
    ex = make_executor(docker_containers.url, enabled=False, env={"DOCKBOT_EXEC_ENABLED": "1"})
    assert ex.enabled and ex.run("ps", Principal.cli()).rows


def test_canaries_never_appear(make_executor: Callable[..., Executor], docker_containers: Any,
                               admin: Principal, audit_path: Path) -> None:
    ex = make_executor(docker_containers.url)
    c = docker_containers
    texts = ["version", "info", "ps -a", "images", "df", "volume ls", "network ls", "stats",
             f"stats {c.web}", f"inspect {c.web}", f"inspect {c.chatty}", f"logs {c.web}",
             f"logs {c.chatty} --tail 200", f"logs {c.chatty} -n 20",
             f"inspect {c.web} --password={c.canaries[0]}"]
    seen: list[str] = []
    for text in texts:
        for principal in (admin, Principal.cli()):
            try:
                res = ex.run(text, principal)
            except Exception as err:           # refusals echo words: they must be safe too
                seen.append(repr(err) + getattr(err, "hint", ""))
                continue
            seen.append(json.dumps(res.to_dict(), ensure_ascii=False))
            seen.append(exec_result_text(res, color=True))
    blob = "\n".join(seen) + audit_path.read_text()
    assert len(audit_path.read_text().splitlines()) == 2 * len(texts)
    for canary in c.canaries:
        assert canary not in blob, canary
    assert "DB_PASSWORD" in blob                  # the names are shown, never the values
