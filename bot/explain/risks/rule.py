"""What every risk rule shares: the constants it checks against and how a Risk is made."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.explain.model import Risk, RiskLevel
from bot.explain.parser import Item, ParsedCommand
from bot.lang import Lang

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


def tr(lang: Lang, en: str, ko: str) -> str:
    # allow-listed in tests/test_phrases.py: the risk rules keep their message pairs beside
    # the conditions that raise them (bot/explain/risks/*.py).
    return ko if lang == "ko" else en


def make(
    flag: str, level: RiskLevel, lang: Lang, msg: tuple[str, str], safer: tuple[str, str]
) -> Risk:
    return Risk(flag=flag, level=level, message=tr(lang, *msg), safer=tr(lang, *safer))


def flags_named(p: ParsedCommand, *longs: str) -> list[Item]:
    return [i for i in p.flags() if i.flag is not None and i.flag.long in longs]


def shown(item: Item) -> str:
    return f"{item.text} {item.value}" if item.value is not None else item.text
