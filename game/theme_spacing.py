"""The theme's spacing block, typed: the shared scale of paddings, gaps, radii, line widths and
icon sizes (`Spacing`'s fields), and one named group of sizes per component or screen (a card,
a chart, the turn screen's layout...) so that a theme file changes every size the screens draw
with. Sizes are design pixels at 100%; `Spacing.scaled` gives them at a UI scale, each rounded
on its own (exactly what the screens computed before the sizes were data).

Why groups are read by name and not declared twice: theme.json is the one list of the sizes
(with an `about` per group); `tests/ui/test_theme_use.py` checks that every size the code reads
is in theme.json and that theme.json holds none the code does not read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any


class SpacingError(ValueError):
    """A spacing block that cannot be used (game.theme_data turns it into a ThemeError)."""


class Sizes:
    """One named group of sizes (`ctx.space.card.band_pad`), read by attribute."""

    __slots__ = ("_group", "_values")
    _group: str
    _values: Mapping[str, int]

    def __init__(self, group: str, values: Mapping[str, int]) -> None:
        object.__setattr__(self, "_group", group)
        object.__setattr__(self, "_values", MappingProxyType(dict(values)))

    def __getattr__(self, name: str) -> int:
        try:
            return int(self._values[name])
        except KeyError:
            raise AttributeError(f"spacing.{self._group} has no size '{name}'") from None

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a theme's sizes cannot be changed")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sizes) and (self._group, dict(self._values)) == (
            other._group,
            dict(other._values),
        )

    def __hash__(self) -> int:
        return hash((self._group, tuple(sorted(self._values.items()))))

    def __repr__(self) -> str:
        return f"Sizes({self._group!r}, {dict(self._values)!r})"

    def names(self) -> tuple[str, ...]:
        return tuple(self._values)

    def scaled(self, scale: float) -> Sizes:
        return Sizes(self._group, {k: round(v * scale) for k, v in self._values.items()})


@dataclass(frozen=True)
class Spacing:
    """The shared scale in design pixels (at 100%) and the groups of component sizes;
    `ctx.space` holds them at the current UI scale."""

    hair: int  # thinnest rule: chart grid, outline of a mark
    tiny: int  # an optical nudge of a text or mark by a pixel or two
    line: int  # border of a panel or a selected card, a gauge tick
    ring: int  # focus ring and the highlight of a chosen row
    nudge: int  # a text's small offset from what it labels
    stripe: int  # width of a coloured bar that marks a kind (news, panel accent, bullet)
    tight: int  # gap between a value and its change, a bullet and its text
    gap: int  # space between neighbours in a row
    inset: int  # inside a small item (a gauge, a news item, a tooltip); between cards
    pad: int  # inside a panel, from its edge to its content
    panel_pad: int  # inside a titled panel or a text panel
    margin: int  # between panels and from the screen's edge
    section: int  # between sections of a screen
    screen_margin: int  # from the screen's left and right edges to its content
    below_header: int  # from a screen's title band to its content
    dialog_pad: int  # inside a dialog box
    radius_mark: int  # bars, swatches and marks inside a chart
    radius_label: int  # a label's box on a chart line
    radius_small: int  # tags and tooltips
    radius: int  # buttons, strips, list rows
    radius_card: int  # cards, option rows, slots
    radius_panel: int  # panels and charts
    radius_map: int  # the pathways map
    radius_dialog: int  # dialogs
    icon_small: int  # icons in running text
    icon_list: int  # icons of a list row or a strip
    icon: int  # icons beside a label
    icon_mark: int  # a state mark (chosen, locked) and a score's icon in a list
    icon_large: int  # icons of a panel's title
    icon_header: int  # the screen header's icon
    scrollbar: int  # width of a scroll bar
    thumb: int  # shortest a scroll bar's thumb gets
    arrow: int  # a choice row's left and right arrows
    bullet_indent: int  # a bulleted line's indent
    button_pad_x: int  # a button's label from its left and right edges
    button_pad_y: int  # a button's label from its top and bottom edges
    # the sizes of one component or screen each, by group name (theme.json lists them)
    groups: Mapping[str, Sizes] = field(default_factory=lambda: MappingProxyType({}))

    def __getattr__(self, name: str) -> Sizes:
        groups = self.__dict__.get("groups")
        if name.startswith("_") or groups is None or name not in groups:
            raise AttributeError(f"spacing has no size or group '{name}'")
        return groups[name]

    def scaled(self, scale: float) -> Spacing:
        return Spacing(
            **{f.name: round(getattr(self, f.name) * scale) for f in scale_fields()},
            groups=MappingProxyType({k: g.scaled(scale) for k, g in self.groups.items()}),
        )


def scale_fields() -> tuple[Any, ...]:
    return tuple(f for f in fields(Spacing) if f.name != "groups")


def _size(path: Path, where: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise SpacingError(f"{path}: {where}: a whole number of pixels is needed (got {value!r})")
    return value


def _shape(data: Mapping[str, Any]) -> dict[str, set[str]]:
    return {k: {n for n in v if n != "about"} for k, v in data.items() if isinstance(v, dict)}


def read_spacing(path: Path, data: Any, reference: Mapping[str, Any] | None = None) -> Spacing:
    """The spacing block of the theme file at `path`. A theme other than theme.json passes
    theme.json's block as `reference`: it may change sizes, not invent or drop them (a
    misspelt name would otherwise change nothing, silently)."""
    if not isinstance(data, dict):
        raise SpacingError(f"{path}: spacing: missing or not an object")
    scale = {f.name: _size(path, f"spacing.{f.name}", data.get(f.name)) for f in scale_fields()}
    groups = {}
    for key, value in data.items():
        if key in scale or key == "about":
            continue
        if not isinstance(value, dict):
            raise SpacingError(f"{path}: spacing.{key}: not a size of the scale nor a group of sizes")
        groups[key] = Sizes(
            key, {n: _size(path, f"spacing.{key}.{n}", v) for n, v in value.items() if n != "about"}
        )
    if reference is not None:
        mine, known = _shape(data), _shape(reference)
        for group in sorted(set(mine) | set(known)):
            for name in sorted(mine.get(group, set()) ^ known.get(group, set())):
                what = "theme.json has no such size" if name in mine.get(group, set()) else "missing"
                raise SpacingError(f"{path}: spacing.{group}.{name}: {what}")
    return Spacing(**scale, groups=MappingProxyType(groups))
