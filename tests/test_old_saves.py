"""A save written by an older build still loads and replays.

`data/land_commons_save_v2.json` was written by the game's own session (`Session.to_save`) on
main before the owners' outside capital was renamed (it was `foreign_capital`) and before the
land trust's purchases were bounded by the land that changes hands: seven seasons of the
land_commons plan, seed 2. A save holds the level, the seed and the decisions, not the state,
so it replays through the current simulation; the level file has changed since, which the
game notes (`hash_mismatch`) without refusing the save.
"""

from pathlib import Path

from game.levels.catalog import load_catalog
from game.saves import SAVE_VERSION, parse_save
from game.ui.session import Session

OLD = Path(__file__).parent / "data" / "land_commons_save_v2.json"


def test_a_save_from_before_the_rename_loads_and_replays():
    save = parse_save(OLD.read_bytes())
    assert save.version == SAVE_VERSION and save.level_id == "land_commons"
    loaded = load_catalog([]).find(save.level_id)
    assert loaded is not None
    session = Session.from_save(save, loaded)
    assert len(session.sim.history) == save.summary.turn == 7
    assert len(session.decisions) == 7
    state = session.sim.state
    # the trust (turn 4) and the first-purchase law (turn 5) were played: farms were bought,
    # and their price is the owners' capital outside the home farms
    assert state.played.get("first_purchase_law") == 1
    assert state.owners_outside_capital > 0.01
    assert not hasattr(state, "foreign_capital")
