"""The class session's report: the class's plan against the automatic one, and every vote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.classroom.launch import make_classroom, write_class_report
from game.classroom.session import ClassSetup
from game.classroom.views import council_view
from game.cli import main


@pytest.mark.parametrize("lang", ["en", "es"])
def test_report_has_the_class_plan_and_votes(coop_level, tmp_path: Path, lang: str) -> None:
    room = make_classroom(coop_level, ClassSetup("coop_network", 42, 20, mode="server"), lang, None, 4)
    a = room.join(room.code, "Reds")
    room.join(room.code, "Blues")
    room.start()
    while room.play.status == "round":
        v = council_view(room.play, a)
        r = room.play.round
        room.propose(a.id, v["lo"] if r <= 2 else v["suggested"])
        if room.play.status == "round" and room.play.round == r:  # Blues is still awaited
            room.close_round()
    assert room.outcome is not None
    vote = room.vote_actions("hands")
    room.set_hands(vote.options[1][0], 9)
    room.close_vote()
    room.play_turn()
    files = write_class_report(room, tmp_path, lang)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    if lang == "en":
        assert "The class plan beside the automatic plan" in html
        assert "Whose revisions moved the plan most" in html and "Reds" in html
        assert "by show of hands" in html and f"Decided: {vote.options[1][1]}" in html
    else:
        assert "El plan de la clase junto al plan automático" in html and "a mano alzada" in html
    run = json.loads((tmp_path / "class-run.json").read_text(encoding="utf-8"))
    assert run["class"]["votes"][0]["winner"] == vote.options[1][0]
    assert run["class"]["plans"][0]["groups"][0]["group"] == "Reds"
    assert tmp_path / "report.html" in files
    # the class run is a run: `report` reads it again and keeps the class part
    assert main(["report", str(tmp_path / "class-run.json"), "--out", str(tmp_path / "again")]) == 0
    again = (tmp_path / "again" / "report.html").read_text(encoding="utf-8")
    assert "Reds" in again
