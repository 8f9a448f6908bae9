"""Figures in the unit and precision of the goal they are compared with."""

from __future__ import annotations

from game.sim.units import fmt_goal, fmt_value


def test_shares_are_percentages_with_the_goals_digits() -> None:
    assert fmt_goal("unemployment", 0.15) == "15%"
    assert fmt_value("unemployment", 0.1538, 0.15) == "15.4%"  # never "15%" next to "15%"
    assert fmt_value("unemployment", 0.21, 0.15) == "21%"
    assert fmt_goal("coop_share", 0.065) == "6.5%"
    assert fmt_value("coop_share", 0.0412, 0.065) == "4.1%"


def test_scores_counts_and_ratios() -> None:
    assert fmt_goal("support", 25) == "25"
    assert fmt_value("support", 24.96, 25) == "24.96"
    assert fmt_value("coop_count", 3.0) == "3"
    assert fmt_goal("coop_pay_gap", 2.1) == "2.1"
    assert fmt_value("coop_pay_gap", 2.14, 2.1) == "2.1" or fmt_value("coop_pay_gap", 2.14, 2.1) == "2.14"
    assert fmt_value("gini", 0.4321) == "0.43"


def test_a_lost_level_says_the_figure_and_the_limit() -> None:
    from game.levels.catalog import load_catalog
    from game.sim.engine import Simulation

    level = load_catalog().get("union_register").level
    sim = Simulation(level, 3)  # doing nothing there loses to unemployment
    while not sim.finished:
        sim.play_turn([])
    from game.explain import ending_text
    from game.i18n import load_translator

    assert sim.outcome == "lost"
    for lang in ("en", "es"):
        reason = ending_text(sim.ending, level, load_translator(lang))
        assert "%" in reason and "0." not in reason
