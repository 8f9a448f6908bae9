"""Fuzzing in the test suite: hypothesis drives the mutation of levels, decision files,
saves, settings and scenario codes (`tools/fuzz.py`); every mutant ends in a located error or
a playable level, never another exception, within bounded time and memory. The long run is
`python tools/fuzz.py --minutes N`."""

from __future__ import annotations

import resource
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tools import fuzz

MAX_SECONDS = 20.0  # per mutant: a freeze, not a slow machine
MAX_RSS_MB = 2048  # the whole test process, after every mutant


class DataChooser:
    """Mutation choices drawn by hypothesis, so failures shrink to a small mutant."""

    def __init__(self, data: st.DataObject) -> None:
        self.data = data

    def int(self, lo: int, hi: int) -> int:
        return self.data.draw(st.integers(lo, hi))

    def choice(self, items: Sequence[Any]) -> Any:
        return items[self.data.draw(st.integers(0, len(items) - 1))]


def _bounded(kind: str, data: st.DataObject, folder: Path) -> str:
    start = time.monotonic()
    outcome = fuzz.run_one(kind, DataChooser(data), folder)
    took = time.monotonic() - start
    assert took < MAX_SECONDS, f"{kind} mutant took {took:.1f} s"
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert rss_mb < MAX_RSS_MB, f"resident memory reached {rss_mb:.0f} MB"
    return outcome


QUICK = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@pytest.mark.parametrize("kind", fuzz.KINDS)
@QUICK
@given(data=st.data())
def test_mutants_end_in_the_games_own_answer(kind: str, data: st.DataObject, tmp_path_factory) -> None:
    folder = tmp_path_factory.mktemp(kind)
    assert _bounded(kind, data, folder) in {"error", "playable", "stopped", "read", "warned"}


def test_the_long_run_script_reports_its_counts(capsys: pytest.CaptureFixture[str]) -> None:
    """A fixed count of mutants, not a time budget: the same run whatever the machine's load."""
    import json

    runs = []
    for _ in range(2):
        assert fuzz.main(["--mutants", "20", "--seed", "2"]) == 0
        runs.append(json.loads(capsys.readouterr().out.strip().splitlines()[-1]))
    result = runs[0]
    assert result["mutants"] == 20 and result["bugs"] == 0
    assert sum(result["outcomes"].values()) == result["mutants"]
    assert {k.split(":")[0] for k in result["outcomes"]} == set(fuzz.KINDS)  # every kind was tried
    assert runs[1]["outcomes"] == result["outcomes"]  # the seed decides the mutants, not the clock
