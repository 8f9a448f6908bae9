"""How many people a movement must reach: two thresholds as smooth changes of odds
(economics.md section 6; docs/scores.md, "Thresholds").

- Active participation: the participation score / 100, an index of council participation
  (not a head count) that the game reads as the movement's active share of people [D];
  its *peak* so far is what counts, as in Chenoweth & Stephan, Why Civil Resistance Works,
  2011: campaigns whose peak participation passed about 3.5% of the population tended to
  succeed (the figure is Chenoweth's later reading of the book's NAVCO data). Chenoweth's
  2020 update says the rule is a tendency, not a guarantee, names exceptions (Bahrain 2011)
  and notes falling success rates since 2010 (E. Chenoweth, "Questions, Answers, and Some
  Cautionary Updates Regarding the 3.5% Rule", Carr Center Discussion Paper 2020-005,
  Harvard Kennedy School,
  https://www.hks.harvard.edu/sites/default/files/2024-05/Erica%20Chenoweth_2020-005.pdf),
  so the game uses the logistic ``sigmoid(k (ln peak - ln 0.035))`` of economics.md §6 with
  k = 2 [D] (`movement_odds`): 8% at 1%, 50% at 3.5%, 89% at 10%. The elite's legal
  challenges and its counter-revolution lose force in proportion [D]; the peak is kept for
  ever, so a movement that has shrunk still blunts them [D].
- Committed minority: the supporters who also take part [D], `committed(support, active)`
  = min(support, active share). Support alone would count an electoral base as committed
  (elected_government starts at support 0.30); the model has no joint distribution of
  support and taking part, and attendance rises with support, so the active are taken to
  be supporters (the overlap's upper bound; the product would assume them independent).
  Centola, Becker, Brackbill & Baronchelli, "Experimental evidence for tipping points in
  social convention", Science 360(6393) (2018) 1116-1119, doi:10.1126/science.aas8827,
  found a tipping point near 25% in an online game of naming faces (committed confederates
  who never changed their answer); whether political support tips the same way is
  untested. Field estimates run from 10% to 40%, so the game's tipping is a steep logistic
  centred on 25% (`tipping`), not a switch: above it, the aware who do not yet back the
  project are pulled towards the new norm.
"""

from __future__ import annotations

import math

from game.sim.diffusion import CHENOWETH_SHARE, campaign_success_probability

ACTIVE_SHARE = CHENOWETH_SHARE  # 3.5% of the population, at peak (Chenoweth 2020, CCDP 2020-005)
COMMITTED_SHARE = 0.25  # Centola et al. 2018 (an online naming game; politics untested)
MOVEMENT_K = 2.0  # [D] slope of the logistic in ln(peak share) (economics.md §6)
TIPPING_K = 30.0  # [D] slope in the committed share: 10% to 90% between 17.7% and 32.3%
LEGAL_BLUNT = 0.6  # [D] share of a legal challenge's chance a movement past 3.5% takes away
COUP_BLUNT = 0.4  # [D] resistance a movement past 3.5% adds against a counter-revolution
TIPPING_PULL = 0.3  # [D] share of the aware not yet backing the project that a tipped norm pulls


def movement_odds(peak_share: float) -> float:
    """The chance-like weight of a movement whose peak active participation is `peak_share`
    (0 to 1): 1/2 at 3.5%."""
    return float(campaign_success_probability(min(1.0, max(0.0, peak_share)), k=MOVEMENT_K))


def committed(support: float, active: float) -> float:
    """The committed minority: the supporters who also take part [D]. `support` is the share
    who back the project, `active` the active share (participation / 100, see above); the
    model has no joint distribution of the two, and attendance rises with support (people
    attend what they believe in), so the active are taken to be supporters: the overlap's
    upper bound, min(support, active). The product would assume taking part independent of
    support, which the model itself denies."""
    return max(0.0, min(support, active))


def tipping(committed: float) -> float:
    """How far the committed minority `committed` (0 to 1) has tipped the norm: 1/2 at 25%."""
    return 1.0 / (1.0 + math.exp(-TIPPING_K * (committed - COMMITTED_SHARE)))
