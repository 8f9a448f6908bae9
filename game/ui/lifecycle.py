"""The game window's life: the smallest size it may take, and a clean end on SIGTERM or
Ctrl+C at any moment (a teacher closing a session, a shutdown of the classroom PC)."""

from __future__ import annotations

import signal
import warnings
from typing import Any

import pygame

MIN_SIZE = (800, 450)  # below this, a 200% interface cannot lay out its screens


class Stopped(BaseException):
    """SIGTERM or SIGINT arrived: unwinds whatever the main thread is doing (a BaseException,
    so no `except Exception` on the way swallows it)."""


def _stop(signum: int, _frame: object) -> None:
    raise Stopped(signum)


def catch_stop_signals() -> dict[int, Any]:
    """Python handlers for SIGTERM and SIGINT (replacing SDL's, which only queue a quit
    event); only possible on the main thread."""
    previous: dict[int, Any] = {}
    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            previous[sig] = signal.signal(sig, _stop)
        except (ValueError, OSError):  # not the main thread, or not on this platform
            continue
    return previous


def restore_signals(previous: dict[int, Any]) -> None:
    for sig, handler in previous.items():
        try:
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
        except (ValueError, OSError, TypeError):
            continue


def below_minimum(size: tuple[int, int]) -> bool:
    return size[0] < MIN_SIZE[0] or size[1] < MIN_SIZE[1]


def enforce_minimum_size() -> None:
    """Ask SDL to keep the window at least MIN_SIZE while the player drags its edge."""
    try:
        with warnings.catch_warnings():  # pygame-ce marks the display-module bridge deprecated
            warnings.simplefilter("ignore", DeprecationWarning)
            window = pygame.Window.from_display_module()
        window.minimum_size = MIN_SIZE
    except (AttributeError, pygame.error, ValueError):
        pass
