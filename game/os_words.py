"""An operating system error's reason in the player's language: the common ones by errno
(not found, permission denied, is a folder, disk full, read-only...), where the OS's own
text (strerror) would be English whatever --lang says."""

from __future__ import annotations

import errno
from collections.abc import Callable

from game.errors import Nested, part, render
from game.i18n import N_

REASONS: dict[int, str] = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EEXIST: N_("it already exists"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EIO: N_("input/output error (the disk or USB stick may be failing)"),
    errno.ELOOP: N_("too many levels of symbolic links"),
    errno.EADDRINUSE: N_("another program is already using it"),
    errno.EADDRNOTAVAIL: N_("this computer has no such address"),
}


def os_reason_text(exc: BaseException, gettext: Callable[[str], str]) -> str:
    """Why an OSError happened, as a sentence in `gettext`'s language (for the window)."""
    return render(os_reason(exc).parts, gettext)


def os_reason(exc: BaseException) -> Nested:
    """Why an OSError happened, as a translatable text to pass as a part's argument
    (`part(N_("{path}: cannot read: {why}"), path=p, why=os_reason(exc))`)."""
    code = getattr(exc, "errno", None)
    if isinstance(code, int) and code in REASONS:
        return Nested((part(REASONS[code]),))
    why = getattr(exc, "strerror", None) or str(exc)
    name = errno.errorcode.get(code, "") if isinstance(code, int) else ""
    if not name:
        return Nested((part("{why}", why=why),))
    return Nested((part(N_("system error {code} ({why})"), code=name, why=why),))
