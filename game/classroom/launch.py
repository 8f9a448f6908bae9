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
        from game.reports.classplay import write_class_only

        files.append(write_class_only(data, out_dir, lang))
    return files
