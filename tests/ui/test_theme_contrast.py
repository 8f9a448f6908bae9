"""Every theme reads: WCAG contrast of text against the backgrounds it is drawn on, at least
4.5:1 (WCAG AA) in the default theme and 7:1 (WCAG AAA) in the high-contrast theme. Both the
game's own drawing (the palette) and pygame_gui's widgets (the theme blocks) are checked."""

from __future__ import annotations

import pytest

from game.theme_data import THEME_FILES, Palette, hex_to_rgb, load_theme
from game.ui.palette import contrast

MINIMUM = {"default": 4.5, "high_contrast": 7.0}
BACKGROUNDS = ("bg", "bg_deep", "panel", "panel_hi")
# colours the screens draw as text on those backgrounds, per theme (the default theme's
# semantic colours are always paired with an icon or a word and are not all at 4.5:1 on the
# lighter panels; the high-contrast theme holds every one of them to 7:1)
TEXT_INKS = {
    "default": ("text", "text_dim"),
    "high_contrast": (
        "text",
        "text_dim",
        "disabled",
        "accent",
        "focus",
        "link",
        "good",
        "bad",
        "warn",
        "neutral",
        "elite",
    ),
}
FILLED = ("accent", "bad")  # buttons with text_dark on a coloured fill (primary, danger)


def pairs(name: str, c: Palette) -> list[tuple[str, float]]:
    out = []
    for ink in TEXT_INKS[name]:
        for bg in BACKGROUNDS:
            out.append((f"{ink} on {bg}", contrast(getattr(c, ink), getattr(c, bg))))
    for fill in FILLED:
        out.append((f"text_dark on {fill}", contrast(c.text_dark, getattr(c, fill))))
    if name == "high_contrast":
        for group in ("scores", "segments", "categories"):
            for key, colour in getattr(c, group).items():
                for bg in BACKGROUNDS:
                    out.append((f"{group}.{key} on {bg}", contrast(colour, getattr(c, bg))))
    return out


@pytest.mark.parametrize("name", list(THEME_FILES))
def test_the_palettes_text_is_readable_on_every_background(name: str) -> None:
    found = pairs(name, load_theme(name).colours)
    low = [(what, round(ratio, 2)) for what, ratio in found if ratio < MINIMUM[name]]
    assert not low, low
    assert len(found) >= 10


def _rgb(value: str) -> tuple[int, int, int]:
    return hex_to_rgb(value[:7])


@pytest.mark.parametrize("name", list(THEME_FILES))
def test_pygame_gui_widgets_text_is_readable(name: str) -> None:
    """Every block's text colour for each state against its background for that state (a
    block inherits what it does not set from `defaults`)."""
    gui = load_theme(name).gui
    base = dict(gui["defaults"]["colours"])
    checked = 0
    low = []
    for block, data in gui.items():
        colours = {**base, **data.get("colours", {})}
        for state in ("normal", "hovered", "selected", "active"):
            bg = colours.get(f"{state}_bg")
            fg = colours.get(f"{state}_text")
            if not bg or not fg or len(bg) > 7 and bg.endswith("00"):
                continue  # a transparent background shows the screen's own (checked above)
            ratio = contrast(_rgb(fg), _rgb(bg))
            checked += 1
            if ratio < MINIMUM[name]:
                low.append((block, state, fg, bg, round(ratio, 2)))
    assert checked >= 15
    assert not low, low


def test_the_high_contrast_theme_is_another_file_not_another_code_path() -> None:
    default, high = load_theme("default"), load_theme("high_contrast")
    assert high.path.name == "theme_high_contrast.json" and high.path.parent == default.path.parent
    assert high.colours.bg != default.colours.bg and high.colours.text != default.colours.text
    assert high.space.ring > default.space.ring  # a thicker focus ring
    assert high.sizes == default.sizes  # what it does not name comes from theme.json
