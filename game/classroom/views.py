"""What a group sees of its council and what a draft proposal would mean, as plain data.

The hot-seat scene and the students' page both read these (the page asks the server), so the
numbers a group sees are the same whichever way the class plays.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.classroom.economy import Council
from game.classroom.play import CouncilPlay, Group


def effort(play: CouncilPlay, council: Council, q: np.ndarray) -> float:
    """The effort a worker council's output and inputs need: y = A·Πx^b·e^c solved for e
    (economics.md §1 item 2). Infinite when an input is zero but output is not."""
    eco = play.ce.economy
    i = council.index
    _, idx = play.slots(council)
    y, x = float(q[0]), np.asarray(q[1:], dtype=np.float64)
    if y <= 0.0:
        return 0.0
    if np.any(x <= 0.0):
        return float("inf")
    log_e = (np.log(y) - np.log(eco.wc_A[i]) - float(np.sum(eco.wc_b[idx] * np.log(x)))) / eco.wc_c[i]
    return float(np.exp(log_e)) if log_e < 700 else float("inf")


def budget(play: CouncilPlay, council: Council) -> float:
    eco = play.ce.economy
    return float(eco.cc_income[council.index] * eco.cc_count[council.index])


def preview(play: CouncilPlay, council: Council, q: Any) -> dict[str, Any]:
    """Cost and budget (consumers), revenue, input cost, effort and SB/SC (workers), and each
    of the council's goods' excess if this proposal replaced its last one."""
    q = np.asarray(q, dtype=np.float64)
    goods = play.goods_of(council)
    op = play.open
    prices = (op.prices if op is not None else play.planner.p)[goods]
    out: dict[str, Any] = {"spend": (prices * q).tolist()}
    if council.kind == "consumer":
        cost = float(np.sum(prices * q))
        out.update(cost=cost, budget=budget(play, council))
    else:
        revenue = float(prices[0] * q[0])
        inputs = float(np.sum(prices[1:] * q[1:]))
        suggested = play.bounds(council)["auto"] if op is not None else q
        out.update(
            revenue=revenue,
            input_cost=inputs,
            effort=_finite(effort(play, council, q)),
            effort_suggested=_finite(effort(play, council, suggested)),
            sbsc=revenue / inputs if inputs > 0 else None,
        )
    last = play.last(council)
    if last is not None:
        S, D = play.planner.supply.copy(), play.planner.demand.copy()
        delta = q - last
        for k, g in enumerate(goods):
            if council.kind == "worker" and k == 0:
                S[g] += delta[k]
            else:
                D[g] += delta[k]
        before = _signed(play.planner.supply, play.planner.demand)
        after = _signed(S, D)
        eco = play.ce.economy
        out["effect"] = [
            {"good_id": eco.good_ids[g], "before": before[g], "after": after[g]} for g in dict.fromkeys(goods)
        ]
    return out


def _finite(x: float) -> float | None:
    """JSON has no infinity: an impossible effort (an input at zero) is sent as null."""
    return x if np.isfinite(x) else None


def _signed(S: np.ndarray, D: np.ndarray) -> list[float]:
    tot = S + D
    with np.errstate(invalid="ignore", divide="ignore"):
        v = np.where(tot > 0, 2.0 * (D - S) / tot, 0.0)
    return [float(a) for a in v]


def council_view(play: CouncilPlay, group: Group) -> dict[str, Any]:
    """A group's situation this round: its goods, prices, last proposal, the automatic
    council's answer and the limits it must stay within."""
    c = group.council
    eco = play.ce.economy
    goods = play.goods_of(c)
    view: dict[str, Any] = {
        "council": c.id,
        "kind": c.kind,
        "good": c.good,
        "number": c.number,
        "round": play.round,
        "status": play.status,
        "goods": [eco.good_ids[g] for g in goods],
        "proposed": group.id in play.submitted,
    }
    if play.open is not None:
        b = play.bounds(c)
        last = play.last(c)
        view.update(
            prices=play.open.prices[goods].tolist(),
            suggested=b["auto"].tolist(),
            best=b["target"].tolist(),
            lo=b["lo"].tolist(),
            hi=b["hi"].tolist(),
            last=None if last is None else last.tolist(),
            free=play.free(c),
            mine=None if group.id not in play.submitted else play.submitted[group.id].tolist(),
        )
        if c.kind == "consumer":
            view["budget"] = budget(play, c)
    return view


def board(play: CouncilPlay, now: float = 0.0) -> dict[str, Any]:
    """The facilitation board: prices, signed excess per good, who has proposed, the clock."""
    eco = play.ce.economy
    last = play.history[-1] if play.history else None
    prices = play.open.prices if play.open is not None else play.planner.p
    return {
        "status": play.status,
        "round": play.round,
        "threshold": play.threshold,
        "goods": list(eco.good_ids),
        "prices": [float(p) for p in prices],
        "excess": last.excess if last else None,
        "max_excess": [r.max_excess for r in play.history],
        "seconds_left": None if play.deadline is None else max(0.0, play.deadline - now),
        "groups": [
            {
                "id": g.id,
                "name": g.name,
                "council": g.council.id,
                "kind": g.council.kind,
                "good": g.council.good,
                "proposed": g.id in play.submitted,
                "away": g.away,
                "connected": g.connected,
            }
            for g in play.groups.values()
        ],
    }
