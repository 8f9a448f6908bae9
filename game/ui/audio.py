"""Sound effects with volume and mute; silent, never failing, when no mixer can start."""

from __future__ import annotations

import pygame

from game.ui.assets import SOUNDS

NAMES = ("click", "turn_end", "score_up", "score_down", "elite_warning", "event", "win", "lose")


class Audio:
    def __init__(self, volume: float = 0.7, muted: bool = False, enabled: bool = True) -> None:
        self.volume = volume
        self.muted = muted
        self.enabled = False
        self.error: str | None = None
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self.played: list[str] = []  # names played, newest last (kept short; for captions/tests)
        if enabled:
            self._start()

    def _start(self) -> None:
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=22050, size=-16, channels=2, buffer=512)
            for name in NAMES:
                path = SOUNDS / f"{name}.wav"
                if path.exists():
                    self._sounds[name] = pygame.mixer.Sound(str(path))
            self.enabled = True
        except (pygame.error, OSError) as exc:
            self.enabled = False
            self.error = str(exc)
            self._sounds.clear()

    def set_volume(self, volume: float, muted: bool) -> None:
        self.volume = min(1.0, max(0.0, volume))
        self.muted = muted

    def play(self, name: str) -> None:
        self.played = (self.played + [name])[-20:]
        if not self.enabled or self.muted or self.volume <= 0:
            return
        sound = self._sounds.get(name)
        if sound is None:
            return
        try:
            sound.set_volume(self.volume)
            sound.play()
        except pygame.error:
            pass
