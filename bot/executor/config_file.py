"""Reading the config file (``DOCKBOT_CONFIG``): strict YAML into plain data.

Duplicate keys are refused (YAML would silently keep the last), floats keep how they were
written (an ``api_version: 1.40`` is not ``1.4``), and an unreadable, non-UTF-8 or invalid
file is a :class:`~bot.errors.ConfigError` naming the file. What the data means is checked
by :mod:`bot.executor.config`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import yaml

from bot.errors import ConfigError

CONFIG_HINT = "See the config format in examples/dockbot.yml."


class YamlFloat(float):
    """A YAML float that remembers how it was written (``1.40`` is not ``1.4``)."""

    text: str

    def __new__(cls, value: float, text: str) -> YamlFloat:
        obj = super().__new__(cls, value)
        obj.text = text
        return obj


class _Loader(yaml.SafeLoader):
    """Safe YAML that rejects duplicate keys and keeps the text of floats."""


def _mapping(loader: _Loader, node: yaml.MappingNode) -> dict[object, object]:
    loader.flatten_mapping(node)
    out: dict[object, object] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            raise ConfigError(
                f"The config file has the key {key!r} twice (line {key_node.start_mark.line + 1})."
                , hint="Keep one of them: YAML would silently use the last one.")
        out[key] = loader.construct_object(value_node, deep=True)
    return out


def _float(loader: _Loader, node: yaml.ScalarNode) -> float:
    return YamlFloat(loader.construct_yaml_float(node), str(node.value))


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor("tag:yaml.org,2002:float", _float)


def read_config_file(path: Path) -> Mapping[str, object]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except OSError as exc:
        raise ConfigError(f"Cannot read the config file {path}.", hint="Check the path.") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"The config file {path} is not UTF-8 text (bad byte at offset {exc.start}).",
            hint="Save it as UTF-8.",
        ) from None
    except ConfigError as err:
        raise ConfigError(f"{path}: {err.message}", hint=err.hint) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(
            f"The config file {path} is not valid YAML{where}.", hint=CONFIG_HINT
        ) from exc
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise ConfigError(f"The config file {path} must be a YAML mapping.", hint=CONFIG_HINT)
    return data
