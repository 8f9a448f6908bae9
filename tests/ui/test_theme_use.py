"""The screens draw with the theme, not with constants of their own: no colour constants in
game.ui.palette, nothing reads a palette constant, and every corner radius, icon size,
padding, gap and panel size comes from the theme's spacing (a theme file changes them all)."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from game.resources import assets_dir
from game.theme_spacing import scale_fields
from game.ui import palette

UI = Path(__file__).resolve().parents[2] / "game" / "ui"
FILES = sorted(UI.rglob("*.py"))


def _calls(tree: ast.AST, name: str) -> list[ast.Call]:
    return [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == name
    ]


def _literal_px(node: ast.AST) -> bool:
    """`ctx.px(12)`: a size written in the code instead of read from the theme."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "px"
        and bool(node.args)
        and isinstance(node.args[0], ast.Constant)
    )


def test_the_palette_module_holds_no_colours() -> None:
    tree = ast.parse(Path(palette.__file__).read_text(encoding="utf-8"))
    assigned = [
        t.id for n in tree.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)
    ]
    assert assigned == ["__all__"]
    assert all(callable(getattr(palette, name)) or name == "Colour" for name in palette.__all__)


def test_screens_use_only_the_palettes_arithmetic() -> None:
    allowed = set(palette.__all__)
    found = []
    for path in FILES:
        for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "palette":
                if n.attr not in allowed:
                    found.append(f"{path.relative_to(UI)}:{n.lineno} palette.{n.attr}")
    assert not found, found


def test_corner_radii_and_icon_sizes_come_from_the_theme() -> None:
    found = []
    for path in FILES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            for kw in call.keywords:
                if kw.arg == "border_radius" and _literal_px(kw.value):
                    found.append(f"{path.relative_to(UI)}:{call.lineno} border_radius")
        for call in _calls(tree, "draw"):
            if isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Attribute):
                if call.func.value.attr == "icons" and len(call.args) >= 4 and _literal_px(call.args[3]):
                    found.append(f"{path.relative_to(UI)}:{call.lineno} icon size")
    assert not found, found


GAME = UI.parent
SCALE = {f.name for f in scale_fields()}
THEME_SPACING = json.loads((assets_dir() / "theme.json").read_text(encoding="utf-8"))["spacing"]


def _px_calls(tree: ast.AST) -> list[ast.Call]:
    """`ctx.px(...)`, `self.px(...)`, `px(...)`: design pixels scaled in the code."""
    return [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
        and (
            isinstance(n.func, ast.Attribute)
            and n.func.attr == "px"
            or isinstance(n.func, ast.Name)
            and n.func.id == "px"
        )
    ]


def _sizes_in(node: ast.AST) -> list[str]:
    """Numbers and module constants (UPPER_CASE names) inside a px() argument."""
    out = []
    for n in ast.walk(node):
        if isinstance(n, ast.Constant) and isinstance(n.value, int | float) and not isinstance(n.value, bool):
            out.append(repr(n.value))
        elif isinstance(n, ast.Name) and n.id.isupper():
            out.append(n.id)
    return out


def test_layout_sizes_come_from_the_themes_spacing() -> None:
    """No `ctx.px(12)` in game/ui: every padding, gap, row height, panel width and chart margin
    is a named size of the theme's spacing (`ctx.space.pad`, `ctx.space.chart.axis_gap`), so a
    theme file changes it."""
    found = []
    for path in FILES:
        for call in _px_calls(ast.parse(path.read_text(encoding="utf-8"))):
            sizes = [s for arg in call.args for s in _sizes_in(arg)]
            if sizes:
                found.append(f"{path.relative_to(UI)}:{call.lineno} px({', '.join(sizes)})")
    assert not found, f"{len(found)} inline sizes: {found}"


def _space_reads(tree: ast.AST) -> list[tuple[str, ...]]:
    """Every `….space.NAME` and `….space.GROUP.NAME` read (also through a local `space`)."""

    def is_space(node: ast.AST) -> bool:
        return (isinstance(node, ast.Attribute) and node.attr == "space") or (
            isinstance(node, ast.Name) and node.id == "space"
        )

    # `hd = ctx.space.turn_header` then `hd.title_top`: a group under a short local name
    aliases = {
        n.targets[0].id: n.value.attr
        for n in ast.walk(tree)
        if isinstance(n, ast.Assign)
        and len(n.targets) == 1
        and isinstance(n.targets[0], ast.Name)
        and isinstance(n.value, ast.Attribute)
        and is_space(n.value.value)
        and n.value.attr not in SCALE
    }
    named = {
        id(n.value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name) and n.targets[0].id in aliases
    }
    reads: list[tuple[str, ...]] = []
    for n in ast.walk(tree):
        if id(n) in named:
            continue  # the alias's own reads count, not the whole group
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id in aliases:
            reads.append((aliases[n.value.id], n.attr))
        elif isinstance(n, ast.Attribute) and is_space(n.value):
            reads.append((n.attr,))
        elif isinstance(n, ast.Attribute) and isinstance(n.value, ast.Attribute) and is_space(n.value.value):
            reads.append((n.value.attr, n.attr))
    return reads


def test_every_size_the_code_reads_is_in_the_theme_and_every_size_is_read() -> None:
    """theme.json is the list of sizes: a misspelt name fails here rather than on screen, and
    a size no screen reads any more does not linger in the file a modder edits."""
    scale = SCALE
    groups = {k: {n for n in v if n != "about"} for k, v in THEME_SPACING.items() if isinstance(v, dict)}
    read: set[tuple[str, ...]] = set()
    unknown = []
    for path in sorted(GAME.rglob("*.py")):
        for name in _space_reads(ast.parse(path.read_text(encoding="utf-8"))):
            if name[0] in groups:
                if len(name) == 2 and name[1] not in groups[name[0]] | {"names", "scaled"}:
                    unknown.append(f"{path.relative_to(GAME)}: space.{'.'.join(name)}")
                read.add(name if len(name) == 2 else (name[0], "*"))
            elif name[0] in scale:
                read.add(name[:1])
            elif name[0] not in ("groups", "scaled"):
                unknown.append(f"{path.relative_to(GAME)}: space.{name[0]}")
    assert not unknown, unknown
    unread = [n for n in sorted(scale) if (n,) not in read]
    unread += [
        f"{g}.{n}" for g, names in groups.items() if (g, "*") not in read for n in names if (g, n) not in read
    ]
    assert not unread, f"sizes in theme.json that nothing reads: {unread}"
