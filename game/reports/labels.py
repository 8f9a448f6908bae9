"""The debrief's own words in English and Spanish. Kept here as data (the report is a
command-line tool, apart from the game window's gettext catalogs); a test checks that both
languages have every label."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "debrief": "Debrief",
        "scenario": "Scenario code",
        "level": "Level",
        "seed": "Seed",
        "turns_played": "Turns played",
        "of": "of",
        "season": "seasons",
        "year": "years",
        "replay": "To replay this run",
        "outcome": "Outcome",
        "won": "Won",
        "lost": "Lost",
        "unfinished": "Unfinished",
        "stopped": "Stopped (the level's numbers ran away)",
        "scores": "Scores",
        "chart_title": "The four scores, turn by turn (0 is the start)",
        "turn": "Turn",
        "start": "start",
        "score_axis": "Score (0 to 100)",
        "equity": "Equity",
        "participation": "Participation",
        "resilience": "Resilience",
        "support": "Support",
        "turning_points": "Turning points",
        "turning_intro": "The largest causes of change in the whole run.",
        "rose": "rose",
        "fell": "fell",
        "decisions": "Decisions",
        "actions": "Actions played",
        "event": "Event and choice",
        "nothing": "nothing",
        "elite": "The elite's moves",
        "move": "What it did",
        "next_warning": "Warned for next turn",
        "no_moves": "The elite made no move in this run.",
        "dangers": "Warnings of defeat",
        "danger_left": "turns left",
        "no_events": "No event happened in this run.",
        "questions": "Discussion questions",
        "glossary": "Glossary",
        "background": "Background",
        "source": "Source",
        "not_found": (
            "The level '{id}' is not installed here, so its questions, glossary "
            "and background are missing from this report. Give its file with "
            "--level or its mod folder with --mods."
        ),
        "footer": "Written by Parecon Pathways from {file}. The tables are also in turns.csv "
        "and causes.csv; decisions.yaml holds the decisions of this run.",
        "summary": "Summary",
        "metrics": "Key figures at the end",
        "coop_share": "Workforce in co-ops",
        "workforce_in": "Workforce in: {segment}",
        "council_share": "Workforce in councils",
        "unemployment": "Unemployment",
        "awareness": "Awareness",
        "gini": "Gini of incomes",
        "needs_met": "Basic needs met",
        "power_concentration": "Power concentration",
        "elite_power": "Elite's power (1 = start)",
    },
    "es": {
        "debrief": "Informe final",
        "scenario": "Código de escenario",
        "level": "Nivel",
        "seed": "Semilla",
        "turns_played": "Turnos jugados",
        "of": "de",
        "season": "estaciones",
        "year": "años",
        "replay": "Para repetir esta partida",
        "outcome": "Resultado",
        "won": "Ganada",
        "lost": "Perdida",
        "unfinished": "Sin terminar",
        "stopped": "Detenida (los números del nivel se desbocaron)",
        "scores": "Puntuaciones",
        "chart_title": "Las cuatro puntuaciones, turno a turno (0 es el inicio)",
        "turn": "Turno",
        "start": "inicio",
        "score_axis": "Puntuación (0 a 100)",
        "equity": "Equidad",
        "participation": "Participación",
        "resilience": "Resiliencia",
        "support": "Apoyo",
        "turning_points": "Momentos decisivos",
        "turning_intro": "Las mayores causas de cambio de toda la partida.",
        "rose": "subió",
        "fell": "bajó",
        "decisions": "Decisiones",
        "actions": "Acciones jugadas",
        "event": "Evento y elección",
        "nothing": "nada",
        "elite": "Los movimientos de la élite",
        "move": "Lo que hizo",
        "next_warning": "Anunciado para el turno siguiente",
        "no_moves": "La élite no hizo ningún movimiento en esta partida.",
        "dangers": "Avisos de derrota",
        "danger_left": "turnos restantes",
        "no_events": "No hubo ningún evento en esta partida.",
        "questions": "Preguntas para el debate",
        "glossary": "Glosario",
        "background": "Contexto",
        "source": "Fuente",
        "not_found": (
            "El nivel '{id}' no está instalado aquí, así que faltan sus preguntas, "
            "su glosario y su contexto. Indica su archivo con --level o su carpeta "
            "de mod con --mods."
        ),
        "footer": "Escrito por Parecon Pathways a partir de {file}. Las tablas están también "
        "en turns.csv y causes.csv; decisions.yaml guarda las decisiones de esta "
        "partida.",
        "summary": "Resumen",
        "metrics": "Cifras clave al final",
        "coop_share": "Fuerza laboral en cooperativas",
        "workforce_in": "Fuerza laboral en: {segment}",
        "council_share": "Fuerza laboral en consejos",
        "unemployment": "Desempleo",
        "awareness": "Conciencia",
        "gini": "Gini de los ingresos",
        "needs_met": "Necesidades básicas cubiertas",
        "power_concentration": "Concentración del poder",
        "elite_power": "Poder de la élite (1 = inicio)",
    },
}


def labels(lang: str) -> dict[str, str]:
    """The labels of `lang`, English for any label (or language) that is missing."""
    out = dict(LABELS["en"])
    out.update(LABELS.get(lang, {}))
    return out
