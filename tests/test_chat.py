"""`dockbot chat`: questions answered, pasted commands explained, bad lines survive."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def chat(stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "chat"],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )


def test_chat_answers_explains_and_exits() -> None:
    proc = chat(
        "실행 중인 컨테이너 보기\n"
        "docker run -dp 8080:80 nginx\n"
        "\n"
        "오늘 점심 뭐 먹지\n"
        + "x" * 3000
        + "\nexit\nlist networks\n"
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "docker ps" in out
    assert "--detach" in out and "--publish" in out
    assert "잘 모르겠어요" in out
    assert "too long" in out
    assert "docker network ls" not in out  # nothing after exit is read
    assert "Traceback" not in out + proc.stderr
