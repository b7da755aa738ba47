"""Health check for `dockbot serve` in a container (the image's HEALTHCHECK runs it).

``GET /healthz`` on 127.0.0.1 must answer 200 with ``{"ok": true}`` ("degraded" is still
alive). The port is ``DOCKBOT_HEALTH_PORT`` when set (the probes' side port, in either mode),
else the ``--port`` that PID 1 was started with (3000 when absent); ``DOCKBOT_HEALTH_URL``
overrides the whole URL. Socket Mode (``SLACK_APP_TOKEN`` set) without a side port serves no
HTTP, so there the check only confirms that the serving process is alive. Exit 0 healthy,
1 unhealthy.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.request
from pathlib import Path


def serve_port(cmdline: list[str]) -> int:
    for i, arg in enumerate(cmdline):
        if arg == "--port" and i + 1 < len(cmdline):
            return int(cmdline[i + 1])
        if arg.startswith("--port="):
            return int(arg.split("=", 1)[1])
    return 3000


def main() -> int:
    try:
        cmdline = Path("/proc/1/cmdline").read_bytes().decode().split("\0")
    except OSError:
        cmdline = []
    side_port = os.environ.get("DOCKBOT_HEALTH_PORT", "").strip()
    url = os.environ.get("DOCKBOT_HEALTH_URL")
    if not url and side_port:
        url = f"http://127.0.0.1:{side_port}/healthz"
    if not url and (os.environ.get("SLACK_APP_TOKEN") or os.environ.get("SLACK_APP_TOKEN_FILE")):
        return 0 if cmdline and "serve" in cmdline else 1
    url = url or f"http://127.0.0.1:{serve_port(cmdline)}/healthz"
    try:
        with urllib.request.urlopen(url, timeout=3) as resp:
            ok = resp.status == 200 and json.loads(resp.read()).get("ok") is True
    except (OSError, ValueError) as exc:
        print(f"unhealthy: {url}: {exc}", file=sys.stderr)
        return 1
    print("healthy" if ok else f"unhealthy: {url} did not say ok", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
