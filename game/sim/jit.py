"""Whether the optional compiled loops (numba, the `fast` extra) may run.

Only plans of Hahnel's scale (SMALL_ECONOMY worker councils or more) use them; the game's
own economies never do, so a level plays to the same bits with or without numba. numba is
imported only when a large plan asks for it (no import-time cost for the game), and
PARECON_JIT=0 turns the compiled loops off (the tests and the benchmark compare both paths).
"""

from __future__ import annotations

import importlib.util
import os

ENV = "PARECON_JIT"


def jit_enabled() -> bool:
    """True when numba is installed and PARECON_JIT is not "0"."""
    if os.environ.get(ENV, "1").strip() == "0":
        return False
    return importlib.util.find_spec("numba") is not None
