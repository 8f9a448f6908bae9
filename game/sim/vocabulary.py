"""The closed vocabulary that levels use to talk to the simulation: the parameters an effect
may change, the metrics a condition may read, the elite's tactics and the segments.

It is data, so `docs/modding.md` is generated from it and the level schema checks names
against it ("did you mean ...?"). Nothing here is evaluated as code.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Param:
    """A simulation parameter that level effects may add to, multiply or set."""

    name: str
    default: float
    lo: float
    hi: float
    unit: str
    doc: str


def _p(name: str, default: float, lo: float, hi: float, unit: str, doc: str) -> Param:
    return Param(name, default, lo, hi, unit, doc)


PARAMS: dict[str, Param] = {
    p.name: p
    for p in [
        # production and markets
        _p("firm_productivity", 1.0, 0.2, 3.0, "index", "Total factor productivity of capitalist firms."),
        _p(
            "firm_labour_need",
            1.0,
            0.2,
            1.0,
            "index",
            "Workers a firm needs per unit of capital and of output, relative to the start "
            "(mergers lower it: the same output with fewer workers).",
        ),
        _p("coop_productivity", 0.95, 0.2, 3.0, "index", "Mean productivity of worker co-ops."),
        _p(
            "council_productivity",
            0.9,
            0.2,
            3.0,
            "index",
            "Productivity of the council sector's worker councils (scales A in the plan).",
        ),
        _p("capital_share", 0.35, 0.1, 0.6, "share", "Share of firm output taken as profit by owners."),
        _p(
            "unemployment_benefit",
            0.4,
            0.0,
            1.0,
            "share of wage",
            "Benefit paid to the unemployed, as a share of the average firm wage.",
        ),
        _p("pollution_intensity", 0.3, 0.0, 1.0, "per output", "Pollution emitted per unit of firm output."),
        _p(
            "pollution_price",
            0.0,
            0.0,
            1.0,
            "share",
            "Damage price charged on firm pollution (0: pollution is unpriced).",
        ),
        _p("interest_rate", 0.08, 0.0, 0.5, "per year", "Market interest rate on co-op credit."),
        # co-ops
        _p(
            "coop_credit",
            0.5,
            0.0,
            1.0,
            "share",
            "Share of their capital needs that co-ops can borrow (credit access).",
        ),
        _p(
            "coop_fund",
            0.0,
            0.0,
            1.0,
            "share/year",
            "Share of the workforce a year whose firms a revolving fund buys out for their workers.",
        ),
        _p(
            "business_exit",
            0.0,
            0.0,
            0.2,
            "share/year",
            "Share of firm jobs a year at firms that close: the most a co-op fund can buy out "
            "besides plants offered under a right of first refusal (0: not bounded this way).",
        ),
        _p(
            "first_refusal",
            0.0,
            0.0,
            1.0,
            "share",
            "Share of the plants owners move abroad that must first be offered to their workers.",
        ),
        _p(
            "marcora",
            0.0,
            0.0,
            1.0,
            "switch",
            "1 when laid-off workers may pool unemployment benefits to found a co-op (Marcora law).",
        ),
        _p(
            "mutual_aid",
            0.0,
            0.0,
            1.0,
            "switch",
            "1 when co-ops belong to a mutual aid association with redistributive lending.",
        ),
        _p(
            "mutual_aid_theta",
            0.5,
            0.05,
            0.95,
            "share",
            "Association lending rate as a share of the market rate (r_A = theta * r*).",
        ),
        _p(
            "shared_downtime",
            0.0,
            0.0,
            0.9,
            "share",
            "Share of the time capital lent inside a mutual aid association (shared machines) "
            "stands idle awaiting repair.",
        ),
        _p("coop_pay_ratio", 5.0, 1.0, 20.0, "ratio", "Top-to-bottom pay ratio inside co-ops."),
        # the council sector
        _p(
            "pay_transition",
            0.0,
            0.0,
            1.0,
            "share",
            "How far council-sector pay has moved from the inherited wage ladder to pay for effort.",
        ),
        _p(
            "pay_pace",
            0.0,
            0.0,
            1.0,
            "per year",
            "How much of the way from the ladder to pay for effort council pay moves each year.",
        ),
        _p(
            "training",
            0.04,
            0.0,
            1.0,
            "per year",
            "Share of the council top grade's withdrawn effort that training replaces a year [D].",
        ),
        _p(
            "job_balance",
            0.2,
            0.0,
            1.0,
            "share",
            "How far job complexes in self-managed workplaces are balanced for empowerment.",
        ),
        _p(
            "childcare",
            0.2,
            0.0,
            1.0,
            "share",
            "Share of parents whose children are cared for while they attend councils.",
        ),
        _p("meeting_load", 3.0, 0.0, 12.0, "hours/week", "Hours a week that council meetings take."),
        _p(
            "neighbourhood_councils",
            0.0,
            0.0,
            1.0,
            "share",
            "Share of households organised in neighbourhood consumer councils.",
        ),
        _p(
            "food_reserves",
            0.1,
            0.0,
            1.0,
            "share of a year",
            "Stored food, a buffer against harvest failure.",
        ),
        # awareness and support
        _p(
            "education",
            0.04,
            0.0,
            0.8,
            "per year",
            "Bass innovation rate p a year: people reached by education.",
        ),
        _p(
            "word_of_mouth",
            0.38,
            0.0,
            2.0,
            "per year",
            "Bass imitation rate q a year: people convinced by others.",
        ),
        _p(
            "media_defense",
            0.0,
            0.0,
            1.0,
            "share",
            "Share of elite media attacks that independent media blunt.",
        ),
        # defences against the elite
        _p("capital_controls", 0.0, 0.0, 1.0, "share", "Share of attempted capital flight that is stopped."),
        _p(
            "land_turnover",
            0.02,
            0.0,
            0.2,
            "share a year",
            (
                "Share of farmland (or firms) that changes hands a year: the most a merger can buy; "
                "set in a level's economy, the most a land trust (`coop_fund`) can buy too."
            ),
        ),
        _p(
            "pre_emption",
            0.0,
            0.0,
            1.0,
            "share",
            (
                "Share of the farms or firms sold that must be offered first to a trust at the notified "
                "price (a first-offer right). With a land market the trust takes what its money pays "
                "for and the rest is sold to the funds; without one it is the share of mergers stopped."
            ),
        ),
        _p(
            "public_credit",
            0.0,
            0.0,
            1.0,
            "share",
            "Share of a credit strike that a public or credit-union bank replaces.",
        ),
        _p("legal_defense", 0.0, 0.0, 1.0, "share", "Chance that a legal challenge fails in court."),
        _p(
            "solidarity_purchasing",
            0.0,
            0.0,
            1.0,
            "share",
            "Share of co-op sales protected by anchor institutions and buy-co-op pledges.",
        ),
        _p("self_defense", 0.0, 0.0, 1.0, "share", "Organised popular defence against a counter-revolution."),
        # power
        _p(
            "vanguard_pressure",
            0.0,
            0.0,
            0.8,
            "per year",
            "How fast a vanguard concentrates power when councils are weak.",
        ),
        _p("elite_aggression", 1.0, 0.0, 3.0, "index", "How hard the old elite pushes back."),
    ]
}

METRICS: dict[str, str] = {
    "equity": "Equity score, 0 to 100.",
    "participation": "Participation score, 0 to 100.",
    "resilience": "Resilience score, 0 to 100.",
    "support": "Support score, 0 to 100 (share of people who understand and back the project).",
    "turn": "The turn number, starting at 1.",
    "firm_share": "Share of the workforce in capitalist firms (0 to 1).",
    "coop_share": "Share of the workforce in worker co-ops (0 to 1).",
    "council_share": "Share of the workforce in planned worker councils (0 to 1).",
    "unemployment": "Share of the workforce without work (0 to 1).",
    "self_managed_share": "Share of the workforce in co-ops or councils (0 to 1).",
    "awareness": "Share of people who understand the project (0 to 1).",
    "gini": "Gini coefficient of household incomes (0 to 1).",
    "needs_met": "Share of basic needs met this turn (0 to 1).",
    "pay_gap": "Share of income not paid for effort (0 to 1; the pay-for-effort gap).",
    "attendance": "Share of self-managed workers and neighbours able to attend councils (0 to 1).",
    "elite_power": "The old elite's resources relative to the start (1 = as strong as at the start).",
    "power_concentration": "How much power a small group holds over the new institutions (0 to 1).",
    "coop_count": "Number of worker co-ops.",
    "coop_pay_gap": "Ratio of the richest to the poorest co-op's pay per member.",
    "plan_rounds": "Rounds the council sector's plan took to converge this turn.",
    "pay_transition": "How far council pay has moved from the inherited ladder to pay for effort (0 to 1).",
    "skill_shortage": "Share of the top pay grade's effort withdrawn, not yet replaced by training (0 to 1).",
    "peak_participation": "The highest active participation so far (participation / 100, 0 to 1).",
    "movement_odds": "How far peak participation has passed the 3.5% threshold (logistic, 0 to 1).",
    "committed": "Supporters who also take part: min(support, participation) / 100 (0 to 1).",
    "tipping": "How far the committed minority has passed the 25% tipping point (logistic, 0 to 1).",
}

SEGMENTS = ("firm", "coop", "council", "unemployed")

TACTICS: dict[str, str] = {
    "capital_flight": "Owners move capital abroad: firm capital and jobs shrink.",
    "consolidation": (
        "Investors buy and merge firms or farms: the capital stays, fewer jobs per unit of it."
    ),
    "credit_strike": "Banks cut co-ops' credit lines: co-op output and pay fall.",
    "media_campaign": "Owned media attack the project: support and awareness fall.",
    "legal_challenge": "Courts are asked to strike down the newest law: its effects may be undone.",
    "price_undercutting": (
        "Big firms cut prices where co-ops compete, paid from their profits: co-op revenue falls."
    ),
    "counter_revolution": "Armed counter-revolution: if it is not resisted, the level is lost.",
}

EFFECT_OPS: dict[str, str] = {
    "add": "param += value (clamped to the parameter's range)",
    "mul": "param *= value (clamped to the parameter's range)",
    "set": "param = value",
    "convert": "move `share` of the whole workforce from segment `from` to segment `to` "
    "(at most what `from` holds; from `firm`, `capital` says whether the owners keep the value "
    "of the capital that leaves)",
    "merge": "firms buy and merge an estate where `share` of the whole workforce works: "
    "0.4 of its jobs are cut (the labour a merged farm saves) and the firms' labour need falls "
    "by as much, so their capital and output stay (as in the elite's consolidation)",
    "found_coops": "found `count` new co-ops that take `share` of the workforce from `from` "
    "(default unemployed)",
    "resource": "add `value` to the player's resource `resource` (negative to spend)",
    "counter": "weaken the warned elite tactic `tactic` by `value` (0 to 1) this turn",
    "elite_wealth": "multiply the elite's resources by `value`",
    "awareness": "add `value` (0 to 1) to the share of people who understand the project",
    "support": "add `value` (0 to 1) to the share of people who back the project",
    "power": "add `value` to power concentration (negative lowers it)",
    "skill_loss": "add `value` (0 to 1) of the council top grade's effort to the skill shortage "
    "(people with scarce skills who leave; training replaces them)",
}
