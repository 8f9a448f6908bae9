"""The sentences the simulation writes (elite moves, trends, outcomes), in English and
Spanish. Data only: templates filled with str.format; English is the fallback."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "countered": {"en": " (countered by {share})", "es": " (contrarrestado en un {share})"},
    "flight": {
        "en": "Owners moved {loss} of firm capital abroad{note}; {jobs} jobs were lost",
        "es": "Los dueños sacaron del país el {loss} del capital de las empresas{note}; "
        "se perdieron {jobs} empleos",
    },
    "flight_none": {
        "en": "Owners tried to move capital abroad, but no firm capital is left",
        "es": "Los dueños intentaron sacar capital del país, pero ya no queda capital de empresas",
    },
    "credit": {
        "en": "Banks cut co-op credit lines by {cut}{note}",
        "es": "Los bancos recortaron un {cut} las líneas de crédito de las cooperativas{note}",
    },
    "media": {
        "en": "Owned media ran a campaign against the project at strength {power}{note}",
        "es": "Los medios de los dueños lanzaron una campaña contra el proyecto con fuerza {power}{note}",
    },
    "court_struck": {
        "en": "A court struck down '{law}'{note}; the rules it set no longer apply",
        "es": "Un tribunal anuló «{law}»{note}; las reglas que fijó dejan de aplicarse",
    },
    "court_struck_none": {
        "en": "A court struck down '{law}'{note}, but what it had already done stays done",
        "es": "Un tribunal anuló «{law}»{note}, pero lo que ya había hecho no se deshace",
    },
    "court_failed": {
        "en": "A legal challenge to '{law}' failed in court{note}",
        "es": "Una demanda contra «{law}» fracasó en los tribunales{note}",
    },
    "court_nothing": {
        "en": "A legal challenge found no law to attack",
        "es": "Una demanda judicial no encontró ninguna ley que atacar",
    },
    "undercut": {
        "en": "Big firms undercut co-op prices, cutting co-op revenue by {cut}{note}",
        "es": "Las grandes empresas vendieron por debajo del precio de las "
        "cooperativas y recortaron sus ingresos un {cut}{note}",
    },
    "coup_won": {
        "en": "The counter-revolution succeeded (it had a {chance} chance){note}",
        "es": "La contrarrevolución triunfó (tenía un {chance} de probabilidad){note}",
    },
    "coup_lost": {
        "en": "The counter-revolution was defeated (it had a {chance} chance){note}",
        "es": "La contrarrevolución fue derrotada (tenía un {chance} de probabilidad){note}",
    },
    "trend_equity_up": {
        "en": "pay moved closer to equal and to effort (Gini {g0} to {g1}; pay-for-effort gap {p0} to {p1})",
        "es": "el pago se acercó a la igualdad y al esfuerzo (Gini de {g0} a "
        "{g1}; brecha entre pago y esfuerzo de {p0} a {p1})",
    },
    "trend_equity_down": {
        "en": "pay moved away from equal and from effort (Gini {g0} to {g1}; "
        "pay-for-effort gap {p0} to {p1})",
        "es": "el pago se alejó de la igualdad y del esfuerzo (Gini de {g0} "
        "a {g1}; brecha entre pago y esfuerzo de {p0} a {p1})",
    },
    "trend_equity_flat": {
        "en": "pay held steady (Gini {g0} to {g1}; pay-for-effort gap {p0} to {p1})",
        "es": "el pago se mantuvo (Gini de {g0} a {g1}; brecha entre pago y esfuerzo de {p0} a {p1})",
    },
    "trend_participation": {
        "en": "attendance {a0} to {a1}, self-managed work {s0} to {s1}, power concentration {c0} to {c1}",
        "es": "asistencia de {a0} a {a1}, trabajo autogestionado de {s0} "
        "a {s1}, concentración del poder de {c0} a {c1}",
    },
    "trend_resilience": {
        "en": "basic needs met under the stress test {r0} to {r1}",
        "es": "necesidades básicas cubiertas en la prueba de estrés de {r0} a {r1}",
    },
    "trend_support": {
        "en": "awareness {f0} to {f1} (education and word of mouth), support following what people see",
        "es": "conciencia de {f0} a {f1} (educación y boca a boca); el apoyo sigue lo que la gente ve",
    },
    "no_change": {"en": "no change", "es": "sin cambios"},
    "coup_reason": {
        "en": "The old elite's counter-revolution succeeded: popular defence and "
        "support were too weak when it struck.",
        "es": "La contrarrevolución de la vieja élite triunfó: la defensa popular "
        "y el apoyo eran demasiado débiles cuando golpeó.",
    },
    "timeout": {
        "en": "Time ran out before the goal was reached: the goal was {goal}.",
        "es": "Se acabó el tiempo antes de alcanzar la meta: la meta era {goal}.",
    },
    "short": {"en": "Short: {items}.", "es": "Faltó: {items}."},
    "was": {
        "en": "{name} was {value}, the goal {op} {goal}",
        "es": "{name} fue {value}, la meta {op} {goal}",
    },
    "lost_at": {
        "en": "({name} was {value}; the level is lost when it is {op} {goal})",
        "es": "({name} fue {value}; el nivel se pierde cuando es {op} {goal})",
    },
    "and": {"en": " and ", "es": " y "},
    "or": {"en": " or ", "es": " o "},
    "not": {"en": "not ({x})", "es": "no ({x})"},
    "played": {"en": "'{x}' has been played", "es": "se ha jugado «{x}»"},
    "always": {"en": "always", "es": "siempre"},
    "<": {"en": "below", "es": "por debajo de"},
    "<=": {"en": "at most", "es": "como máximo"},
    ">": {"en": "above", "es": "por encima de"},
    ">=": {"en": "at least", "es": "al menos"},
    "==": {"en": "equal to", "es": "igual a"},
}

TACTIC_TEXTS: dict[str, dict[str, str]] = {
    "capital_flight": {
        "en": "Owners move capital abroad: firm capital and jobs shrink.",
        "es": "Los dueños sacan capital del país: el capital y el empleo de las empresas se reducen.",
    },
    "credit_strike": {
        "en": "Banks cut co-ops' credit lines: co-op output and pay fall.",
        "es": "Los bancos cortan el crédito a las cooperativas: su producción y sus ingresos caen.",
    },
    "media_campaign": {
        "en": "Owned media attack the project: support and awareness fall.",
        "es": "Los medios de los dueños atacan el proyecto: el apoyo y la conciencia caen.",
    },
    "legal_challenge": {
        "en": "Courts are asked to strike down the newest law: its effects may be undone.",
        "es": "Se pide a los tribunales que anulen la ley más reciente: sus efectos pueden deshacerse.",
    },
    "price_undercutting": {
        "en": "Big firms sell below cost where co-ops compete: co-op revenue falls.",
        "es": "Las grandes empresas venden por debajo del coste donde "
        "compiten las cooperativas: sus ingresos caen.",
    },
    "counter_revolution": {
        "en": "Armed counter-revolution: if it is not resisted, the level is lost.",
        "es": "Contrarrevolución armada: si no se la resiste, se pierde el nivel.",
    },
}

NAMES: dict[str, dict[str, str]] = {
    "equity": {"en": "equity", "es": "equidad"},
    "participation": {"en": "participation", "es": "participación"},
    "resilience": {"en": "resilience", "es": "resiliencia"},
    "support": {"en": "support", "es": "apoyo"},
    "firm_share": {"en": "share in capitalist firms", "es": "proporción en empresas capitalistas"},
    "coop_share": {"en": "co-op share", "es": "proporción en cooperativas"},
    "council_share": {"en": "council share", "es": "proporción en consejos"},
    "unemployment": {"en": "unemployment", "es": "desempleo"},
    "self_managed_share": {"en": "self-managed share", "es": "proporción autogestionada"},
    "awareness": {"en": "awareness", "es": "conciencia"},
    "gini": {"en": "Gini", "es": "Gini"},
    "needs_met": {"en": "basic needs met", "es": "necesidades básicas cubiertas"},
    "elite_power": {"en": "elite power", "es": "poder de la élite"},
    "power_concentration": {"en": "power concentration", "es": "concentración del poder"},
    "coop_count": {"en": "number of co-ops", "es": "número de cooperativas"},
    "coop_pay_gap": {"en": "co-op pay gap", "es": "brecha salarial entre cooperativas"},
    "plan_rounds": {"en": "planning rounds", "es": "rondas de planificación"},
    "turn": {"en": "turn", "es": "turno"},
}


def t(lang: str, key: str, **fields: object) -> str:
    """The message `key` in `lang` (English if missing), filled with `fields`."""
    msg = MESSAGES[key]
    return (msg.get(lang) or msg["en"]).format(**fields)


def tactic_text(lang: str, tactic: str) -> str:
    entry = TACTIC_TEXTS[tactic]
    return entry.get(lang) or entry["en"]


def name(lang: str, key: str) -> str:
    """A metric's or parameter's name in words."""
    entry = NAMES.get(key)
    if entry is None:
        return key.replace("_", " ")
    return entry.get(lang) or entry["en"]


def pct(x: float, digits: int = 0) -> str:
    return f"{x * 100:.{digits}f}%"
