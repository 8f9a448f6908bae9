"""The simulation stays free of the UI and of files: numpy (and the validated level models)
only, so it runs headless, fast and deterministic."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SIM = Path(__file__).resolve().parents[2] / "game" / "sim"
FORBIDDEN = {"pygame", "pygame_gui", "yaml", "platformdirs"}


def test_no_module_under_game_sim_imports_pygame_or_yaml() -> None:
    offenders = []
    for path in SIM.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for n in names:
                if n.split(".")[0] in FORBIDDEN:
                    offenders.append(f"{path.name}: {n}")
    assert not offenders, offenders


def test_importing_the_engine_loads_no_pygame() -> None:
    code = (
        "import sys, game.sim.engine, game.sim.planning; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'pygame', 'pygame_gui', 'yaml'}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=SIM.parents[1]
    )
    assert out.stdout.strip() == "[]"
