"""What a container's logging settings mean: ``--log-driver`` and ``--log-opt KEY=VALUE``."""

from __future__ import annotations

from bot.explain.values import explain_size, is_secret, is_size
from bot.lang import Lang
from bot.phrases import phrase, table_pair, table_phrase


def explain_log_opt(value: str, lang: Lang) -> str:
    key, eq, val = value.partition("=")
    if not eq:
        return phrase("explain.log_values.log_driver_option_write_it", lang, value=value)
    if is_secret(key, val):
        return phrase("explain.log_values.log_driver_option_set_to", lang, key=key)
    if key in ("max-size", "max-buffer-size") and is_size(val):
        val = explain_size(val, lang)
    text = table_phrase("log_opts", key, lang, v=val)
    if text is None:
        return phrase("explain.log_values.log_driver_option", lang, key=key, val=val)
    return text


def explain_log_driver(value: str, lang: Lang) -> str:
    text = table_pair("log_drivers", value)
    if text is None:
        return phrase("explain.log_values.log_driver", lang, value=value)
    if value == "none":
        return phrase("explain.log_values.log_driver_none", lang, text=text)
    return phrase("explain.log_values.log_driver_logs_go_to", lang, value=value, text=text)
