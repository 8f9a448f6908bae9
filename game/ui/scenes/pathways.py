"""Choose a pathway: every level as a route on a map from today's economy, with its
difficulty and length; a list beside the map for the keyboard; Enter opens the briefing."""

from __future__ import annotations

import math
from typing import Any

import pygame

from game.i18n import N_
from game.ui import palette
from game.ui.scenes.common import MenuScene
from game.ui.widgets.base import Widget
from game.ui.widgets.button import Button
from game.ui.widgets.listview import ListView
from game.ui.widgets.textblock import ScrollText

DIFFICULTY = {
    1: N_("gentle"),
    2: N_("moderate"),
    3: N_("demanding"),
    4: N_("hard"),
    5: N_("very hard"),
}
TURN_WORDS = {"season": N_("{n} seasons"), "year": N_("{n} years")}


class RouteMap(Widget):
    """The map: a start point ('today') and a winding route to each level's place."""

    focusable = False

    def __init__(self, scene: PathwaysScene, rect: pygame.Rect) -> None:
        super().__init__(scene.ctx, rect, key="map")
        self.scene = scene

    def node(self, i: int) -> tuple[int, int]:
        lv = self.scene.levels[i].level
        x, y = lv.map_position
        pad = self.ctx.space.map.node_pad
        return (
            round(self.rect.x + pad + x * (self.rect.width - 2 * pad)),
            round(self.rect.y + pad + y * (self.rect.height - 2 * pad)),
        )

    def start(self) -> tuple[int, int]:
        return self.rect.x + self.ctx.space.map.start_x, self.rect.bottom - self.ctx.space.map.start_y

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for i in range(len(self.scene.levels)):
                x, y = self.node(i)
                if math.hypot(event.pos[0] - x, event.pos[1] - y) < self.ctx.space.map.hit_r:
                    self.scene.select(i)
                    return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        r = self.rect
        pygame.draw.rect(surface, ctx.colours.bg_deep, r, border_radius=ctx.space.radius_map)
        # contour lines: a terrain feel, drawn from fixed sine waves (no randomness)
        clip = surface.get_clip()
        surface.set_clip(r.inflate(-ctx.space.map.clip_inset, -ctx.space.map.clip_inset))
        for k in range(9):
            pts = []
            for i in range(0, 41):
                t = i / 40
                x = r.x + t * r.width
                y = (
                    r.y
                    + r.height * (0.12 + k * 0.11)
                    + ctx.space.map.contour_wave * math.sin(t * 6.1 + k * 1.3)
                )
                pts.append((x, y))
            pygame.draw.lines(
                surface, palette.mix(ctx.colours.bg_deep, ctx.colours.panel_edge, 0.35), False, pts, 1
            )
        surface.set_clip(clip)
        sx, sy = self.start()
        for i in range(len(self.scene.levels)):
            nx, ny = self.node(i)
            selected = i == self.scene.selected
            colour = ctx.colours.accent if selected else ctx.colours.text_dim
            # a winding dashed route
            pts = []
            for j in range(25):
                t = j / 24
                bend = math.sin(t * math.pi) * ctx.space.map.route_bend * (1 if i % 2 else -1)
                dx, dy = nx - sx, ny - sy
                length = math.hypot(dx, dy) or 1
                pts.append((sx + dx * t - dy / length * bend, sy + dy * t + dx / length * bend))
            for j in range(0, len(pts) - 1, 2):
                pygame.draw.line(
                    surface,
                    colour,
                    pts[j],
                    pts[j + 1],
                    max(2, ctx.space.map.route_w_selected if selected else ctx.space.map.route_w),
                )
        pygame.draw.circle(surface, ctx.colours.text, (sx, sy), ctx.space.map.start_r)
        pygame.draw.circle(surface, ctx.colours.bg_deep, (sx, sy), ctx.space.map.start_hole_r)
        today = ctx.text.render(self.scene._("Today"), "small", ctx.colours.text, True)
        box = today.get_rect(midleft=(sx + ctx.space.map.today_gap, sy))  # on a backing: routes pass under
        pygame.draw.rect(
            surface, ctx.colours.bg_deep, box.inflate(ctx.space.gap, 0), border_radius=ctx.space.radius_small
        )
        surface.blit(today, box)
        for i in range(len(self.scene.levels)):
            nx, ny = self.node(i)
            selected = i == self.scene.selected
            rad = ctx.space.map.flag_r_selected if selected else ctx.space.map.flag_r
            pygame.draw.circle(surface, ctx.colours.bg_deep, (nx, ny), rad + ctx.space.map.flag_ring)
            pygame.draw.circle(
                surface, ctx.colours.accent if selected else ctx.colours.panel_hi, (nx, ny), rad
            )
            ctx.icons.draw(
                surface,
                "flag",
                (nx, ny),
                round(rad * 1.2),
                ctx.colours.text_dark if selected else ctx.colours.text,
            )
        for i, title, label in self.labels():
            selected = i == self.scene.selected
            pygame.draw.rect(surface, ctx.colours.bg_deep, label, border_radius=ctx.space.radius_small)
            for k, line in enumerate(title.split("\n")):
                ctx.text.draw(
                    surface,
                    line,
                    (
                        label.x + ctx.space.map.label_pad_x,
                        label.y + ctx.space.map.label_pad_y + k * ctx.fonts.line_height("small"),
                    ),
                    "small",
                    ctx.colours.text,
                    selected,
                )

    def labels(self) -> list[tuple[int, str, pygame.Rect]]:
        """Where each level's name goes: below, above, right or left of its flag, wherever it
        does not cover another name or flag (the selected level first). A name with no free
        place is left off the map; the list beside (or the Pathways tab) names every level."""
        ctx = self.ctx
        r = self.rect.inflate(-ctx.space.map.labels_inset, -ctx.space.map.labels_inset)
        sx, sy = self.start()
        today_w = ctx.text.size(self.scene._("Today"), "small", True)[0]
        sl = ctx.fonts.line_height("small")
        taken = [
            pygame.Rect(
                sx - ctx.space.map.today_left,
                sy - sl // 2 - ctx.space.map.label_pad_y,
                today_w + ctx.space.map.today_extra_w,
                sl + ctx.space.map.label_extra_h,
            )
        ]
        for i in range(len(self.scene.levels)):
            nx, ny = self.node(i)
            rad = ctx.space.map.flag_room
            taken.append(pygame.Rect(nx - rad, ny - rad, 2 * rad, 2 * rad))
        order = [self.scene.selected] + [i for i in range(len(self.scene.levels)) if i != self.scene.selected]
        out = []
        for i in order:
            if not 0 <= i < len(self.scene.levels):
                continue
            lv = self.scene.levels[i].level
            selected = i == self.scene.selected
            most = min(ctx.space.map.label_max_w, r.width - ctx.space.map.label_extra_w)
            lines = ctx.text.wrap(ctx.tr.pick(lv.title), "small", most, selected)  # a long name: two lines
            if len(lines) > 2:
                lines = [lines[0], ctx.text.shorten(lines[1], "small", most, selected, ctx.tr.pick(lv.title))]
            title = "\n".join(lines)
            tw = (
                max(ctx.text.size(line, "small", selected)[0] for line in lines) + ctx.space.map.label_extra_w
            )
            th = sl * len(lines) + ctx.space.map.label_extra_h
            nx, ny = self.node(i)
            rad, gap = ctx.space.map.flag_room, ctx.space.map.label_gap
            places = [
                pygame.Rect(nx - tw // 2, ny + rad + gap, tw, th),
                pygame.Rect(nx - tw // 2, ny - rad - gap - th, tw, th),
                pygame.Rect(nx + rad + gap, ny - th // 2, tw, th),
                pygame.Rect(nx - rad - gap - tw, ny - th // 2, tw, th),
            ]
            for place in places:
                place.clamp_ip(r)
                own = pygame.Rect(nx - rad, ny - rad, 2 * rad, 2 * rad)
                if place.collidelist([t for t in taken if t != own]) < 0:
                    taken.append(place)
                    out.append((i, title, place))
                    break
            else:
                if selected:
                    taken.append(places[0])
                    out.append((i, title, places[0]))
        return out


class PathwaysScene(MenuScene):
    name = "pathways"
    title = N_("Choose a pathway")
    icon = "route"

    def __init__(self, app) -> None:
        super().__init__(app)
        cat = app.catalog()
        self.levels = sorted(cat.levels, key=lambda lv: (lv.level.difficulty, lv.level.id))
        self.problems = cat.problems
        self.selected = 0

    def subtitle(self) -> str:
        return self._("Each pathway is one way a society could move towards a participatory economy.")

    def select(self, i: int) -> None:
        self.selected = i
        if self.listview.selected != i:
            self.listview.select(i)

    def difficulty_text(self, lv) -> str:
        d = lv.level.difficulty
        return self._("Difficulty {n} of 5: {word}").format(n=d, word=self._(DIFFICULTY[d]))

    def length_text(self, lv) -> str:
        L = lv.level
        turns = self._(TURN_WORDS[L.turn_length]).format(n=L.turns)
        return self._("{turns}, about {minutes} minutes").format(turns=turns, minutes=L.minutes)

    def build(self) -> None:
        ctx = self.ctx
        _ = self._
        w, h = self.size
        top = self.header_height() + ctx.space.pathways.top_gap
        side_w = min(ctx.space.pathways.side_max_w, w * 2 // 5)
        btn_h = ctx.space.screen.button_h
        map_rect = pygame.Rect(
            ctx.space.pathways.edge,
            top,
            w - side_w - ctx.space.pathways.map_less_w,
            h - top - ctx.space.pathways.edge,
        )
        item_h = (
            ctx.fonts.line_height("body", True)
            + ctx.fonts.line_height("small") * 2
            + ctx.space.pathways.item_extra_h
        )
        # the chosen pathway's text needs its heading and three lines below the list
        about_h = (
            ctx.space.pathways.about_extra_h
            + ctx.fonts.line_height("large", True)
            + 3 * ctx.fonts.line_height("body")
        )
        room = map_rect.height - btn_h - ctx.space.pathways.list_gaps - about_h
        narrow = map_rect.width < ctx.space.pathways.map_min_w or room < item_h * 3 // 2
        if narrow:  # large text: the list, the chosen pathway and the map behind tabs
            tabs = [("list", _("Pathways")), ("about", _("About this pathway")), ("map", _("Map"))]
            top = self.add_tabs(tabs, top)
            full = pygame.Rect(
                ctx.space.pathways.edge,
                top,
                w - ctx.space.pathways.edges,
                h - top - btn_h - ctx.space.pathways.tab_map_less_h,
            )
            if self.tab == "map":
                self.add(RouteMap(self, full))
            side = pygame.Rect(full.x, full.y, full.width, h - top - ctx.space.pathways.edge)
        else:
            self.add(RouteMap(self, map_rect))
            side = pygame.Rect(
                map_rect.right + ctx.space.pathways.side_gap, top, side_w, h - top - ctx.space.pathways.edge
            )
        list_h = min(
            len(self.levels) * (item_h + ctx.space.pathways.item_gap) + ctx.space.pathways.item_gap, room
        )
        if narrow:
            list_h = side.height - btn_h - ctx.space.pathways.side_gap
        list_h = max(list_h, item_h + ctx.space.pathways.item_gap)
        self.listview = ListView(
            ctx,
            pygame.Rect(side.x, side.y, side.width, list_h),
            self.levels,
            self._paint,
            item_height=item_h,
            key="levels",
            selected=self.selected,
            on_select=self._on_select,
            on_activate=lambda i: self.begin(),
            empty_text=_("No pathways found. Check the levels folder."),
            tips=self.list_tip,
        )
        if not narrow or self.tab == "list":
            self.add(self.listview)
        detail_top = side.y if narrow else side.y + list_h + ctx.space.pathways.item_gap
        detail = pygame.Rect(
            side.x, detail_top, side.width, side.bottom - detail_top - btn_h - ctx.space.pathways.side_gap
        )
        if self.levels and (
            self.tab == "about" if narrow else detail.height >= ctx.space.pathways.about_min_h
        ):
            self.add(ScrollText(ctx, detail, self.detail_text(), key="about"))
        self.add(
            Button(
                ctx,
                self.app.manager,
                pygame.Rect(side.x, side.bottom - btn_h, side.width, btn_h),
                _("Read the briefing"),
                self.begin,
                kind="primary",
                key="begin",
                enabled=bool(self.levels),
            )
        )

    def detail_text(self) -> str:
        lv = self.levels[self.selected]
        tr = self.ctx.tr
        lines = ["## " + tr.pick(lv.level.path), tr.pick(lv.level.summary)]
        if self.tab == "about":
            lines[:0] = ["# " + tr.pick(lv.level.title), self.difficulty_text(lv), self.length_text(lv), ""]
        return "\n".join(lines)

    def _on_select(self, i: int) -> None:
        self.selected = i
        for w in self.widgets:
            if isinstance(w, ScrollText) and w.key == "about":
                w.set_text(self.detail_text())

    def begin(self) -> None:
        if self.levels:
            self.app.open("briefing", loaded=self.levels[self.selected])

    def _paint(self, surface, r, lv, selected, focused) -> None:
        ctx = self.ctx
        pygame.draw.rect(
            surface,
            ctx.colours.panel_hi if selected else ctx.colours.panel,
            r,
            border_radius=ctx.space.radius_card,
        )
        if selected:
            pygame.draw.rect(
                surface, ctx.colours.accent, r, max(1, ctx.space.line), border_radius=ctx.space.radius_card
            )
        pad = ctx.space.pad
        ctx.text.draw(
            surface,
            ctx.text.fit(ctx.tr.pick(lv.level.title), "body", r.width - 2 * pad, True),
            (r.x + pad, r.y + pad - ctx.space.tiny),
            "body",
            ctx.colours.text,
            True,
        )
        y = r.y + pad + ctx.fonts.line_height("body", True) - ctx.space.tiny
        # difficulty as pips (shape) and words
        for k in range(5):
            c = (
                r.x + pad + ctx.space.pathways.pip_x + k * ctx.space.pathways.pip_step,
                y + ctx.fonts.line_height("small") // 2,
            )
            if k < lv.level.difficulty:
                pygame.draw.circle(surface, ctx.colours.accent, c, ctx.space.pathways.pip_r)
            else:
                pygame.draw.circle(
                    surface, ctx.colours.text_dim, c, ctx.space.pathways.pip_r, max(1, ctx.space.hair)
                )
        ctx.text.draw(
            surface,
            ctx.text.fit(self.difficulty_text(lv), "small", r.width - ctx.space.pathways.difficulty_less_w),
            (r.x + pad + ctx.space.pathways.difficulty_x, y),
            "small",
            ctx.colours.text_dim,
        )
        ctx.text.draw(
            surface,
            ctx.text.fit(self.length_text(lv), "small", r.width - 2 * pad),
            (r.x + pad, y + ctx.fonts.line_height("small")),
            "small",
            ctx.colours.text_dim,
        )

    def list_tip(self, lv: Any) -> str:
        """A row of the list whole (its lines are cut to the row's width)."""
        return "\n".join((self.ctx.tr.pick(lv.level.title), self.difficulty_text(lv), self.length_text(lv)))

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        ctx = self.ctx
        if self.problems:
            n = len({p.file for p in self.problems})
            msg = self.ctx.tr.ngettext(
                "{n} level file has problems and was skipped (see: main.py check)",
                "{n} level files have problems and were skipped (see: main.py check)",
                n,
            ).format(n=n)
            w, h = surface.get_size()
            ctx.text.draw(
                surface,
                ctx.text.fit(msg, "small", w - ctx.space.pathways.edges),
                (ctx.space.pathways.problems_x, h - ctx.space.pathways.problems_bottom),
                "small",
                ctx.colours.warn,
                anchor="bottomleft",
            )
