"""The game's colours: the Okabe–Ito colour-blind-safe set plus a few neutral inks.

Why one module: every widget takes colours from here, and `assets/theme.json` (the
pygame_gui theme) uses the same values, which a test checks. Colour never carries meaning
alone: each semantic colour below is used together with an icon or a word.
"""

from __future__ import annotations

from typing import Final

Colour = tuple[int, int, int]


def hex_to_rgb(value: str) -> Colour:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def rgb_to_hex(colour: Colour) -> str:
    return "#{:02X}{:02X}{:02X}".format(*colour[:3])


# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision
# deficiencies.
OKABE_ITO: Final[dict[str, Colour]] = {
    "black": (0, 0, 0),
    "orange": (230, 159, 0),
    "sky_blue": (86, 180, 233),
    "bluish_green": (0, 158, 115),
    "yellow": (240, 228, 66),
    "blue": (0, 114, 178),
    "vermillion": (213, 94, 0),
    "reddish_purple": (204, 121, 167),
}

# Neutral inks for a dark, projector-friendly look (text contrast above 12:1 on BG).
BG: Final[Colour] = (22, 28, 40)
BG_DEEP: Final[Colour] = (14, 18, 27)
PANEL: Final[Colour] = (34, 43, 60)
PANEL_HI: Final[Colour] = (46, 58, 80)
PANEL_EDGE: Final[Colour] = (72, 88, 116)
TEXT: Final[Colour] = (244, 239, 230)
TEXT_DIM: Final[Colour] = (184, 192, 206)
TEXT_DARK: Final[Colour] = (20, 24, 33)
DISABLED: Final[Colour] = (104, 112, 128)
GRID: Final[Colour] = (62, 74, 98)

# Semantic colours, always paired with an icon or a word.
ACCENT: Final[Colour] = OKABE_ITO["orange"]
FOCUS: Final[Colour] = OKABE_ITO["yellow"]
LINK: Final[Colour] = OKABE_ITO["sky_blue"]
GOOD: Final[Colour] = OKABE_ITO["bluish_green"]
BAD: Final[Colour] = OKABE_ITO["vermillion"]
WARN: Final[Colour] = OKABE_ITO["yellow"]
NEUTRAL: Final[Colour] = TEXT_DIM

SCORE_COLOURS: Final[dict[str, Colour]] = {
    "equity": OKABE_ITO["orange"],
    "participation": OKABE_ITO["sky_blue"],
    "resilience": OKABE_ITO["bluish_green"],
    "support": OKABE_ITO["reddish_purple"],
}

SEGMENT_COLOURS: Final[dict[str, Colour]] = {
    "firm": OKABE_ITO["vermillion"],
    "coop": OKABE_ITO["orange"],
    "council": OKABE_ITO["sky_blue"],
}

ELITE: Final[Colour] = OKABE_ITO["vermillion"]

# Series colours for charts, in order; charts also vary dash pattern and marker shape.
SERIES: Final[tuple[Colour, ...]] = (
    OKABE_ITO["orange"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["reddish_purple"],
    OKABE_ITO["yellow"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["blue"],
    TEXT_DIM,
)

# Planning-round bands for |excess demand| / supply, as in the pequod planning simulator:
# (upper bound, colour key, colour). The last band has no upper bound.
EXCESS_BANDS: Final[tuple[tuple[float, str, Colour], ...]] = (
    (0.03, "blue", OKABE_ITO["blue"]),
    (0.05, "green", OKABE_ITO["bluish_green"]),
    (0.10, "yellow", OKABE_ITO["yellow"]),
    (0.20, "orange", OKABE_ITO["orange"]),
    (float("inf"), "red", OKABE_ITO["vermillion"]),
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
