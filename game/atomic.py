"""Write a file so that readers see either the old contents or the new, never half of each.

Why: a save or settings file cut short by a crash, a full disk or a pulled USB stick must not
destroy the previous good copy. The temporary file lives in the target's folder so that
`os.replace` is a rename on the same file system (atomic on POSIX and Windows).
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from pathlib import Path

TMP_SUFFIX = ".tmp"
# .NAME.PID.RANDOM.tmp, as written above; older games wrote .NAME.RANDOM.tmp
_TMP = re.compile(r"^\..+\.tmp$")
_PID = re.compile(r"\.(\d+)\.[^.]+\.tmp$")
ORPHAN_AGE = 3600.0  # seconds after which a temporary file without a writer id is an orphan


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` atomically; on any error the old file is untouched."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    prefix = f".{target.name}.{os.getpid()}."  # the writer's id, for `clean_orphans`
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=TMP_SUFFIX, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(target.parent)


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write `text` to `path` atomically (UTF-8 by default, newlines as given)."""
    atomic_write_bytes(path, text.encode(encoding))


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but belongs to someone else, or the platform cannot tell
        return True
    return True


def clean_orphans(folder: str | os.PathLike[str], now: float | None = None) -> list[Path]:
    """Delete the temporary files that writers killed mid-write left in `folder` (a power
    cut, a SIGKILL): those whose writer process is gone, or, without a writer id, older than
    an hour. Returns what was deleted; never raises."""
    removed: list[Path] = []
    now = time.time() if now is None else now
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for path in entries:
        if not _TMP.match(path.name):
            continue
        try:
            if not path.is_file() or path.is_symlink():
                continue
            found = _PID.search(path.name)
            if found is not None and os.name == "posix":
                orphan = not _alive(int(found.group(1)))
            else:
                orphan = now - path.stat().st_mtime > ORPHAN_AGE
            if orphan:
                path.unlink()
                removed.append(path)
        except (OSError, ValueError):
            continue
    return removed
