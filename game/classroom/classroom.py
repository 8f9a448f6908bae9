"""The classroom's state behind the server: one council play, its join code, the teacher's
key, the open vote and the groups' connections. No networking here: the aiohttp server and
the projector's scene both call these methods (under `lock`, from different threads).
"""

from __future__ import annotations

import random
import secrets
import threading
import time
from collections.abc import Callable
from typing import Any

from game import level_words
from game.classroom.outcome import compare
from game.classroom.play import CouncilPlay, Group, PlayError, automatic_play
from game.classroom.texts import council_name, error_text, good_name
from game.classroom.views import board, council_view, preview
from game.classroom.votes import Vote, VoteError
from game.i18n import N_

ROUND_SECONDS = 90.0
MAX_GROUPS = 40
MAX_OPTIONS = 4


def join_code() -> str:
    """Six digits, from the system's randomness (never from the game's seed)."""
    return f"{random.SystemRandom().randrange(100_000, 1_000_000)}"


class Classroom:
    def __init__(
        self,
        play: CouncilPlay,
        tr: Callable[[str], str] = lambda s: s,
        clock: Callable[[], float] = time.monotonic,
        code: str | None = None,
        on_finish: Callable[[CouncilPlay], Any] | None = None,
        session: Any = None,
    ) -> None:
        self.play = play
        self.tr = tr
        self.clock = clock
        self.code = code or join_code()
        self.teacher_key = secrets.token_urlsafe(16)
        self.lock = threading.RLock()
        self.vote: Vote | None = None
        self.votes: list[Vote] = []
        self.version = 0  # bumped on every change the pages must see
        self.outcome: dict[str, Any] | None = None
        self.on_finish = on_finish
        self.session = session  # a ClassSession: the class's game, whose turns votes decide
        # the goods by the level's own names (its `words.goods`), in the class's language
        self.goods: dict[str, str] = (
            {g: level_words.good(session.level, g, session.tr) for g in level_words.GOODS}
            if session is not None
            else {}
        )

    def _changed(self) -> None:
        self.version += 1
        if self.play.finished and self.outcome is None:
            auto = automatic_play(self.play.ce, self.play.threshold, self.play.max_rounds)
            self.outcome = compare(self.play, auto)
            if self.on_finish is not None:
                self.on_finish(self.play)

    # --- students -------------------------------------------------------------------
    def join(self, code: str, name: str) -> Group:
        with self.lock:
            if not secrets.compare_digest(str(code).strip(), self.code):
                raise PlayError("bad_code", "wrong join code")
            g = self.play.add_group(name)
            self._changed()
            return g

    def rejoin(self, token: str) -> Group:
        with self.lock:
            g = self.play.by_token(token)
            if g is None:
                raise PlayError("not_joined", "unknown group")
            self.play.reconnect(g.id)
            self._changed()
            return g

    def leave(self, group_id: str) -> None:
        with self.lock:
            if group_id in self.play.groups:
                self.play.disconnect(group_id, self.clock())
                self._changed()

    def propose(self, group_id: str, quantities: Any) -> None:
        with self.lock:
            self.play.propose(group_id, quantities)
            self._changed()
            self.play.tick(self.clock())  # the last awaited proposal closes the round
            self._changed()

    def preview(self, group_id: str, quantities: Any) -> dict[str, Any]:
        with self.lock:
            g = self.play.groups[group_id]
            q = self.play.validate(g.council, quantities)
            return preview(self.play, g.council, q)

    def cast(self, group_id: str, vote_id: str, option: str) -> None:
        with self.lock:
            if self.vote is None or self.vote.id != vote_id:
                raise VoteError("no_vote", "no such vote is open")
            self.vote.cast(group_id, option)
            self._changed()

    # --- the teacher --------------------------------------------------------------------
    def start(self) -> None:
        with self.lock:
            self.play.start(self.clock())
            self._changed()

    def close_round(self) -> None:
        with self.lock:
            self.play.close_round(self.clock())
            self._changed()

    def stop(self) -> None:
        with self.lock:
            self.play.stop()
            self._changed()

    def open_vote(self, vote: Vote) -> None:
        with self.lock:
            if self.vote is not None and not self.vote.closed:
                self.vote.close()
            self.vote = vote
            self.votes.append(vote)
            self._changed()

    def set_hands(self, option: str, hands: int) -> None:
        with self.lock:
            if self.vote is None:
                raise VoteError("no_vote", "no vote is open")
            self.vote.set_hands(option, hands)
            self._changed()

    def close_vote(self) -> str:
        with self.lock:
            if self.vote is None:
                raise VoteError("no_vote", "no vote is open")
            winner = self.vote.close()
            self._changed()
            return winner

    # --- the class's game (votes decide its turns) ----------------------------------------
    def _session(self) -> Any:
        if self.session is None:
            raise VoteError("no_game", "this classroom plays no game")
        return self.session

    def vote_event(self, mode: str) -> Vote:
        with self.lock:
            v = self._session().event_vote(mode)
            self.open_vote(v)
            return v

    def vote_actions(self, mode: str, action_ids: list[str] | None = None) -> Vote:
        """Put some of this turn's playable actions to the class (by default the first
        MAX_OPTIONS the level lists)."""
        with self.lock:
            s = self._session()
            if action_ids is None:
                playable = s.sim.playable([])
                action_ids = [a for a, why in playable.items() if not why][:MAX_OPTIONS]
            v = s.action_vote(action_ids, self.tr(N_("Which action should we take this turn?")), mode)
            self.open_vote(v)
            return v

    def play_turn(self) -> Any:
        with self.lock:
            s = self._session()
            if s.finished:
                raise VoteError("game_over", "the class's game is over")
            if self.vote is not None and not self.vote.closed:
                self.vote.close()
            rep = s.play_turn()
            self.vote = None
            self._changed()
            return rep

    def game_state(self) -> dict[str, Any] | None:
        s = self.session
        if s is None:
            return None
        from game.i18n import pick

        with self.lock:
            finished = s.finished
            ev = None if finished else s.sim.setup().event
            last = s.reports[-1] if s.reports else None
            return {
                "turn": s.sim.turn,
                "turns": s.turns,
                "finished": finished,
                "event": None if ev is None else pick(ev.title, s.lang),
                "scores": dict(last["scores"]) if last else dict(s.sim.start.scores),
                "last_actions": list(last["actions"]) if last else [],
            }

    def tick(self) -> bool:
        with self.lock:
            before = (self.play.round, self.play.status, tuple(g.away for g in self.play.groups.values()))
            self.play.tick(self.clock())
            after = (self.play.round, self.play.status, tuple(g.away for g in self.play.groups.values()))
            if after != before:
                self._changed()
                return True
            return False

    # --- what the pages show ------------------------------------------------------------
    def vote_state(self, group_id: str | None = None) -> dict[str, Any] | None:
        v = self.vote
        if v is None:
            return None
        rec = v.record()
        if group_id is not None:
            rec["mine"] = v.ballots.get(group_id)
        return rec

    def group_state(self, group_id: str) -> dict[str, Any]:
        with self.lock:
            g = self.play.groups[group_id]
            c = g.council
            view = council_view(self.play, g)
            view["name"] = council_name(self.tr, c.kind, c.good, c.number, self.goods)
            view["group"] = g.name
            view["goods_names"] = [good_name(self.tr, x, self.goods) for x in view["goods"]]
            view["taken_over"] = bool(
                self.play.history
                and g.id in self.play.history[-1].taken_over
                and g.id not in self.play.submitted
            )
            view["seconds_left"] = (
                None if self.play.deadline is None else max(0.0, self.play.deadline - self.clock())
            )
            view["threshold"] = self.play.threshold
            view["max_excess"] = self.play.history[-1].max_excess if self.play.history else None
            return {
                "type": "state",
                "you": view,
                "vote": self.vote_state(group_id),
                "outcome": self.outcome,
                "finished": self.play.finished,
            }

    def board_state(self) -> dict[str, Any]:
        with self.lock:
            b = board(self.play, self.clock())
            b["goods_names"] = [good_name(self.tr, x, self.goods) for x in b["goods"]]
            for row in b["groups"]:
                row["council_name"] = council_name(
                    self.tr, row["kind"], row["good"], self.play.groups[row["id"]].council.number, self.goods
                )
            return {
                "type": "board",
                "board": b,
                "vote": self.vote_state(),
                "outcome": self.outcome,
                "code": self.code,
                "game": self.game_state(),
            }

    def error(self, exc: PlayError | VoteError) -> dict[str, Any]:
        params = getattr(exc, "params", {})
        return {
            "type": "error",
            "code": exc.code,
            "message": error_text(self.tr, exc.code, params, self.goods),
            "params": params,
        }
