"""The pygame_gui theme: read assets/theme.json, then scale sizes and swap the font family.

Why at run time: the theme file holds sizes for 100% scale and font paths relative to
assets/; the UI scale (100-200%) and the font choice (standard, hyperlegible, dyslexic)
produce a new theme dict, and the App builds a new UIManager from it.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from game.theme_data import OUR_BLOCKS, read_theme_file
from game.ui.assets import ASSETS, THEME, font_factor, font_file

SCALED_MISC = (
    "shape_corner_radius",
    "border_width",
    "shadow_width",
    "text_horiz_alignment_padding",
)


def load_theme_file(path: Path = THEME) -> dict[str, Any]:
    """A theme file's data, with the file it `extends` merged in."""
    return read_theme_file(Path(path))


def _scale_int(value: str, scale: float) -> str:
    return str(max(1, round(int(value) * scale))) if int(value) > 0 else "0"


def build_theme(
    scale: float, family: str = "standard", base: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """A theme dict for UIManager at this scale and font family (absolute font paths)."""
    theme = copy.deepcopy(dict(base if base is not None else load_theme_file()))
    for block in OUR_BLOCKS:  # the game's own colours, sizes and spacing (game.theme_data)
        theme.pop(block, None)
    factor = font_factor(family)
    for block in theme.values():
        if not isinstance(block, dict):
            continue
        font = block.get("font")
        if isinstance(font, dict):
            bold = font.get("bold") == "1"
            font["name"] = f"{font.get('name', 'body')}_{family}"
            font["size"] = str(max(8, round(int(font["size"]) * scale * factor)))
            font["regular_path"] = str(font_file(family, False))
            font["bold_path"] = str(font_file(family, True))
            font["bold"] = "1" if bold else "0"
        misc = block.get("misc")
        if isinstance(misc, dict):
            for key in SCALED_MISC:
                if key in misc:
                    misc[key] = _scale_int(misc[key], scale)
            if "padding" in misc:
                parts = [str(round(int(p) * scale)) for p in misc["padding"].split(",")]
                misc["padding"] = ",".join(parts)
    return theme


def theme_colours(base: Mapping[str, Any] | None = None) -> dict[str, str]:
    """All pygame_gui colour values of the theme, keyed 'block.name' (for the palette
    consistency test)."""
    theme = base if base is not None else load_theme_file()
    out = {}
    for name, block in theme.items():
        if name in OUR_BLOCKS or not isinstance(block, dict):
            continue
        for key, value in (block.get("colours") or {}).items():
            out[f"{name}.{key}"] = value
    return out


__all__ = ["ASSETS", "build_theme", "load_theme_file", "theme_colours"]
