"""Run the real CLI with a pseudo-terminal as its stdin, stdout and stderr."""

from __future__ import annotations

import os
import pty
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def in_terminal(*argv: str, env: dict[str, str]) -> tuple[int, str]:
    """(exit code, everything written to the terminal) of ``python -m bot ARGV``."""
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "-m", "bot", *argv], env)
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8", "replace")
