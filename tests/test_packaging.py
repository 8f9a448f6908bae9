"""The game installs anywhere, and nothing is downloaded to install it.

Two installs into fresh virtual environments, each run from an unrelated folder so that
nothing can be read from the source tree:

- `pip install .` (not editable) of a copy of the source tree, as a player with a checkout does;
- `pip install` of the built wheel into its own venv, which is what `pipx install` does.

Both builds use `--no-build-isolation --no-index` (the build backend is this environment's
setuptools) and `--no-deps`; the installed game finds pygame-ce, numpy and the rest through
a folder of links to this environment's libraries (this project's own install left out), so
the installed copy is the only `game` the venv can import.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LEVELS = sorted(p.name for p in (ROOT / "levels").glob("*.yaml"))
POSIX = pytest.mark.skipif(os.name == "nt", reason="the venv layout below is POSIX")
# top-level folders of a checkout that are not source (caches, venvs, earlier builds)
NOT_SOURCE = {".git", "build", "dist", "out", ".pytest_cache", ".hypothesis", ".ruff_cache", ".mypy_cache"}


def _pip(*args: str, cwd: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--no-input", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PIP_NO_INDEX": "1"},
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the source tree: a build writes `build/` and egg-info where it runs, and
    a stale `build/` must not leak removed modules into what is tested."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        top = Path(folder) == ROOT
        return {
            n
            for n in names
            if n == "__pycache__"
            or n.endswith(".egg-info")
            or (top and (n in NOT_SOURCE or n.startswith(".venv")))
            or (n == "_data" and Path(folder).name == "game")
        }

    dest = tmp_path_factory.mktemp("src") / "parecon-pathways"
    shutil.copytree(ROOT, dest, ignore=ignore, symlinks=True)
    return dest


@pytest.fixture(scope="module")
def libraries(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Links to every library of this environment except this project's own install."""
    out = tmp_path_factory.mktemp("libs")
    dirs = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()}
    for folder in sorted(Path(d) for d in dirs if Path(d).is_dir()):
        for entry in folder.iterdir():
            low = entry.name.lower()
            if low.startswith(("parecon_pathways", "__editable__")) or low.endswith(".pth"):
                continue
            if entry.name in ("game", "__pycache__") or (out / entry.name).exists():
                continue
            (out / entry.name).symlink_to(entry)
    return out


def _fresh_venv(where: Path, libraries: Path) -> Path:
    env_dir = where / "venv"
    venv.create(env_dir, with_pip=False)
    py = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(purelib) / "zz_libraries.pth").write_text(f"{libraries}\n", encoding="utf-8")
    return env_dir


@pytest.fixture(scope="module")
def wheel(source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    _pip("wheel", "--no-build-isolation", "--no-deps", "-w", str(out), ".", cwd=source)
    (found,) = out.glob("parecon_pathways-*.whl")
    return found


@pytest.fixture(scope="module")
def pip_installed(source: Path, libraries: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`pip install .` (not editable) into a fresh venv."""
    env_dir = _fresh_venv(tmp_path_factory.mktemp("dot"), libraries)
    py = str(env_dir / "bin" / "python")
    _pip("--python", py, "install", "--no-build-isolation", "--no-deps", ".", cwd=source)
    return env_dir


@pytest.fixture(scope="module")
def wheel_installed(wheel: Path, libraries: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel installed into a venv of its own, as `pipx install WHEEL` does."""
    env_dir = _fresh_venv(tmp_path_factory.mktemp("pipx"), libraries)
    py = str(env_dir / "bin" / "python")
    _pip("--python", py, "install", "--no-deps", str(wheel), cwd=wheel.parent)
    return env_dir


def _run(cmd: list[str], cwd: Path, data: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PARECON_DATA_DIR=str(data))
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_the_wheel_carries_levels_assets_and_locale(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for level in LEVELS:
        assert f"game/_data/levels/{level}" in names
    assert "game/_data/assets/theme.json" in names
    assert "game/_data/assets/locale/es/LC_MESSAGES/parecon.mo" in names
    assert any(n.startswith("game/_data/assets/fonts/") for n in names)
    assert "game/__main__.py" in names
    assert not any("__pycache__" in n or n.startswith("tests/") for n in names)
    entry = zipfile.ZipFile(wheel).read("parecon_pathways-0.1.0.dist-info/entry_points.txt").decode()
    assert "parecon-pathways = game.cli:main" in entry


@POSIX
@pytest.mark.parametrize("install", ["pip_installed", "wheel_installed"])
def test_the_installed_game_checks_and_simulates_every_shipped_level(
    install: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    env_dir: Path = request.getfixturevalue(install)
    py = str(env_dir / "bin" / "python")
    data = tmp_path / "data"
    where = _run(
        [py, "-c", "import game, game.resources as r; print(game.__file__); print(r.data_root())"],
        tmp_path,
        data,
    )
    game_file, root = where.stdout.split()
    assert game_file.startswith(str(env_dir)) and "site-packages" in game_file, where.stdout
    assert root.startswith(str(env_dir)) and root.endswith("_data"), where.stdout

    # the console script pip wrote, and `python -m game`
    check = _run([str(env_dir / "bin" / "parecon-pathways"), "check"], tmp_path, data)
    assert check.returncode == 0, check.stdout + check.stderr
    shipped = len(list((ROOT / "levels").rglob("*.yaml")))
    assert f"{shipped} files checked, 0 errors" in check.stderr
    sim = _run([py, "-m", "game", "simulate", "coop_network", "--lang", "es", "--json"], tmp_path, data)
    assert sim.returncode == 0, sim.stdout + sim.stderr
    run = json.loads(sim.stdout)
    assert run["level"] == "coop_network" and run["title"] == "Una red de cooperativas"
    assert len(run["turns"]) > 1 and run["turns"][0]["causes"]
    assert not list(tmp_path.glob("*.egg-info"))


@POSIX
def test_the_wheel_installed_game_draws_with_its_fonts_and_theme(
    wheel_installed: Path, tmp_path: Path
) -> None:
    out = tmp_path / "turn.png"
    shot = _run(
        [
            str(wheel_installed / "bin" / "parecon-pathways"),
            "screenshot",
            "turn",
            "--level",
            "coop_network",
            "--lang",
            "es",
            "--out",
            str(out),
        ],
        tmp_path,
        tmp_path / "data",
    )
    assert shot.returncode == 0, shot.stdout + shot.stderr
    assert out.stat().st_size > 10_000
