"""`tools/layout_matrix.py`, the full run of the layout checker: it opens each case asked for,
prints a line per fault and a summary, exits 0 only when nothing was found, and refuses an
unknown scene with exit 2."""

from __future__ import annotations

import pytest

from tools import layout_matrix


def test_a_clean_case_exits_0_with_its_count(capsys: pytest.CaptureFixture[str]) -> None:
    code = layout_matrix.main(
        ["--scenes", "credits", "--scales", "200", "--langs", "es", "--sizes", "1280x720"]
    )
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1].startswith("1 cases, 0 faults"), out
    assert code == 0


def test_an_unknown_scene_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        layout_matrix.main(["--scenes", "nowhere"])
    assert exit_.value.code == 2
    assert "unknown scene(s): nowhere" in capsys.readouterr().err
