"""The balance of one level in words: the table a modder reads and the JSON a script reads."""

from __future__ import annotations

from typing import Any

from game.balance.measure import Tally

SCORE_ORDER = ("equity", "participation", "resilience", "support")


def warnings(tallies: dict[str, Tally]) -> list[str]:
    return [w for t in tallies.values() if (w := t.warning()) is not None]


def text_table(level_id: str, title: str, tallies: dict[str, Tally], skipped: list[str]) -> str:
    """The plain-text table `balance` prints."""
    width = max(len(p) for p in tallies) if tallies else 6
    head = (
        f"{'policy':<{width}}  wins     rate  " + "  ".join(f"{s[:6]:>6}" for s in SCORE_ORDER) + "  target"
    )
    lines = [f"{title} ({level_id})", "", head]
    for p, t in tallies.items():
        m = t.mean_scores()
        target = t.target()
        mark = (
            ""
            if target is None
            else f"{target[0]} {target[1]:.0%}" + ("" if t.meets_target() else "  BROKEN")
        )
        lines.append(
            f"{p:<{width}}  {t.wins:>3}/{len(t.runs):<3}  {t.win_rate:>4.0%}  "
            + "  ".join(f"{m.get(s, 0.0):6.1f}" for s in SCORE_ORDER)
            + f"  {mark}"
        )
    lines += ["", "typical reasons for losing:"]
    for p, t in tallies.items():
        reasons = t.loss_reasons()
        shown = "; ".join(f"{why} ({n})" for why, n in reasons) if reasons else "never lost"
        lines.append(f"  {p}: {shown}")
    for p in skipped:
        lines.append(f"  {p}: not played (no plan file beside the level)")
    lines += ["", "the elite's tactics (share of its moves):"]
    for p, t in tallies.items():
        spread = t.tactics()
        total = sum(spread.values())
        shares = ", ".join(f"{x.replace('_', ' ')} {k / total:.0%}" for x, k in spread.most_common())
        lines.append(f"  {p}: {shares}" if total else f"  {p}: no move")
    found = warnings(tallies)
    lines.append("")
    if found:
        lines += [f"warning: {w}" for w in found]
    else:
        lines.append("every target met: the level is a game of strategy")
    return "\n".join(lines)


def json_report(
    level_id: str, seeds: int, tallies: dict[str, Tally], skipped: list[str], seconds: float
) -> dict[str, Any]:
    return {
        "level": level_id,
        "seeds": seeds,
        "policies": {p: t.to_dict() for p, t in tallies.items()},
        "skipped": skipped,
        "warnings": warnings(tallies),
        "seconds": round(seconds, 2),
    }
