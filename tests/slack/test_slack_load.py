"""200 concurrent signed requests: every ack well inside Slack's 3 s, with part of them
asking the executor for a Docker host that answers one byte at a time. Numbers for the
latency distribution live in bench/ (bench/slack_ack.py); this test only holds the line."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

from bot.render import blockkit as kit
from bot.render import blocks as bk

MakeApp = Callable[..., Any]
ACK_LIMIT = 3.0

QUESTIONS = ["how do I list images", "컨테이너 로그 보기", "remove a stopped container",
             "이미지 삭제하는 법", "what does -p do", "도커 볼륨 만들기"]


def test_200_concurrent_requests_are_all_acked_in_time(
    slack_app: MakeApp, slow_docker_socket: str
) -> None:
    app = slack_app(slow_docker_socket, limits={"workers": 4, "queue": 4})
    feedback = {"action_id": bk.ACTION_FEEDBACK_UP,
             "value": json.dumps({"e": "ps", "q": "q", "l": "en", "v": "up"})}
    run = {"action_id": bk.ACTION_RUN, "value": json.dumps({"op": "ps", "l": "en"})}
    jobs: list[tuple[str, Callable[[], Any]]] = []
    exec_keys: list[str] = []
    for i in range(200):
        kind = i % 10
        if kind in (0, 1, 2):
            q = QUESTIONS[i % len(QUESTIONS)]
            jobs.append(("question", lambda q=q: app.command(q)[0]))
        elif kind == 3:
            jobs.append(("explain", lambda: app.command("explain docker run -dp 80:80 nginx")[0]))
        elif kind in (4, 5):
            key = f"exec-{i}"
            exec_keys.append(key)
            jobs.append(("exec", lambda key=key: app.command(
                "ps", user="UOPS", channel="COPS", key=key)[0]))
        elif kind == 6:
            jobs.append(("click", lambda: app.click(feedback)[0]))
        elif kind == 7:
            key = f"run-{i}"
            exec_keys.append(key)
            jobs.append(("exec", lambda key=key: app.click(run, user="UOPS", channel="COPS",
                                                           key=key)[0]))
        elif kind == 8:
            jobs.append(("event", lambda i=i: app.event({
                "type": "app_mention", "user": "U1", "channel": "C1", "ts": f"{i}.0",
                "text": "<@UBOT> list images"})))
        else:
            jobs.append(("help", lambda: app.command("")[0]))

    start = threading.Barrier(len(jobs))
    results: list[tuple[str, int, float]] = []
    lock = threading.Lock()

    def fire(kind: str, job: Callable[[], Any]) -> None:
        start.wait()
        reply = job()
        with lock:
            results.append((kind, reply.status, reply.seconds))

    threads = [threading.Thread(target=fire, args=job) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    assert len(results) == 200
    assert all(status == 200 for _, status, _ in results), results
    slowest = max(seconds for _, _, seconds in results)
    assert slowest < ACK_LIMIT, sorted(results, key=lambda r: -r[2])[:5]

    # Every Docker request gets an answer after its ack: a result, a timeout or "busy",
    # never silence.
    for key in exec_keys:
        replies = app.fake.wait_responses(key, 2 if key.startswith("run-") else 1, timeout=60)
        final = kit.plain_text(replies[-1])
        assert any(word in final for word in ("did not answer in time", "busy",
                                              "cannot be reached")), final
