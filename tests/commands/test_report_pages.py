"""The printed debrief is as long as docs/teachers.md says: the guide's own example, printed
to PDF by headless Chromium (Letter, no header or footer), has the number of pages the guide
gives a teacher planning the photocopies."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}


def test_the_guides_example_prints_on_the_pages_it_says(tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium is not installed")
    guide = (ROOT / "docs" / "teachers.md").read_text(encoding="utf-8")
    said = re.search(r"prints on (\w+) Letter pages", guide)
    assert said is not None, "teachers.md says how many pages the debrief prints on"
    run = tmp_path / "run.json"
    sim = [sys.executable, "main.py", "simulate", "coop_network", "--seed", "42"]
    sim += ["--actions", "levels/plans/coop_network.yaml", "--json"]
    out = subprocess.run(sim, cwd=ROOT, capture_output=True, text=True, timeout=240, check=True)
    run.write_text(out.stdout, encoding="utf-8")
    report = [sys.executable, "main.py", "report", str(run), "--out", str(tmp_path / "debrief")]
    subprocess.run(report, cwd=ROOT, capture_output=True, timeout=240, check=True)
    pdf = tmp_path / "debrief.pdf"
    args = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"]
    args += [f"--print-to-pdf={pdf}", (tmp_path / "debrief" / "report.html").as_uri()]
    subprocess.run(args, capture_output=True, timeout=240)
    if not pdf.is_file():
        pytest.skip("Chromium could not print here")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
    assert pages == NUMBERS[said.group(1)], (
        f"the debrief prints on {pages} pages; teachers.md says {said.group(1)}"
    )
