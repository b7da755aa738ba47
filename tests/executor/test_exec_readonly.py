"""Read-only means read-only, and says so correctly (grammar, views, redaction; no engine)."""

from __future__ import annotations

import re

import pytest

from bot.errors import ExecRefused
from bot.executor import views
from bot.executor.grammar import Operation, parse
from bot.executor.redact import redact_lines
from bot.phrases import PHRASES, has_phrase
from bot.phrases.exec_errors import REASONS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ps -aq", Operation("ps", all=True, quiet=True)),
        ("ps -qa", Operation("ps", all=True, quiet=True)),
        ("ps -a -q", Operation("ps", all=True, quiet=True)),
        ("container ls --quiet", Operation("ps", quiet=True)),
        ("top web", Operation("top", target="web")),
        ("container top web", Operation("top", target="web")),
        ("port web", Operation("port", target="web")),
        ("diff web", Operation("diff", target="web")),
        ("events --since 10m", Operation("events", since=600)),
        ("system events --since=90s", Operation("events", since=90)),
        ("events --since 24h", Operation("events", since=86400)),
        ("logs web --tail 5 --tail 6", Operation("logs", target="web", tail=6)),
        ("logs web -n 5 --tail=7", Operation("logs", target="web", tail=7)),
        ("ps --host prod", Operation("ps", host="prod")),
        ("ps --host=prod -a", Operation("ps", all=True, host="prod")),
        ("ps @prod --host prod", Operation("ps", host="prod")),
        ("ps @PROD", Operation("ps", host="prod")),
    ],
)
def test_now_accepted(text: str, expected: Operation) -> None:
    assert parse(text) == expected


def _refusal(text: str) -> ExecRefused:
    with pytest.raises(ExecRefused) as info:
        parse(text)
    return info.value


def _made_from(err: ExecRefused, key: str, lang: str) -> bool:
    parts = re.split(r"\{[a-z_]+\}", PHRASES[f"exec.error.{key}"][lang])  # type: ignore[index]
    return re.fullmatch(".+".join(re.escape(p) for p in parts), err.message, re.S) is not None


@pytest.mark.parametrize(
    ("text", "key", "says"),
    [
        ("history web", "not_offered", "build arguments and ENV values"),
        ("image history web", "not_offered", "build arguments and ENV values"),
        ("image inspect busybox", "not_offered", "ENV values"),
        ("search nginx", "not_offered", "Docker Hub"),
        ("export web", "not_offered", "copies whole files"),
        ("image save busybox", "not_offered", "copies whole files"),
        ("attach web", "not_offered", "input and output"),
        ("wait web", "not_offered", "blocks until"),
        ("events", "need_since", "never the live stream"),
        ("events --since 2d", "bad_since", "1s to 24h"),
        ("events --since 25h", "bad_since", "1s to 24h"),
        ("events --since 0", "bad_since", "1s to 24h"),
        ("events --until 1h", "bad_flag", "--until"),
        ("ps <@U123>", "mention", "<@U123>"),
        ("ps <@U0123ABCD|alice>", "mention", "Slack mention"),
        ("ps @U123", "mention", "@U123"),
        ("logs web <!channel>", "mention", "Slack mention"),
        ("ps --host tcp.example", "flag_scope", "--host"),
        ("ps --host", "bad_alias", "--host"),
        ("ps --host a --host b", "two_hosts", "one host"),
        ("ps -aqs", "bad_flag", "-aqs"),
        ("top", "need_name", "top"),
        ("diff a b", "extra_args", "`b`"),
        ("rm web", "mutating", "can change the host"),
    ],
)
def test_refusals_say_what_is_wrong(text: str, key: str, says: str) -> None:
    err = _refusal(text)
    assert _made_from(err, key, "en"), err.message
    assert says in err.user_text()


def test_refusals_are_bilingual() -> None:
    err = _refusal("history 웹")
    assert err.code == "refused"
    for key in ("not_offered", "mention", "need_since", "bad_since", "too_large", "ambiguous"):
        assert has_phrase(f"exec.error.{key}") and set(PHRASES[f"exec.error.{key}"]) == {"en", "ko"}
    for reason in REASONS:
        assert all(PHRASES[f"exec.reason.{reason}"].values())
    ko = _refusal("이미지 history")
    assert ko.message.startswith("`이미지`") or "명령" in ko.message


def test_read_only_refusals_never_claim_they_change_the_host() -> None:
    for text in ("history web", "search x", "events", "top", "port", "diff"):
        assert "can change the host" not in _refusal(text).user_text()


# -- views of the new operations --------------------------------------------------------------
def test_port_view_projects_published_ports() -> None:
    inspect = {"NetworkSettings": {"Ports": {
        "80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "8080"}, {"HostIp": "::", "HostPort": "8080"}],
        "443/tcp": None}}, "Config": {"Env": ["DB_PASSWORD=x"]}}
    view = views.port_view(inspect, 80)
    assert view.rows == [("80/tcp", "0.0.0.0:8080"), ("80/tcp", ":::8080")]


def test_top_view_keeps_four_columns_and_masks_command_lines() -> None:
    top = {"Titles": ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"],
           "Processes": [["root", "1", "0", "0", "09:00", "?", "00:00:01",
                          "app --db-password hunter2222 --port 80"],
                         ["root", "7", "1", "0", "09:00", "?", "00:00:00",
                          "mysql -uroot -phunter2222"]]}
    view = views.top_view(top, 200)
    assert view.columns == ("PID", "USER", "TIME", "CMD")
    assert view.rows[0] == ("1", "root", "00:00:01", "app --db-password *** --port 80")
    assert "hunter2222" not in repr(view.rows) and view.redactions == 2


def test_events_view_drops_attributes_and_cuts_actions() -> None:
    events = [{"Type": "container", "Action": "exec_start: sh -c echo $API_TOKEN", "time": 1,
               "Actor": {"ID": "a" * 64, "Attributes": {"name": "web", "api_token": "x1y2z3"}}},
              {"Type": "network", "Action": "connect", "time": 1,
               "Actor": {"ID": "b" * 64, "Attributes": {}}}]
    view = views.events_view(events, 80, now=61)
    assert view.rows == [("1m ago", "network", "connect", "b" * 12),   # newest first
                         ("1m ago", "container", "exec_start", "web")]


def test_diff_view_kinds() -> None:
    view = views.diff_view([{"Kind": 0, "Path": "/etc"}, {"Kind": 1, "Path": "/etc/x"},
                            {"Kind": 2, "Path": "/tmp/y"}, {"Kind": 9, "Path": "/z"}], 80)
    assert [r[0] for r in view.rows] == ["C", "A", "D", "?"]


@pytest.mark.parametrize(
    ("entry", "shown"),
    [("DB_PASSWORD=x", "DB_PASSWORD"), ("GOOD", "GOOD"), ("swordfish-canary", "***"),
     ("my secret=x", "***"), ("=x", "***"), ("c2VjcmV0+/==", "***"), ("_A1=", "_A1")],
)
def test_env_names_treat_non_names_as_values(entry: str, shown: str) -> None:
    assert views.env_name(entry) == shown


# -- private keys across log windows (unit level; the engine test replays real logs) -------
B64 = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun"
KEY = ["-----BEGIN RSA PRIVATE KEY-----", *[B64] * 5, "k3Zy==", "-----END RSA PRIVATE KEY-----"]


@pytest.mark.parametrize("start", range(len(KEY) + 1))
def test_any_window_of_a_key_is_masked(start: int) -> None:
    window = ["before", *KEY, "after"][start + 1:] if start else ["before", *KEY, "after"]
    out, count = redact_lines(window, 300)
    assert not any(B64[:16] in line or "k3Zy" in line for line in out), out
    assert out[-1] == "after" and (count >= 1 or start == len(KEY))


def test_begin_far_into_a_line_and_pgp_blocks() -> None:
    far = ["x" * 900 + " -----BEGIN OPENSSH PRIVATE KEY-----", B64, B64,
           "-----END OPENSSH PRIVATE KEY-----", "next"]
    out, _ = redact_lines(far, 300)
    assert out[-1] == "next" and not any(B64[:16] in line for line in out)
    pgp = ["Version: GnuPG v2", "", B64, B64, "=k3Zy", "-----END PGP PRIVATE KEY BLOCK-----", "ok"]
    out, _ = redact_lines(pgp, 300)
    assert "ok" in out and not any(B64[:16] in line or "k3Zy" in line for line in out)


def test_ordinary_lines_are_not_taken_for_keys() -> None:
    lines = ["GET /healthz 200", "sha256:" + "a" * 64, "abcdefghijklmnopqrstuvwxyz", "done"]
    out, count = redact_lines(lines, 300)
    assert out == lines and count == 0
