"""The elite's tactics and its capital moves in words (msgids, translated where they are
shown by `game.explain`): what each tactic does, and what moving or merging capital did.

Capital flight and consolidation are the two ways owners take capital from the project's
reach: flight moves it abroad; a merger keeps it at home (farmland cannot leave) and cuts
the jobs it offers. Their sentences differ because the economics differ."""

from __future__ import annotations

from game.i18n import N_

TACTIC_TEXTS: dict[str, str] = {
    "capital_flight": N_("{elite} move capital abroad: the capital and jobs of {firms} shrink."),
    "consolidation": N_("{elite} buy and merge {firms}: the capital stays, the jobs it offers shrink."),
    "credit_strike": N_("Lenders cut the credit lines of {coops}: their output and pay fall."),
    "media_campaign": N_("{media} attack the project: support and awareness fall."),
    "legal_challenge": N_("Courts are asked to strike down the newest law: its effects may be undone."),
    "price_undercutting": N_(
        "{Firms} cut prices where {coops} compete, paid from their profits: the revenue of {coops} falls."
    ),
    "counter_revolution": N_("Armed counter-revolution: if it is not resisted, the level is lost."),
}

# a capital move's outcome (game.sim.report.ELITE_OUTCOMES): {loss} the share of capital
# moved (flight) or of the firms' jobs cut (merger), {jobs} the jobs lost
CAPITAL_MOVES: dict[str, str] = {
    "flight": N_("{elite} moved {loss} of the capital of {firms} abroad{note}; {jobs} jobs were lost"),
    "flight_none": N_("{elite} tried to move capital abroad, but {firms} have no capital left"),
    "merger": N_(
        "{elite} bought and merged {firms}{note}: the capital stays, with {loss} fewer jobs; "
        "{jobs} jobs were cut"
    ),
    "merger_none": N_("{elite} tried to buy and merge {firms}, but {firms} have no capital left"),
}

# jobs of moving plants their workers bought under a right of first refusal (buyouts.py):
# the capital left all the same, the owners paid for it
FLIGHT_BOUGHT = N_(
    "; under the right of first refusal their workers bought plants with {bought} jobs and run "
    "them as co-ops (the owners were paid and placed the price elsewhere)"
)

# a merger's rival (game.sim.land): the trust buys what it can get and pay for, the funds the rest
MERGER_TRUST = N_(
    " (the land trust had bought {trust} of the farms that changed hands, so the funds "
    "could merge only the rest)"
)
