"""Colour arithmetic for the screens: blends and WCAG contrast.

The colours themselves are data: the theme file's `palette` block, typed as
`game.theme_data.Palette` and reached through `ctx.colours` (the default theme is the
Okabe-Ito colour-blind-safe set on dark inks; the high-contrast theme is another file).
"""

from __future__ import annotations

from game.theme_data import Colour, Palette, hex_to_rgb, mix

__all__ = ["Colour", "contrast", "hex_to_rgb", "luminance", "mix", "rgb_to_hex", "text_on"]


def rgb_to_hex(colour: Colour) -> str:
    return "#{:02X}{:02X}{:02X}".format(*colour[:3])


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


def text_on(colours: Palette, c: Colour) -> Colour:
    """The theme's dark or light text, whichever reads better on background c."""
    return colours.text_dark if contrast(colours.text_dark, c) >= contrast(colours.text, c) else colours.text
