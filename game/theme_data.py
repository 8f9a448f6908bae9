"""The game's look as data: colours, font sizes and spacing read from a theme file
(assets/theme.json, or another theme such as assets/theme_high_contrast.json) into one typed,
frozen `Theme`. The interface gets it through its `UIContext`; the printable reports read the
score colours. No pygame here, and nothing is read at import time.

A theme file is a pygame_gui theme plus our own blocks: `palette` (colours by name), `sizes`
(font sizes) and `spacing` (paddings, gaps, radii, borders, icon sizes), all in design pixels
at 100% scale. A file with `"extends": "theme.json"` starts from that file and overrides only
what it names (blocks are merged key by key).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any

from game.resources import assets_dir
from game.theme_spacing import Spacing, SpacingError, read_spacing

Colour = tuple[int, int, int]

# the themes a player can choose (settings, --theme): name -> file in assets/
THEME_FILES: dict[str, str] = {"default": "theme.json", "high_contrast": "theme_high_contrast.json"}
OUR_BLOCKS = ("palette", "sizes", "spacing", "extends", "about")


class ThemeError(ValueError):
    """A theme file that cannot be used (the message names the file and the field)."""


def hex_to_rgb(value: str) -> Colour:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """Blend a towards b by t in [0, 1]."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def theme_path(name: str) -> Path:
    if name not in THEME_FILES:
        raise ThemeError(f"unknown theme '{name}' (themes: {', '.join(THEME_FILES)})")
    return assets_dir() / THEME_FILES[name]


def read_theme_file(path: Path, _seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    """The theme file's data with its `extends` chain merged in."""
    if path in _seen:
        raise ThemeError(f"{path}: extends: a theme cannot extend itself")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ThemeError(f"{path}: cannot be read as a theme: {exc}") from None
    if not isinstance(data, dict):
        raise ThemeError(f"{path}: a theme must be a JSON object")
    parent = data.pop("extends", None)
    if parent is not None:
        data = _merge(read_theme_file(path.parent / str(parent), (*_seen, path)), data)
    return data


def load_palette(path: Path | None = None) -> dict[str, Any]:
    """The `palette` block of assets/theme.json (or of the theme file at `path`)."""
    return read_theme_file(path or theme_path("default"))["palette"]


def named_colour(data: Mapping[str, Any], name: str) -> Colour:
    """A base colour or an ink of a palette block, by name."""
    value = data["base"].get(name) or data["inks"][name]
    return hex_to_rgb(value)


def score_colours(data: Mapping[str, Any] | None = None) -> dict[str, Colour]:
    data = data if data is not None else load_palette()
    return {k: named_colour(data, v) for k, v in data["scores"].items()}


@dataclass(frozen=True)
class Palette:
    """Every colour the screens draw with. Semantic colours (good, bad, warn...) are always
    paired with an icon or a word: colour never carries meaning alone."""

    bg: Colour
    bg_deep: Colour
    panel: Colour
    panel_hi: Colour
    panel_edge: Colour
    text: Colour
    text_dim: Colour
    text_dark: Colour
    disabled: Colour
    grid: Colour
    accent: Colour
    focus: Colour
    link: Colour
    good: Colour
    bad: Colour
    warn: Colour
    neutral: Colour
    elite: Colour
    base: Mapping[str, Colour]
    scores: Mapping[str, Colour]
    segments: Mapping[str, Colour]
    categories: Mapping[str, Colour]
    # how far a card's category band goes from the category's colour towards the panel (the
    # band's text must read on it: tests/ui/test_theme_contrast.py)
    card_band_mix: float
    series: tuple[Colour, ...]
    # (upper bound of |excess demand| / supply, key, colour); the last bound is infinity
    excess_bands: tuple[tuple[float, str, Colour], ...]

    def card_band(self, category: str) -> Colour:
        """The band at the top of an action card of this category (text is drawn on it)."""
        return mix(self.categories.get(category, self.link), self.panel, self.card_band_mix)

    @property
    def muted_panel(self) -> Colour:
        """The background of a card or row the player cannot afford now."""
        return mix(self.panel, self.bg, 0.5)

    def excess_band(self, fraction: float) -> int:
        """Index into excess_bands for an excess-demand fraction (sign ignored)."""
        x = abs(fraction)
        for i, (upper, _key, _colour) in enumerate(self.excess_bands):
            if x < upper:
                return i
        return len(self.excess_bands) - 1


@dataclass(frozen=True)
class FontSizes:
    """Font sizes in design pixels (body text at least 18 px for projectors)."""

    small: int
    body: int
    large: int
    heading: int
    title: int
    huge: int

    def get(self, name: str) -> int:
        return int(getattr(self, name))


@dataclass(frozen=True)
class Theme:
    """One theme file, typed: made once by `load_theme` and handed to the interface."""

    name: str
    path: Path
    colours: Palette
    sizes: FontSizes
    space: Spacing
    gui: Mapping[str, Any]  # the pygame_gui part (game.ui.theme scales it and sets the fonts)


def _palette(path: Path, data: Mapping[str, Any]) -> Palette:
    def named(name: str) -> Colour:
        try:
            return named_colour(data, name)
        except (KeyError, ValueError, TypeError):
            raise ThemeError(f"{path}: palette: '{name}' is not a colour of base or inks") from None

    roles = data["roles"]
    inks = {n: named(n) for n in data["inks"]}
    return Palette(
        **{k: inks[k] for k in ("bg", "bg_deep", "panel", "panel_hi", "panel_edge")},
        **{k: inks[k] for k in ("text", "text_dim", "text_dark", "disabled", "grid")},
        **{
            k: named(roles[k]) for k in ("accent", "focus", "link", "good", "bad", "warn", "neutral", "elite")
        },
        base=MappingProxyType({k: hex_to_rgb(v) for k, v in data["base"].items()}),
        scores=MappingProxyType({k: named(v) for k, v in data["scores"].items()}),
        segments=MappingProxyType({k: named(v) for k, v in data["segments"].items()}),
        categories=MappingProxyType({k: named(v) for k, v in data["categories"].items()}),
        card_band_mix=float(data["card_band_mix"]),
        series=tuple(named(v) for v in data["series"]),
        excess_bands=tuple(
            (float("inf") if upper is None else float(upper), key, named(colour))
            for upper, key, colour in data["excess_bands"]
        ),
    )


def _numbers(path: Path, block: str, data: Any, cls: type) -> Any:
    if not isinstance(data, dict):
        raise ThemeError(f"{path}: {block}: missing or not an object")
    values = {}
    for f in fields(cls):
        value = data.get(f.name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ThemeError(f"{path}: {block}.{f.name}: a whole number of pixels is needed (got {value!r})")
        values[f.name] = value
    return cls(**values)


def _default_spacing(path: Path) -> Mapping[str, Any] | None:
    """theme.json's spacing, the list of sizes another theme may change (None for theme.json)."""
    default = theme_path("default")
    if path.resolve() == default.resolve():
        return None
    return read_theme_file(default).get("spacing")


def load_theme(name: str = "default", path: Path | None = None) -> Theme:
    """The theme called `name` (THEME_FILES), or the theme file at `path`."""
    path = path or theme_path(name)
    data = read_theme_file(path)
    try:
        colours = _palette(path, data["palette"])
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, ThemeError):
            raise
        raise ThemeError(f"{path}: palette: missing or malformed entry {exc}") from None
    try:
        space = read_spacing(path, data.get("spacing"), _default_spacing(path))
    except SpacingError as exc:
        raise ThemeError(str(exc)) from None
    return Theme(
        name=name,
        path=path,
        colours=colours,
        sizes=_numbers(path, "sizes", data.get("sizes"), FontSizes),
        space=space,
        gui=MappingProxyType({k: v for k, v in data.items() if k not in OUR_BLOCKS}),
    )
