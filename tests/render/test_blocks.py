"""Block Kit rendering: limits hold for any input, user text is escaped, content survives."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.ask.answer import Answer, Candidate
from bot.errors import ExecTimeout, InputError
from bot.executor.messages import exec_error
from bot.render import blockkit as kit
from bot.render import blocks as bk
from bot.render.buttons import HomeLang, Others, Pick, Run, Share, decode
from bot.services import Services


def check_limits(blocks: list[dict[str, Any]], max_blocks: int = 50,
                 max_chars: int | None = kit.MAX_MESSAGE_CHARS) -> None:
    """Every Block Kit limit from docs/slack.md that the renderer promises."""
    assert 0 < len(blocks) <= max_blocks
    if max_chars is not None:
        assert len(json.dumps(blocks, ensure_ascii=False)) <= max_chars
    seen_ids: set[str] = set()
    for b in blocks:
        kind = b["type"]
        if kind == "header":
            assert b["text"]["type"] == "plain_text"
            assert 0 < len(b["text"]["text"]) <= kit.MAX_HEADER
        elif kind == "section":
            assert 0 < len(b["text"]["text"]) <= kit.MAX_SECTION
            assert len(b.get("fields", [])) <= 10
        elif kind == "context":
            assert 0 < len(b["elements"]) <= kit.MAX_CONTEXT_ELEMENTS
        elif kind == "actions":
            assert 0 < len(b["elements"]) <= kit.MAX_ACTIONS
            for e in b["elements"]:
                assert 0 < len(e["text"]["text"]) <= kit.MAX_BUTTON_TEXT
                assert len(e["value"]) <= kit.MAX_BUTTON_VALUE
                assert len(e["action_id"]) <= 255
                assert e["action_id"] not in seen_ids, "action ids must be unique per message"
                seen_ids.add(e["action_id"])
        else:
            assert kind == "divider"


def check_message(msg: dict[str, Any]) -> None:
    assert isinstance(msg["text"], str) and 0 < len(msg["text"]) <= kit.MAX_FALLBACK_TEXT
    check_limits(msg["blocks"])


def mrkdwn_texts(blocks: list[dict[str, Any]]) -> list[str]:
    out = []
    for b in blocks:
        if b["type"] == "section":
            out.append(b["text"]["text"])
        elif b["type"] == "context":
            out += [e["text"] for e in b["elements"]]
    return out


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a & b", "a &amp; b"),
        ("<!channel> hi", "&lt;!channel&gt; hi"),
        ("<@U123>", "&lt;@U123&gt;"),
        ("&lt;", "&amp;lt;"),
        ("tab\there\x00\x1b[31m", "tab\there[31m"),
        ("zero\u200bwidth", "zerowidth"),
    ],
)
def test_escape(raw: str, expected: str) -> None:
    assert kit.escape(raw) == expected


def test_long_text_is_split_between_lines_and_nothing_is_lost() -> None:
    lines = [f"line {i} " + "x" * (i % 97) for i in range(400)]
    parts = kit.sections("\n".join(lines))
    assert len(parts) > 1
    assert all(len(p["text"]["text"]) <= kit.MAX_SECTION for p in parts)
    assert "\n".join(p["text"]["text"] for p in parts).split("\n") == lines


def test_one_huge_line_is_cut_with_an_ellipsis() -> None:
    parts = kit.sections("y" * 10_000)
    assert len(parts) == 1 and parts[0]["text"]["text"].endswith("…")


def test_user_text_cannot_close_a_code_block() -> None:
    parts = kit.code_sections("echo ```; rm -rf / ``` <b>\n" * 300)
    assert len(parts) > 1
    for p in parts:
        text = p["text"]["text"]
        assert text.startswith("```") and text.endswith("```")
        assert text.count("```") == 2
        assert "<b>" not in text and "&lt;b&gt;" in text


def test_header_and_button_text_are_cut() -> None:
    assert len(kit.header("h" * 500)["text"]["text"]) == kit.MAX_HEADER
    btn = kit.button("b" * 200, "x", Pick("en", "ps", "q" * 5000))
    assert len(btn["text"]["text"]) == kit.MAX_BUTTON_TEXT
    assert len(btn["value"]) <= kit.MAX_BUTTON_VALUE
    assert decode(Pick, btn["value"]).query.startswith("qqq")


def test_button_value_that_cannot_fit_is_refused() -> None:
    with pytest.raises(ValueError, match="too long"):
        kit.button("b", "x", Run("en", "z" * 3000))


def test_fit_keeps_the_trailing_actions_and_says_what_was_cut() -> None:
    many = [kit.section(f"s{i}") for i in range(80)]
    acts = kit.actions([kit.button("ok", "a1", HomeLang("en"))])
    out = kit.fit([*many, acts], "en")
    check_limits(out)
    assert out[-1] is acts
    assert "32 more" in out[-2]["elements"][0]["text"]
    heavy = [kit.section("z" * 2900) for _ in range(10)]
    out = kit.fit(heavy, "ko")
    check_limits(out)
    assert "생략" in out[-1]["elements"][0]["text"]


def _answer(services: Services, question: str) -> Answer:
    answer = services.matcher.ask(question)
    assert answer.best is not None, question
    return answer


def test_confident_answer_has_command_flags_related_and_buttons(base_services: Services) -> None:
    answer = _answer(base_services, "run a container in the background")
    assert answer.best is not None
    entry = answer.best.entry
    msg = bk.answer_message(answer, base_services.kb, run_op="ps", shareable=True)
    check_message(msg)
    text = "\n".join(mrkdwn_texts(msg["blocks"]))
    assert msg["blocks"][0]["text"]["text"] == entry.title["en"]
    assert entry.command is not None and kit.escape(entry.command) in text
    for flag in entry.flags:
        assert kit.escape(flag.text["en"]) in text
    ids = [e["action_id"] for e in msg["blocks"][-1]["elements"]]
    assert ids[0] == bk.ACTION_SHARE and bk.ACTION_RUN in ids
    assert ids[-2:] == [bk.ACTION_FEEDBACK_UP, bk.ACTION_FEEDBACK_DOWN]
    others = decode(Others, msg["blocks"][-1]["elements"][1]["value"])
    assert list(others.ids) == [c.entry.id for c in answer.alternatives
                                if c.entry.id != entry.id][:4]


def test_public_answer_has_no_share_button(base_services: Services) -> None:
    answer = _answer(base_services, "이미지 목록 보기")
    msg = bk.answer_message(answer, base_services.kb, shareable=False)
    ids = [e["action_id"] for b in msg["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert bk.ACTION_SHARE not in ids and bk.ACTION_RUN not in ids


def test_low_confidence_gives_did_you_mean_buttons(base_services: Services) -> None:
    entries = base_services.kb.entries[:3]
    answer = Answer("hmm", "ko", False, None, tuple(Candidate(e, 0.2) for e in entries))
    msg = bk.suggestions_message(answer)
    check_message(msg)
    buttons = msg["blocks"][-1]["elements"]
    assert [decode(Pick, b["value"]).entry for b in buttons] == [e.id for e in entries]
    assert all(bk.PICK_PATTERN.match(b["action_id"]) for b in buttons)
    assert [b["text"]["text"] for b in buttons] == [e.title["ko"][:75] for e in entries]
    empty = bk.suggestions_message(Answer("hmm", "en", False, None, ()))
    assert kit.w("no_answer", "en") in empty["blocks"][0]["text"]["text"]


def test_shared_copy_is_attributed_and_has_no_buttons(base_services: Services) -> None:
    answer = _answer(base_services, "list images")
    inner = bk.answer_message(answer, base_services.kb)
    shared = bk.shared_message(inner, "U123ABC", "list <images>", "en")
    check_message(shared)
    assert "<@U123ABC>" in shared["blocks"][0]["elements"][0]["text"]
    assert "list &lt;images&gt;" in shared["blocks"][0]["elements"][0]["text"]
    assert all(b["type"] != "actions" for b in shared["blocks"])
    forged = bk.shared_message(inner, "<!channel>", "q", "en")
    assert "<!channel>" not in json.dumps(forged)


def test_explanation_rendering_escapes_and_lists_every_part() -> None:
    expl = {
        "command": "docker run -e A=<x> nginx",
        "parts": [{"text": "-e", "role": "flag", "flag": "--env", "takes_value": True,
                   "value": "A=<x>", "meaning": "set <env> & more"},
                  {"text": "nginx", "role": "image", "flag": None, "takes_value": False,
                   "value": None, "meaning": "the image"}],
        "risks": [{"flag": "--privileged", "level": "danger", "message": "full <host> access",
                   "safer": "--cap-add"}],
        "suggestions": ["docker image ls"],
    }
    msg = bk.explanation_message(expl, "ko", share_value=Share("ko", command=expl["command"]))
    check_message(msg)
    text = "\n".join(mrkdwn_texts(msg["blocks"]))
    assert "set &lt;env&gt; &amp; more" in text and "full &lt;host&gt; access" in text
    assert "플래그" in text and "이미지" in text and "🛑" in text
    assert "`docker image ls`" in text
    assert msg["blocks"][-1]["elements"][0]["action_id"] == bk.ACTION_SHARE


def test_exec_table_is_aligned_escaped_and_marks_truncation() -> None:
    result = {"ok": True, "op": "ps", "host": "local", "columns": ["NAME", "IMAGE"],
              "rows": [["web", "nginx:1"], ["db<x>", "postgres:16"]], "text": "",
              "truncated": True}
    msg = bk.exec_message(result, "en", "ps")
    check_message(msg)
    body = msg["blocks"][0]["text"]["text"]
    lines = body.split("```")[1].split("\n")
    assert lines[0].startswith("NAME ") and lines[0].index("IMAGE") == lines[1].index("nginx:1")
    assert "db&lt;x&gt;" in body
    assert msg["blocks"][-1]["type"] == "context"


def test_error_text_is_bilingual() -> None:
    err = exec_error(ExecTimeout, "timeout", "ko")
    assert bk.error_text(err, "ko") == err.user_text()
    plain = InputError("The question is empty.")
    assert "입력" in bk.error_text(plain, "ko") and "(The question is empty.)" in \
        bk.error_text(plain, "ko")
    assert bk.error_text(plain, "en") == plain.user_text()


def test_help_lists_only_the_given_operations() -> None:
    msg = bk.help_message("en", ["ps", "image ls"], ["prod"])
    check_message(msg)
    text = "\n".join(mrkdwn_texts(msg["blocks"]))
    assert "`ps`" in text and "`@prod`" in text and "logs" not in text
    none = "\n".join(mrkdwn_texts(bk.help_message("ko", [], [])["blocks"]))
    assert "`ps`" not in none and kit.w("help_no_exec", "ko") in none


def test_home_view_orders_concepts_and_stays_within_100_blocks(
    base_services: Services,
) -> None:
    concepts = [e for e in base_services.kb.entries if e.kind == "concept"][:15]
    commands = [e for e in base_services.kb.entries if e.command][:25]
    view = bk.home_view("en", concepts, commands, [("<#C1>", ["ps"], ["local"])])
    check_limits(view["blocks"], kit.MAX_HOME_BLOCKS, None)
    text = "\n".join(mrkdwn_texts(view["blocks"]))
    positions = [text.index(kit.escape(e.title["en"])) for e in concepts]
    assert positions == sorted(positions)
    assert "<#C1>" in text and "`ps`" in text


def test_plain_text_has_no_slack_markup(base_services: Services) -> None:
    answer = _answer(base_services, "list images")
    msg = bk.answer_message(answer, base_services.kb)
    out = kit.plain_text(msg)
    assert answer.best is not None and answer.best.entry.title["en"] in out
    assert "```" not in out and "&lt;" not in out and "&amp;" not in out
    assert "[Share to channel]" in out


texts = st.text(st.characters(codec="utf-8"), max_size=6000)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=texts, junk=texts, n=st.integers(min_value=0, max_value=300))
def test_any_text_renders_within_limits(query: str, junk: str, n: int) -> None:
    expl = {"command": junk, "parts": [{"text": junk[:50], "role": "flag", "flag": None,
                                        "meaning": junk} for _ in range(min(n, 60))],
            "risks": [{"flag": junk[:9], "level": "warn", "message": junk, "safer": junk}],
            "suggestions": [junk] * 3}
    check_message(bk.explanation_message(expl, "en", share_value=Share("en", command=query[:1500])))
    rows = [[junk[:200], str(i)] for i in range(n)]
    check_message(bk.exec_message({"columns": ["A", "B"], "rows": rows, "host": junk[:40]},
                                  "ko", query[:300] or "ps"))
    check_message(bk.exec_message({"text": junk * 3}, "en", "logs"))
    check_message(bk.error_message(InputError(junk or "x"), "en"))
    check_message(bk.exec_off_message(query[:300], "ko", enabled=True))
    for text in mrkdwn_texts(bk.explanation_message(expl, "en")["blocks"]):
        assert not re.search(r"<(?![#@]?[A-Z0-9]+>)", text), "raw < must not survive"


@settings(max_examples=40, deadline=None)
@given(query=texts)
def test_any_question_renders_within_limits(base_services: Services, query: str) -> None:
    entries = base_services.kb.entries
    answer = Answer(query or "q", "en", True, Candidate(entries[0], 1.0),
                    tuple(Candidate(e, 0.3) for e in entries[1:5]))
    check_message(bk.answer_message(answer, base_services.kb, run_op="ps"))
    low = Answer(query or "q", "ko", False, None, tuple(Candidate(e, 0.3) for e in entries[:4]))
    check_message(bk.suggestions_message(low))
    check_message(bk.shared_message(bk.answer_message(answer, base_services.kb), "U1", query,
                                    "en"))
