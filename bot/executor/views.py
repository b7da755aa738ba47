"""Engine answers -> table columns and rows (pure; no I/O).

Each function projects one API answer onto the few fields the executor shows.
Nothing else is read: environment values, labels, commands, proxies and
registry settings never leave this module. Every cell goes through
:func:`bot.executor.redact.clean_cell`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.executor.redact import clean_cell, decode_log, redact_lines
from bot.secrets import MASK, VAR_NAME

_RFC3339 = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)?")


@dataclass
class View:
    columns: tuple[str, ...] = ()
    rows: Sequence[tuple[str, ...]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)       # logs only
    more: int = 0                  # items left out before rendering (stats sampling cap)
    truncated: bool = False        # the backend cut the answer (logs byte cap)
    redactions: int = 0


class _Cells:
    """Cleans cells and counts redactions."""

    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars
        self.count = 0

    def __call__(self, value: object) -> str:
        if value is None or value == "":
            return "-"
        text, n = clean_cell(value, self.max_chars)
        self.count += n
        return text


def _get(data: object, *path: str) -> Any:
    for key in path:
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)
    return data


def _list(data: object) -> list[Any]:
    return list(data) if isinstance(data, list) else []


def human_size(n: object) -> str:
    """Bytes as docker prints them (SI units): ``1.98MB``."""
    if not isinstance(n, (int, float)) or n < 0:
        return "-"
    size = float(n)
    for unit in ("B", "kB", "MB", "GB", "TB"):
        if size < 1000 or unit == "TB":
            return f"{size:.0f}{unit}" if unit == "B" else f"{size:.3g}{unit}"
        size /= 1000
    return "-"


def age(created: object, now: float | None = None) -> str:
    """``12m ago`` from an epoch number or an RFC 3339 string."""
    now = time.time() if now is None else now
    stamp: float | None = None
    if isinstance(created, (int, float)) and not isinstance(created, bool):
        stamp = float(created)
    elif isinstance(created, str) and not created.startswith("0001-"):
        m = _RFC3339.fullmatch(created.strip())
        if m:   # Go prints nanoseconds; Python takes microseconds
            base, frac, zone = m.group(1), (m.group(2) or "")[:7], m.group(3)
            zone = "+00:00" if zone in (None, "Z") else zone
            stamp = datetime.fromisoformat(base + frac + zone).timestamp()
    if stamp is None or stamp <= 0:
        return "-"
    secs = max(0, int(now - stamp))
    for unit, size in (("y", 31536000), ("mo", 2592000), ("d", 86400), ("h", 3600), ("m", 60)):
        if secs >= size:
            return f"{secs // size}{unit} ago"
    return f"{secs}s ago"


def _ports_list(ports: object) -> str:
    out: list[str] = []
    for p in _list(ports):
        priv, kind, pub, ip = (_get(p, k) for k in ("PrivatePort", "Type", "PublicPort", "IP"))
        text = f"{ip or '0.0.0.0'}:{pub}->{priv}/{kind}" if pub else f"{priv}/{kind}"
        if text not in out:
            out.append(text)
    return ", ".join(out)


def _ports_map(ports: object) -> str:
    out: list[str] = []
    if isinstance(ports, Mapping):
        for private, binds in ports.items():
            if not binds:
                out.append(str(private))
            for b in _list(binds):
                out.append(f"{_get(b, 'HostIp') or '0.0.0.0'}:{_get(b, 'HostPort')}->{private}")
    return ", ".join(out)


def ps_view(containers: object, max_cell: int, now: float | None = None,
            quiet: bool = False) -> View:
    cell = _Cells(max_cell)
    if quiet:
        ids = [(cell(str(_get(c, "Id") or "")[:12]),) for c in _list(containers)]
        return View(("CONTAINER ID",), ids, redactions=cell.count)
    rows = []
    for c in _list(containers):
        names = _list(_get(c, "Names"))
        name = str(names[0]).lstrip("/") if names else str(_get(c, "Id") or "")[:12]
        image = str(_get(c, "Image") or "")
        if image.startswith("sha256:"):
            image = image[7:19]
        rows.append((cell(name), cell(image), cell(_get(c, "Status")),
                     cell(_ports_list(_get(c, "Ports"))), cell(age(_get(c, "Created"), now))))
    return View(("NAME", "IMAGE", "STATUS", "PORTS", "CREATED"), rows, redactions=cell.count)


def images_view(images: object, max_cell: int, now: float | None = None) -> View:
    cell = _Cells(max_cell)
    rows = []
    for img in _list(images):
        tags = [t for t in _list(_get(img, "RepoTags")) if t != "<none>:<none>"] or ["<none>"]
        image_id = str(_get(img, "Id") or "").split(":")[-1][:12]
        for tag in tags:
            rows.append((cell(tag), cell(image_id), cell(human_size(_get(img, "Size"))),
                         cell(age(_get(img, "Created"), now))))
    return View(("REPOSITORY:TAG", "ID", "SIZE", "CREATED"), rows, redactions=cell.count)


def _cpu_percent(s: object) -> str:
    total = _get(s, "cpu_stats", "cpu_usage", "total_usage")
    pre_total = _get(s, "precpu_stats", "cpu_usage", "total_usage")
    system = _get(s, "cpu_stats", "system_cpu_usage")
    pre_system = _get(s, "precpu_stats", "system_cpu_usage")
    if not all(isinstance(v, int) for v in (total, pre_total, system, pre_system)):
        return "-"
    cpus = _get(s, "cpu_stats", "online_cpus") or len(
        _list(_get(s, "cpu_stats", "cpu_usage", "percpu_usage"))) or 1
    delta, sys_delta = total - pre_total, system - pre_system
    if sys_delta <= 0 or delta < 0:
        return "-"
    return f"{delta / sys_delta * cpus * 100:.2f}%"


def _memory(s: object) -> tuple[str, str, str]:
    usage = _get(s, "memory_stats", "usage")
    limit = _get(s, "memory_stats", "limit")
    if not isinstance(usage, int):
        return "-", "-", "-"
    stats = _get(s, "memory_stats", "stats") or {}
    for key in ("inactive_file", "total_inactive_file", "cache"):
        val = _get(stats, key)
        if isinstance(val, int) and val <= usage:
            usage -= val
            break
    pct = f"{usage / limit * 100:.2f}%" if isinstance(limit, int) and limit > 0 else "-"
    return human_size(usage), human_size(limit), pct


def stats_view(samples: Sequence[tuple[str, object]], more: int, max_cell: int) -> View:
    cell = _Cells(max_cell)
    rows = []
    for name, s in samples:
        usage, limit, pct = _memory(s)
        pids = _get(s, "pids_stats", "current")
        rows.append((cell(name), cell(_cpu_percent(s)), cell(usage), cell(limit), cell(pct),
                     cell(pids if isinstance(pids, int) else "-")))
    return View(("NAME", "CPU %", "MEM USAGE", "MEM LIMIT", "MEM %", "PIDS"), rows, more=more,
                redactions=cell.count)


def inspect_view(c: object, max_cell: int) -> View:
    """Projected fields only; environment variables by NAME, values never read."""
    cell = _Cells(max_cell)
    env_names = [env_name(e) for e in _list(_get(c, "Config", "Env"))]
    mounts = [str(_get(m, "Destination")) for m in _list(_get(c, "Mounts"))]
    networks = _get(c, "NetworkSettings", "Networks")
    health = _get(c, "State", "Health", "Status")
    fields = (
        ("name", str(_get(c, "Name") or "").lstrip("/")),
        ("image", _get(c, "Config", "Image")),
        ("state", _get(c, "State", "Status")),
        ("health", health or "none"),
        ("exit code", _get(c, "State", "ExitCode")),
        ("restarts", _get(c, "RestartCount")),
        ("ports", _ports_map(_get(c, "NetworkSettings", "Ports"))),
        ("networks", ", ".join(sorted(networks)) if isinstance(networks, Mapping) else ""),
        ("mounts", ", ".join(mounts)),
        ("env (names)", ", ".join(env_names)),
    )
    rows = [(key, cell(value)) for key, value in fields]
    return View(("FIELD", "VALUE"), rows, redactions=cell.count)


def env_name(entry: object) -> str:
    """The name of one ``Config.Env`` entry; anything that is not a variable name is a value
    (``-e "$DB_PASSWORD"`` stores the bare value) and shows as ``***``."""
    name, _, _ = str(entry).partition("=")
    return name if VAR_NAME.fullmatch(name) else MASK


def port_view(c: object, max_cell: int) -> View:
    """``docker port``: published ports only, from the container's network settings."""
    cell = _Cells(max_cell)
    rows = []
    ports = _get(c, "NetworkSettings", "Ports")
    if isinstance(ports, Mapping):
        for private, binds in sorted(ports.items()):
            for b in _list(binds):
                host = f"{_get(b, 'HostIp') or '0.0.0.0'}:{_get(b, 'HostPort')}"
                rows.append((cell(private), cell(host)))
    return View(("CONTAINER PORT", "HOST"), rows, redactions=cell.count)


_TOP_COLUMNS = (("PID", ("PID",)), ("USER", ("USER", "UID")), ("TIME", ("TIME",)),
                ("CMD", ("CMD", "COMMAND", "ARGS")))


def top_view(top: object, max_cell: int) -> View:
    """``docker top``: PID, user, CPU time and the command line (redacted) of each process."""
    cell = _Cells(max_cell)
    titles = [str(t).upper() for t in _list(_get(top, "Titles"))]
    where = []
    for _, names in _TOP_COLUMNS:
        where.append(next((titles.index(n) for n in names if n in titles), None))
    rows = []
    for proc in _list(_get(top, "Processes")):
        values = _list(proc)
        rows.append(tuple(cell(values[i]) if i is not None and i < len(values) else "-"
                          for i in where))
    return View(tuple(name for name, _ in _TOP_COLUMNS), rows, redactions=cell.count)


_CHANGE_KINDS = {0: "C", 1: "A", 2: "D"}


def diff_view(changes: object, max_cell: int) -> View:
    """``docker diff``: changed (C), added (A) and deleted (D) paths."""
    cell = _Cells(max_cell)
    rows = [(_CHANGE_KINDS.get(_get(ch, "Kind"), "?"), cell(_get(ch, "Path")))
            for ch in _list(changes)]
    return View(("KIND", "PATH"), rows, redactions=cell.count)


def events_view(events: object, max_cell: int, now: float | None = None) -> View:
    """Past events, newest first (a capped answer keeps the most recent): time, type, action
    (its first word only: ``exec_start: sh -c ...`` carries a command line) and the object's
    name or short ID. No other attribute is read."""
    cell = _Cells(max_cell)
    rows = []
    for e in reversed(_list(events)):
        action = str(_get(e, "Action") or "").split(":", 1)[0].split(" ", 1)[0]
        actor = _get(e, "Actor", "Attributes", "name") or str(_get(e, "Actor", "ID") or "")[:12]
        rows.append((cell(age(_get(e, "time"), now)), cell(_get(e, "Type")), cell(action),
                     cell(actor)))
    return View(("WHEN", "TYPE", "ACTION", "NAME"), rows, redactions=cell.count)


def version_view(server: object, client: Mapping[str, str], max_cell: int) -> View:
    cell = _Cells(max_cell)
    os_arch = f"{_get(server, 'Os') or '?'}/{_get(server, 'Arch') or '?'}"
    fields = (
        ("client", client.get("library")),
        ("client API version", client.get("api_version")),
        ("server version", _get(server, "Version")),
        ("server API version", _get(server, "ApiVersion")),
        ("server min API version", _get(server, "MinAPIVersion")),
        ("server OS/arch", os_arch),
        ("server Go version", _get(server, "GoVersion")),
        ("server git commit", _get(server, "GitCommit")),
    )
    return View(("FIELD", "VALUE"), [(k, cell(v)) for k, v in fields], redactions=cell.count)


def info_view(info: object, max_cell: int) -> View:
    """Counts, versions, storage driver and OS only (no names, paths, proxies, labels)."""
    cell = _Cells(max_cell)
    fields = (
        ("containers", _get(info, "Containers")),
        ("running", _get(info, "ContainersRunning")),
        ("paused", _get(info, "ContainersPaused")),
        ("stopped", _get(info, "ContainersStopped")),
        ("images", _get(info, "Images")),
        ("server version", _get(info, "ServerVersion")),
        ("storage driver", _get(info, "Driver")),
        ("operating system", _get(info, "OperatingSystem")),
        ("OS type", _get(info, "OSType")),
        ("architecture", _get(info, "Architecture")),
        ("kernel version", _get(info, "KernelVersion")),
        ("CPUs", _get(info, "NCPU")),
        ("total memory", human_size(_get(info, "MemTotal"))),
    )
    return View(("FIELD", "VALUE"), [(k, cell(v)) for k, v in fields], redactions=cell.count)


def _sizes(items: list[Any], key: str, active: Any) -> tuple[int, int, int, int]:
    total_size = reclaim = n_active = 0
    for item in items:
        size = _get(item, *key.split("."))
        size = size if isinstance(size, int) and size > 0 else 0
        total_size += size
        if active(item):
            n_active += 1
        else:
            reclaim += size
    return len(items), n_active, total_size, reclaim


def df_view(df: object, max_cell: int) -> View:
    cell = _Cells(max_cell)
    images = _list(_get(df, "Images"))
    lines = (
        ("Images", *_sizes(images, "Size", lambda i: (_get(i, "Containers") or 0) > 0)),
        ("Containers", *_sizes(_list(_get(df, "Containers")), "SizeRw",
                               lambda c: _get(c, "State") == "running")),
        ("Local Volumes", *_sizes(_list(_get(df, "Volumes")), "UsageData.Size",
                                  lambda v: (_get(v, "UsageData", "RefCount") or 0) > 0)),
        ("Build Cache", *_sizes(_list(_get(df, "BuildCache")), "Size",
                                lambda b: bool(_get(b, "InUse")))),
    )
    rows = []
    for kind, total, active, size, reclaim in lines:
        if kind == "Images" and isinstance(_get(df, "LayersSize"), int):
            size = _get(df, "LayersSize")
        rows.append((kind, str(total), str(active), cell(human_size(size)),
                     cell(human_size(min(reclaim, size)))))
    return View(("TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"), rows, redactions=cell.count)


def volumes_view(volumes: object, max_cell: int) -> View:
    cell = _Cells(max_cell)
    rows = [(cell(_get(v, "Driver")), cell(_get(v, "Name")))
            for v in _list(_get(volumes, "Volumes"))]
    return View(("DRIVER", "VOLUME NAME"), rows, redactions=cell.count)


def networks_view(networks: object, max_cell: int) -> View:
    cell = _Cells(max_cell)
    rows = [(cell(_get(n, "Name")), cell(_get(n, "Driver")), cell(_get(n, "Scope")))
            for n in _list(networks)]
    return View(("NAME", "DRIVER", "SCOPE"), rows, redactions=cell.count)


def logs_view(data: bytes, cut_by_backend: bool, max_line: int) -> View:
    lines = decode_log(data)
    if lines and lines[-1] == "":
        lines.pop()
    clean, count = redact_lines(lines, max_line)
    return View(lines=clean, truncated=cut_by_backend, redactions=count)
