"""The balance of one level in words: the table a modder reads and the JSON a script reads,
in the command's language (the JSON's keys, the policies and the ids stay as they are)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.balance.measure import Tally
from game.balance.play import Run, loss_words
from game.i18n import Translator, load_translator
from game.ui.names import SCORE_ORDER, SCORES, TACTICS, name


def warnings(tallies: dict[str, Tally], tr: Translator | None = None) -> list[str]:
    return [w for t in tallies.values() if (w := t.warning(tr)) is not None]


def reason_words(level: Any, tr: Translator) -> Callable[[Run], str]:
    """A play's loss reason in the language of `tr` (the English one stored with the play
    when it says no more)."""
    if tr.lang == "en":
        return lambda r: r.reason
    return lambda r: loss_words(r.why, level, tr) if r.why else r.reason


def _tactic(key: str, tr: Translator) -> str:
    said = name(TACTICS, key, tr.gettext)
    return said[:1].lower() + said[1:]


def text_table(
    level: Any, title: str, tallies: dict[str, Tally], skipped: list[str], tr: Translator | None = None
) -> str:
    """The plain-text table `balance` prints."""
    tr = tr or load_translator("en")
    _ = tr.gettext
    words = reason_words(level, tr)
    width = max([len(_("policy")), *(len(p) for p in tallies)])
    scores = [name(SCORES, s, _).lower() for s in SCORE_ORDER]
    cols = [max(6, len(s)) for s in scores]
    head = (
        f"{_('policy'):<{width}}  {_('wins'):<7}  {_('rate'):>5}  "
        + "  ".join(f"{s:>{w}}" for s, w in zip(scores, cols, strict=True))
        + f"  {_('target')}"
    )
    lines = [f"{title} ({level.id})", "", head]
    for p, t in tallies.items():
        m = t.mean_scores()
        target = t.target()
        mark = (
            ""
            if target is None
            else f"{target[0]} {target[1]:.0%}" + ("" if t.meets_target() else "  " + _("BROKEN"))
        )
        wins = f"{t.wins}/{len(t.runs)}"
        lines.append(
            f"{p:<{width}}  {wins:<7}  {t.win_rate:>5.0%}  "
            + "  ".join(
                f"{tr.num(m.get(s, 0.0), '.1f'):>{w}}" for s, w in zip(SCORE_ORDER, cols, strict=True)
            )
            + f"  {mark}"
        )
    lines += ["", _("typical reasons for losing:")]
    for p, t in tallies.items():
        reasons = t.loss_reasons(words=words)
        shown = "; ".join(f"{why} ({n})" for why, n in reasons) if reasons else _("never lost")
        lines.append(f"  {p}: {shown}")
    for p in skipped:
        lines.append(f"  {p}: " + _("not played (no plan file beside the level)"))
    lines += ["", _("the elite's tactics (share of its moves):")]
    for p, t in tallies.items():
        spread = t.tactics()
        total = sum(spread.values())
        shares = ", ".join(f"{_tactic(x, tr)} {k / total:.0%}" for x, k in spread.most_common())
        lines.append(f"  {p}: {shares}" if total else f"  {p}: " + _("no move"))
    found = warnings(tallies, tr)
    lines.append("")
    if found:
        lines += [_("warning: {what}").format(what=w) for w in found]
    else:
        lines.append(_("every target met: the level is a game of strategy"))
    return "\n".join(lines)


def json_report(
    level: Any,
    seeds: int,
    tallies: dict[str, Tally],
    skipped: list[str],
    seconds: float,
    tr: Translator | None = None,
) -> dict[str, Any]:
    """The JSON `balance --json` prints: English keys; the reasons and warnings, which a
    person reads, in the language of `tr`."""
    tr = tr or load_translator("en")
    words = reason_words(level, tr)
    return {
        "level": level.id,
        "seeds": seeds,
        "policies": {p: t.to_dict(words) for p, t in tallies.items()},
        "skipped": skipped,
        "warnings": warnings(tallies, tr),
        "seconds": round(seconds, 2),
    }
