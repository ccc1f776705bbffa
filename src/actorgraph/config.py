"""Configuration: a TOML file whose ``[actorgraph]`` table sets :class:`Settings` fields.

Every field has a default (docs/configuration.md); an unknown key or a wrong type is misuse
and raises :class:`ConfigError` naming the file and key.

Example:
    >>> settings_from_mapping({"model": "en_core_web_md"}, "x.toml").model
    'en_core_web_md'
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Mapping
from pathlib import Path

from actorgraph.pipeline import Settings

__all__ = ["ConfigError", "load_settings", "settings_from_mapping"]


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names file and key."""


def settings_from_mapping(
    values: Mapping[str, object], origin: str, base: Settings | None = None
) -> Settings:
    base = base or Settings()
    fields = {f.name: f for f in dataclasses.fields(Settings)}
    changes: dict[str, object] = {}
    for key, value in values.items():
        if key not in fields:
            raise ConfigError(f"{origin}: unknown setting {key!r} (known: {', '.join(fields)})")
        expected = type(getattr(Settings(), key))
        if key == "lexicon_dir":
            expected = str
        if not isinstance(value, expected) or isinstance(value, bool) != (expected is bool):
            raise ConfigError(f"{origin}: {key} must be a {expected.__name__}, not {value!r}")
        if isinstance(value, int) and not isinstance(value, bool) and value < 1:
            raise ConfigError(f"{origin}: {key} must be 1 or more, not {value}")
        changes[key] = value
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def load_settings(path: str | None) -> Settings:
    """Settings from a TOML file (its ``[actorgraph]`` table), or the defaults."""
    if path is None:
        return Settings()
    file = Path(path)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    table = data.get("actorgraph", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [actorgraph] must be a table")
    return settings_from_mapping(table, path)
