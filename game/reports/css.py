"""The printable reports' style sheet (the run debrief and the class play report share it)."""

CSS = """
@page { size: A4; margin: 14mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Atkinson Hyperlegible", "Helvetica Neue", Arial, sans-serif;
  color: #111; background: #fff; max-width: 900px; margin: 0 auto; padding: 16px 20px 40px;
  line-height: 1.45; font-size: 15px; }
h1 { font-size: 1.7em; margin: 0 0 2px; }
h1 small { display: block; font-size: 0.55em; font-weight: normal; color: #444;
  letter-spacing: 0.04em; text-transform: uppercase; }
h2 { font-size: 1.2em; margin: 1.5em 0 0.5em; padding-bottom: 3px;
  border-bottom: 2px solid #222; break-after: avoid; page-break-after: avoid; }
p.path { margin: 0 0 10px; color: #333; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 0.92em; }
th, td { border: 1px solid #999; padding: 3px 7px; vertical-align: top; text-align: left; }
th { background: #eee; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px;
  margin: 10px 0; }
.facts dt { font-weight: bold; }
.facts dd { margin: 0; }
code, .code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.95em; }
.code { background: #f3f3f3; border: 1px solid #ccc; padding: 1px 6px; }
.outcome { border: 2px solid #222; border-left-width: 10px; padding: 8px 12px;
  margin: 12px 0; break-inside: avoid; }
.outcome.won { border-color: #009e73; }
.outcome.lost { border-color: #d55e00; }
.outcome.unfinished { border-color: #777; }
.outcome strong { font-size: 1.15em; }
.chart { display: block; max-width: 720px; margin: 6px 0; break-inside: avoid; }
.chart .tick { font-size: 11px; fill: #333; }
.chart .axis { font-size: 12px; fill: #111; }
.chart .legend { font-size: 12.5px; fill: #111; }
.up { color: #00684a; }
.down { color: #a33e00; }
ol.points li, ul.plain li { margin-bottom: 4px; }
ol.questions li { margin-bottom: 10px; break-inside: avoid; }
ol.points li, ul.plain li { break-inside: avoid; }
dl.glossary div { break-inside: avoid; page-break-inside: avoid; }
dl.glossary dt { font-weight: bold; margin-top: 6px; }
dl.glossary dd { margin: 0 0 0 1.2em; }
.src { color: #555; font-size: 0.88em; }
.note { border: 1px dashed #777; padding: 6px 10px; background: #fafafa; }
footer { margin-top: 2em; padding-top: 6px; border-top: 1px solid #999; color: #555;
  font-size: 0.85em; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  ol.questions li { margin-bottom: 3.2em; }
  a { color: inherit; text-decoration: none; }
  h2 { margin-top: 1.1em; }
}
"""
