"""What every widget needs to draw itself: scale, theme, fonts, text cache, icons, translator,
motion.

Why a context object: widgets take it as an argument instead of reaching for globals, so a
test can render any widget at 100% and 200% scale, in any language, without an App.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from game.i18n import Translator, load_translator
from game.theme_data import Palette, Spacing, Theme, load_theme
from game.ui.icons import IconBook
from game.ui.text import FontBook, TextCache


@dataclass
class UIContext:
    scale: float
    fonts: FontBook
    text: TextCache
    icons: IconBook
    tr: Translator
    theme: Theme
    reduced_motion: bool = False
    play_sound: Callable[[str], None] = field(default=lambda name: None)
    space: Spacing = field(init=False)  # the theme's spacing at this scale, in screen pixels

    def __post_init__(self) -> None:
        self.space = self.theme.space.scaled(self.scale)

    @property
    def colours(self) -> Palette:
        return self.theme.colours

    @classmethod
    def create(
        cls,
        scale: float = 1.0,
        family: str = "standard",
        lang: str = "en",
        reduced_motion: bool = False,
        icons: IconBook | None = None,
        translator: Translator | None = None,
        theme: Theme | None = None,
    ) -> UIContext:
        theme = theme or load_theme()
        fonts = FontBook(family, scale, theme.sizes)
        return cls(
            scale=scale,
            fonts=fonts,
            text=TextCache(fonts),
            icons=icons or IconBook(),
            tr=translator or load_translator(lang),
            theme=theme,
            reduced_motion=reduced_motion,
        )

    def px(self, value: float) -> int:
        """Design pixels (at 100%) to screen pixels at this scale."""
        return round(value * self.scale)

    def _(self, message: str) -> str:
        return self.tr.gettext(message)

    @property
    def lang(self) -> str:
        return self.tr.lang
