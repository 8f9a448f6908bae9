"""Flat memory: 8,000 monkey events with 64 scale changes (tools/monkey.py) keep the resident
memory within a bound. Before the fix, 3,000 such events took the process past 1 GB; the
20,000-event run in docs/reliability.md is the long version (about five times slower)."""

from __future__ import annotations

import sys

import pytest

from tools import monkey

GROWTH_MB = 300  # end minus start
PEAK_GROWTH_MB = 500


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="resident memory read from /proc")
@pytest.mark.timeout(1200)
def test_eight_thousand_monkey_events_with_scale_changes_keep_memory_flat() -> None:
    result = monkey.play(8_000, seed=11, scale_every=125, per_frame=25, sample_every=2000)
    assert result["events"] == 8_000 and result["scale_changes"] >= 60
    curve = ", ".join(f"{n}: {mb:.0f} MB" for n, mb in result["curve"])
    assert result["end_mb"] - result["start_mb"] < GROWTH_MB, curve
    assert result["peak_mb"] - result["start_mb"] < PEAK_GROWTH_MB, curve
