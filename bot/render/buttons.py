"""What a Slack button (or menu option) carries: one typed value per action, one
:func:`encode`, one :func:`decode` (pure: no I/O).

Every value is compact JSON with short keys, so any replica can handle any click and
the value stays within Slack's limits (2,000 characters for a button, 150 for a menu
option). The wire keys are:

=====  =====================================  ==========================
key    meaning                                used by
=====  =====================================  ==========================
``l``  language of the reply (``ko``/``en``)  every value
``e``  knowledge-base entry id                Share, Pick, Feedback
``q``  the question as asked (or as shared)   Share, Others, Pick, Feedback
``x``  a command line to explain              Share (of an explanation)
``a``  alternative entry ids                  Others
``op`` an executor operation's text           Run
``v``  ``up``/``down``                        Feedback
``i``  the question log's id                  Feedback
``n``  lesson number (1-based)                Lesson, LessonAnswer
``c``  the chosen option's index              LessonAnswer
``k``  placeholder kind                       FillPick, FillMenu
``s``  a live name picked from a menu         FillPick
``t``  a command with a placeholder           FillMenu (in the menu's block id)
=====  =====================================  ==========================

:func:`decode` accepts only what :func:`encode` could have written: a JSON object within
the size limit whose known keys have the right types and bounds (unknown keys are
ignored, so a replica that writes one more key does not break an older one). Anything
else, tampered or garbage, raises :class:`~bot.errors.ButtonError`; a listener turns that
into a reply saying the button no longer works.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from bot.errors import ButtonError
from bot.lang import Lang

MAX_VALUE = 2000  # a button's value
MAX_OPTION_VALUE = 150  # a static_select option's value
MAX_BLOCK_ID = 255
MAX_TEXT = 1500  # the longest question or command a value carries
MAX_IDS = 4
PLACEHOLDER_KINDS = ("container", "image", "volume", "network")

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
_QID = re.compile(r"[0-9a-f]{8,64}")

PlaceholderKind = Literal["container", "image", "volume", "network"]
VoteKind = Literal["up", "down"]


@dataclass(frozen=True)
class Share:
    """Post an answer (``entry``) or an explanation (``command``) to the channel."""

    lang: Lang
    entry: str | None = None
    command: str | None = None
    query: str = ""


@dataclass(frozen=True)
class Others:
    """Show the alternatives the matcher ranked after the answer."""

    lang: Lang
    ids: tuple[str, ...] = ()
    query: str = ""


@dataclass(frozen=True)
class Pick:
    """Open one entry picked from did-you-mean suggestions or the alternatives."""

    lang: Lang
    entry: str
    query: str = ""


@dataclass(frozen=True)
class Run:
    """Run an answer's read-only status command for whoever clicks."""

    lang: Lang
    op: str


@dataclass(frozen=True)
class Feedback:
    """👍/👎 on an answer; ``question_id`` links it to the question log."""

    lang: Lang
    entry: str
    vote: VoteKind
    query: str = ""
    question_id: str | None = None


@dataclass(frozen=True)
class HomeLang:
    """Switch the App Home tab's language."""

    lang: Lang


@dataclass(frozen=True)
class Lesson:
    """Open lesson ``number`` of the onboarding course (Next, Previous, Start)."""

    lang: Lang
    number: int


@dataclass(frozen=True)
class LessonAnswer:
    """An answer to lesson ``number``'s check: option ``choice`` (0-based)."""

    lang: Lang
    number: int
    choice: int


@dataclass(frozen=True)
class FillMenu:
    """The command a live-name menu fills (carried in the menu's block id)."""

    lang: Lang
    kind: PlaceholderKind
    template: str


@dataclass(frozen=True)
class FillPick:
    """One option of a live-name menu: the name to put in for ``kind``."""

    lang: Lang
    kind: PlaceholderKind
    name: str


ButtonValue = (Share | Others | Pick | Run | Feedback | HomeLang | Lesson | LessonAnswer
               | FillMenu | FillPick)
V = TypeVar("V", Share, Others, Pick, Run, Feedback, HomeLang, Lesson, LessonAnswer,
            FillMenu, FillPick)


def _wire(value: ButtonValue) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if isinstance(value, Share):
        if value.entry is not None:
            data["e"] = value.entry
        if value.command is not None:
            data["x"] = value.command
        data["q"] = value.query
    elif isinstance(value, Others):
        data.update(a=list(value.ids), q=value.query)
    elif isinstance(value, Pick):
        data.update(e=value.entry, q=value.query)
    elif isinstance(value, Run):
        data["op"] = value.op
    elif isinstance(value, Feedback):
        data.update(e=value.entry, q=value.query, v=value.vote)
        if value.question_id:
            data["i"] = value.question_id
    elif isinstance(value, Lesson):
        data["n"] = value.number
    elif isinstance(value, LessonAnswer):
        data.update(n=value.number, c=value.choice)
    elif isinstance(value, FillMenu):
        data.update(k=value.kind, t=value.template)
    elif isinstance(value, FillPick):
        data.update(k=value.kind, s=value.name)
    data["l"] = value.lang
    return data


def _limit(value: ButtonValue) -> int:
    if isinstance(value, FillPick):
        return MAX_OPTION_VALUE
    if isinstance(value, FillMenu):
        return MAX_BLOCK_ID
    return MAX_VALUE


def _dump(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def encode(value: ButtonValue) -> str:
    """The value as Slack will carry it. A question too long for the limit is shortened
    (it is only context); anything else too long raises ValueError (a rendering bug)."""
    data = _wire(value)
    raw = _dump(data)
    limit = _limit(value)
    if len(raw) > limit and isinstance(data.get("q"), str):
        data["q"] = data["q"][:99].rstrip() + "…"
        raw = _dump(data)
    if len(raw) > limit:
        raise ValueError(f"a {type(value).__name__} value is too long for Slack ({len(raw)})")
    return raw


def fits(value: ButtonValue) -> bool:
    """Whether :func:`encode` can write ``value`` within its limit."""
    try:
        encode(value)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------- decoding


def _bad(why: str) -> ButtonError:
    return ButtonError(f"This button's value is not one dockbot wrote ({why}).")


def _text(data: Mapping[str, Any], key: str, *, required: bool = False,
          limit: int = MAX_TEXT) -> str | None:
    raw = data.get(key)
    if raw is None:
        if required:
            raise _bad(f"no {key!r}")
        return None
    if not isinstance(raw, str) or len(raw) > limit:
        raise _bad(f"{key!r} is not text of at most {limit} characters")
    if required and not raw.strip():
        raise _bad(f"{key!r} is empty")
    return raw


def _ident(data: Mapping[str, Any], key: str, *, required: bool) -> str | None:
    raw = _text(data, key, required=required, limit=80)
    if raw is not None and not _ID.fullmatch(raw):
        raise _bad(f"{key!r} is not an entry id")
    return raw


def _int(data: Mapping[str, Any], key: str, low: int, high: int) -> int:
    raw = data.get(key)
    if isinstance(raw, bool) or not isinstance(raw, int) or not low <= raw <= high:
        raise _bad(f"{key!r} is not a number from {low} to {high}")
    return raw


def _lang(data: Mapping[str, Any]) -> Lang:
    raw = data.get("l", "en")
    if raw == "ko":
        return "ko"
    if raw == "en":
        return "en"
    raise _bad("'l' is not ko or en")


def _kind(data: Mapping[str, Any]) -> PlaceholderKind:
    raw = data.get("k")
    for kind in PLACEHOLDER_KINDS:
        if raw == kind:
            return kind  # type: ignore[return-value]
    raise _bad("'k' is not container, image, volume or network")


def lang_hint(raw: object) -> Lang:
    """The language a value asks for, or English when it cannot be read (for the error
    reply to a value :func:`decode` refused)."""
    try:
        data = json.loads(raw) if isinstance(raw, str) and len(raw) <= MAX_VALUE else None
    except ValueError:
        return "en"
    return "ko" if isinstance(data, dict) and data.get("l") == "ko" else "en"


def _load(raw: object, limit: int) -> dict[str, Any]:
    if not isinstance(raw, str) or not raw:
        raise _bad("it is empty")
    if len(raw) > limit:
        raise _bad(f"longer than {limit} characters")
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise _bad("it is not JSON") from exc
    if not isinstance(data, dict):
        raise _bad("it is not an object")
    return data


def decode(kind: type[V], raw: object) -> V:
    """Read a value of type ``kind`` written by :func:`encode`; :class:`ButtonError` when
    ``raw`` is not one (garbage, tampered, too long, wrong types)."""
    limit = MAX_OPTION_VALUE if kind is FillPick else MAX_BLOCK_ID if kind is FillMenu \
        else MAX_VALUE
    data = _load(raw, limit)
    lang = _lang(data)
    query = _text(data, "q") or ""
    value: ButtonValue
    if kind is Share:
        entry = _ident(data, "e", required=False)
        command = _text(data, "x")
        if entry is None and not command:
            raise _bad("neither an entry nor a command")
        value = Share(lang, entry, command, query)
    elif kind is Others:
        ids = data.get("a", [])
        if not isinstance(ids, list) or len(ids) > MAX_IDS or not all(
                isinstance(i, str) and _ID.fullmatch(i) for i in ids):
            raise _bad("'a' is not a list of entry ids")
        value = Others(lang, tuple(ids), query)
    elif kind is Pick:
        value = Pick(lang, str(_ident(data, "e", required=True)), query)
    elif kind is Run:
        value = Run(lang, str(_text(data, "op", required=True, limit=300)))
    elif kind is Feedback:
        vote = data.get("v", "up")
        if vote not in ("up", "down"):
            raise _bad("'v' is not up or down")
        qid = _text(data, "i", limit=64)
        if qid is not None and not _QID.fullmatch(qid):
            raise _bad("'i' is not a question id")
        value = Feedback(lang, str(_ident(data, "e", required=True)),
                         "up" if vote == "up" else "down", query, qid)
    elif kind is HomeLang:
        value = HomeLang(lang)
    elif kind is Lesson:
        value = Lesson(lang, _int(data, "n", 1, 999))
    elif kind is LessonAnswer:
        value = LessonAnswer(lang, _int(data, "n", 1, 999), _int(data, "c", 0, 9))
    elif kind is FillMenu:
        value = FillMenu(lang, _kind(data), str(_text(data, "t", required=True, limit=240)))
    elif kind is FillPick:
        value = FillPick(lang, _kind(data), str(_text(data, "s", required=True, limit=128)))
    else:  # pragma: no cover - every kind is listed above
        raise TypeError(f"not a button value type: {kind!r}")
    assert isinstance(value, kind)
    return value
