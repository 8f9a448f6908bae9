"""The farmland market: who buys the land that changes hands in a year.

Farmland changes hands slowly: a share T of it a year (`land_turnover`; land_commons sets 2%,
every US farmland transfer, sold, given or inherited: Bigelow, Borchers and Hubbs, *U.S.
Farmland Ownership, Tenure, and Transfer*, USDA ERS EIB-161, 2016). No one can buy more than
that: not the land funds that merge farms (elite.py's consolidation) and not a land trust
(`coop_fund`, dynamics.py). The rule [D], in shares of the agribusiness farms' land a year:

- the trust wants W = `coop_fund`·(1 + 0.5·`marcora`)/f (its yearly flow is a share of the
  whole workforce, taken from the agribusiness farms, share f of it);
- it buys first: the share `pre_emption` of T is offered to it first by law (a first-offer
  right like a SAFER's, Code rural art. L143-1), and in the open rest it bids with a standing
  fund ahead of the funds, as the level's trust card says it does; so it buys min(W, T);
- the funds can merge only what is left: min(T·(1 − `pre_emption`), T − min(W, T)).

So the funds' mergers never cut into the trust's purchases; the trust's purchases cut into
the funds'.

Settlers need land too [D]. The trust holds what it bought (`State.trust_land`, in member
places): a farm bought with x workers holds x·FAMILY_CREW places, since the federation farms it
with family-farm crews, not the merged farms' crews; `State.trust_farmers` counts the members
placed on it (by purchases and settlements; members who leave the federation leave their
places idle, in proportion). A settlement on trust land (`found_coops` with `land: trust`)
settles only as many landless families as there are idle places: the trust's savings cannot
make more farmland change hands, so beyond its idle land it settles no one; its land grows only
by what it buys within the bound above.

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


def trust_wants(params: dict[str, float], firm_share: float) -> float:
    """W: the share of the agribusiness land a year the trust's flow would buy unbounded."""
    if firm_share <= 0:
        return 0.0
    return params["coop_fund"] * (1.0 + 0.5 * params["marcora"]) / firm_share


def trust_buys(params: dict[str, float], firm_share: float) -> float:
    """The share of the agribusiness land a year the trust buys: W, at most the land that
    changes hands (T) where the level has a land market."""
    want = trust_wants(params, firm_share)
    if land_market(params):
        return min(want, params["land_turnover"])
    return want


def open_land(params: dict[str, float], firm_share: float) -> float:
    """The share of the agribusiness land a year the land funds can buy: what changes hands
    (T), less the share pre-empted and less what the trust buys: min(T·(1 − pre-emption),
    T − trust)."""
    t = params["land_turnover"]
    return max(0.0, min(t * (1.0 - params["pre_emption"]), t - trust_buys(params, firm_share)))


def merger_cut(params: dict[str, float], firm_share: float, force: float) -> float:
    """The share of firm jobs a year of mergers at `force` (0 to 1: the share of the open
    land the funds buy) cuts: the land they can buy times the labour a merged farm saves."""
    return MERGER_SAVING * open_land(params, firm_share) * force


def trust_flow(params: dict[str, float], firm_share: float, h: float) -> float:
    """The share of the workforce the trust's purchases bring from the agribusiness farms
    into the federation over `h` years (at most half the firms' workers in one step)."""
    if params["coop_fund"] <= 0:
        return 0.0
    if land_market(params):
        return min(0.5 * firm_share, trust_buys(params, firm_share) * firm_share * h)
    # no land market: the fund's flow as it always was (bit for bit)
    return min(0.5 * firm_share, params["coop_fund"] * h * (1.0 + 0.5 * params["marcora"]))
