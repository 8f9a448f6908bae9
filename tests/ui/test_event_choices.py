"""The event dialog offers only the choices whose `when` held as the event fired (issue 13,
review M2): the estate sale's pre-emption appears under the first-purchase law and not
before it."""

from __future__ import annotations

from game.levels.catalog import load_catalog
from game.ui.scenes.turn import parts
from game.ui.session import Session
from tests.sim.test_choice_when import _auction_after


def _dialog_keys(make_app, law_turn: int | None) -> list[str]:
    sim, seed = _auction_after(law_turn)
    loaded = load_catalog(include_user=False).find("land_commons")
    session = Session(loaded, seed)
    session.sim = sim  # the game as played up to the estate sale
    app = make_app()
    dialog = parts.event_dialog(app, sim.setup().event, session, None, lambda _c: None)
    return [c.key for c in dialog.choices]


def test_the_pre_emption_button_shows_only_under_the_law(make_app) -> None:
    assert _dialog_keys(make_app, None) == ["let_it_go", "outbid", "part_of_it"]
    assert _dialog_keys(make_app, 3) == ["let_it_go", "outbid", "part_of_it", "pre_empt"]
