"""What every risk rule shares: the constants it checks against and how a Risk is made.

A rule's texts are phrase catalog keys (:mod:`bot.phrases.risks`): :func:`make` says
``explain.risk.<rule>.message`` (or ``.message_<form>``) and ``explain.risk.<rule>.safer``
in the asker's language."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.explain.model import Risk, RiskLevel
from bot.explain.parser import Item, ParsedCommand
from bot.lang import Lang
from bot.phrases import phrase

RUN_LIKE = (
    "docker container run",
    "docker container create",
    "docker compose run",
    "docker service create",
)
DB_PORTS = {
    "3306": "MySQL/MariaDB",
    "5432": "PostgreSQL",
    "27017": "MongoDB",
    "6379": "Redis",
    "9200": "Elasticsearch",
    "1433": "SQL Server",
    "1521": "Oracle",
    "5984": "CouchDB",
    "9042": "Cassandra",
    "11211": "Memcached",
    "8086": "InfluxDB",
    "5672": "RabbitMQ",
}
DB_IMAGES = re.compile(
    r"(^|/)(postgres|mysql|mariadb|mongo|redis|elasticsearch|mssql|oracle|"
    r"couchdb|cassandra|memcached|influxdb|rabbitmq|valkey|clickhouse)\b"
)
SENSITIVE_DIRS = (
    "/etc",
    "/root",
    "/boot",
    "/proc",
    "/sys",
    "/dev",
    "/var/lib/docker",
    "/usr",
    "/bin",
    "/sbin",
    "/lib",
)
DANGEROUS_CAPS = {
    "ALL",
    "SYS_ADMIN",
    "SYS_PTRACE",
    "SYS_MODULE",
    "NET_ADMIN",
    "DAC_READ_SEARCH",
    "SYS_RAWIO",
}

Rule = Callable[[ParsedCommand, Lang], list[Risk]]


def make(
    flag: str, level: RiskLevel, lang: Lang, rule: str, form: str = "", /, **params: object
) -> Risk:
    """The risk of ``flag``: the catalog's ``explain.risk.<rule>.message`` (``form``: its
    ``.message_<form>``) and ``.safer`` in ``lang``, their ``{placeholders}`` from ``params``."""
    message = f"explain.risk.{rule}.message" + (f"_{form}" if form else "")
    return Risk(flag=flag, level=level, message=phrase(message, lang, **params),
                safer=phrase(f"explain.risk.{rule}.safer", lang, **params))


def said(key: str, lang: Lang) -> str:
    """A word a risk rule fills its message with: ``explain.risk.<key>``."""
    return phrase(f"explain.risk.{key}", lang)


def flags_named(p: ParsedCommand, *longs: str) -> list[Item]:
    return [i for i in p.flags() if i.flag is not None and i.flag.long in longs]


def shown(item: Item) -> str:
    return f"{item.text} {item.value}" if item.value is not None else item.text
