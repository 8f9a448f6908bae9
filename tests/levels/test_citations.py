"""Every fact a player or a class reads cites a source the reader can follow: an author or
publisher with a year, a URL or a DOI; or it says it is the game's own derivation. Never an
internal design document ("economics.md §5") or a source file of the game."""

from __future__ import annotations

import re
from pathlib import Path

from game.levels.catalog import load_catalog

ROOT = Path(__file__).resolve().parents[2]
FOLLOWABLE = re.compile(r"\b(1[89]\d\d|20\d\d)\b|https?://|doi:|the game's own")
INTERNAL = re.compile(r"economics\.md|shared/|reference/|\.py\b|§")


def _sources() -> list[tuple[str, str]]:
    cat = load_catalog([ROOT / "examples" / "mods"], include_user=False)
    assert not cat.problems
    out = []
    for lv in cat.levels:
        out += [(f"{lv.level.id} note", n.source) for n in lv.level.notes]
        out += [(f"{lv.level.id} glossary {g.term}", g.source) for g in lv.level.glossary if g.source]
    out += [(f"glossary {g.term}", g.source) for g in cat.glossary if g.source]
    return out


def test_every_source_can_be_followed() -> None:
    sources = _sources()
    assert len(sources) > 40
    bad = [f"{where}: {src}" for where, src in sources if INTERNAL.search(src) or not FOLLOWABLE.search(src)]
    assert not bad, "\n".join(bad)


def test_the_docs_cite_sources_not_design_notes() -> None:
    """Teachers and modders read the docs: they cite published sources, never the design
    notes that do not ship with the game."""
    docs = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    bad = [
        f"{p.name}:{i}: {line.strip()}"
        for p in docs
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"economics\.md|DESIGN\.md|games\.md|§", line)
    ]
    assert not bad, "\n".join(bad)
