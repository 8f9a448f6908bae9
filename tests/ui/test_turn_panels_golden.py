"""Golden images for the turn screen's panels, like the charts': fixed data, 100% scale,
standard font, English. UPDATE_GOLDEN=1 rewrites tests/golden/turn_*.png."""

from __future__ import annotations

import pygame

from game.sim.report import EliteWarning
from game.theme_data import load_theme
from game.ui.context import UIContext
from game.ui.scenes.turn import panels
from game.ui.scenes.turn.strip import draw_strip
from tests.ui.conftest import compare_golden

COLOURS = load_theme().colours  # the default theme's

METRICS = {
    "firm_share": 0.52,
    "coop_share": 0.18,
    "council_share": 0.22,
    "unemployment": 0.08,
    "needs_met": 0.83,
    "elite_power": 0.91,
}
FORECAST = {"equity": 2.34, "participation": -1.26, "resilience": 0.0, "support": 4.0}
RESOURCES = [
    panels.ResourceLine("organisers", "Organisers", 3, 2),
    panels.ResourceLine("money", "Solidarity fund", 12.5, 4),
]


def canvas(w: int, h: int) -> pygame.Surface:
    surf = pygame.Surface((w, h))
    surf.fill(COLOURS.bg)
    return surf


def test_economy_panel_golden() -> None:
    ctx = UIContext.create(scale=1.0)
    surf = canvas(300, 250)
    panels.draw_economy(surf, ctx, pygame.Rect(0, 0, 300, 250), METRICS)
    compare_golden(surf, "turn_economy")


def test_elite_panel_golden() -> None:
    ctx = UIContext.create(scale=1.0)
    surf = canvas(318, 178)
    warning = EliteWarning("capital_flight", 0.55, 4)
    dangers = [(2, "Support is collapsing.")]
    panels.draw_elite(surf, ctx, pygame.Rect(0, 0, 318, 178), warning, dangers)
    compare_golden(surf, "turn_elite")


def test_elite_panel_without_a_move_golden() -> None:
    ctx = UIContext.create(scale=1.0)
    surf = canvas(318, 178)
    panels.draw_elite(surf, ctx, pygame.Rect(0, 0, 318, 178), None, [])
    compare_golden(surf, "turn_elite_quiet")


def test_forecast_panel_golden() -> None:
    ctx = UIContext.create(scale=1.0)
    surf = canvas(318, 136)
    panels.draw_forecast(surf, ctx, pygame.Rect(0, 0, 318, 136), "Buy the plant", 2, FORECAST)
    compare_golden(surf, "turn_forecast")


def test_forecast_strip_golden() -> None:
    ctx = UIContext.create(scale=1.0)
    surf = canvas(640, 40)
    panels.draw_forecast_strip(surf, ctx, pygame.Rect(0, 0, 640, 40), True, FORECAST)
    compare_golden(surf, "turn_forecast_strip")


def test_resource_panel_golden() -> None:
    ctx = UIContext.create(scale=1.0)
    surf = canvas(640, 96)
    panels.draw_resources(surf, ctx, RESOURCES, 0, 640, 4)
    draw_strip(surf, ctx, RESOURCES, pygame.Rect(0, 60, 640, 36))
    compare_golden(surf, "turn_resources")
