"""The import graph of `game/`: no circle anywhere (counting imports inside functions and
under TYPE_CHECKING), the simulation imports only itself, the game service imports no scene."""

from __future__ import annotations

import ast
from pathlib import Path

GAME = Path(__file__).resolve().parents[1] / "game"


def module_name(path: Path) -> str:
    parts = path.relative_to(GAME.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module -> the game modules it imports (from X import Y counts X.Y when it is a module)."""
    paths = {module_name(p): p for p in GAME.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        is_pkg = path.name == "__init__.py"
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    pkg = name.split(".") if is_pkg else name.split(".")[:-1]
                    pkg = pkg[: len(pkg) - node.level + 1]
                    base = ".".join(pkg + ([base] if base else []))
                found.add(base)
                found.update(f"{base}.{a.name}" for a in node.names)
        graph[name] = {m for m in found if m in paths and m != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_the_checker_finds_a_circle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_circle_in_game() -> None:
    graph = import_graph()
    assert len(graph) > 80
    assert cycles(graph) == []


def test_the_simulation_imports_only_the_simulation() -> None:
    graph = import_graph()
    outside = {
        f"{m} -> {d}"
        for m, deps in graph.items()
        if m.startswith("game.sim")
        for d in deps
        if not d.startswith("game.sim") and d != "game"
    }
    assert not outside, sorted(outside)


def test_the_game_service_and_the_stack_import_no_scene() -> None:
    graph = import_graph()

    def reach(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for d in graph[todo.pop()]:
                if d not in seen:
                    seen.add(d)
                    todo.append(d)
        return seen

    for module in ("game.ui.games", "game.ui.scene_stack", "game.ui.host", "game.ui.session"):
        scenes = {
            m
            for m in reach(module)
            if m.startswith("game.ui.scenes") or m in ("game.ui.scene", "game.ui.app")
        }
        assert not scenes, (module, sorted(scenes))


def test_the_printable_reports_import_no_interface() -> None:
    graph = import_graph()
    bad = {
        f"{m} -> {d}"
        for m, deps in graph.items()
        if m.startswith("game.reports")
        for d in deps
        if d.startswith("game.ui")
    }
    assert not bad, sorted(bad)
