"""The class's plan beside the automatic one: rounds, prices, effort, consumption, and which
groups' revisions moved the plan most. Plain data for the results screen, the projector
page and the class report.

"Moved the plan": each round, the value at that round's prices of the gap between a group's
proposal and what its automatic council would have proposed (Σ p·|q − q_auto|), summed over
the rounds. A group that always took the suggestion moved the plan by 0.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.classroom.play import CouncilPlay
from game.classroom.views import effort


def _final(play: CouncilPlay) -> dict[str, Any]:
    eco = play.ce.economy
    p = play.planner
    last = play.history[-1] if play.history else None
    out: dict[str, Any] = {
        "status": play.status,
        "converged": play.status == "converged",
        "rounds": len(play.history),
        "max_excess": last.max_excess if last else None,
        "prices": dict(zip(eco.good_ids, last.prices, strict=True)) if last else {},
    }
    if p.y_q is None or p.x_q is None or p.cc_q is None:
        out["effort"], out["baskets"] = {}, {}
        return out
    out["effort"] = {}
    out["baskets"] = {}
    for c in play.ce.councils:
        _, idx = play.slots(c)
        if c.kind == "worker":
            q = np.concatenate([[p.y_q[c.index]], p.x_q[idx]])
            out["effort"][c.id] = effort(play, c, q)
        else:
            out["baskets"][c.id] = dict(
                zip([eco.good_ids[g] for g in eco.cc_good[idx]], p.cc_q[idx].tolist(), strict=True)
            )
    return out


def compare(cls: CouncilPlay, auto: CouncilPlay) -> dict[str, Any]:
    """The class's plan and the automatic plan side by side (same economy, same start)."""
    eco = cls.ce.economy
    a, c = _final(auto), _final(cls)
    by_good: dict[str, list[str]] = {}
    for k in cls.ce.councils:
        if k.kind == "worker":
            by_good.setdefault(k.good, []).append(k.id)

    def mean_effort(fin: dict[str, Any], good: str) -> float | None:
        vals = [fin["effort"][i] for i in by_good[good] if i in fin["effort"]]
        return float(np.mean(vals)) if vals else None

    def mean_basket(fin: dict[str, Any]) -> dict[str, float]:
        baskets = list(fin["baskets"].values())
        if not baskets:
            return {}
        return {g: float(np.mean([b[g] for b in baskets])) for g in baskets[0]}

    moved = {g: 0.0 for g in cls.groups}
    for r in cls.history:
        for gid, v in r.moved.items():
            moved[gid] = moved.get(gid, 0.0) + v
    total = sum(moved.values())
    groups = []
    for gid, v in sorted(moved.items(), key=lambda kv: (-kv[1], kv[0])):
        g = cls.groups[gid]
        k = g.council
        row: dict[str, Any] = {
            "group": g.name,
            "council": k.id,
            "kind": k.kind,
            "good": k.good,
            "moved": v,
            "share": v / total if total > 0 else 0.0,
            "proposals": g.proposals,
            "takeovers": g.takeovers,
        }
        if k.kind == "worker":
            row["effort"] = c["effort"].get(k.id)
            row["effort_auto"] = a["effort"].get(k.id)
        else:
            row["basket"] = c["baskets"].get(k.id)
            row["basket_auto"] = a["baskets"].get(k.id)
        groups.append(row)
    goods = list(eco.good_ids)
    return {
        "class": {k: c[k] for k in ("status", "converged", "rounds", "max_excess", "prices")},
        "automatic": {k: a[k] for k in ("status", "converged", "rounds", "max_excess", "prices")},
        "threshold": cls.threshold,
        "effort": {g: {"class": mean_effort(c, g), "automatic": mean_effort(a, g)} for g in by_good},
        "consumption": {"class": mean_basket(c), "automatic": mean_basket(a)},
        "groups": groups,
        "goods": goods,
        "max_excess": {
            "class": [r.max_excess for r in cls.history],
            "automatic": [r.max_excess for r in auto.history],
        },
    }
