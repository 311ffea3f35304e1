"""Themes: TOML files mapped onto Textual's `Theme`, and the editor's saved choice.

Where themes come from, later ones overriding earlier ones of the same name:
1. the defaults shipped inside the package (`briefing/tui/default_themes/`), so an installed
   wheel always has them;
2. the repository's top-level `themes/` folder, when running from a checkout;
3. the user's own `<config dir>/themes/*.toml`.

A theme file:

    name = "newsroom-dark"
    dark = true
    [colors]
    primary = "#4C9BE8"    # also: secondary accent foreground background surface panel
                           #       success warning error
    [variables]            # optional: Textual's theme variables, e.g.
    text-muted = "#A9B4C2" # hints and counts (never the dim style: it fails contrast)
A bad file is skipped with a message, never fatal.

The choice made in the app is saved to `<config dir>/tui.json` (atomically) with the theme the
configuration named at the time; a later change of the configured theme wins over it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib  # type: ignore[no-redef]

from ..core.atomic import write_atomic
from ..core.config import user_config_path

DEFAULT_THEME = "newsroom-dark"
PACKAGED = Path(__file__).with_name("default_themes")
REPO_THEMES = Path(__file__).resolve().parents[2] / "themes"
COLOR_KEYS = ("primary", "secondary", "accent", "foreground", "background", "surface", "panel", "success", "warning", "error")


def config_dir() -> Path:
    return user_config_path().parent


def user_themes_dir() -> Path:
    return config_dir() / "themes"


def choice_path() -> Path:
    return config_dir() / "tui.json"


class ThemeError(ValueError):
    pass


def parse_theme(text: str, origin: str = "theme") -> Theme:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ThemeError(f"{origin}: not valid TOML ({error})") from None
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ThemeError(f"{origin}: no name")
    colors = data.get("colors", {})
    if not isinstance(colors, dict) or not isinstance(colors.get("primary"), str):
        raise ThemeError(f"{origin}: [colors] needs at least primary")
    values = {}
    for key in COLOR_KEYS:
        value = colors.get(key)
        if value is None:
            continue
        try:
            Color.parse(str(value))
        except ColorParseError:
            raise ThemeError(f"{origin}: {key} is not a colour: {value!r}") from None
        values[key] = str(value)
    variables = data.get("variables", {})
    if not isinstance(variables, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in variables.items()):
        raise ThemeError(f"{origin}: [variables] holds names and strings")
    return Theme(name=name.strip(), dark=bool(data.get("dark", True)), variables=dict(variables), **values)  # type: ignore[arg-type]


@dataclass
class Themes:
    themes: dict[str, Theme]
    problems: list[str]


def theme_folders() -> list[Path]:
    return [PACKAGED, REPO_THEMES, user_themes_dir()]


def load_themes(folders: list[Path] | None = None) -> Themes:
    themes: dict[str, Theme] = {}
    problems: list[str] = []
    for folder in folders if folders is not None else theme_folders():
        try:
            files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
        except OSError:
            files = []
        for path in files:
            try:
                theme = parse_theme(path.read_text(encoding="utf-8"), str(path))
            except (OSError, UnicodeDecodeError) as error:
                problems.append(f"{path}: cannot read ({error})")
                continue
            except ThemeError as error:
                problems.append(str(error))
                continue
            themes[theme.name] = theme
    return Themes(themes, problems)


def load_choice() -> dict:
    try:
        data = json.loads(choice_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_choice(theme: str, configured: str | None) -> None:
    document = {"theme": theme, "configured": configured}
    write_atomic(choice_path(), json.dumps(document, indent=1) + "\n")


def initial_theme(configured: str | None, available: dict[str, Theme]) -> str:
    """The saved choice, unless the configured theme changed since it was saved."""
    saved = load_choice()
    if saved.get("theme") in available and saved.get("configured") == configured:
        return saved["theme"]
    if configured in available:
        return configured
    if saved.get("theme") in available:
        return saved["theme"]
    return DEFAULT_THEME if DEFAULT_THEME in available else "textual-dark"
