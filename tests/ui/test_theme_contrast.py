"""Every theme reads: WCAG contrast of every colour against the backgrounds it is drawn on (text
on panels and on a card's band, chart lines and bars on a panel, icons, the focus ring), at
WCAG AA in the default theme and AAA in the high-contrast theme. Both the game's own drawing
(the palette) and pygame_gui's widgets (the theme blocks) are checked."""

from __future__ import annotations

from dataclasses import replace

import pytest

from game.theme_data import THEME_FILES, Colour, Palette, hex_to_rgb, load_theme
from game.ui.palette import contrast, mix
from game.ui.widgets.choice import HOVER_MIX, KIND_COLOURS

# WCAG 2.1: AA is 4.5:1 for text and 3:1 for large text (24 px, or 18.7 px bold) and for the
# graphics that carry meaning (chart lines, bars, icons, the focus ring); AAA is 7:1 and 4.5:1.
# The default theme meets AA, the high-contrast theme AAA.
MINIMUM = {"default": {"text": 4.5, "large": 3.0}, "high_contrast": {"text": 7.0, "large": 4.5}}
BACKGROUNDS = ("bg", "bg_deep", "panel", "panel_hi")
SEMANTIC = ("accent", "focus", "warn", "link", "good", "bad", "elite")


def pairs(name: str, c: Palette) -> list[tuple[str, Colour, Colour, str]]:
    """Every foreground the screens draw on a background of this theme: (what, fg, bg, kind),
    kind "text" (body and small text) or "large" (large or bold text, graphics)."""
    backs = {b: getattr(c, b) for b in BACKGROUNDS} | {"muted_panel": c.muted_panel}
    out = []
    for ink in ("text", "text_dim"):  # running text goes on every background
        out += [(f"{ink} on {b}", getattr(c, ink), v, "text") for b, v in backs.items()]
    for ink in SEMANTIC:  # small text in a colour: a warning, a link, a change, a heading
        out += [(f"{ink} on {b}", getattr(c, ink), backs[b], "text") for b in ("bg", "bg_deep", "panel")]
        # on a hovered or chosen row only as bold numbers and marks
        out.append((f"{ink} on panel_hi", getattr(c, ink), c.panel_hi, "large"))
    for key in c.categories:  # a card's category word and icon on its band
        out.append((f"text on card band {key}", c.text, c.card_band(key), "text"))
    out += [(f"text_dark on {fill}", c.text_dark, getattr(c, fill), "text") for fill in ("accent", "bad")]
    graphics = {
        **{f"series {i}": v for i, v in enumerate(c.series)},  # chart lines
        **{f"excess band {key}": v for _u, key, v in c.excess_bands},  # planning bars
        **{f"segment {key}": v for key, v in c.segments.items()},  # the economy's bar
        **{f"score {key}": v for key, v in c.scores.items()},  # gauges, icons, chart lines
        **{f"category {key}": v for key, v in c.categories.items()},  # icons in rows
    }
    out += [(f"{what} on panel", v, c.panel, "large") for what, v in graphics.items()]
    out += [
        (f"{what} on panel_hi", v, c.panel_hi, "large") for what, v in graphics.items() if "score" in what
    ]
    out += [(f"focus ring on {b}", c.focus, getattr(c, b), "large") for b in BACKGROUNDS]
    for kind, (fill, ink) in KIND_COLOURS.items():  # an event's choices, at rest and hovered
        rest = getattr(c, fill)
        out.append((f"{kind} choice", getattr(c, ink), rest, "text"))
        out.append((f"{kind} choice hovered", getattr(c, ink), mix(rest, c.text, HOVER_MIX), "text"))
    if name == "high_contrast":  # it promises 7:1 for every colour on every background
        inks = ("disabled", *SEMANTIC)
        out += [
            (f"{ink} on {b}", getattr(c, ink), getattr(c, b), "text") for ink in inks for b in BACKGROUNDS
        ]
        for group in ("scores", "segments", "categories"):
            for key, colour in getattr(c, group).items():
                out += [(f"{group}.{key} on {b}", colour, getattr(c, b), "text") for b in BACKGROUNDS]
    return out


@pytest.mark.parametrize("name", list(THEME_FILES))
def test_the_palettes_colours_are_readable_on_what_they_are_drawn_on(name: str) -> None:
    found = pairs(name, load_theme(name).colours)
    least = MINIMUM[name]
    low = [
        (what, round(contrast(fg, bg), 2)) for what, fg, bg, kind in found if contrast(fg, bg) < least[kind]
    ]
    assert not low, low
    assert len(found) >= 80


def test_the_card_band_is_checked_for_every_category() -> None:
    """The band the brief found at 5.6:1 in the high-contrast theme: each category's band is
    among the pairs, and a band mix that lets the colour through fails the check."""
    high = load_theme("high_contrast").colours
    bands = [p for p in pairs("high_contrast", high) if p[0].startswith("text on card band")]
    assert len(bands) == len(high.categories)
    pale = replace(high, card_band_mix=0.55)
    assert min(contrast(pale.text, pale.card_band(k)) for k in pale.categories) < 7.0


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
            if ratio < MINIMUM[name]["text"]:
                low.append((block, state, fg, bg, round(ratio, 2)))
    assert checked >= 15
    assert not low, low


def test_the_high_contrast_theme_is_another_file_not_another_code_path() -> None:
    default, high = load_theme("default"), load_theme("high_contrast")
    assert high.path.name == "theme_high_contrast.json" and high.path.parent == default.path.parent
    assert high.colours.bg != default.colours.bg and high.colours.text != default.colours.text
    assert high.space.ring > default.space.ring  # a thicker focus ring
    assert high.sizes == default.sizes  # what it does not name comes from theme.json
