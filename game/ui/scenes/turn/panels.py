"""The turn screen's panels, drawn from plain data (no session, no scene): the economy at a
glance, the elite, the forecast (panel and one-line strip), the resources and the header.
Golden-image tests draw each with fixed data (tests/ui/test_turn_panels_golden.py).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pygame

from game.explain import tactic_text
from game.sim.report import EliteWarning
from game.ui.context import UIContext
from game.ui.formats import format_delta
from game.ui.names import SCORE_ORDER, TACTICS, intensity_word
from game.ui.scenes.turn.draft import Forecast
from game.ui.scenes.turn.text import METRIC_ICONS, METRIC_NAMES, danger_line, metric_label, score_name
from game.ui.widgets.panel import draw_panel, triangle


@dataclass(frozen=True)
class ResourceLine:
    """One resource as shown: icon name, translated name, amount now, income per turn."""

    icon: str
    name: str
    value: float
    income: float


def amount_words(ctx: UIContext, r: ResourceLine) -> tuple[str, str]:
    """A resource's amount and its income per turn, as the header and the strip write them."""
    return ctx.tr.num(r.value, "g"), "+" + ctx.tr.num(r.income, "g")


def amount_w(ctx: UIContext, r: ResourceLine) -> int:
    """The width the header and the strip give a resource's amount and income."""
    value, inc = amount_words(ctx, r)
    return ctx.text.size(value + " " + inc, "body", True)[0] + ctx.space.resources.amount_extra


def draw_resources(
    surface: pygame.Surface,
    ctx: UIContext,
    lines: Sequence[ResourceLine],
    x: int,
    limit: int,
    y: int,
    name_w: int | None = None,
) -> None:
    """Each resource in the header: icon, amount and income per turn, its name above (the
    narrow layout's strip is game.ui.scenes.turn.strip). A name wider than `name_w` (the
    theme's `resources.name_max_w` unless given) is cut with "…"."""
    rs = ctx.space.resources
    for r in lines:
        icon = r.icon
        value, inc = amount_words(ctx, r)
        name = ctx.text.fit(r.name, "small", rs.name_max_w if name_w is None else name_w)
        wd = max(ctx.text.size(name, "small")[0], amount_w(ctx, r))
        if x + wd > limit:
            break
        ctx.icons.draw(surface, icon, (x + rs.icon_x, y + rs.icon_y), ctx.space.icon, ctx.colours.accent)
        ctx.text.draw(surface, name, (x, y), "small", ctx.colours.text_dim)
        rect = ctx.text.draw(surface, value, (x + rs.value_x, y + rs.value_y), "body", ctx.colours.text, True)
        at = (rect.right + ctx.space.tight, y + rs.income_y)
        ctx.text.draw(surface, inc, at, "small", ctx.colours.good)
        x += wd + rs.after


def draw_forecast_strip(
    surface: pygame.Surface, ctx: UIContext, r: pygame.Rect, chosen: bool, forecast: Forecast | None
) -> None:
    """The forecast in one line (narrow layout): icon, arrow and change per score."""
    fc = ctx.space.forecast
    dl = ctx.space.delta
    _ = ctx._
    pygame.draw.rect(surface, ctx.colours.bg_deep, r, border_radius=ctx.space.radius)
    x = r.x + ctx.space.pad
    if not chosen or forecast is None:
        text = (
            _("Choose actions from your hand to see what they would change this turn.")
            if not chosen
            else _("Working out the forecast…")
        )
        ctx.text.draw(
            surface,
            ctx.text.fit(text, "small", r.width - fc.strip_text_less),
            (x, r.centery),
            "small",
            ctx.colours.text_dim,
            anchor="midleft",
        )
        return
    rect = ctx.text.draw(surface, _("Forecast"), (x, r.centery), "small", ctx.colours.accent, True, "midleft")
    x = rect.right + ctx.space.margin
    for key in SCORE_ORDER:
        d = forecast.get(key, 0.0)
        shown = format_delta(d, 1, ctx.lang)
        ctx.icons.draw(
            surface, key, (x + fc.strip_icon_x, r.centery), ctx.space.icon_list, ctx.colours.scores[key]
        )
        x += fc.strip_icon_step
        if shown != "0":
            colour = ctx.colours.good if d > 0 else ctx.colours.bad
            triangle(surface, (x + dl.triangle_x, r.centery), dl.triangle, "up" if d > 0 else "down", colour)
            x += dl.triangle_step
        rect = ctx.text.draw(surface, shown, (x, r.centery), "small", ctx.colours.text, True, "midleft")
        x = rect.right + fc.strip_after
    if "loss_odds" in forecast and r.right - x > fc.strip_odds_min_w:  # the elite's move can end the level
        odds = forecast["loss_odds"]
        ctx.icons.draw(
            surface, "warning", (x + fc.strip_icon_x, r.centery), ctx.space.icon_list, ctx.colours.bad
        )
        text = ctx.text.fit(ctx.tr.pct(odds), "small", r.right - x - fc.strip_odds_less)
        ctx.text.draw(
            surface, text, (x + fc.strip_icon_step, r.centery), "small", ctx.colours.bad, True, "midleft"
        )


def economy_rows(
    ctx: UIContext, m: Mapping[str, float], level: Any = None
) -> list[tuple[str, Any, str, str]]:
    """The economy panel's rows: icon, colour, label (in the level's words) and value."""
    _ = ctx._
    keys = ("firm_share", "coop_share", "council_share", "unemployment")
    colours = [*(ctx.colours.segments[k] for k in ("firm", "coop", "council")), ctx.colours.disabled]
    rows = [
        (METRIC_ICONS[k], c, metric_label(k, level, ctx.tr), ctx.tr.pct(m.get(k, 0)))
        for k, c in zip(keys, colours, strict=True)
    ]
    rows.append(("check", ctx.colours.good, _(METRIC_NAMES["needs_met"]), ctx.tr.pct(m.get("needs_met", 0))))
    power = _("{pct} of start").format(pct=ctx.tr.pct(m.get("elite_power", 0)))
    rows.append(("counter_revolution", ctx.colours.elite, _("Elite power"), power))  # against its start
    return rows


def elite_words(
    ctx: UIContext,
    warn: EliteWarning | None,
    losses: Sequence[tuple[int, str]],
    level: Any = None,
    odds: str = "",
) -> str:
    """Everything the elite panel says, whole (its tooltip, where the panel shortens it)."""
    _ = ctx._
    if warn is None:
        lines = [_("No move announced. The elite warns a turn before it acts.")]
    else:
        tactic = _(TACTICS.get(warn.tactic, warn.tactic))
        head = _("Next turn: {tactic} ({strength})").format(
            tactic=tactic, strength=_(intensity_word(warn.intensity))
        )
        lines = [head, odds or tactic_text(warn.tactic, ctx.tr, level)]
    return "\n".join([*lines, *(danger_line(t, w, ctx.tr) for t, w in losses)])


def draw_economy(
    surface: pygame.Surface, ctx: UIContext, r: pygame.Rect, m: Mapping[str, float], level: Any = None
) -> None:
    """Economy at a glance: a bar of who works where, then the shares, needs met, elite power."""
    ec = ctx.space.economy
    _ = ctx._
    if r.height < ec.min_h:
        return
    inner = draw_panel(surface, ctx, r, title=_("Economy at a glance"), icon="council")
    parts = [
        ("firm_share", "firm"),
        ("coop_share", "coop"),
        ("council_share", "council"),
        ("unemployment", None),
    ]
    bar = pygame.Rect(inner.x, inner.y, inner.width, ec.bar_h)
    x = bar.x
    colours = {
        "firm_share": ctx.colours.segments["firm"],
        "coop_share": ctx.colours.segments["coop"],
        "council_share": ctx.colours.segments["council"],
        "unemployment": ctx.colours.disabled,
    }
    for key, _seg in parts:
        seg_w = round(bar.width * max(0.0, m.get(key, 0.0)))
        if seg_w > 0:
            pygame.draw.rect(surface, colours[key], (x, bar.y, seg_w, bar.height))
            pygame.draw.line(
                surface, ctx.colours.panel, (x, bar.y), (x, bar.bottom - 1), max(1, ctx.space.line)
            )
        x += seg_w
    y = bar.bottom + ctx.space.tight
    sl = ctx.fonts.line_height("small")
    rows = economy_rows(ctx, m, level)
    room = [inner.width - ec.label_less - ctx.text.size(v, "small", True)[0] for _i, _c, _l, v in rows]
    wrapped = [ctx.text.wrap(label, "small", w) for (_i, _c, label, _v), w in zip(rows, room, strict=True)]
    wrap = sum(len(ls) for ls in wrapped) * sl <= inner.bottom + ec.overflow - y  # long labels: two lines
    for (icon, colour, label, value), width, lines in zip(rows, room, wrapped, strict=True):
        if y + sl > inner.bottom + ec.overflow:
            break
        ctx.icons.draw(surface, icon, (inner.x + ec.icon_x, y + sl // 2), ctx.space.icon_small, colour)
        ctx.text.draw(surface, value, (inner.right, y), "small", ctx.colours.text, True, "topright")
        for line in lines if wrap else [ctx.text.fit(label, "small", width)]:
            ctx.text.draw(surface, line, (inner.x + ec.label_x, y), "small", ctx.colours.text)
            y += sl


def draw_elite(
    surface: pygame.Surface,
    ctx: UIContext,
    r: pygame.Rect,
    warn: EliteWarning | None,
    losses: Sequence[tuple[int, str]],
    level: Any = None,
    odds: str = "",
) -> None:
    """The elite's announced move (with what the tactic does, in the level's words, or, for
    a move that can end the level, its odds unanswered and with the best answer) and the
    dangers that hold now, each (turns left, the level's warning)."""
    el = ctx.space.elite
    _ = ctx._
    edge = ctx.colours.elite if (warn or losses) else ctx.colours.panel_edge
    inner = draw_panel(
        surface, ctx, r, title=_("The elite"), icon="counter_revolution", accent=ctx.colours.elite, edge=edge
    )
    y = inner.y
    sl = ctx.fonts.line_height("small")
    # the dangers come first: their lines are kept, the tactic's explanation gets the rest
    dangers = [
        ctx.text.wrap(danger_line(t, w, ctx.tr), "small", inner.width - el.danger_x, True)[:2]
        for t, w in losses
    ]
    reserved = sum(len(d) for d in dangers) * sl
    if warn is not None:
        tactic = warn.tactic
        icon = tactic if ctx.icons.exists(tactic) else "warning"
        ctx.icons.draw(
            surface,
            icon,
            (inner.x + el.icon_centre, y + el.icon_centre),
            ctx.space.icon_large,
            ctx.colours.elite,
        )
        head = _("Next turn: {tactic} ({strength})").format(
            tactic=_(TACTICS.get(tactic, tactic)), strength=_(intensity_word(warn.intensity))
        )
        used = ctx.text.draw_wrapped(
            surface,
            head,
            pygame.Rect(inner.x + el.head_x, y, inner.width - el.head_x, sl * 2),
            "small",
            ctx.colours.text,
            True,
            max_lines=2,
        )
        y += max(used, el.head_min_h) + ctx.space.tiny
        about = odds or tactic_text(tactic, ctx.tr, level)
        room = (inner.bottom - y - reserved) // sl
        if about and room >= 1:  # (the tactic's card in the glossary says it all)
            y += ctx.text.draw_wrapped(
                surface,
                about,
                pygame.Rect(inner.x, y, inner.width, room * sl),
                "small",
                ctx.colours.text_dim,
                max_lines=room,
            )
    else:
        y += ctx.text.draw_wrapped(
            surface,
            _("No move announced. The elite warns a turn before it acts."),
            pygame.Rect(inner.x, y, inner.width, inner.bottom - y),
            "small",
            ctx.colours.text_dim,
            max_lines=2,
        )
    for (turns_left, warning), lines in zip(losses, dangers, strict=True):
        room = (inner.bottom + el.overflow - y) // sl
        if room < 1:
            break
        ctx.icons.draw(
            surface,
            "warning",
            (inner.x + el.danger_icon_x, y + sl // 2),
            ctx.space.icon_small,
            ctx.colours.warn,
        )
        text = danger_line(turns_left, warning, ctx.tr)
        y += ctx.text.draw_wrapped(
            surface,
            text,
            pygame.Rect(inner.x + el.danger_x, y, inner.width - el.danger_x, min(len(lines), room) * sl),
            "small",
            ctx.colours.warn,
            True,
            max_lines=min(len(lines), room),
        )


def draw_forecast(
    surface: pygame.Surface,
    ctx: UIContext,
    r: pygame.Rect,
    answer: str | None,
    n_chosen: int,
    forecast: Forecast | None,
) -> None:
    """What the chosen actions would change this turn; `answer` is the event answer chosen."""
    fc = ctx.space.forecast
    dl = ctx.space.delta
    _ = ctx._
    inner = draw_panel(surface, ctx, r, title=_("Forecast"), icon="hourglass")
    sl = ctx.fonts.line_height("small")
    y = inner.y
    if answer is not None:
        ctx.text.draw(
            surface,
            ctx.text.fit(_("Your answer: {label}").format(label=answer), "small", inner.width),
            (inner.x, y),
            "small",
            ctx.colours.link,
        )
        y += sl
    if not n_chosen:
        ctx.text.draw_wrapped(
            surface,
            _("Choose actions from your hand to see what they would change this turn."),
            pygame.Rect(inner.x, y, inner.width, inner.bottom - y),
            "small",
            ctx.colours.text_dim,
        )
        return
    n = n_chosen
    head = ctx.tr.ngettext("With {n} action chosen:", "With {n} actions chosen:", n).format(n=n)
    colour = ctx.colours.text
    if forecast is not None and "loss_odds" in forecast:  # the elite's move can end the level
        odds = forecast["loss_odds"]
        head = ctx.tr.say("{odds:.0%} chance of losing the level:", odds=odds)
        colour = ctx.colours.bad if odds > 0.1 else ctx.colours.text
    ctx.text.draw(surface, ctx.text.fit(head, "small", inner.width), (inner.x, y), "small", colour)
    y += sl + ctx.space.tiny
    if forecast is None:
        ctx.text.draw(surface, _("Working out the forecast…"), (inner.x, y), "small", ctx.colours.text_dim)
        return
    col_w = inner.width // 2
    for i, key in enumerate(SCORE_ORDER):
        cx = inner.x + (i % 2) * col_w
        cy = y + (i // 2) * (sl + ctx.space.tiny)
        d = forecast.get(key, 0.0)
        ctx.icons.draw(
            surface, key, (cx + fc.icon_x, cy + sl // 2), ctx.space.icon_small, ctx.colours.scores[key]
        )
        shown = format_delta(d, 1, ctx.lang)
        colour = (
            ctx.colours.good
            if shown.startswith("+")
            else ctx.colours.bad
            if shown.startswith("\u2212")
            else ctx.colours.text_dim
        )
        x = cx + fc.value_x
        if shown != "0":
            triangle(
                surface, (x + dl.triangle_x, cy + sl // 2), dl.triangle, "up" if d > 0 else "down", colour
            )
            x += dl.triangle_step
        rect = ctx.text.draw(surface, shown, (x, cy), "small", ctx.colours.text, True)
        room = cx + col_w - rect.right - fc.name_room_less
        if ctx.text.size(score_name(key, ctx.tr), "small")[0] <= room:  # else the icon says it
            ctx.text.draw(
                surface,
                score_name(key, ctx.tr),
                (rect.right + fc.name_gap, cy),
                "small",
                ctx.colours.text_dim,
            )


def draw_busy(surface: pygame.Surface, ctx: UIContext, text: str, time: float) -> None:
    """The turn is being computed: the screen dimmed, a line and a spinner."""
    sp = ctx.space.busy
    shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    shade.fill((*ctx.colours.bg_deep, 150))
    surface.blit(shade, (0, 0))
    rect = ctx.text.draw(
        surface,
        text,
        (surface.get_width() // 2, surface.get_height() // 2),
        "heading",
        ctx.colours.text,
        True,
        "center",
    )
    if not ctx.reduced_motion:
        k = int(time * 8) % 8
        for i in range(8):
            a = i / 8 * math.tau
            c = (
                rect.centerx + round(math.cos(a) * sp.spinner_r),
                rect.bottom + sp.spinner_y + round(math.sin(a) * sp.spinner_r),
            )
            pygame.draw.circle(surface, ctx.colours.accent if i == k else ctx.colours.panel_edge, c, sp.dot)
