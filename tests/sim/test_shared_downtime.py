"""land_commons' machine downtime (issue 13, review m4): `shared_downtime` idles only the
capital the machinery ring lends, which is what the level's texts say ("a machine it lends
stands idle a fifth of the time"). A farm's own machines and those bought on bank credit
wait for the dealer too, but that is the lower productivity of federation farms
(coop_productivity 0.92, which the repair law raises 3%), applied to all their capital;
the downtime is the extra idle time of a machine shared between farms, on top of it. Market
loans between farms outside the ring have none, by design [D]: the same spare capital works
in the borrower either way, but a machine the ring shares in a season serves several farms,
so when it waits for the dealer every borrower's work waits (a timeliness cost); a farm's
own machine serves one farm, and its repair delays are in the productivity."""

from __future__ import annotations

import numpy as np

from game.sim.coop_capital import CoopCapital, allocate
from game.sim.effects import apply_effect
from game.sim.state import State
from tests.sim.experiments import level, run


def _ring(downtime: float, ring: bool = True) -> tuple[CoopCapital, State]:
    sim = run(level("land_commons", tactics=[]), 2)
    s = sim.state.copy()
    if ring:
        act = next(a for a in sim.level.actions if a.id == "machinery_ring")
        for e in act.effects:
            apply_effect(s, e)
    s.params["shared_downtime"] = downtime
    return allocate(s, sim.cal.coop_scale, sim.cal.alpha), s


def test_the_downtime_idles_exactly_the_ring_loans() -> None:
    (idle, s), (busy, _) = _ring(0.2), _ring(0.0)
    borrowed = np.maximum(-busy.coop_loans, 0.0)
    assert float(np.dot(borrowed, s.coops.members)) > 0, "some farms borrow from the ring"
    lost = busy.in_use - idle.in_use
    assert np.allclose(lost, 0.2 * borrowed, atol=1e-12)  # a fifth of what is borrowed
    lenders = busy.coop_loans > 0
    assert np.all(lost[lenders] == 0)  # own and bank-credit capital keep working
    assert np.allclose(idle.bank_loans, busy.bank_loans)


def test_outside_the_ring_no_capital_waits_for_the_shared_machines() -> None:
    """Without the ring (market loans between farms), the same downtime changes nothing."""
    (idle, _), (busy, _) = _ring(0.2, ring=False), _ring(0.0, ring=False)
    assert np.array_equal(idle.in_use, busy.in_use)
