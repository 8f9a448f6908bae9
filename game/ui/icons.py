"""Icons from assets/icons: white silhouettes tinted at run time and cached per size and colour."""

from __future__ import annotations

import pygame

from game.ui.assets import ICONS

SIZES = (32, 64, 128)
Colour = tuple[int, int, int]


MAX_TINTED = 600  # tinted, scaled copies kept (a screen uses about 100)


class IconBook:
    """Load each icon once per source size; return tinted, scaled copies from a cache."""

    def __init__(self) -> None:
        self._raw: dict[tuple[str, int], pygame.Surface] = {}
        self._cache: dict[tuple[str, int, Colour], pygame.Surface] = {}

    def names(self) -> list[str]:
        return sorted(p.stem for p in (ICONS / "128").glob("*.png"))

    def exists(self, name: str) -> bool:
        return (ICONS / "128" / f"{name}.png").exists()

    def _source(self, name: str, size: int) -> pygame.Surface:
        src = next((s for s in SIZES if s >= size), SIZES[-1])
        key = (name, src)
        surf = self._raw.get(key)
        if surf is None:
            path = ICONS / str(src) / f"{name}.png"
            if not path.exists():
                path = ICONS / str(src) / "info.png"
            surf = pygame.image.load(str(path))
            if pygame.display.get_surface() is not None:
                surf = surf.convert_alpha()
            self._raw[key] = surf
        return surf

    def get(self, name: str, size: int, colour: Colour = (255, 255, 255)) -> pygame.Surface:
        size = max(8, int(size))
        key = (name, size, (colour[0], colour[1], colour[2]))
        surf = self._cache.get(key)
        if surf is None:
            src = self._source(name, size)
            surf = src if src.get_width() == size else pygame.transform.smoothscale(src, (size, size))
            surf = surf.copy()
            surf.fill((*colour[:3], 255), special_flags=pygame.BLEND_RGBA_MULT)
            self._cache[key] = surf
            if len(self._cache) > MAX_TINTED:  # sizes change with every scale: keep it bounded
                del self._cache[next(iter(self._cache))]
        return surf

    def draw(
        self,
        surface: pygame.Surface,
        name: str,
        center: tuple[int, int],
        size: int,
        colour: Colour = (255, 255, 255),
    ) -> pygame.Rect:
        icon = self.get(name, size, colour)
        rect = icon.get_rect(center=center)
        surface.blit(icon, rect)
        return rect
