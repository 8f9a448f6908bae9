"""The turn being decided, without pygame or a window: choosing, answering, forecasts that
arrive late, and playing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from game.sim.report import Refusal
from game.ui.scenes.turn.draft import TurnDraft

ROOT = Path(__file__).resolve().parents[3]


def test_the_draft_imports_no_pygame() -> None:
    code = "import sys, game.ui.scenes.turn.draft, game.ui.scenes.turn.text; print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_choosing_and_unchoosing() -> None:
    d = TurnDraft()
    assert d.toggle("a", None) and d.chosen == ["a"]
    assert not d.toggle("b", Refusal("cost", "b", "money", 3, 1)) and d.chosen == ["a"]
    assert d.toggle("a", None) and d.chosen == []


def test_a_late_forecast_is_dropped() -> None:
    d = TurnDraft()
    d.toggle("a", None)
    first = d.request_forecast()
    d.toggle("b", None)
    second = d.request_forecast()
    assert first is not None and second is not None and second > first
    d.forecast_done(first, {"equity": 9.0})
    assert d.forecast is None
    d.forecast_done(second, {"equity": 1.0})
    assert d.forecast == {"equity": 1.0}


def test_nothing_chosen_needs_no_forecast() -> None:
    d = TurnDraft()
    assert d.request_forecast() is None and d.forecast is None


def test_card_forecasts_keep_only_the_latest_request() -> None:
    d = TurnDraft()
    old, new = d.request_cards(), d.request_cards()
    assert not d.cards_done(old, {"a": {"equity": 1.0}}) and d.card_forecasts == {}
    assert d.cards_done(new, {"a": {"equity": 2.0}}) and d.card_forecasts["a"] == {"equity": 2.0}


def test_a_new_turn_forgets_the_last_and_stale_answers() -> None:
    d = TurnDraft()
    d.toggle("a", None)
    d.answer("strike", "support")
    gen = d.request_forecast()
    d.reset()
    assert d.chosen == [] and d.choices == {} and d.card_forecasts == {}
    assert gen is not None
    d.forecast_done(gen, {"equity": 1.0})
    assert d.forecast is None


def test_playing_locks_the_draft_until_the_turn_is_done() -> None:
    d = TurnDraft()
    d.toggle("a", None)
    d.answer_or_default("strike", "ignore")
    d.answer_or_default("strike", "support")
    assert d.choices == {"strike": "ignore"}
    assert d.start_playing(finished=False) and d.busy
    assert not d.start_playing(finished=False)
    assert not d.can_change(finished=False)
    d.played()
    assert d.can_change(finished=False) and not d.can_change(finished=True)


def test_an_event_is_shown_once_per_turn() -> None:
    d = TurnDraft()
    assert not d.event_due(1, has_event=False)
    assert d.event_due(1, has_event=True)
    assert not d.event_due(1, has_event=True)
    assert d.event_due(2, has_event=True)
