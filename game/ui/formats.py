"""Numbers as the player reads them (no pygame: text functions and tests use them)."""

from __future__ import annotations

from game.i18n import FALLBACK, number


def format_delta(value: float, decimals: int = 0, lang: str = FALLBACK) -> str:
    """'+3', '−4' (true minus sign) or '0' for a change shown to the player; decimals as
    `lang` writes them ('+2.5', '+2,5')."""
    n = round(value, decimals) if decimals else round(value)
    text = number(abs(n), f".{decimals}f", lang) if decimals else str(abs(n))
    if n > 0:
        return f"+{text}"
    if n < 0:
        return f"\u2212{text}"
    return "0"
