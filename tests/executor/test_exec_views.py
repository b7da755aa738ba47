"""Projections of engine answers (pure); the terminal table renderer: tests/render."""

from __future__ import annotations

import json

import pytest

from bot.executor.views import (
    age,
    df_view,
    human_size,
    images_view,
    info_view,
    inspect_view,
    ps_view,
    stats_view,
    version_view,
)

NOW = 1_800_000_000.0
SECRET = "hunter2-canary"


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "0B"), (999, "999B"), (1000, "1kB"), (1_982_256, "1.98MB"), (25_276_514_304, "25.3GB"),
     (3 * 10**15, "3e+03TB"), (-1, "-"), (None, "-"), ("12", "-")],
)
def test_human_size(n: object, text: str) -> None:
    assert human_size(n) == text


@pytest.mark.parametrize(
    ("created", "text"),
    [(NOW - 5, "5s ago"), (NOW - 120, "2m ago"), (NOW - 7200, "2h ago"),
     (NOW - 3 * 86400, "3d ago"), (NOW - 40 * 86400, "1mo ago"), (NOW - 400 * 86400, "1y ago"),
     ("2027-01-15T05:59:59.123456789Z", "2h ago"), ("2027-01-15T09:00:00+01:00", "0s ago"),
     ("0001-01-01T00:00:00Z", "-"),
     (0, "-"), ("garbage", "-"), (True, "-")],
)
def test_age(created: object, text: str) -> None:
    assert age(created, NOW) == text


def test_ps_projects_names_ports_and_short_image_ids() -> None:
    view = ps_view([
        {"Id": "a" * 64, "Names": ["/web"], "Image": "nginx:1.25", "Status": "Up 2 hours",
         "Created": NOW - 7200, "Command": f"run --password={SECRET}",
         "Labels": {"api_token": SECRET},
         "Ports": [{"PrivatePort": 80, "Type": "tcp", "PublicPort": 8080, "IP": "0.0.0.0"},
                   {"PrivatePort": 80, "Type": "tcp", "PublicPort": 8080, "IP": "0.0.0.0"},
                   {"PrivatePort": 443, "Type": "tcp"}]},
        {"Id": "b" * 64, "Names": [], "Image": "sha256:" + "c" * 64, "Status": "Exited (0)",
         "Created": NOW - 60, "Ports": []},
    ], 120, NOW)
    assert list(view.rows) == [
        ("web", "nginx:1.25", "Up 2 hours", "0.0.0.0:8080->80/tcp, 443/tcp", "2h ago"),
        ("b" * 12, "c" * 12, "Exited (0)", "-", "1m ago"),
    ]
    assert SECRET not in json.dumps(list(view.rows))


def test_images_one_row_per_tag() -> None:
    view = images_view([
        {"Id": "sha256:" + "d" * 64, "RepoTags": ["app:1", "app:latest"], "Size": 1000,
         "Created": NOW - 86400},
        {"Id": "sha256:" + "e" * 64, "RepoTags": ["<none>:<none>"], "Size": 5, "Created": NOW},
    ], 120, NOW)
    assert [r[0] for r in view.rows] == ["app:1", "app:latest", "<none>"]
    assert view.rows[0][1:] == ("d" * 12, "1kB", "1d ago")


def test_stats_cpu_and_memory() -> None:
    sample = {
        "cpu_stats": {"cpu_usage": {"total_usage": 3_000_000}, "system_cpu_usage": 20_000_000,
                      "online_cpus": 2},
        "precpu_stats": {"cpu_usage": {"total_usage": 1_000_000}, "system_cpu_usage": 10_000_000},
        "memory_stats": {"usage": 3_000_000, "limit": 10_000_000,
                         "stats": {"inactive_file": 1_000_000}},
        "pids_stats": {"current": 7},
    }
    view = stats_view([("web", sample), ("slow", None)], more=2, max_cell=120)
    assert list(view.rows) == [
        ("web", "40.00%", "2MB", "10MB", "20.00%", "7"),
        ("slow", "-", "-", "-", "-", "-"),
    ]
    assert view.more == 2


def test_inspect_never_reads_env_values_or_labels() -> None:
    view = inspect_view({
        "Name": "/web", "RestartCount": 2,
        "Config": {"Image": "app:1", "Env": [f"DB_PASSWORD={SECRET}", "PATH=/bin", "EMPTY"],
                   "Labels": {"api_token": SECRET}, "Cmd": ["--token", SECRET]},
        "State": {"Status": "running", "ExitCode": 0, "Health": {"Status": "healthy"}},
        "NetworkSettings": {"Ports": {"80/tcp": [{"HostIp": "", "HostPort": "8080"}],
                                      "443/tcp": None},
                            "Networks": {"front": {}, "back": {}}},
        "Mounts": [{"Source": f"/secret/{SECRET}", "Destination": "/data"}],
        "HostConfig": {"Binds": [f"/secret/{SECRET}:/data"]},
    }, 400)
    fields = dict(view.rows)
    assert fields["env (names)"] == "DB_PASSWORD, PATH, EMPTY"
    assert fields["ports"] == "0.0.0.0:8080->80/tcp, 443/tcp"
    assert fields["networks"] == "back, front" and fields["mounts"] == "/data"
    assert fields["health"] == "healthy" and fields["restarts"] == "2"
    assert SECRET not in json.dumps(list(view.rows))


def test_info_leaves_out_proxies_names_and_paths() -> None:
    view = info_view({"Containers": 3, "ContainersRunning": 1, "Driver": "overlay2",
                      "HttpProxy": f"http://u:{SECRET}@proxy:3128", "Name": "prod-host-1",
                      "DockerRootDir": "/var/lib/docker", "Labels": [f"token={SECRET}"],
                      "MemTotal": 2_000_000_000}, 120)
    text = json.dumps(list(view.rows))
    assert SECRET not in text and "prod-host-1" not in text and "/var/lib" not in text
    assert ("storage driver", "overlay2") in view.rows and ("total memory", "2GB") in view.rows
    assert ("paused", "-") in view.rows


def test_version_rows() -> None:
    view = version_view({"Version": "27.1", "ApiVersion": "1.46", "Os": "linux",
                         "Arch": "arm64"}, {"library": "docker-py 7.1.0", "api_version": "1.41"},
                        120)
    rows = dict(view.rows)
    assert rows["server OS/arch"] == "linux/arm64" and rows["server git commit"] == "-"


def test_df_counts_and_reclaimable() -> None:
    view = df_view({
        "LayersSize": 3000,
        "Images": [{"Size": 2000, "Containers": 1}, {"Size": 1000, "Containers": 0}],
        "Containers": [{"SizeRw": 10, "State": "running"}, {"SizeRw": 5, "State": "exited"}],
        "Volumes": [{"UsageData": {"Size": 100, "RefCount": 0}},
                    {"UsageData": {"Size": -1, "RefCount": 1}}],
        "BuildCache": None,
    }, 120)
    assert list(view.rows) == [
        ("Images", "2", "1", "3kB", "1kB"),
        ("Containers", "2", "1", "15B", "5B"),
        ("Local Volumes", "2", "1", "100B", "100B"),
        ("Build Cache", "0", "0", "0B", "0B"),
    ]


def test_cells_are_cleaned_and_cut() -> None:
    view = ps_view([{"Names": ["/\x1b[31mred\x1b[0m"], "Image": "i " * 100, "Status": "Up",
                     "Created": NOW}], 20, NOW)
    name, image = view.rows[0][:2]
    assert name == "red" and image.endswith("...") and len(image) <= 23
