"""Numbers as the player reads them (no pygame: text functions and tests use them)."""

from __future__ import annotations


def format_delta(value: float, decimals: int = 0) -> str:
    """'+3', '−4' (true minus sign) or '0' for a change shown to the player."""
    n = round(value, decimals) if decimals else round(value)
    text = f"{abs(n):.{decimals}f}" if decimals else str(abs(n))
    if n > 0:
        return f"+{text}"
    if n < 0:
        return f"\u2212{text}"
    return "0"
