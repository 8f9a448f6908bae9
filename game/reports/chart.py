"""The scores as an inline SVG line chart: no scripts, no external files, readable when
printed in black and white (each line has its own dash pattern and marker as well as its
colour, the game's colour-blind-safe score colours)."""

from __future__ import annotations

from html import escape

from game.theme_data import score_colours

DASHES = {"equity": "", "participation": "7 4", "resilience": "2 3", "support": "10 3 2 3"}


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "equity":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.2" fill="{colour}"/>'
    if kind == "participation":
        return f'<rect x="{x - 3:.1f}" y="{y - 3:.1f}" width="6" height="6" fill="{colour}"/>'
    if kind == "resilience":
        return (
            f'<path d="M{x:.1f} {y - 3.8:.1f} L{x + 3.6:.1f} {y + 2.6:.1f} '
            f'L{x - 3.6:.1f} {y + 2.6:.1f} Z" fill="{colour}"/>'
        )
    return (
        f'<path d="M{x:.1f} {y - 4:.1f} L{x + 4:.1f} {y:.1f} L{x:.1f} {y + 4:.1f} '
        f'L{x - 4:.1f} {y:.1f} Z" fill="{colour}"/>'
    )


def score_chart(
    series: dict[str, list[float]],
    turns: list[int],
    labels: dict[str, str],
    x_label: str,
    y_label: str,
    title: str,
    width: int = 720,
    height: int = 320,
) -> str:
    """An SVG chart of each score (0 to 100) over `turns` (0 is the start).

    `series` maps a score name to one value per turn; `labels` gives each score's name as
    shown in the legend.
    """
    left, right, top, bottom = 52, 150, 16, 44
    pw, ph = width - left - right, height - top - bottom
    lo, hi = min(turns), max(turns)
    span = max(hi - lo, 1)

    def px(t: float) -> float:
        return left + (t - lo) / span * pw

    def py(v: float) -> float:
        return top + (1 - max(0.0, min(100.0, v)) / 100.0) * ph

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}" class="chart">',
        f"<title>{escape(title)}</title>",
        f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="#ffffff" '
        f'stroke="#444" stroke-width="1"/>',
    ]
    for v in (0, 25, 50, 75, 100):
        y = py(v)
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + pw}" y2="{y:.1f}" stroke="#ccc" stroke-width="0.8"/>'
        )
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="tick">{v}</text>')
    step = 1 if span <= 20 else 2 if span <= 40 else 5
    for t in turns:
        if (t - lo) % step:
            continue
        x = px(t)
        out.append(f'<line x1="{x:.1f}" y1="{top + ph}" x2="{x:.1f}" y2="{top + ph + 4}" stroke="#444"/>')
        out.append(f'<text x="{x:.1f}" y="{top + ph + 17}" text-anchor="middle" class="tick">{t}</text>')
    out.append(
        f'<text x="{left + pw / 2:.1f}" y="{height - 6}" text-anchor="middle" '
        f'class="axis">{escape(x_label)}</text>'
    )
    out.append(
        f'<text x="14" y="{top + ph / 2:.1f}" text-anchor="middle" class="axis" '
        f'transform="rotate(-90 14 {top + ph / 2:.1f})">{escape(y_label)}</text>'
    )
    colours = score_colours()
    for i, (name, values) in enumerate(series.items()):
        colour = _hex(colours.get(name, (0, 0, 0)))
        points = " ".join(f"{px(t):.1f},{py(v):.1f}" for t, v in zip(turns, values, strict=True))
        dash = f' stroke-dasharray="{DASHES[name]}"' if DASHES.get(name) else ""
        out.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" '
            f'stroke-width="2.5" stroke-linejoin="round"{dash}/>'
        )
        out += [_marker(name, px(t), py(v), colour) for t, v in zip(turns, values, strict=True)]
        ly = top + 14 + i * 24
        lx = left + pw + 14
        out.append(
            f'<line x1="{lx}" y1="{ly}" x2="{lx + 30}" y2="{ly}" stroke="{colour}" stroke-width="2.5"{dash}/>'
        )
        out.append(_marker(name, lx + 15, ly, colour))
        out.append(f'<text x="{lx + 38}" y="{ly + 4}" class="legend">{escape(labels.get(name, name))}</text>')
    out.append("</svg>")
    return "\n".join(out)
