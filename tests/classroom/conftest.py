from __future__ import annotations

import pytest

from game.classroom.economy import level_economy
from game.levels.catalog import resolve_level


@pytest.fixture(scope="session")
def coop_level():
    return resolve_level("coop_network").level


@pytest.fixture(scope="session")
def class_economy(coop_level):
    return level_economy(coop_level, 1)
