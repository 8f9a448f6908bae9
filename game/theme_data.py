"""The game's colours as data: the `palette` block of assets/theme.json, read for the
interface (`game.ui.palette`) and the printable reports alike, neither importing the other."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.resources import assets_dir

Colour = tuple[int, int, int]


def hex_to_rgb(value: str) -> Colour:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def load_palette(path: Path | None = None) -> dict[str, Any]:
    """The `palette` block of assets/theme.json (or of the theme file at `path`)."""
    theme = json.loads((path or assets_dir() / "theme.json").read_text(encoding="utf-8"))
    return theme["palette"]


def named_colour(data: dict[str, Any], name: str) -> Colour:
    """A base colour or an ink of a palette block, by name."""
    value = data["base"].get(name) or data["inks"][name]
    return hex_to_rgb(value)


def score_colours(data: dict[str, Any] | None = None) -> dict[str, Colour]:
    data = data if data is not None else load_palette()
    return {k: named_colour(data, v) for k, v in data["scores"].items()}
