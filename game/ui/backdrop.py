"""The title art, drawn with pygame primitives: layered hills at dawn and a winding path of
waypoints toward the rising sun (the pathways to a participatory economy). Cached per size."""

from __future__ import annotations

import math

import pygame

from game.theme_data import Palette
from game.ui import palette


def _hill(w: int, h: int, base: float, amp: float, freq: float, phase: float) -> list[tuple[int, int]]:
    pts = [(0, h)]
    for i in range(0, w + 1, max(4, w // 160)):
        x = i / w
        y = (
            base
            + amp * math.sin(x * freq * math.tau + phase)
            + amp * 0.4 * math.sin(x * freq * 2.7 * math.tau + phase * 1.7)
        )
        pts.append((i, round(y * h)))
    pts.append((w, h))
    return pts


def draw_backdrop(size: tuple[int, int], colours: Palette) -> pygame.Surface:
    w, h = size
    surf = pygame.Surface((w, h))
    # sky: deep blue at the top to a warm band at the horizon
    top, mid, low = (
        colours.bg_deep,
        colours.bg,
        palette.mix(colours.bg, colours.base["orange"], 0.28),
    )
    horizon = int(h * 0.62)
    for y in range(horizon):
        t = y / horizon
        c = palette.mix(top, mid, min(1.0, t * 1.6)) if t < 0.6 else palette.mix(mid, low, (t - 0.6) / 0.4)
        pygame.draw.line(surf, c, (0, y), (w, y))
    surf.fill(low, (0, horizon, w, h - horizon))
    # the sun rising behind the hills, right of centre
    sun = (int(w * 0.74), int(h * 0.6))
    for r, a in ((int(h * 0.26), 0.10), (int(h * 0.19), 0.18), (int(h * 0.13), 1.0)):
        glow = pygame.Surface((2 * r, 2 * r), pygame.SRCALPHA)
        colour = palette.mix(colours.base["orange"], colours.base["yellow"], 0.35)
        pygame.draw.circle(glow, (*colour, int(255 * a)), (r, r), r)
        surf.blit(glow, (sun[0] - r, sun[1] - r))
    # a few stars in the dark part of the sky (fixed positions: no randomness)
    for i in range(40):
        x = (i * 7919) % w
        y = (i * 104729) % max(1, int(h * 0.35))
        pygame.draw.circle(
            surf,
            palette.mix(colours.text, colours.bg, 0.5 + 0.3 * ((i * 31) % 7) / 7),
            (x, y),
            1 if i % 3 else 2,
        )
    # hills, far to near
    layers = [
        (0.60, 0.035, 1.3, 0.4, palette.mix(colours.panel, low, 0.45)),
        (0.68, 0.045, 0.9, 1.9, palette.mix(colours.panel, colours.bg, 0.2)),
        (0.78, 0.05, 0.7, 3.1, colours.bg),
        (0.88, 0.04, 1.1, 4.7, colours.bg_deep),
    ]
    for base, amp, freq, phase, colour in layers:
        pygame.draw.polygon(surf, colour, _hill(w, h, base, amp, freq, phase))
    # the path: a winding dashed line from the bottom to the sun, with waypoints
    pts = []
    for i in range(41):
        t = i / 40
        pts.append(
            (
                w * (0.52 + 0.22 * t) + w * 0.06 * math.sin(t * 3.2 * math.pi) * (1 - t),
                h * (1.02 - 0.42 * t),
            )
        )
    dash_colour = colours.base["orange"]
    for i in range(0, len(pts) - 1, 2):
        width = max(2, round(h * 0.012 * (1 - i / len(pts)) + 1))
        pygame.draw.line(surf, dash_colour, pts[i], pts[i + 1], width)
    for k, i in enumerate((6, 16, 26, 34)):
        fx, fy = pts[i]
        r = max(4, round(h * 0.016 * (1 - i / 50)))
        pygame.draw.circle(surf, colours.bg_deep, (round(fx), round(fy)), r + 3)
        colour = (
            colours.base["sky_blue"],
            colours.base["bluish_green"],
            colours.base["yellow"],
            colours.base["reddish_purple"],
        )[k]
        pygame.draw.circle(surf, colour, (round(fx), round(fy)), r)
    return surf


class Backdrop:
    """The backdrop for the last size and theme asked for."""

    def __init__(self) -> None:
        self._cache: dict[tuple[int, int], pygame.Surface] = {}
        self._colours: Palette | None = None

    def get(self, size: tuple[int, int], colours: Palette) -> pygame.Surface:
        if colours is not self._colours:
            self._cache.clear()
            self._colours = colours
        surf = self._cache.get(size)
        if surf is None:
            self._cache.clear()
            surf = draw_backdrop(size, colours)
            self._cache[size] = surf
        return surf
