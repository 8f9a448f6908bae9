"""Giving memory back to the system after the interface is rebuilt.

Why: a change of scale, font, language or window size rebuilds every surface of the screen
(pygame_gui's element images, its theme fonts, the rendered labels). The old ones are freed,
but glibc's allocator keeps freed heap pages for reuse, and the sizes differ at each scale,
so a long session with many rebuilds grew to gigabytes of free-but-held memory (measured
with `tools/monkey.py`). `malloc_trim` returns those pages; elsewhere it is a no-op.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache


@cache
def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim  # noqa: B018 - glibc only (musl has no malloc_trim)
    except (OSError, AttributeError):
        return None
    return libc


def release_free_memory() -> bool:
    """Return freed heap memory to the system (glibc); True if anything was released."""
    libc = _libc()
    if libc is None:
        return False
    return bool(libc.malloc_trim(0))
