"""The turn screen's header: every resource or none (the Actions tab's strip then shows them),
a long title set smaller before it is cut, and a tooltip with the whole text over each part
the header shortens."""

from __future__ import annotations

import pygame

from game.ui.context import UIContext
from game.ui.layout_check import record
from game.ui.scenes.turn import parts
from game.ui.scenes.turn.header import plan_header
from game.ui.scenes.turn.panels import ResourceLine
from tests.ui.test_layout import open_scene

RESOURCES = [
    ResourceLine("organisers", "Organisers", 0, 3),
    ResourceLine("money", "Jornadas de trabajo compartido", 10, 15),
]


def test_the_header_shows_every_resource_or_none() -> None:
    ctx = UIContext.create(scale=1.5)
    wide = plan_header(ctx, 96, "The Register Method", "Season 8 of 16", 2400, RESOURCES)
    assert wide.resources_x is not None and wide.names and not wide.tips  # whole names: room
    assert wide.name_w >= ctx.text.size("Jornadas de trabajo compartido", "small")[0]
    cut = plan_header(ctx, 96, "The Register Method", "Season 8 of 16", 950, RESOURCES)
    assert cut.resources_x is not None and cut.names
    # the long Spanish name is cut with "…" above its amount: the tooltip names it whole
    assert any("Jornadas de trabajo compartido" in text for _r, text in cut.tips)
    bare = plan_header(ctx, 96, "The Register Method", "Season 8 of 16", 780, RESOURCES)
    assert bare.resources_x is not None and not bare.names
    assert any("Organisers" in t and "Jornadas de trabajo compartido" in t for _r, t in bare.tips)
    none = plan_header(ctx, 96, "The Register Method", "Season 8 of 16", 680, RESOURCES)
    assert none.resources_x is None and not none.tips


def test_a_long_title_is_set_smaller_before_it_is_cut() -> None:
    ctx = UIContext.create(scale=2.0)
    title = "La confederación del valle"
    plan = plan_header(ctx, 128, title, "Estación 8 de 20", 420, [])
    assert plan.title_size != "large"
    assert plan.title.startswith("La confederación")
    if plan.title != title:
        assert any(title in text for _r, text in plan.tips)


def test_union_register_at_150_shows_both_resources_in_the_header(make_app, tmp_path) -> None:
    """The narrow header at 150% showed the organisers and left the strike fund out."""
    app = open_scene(make_app, tmp_path, "turn", "union_register", 150, "en", (1280, 720), "standard")
    scene = app.top
    assert not scene.layout.wide
    boxes, _rec = record(app)
    header = [b.text for b in boxes if b.rect.bottom <= scene.layout.header_h]
    lines = parts.resource_lines(app.ctx, scene.session, scene.draft)
    assert len(lines) == 2
    for r in lines:
        assert f"{r.value:g}" in header and f"+{r.income:g}" in header, (r, header)


def test_the_cut_title_has_its_tooltip_by_mouse_and_keyboard(make_app, tmp_path) -> None:
    app = open_scene(make_app, tmp_path, "turn", "sandbox_pluralist", 200, "es", (1280, 720), "standard")
    scene = app.top
    tips = [w for w in scene.widgets if (w.key or "").startswith("header-tip")]
    assert tips and tips[0].focusable
    assert "La confederación del valle" in tips[0].tooltip_text()
    scene.handle_event(
        pygame.event.Event(pygame.MOUSEMOTION, pos=tips[0].rect.center, rel=(0, 0), buttons=(0, 0, 0))
    )
    assert scene.tooltip() is not None and "La confederación del valle" in scene.tooltip()[0]
