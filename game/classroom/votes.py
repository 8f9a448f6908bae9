"""Class votes: an action or an event choice put to the class.

Two ways to count: hands counted by the teacher and typed in on the projector (`hands`), or
one vote per group from the students' pages (`groups`, a group may change its vote until the
teacher closes it). The option with the most votes wins; a tie goes to the option listed
first (for an event that is the level's default choice, which the simulation keeps free; for
actions, the order the teacher put them in). The record keeps every count for the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_HANDS = 999


class VoteError(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Vote:
    id: str
    kind: str  # "action" | "event"
    question: str
    options: list[tuple[str, str]]  # (id, label), in tie-break order
    mode: str  # "hands" | "groups"
    turn: int = 0
    subject: str = ""  # the event id for an event vote
    counts: dict[str, int] = field(default_factory=dict)
    ballots: dict[str, str] = field(default_factory=dict)  # group id -> option id
    closed: bool = False
    winner: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in ("action", "event"):
            raise VoteError("bad_kind", f"a vote is about an action or an event, not {self.kind!r}")
        if self.mode not in ("hands", "groups"):
            raise VoteError("bad_mode", f"votes are counted by hands or by groups, not {self.mode!r}")
        if len(self.options) < 2:
            raise VoteError("few_options", "a vote needs at least two options")
        ids = [o for o, _ in self.options]
        if len(set(ids)) != len(ids):
            raise VoteError("duplicate_option", "each option may appear once")
        self.counts = {o: 0 for o in ids}

    def option_ids(self) -> list[str]:
        return [o for o, _ in self.options]

    def cast(self, group_id: str, option: str) -> None:
        """One vote per group (the last one counts until the vote closes)."""
        if self.mode != "groups":
            raise VoteError("hands_vote", "this vote is counted by show of hands")
        if self.closed:
            raise VoteError("closed", "the vote is closed")
        if option not in self.counts:
            raise VoteError("unknown_option", f"no option {option!r} in this vote")
        self.ballots[group_id] = option
        self.counts = {o: 0 for o in self.option_ids()}
        for o in self.ballots.values():
            self.counts[o] += 1

    def set_hands(self, option: str, hands: int) -> None:
        """The teacher's count of hands for one option."""
        if self.mode != "hands":
            raise VoteError("group_vote", "this vote is counted from the groups' pages")
        if self.closed:
            raise VoteError("closed", "the vote is closed")
        if option not in self.counts:
            raise VoteError("unknown_option", f"no option {option!r} in this vote")
        if isinstance(hands, bool) or not isinstance(hands, int) or not 0 <= hands <= MAX_HANDS:
            raise VoteError("bad_count", f"a count of hands is a whole number from 0 to {MAX_HANDS}")
        self.counts[option] = hands

    def close(self) -> str:
        """Count and decide; a tie goes to the first listed option."""
        if not self.closed:
            best = max(self.counts.values())
            self.winner = next(o for o in self.option_ids() if self.counts[o] == best)
            self.closed = True
        assert self.winner is not None
        return self.winner

    def record(self) -> dict[str, Any]:
        labels = dict(self.options)
        return {
            "id": self.id,
            "kind": self.kind,
            "turn": self.turn,
            "subject": self.subject,
            "question": self.question,
            "mode": self.mode,
            "options": [{"id": o, "label": labels[o], "votes": self.counts[o]} for o in self.option_ids()],
            "winner": self.winner,
            "winner_label": labels.get(self.winner or "", ""),
            "closed": self.closed,
        }


def event_vote(sim: Any, mode: str, lang: str = "en", vote_id: str = "v1") -> Vote:
    """The class votes on this turn's event choice (the simulation must have an event)."""
    from game.i18n import pick

    setup = sim.setup()
    ev = setup.event
    if ev is None:
        raise VoteError("no_event", "no event happens this turn")
    options = [(c.id, pick(c.label, lang)) for c in sim.open_choices()]  # not those `when` shuts
    return Vote(vote_id, "event", pick(ev.title, lang), options, mode, turn=sim.turn, subject=ev.id)


def action_vote(
    sim: Any, action_ids: list[str], question: str, mode: str, lang: str = "en", vote_id: str = "v1"
) -> Vote:
    """The class chooses one of these actions to play this turn (only playable ones)."""
    from game.i18n import pick

    playable = sim.playable([])
    options = []
    for aid in action_ids:
        if aid not in sim.actions:
            raise VoteError("unknown_action", f"no action {aid!r} in this level")
        if playable.get(aid):
            raise VoteError("unplayable", f"{aid}: {_refusal(sim, playable[aid], lang)}")
        options.append((aid, pick(sim.actions[aid].title, lang)))
    return Vote(vote_id, "action", question, options, mode, turn=sim.turn)


def _refusal(sim: Any, refusal: Any, lang: str) -> str:
    from game.explain import refusal_text
    from game.i18n import load_translator

    return refusal_text(refusal, sim.level, load_translator(lang))


def decision_of(votes: list[Vote]) -> tuple[list[str], dict[str, str]]:
    """The turn's actions and event choices decided by closed votes."""
    actions: list[str] = []
    choices: dict[str, str] = {}
    for v in votes:
        if not v.closed or v.winner is None:
            continue
        if v.kind == "action":
            actions.append(v.winner)
        else:
            choices[v.subject] = v.winner
    return actions, choices
