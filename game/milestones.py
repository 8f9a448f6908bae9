"""What the debrief says about the pace of pay and the two participation thresholds, read
from the turns' metrics (what happened in this game, never what a level's text assumes).

Used by the game window's debrief and the printed report; the sentences are data in both
languages (like `game.reports.labels`), so both screens say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from game.i18n import format_text, number
from game.sim.pace import COMPLEMENT, SKILL_SHARE
from game.sim.thresholds import ACTIVE_SHARE, COMMITTED_SHARE, LEGAL_BLUNT, committed, movement_odds

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "pace_title": "The pace of pay",
        "span": "{unit} {a} to {b}",
        "never": "Pay never left the inherited ladder: the pay-for-effort gap stayed at {gap:.0%} of income "
        "and the low-paid saw no rise.",
        "moved": "Pay moved {pt:.0%} of the way from the inherited ladder to effort ({when}); the "
        "pay-for-effort gap went from {gap0:.0%} to {gap1:.0%} of income.",
        "shortage": "Faster than training could replace them, the best-paid withdrew effort: at worst "
        "({unit} {turn}) {short:.0%} of their effort was missing, {loss:.0%} of the councils' output.",
        "kept_up": "Training kept up with the pace: no skill shortage.",
        "thresholds_title": "How many people the movement reached",
        "active_up": "The participation score passed 3.5 in {unit} {turn} (peak {peak}). The score is an "
        "index of council participation, not a head count; the game reads it as the movement's active "
        "share of people, a design choice. As it grew, the elite's court cases and any "
        "counter-revolution lost force (a challenge's chance down {half:.0%} at 3.5, {blunt:.0%} at the "
        "peak; the game keeps the peak even if participation falls). Chenoweth & Stephan, Why Civil "
        "Resistance Works, 2011; a tendency, not a guarantee: Chenoweth (2020) names exceptions such as "
        "Bahrain in 2011, and fewer campaigns have succeeded since 2010.",
        "active_never": "The participation score never passed 3.5 (peak {peak}; an index of council "
        "participation that the game reads as the movement's active share of people, a design "
        "choice): the elite's courts lost at most {blunt:.0%} of their force.",
        "active_start": "The participation score was above 3.5 from the start (peak {peak}; an index of "
        "council participation that the game reads as the movement's active share of people, a "
        "design choice): the elite's court cases and any counter-revolution had less force all game "
        "(a challenge's chance down {blunt:.0%} at the peak). Chenoweth & Stephan, Why Civil "
        "Resistance Works, 2011; a tendency, not a guarantee: Chenoweth (2020) names exceptions such as "
        "Bahrain in 2011, and fewer campaigns have succeeded since 2010.",
        "committed_what": "The game counts as the committed minority the supporters who also take part: "
        "the lower of support and the participation score, a design choice.",
        "committed_up": "The committed minority passed 25 in {unit} {turn}: the norm tipped, and people who "
        "understood the project were pulled towards backing it.",
        "committed_down": "The committed minority fell below 25 in {unit} {turn}: the norm no longer tipped "
        "your way.",
        "committed_held": "The committed minority stayed above 25 all game: the norm stayed tipped.",
        "committed_never": "The committed minority never reached 25 (highest {top:.0f}): the norm never "
        "tipped.",
        "centola": "The line of 25 comes from Centola, Becker, Brackbill and Baronchelli (Science "
        "360(6393), 2018, 1116-1119, doi:10.1126/science.aas8827), who measured it in an online game "
        "of naming faces; whether political support tips the same way is untested.",
    },
    "es": {
        "pace_title": "El ritmo de la paga",
        "span": "{unit} {a} a {b}",
        "never": "La paga nunca dejó la escala heredada: la brecha entre paga y esfuerzo siguió en el "
        "{gap:.0%} del ingreso y los peor pagados no vieron ninguna subida.",
        "moved": "La paga recorrió el {pt:.0%} del camino desde la escala heredada hasta el esfuerzo "
        "({when}); la brecha entre paga y esfuerzo pasó del {gap0:.0%} al {gap1:.0%} "
        "del ingreso.",
        "shortage": "Más rápido de lo que la formación podía sustituirlos, los mejor pagados retiraron "
        "esfuerzo: en el peor momento ({unit} {turn}) faltaba el {short:.0%} de su esfuerzo, el "
        "{loss:.0%} de la producción de los consejos.",
        "kept_up": "La formación siguió el ritmo: no faltaron capacidades.",
        "thresholds_title": "A cuánta gente llegó el movimiento",
        "active_up": "La puntuación de participación pasó de 3,5 en {unit} {turn} (máximo {peak}). La "
        "puntuación es un índice de la participación en consejos, no un recuento de personas; el "
        "juego la lee como la parte de la gente activa en el movimiento, una elección de diseño. A "
        "medida que creció, los recursos judiciales de la élite y cualquier contrarrevolución "
        "perdieron fuerza (la probabilidad de un recurso, un {half:.0%} menor en 3,5 y un {blunt:.0%} "
        "menor en el máximo; el juego conserva el máximo aunque la participación caiga). Chenoweth y "
        "Stephan, Why Civil Resistance Works, 2011; una tendencia, no una garantía: Chenoweth (2020) cita "
        "excepciones como Baréin en 2011, y desde 2010 triunfan menos campañas.",
        "active_never": "La puntuación de participación nunca pasó de 3,5 (máximo {peak}; un índice de "
        "la participación en consejos que el juego lee como la parte de la gente activa en el "
        "movimiento, una elección de diseño): los tribunales de la élite perdieron como mucho un "
        "{blunt:.0%} de su fuerza.",
        "active_start": "La puntuación de participación superaba 3,5 desde el principio (máximo {peak}; "
        "un índice de la participación en consejos que el juego lee como la parte de la gente activa "
        "en el movimiento, una elección de diseño): los recursos judiciales de la élite y cualquier "
        "contrarrevolución tuvieron menos fuerza toda la partida (la probabilidad de un recurso, un "
        "{blunt:.0%} menor en el máximo). Chenoweth y Stephan, Why Civil Resistance Works, 2011; una "
        "tendencia, no una garantía: Chenoweth (2020) cita excepciones como Baréin en 2011, y desde 2010 "
        "triunfan menos campañas.",
        "committed_what": "El juego cuenta como minoría comprometida a quienes apoyan el proyecto y "
        "además participan: lo menor entre el apoyo y la puntuación de participación, una elección de "
        "diseño.",
        "committed_up": "La minoría comprometida pasó de 25 en {unit} {turn}: la norma se inclinó, y "
        "quienes entendían el proyecto se acercaron a apoyarlo.",
        "committed_down": "La minoría comprometida cayó por debajo de 25 en {unit} {turn}: la norma dejó de "
        "inclinarse a tu favor.",
        "committed_held": "La minoría comprometida se mantuvo por encima de 25 toda la partida: la norma "
        "siguió inclinada.",
        "committed_never": "La minoría comprometida nunca llegó a 25 (máximo {top:.0f}): la norma nunca se "
        "inclinó.",
        "centola": "La línea de 25 viene de Centola, Becker, Brackbill y Baronchelli (Science 360(6393), "
        "2018, 1116-1119, doi:10.1126/science.aas8827), que la midieron en un juego en línea de poner "
        "nombre a caras; no se ha comprobado si el apoyo político se inclina igual.",
    },
}


@dataclass(frozen=True)
class Milestones:
    """The debrief's two sections as (title, sentences); `pace` is empty for a game in
    which pay could not move."""

    pace: tuple[str, tuple[str, ...]] | None
    thresholds: tuple[str, tuple[str, ...]]


def _words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["en"])


def _one_decimal(x: float, lang: str) -> str:
    """`12.3`, or `12,3` in Spanish."""
    return number(x, ".1f", lang)


def pace_sentences(
    start: Mapping[str, float], turns: Sequence[tuple[int, Mapping[str, float]]], unit: str, lang: str
) -> tuple[str, ...]:
    """What the pace of pay did: how far it moved and when, the gap, the skill shortage."""
    w = _words(lang)
    pt0 = start.get("pay_transition", 0.0)
    moved, before = [], pt0
    for t, m in turns:  # the turns in which pay moved towards effort
        now = m.get("pay_transition", before)
        if now > before + 1e-9:
            moved.append(t)
        before = now
    gap0 = start.get("pay_gap", turns[0][1].get("pay_gap", 0.0) if turns else 0.0)
    last = turns[-1][1] if turns else start
    if not moved:
        return (format_text(w["never"], lang, gap=last.get("pay_gap", gap0)),)
    out = [
        format_text(
            w["moved"],
            lang,
            pt=last.get("pay_transition", 0.0),
            when=f"{unit} {moved[0]}"
            if len(moved) == 1
            else format_text(w["span"], lang, unit=unit, a=moved[0], b=moved[-1]),
            gap0=gap0,
            gap1=last.get("pay_gap", gap0),
        )
    ]
    worst_turn, worst = max(((t, m.get("skill_shortage", 0.0)) for t, m in turns), key=lambda tm: tm[1])
    if worst > 0.005:
        loss = SKILL_SHARE * COMPLEMENT * worst
        out.append(format_text(w["shortage"], lang, unit=unit, turn=worst_turn, short=worst, loss=loss))
    else:
        out.append(w["kept_up"])
    return tuple(out)


def _committed(m: Mapping[str, float], default: float = 0.0) -> float:
    """The committed minority in points (0 to 100): the supporters who also take part, the
    lower of the support and participation scores (`thresholds.committed`)."""
    if "committed" in m:
        return 100 * m["committed"]
    if "support" not in m or "participation" not in m:
        return default
    return 100 * committed(m["support"] / 100, m["participation"] / 100)


def threshold_sentences(
    start: Mapping[str, float], turns: Sequence[tuple[int, Mapping[str, float]]], unit: str, lang: str
) -> tuple[str, ...]:
    """When participation passed 3.5% and when the committed minority (the supporters who
    take part) passed, or fell below, 25%."""
    w = _words(lang)
    out: list[str] = []
    peak = max([start.get("peak_participation", 0.0)] + [m.get("peak_participation", 0.0) for _, m in turns])
    up = next((t for t, m in turns if m.get("peak_participation", 0.0) >= ACTIVE_SHARE), None)
    shown = _one_decimal(100 * peak, lang)
    blunt = LEGAL_BLUNT * movement_odds(peak)  # the odds follow the peak smoothly, not a switch
    if start.get("peak_participation", 0.0) >= ACTIVE_SHARE:
        out.append(format_text(w["active_start"], lang, peak=shown, blunt=blunt))
    elif up is None:
        out.append(format_text(w["active_never"], lang, peak=shown, blunt=blunt))
    else:
        half = LEGAL_BLUNT * movement_odds(ACTIVE_SHARE)
        out.append(format_text(w["active_up"], lang, unit=unit, turn=up, peak=shown, half=half, blunt=blunt))
    line = 100 * COMMITTED_SHARE
    out.append(w["committed_what"])
    prev = _committed(start)
    crossings = []
    for t, m in turns:
        s = _committed(m, prev)
        if prev < line <= s:
            crossings.append(("committed_up", t))
        elif s < line <= prev:
            crossings.append(("committed_down", t))
        prev = s
    for key, t in crossings:
        out.append(format_text(w[key], lang, unit=unit, turn=t))
    if not crossings:
        top = max([_committed(start)] + [_committed(m) for _, m in turns])
        above = _committed(start) >= line
        out.append(w["committed_held"] if above else format_text(w["committed_never"], lang, top=top))
    out.append(w["centola"])
    return tuple(out)


def milestones(
    start: Mapping[str, float],
    turns: Sequence[tuple[int, Mapping[str, float]]],
    unit: str,
    lang: str,
    pay_can_move: bool,
) -> Milestones:
    """Both sections for a game: `start` the metrics before the first turn (scores and what
    is known), `turns` (turn number, metrics) in order."""
    w = _words(lang)
    pace = (w["pace_title"], pace_sentences(start, turns, unit, lang)) if pay_can_move else None
    return Milestones(pace, (w["thresholds_title"], threshold_sentences(start, turns, unit, lang)))


def pay_can_move(level: object) -> bool:
    """Whether a level has a card or event that moves pay (its pace or its transition)."""
    effects = [e for a in getattr(level, "actions", ()) for e in a.effects]
    effects += [e for ev in getattr(level, "events", ()) for c in ev.choices for e in c.effects]
    return any(getattr(e, "param", None) in ("pay_pace", "pay_transition") for e in effects)
