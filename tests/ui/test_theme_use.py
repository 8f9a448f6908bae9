"""The screens draw with the theme, not with constants of their own: no colour constants in
game.ui.palette, nothing reads a palette constant, and every corner radius and icon size
comes from the theme's spacing (a theme file changes them all)."""

from __future__ import annotations

import ast
from pathlib import Path

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
