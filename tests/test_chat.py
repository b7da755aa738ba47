"""`dockbot chat`: questions answered, pasted commands explained, bad lines survive; the
prompt behaves in a real terminal (Ctrl-C, Ctrl-D, continued lines, pastes)."""

from __future__ import annotations

import contextlib
import os
import pty
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.chat import MORE, PROMPT, commands

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


def test_help_and_explain_are_routed_as_in_slack() -> None:
    proc = chat("help\n도움말\nexplain docker ps -a\n설명 docker images -q\nexplain\n")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "How to use dockbot chat" in out and "dockbot chat 사용법" in out
    assert "I don't know" not in out and "잘 모르겠어요" not in out
    assert "--all" in out and "--quiet" in out  # both explained, flag by flag
    assert "There is no command to explain" in out and "explain docker ps -a" in out


def test_help_lists_what_the_local_operator_may_run() -> None:
    off = chat("help\n").stdout
    assert "not available" in off
    on = subprocess.run(
        [sys.executable, "-m", "bot", "chat"], input="help\n", capture_output=True, text=True,
        cwd=ROOT, timeout=60,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "DOCKBOT_EXEC_ENABLED": "1",
             "DOCKER_HOST": "unix:///nonexistent/docker.sock"},
    ).stdout
    assert "Status lookups you may run here:" in on and "ps" in on


def test_backslash_continuations_are_one_command() -> None:
    proc = chat("docker run -d \\\n  -p 80:80 \\\n  nginx\nlist images\n")
    out = proc.stdout
    assert "docker run -d -p 80:80 nginx" in out
    assert "--publish" in out and "nginx" in out
    assert "[image] image: a local image named \\" not in out  # `\` is not the image
    assert "docker image ls" in out  # the next line is its own command


def _reader(chunks: list[str]) -> tuple[list[str], Callable[[str], str]]:
    prompts: list[str] = []
    items = iter(chunks)

    def read(prompt: str) -> str:
        prompts.append(prompt)
        try:
            return next(items)
        except StopIteration:
            raise EOFError from None

    return prompts, read


def test_commands_join_continued_lines_across_reads_and_within_a_paste() -> None:
    prompts, read = _reader(["docker run -d \\", "-p 80:80 nginx", "a\nb \\\nc", "tail \\"])
    source = commands(read)
    got = []
    with pytest.raises(EOFError):  # the end of the input ends the commands
        while True:
            got.append(next(source))
    assert got == ["docker run -d -p 80:80 nginx", "a", "b c", "tail"]
    assert prompts == [PROMPT, MORE, PROMPT, PROMPT, MORE, PROMPT]


class Terminal:
    """``dockbot chat`` on a real pseudo-terminal, with readline."""

    def __init__(self, home: Path) -> None:
        env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "TERM": "xterm", "NO_COLOR": "1",
               "DOCKBOT_HISTORY": str(home / "history"), "DOCKBOT_CACHE_DIR": "off",
               "LANG": "C.UTF-8"}
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # pragma: no cover - the child
            os.chdir(ROOT)
            os.execve(sys.executable, [sys.executable, "-m", "bot", "chat"], env)
        self.seen = b""

    def expect(self, needle: str, timeout: float = 30.0) -> str:
        """Everything up to and including ``needle``, read from the terminal."""
        want = needle.encode()
        deadline = time.monotonic() + timeout
        while want not in self.seen:
            left = deadline - time.monotonic()
            assert left > 0, f"{needle!r} not seen in {self.seen[-600:]!r}"
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:
                    data = b""
                assert data, f"terminal closed before {needle!r}: {self.seen[-600:]!r}"
                self.seen += data
        cut = self.seen.index(want) + len(want)
        head, self.seen = self.seen[:cut], self.seen[cut:]
        return head.decode("utf-8", "replace")

    def send(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def wait(self, timeout: float = 30.0) -> tuple[int, str]:
        """Exit code and the rest of the output once the process ends."""
        deadline = time.monotonic() + timeout
        while True:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                with contextlib.suppress(OSError):
                    self.seen += os.read(self.fd, 65536)
            if pid:  # drain what the terminal still holds
                while select.select([self.fd], [], [], 0.2)[0]:
                    try:
                        data = os.read(self.fd, 65536)
                    except OSError:
                        break
                    if not data:
                        break
                    self.seen += data
                return os.waitstatus_to_exitcode(status), self.seen.decode("utf-8", "replace")
            assert time.monotonic() < deadline, "chat did not exit"

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)


@pytest.fixture
def term(tmp_path: Path) -> Iterator[Terminal]:
    t = Terminal(tmp_path)
    t.expect(PROMPT)
    yield t
    t.close()


def test_ctrl_c_clears_the_half_typed_line_and_keeps_the_session(term: Terminal) -> None:
    term.send("docker run --privileged half typ")
    term.expect("half typ")
    # a person presses Ctrl-C while readline waits for a key; CPython's readline only
    # notices a SIGINT that lands while it waits, not one that lands while it is still
    # drawing the last key, so give it the moment a person would
    time.sleep(0.5)
    term.send("\x03")  # Ctrl-C
    term.expect(PROMPT)
    term.send("list images\r")
    out = term.expect(PROMPT)
    assert "docker image ls" in out
    assert "privileged" not in out  # the dropped line was not answered
    term.send("\x04")  # Ctrl-D at an empty prompt
    code, rest = term.wait()
    assert code == 0 and "Traceback" not in rest


def test_ctrl_d_ends_the_session_on_a_fresh_line(term: Terminal) -> None:
    term.send("\x04")
    code, rest = term.wait()
    assert code == 0
    assert rest.replace("\x1b[?2004l", "").endswith("\r\n")  # the shell prompt starts afresh


def test_typed_continuation_lines_are_one_command(term: Terminal, tmp_path: Path) -> None:
    term.send("docker run -d \\\r")
    term.expect(MORE)
    term.send("-p 8080:80 nginx\r")
    out = term.expect(PROMPT)
    assert "docker run -d -p 8080:80 nginx" in out and "--publish" in out
    term.send("exit\r")
    code, _ = term.wait()
    assert code == 0
    history = (tmp_path / "history").read_text(encoding="utf-8").splitlines()
    assert "docker run -d -p 8080:80 nginx" in history  # one history item
    assert "docker run -d \\" not in history


def test_a_pasted_multi_line_command_is_one_command(term: Terminal) -> None:
    # a terminal wraps a paste in bracketed-paste markers; readline takes it in one read
    term.send("\x1b[200~docker run -d \\\r  -p 80:80 \\\r  nginx\r\x1b[201~")
    term.send("\r")  # readline waits for Enter after a paste
    out = term.expect("nginx     [image]", timeout=30)
    assert "docker run -d -p 80:80 nginx" in out.replace("\r", "")
    assert "image: a local image named \\" not in out
    term.send("exit\r")
    assert term.wait()[0] == 0


def test_executor_operations_run_as_in_slack(docker_engine: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "chat"], input="ps -a\nimage ls\nhelp\n",
        capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "DOCKBOT_EXEC_ENABLED": "1",
             "DOCKER_HOST": docker_engine, "DOCKBOT_AUDIT_LOG": os.devnull},
    )
    assert proc.returncode == 0, proc.stderr
    assert "dockbot-test/busybox" in proc.stdout  # `image ls` ran on the engine
    assert "turned off" not in proc.stdout and "Traceback" not in proc.stderr


@pytest.mark.docker
def test_a_placeholder_is_filled_with_a_numbered_pick_of_live_names(
    docker_containers: Any,
) -> None:
    env = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "DOCKBOT_EXEC_ENABLED": "1",
           "DOCKER_HOST": docker_containers.url}

    def run(stdin: str) -> str:
        proc = subprocess.run([sys.executable, "-m", "bot", "chat"], input=stdin,
                              capture_output=True, text=True, cwd=ROOT, timeout=60, env=env)
        assert proc.returncode == 0, proc.stderr
        assert "Traceback" not in proc.stdout + proc.stderr
        return proc.stdout

    out = run("컨테이너 로그 보기\n\nhow do I stop a container\n")
    assert "<container> 자리에 넣을 이름 번호를 고르세요" in out
    listed = [line.split(". ", 1)[1] for line in out.splitlines()
              if line.startswith("  ") and ". " in line and line.strip()[0].isdigit()]
    assert docker_containers.web in listed
    assert "Fill <container> with a live name" in out
    number = listed.index(docker_containers.web) + 1
    out = run(f"컨테이너 로그 보기\n{number}\nhow do I stop a container\n99\n")
    assert f"복사해서 쓰세요 (아무것도 실행하지 않았어요):\n  docker logs {docker_containers.web}" \
        in out
    assert "Not a number from 1 to" in out
    for canary in docker_containers.canaries:
        assert canary not in out


@pytest.mark.docker
def test_every_placeholder_of_the_command_gets_its_own_pick(docker_containers: Any) -> None:
    env = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "DOCKBOT_EXEC_ENABLED": "1",
           "DOCKER_HOST": docker_containers.url, "DOCKBOT_AUDIT_LOG": os.devnull}

    def run(stdin: str) -> str:
        proc = subprocess.run([sys.executable, "-m", "bot", "chat"], input=stdin,
                              capture_output=True, text=True, cwd=ROOT, timeout=60, env=env)
        assert proc.returncode == 0, proc.stderr
        assert "Traceback" not in proc.stdout + proc.stderr
        return proc.stdout

    def picks(out: str) -> list[list[str]]:
        """The numbered names of each pick, in order."""
        found: list[list[str]] = []
        for line in out.splitlines():
            if "with a live name" in line:
                found.append([])
            elif found and line.startswith("  ") and line.strip()[:1].isdigit() and ". " in line:
                found[-1].append(line.split(". ", 1)[1])
        return found

    question = "connect a container to a network\n"
    out = run(question + "\n\n")  # both skipped
    assert "docker network connect <network> <container>" in out
    assert out.index("Fill <network> with") < out.index("Fill <container> with")
    networks, containers = picks(out)
    assert "host" in networks and docker_containers.web in containers
    # the listing order may differ between runs: read each pick's names from the same run
    out = run(question + "1\n2\n")
    networks, containers = picks(out)
    assert ("Ready to copy (nothing was run):\n  docker network connect "
            f"{networks[0]} <container>\n") in out
    assert ("Ready to copy (nothing was run):\n  docker network connect "
            f"{networks[0]} {containers[1]}\n") in out
    out = run(question + "\n1\n")  # the first skipped, the second still offered
    _, containers = picks(out)
    assert f"docker network connect <network> {containers[0]}\n" in out
    out = run(question + "x\n")  # a bad number, then the end of the input: no traceback
    assert "Not a number from 1 to" in out


def test_learn_shows_a_lesson_as_terminal_text() -> None:
    proc = chat("learn 3\n배우기 2\nlearn 77\nhelp\n")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Lesson 3 of 19 · Images are stored in layers" in out and "  2. Only the layer" in out
    assert "수업 2/19 · 이미지와 컨테이너의 차이" in out
    assert "There is no lesson 77; the course has lessons 1 to 19." in out
    assert "learn [N]" in out and "Traceback" not in out + proc.stderr


def test_ctrl_c_while_answering_is_said_in_the_language_of_the_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], base_services: Any
) -> None:
    import bot.chat as chat_module
    from bot.phrases import phrase

    def interrupted(*args: object, **kwargs: object) -> Any:
        raise KeyboardInterrupt  # what Ctrl-C raises while the answer is being worked out

    monkeypatch.setattr(chat_module, "answer", interrupted)
    lines = iter(["컨테이너 목록 보기", "list images"])

    def read(prompt: str) -> str:
        line = next(lines, None)
        if line is None:
            raise EOFError
        return line

    chat_module._loop(read, base_services, interactive=False)
    assert capsys.readouterr().out.splitlines() == [
        phrase("cli.chat.interrupted", "ko"), phrase("cli.chat.interrupted", "en")]
