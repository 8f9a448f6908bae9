"""The turn being decided, without pygame: the actions chosen, the event's answer, the forecasts
that worker threads are computing (each request numbered, so a late answer to an old request is
dropped) and whether the turn is being played. The scene draws this; tests drive it headless.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.sim.report import Refusal

Forecast = dict[str, float]


@dataclass
class TurnDraft:
    chosen: list[str] = field(default_factory=list)
    choices: dict[str, str] = field(default_factory=dict)
    forecast: Forecast | None = None
    card_forecasts: dict[str, Forecast] = field(default_factory=dict)
    busy: bool = False
    forecast_gen: int = 0
    cards_gen: int = 0
    event_shown_for: int = 0  # the turn whose event dialog has been shown

    def reset(self) -> None:
        """A new turn: nothing chosen, no forecasts yet (pending answers become stale)."""
        self.chosen = []
        self.choices = {}
        self.forecast = None
        self.card_forecasts = {}
        self.forecast_gen += 1

    # --- choosing ---------------------------------------------------------------------
    def can_change(self, finished: bool) -> bool:
        return not self.busy and not finished

    def toggle(self, action_id: str, refusal: Refusal | None) -> bool:
        """Add or remove an action; an action the rules refuse is not added. True if the
        choice changed (a new forecast is then needed)."""
        if action_id in self.chosen:
            self.chosen.remove(action_id)
            return True
        if refusal is not None:
            return False
        self.chosen.append(action_id)
        return True

    def answer(self, event_id: str, choice_id: str) -> None:
        self.choices[event_id] = choice_id

    def answer_or_default(self, event_id: str, default: str) -> None:
        """Before the turn is played: an unanswered event takes its first (free) choice."""
        self.choices.setdefault(event_id, default)

    # --- forecasts --------------------------------------------------------------------
    def request_forecast(self) -> int | None:
        """Forget the shown forecast; the number of the new request, or None when nothing is
        chosen (nothing to forecast)."""
        self.forecast = None
        self.forecast_gen += 1
        return self.forecast_gen if self.chosen else None

    def forecast_done(self, gen: int, result: Forecast | None) -> None:
        if gen == self.forecast_gen:
            self.forecast = result

    def request_cards(self) -> int:
        self.cards_gen += 1
        return self.cards_gen

    def cards_done(self, gen: int, result: dict[str, Forecast]) -> bool:
        """Keep the per-card forecasts if they answer the latest request."""
        if gen != self.cards_gen:
            return False
        self.card_forecasts = result
        return True

    # --- playing ----------------------------------------------------------------------
    def start_playing(self, finished: bool) -> bool:
        """Mark the turn as being played; False if it cannot be (already busy or over)."""
        if not self.can_change(finished):
            return False
        self.busy = True
        return True

    def played(self) -> None:
        self.busy = False

    def event_due(self, turn: int, has_event: bool) -> bool:
        """True once per turn when an event should be shown (and marks it shown)."""
        if not has_event or self.event_shown_for == turn:
            return False
        self.event_shown_for = turn
        return True
