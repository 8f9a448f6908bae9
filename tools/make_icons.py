"""Draw the game's icons with pygame primitives and write them as PNGs into assets/icons/.

Why a script: the icons are made in the repository (no third-party art), they can be redrawn
at any size, and a test checks the committed PNGs still match what this script draws.

Every icon is a white silhouette on transparency, drawn on a 0..100 design grid at 4x
supersampling and smoothed down. The game tints them at run time, so each icon is told apart
by its shape, never by its colour alone. Run: `python tools/make_icons.py [--out DIR]`.
"""

from __future__ import annotations

import argparse
import math
import os
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

SIZES = (32, 64, 128)
MASTER = 512
INK = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)

Point = tuple[float, float]


class Canvas:
    """A square SRCALPHA surface addressed on a 0..100 grid; `erase` cuts negative space."""

    def __init__(self, size: int = MASTER) -> None:
        self.size = size
        self.k = size / 100.0
        self.surface = pygame.Surface((size, size), pygame.SRCALPHA)
        self.surface.fill(CLEAR)
        self.colour = INK

    def erase(self) -> Canvas:
        self.colour = CLEAR
        return self

    def ink(self) -> Canvas:
        self.colour = INK
        return self

    def _p(self, p: Point) -> tuple[int, int]:
        return round(p[0] * self.k), round(p[1] * self.k)

    def _n(self, v: float) -> int:
        return max(1, round(v * self.k))

    def poly(self, pts: list[Point]) -> None:
        pygame.draw.polygon(self.surface, self.colour, [self._p(p) for p in pts])

    def circle(self, c: Point, r: float) -> None:
        pygame.draw.circle(self.surface, self.colour, self._p(c), self._n(r))

    def ring(self, c: Point, r: float, w: float) -> None:
        pygame.draw.circle(self.surface, self.colour, self._p(c), self._n(r), self._n(w))

    def rect(self, x0: float, y0: float, x1: float, y1: float, radius: float = 0) -> None:
        a, b = self._p((x0, y0)), self._p((x1, y1))
        rect = pygame.Rect(a[0], a[1], b[0] - a[0], b[1] - a[1])
        pygame.draw.rect(self.surface, self.colour, rect, border_radius=self._n(radius) if radius else 0)

    def ellipse(self, x0: float, y0: float, x1: float, y1: float, w: float = 0) -> None:
        a, b = self._p((x0, y0)), self._p((x1, y1))
        rect = pygame.Rect(a[0], a[1], b[0] - a[0], b[1] - a[1])
        pygame.draw.ellipse(self.surface, self.colour, rect, self._n(w) if w else 0)

    def line(self, a: Point, b: Point, w: float) -> None:
        """A thick line with round caps (pygame's own thick lines have square, ragged ends)."""
        (ax, ay), (bx, by) = a, b
        length = math.hypot(bx - ax, by - ay) or 1.0
        nx, ny = -(by - ay) / length * w / 2, (bx - ax) / length * w / 2
        self.poly([(ax + nx, ay + ny), (bx + nx, by + ny), (bx - nx, by - ny), (ax - nx, ay - ny)])
        self.circle(a, w / 2)
        self.circle(b, w / 2)

    def polyline(self, pts: list[Point], w: float) -> None:
        for a, b in zip(pts, pts[1:], strict=False):
            self.line(a, b, w)

    def arc(self, c: Point, r: float, start_deg: float, end_deg: float, w: float, steps: int = 24) -> None:
        pts = [
            (
                c[0] + r * math.cos(math.radians(start_deg + (end_deg - start_deg) * i / steps)),
                c[1] - r * math.sin(math.radians(start_deg + (end_deg - start_deg) * i / steps)),
            )
            for i in range(steps + 1)
        ]
        self.polyline(pts, w)

    def half_disc_down(self, c: Point, r: float) -> None:
        """The lower half of a disc: a bowl, a scale pan."""
        pts = [
            (c[0] + r * math.cos(math.radians(a)), c[1] + r * math.sin(math.radians(a)))
            for a in range(0, 181, 6)
        ]
        self.poly(pts)

    def half_disc_up(self, c: Point, r: float) -> None:
        """The upper half of a disc: shoulders, a dome."""
        pts = [
            (c[0] + r * math.cos(math.radians(a)), c[1] - r * math.sin(math.radians(a)))
            for a in range(0, 181, 6)
        ]
        self.poly(pts)

    def leaf(self, base: Point, tip: Point, width: float) -> None:
        (bx, by), (tx, ty) = base, tip
        length = math.hypot(tx - bx, ty - by) or 1.0
        nx, ny = -(ty - by) / length, (tx - bx) / length
        side1, side2 = [], []
        for i in range(13):
            t = i / 12
            x, y = bx + (tx - bx) * t, by + (ty - by) * t
            off = math.sin(math.pi * t) * width / 2
            side1.append((x + nx * off, y + ny * off))
            side2.append((x - nx * off, y - ny * off))
        self.poly(side1 + side2[::-1])

    def arrow(self, a: Point, b: Point, w: float, head: float) -> None:
        (ax, ay), (bx, by) = a, b
        length = math.hypot(bx - ax, by - ay) or 1.0
        ux, uy = (bx - ax) / length, (by - ay) / length
        neck = (bx - ux * head, by - uy * head)
        self.line(a, neck, w)
        self.poly(
            [
                (bx, by),
                (neck[0] - uy * head * 0.75, neck[1] + ux * head * 0.75),
                (neck[0] + uy * head * 0.75, neck[1] - ux * head * 0.75),
            ]
        )


# --- scores -------------------------------------------------------------------------------


def icon_equity(c: Canvas) -> None:
    """A balance scale with level pans."""
    c.line((50, 16), (50, 82), 7)
    c.rect(28, 80, 72, 90, 3)
    c.line((14, 28), (86, 28), 7)
    c.circle((50, 16), 7)
    for x in (20, 80):
        c.line((x - 6, 28), (x - 13, 58), 3.5)
        c.line((x + 6, 28), (x + 13, 58), 3.5)
        c.half_disc_down((x, 56), 16)


def icon_participation(c: Canvas) -> None:
    """Three people side by side, the middle one in front: many taking part."""
    for x in (24, 76):
        c.circle((x, 34), 10)
        c.half_disc_up((x, 74), 19)
        c.rect(x - 19, 73, x + 19, 78)
    c.erase()
    c.circle((50, 40), 17)
    c.half_disc_up((50, 88), 30)
    c.ink()
    c.circle((50, 40), 12)
    c.half_disc_up((50, 88), 25)


def icon_resilience(c: Canvas) -> None:
    """A tree with deep roots: it bends but stands."""
    c.rect(44, 44, 56, 78, 2)
    c.circle((50, 30), 20)
    c.circle((31, 44), 15)
    c.circle((69, 44), 15)
    c.rect(31, 40, 69, 59, 6)
    c.line((50, 76), (26, 92), 6)
    c.line((50, 76), (74, 92), 6)
    c.line((50, 76), (50, 94), 6)
    c.erase()
    c.line((40, 52), (60, 52), 2.5)
    c.ink()
    c.rect(44, 50, 56, 60)


def icon_support(c: Canvas) -> None:
    """A heart: the people's support."""
    c.circle((33, 36), 19)
    c.circle((67, 36), 19)
    c.poly([(15.5, 43), (84.5, 43), (50, 88)])
    c.rect(33, 28, 67, 50)


# --- segments -----------------------------------------------------------------------------


def icon_firm(c: Canvas) -> None:
    """A factory with a smokestack: capitalist firms."""
    c.rect(70, 16, 82, 56)
    c.circle((80, 9), 5)
    c.poly([(10, 88), (10, 40), (30, 54), (30, 40), (50, 54), (50, 40), (70, 54), (90, 54), (90, 88)])
    c.erase()
    for x in (18, 38, 58, 74):
        c.rect(x, 64, x + 9, 74)
    c.ink()


def icon_coop(c: Canvas) -> None:
    """Two interlocking rings: co-operatives."""
    c.ring((37, 50), 25, 9)
    c.ring((63, 50), 25, 9)
    c.erase()
    c.rect(48, 24, 53, 40)
    c.ink()
    c.arc((37, 50), 20.5, 40, 80, 9, steps=8)


def icon_council(c: Canvas) -> None:
    """A round table with six seats: councils."""
    c.circle((50, 50), 20)
    for i in range(6):
        a = math.radians(90 + i * 60)
        c.circle((50 + 36 * math.cos(a), 50 - 36 * math.sin(a)), 10)


# --- elite tactics ------------------------------------------------------------------------


def icon_capital_flight(c: Canvas) -> None:
    """A coin crossing a border line, with speed streaks: capital flight."""
    for y in (8, 30, 52, 74):
        c.rect(60, y, 67, y + 14, 2)
    c.circle((30, 52), 22)
    c.erase()
    c.ring((30, 52), 15, 3.5)
    c.circle((30, 52), 5)
    c.rect(56, 36, 72, 66)
    c.ink()
    c.arrow((50, 52), (97, 52), 9, 20)
    c.line((2, 36), (8, 36), 4)
    c.line((0, 52), (5, 52), 4)
    c.line((2, 68), (8, 68), 4)


def icon_consolidation(c: Canvas) -> None:
    """Two small fields joined into one big one, with fewer furrows: a merger of farms."""
    c.rect(4, 12, 32, 42, 3)
    c.rect(4, 58, 32, 88, 3)
    c.arrow((36, 50), (60, 50), 8, 16)
    c.rect(62, 14, 97, 86, 4)
    c.erase()
    for x in (72, 86):
        c.line((x, 24), (x, 76), 4)
    c.ink()


def icon_credit_strike(c: Canvas) -> None:
    """A bank card with a 'no' sign: credit withheld."""
    c.rect(6, 22, 76, 68, 7)
    c.erase()
    c.rect(6, 32, 76, 41)
    c.rect(14, 50, 34, 57, 2)
    c.circle((70, 68), 27)
    c.ink()
    c.ring((70, 68), 22, 7)
    c.line((55, 53), (85, 83), 7)


def icon_media_campaign(c: Canvas) -> None:
    """A television set with an antenna: a media campaign."""
    c.rect(8, 30, 92, 84, 8)
    c.line((50, 30), (32, 10), 5)
    c.line((50, 30), (68, 10), 5)
    c.erase()
    c.rect(16, 38, 70, 76, 5)
    c.ink()
    c.circle((81, 46), 5)
    c.circle((81, 62), 5)
    c.arc((34, 57), 7, -70, 70, 4, steps=10)
    c.arc((34, 57), 15, -60, 60, 4, steps=10)


def _rotated_rect(cx: float, cy: float, w: float, h: float, deg: float) -> list[Point]:
    a = math.radians(deg)
    ca, sa = math.cos(a), math.sin(a)
    out = []
    for dx, dy in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)):
        out.append((cx + dx * ca - dy * sa, cy + dx * sa + dy * ca))
    return out


def icon_legal_challenge(c: Canvas) -> None:
    """A judge's gavel over its block: a legal challenge."""
    c.poly(_rotated_rect(40, 34, 46, 22, -45))
    c.line((46, 40), (84, 78), 9)
    c.rect(8, 82, 56, 94, 3)
    c.erase()
    c.line((24, 30), (44, 50), 3)
    c.ink()


def icon_price_undercutting(c: Canvas) -> None:
    """A price tag with a falling arrow: prices cut below cost."""
    c.poly([(6, 50), (30, 22), (92, 22), (92, 78), (30, 78)])
    c.erase()
    c.circle((28, 50), 6)
    c.arrow((62, 30), (62, 72), 9, 18)
    c.ink()


def icon_counter_revolution(c: Canvas) -> None:
    """A crown: the old order trying to come back."""
    c.poly([(14, 72), (14, 30), (32, 52), (50, 22), (68, 52), (86, 30), (86, 72)])
    c.rect(14, 74, 86, 88, 3)
    for p in ((14, 26), (50, 18), (86, 26)):
        c.circle(p, 7)
    c.erase()
    c.circle((50, 62), 5)
    c.circle((30, 64), 4)
    c.circle((70, 64), 4)
    c.ink()


# --- resources ----------------------------------------------------------------------------


def icon_money(c: Canvas) -> None:
    """A stack of coins."""
    for i in range(4):
        y = 72 - i * 14
        c.ink()
        c.ellipse(14, y, 86, y + 22)
        if i < 3:
            c.erase()
            c.ellipse(14, y - 14 - 2.5, 86, y - 14 + 22 + 2.5, w=2.5)
    c.ink()
    c.erase()
    c.ellipse(26, 34, 74, 46, w=2.5)
    c.ink()


def icon_organisers(c: Canvas) -> None:
    """A person holding a flag: organisers."""
    c.circle((36, 32), 12)
    c.half_disc_up((36, 88), 28)
    c.line((66, 90), (66, 10), 6)
    c.poly([(66, 10), (94, 20), (66, 32)])
    c.erase()
    c.line((58, 60), (58, 60), 12)
    c.ink()


def icon_political_capital(c: Canvas) -> None:
    """A ballot going into a box: political capital."""
    c.rect(18, 52, 82, 90, 4)
    c.rect(12, 44, 88, 54, 3)
    c.erase()
    c.rect(34, 46, 66, 51)
    c.ink()
    c.rect(38, 10, 62, 48, 2)
    c.erase()
    c.polyline([(42, 28), (48, 35), (58, 18)], 4)
    c.ink()


# --- action categories ------------------------------------------------------------------


def icon_education(c: Canvas) -> None:
    """An open book."""
    c.poly([(48, 26), (8, 18), (8, 78), (48, 86)])
    c.poly([(52, 26), (92, 18), (92, 78), (52, 86)])
    c.erase()
    for y in (36, 48, 60):
        c.line((16, y - 4), (40, y), 3)
        c.line((60, y), (84, y - 4), 3)
    c.ink()


def icon_law(c: Canvas) -> None:
    """A courthouse with columns: law."""
    c.poly([(8, 36), (50, 12), (92, 36)])
    c.rect(10, 36, 90, 44)
    for x in (16, 36, 56, 76):
        c.rect(x, 48, x + 9, 76)
    c.rect(8, 78, 92, 85)
    c.rect(4, 87, 96, 94)


def icon_finance(c: Canvas) -> None:
    """A coin with a sprout: finance that grows the new economy."""
    c.circle((50, 68), 26)
    c.erase()
    c.ring((50, 68), 19, 4)
    c.ink()
    c.line((50, 44), (50, 22), 5)
    c.leaf((50, 26), (24, 8), 14)
    c.leaf((50, 22), (78, 6), 16)


def icon_organising(c: Canvas) -> None:
    """A megaphone with sound waves: organising."""
    c.poly([(26, 38), (66, 18), (66, 82), (26, 62)])
    c.rect(12, 38, 26, 62, 3)
    c.line((36, 62), (42, 80), 7)
    c.arc((68, 50), 16, -45, 45, 5, steps=10)
    c.arc((68, 50), 27, -45, 45, 5, steps=12)


def icon_mutual_aid(c: Canvas) -> None:
    """A steaming community pot: mutual aid."""
    c.rect(18, 48, 82, 88, 12)
    c.rect(10, 42, 90, 50, 3)
    c.rect(4, 54, 18, 62, 3)
    c.rect(82, 54, 96, 62, 3)
    for x in (34, 50, 66):
        pts = [(x + 5 * math.sin(i / 10 * 2 * math.pi), 34 - i * 2.6) for i in range(11)]
        c.polyline(pts, 4.5)


def icon_defence(c: Canvas) -> None:
    """A shield: defence of what has been built."""
    c.poly([(50, 6), (86, 18), (84, 52), (70, 76), (50, 94), (30, 76), (16, 52), (14, 18)])
    c.erase()
    c.polyline([(32, 40), (50, 56), (68, 40)], 8)
    c.ink()


# --- interface glyphs ---------------------------------------------------------------------


def icon_warning(c: Canvas) -> None:
    """A triangle with an exclamation mark."""
    c.poly([(50, 6), (96, 90), (4, 90)])
    c.erase()
    c.line((50, 36), (50, 62), 10)
    c.circle((50, 76), 6)
    c.ink()


def icon_news(c: Canvas) -> None:
    """A folded newspaper."""
    c.rect(10, 16, 90, 86, 5)
    c.erase()
    c.rect(18, 24, 82, 36)
    c.rect(18, 44, 46, 66)
    for y in (46, 56, 66, 76):
        c.rect(54, y, 82, y + 4)
    c.rect(18, 74, 46, 78)
    c.ink()


def icon_event(c: Canvas) -> None:
    """A lightning bolt: something happened."""
    c.poly([(58, 4), (18, 56), (46, 56), (38, 96), (82, 40), (54, 40), (66, 4)])


def icon_info(c: Canvas) -> None:
    """A circle with an 'i': more information, the glossary."""
    c.circle((50, 50), 44)
    c.erase()
    c.circle((50, 28), 7)
    c.rect(43, 42, 57, 76, 2)
    c.rect(36, 70, 64, 78, 2)
    c.ink()


def icon_check(c: Canvas) -> None:
    """A tick mark: done, passed."""
    c.polyline([(12, 52), (38, 78), (88, 22)], 14)


def icon_cross(c: Canvas) -> None:
    """A cross: failed, closed."""
    c.line((18, 18), (82, 82), 14)
    c.line((82, 18), (18, 82), 14)


def icon_gear(c: Canvas) -> None:
    """A cog: settings."""
    for i in range(8):
        a = i * 45
        c.poly(
            _rotated_rect(
                50 + 38 * math.cos(math.radians(a)),
                50 + 38 * math.sin(math.radians(a)),
                14,
                16,
                a + 90,
            )
        )
    c.circle((50, 50), 34)
    c.erase()
    c.circle((50, 50), 13)
    c.ink()


def icon_hourglass(c: Canvas) -> None:
    """An hourglass: the end of a turn."""
    c.rect(16, 6, 84, 14, 3)
    c.rect(16, 86, 84, 94, 3)
    c.poly([(22, 14), (78, 14), (54, 50), (78, 86), (22, 86), (46, 50)])
    c.erase()
    c.poly([(32, 20), (68, 20), (50, 44)])
    c.poly([(50, 62), (60, 80), (40, 80)])
    c.ink()
    c.poly([(40, 24), (60, 24), (50, 38)])
    c.poly([(50, 68), (56, 80), (44, 80)])


def icon_lock(c: Canvas) -> None:
    """A padlock: not yet available."""
    c.ring((50, 38), 22, 9)
    c.erase()
    c.rect(20, 40, 80, 60)
    c.ink()
    c.rect(24, 38, 33, 48)
    c.rect(67, 38, 76, 48)
    c.rect(16, 46, 84, 92, 8)
    c.erase()
    c.circle((50, 64), 7)
    c.rect(46, 64, 54, 80, 2)
    c.ink()


def icon_flag(c: Canvas) -> None:
    """A flag on a pole: a goal reached."""
    c.line((22, 94), (22, 8), 7)
    c.poly([(22, 10), (88, 26), (22, 50)])


def icon_route(c: Canvas) -> None:
    """Two waypoints joined by a winding path: a pathway."""
    c.circle((20, 78), 12)
    c.erase()
    c.circle((20, 78), 5)
    c.ink()
    pts = [(20 + 60 * t + 16 * math.sin(t * 2 * math.pi), 78 - 56 * t) for t in (i / 16 for i in range(17))]
    c.polyline(pts[2:-2], 6)
    c.poly([(80, 6), (96, 22), (80, 38), (64, 22)])


ICONS: dict[str, Callable[[Canvas], None]] = {
    # scores
    "equity": icon_equity,
    "participation": icon_participation,
    "resilience": icon_resilience,
    "support": icon_support,
    # segments
    "firm": icon_firm,
    "coop": icon_coop,
    "council": icon_council,
    # elite tactics
    "capital_flight": icon_capital_flight,
    "consolidation": icon_consolidation,
    "credit_strike": icon_credit_strike,
    "media_campaign": icon_media_campaign,
    "legal_challenge": icon_legal_challenge,
    "price_undercutting": icon_price_undercutting,
    "counter_revolution": icon_counter_revolution,
    # resources
    "money": icon_money,
    "organisers": icon_organisers,
    "political_capital": icon_political_capital,
    # action categories
    "education": icon_education,
    "law": icon_law,
    "finance": icon_finance,
    "organising": icon_organising,
    "mutual_aid": icon_mutual_aid,
    "defence": icon_defence,
    # interface
    "warning": icon_warning,
    "news": icon_news,
    "event": icon_event,
    "info": icon_info,
    "check": icon_check,
    "cross": icon_cross,
    "gear": icon_gear,
    "hourglass": icon_hourglass,
    "lock": icon_lock,
    "flag": icon_flag,
    "route": icon_route,
}


def render_icon(name: str, size: int) -> pygame.Surface:
    """Draw one icon at MASTER size and smooth it down to `size` pixels."""
    canvas = Canvas(MASTER)
    ICONS[name](canvas)
    surf = canvas.surface
    # Halve step by step: smoother edges than one big smoothscale.
    while surf.get_width() // 2 >= size:
        surf = pygame.transform.smoothscale(surf, (surf.get_width() // 2, surf.get_height() // 2))
    if surf.get_width() != size:
        surf = pygame.transform.smoothscale(surf, (size, size))
    return surf


def write_all(out: Path) -> list[Path]:
    written = []
    for size in SIZES:
        folder = out / str(size)
        folder.mkdir(parents=True, exist_ok=True)
        for name in ICONS:
            path = folder / f"{name}.png"
            pygame.image.save(render_icon(name, size), str(path))
            written.append(path)
    return written


def contact_sheet(path: Path) -> None:
    """A preview of every icon at 32 and 64 px on dark and light grounds (for review)."""
    names = list(ICONS)
    cols = 11
    rows = math.ceil(len(names) / cols)
    cell = 80
    sheet = pygame.Surface((cols * cell * 2, rows * cell * 2))
    for half, (bg, fg) in enumerate((((27, 35, 48), (242, 237, 228)), ((242, 237, 228), (27, 35, 48)))):
        for i, name in enumerate(names):
            for j, size in enumerate((64, 32)):
                x = (i % cols) * cell + half * cols * cell
                y = (i // cols) * cell + j * rows * cell
                sheet.fill(bg, (x, y, cell, cell))
                icon = render_icon(name, size).copy()
                icon.fill((*fg, 255), special_flags=pygame.BLEND_RGBA_MULT)
                sheet.blit(icon, (x + (cell - size) // 2, y + (cell - size) // 2))
    pygame.image.save(sheet, str(path))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent.parent / "assets" / "icons"
    )
    parser.add_argument("--sheet", type=Path, help="also write a contact sheet PNG here")
    args = parser.parse_args()
    pygame.init()
    written = write_all(args.out)
    if args.sheet:
        contact_sheet(args.sheet)
    print(f"wrote {len(written)} icons to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
