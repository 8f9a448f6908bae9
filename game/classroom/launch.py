"""Putting a classroom together from the teacher's set-up (shared by the `classroom` command,
the teacher's console and the tests)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from game.classroom.classroom import MAX_GROUPS, ROUND_SECONDS, Classroom
from game.classroom.session import ClassSession, ClassSetup


def make_classroom(
    level: Any,
    setup: ClassSetup,
    lang: str = "en",
    round_seconds: float | None = ROUND_SECONDS,
    max_groups: int = MAX_GROUPS,
    code: str | None = None,
) -> Classroom:
    """A classroom for `max_groups` groups: the council economy is replicated until every
    group can have its own council (per-capita results do not change)."""
    from game.i18n import load_translator

    session = ClassSession(level, setup, lang)
    per_copy = len(session.class_economy(1).councils)
    copies = max(1, math.ceil(max_groups / per_copy))
    play = session.new_play(copies, round_seconds=round_seconds, max_groups=max_groups)
    tr = load_translator(lang).gettext
    return Classroom(play, tr, code=code, on_finish=session.record_plan, session=session)


def write_class_report(room: Classroom, out_dir: Path, lang: str = "en") -> list[Path]:
    """The class's run file and, when a turn was played, its printable debrief."""
    import json

    from game.reports.debrief import write_report
    from game.reports.run import Run

    session = room.session
    assert session is not None
    with room.lock:
        if room.vote is not None and not room.vote.closed:
            room.vote.close()
        data = session.run_dict()
    out_dir.mkdir(parents=True, exist_ok=True)
    run_path = out_dir / "class-run.json"
    run_path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    files = [run_path]
    if data["turns"]:
        files += write_report(Run.model_validate(data), out_dir, session.level, None, lang, run_path.name)
    else:
        files.append(write_class_only(data, out_dir, lang))
    return files


def write_class_only(data: dict[str, Any], out_dir: Path, lang: str = "en") -> Path:
    """class.html for a session that played no turn (council play and votes only)."""
    from html import escape as e

    from game.i18n import load_translator
    from game.reports.classplay import class_section
    from game.reports.css import CSS

    _ = load_translator(lang).gettext
    title = e(str(data.get("title", "")))
    html = (
        f'<!DOCTYPE html><html lang="{e(lang)}"><head><meta charset="utf-8">'
        f"<title>{e(_('The class session'))}: {title}</title><style>{CSS}</style>"
        f"</head><body><h1>{title}</h1>{class_section(data.get('class'), lang)}</body></html>"
    )
    path = out_dir / "class.html"
    path.write_text(html, encoding="utf-8")
    return path
