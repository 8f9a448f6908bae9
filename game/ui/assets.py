"""Where the shipped assets are: fonts, icons, sounds, theme, locale."""

from __future__ import annotations

from pathlib import Path

from game.resources import assets_dir

ASSETS = assets_dir()
FONTS = ASSETS / "fonts"
ICONS = ASSETS / "icons"
SOUNDS = ASSETS / "sounds"
THEME = ASSETS / "theme.json"
LICENSES = ASSETS / "LICENSES.md"


def licenses_file(lang: str) -> Path:
    """The credits' list of files and licences in `lang` (LICENSES.<lang>.md), else English."""
    own = ASSETS / f"LICENSES.{lang}.md"
    return own if lang != "en" and own.is_file() else LICENSES


# family -> (regular, bold) font files, and a size factor that evens out their apparent size
FONT_FAMILIES: dict[str, tuple[str, str, float]] = {
    "standard": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", 1.0),
    "hyperlegible": ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf", 1.05),
    "dyslexic": ("OpenDyslexic-Regular.otf", "OpenDyslexic-Bold.otf", 0.88),
}


def font_file(family: str, bold: bool = False) -> Path:
    regular, boldf, _ = FONT_FAMILIES.get(family, FONT_FAMILIES["standard"])
    return FONTS / (boldf if bold else regular)


def font_factor(family: str) -> float:
    return FONT_FAMILIES.get(family, FONT_FAMILIES["standard"])[2]
