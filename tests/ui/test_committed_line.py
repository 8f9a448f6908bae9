"""The scores charts draw the committed minority, the supporters who also take part
(`thresholds.committed`: the lower of the support and participation scores), as a line of
its own, and each participation threshold in the colour of the line it is about: 25 on the
committed line, 3.5 on participation (issue 13, review M4). Support alone past 25 is not a
tipped norm, so a 25 line drawn beside support alone misled. The turn screen and the debrief
draw the same lines, at 100% and 200%, in both languages."""

from __future__ import annotations

from typing import Any

import pytest

from game.settings import Settings
from game.sim.thresholds import ACTIVE_SHARE, COMMITTED_SHARE
from game.ui import demo


def _chart(make_app: Any, scene: str, scale: int, lang: str) -> Any:
    app = make_app(Settings(ui_scale=scale, language=lang))
    app.push(demo.scene_for_screenshot(app, scene, "elected_government"))
    demo.settle(app)
    top = app.top
    narrow = not top.layout.wide if scene == "turn" else scale == 200  # the chart behind a tab
    if narrow:
        top.tab = "charts" if scene == "turn" else "scores"
        top.rebuild()
    (chart,) = [w for w in top.widgets if w.key == "chart"]
    return chart, top.session


@pytest.mark.parametrize("scene", ["turn", "debrief"])
@pytest.mark.parametrize(("scale", "lang"), [(100, "en"), (200, "es")])
def test_the_committed_share_is_its_own_line_with_the_25_threshold(
    make_app: Any, scene: str, scale: int, lang: str
) -> None:
    chart, session = _chart(make_app, scene, scale, lang)
    lines = {s.key: s for s in chart.series}
    assert list(lines) == ["equity", "participation", "resilience", "support", "committed"]
    committed = lines["committed"].values
    assert len(committed) == len(lines["support"].values) >= 2
    for c, s, p in zip(committed, lines["support"].values, lines["participation"].values, strict=True):
        assert c == pytest.approx(min(s, p), abs=1e-6)
    # in this game support is far past 25 while the committed share stays below it
    assert max(lines["support"].values) > 100 * COMMITTED_SHARE > max(committed)
    by_value = {t.value: t for t in chart.thresholds}
    assert by_value[100 * COMMITTED_SHARE].colour == lines["committed"].colour
    assert by_value[100 * ACTIVE_SHARE].colour == lines["participation"].colour
    assert lines["committed"].colour not in {lines[k].colour for k in lines if k != "committed"}
    legend = {"en": "Committed", "es": "Comprometidos"}[lang]
    assert lines["committed"].label == legend
