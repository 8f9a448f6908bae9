"""Whether the optional compiled loops (numba, the `fast` extra) may run.

Only plans of Hahnel's scale (SMALL_ECONOMY worker councils or more) use them; the game's
own economies never do, so a level plays to the same bits with or without numba. numba is
imported only when a large plan asks for it (no import-time cost for the game), and
PARECON_JIT=0 turns the compiled loops off (the tests and the benchmark compare both paths).
A numba that is installed but does not import (numba refuses a numpy newer than it
supports, for one) turns them off too, with one warning that says why, never a traceback.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import os
import warnings

ENV = "PARECON_JIT"


def jit_enabled() -> bool:
    """True when numba is installed and imports, and PARECON_JIT is not "0". Imports numba
    (once) when it is installed and allowed: call it only where a compiled loop would run."""
    if os.environ.get(ENV, "1").strip() == "0":
        return False
    return importlib.util.find_spec("numba") is not None and _numba_imports()


@functools.cache
def _numba_imports() -> bool:
    """Whether `import numba` works here; warns once when it does not."""
    try:
        importlib.import_module("numba")
    except Exception as exc:  # ImportError, or whatever a broken install raises
        warnings.warn(
            f"numba is installed but does not import ({type(exc).__name__}: {exc}); plans of "
            f"4,096 councils or more use numpy's loops (set {ENV}=0 to silence this)",
            RuntimeWarning,
            stacklevel=3,
        )
        return False
    return True
