"""The game installs anywhere: a wheel built from this tree, installed into a fresh virtual
environment, gives a `parecon-pathways` command that finds every level and asset inside the
package (run from an unrelated folder, so nothing is read from the source tree)."""

from __future__ import annotations

import os
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


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=600,
    )
    (found,) = out.glob("parecon_pathways-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed; the third-party libraries (pygame-ce, numpy...)
    come from this interpreter's environment through a .pth file, so no download is needed."""
    env_dir = tmp_path_factory.mktemp("venv") / "v"
    venv.create(env_dir, with_pip=False)
    py = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    target = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()}
    (Path(target) / "zz_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", target, str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    # pip --target does not write console scripts: make the entry point as pip would
    script = env_dir / "bin" / "parecon-pathways"
    script.write_text(f"#!{py}\nimport sys\nfrom game.cli import main\nsys.exit(main())\n", encoding="utf-8")
    script.chmod(0o755)
    return env_dir


def test_the_wheel_carries_levels_assets_and_locale(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for level in LEVELS:
        assert f"game/_data/levels/{level}" in names
    assert "game/_data/assets/theme.json" in names
    assert "game/_data/assets/locale/es/LC_MESSAGES/parecon.mo" in names
    assert any(n.startswith("game/_data/assets/fonts/") for n in names)
    assert "parecon_pathways-0.1.0.dist-info/entry_points.txt" in names
    entry = zipfile.ZipFile(wheel).read("parecon_pathways-0.1.0.dist-info/entry_points.txt").decode()
    assert "parecon-pathways = game.cli:main" in entry


@pytest.mark.skipif(os.name == "nt", reason="the script shim is POSIX")
def test_the_installed_command_checks_levels_and_draws(installed: Path, tmp_path: Path) -> None:
    cmd = str(installed / "bin" / "parecon-pathways")
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": ""}
    env["PARECON_DATA_DIR"] = str(tmp_path / "data")
    where = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import game.resources as r; print(r.data_root())"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(installed)) and where.endswith("_data"), where
    check = subprocess.run([cmd, "check"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr
    shipped = len(list((ROOT / "levels").rglob("*.yaml")))
    assert f"{shipped} files checked, 0 errors" in check.stderr
    out = tmp_path / "turn.png"
    shot = subprocess.run(
        [cmd, "screenshot", "turn", "--level", "coop_network", "--lang", "es", "--out", str(out)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert shot.returncode == 0, shot.stdout + shot.stderr
    assert out.stat().st_size > 10_000
