"""The game's colours: the Okabe–Ito colour-blind-safe set plus a few neutral inks.

Why one module: every widget takes colours from here, and the values come from the
`palette` block of `assets/theme.json` (the pygame_gui theme's own colours use the same
values, which a test checks), so another theme is a data file. Colour never carries meaning
alone: each semantic colour below is used together with an icon or a word.
"""

from __future__ import annotations

from typing import Final

from game.theme_data import Colour, hex_to_rgb, load_palette, named_colour

__all__ = ["Colour", "hex_to_rgb", "load_palette"]


def rgb_to_hex(colour: Colour) -> str:
    return "#{:02X}{:02X}{:02X}".format(*colour[:3])


_DATA = load_palette()


def _named(name: str) -> Colour:
    return named_colour(_DATA, name)


# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision
# deficiencies (the theme's base colours).
OKABE_ITO: Final[dict[str, Colour]] = {k: hex_to_rgb(v) for k, v in _DATA["base"].items()}

# Neutral inks for a dark, projector-friendly look (text contrast above 12:1 on BG; a test
# checks the ratios).
BG: Final[Colour] = _named("bg")
BG_DEEP: Final[Colour] = _named("bg_deep")
PANEL: Final[Colour] = _named("panel")
PANEL_HI: Final[Colour] = _named("panel_hi")
PANEL_EDGE: Final[Colour] = _named("panel_edge")
TEXT: Final[Colour] = _named("text")
TEXT_DIM: Final[Colour] = _named("text_dim")
TEXT_DARK: Final[Colour] = _named("text_dark")
DISABLED: Final[Colour] = _named("disabled")
GRID: Final[Colour] = _named("grid")

# Semantic colours, always paired with an icon or a word.
_ROLES = _DATA["roles"]
ACCENT: Final[Colour] = _named(_ROLES["accent"])
FOCUS: Final[Colour] = _named(_ROLES["focus"])
LINK: Final[Colour] = _named(_ROLES["link"])
GOOD: Final[Colour] = _named(_ROLES["good"])
BAD: Final[Colour] = _named(_ROLES["bad"])
WARN: Final[Colour] = _named(_ROLES["warn"])
NEUTRAL: Final[Colour] = _named(_ROLES["neutral"])
ELITE: Final[Colour] = _named(_ROLES["elite"])

SCORE_COLOURS: Final[dict[str, Colour]] = {k: _named(v) for k, v in _DATA["scores"].items()}
SEGMENT_COLOURS: Final[dict[str, Colour]] = {k: _named(v) for k, v in _DATA["segments"].items()}

# Series colours for charts, in order; charts also vary dash pattern and marker shape.
SERIES: Final[tuple[Colour, ...]] = tuple(_named(v) for v in _DATA["series"])

# Planning-round bands for |excess demand| / supply, as in the pequod planning simulator:
# (upper bound, colour key, colour). The last band has no upper bound.
EXCESS_BANDS: Final[tuple[tuple[float, str, Colour], ...]] = tuple(
    (float("inf") if upper is None else float(upper), key, _named(colour))
    for upper, key, colour in _DATA["excess_bands"]
)


def excess_band(fraction: float) -> int:
    """Index into EXCESS_BANDS for an excess-demand fraction (sign ignored)."""
    x = abs(fraction)
    for i, (upper, _key, _colour) in enumerate(EXCESS_BANDS):
        if x < upper:
            return i
    return len(EXCESS_BANDS) - 1


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """Blend a towards b by t in [0, 1]."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def luminance(c: Colour) -> float:
    """WCAG relative luminance."""

    def ch(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2])


def contrast(a: Colour, b: Colour) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on(c: Colour) -> Colour:
    """Dark or light text, whichever reads better on background c."""
    return TEXT_DARK if contrast(TEXT_DARK, c) >= contrast(TEXT, c) else TEXT
