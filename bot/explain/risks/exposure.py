"""Services and secrets left open to other people: published databases, passwords, plain TCP."""

from __future__ import annotations

from bot.explain import values as v
from bot.explain.model import Risk
from bot.explain.parser import Item, ParsedCommand
from bot.explain.risks.rule import (
    DB_IMAGES,
    DB_PORTS,
    RUN_LIKE,
    flags_named,
    make,
    said,
    shown,
)
from bot.lang import Lang
from bot.secrets import is_secret_assignment


def published_databases(p: ParsedCommand, lang: Lang) -> list[Risk]:
    if p.node is None or p.node.path not in RUN_LIKE:
        return []
    images = [i.text for i in p.positionals() if i.slot is not None and i.slot.name == "IMAGE"]
    db_image = any(DB_IMAGES.search(img.split("@")[0].rsplit(":", 1)[0]) for img in images)
    out: list[Risk] = []
    for i in flags_named(p, "publish"):
        parsed = v.parse_port(i.value or "")
        if parsed is None:
            continue
        ip, host, container, _proto = parsed
        if ip not in (None, "0.0.0.0", "::", "[::]"):
            continue
        name = DB_PORTS.get(container)
        if name is None and not db_image:
            continue
        what = name or said("exposure.the_database", lang)
        out.append(make(shown(i), "warn", lang, "published_database", what=what,
                        host_port=host or container, port=container))
    return out


def masked(item: Item) -> str:
    """The flag as written, with the secret value hidden."""
    key, eq, _ = (item.value or "").partition("=")
    secret = f"{key}=***" if eq else "***"
    return f"{item.text} {secret}"


def secrets_in_args(p: ParsedCommand, lang: Lang) -> list[Risk]:
    out: list[Risk] = []
    for i in flags_named(p, "env", "env-add", "build-arg"):
        key, eq, val = (i.value or "").partition("=")
        if not eq or not is_secret_assignment(key, val) or val.startswith("$"):
            continue
        if i.flag is not None and i.flag.long == "build-arg":
            out.append(make(masked(i), "warn", lang, "build_arg_secret", key=key))
            continue
        out.append(make(masked(i), "warn", lang, "env_secret", key=key))
    if p.node is not None and p.node.path == "docker login":
        for i in flags_named(p, "password"):
            out.append(make(masked(i), "warn", lang, "login_password"))
    return out


def remote_daemon(p: ParsedCommand, lang: Lang) -> list[Risk]:
    out: list[Risk] = []
    tls = any(i.flag is not None and i.flag.long in ("tls", "tlsverify") for i in p.flags())
    for i in p.flags():
        if i.kind != "global-flag" or i.flag is None or i.flag.long != "host":
            continue
        if (i.value or "").startswith("tcp://") and not tls:
            out.append(make(shown(i), "danger", lang, "plain_tcp"))
    return out
