"""The class session's part of the debrief: the set-up, the class's plan beside the
automatic one, and every vote. Reads the "class" record of a class run (see
game/classroom/session.py); words come from the gettext catalogs like the game window's."""

from __future__ import annotations

from html import escape as e
from typing import Any

from game.classroom.texts import DIFFICULTIES
from game.i18n import load_translator, number, percent


def _n(x: Any, digits: int = 1, lang: str = "en") -> str:
    if x is None:
        return "—"
    return number(float(x), f",.{digits}f", lang)


def _names(unused: Any):
    from game.classroom.texts import council_name, good_name

    return good_name, council_name


def class_section(record: dict[str, Any] | None, lang: str = "en") -> str:
    """HTML for the class record; empty when the run is not a class session's."""
    if not record:
        return ""
    _ = load_translator(lang).gettext
    good_name, council_name = _names(None)
    setup = record.get("setup", {})
    mode = _("hot seat") if setup.get("mode") == "hotseat" else _("classroom server")
    parts = [
        f"<h2>{e(_('The class session'))}</h2>",
        "<p>"
        + e(
            _("{minutes}-minute session, difficulty {difficulty}, played by {mode}.").format(
                minutes=setup.get("minutes", "?"),
                difficulty=_(DIFFICULTIES.get(str(setup.get("difficulty")), "standard")),
                mode=mode,
            )
        )
        + "</p>",
    ]
    for plan in record.get("plans", []):
        c, a = plan["class"], plan["automatic"]
        parts.append(f"<h2>{e(_('The class plan beside the automatic plan'))}</h2>")

        def status(x: dict[str, Any]) -> str:
            if x["converged"]:
                return _("agreed")
            return _("stopped by the teacher") if x["status"] == "stopped" else _("not agreed")

        parts.append(
            f"<table><thead><tr><th></th><th class='num'>{e(_('The class plan'))}</th>"
            f"<th class='num'>{e(_('The automatic plan'))}</th></tr></thead><tbody>"
            f"<tr><td>{e(_('Rounds'))}</td><td class='num'>{c['rounds']} ({e(status(c))})</td>"
            f"<td class='num'>{a['rounds']} ({e(status(a))})</td></tr>"
        )
        for g in plan["goods"]:
            parts.append(
                f"<tr><td>{e(_('Price of {good}').format(good=good_name(_, g)))}</td>"
                f"<td class='num'>{_n(c['prices'].get(g), lang=lang)}</td>"
                f"<td class='num'>{_n(a['prices'].get(g), lang=lang)}</td></tr>"
            )
        for g, v in plan["effort"].items():
            parts.append(
                f"<tr><td>{e(_('Effort of the {good} workers').format(good=good_name(_, g)))}</td>"
                f"<td class='num'>{_n(v['class'], 2, lang=lang)}</td>"
                f"<td class='num'>{_n(v['automatic'], 2, lang=lang)}</td></tr>"
            )
        for g, v in plan["consumption"]["class"].items():
            parts.append(
                f"<tr><td>{e(_('{good} per consumer council').format(good=good_name(_, g)))}</td>"
                f"<td class='num'>{_n(v, 2, lang=lang)}</td>"
                f"<td class='num'>{_n(plan['consumption']['automatic'].get(g), 2, lang=lang)}</td></tr>"
            )
        parts.append("</tbody></table>")
        parts.append(f"<h3>{e(_('Whose revisions moved the plan most'))}</h3>")
        parts.append(
            "<p>"
            + e(
                _(
                    "Each round, the value at that round's prices of the difference between a "
                    "group's proposal and what its automatic council would have proposed."
                )
            )
            + "</p>"
        )
        parts.append(
            f"<table><thead><tr><th>{e(_('Group'))}</th><th>{e(_('Council'))}</th>"
            f"<th class='num'>{e(_('Share'))}</th><th class='num'>{e(_('Own proposals'))}</th>"
            f"<th class='num'>{e(_('Taken over'))}</th></tr></thead><tbody>"
        )
        for row in plan["groups"]:
            n_council = int(str(row["council"])[1:])
            name = council_name(_, row["kind"], row["good"], n_council)
            parts.append(
                f"<tr><td>{e(row['group'])}</td><td>{e(name)}</td>"
                f"<td class='num'>{percent(100 * row['share'], ',.0f', lang)}</td>"
                f"<td class='num'>{row['proposals']}</td><td class='num'>{row['takeovers']}</td></tr>"
            )
        parts.append("</tbody></table>")
    votes = record.get("votes", [])
    parts.append(f"<h2>{e(_('Class votes'))}</h2>")
    if not votes:
        parts.append(f"<p>{e(_('The class took no votes.'))}</p>")
    for v in votes:
        how = _("by show of hands") if v["mode"] == "hands" else _("one vote per group")
        counts = ", ".join(f"{o['label']}: {o['votes']}" for o in v["options"])
        result = v["winner_label"] if v.get("closed") else _("not closed")
        parts.append(
            "<p>"
            + e(
                _("Turn {turn}: {question} ({how}). {counts}. Decided: {result}.").format(
                    turn=v["turn"], question=v["question"], how=how, counts=counts, result=result
                )
            )
            + "</p>"
        )
    return "\n".join(parts)
