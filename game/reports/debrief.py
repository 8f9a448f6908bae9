"""The debrief of one run: report.html (self-contained and print-friendly, no scripts, no
external resources), turns.csv and causes.csv.

The level is optional: with it the report adds the level's summary, action titles, discussion
questions, glossary and background notes; without it (a run of a level that is not installed)
the report says so and shows everything the run itself holds.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from game.i18n import number
from game.reports.chart import score_chart
from game.reports.css import CSS
from game.reports.labels import labels
from game.reports.run import SCORES, Run
from game.reports.scenario import scenario_code

# metrics shown in the summary and written to turns.csv first (others follow)
KEY_METRICS = (
    "coop_share",
    "council_share",
    "unemployment",
    "awareness",
    "gini",
    "needs_met",
    "power_concentration",
    "elite_power",
)
SHARE_METRICS = {
    "coop_share",
    "council_share",
    "unemployment",
    "awareness",
    "needs_met",
    "power_concentration",
}


@dataclass(frozen=True)
class TurningPoint:
    turn: int
    score: str
    delta: float
    kind: str
    text: str


def turning_points(run: Run, limit: int = 8, at_least: float = 0.5, same: int = 2) -> list[TurningPoint]:
    """The largest causes of the run, in turn order: causes of at least `at_least` points,
    the largest first, at most `limit` of them and at most `same` from the same source on
    the same score (so that one trend repeated every turn does not hide the rest); at least
    the three largest if fewer are that big."""
    found = [
        (TurningPoint(t.turn, c.score, c.delta, c.kind, c.text), (c.kind, c.id, c.score))
        for t in run.turns
        for c in t.causes
        if abs(c.delta) > 1e-9 and c.text
    ]
    found.sort(key=lambda pk: -abs(pk[0].delta))
    chosen: list[TurningPoint] = []
    count: dict[tuple[str, str, str], int] = {}
    for p, key in found:
        if abs(p.delta) < at_least or len(chosen) >= limit:
            break
        if count.get(key, 0) >= same:
            continue
        count[key] = count.get(key, 0) + 1
        chosen.append(p)
    if len(chosen) < 3:
        chosen = [p for p, _ in found[:3]]
    return sorted(chosen, key=lambda p: (p.turn, -abs(p.delta)))


def cause_sentence(p: TurningPoint, lang: str = "en") -> str:
    """`Support fell 4.2: Owned media ran a campaign...` in the debrief's language."""
    lab = labels(lang)
    verb = lab["rose"] if p.delta > 0 else lab["fell"]
    return f"{lab[p.score]} {verb} {number(abs(p.delta), '.1f', lang)}: {p.text}"


# ---------------------------------------------------------------- CSV


def turns_csv(run: Run) -> str:
    """One row per turn: scores, their changes, the metrics, resources and decisions."""
    metric_names: list[str] = []
    for name in KEY_METRICS:
        if any(name in t.metrics for t in run.turns):
            metric_names.append(name)
    for t in run.turns:
        for name in t.metrics:
            if name not in metric_names and name not in SCORES and name != "turn":
                metric_names.append(name)
    resource_names: list[str] = []
    for t in run.turns:
        resource_names += [r for r in t.resources if r not in resource_names]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(
        [
            "turn",
            *SCORES,
            *(f"change_{s}" for s in SCORES),
            *metric_names,
            *(f"resource_{r}" for r in resource_names),
            "actions",
            "event",
            "choice",
            "elite_moves",
            "loss_warnings",
        ]
    )
    for i, t in enumerate(run.turns):
        w.writerow(
            [
                t.turn,
                *(_num(t.scores.get(s)) for s in SCORES),
                *(_num(run.delta(i, s)) for s in SCORES),
                *(_num(t.metrics[m]) if m in t.metrics else "" for m in metric_names),
                *(_num(t.resources[r]) if r in t.resources else "" for r in resource_names),
                " ".join(t.actions),
                " ".join(e.id for e in t.events),
                " ".join(e.choice for e in t.events),
                " ".join(m.tactic for m in t.elite.moves),
                " ".join(w_.id for w_ in t.warnings),
            ]
        )
    return buf.getvalue()


def causes_csv(run: Run) -> str:
    """Every cause of every score change: turn, score, change, kind, id, sentence."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["turn", "score", "change", "kind", "id", "text"])
    for t in run.turns:
        for c in t.causes:
            w.writerow([t.turn, c.score, _num(c.delta), c.kind, c.id, c.text])
    return buf.getvalue()


def decisions_yaml(run: Run) -> str:
    """The run's decisions as a decision file: `simulate --actions` replays the same run."""
    lines = [
        f"# The decisions of run {scenario_code(run.level, run.seed)}. Replay it with:",
        f"#   python main.py simulate {run.level} --seed {run.seed} --actions decisions.yaml",
        "turns:",
    ]
    for t in run.turns:
        if not t.actions and not t.events:
            continue
        acts = "[" + ", ".join(t.actions) + "]"
        if t.events:
            choices = ", ".join(f"{e.id}: {e.choice}" for e in t.events)
            lines.append(f"  {t.turn}: {{actions: {acts}, choices: {{{choices}}}}}")
        else:
            lines.append(f"  {t.turn}: {acts}")
    if lines[-1] == "turns:":
        lines[-1] = "turns: {}"
    return "\n".join(lines) + "\n"


def _num(x: float) -> str:
    return f"{round(float(x), 4):g}" if abs(x) < 1e15 else f"{x:.6g}"


# ---------------------------------------------------------------- HTML


def _t(value: Any, lang: str) -> str:
    from game.levels.schema import text_of

    return text_of(value, lang) if value is not None else ""


def _delta_cell(d: float, lang: str = "en") -> str:
    cls = "up" if d > 0.05 else "down" if d < -0.05 else ""
    sign = "+" if d >= 0 else "−"
    size = number(abs(d), ".1f", lang)
    return f'<span class="{cls}">{sign}{size}</span>' if cls else f"{sign}{size}"


def _metric_label(name: str, lab: dict[str, str], level: Any, lang: str) -> str:
    """A key figure's label; a segment's share by the level's own name for it (its `words`)."""
    seg = {"coop_share": "coop", "council_share": "council"}.get(name)
    own = getattr(getattr(getattr(level, "words", None), "segments", None), seg or "", None)
    if seg is not None and own:
        return lab["workforce_in"].format(segment=_t(own, lang))
    return lab.get(name, name)


def _metric(name: str, value: float, lang: str = "en") -> str:
    if name in SHARE_METRICS:
        return number(value, ".1%", lang)
    if name == "gini":
        return number(value, ".3f", lang)
    return number(value, ".2f", lang)


def render_html(
    run: Run,
    level: Any | None = None,
    glossary: list[Any] | None = None,
    lang: str = "en",
    source_name: str = "RUN.json",
) -> str:
    """The whole report as one HTML document. `level` is a `game.levels.schema.Level` (or
    None if it is not installed); `glossary` the entries to print (the level's own first)."""
    lab = labels(lang)
    e = escape
    title = _t(level.title, lang) if level is not None else (run.title or run.level)
    code = scenario_code(run.level, run.seed)
    parts: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{e(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(lab['debrief'])}: {e(title)} ({e(code)})</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1><small>{e(lab['debrief'])}</small>{e(title)}</h1>",
    ]
    if level is not None:
        parts.append(f'<p class="path">{e(_t(level.path, lang))}</p>')
    actions = {a.id: _t(a.title, lang) for a in level.actions} if level is not None else {}

    # the facts of the run
    total = f" {e(lab['of'])} {level.turns}" if level is not None else ""
    unit = lab.get(run.turn_length or (level.turn_length if level is not None else ""), "")
    parts += [
        '<dl class="facts">',
        f'<dt>{e(lab["scenario"])}</dt><dd><span class="code">{e(code)}</span></dd>',
        f"<dt>{e(lab['level'])}</dt><dd><code>{e(run.level)}</code></dd>",
        f"<dt>{e(lab['seed'])}</dt><dd>{run.seed}</dd>",
        f"<dt>{e(lab['turns_played'])}</dt><dd>{len(run.turns)}{total} {e(unit)}</dd>",
        f"<dt>{e(lab['replay'])}</dt><dd><code>python main.py simulate {e(run.level)} "
        f"--seed {run.seed} --actions decisions.yaml</code></dd>",
        "</dl>",
        f'<div class="outcome {e(run.outcome)}"><strong>{e(lab["outcome"])}: '
        f"{e(lab[run.outcome])}.</strong> {e(run.reason)}</div>",
    ]
    if level is None:
        parts.append(f'<p class="note">{e(lab["not_found"].format(id=run.level))}</p>')
    else:
        parts.append(f"<p>{e(_t(level.summary, lang))}</p>")

    # scores: chart and table
    turns = [t.turn for t in run.turns]
    series = {s: [t.scores.get(s) for t in run.turns] for s in SCORES}
    if run.start is not None:
        turns = [0, *turns]
        series = {s: [run.start.get(s), *v] for s, v in series.items()}
    parts += [
        f"<h2>{e(lab['scores'])}</h2>",
        score_chart(
            series, turns, {s: lab[s] for s in SCORES}, lab["turn"], lab["score_axis"], lab["chart_title"]
        ),
    ]
    head = "".join(f'<th class="num">{e(lab[s])}</th>' for s in SCORES)
    rows = [f"<table><thead><tr><th>{e(lab['turn'])}</th>{head}</tr></thead><tbody>"]
    if run.start is not None:
        cells = "".join(f'<td class="num">{number(run.start.get(s), ".1f", lang)}</td>' for s in SCORES)
        rows.append(f"<tr><td>{e(lab['start'])}</td>{cells}</tr>")
    for i, t in enumerate(run.turns):
        cells = "".join(
            f'<td class="num">{number(t.scores.get(s), ".1f", lang)} '
            f"({_delta_cell(run.delta(i, s), lang)})</td>"
            for s in SCORES
        )
        rows.append(f"<tr><td>{t.turn}</td>{cells}</tr>")
    rows.append("</tbody></table>")
    parts += rows

    last = run.turns[-1].metrics
    shown = [m for m in KEY_METRICS if m in last]
    if shown:
        parts.append(f"<h2>{e(lab['metrics'])}</h2><table><tbody>")
        parts += [
            f"<tr><th>{e(_metric_label(m, lab, level, lang))}</th>"
            f'<td class="num">{_metric(m, last[m], lang)}</td></tr>'
            for m in shown
        ]
        parts.append("</tbody></table>")

    parts += milestones_html(run, level, lang)

    # turning points
    points = turning_points(run)
    parts.append(f"<h2>{e(lab['turning_points'])}</h2><p>{e(lab['turning_intro'])}</p>")
    if points:
        parts.append('<ol class="points">')
        parts += [
            f"<li><strong>{e(lab['turn'])} {p.turn}.</strong> {e(cause_sentence(p, lang))}</li>"
            for p in points
        ]
        parts.append("</ol>")

    # decisions, events and choices
    parts.append(
        f"<h2>{e(lab['decisions'])}</h2><table><thead><tr><th>{e(lab['turn'])}</th>"
        f"<th>{e(lab['actions'])}</th><th>{e(lab['event'])}</th></tr></thead><tbody>"
    )
    for t in run.turns:
        played = ", ".join(actions.get(a, a) for a in t.actions) or lab["nothing"]
        events = "; ".join(f"{ev.title}: {ev.label}" for ev in t.events)
        parts.append(f"<tr><td>{t.turn}</td><td>{e(played)}</td><td>{e(events)}</td></tr>")
    parts.append("</tbody></table>")
    if not any(t.events for t in run.turns):
        parts.append(f"<p>{e(lab['no_events'])}</p>")

    # a class session's plan and votes (game/classroom)
    if run.model_extra and run.model_extra.get("class"):
        from game.reports.classplay import class_section

        parts.append(class_section(run.model_extra["class"], lang))

    # the elite
    parts.append(f"<h2>{e(lab['elite'])}</h2>")
    elite_rows = [t for t in run.turns if t.elite.moves or t.elite.warning is not None]
    if any(t.elite.moves for t in run.turns) or elite_rows:
        parts.append(
            f"<table><thead><tr><th>{e(lab['turn'])}</th><th>{e(lab['move'])}</th>"
            f"<th>{e(lab['next_warning'])}</th></tr></thead><tbody>"
        )
        for t in elite_rows:
            moves = "; ".join(m.text for m in t.elite.moves)
            warn = t.elite.warning.text if t.elite.warning is not None else ""
            parts.append(f"<tr><td>{t.turn}</td><td>{e(moves)}</td><td>{e(warn)}</td></tr>")
        parts.append("</tbody></table>")
    if not any(t.elite.moves for t in run.turns):
        parts.append(f"<p>{e(lab['no_moves'])}</p>")

    dangers = [(t.turn, w) for t in run.turns for w in t.warnings]
    if dangers:
        parts.append(f'<h2>{e(lab["dangers"])}</h2><ul class="plain">')
        parts += [
            f"<li><strong>{e(lab['turn'])} {turn}.</strong> {e(w.text)} "
            f"({w.turns_left} {e(lab['danger_left'])})</li>"
            for turn, w in dangers
        ]
        parts.append("</ul>")

    # from the level: questions, glossary, background
    if level is not None and level.questions:
        parts.append(f'<h2>{e(lab["questions"])}</h2><ol class="questions">')
        parts += [f"<li>{e(_t(q, lang))}</li>" for q in level.questions]
        parts.append("</ol>")
    entries = list(glossary or [])
    if entries:
        parts.append(f'<h2>{e(lab["glossary"])}</h2><dl class="glossary">')
        for g in entries:
            src = f' <span class="src">({e(g.source)})</span>' if g.source else ""
            parts.append(f"<div><dt>{e(_t(g.term, lang))}</dt><dd>{e(_t(g.text, lang))}{src}</dd></div>")
        parts.append("</dl>")
    if level is not None and level.notes:
        parts.append(f'<h2>{e(lab["background"])}</h2><ul class="plain">')
        parts += [
            f'<li>{e(_t(n.text, lang))} <span class="src">({e(lab["source"])}: {e(n.source)})</span></li>'
            for n in level.notes
        ]
        parts.append("</ul>")

    parts += [f"<footer>{e(lab['footer'].format(file=source_name))}</footer>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def milestones_html(run: Run, level: Any | None, lang: str) -> list[str]:
    """The pace of pay (when the level lets pay move) and the participation thresholds:
    when each was crossed and what changed (`game.milestones`)."""
    from game.milestones import milestones, pay_can_move

    if not run.turns:
        return []
    start: dict[str, float] = {}
    if run.start is not None:
        start["support"] = float(run.start.support)
        start["participation"] = float(run.start.participation)
        start["peak_participation"] = float(run.start.participation) / 100.0
    if level is not None:
        start["pay_transition"] = float(level.economy.params.get("pay_transition", 0.0))
    turns = [(t.turn, t.metrics) for t in run.turns]
    unit = labels(lang)["turn"]
    found = milestones(start, turns, unit.lower(), lang, level is not None and pay_can_move(level))
    out: list[str] = []
    for section in (found.pace, found.thresholds):
        if section is not None:
            out.append(f"<h2>{escape(section[0])}</h2>")
            out += [f"<p>{escape(s)}</p>" for s in section[1]]
    return out


def write_report(
    run: Run,
    out_dir: Path,
    level: Any | None = None,
    glossary: list[Any] | None = None,
    lang: str = "en",
    source_name: str = "RUN.json",
) -> list[Path]:
    """Write report.html, turns.csv, causes.csv and decisions.yaml (the run's decisions, to
    replay it) into `out_dir` (created if needed).
    The CSV files are UTF-8 with a byte-order mark so that spreadsheet programs read accents
    right."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {
        out_dir / "report.html": (render_html(run, level, glossary, lang, source_name), "utf-8"),
        out_dir / "turns.csv": (turns_csv(run), "utf-8-sig"),
        out_dir / "causes.csv": (causes_csv(run), "utf-8-sig"),
        out_dir / "decisions.yaml": (decisions_yaml(run), "utf-8"),
    }
    for path, (text, encoding) in files.items():
        path.write_text(text, encoding=encoding, newline="")
    return list(files)
