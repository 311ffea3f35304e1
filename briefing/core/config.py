"""Settings, from defaults, a TOML config file, `BRIEFING_*` environment variables and flags.

Precedence, strongest first: command-line flags > `BRIEFING_*` environment > the file given
with `--config` (else the user config file) > defaults. The TOML file looks like:

    [summary]
    words = 120          # or: sentences = 5
    algorithm = "coverage"  # or lexrank, textrank, lsa, luhn (sumy)

    [brief]
    timezone = "Europe/Kyiv"
    figures = 5
    quotes = 4

    [cleaning]
    patterns = ["^Sign up for our newsletter", "Follow us on .*"]

    [cache]
    size = "1 GiB"       # or a number of bytes; also BRIEFING_CACHE_SIZE
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib  # type: ignore[no-redef]

ALGORITHMS = ("coverage", "lexrank", "textrank", "lsa", "luhn")

DEFAULT_CACHE_SIZE = 1 << 30  # bytes of stored values (1 GiB)
_SIZE_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "kib": 1 << 10, "m": 1000**2, "mb": 1000**2, "mib": 1 << 20,
               "g": 1000**3, "gb": 1000**3, "gib": 1 << 30}


class ConfigError(ValueError):
    """A bad setting; the message names the setting and where it came from."""


@dataclass(frozen=True)
class Settings:
    words: int | None = 120
    sentences: int | None = None
    algorithm: str = "coverage"  # DUC 2003 R-2 11.0 vs sumy LexRank 8.0 (bench/eval_duc.py)
    timezone: str | None = None
    figures: int = 5  # key figures shown per story in the Markdown brief
    quotes: int = 4  # quotes shown per story in the Markdown brief
    min_quote_words: int = 4  # shorter quotes are fragments ("endless talks"), kept out of the brief
    clean_patterns: tuple[str, ...] = field(default_factory=tuple)
    export_dir: str | None = None  # where the TUI writes exports (default: working folder)
    theme: str | None = None

    def compiled_patterns(self) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(p, re.I) for p in self.clean_patterns)


_FILE_KEYS = {
    ("summary", "words"): "words",
    ("summary", "sentences"): "sentences",
    ("summary", "algorithm"): "algorithm",
    ("brief", "timezone"): "timezone",
    ("brief", "figures"): "figures",
    ("brief", "quotes"): "quotes",
    ("brief", "min_quote_words"): "min_quote_words",
    ("cleaning", "patterns"): "clean_patterns",
    ("tui", "export_dir"): "export_dir",
    ("tui", "theme"): "theme",
}
_INT_FIELDS = {"words", "sentences", "figures", "quotes", "min_quote_words"}


def user_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("briefing")) / "config.toml"


def _coerce(name: str, value, origin: str):
    if name in _INT_FIELDS:
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ConfigError(f"{origin}: {name} must be a whole number, not {value!r}") from None
        if number < 0 or (name in ("words", "sentences") and number == 0):
            raise ConfigError(f"{origin}: {name} must be positive, not {number}")
        return number
    if name == "algorithm":
        value = str(value).lower()
        if value not in ALGORITHMS:
            raise ConfigError(f"{origin}: algorithm must be one of {', '.join(ALGORITHMS)}, not {value!r}")
        return value
    if name == "clean_patterns":
        patterns = [value] if isinstance(value, str) else list(value or [])
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                raise ConfigError(f"{origin}: bad cleaning pattern {pattern!r}: {error}") from None
        return tuple(patterns)
    if name == "timezone" and value:
        from zoneinfo import ZoneInfo

        try:
            ZoneInfo(str(value))
        except Exception:
            raise ConfigError(f"{origin}: unknown timezone {value!r}") from None
    return value


def _apply(settings: Settings, values: dict, origin: str) -> Settings:
    changes = {name: _coerce(name, value, origin) for name, value in values.items() if value is not None}
    if "sentences" in changes and "words" not in changes:
        changes["words"] = None  # asking for N sentences replaces the word budget
    if "words" in changes and "sentences" not in changes:
        changes["sentences"] = None
    return replace(settings, **changes)


def from_file(path: Path) -> dict:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"config {path}: cannot read ({error.strerror or error})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"config {path}: not valid TOML ({error})") from None
    values = {}
    for (section, key), name in _FILE_KEYS.items():
        if isinstance(data.get(section), dict) and key in data[section]:
            values[name] = data[section][key]
    return values


def from_environment(environ=None) -> dict:
    environ = os.environ if environ is None else environ
    values = {}
    for item in fields(Settings):
        raw = environ.get(f"BRIEFING_{item.name.upper()}")
        if raw is not None and raw != "":
            values[item.name] = raw.split(os.pathsep) if item.name == "clean_patterns" else raw
    return values


def load_settings(config: Path | None = None, flags: dict | None = None, environ=None) -> Settings:
    """Settings with the documented precedence; raises ConfigError naming the bad value."""
    settings = Settings()
    path = config or user_config_path()
    if config is not None or path.exists():
        settings = _apply(settings, from_file(path), f"config {path}")
    settings = _apply(settings, from_environment(environ), "environment")
    return _apply(settings, {k: v for k, v in (flags or {}).items() if v is not None}, "command line")


def parse_size(value, origin: str) -> int:
    """A size in bytes from a number or a string such as "500 MB" or "1 GiB"."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", str(value).lower())
    if isinstance(value, bool) or match is None or match.group(2) not in _SIZE_UNITS:
        raise ConfigError(f"{origin}: cache size must be a number of bytes or e.g. \"500 MB\", not {value!r}")
    return int(float(match.group(1)) * _SIZE_UNITS[match.group(2)])


def cache_size(config: Path | None = None, environ=None) -> int:
    """The cache's size limit: `BRIEFING_CACHE_SIZE` > `[cache] size` of the config file > 1 GiB.
    Kept out of Settings, whose every field is part of the cache keys."""
    environ = os.environ if environ is None else environ
    raw = environ.get("BRIEFING_CACHE_SIZE")
    if raw:
        return parse_size(raw, "environment")
    path = config or user_config_path()
    if config is not None or path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            return DEFAULT_CACHE_SIZE  # the settings' loader reports an unreadable file
        section = data.get("cache")
        if isinstance(section, dict) and "size" in section:
            return parse_size(section["size"], f"config {path}")
    return DEFAULT_CACHE_SIZE
