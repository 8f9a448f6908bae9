"""The farmland market: who buys the land that changes hands in a year.

Farmland changes hands slowly: a share T of it a year (`land_turnover`; land_commons sets 2%,
every US farmland transfer, sold, given or inherited: Bigelow, Borchers and Hubbs, *U.S.
Farmland Ownership, Tenure, and Transfer*, USDA ERS EIB-161, 2016; counted as if heirs sold all
they inherit). No one can buy more than that: not the land funds that merge farms (elite.py's
consolidation) and not a land trust (`coop_fund`, dynamics.py). The rule, in shares of the
agribusiness farms' land a year:

- money: the trust can pay for W = `coop_fund`·(1 + 0.5·`marcora`)/f (its yearly flow is a
  share of the whole workforce, taken from the agribusiness farms, share f of it); money cards
  (the trust, grow_trust) raise `coop_fund`;
- access: in an open market the highest bidder buys. A fund that merges the farm and cuts two
  fifths of its labour can pay more for the same land than a trust that keeps every worker (the
  saved wages are capitalised into its bid), so bidding against the funds the trust wins only a
  share OPEN_SHARE of the open land [D]. A first-offer right (`pre_emption`, modelled on the
  SAFER's, Code rural art. L143-1, which reaches sales) gives it the first offer on that share of
  T at the notified price: it can take all of it. So it buys
  B = min(W, T·pre + OPEN_SHARE·T·(1 − pre)): the law changes access, not money;
- the funds buy and merge the rest, T − B: land offered first and declined is sold as notified,
  so a first-offer right with no trust (or a trust with no money) cuts no mergers.

Settlers need land too [D]. The trust holds what it bought (`State.trust_land`, in member
places): a farm bought with x workers holds x·FAMILY_CREW places, since the federation farms it
with family-farm crews, not the merged farms' crews; `State.trust_farmers` counts the members
placed on it (by purchases and settlements; members who leave the federation leave their
places idle, in proportion). A settlement on trust land (`found_coops` with `land: trust`)
settles only as many landless families as there are idle places. By the game's own merger rule
(the merged farm grows as much with fewer hands) a farm's extra hands add little: each settler
adds SETTLER_OUTPUT of a member's output [D], and the federation's farms share the output, so
pay per member falls (`settled`). Settlers trade pay per member for work for the landless.

The cap on the trust and the land account hold only where a level sets `land_turnover` in its
economy (`_land_market`, start.py): elsewhere a buy-out fund buys firms that close or move,
which no land market bounds, and those levels play as before.
"""

from __future__ import annotations

from typing import Any

# [D] the share of a sold farm's jobs its merger saves (in a range 0.3-0.5): the elite's
# consolidation (elite.py) and the `merge` effect both merge through `effects.merge_firms`
MERGER_SAVING = 0.4
# [D] the crews a farm the trust buys can hold, per worker who came with it: agribusiness farms
# are merged farms, worked by (1 − MERGER_SAVING) of the crew that farmed the land as family
# farms, and the federation farms it as family farms again (larger crop farms use less labour
# per acre: MacDonald, Korb and Hoppe, USDA ERS ERR-152, 2013, the direction, not the size)
FAMILY_CREW = 1.0 / (1.0 - MERGER_SAVING)
# [D] the share of the open land (no first-offer right) the trust wins bidding against the land
# funds, in a range 0.25-0.5: the funds capitalise the merger's saved wages into their bids
OPEN_SHARE = 0.4
# [D] the output a settler on the trust's idle places adds, as a share of a member's: the game's
# merger rule says a farm grows as much with fewer hands, so extra hands add little; family farms
# grow somewhat more per hectare (the inverse farm-size relation: M. R. Carter, Oxford Economic
# Papers 36(1), 1984, 131-145; C. B. Barrett, Journal of Development Economics 51(2), 1996,
# 193-215; measured in developing countries, weak in rich-country crop farming), kept small
SETTLER_OUTPUT = 0.2


def land_market(params: dict[str, float]) -> bool:
    """Whether the level has a land market (it sets `land_turnover` in its economy)."""
    return params.get("_land_market", 0.0) >= 0.5


def trust_bought(state: Any, workers: float) -> None:
    """The trust (or the federation) bought farms worked by `workers` (a share of the
    workforce), who stay on them: their land and its room for settlers join the trust's."""
    if land_market(state.params) and workers > 0:
        state.trust_land += workers * FAMILY_CREW
        state.trust_farmers += workers


def trust_room(state: Any) -> float:
    """The trust's idle land: member places on it that no one farms."""
    return max(0.0, state.trust_land - state.trust_farmers)


def members_left(state: Any, before: float) -> None:
    """Federation members left (a failing farm, a ruined one): the trust's farmers among
    them in proportion, and their places stay the trust's, idle."""
    after = state.coop_share
    if state.trust_farmers > 0 and before > 0 and after < before:
        state.trust_farmers *= after / before


def fund_rate(params: dict[str, float]) -> float:
    """The share of the workforce a year whose workplaces the fund's (or trust's) money
    can buy."""
    return params["coop_fund"] * (1.0 + 0.5 * params["marcora"])


def trust_wants(params: dict[str, float], firm_share: float) -> float:
    """W: the share of the agribusiness land a year the trust's flow would buy unbounded."""
    if firm_share <= 0:
        return 0.0
    return fund_rate(params) / firm_share


def trust_reach(params: dict[str, float]) -> float:
    """The share of the agribusiness land a year the trust can get, money aside: all it is
    offered first (T·pre-emption) and OPEN_SHARE of the open rest."""
    t, pre = params["land_turnover"], params["pre_emption"]
    return t * pre + OPEN_SHARE * t * (1.0 - pre)


def trust_buys(params: dict[str, float], firm_share: float) -> float:
    """The share of the agribusiness land a year the trust buys: what its money pays for (W),
    at most what it can get (`trust_reach`) where the level has a land market."""
    want = trust_wants(params, firm_share)
    if land_market(params):
        return min(want, trust_reach(params))
    return want


def open_land(params: dict[str, float], firm_share: float) -> float:
    """The share of the agribusiness land a year the land funds can buy: with a land market,
    all that changes hands (T) less what the trust buys (land offered first and declined is
    sold to them); elsewhere, as before, min(T·(1 − pre-emption), T − trust)."""
    t = params["land_turnover"]
    if land_market(params):
        return max(0.0, t - trust_buys(params, firm_share))
    return max(0.0, min(t * (1.0 - params["pre_emption"]), t - trust_buys(params, firm_share)))


def merger_cut(params: dict[str, float], firm_share: float, force: float) -> float:
    """The share of firm jobs a year of mergers at `force` (0 to 1: the share of the open
    land the funds buy) cuts: the land they can buy times the labour a merged farm saves."""
    return MERGER_SAVING * open_land(params, firm_share) * force


def trust_flow(params: dict[str, float], firm_share: float, h: float) -> float:
    """The share of the workforce the trust's purchases bring from the agribusiness farms
    into the federation over `h` years in a level with a land market (at most half the
    firms' workers in one step); elsewhere a buy-out fund's flow is `buyouts.fund_flow`."""
    return min(0.5 * firm_share, trust_buys(params, firm_share) * firm_share * h)


def weight(state: Any) -> float:
    """The federation's output in productivity terms: members times productivity, summed."""
    return float(state.coops.members @ state.coops.productivity)


def settled(state: Any, before: float, taken: float) -> None:
    """Settlers (`taken`) joined the federation on the trust's idle places (`before` the
    federation's `weight` before they came): they add SETTLER_OUTPUT of what their farms'
    productivity would give, and every farm's productivity is scaled so that the farms share
    it (pay per member falls; the ratio of the best-paid to the worst-paid farm is kept)."""
    after = weight(state)
    if taken <= 0 or after <= 0:
        return
    state.trust_farmers += taken
    state.coops.productivity = state.coops.productivity * (
        (before + SETTLER_OUTPUT * (after - before)) / after
    )
