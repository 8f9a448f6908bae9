"""Credits: who made what, under which licence (from assets/LICENSES.md, or its translation
LICENSES.<lang>.md), the libraries the game is built on, and the sources the levels cite."""

from __future__ import annotations

import pygame

from game.i18n import N_
from game.ui.assets import LICENSES, licenses_file
from game.ui.scenes.common import MenuScene
from game.ui.widgets.textblock import ScrollText


def licenses_text(lang: str = "en") -> str:
    """The list of files and licences in `lang` (its headings and descriptions translated, the
    licences' names as their authors wrote them), English where there is no translation."""
    path = licenses_file(lang)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        return f"assets/{path.name}: {exc}"


def markdown_to_plain(md: str) -> str:
    """Keep headings and bullets, drop link syntax and emphasis marks for on-screen reading;
    a paragraph's lines, wrapped in the file, become one line the screen wraps to its width
    (kept apart they broke the text mid-sentence)."""
    import re

    out: list[str] = []
    for line in md.splitlines():
        line = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r"\1 (\2)", line)
        line = line.replace("**", "").replace("`", "")
        if line.startswith("### "):
            line = "## " + line[4:]
        starts = line.startswith(("#", "- ", "* ")) or not line.strip()
        if out and out[-1].strip() and not out[-1].startswith("#") and not starts:
            out[-1] = out[-1].rstrip() + " " + line.strip()  # the paragraph goes on
        else:
            out.append(line)
    return "\n".join(out)


class CreditsScene(MenuScene):
    name = "credits"
    title = N_("Credits and sources")
    icon = "info"

    def sources_text(self) -> str:
        """Sources cited by the levels (empty until levels are loaded)."""
        cite = getattr(self.app, "level_sources", None)
        if not cite:
            return ""
        items = cite()
        if not items:
            return ""
        return "\n# " + self._("Sources the pathways cite") + "\n" + "\n".join(f"- {s}" for s in items)

    def build(self) -> None:
        ctx = self.ctx
        w, h = self.size
        top = self.header_height() + ctx.space.below_header
        width = min(w - ctx.space.credits.edges, ctx.space.credits.text_max_w)
        rect = pygame.Rect((w - width) // 2, top, width, h - top - ctx.space.screen_margin)
        # the list in the player's language; a language without its own list reads the English
        # one, and is told so before it starts
        lang = ctx.tr.lang
        note = self._("The list of files and licences below is in English, the language of the licences.")
        lead = "" if licenses_file(lang) != LICENSES or lang == "en" else note + "\n\n"
        text = lead + markdown_to_plain(licenses_text(lang)) + self.sources_text()
        self.add(ScrollText(ctx, rect, text, key="credits-text"))
