"""bot/render/exec_text.py: an executor result as a terminal table."""

from __future__ import annotations

from bot.executor import ExecResult
from bot.render.exec_text import exec_result_text


def test_renderer_aligns_wide_characters() -> None:
    res = ExecResult(op="volumes", host="local", columns=("DRIVER", "VOLUME NAME"),
                     rows=(("local", "데이터"), ("nfs-driver", "x")), text="... 3 more",
                     truncated=True)
    lines = exec_result_text(res, color=False).split("\n")
    assert lines == ["DRIVER      VOLUME NAME", "local       데이터", "nfs-driver  x",
                     "... 3 more"]
    colored = exec_result_text(res, color=True)
    assert "\x1b[1mDRIVER" in colored and "\x1b[2m... 3 more\x1b[0m" in colored


def test_renderer_for_logs_and_empty_results() -> None:
    logs = ExecResult(op="logs", host="local", text="a\n... not a note\x1b[31m")
    assert exec_result_text(logs, color=False) == "a\n... not a note"
    assert exec_result_text(ExecResult(op="volumes", host="h"), color=False) == "(nothing)"
