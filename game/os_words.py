"""An operating system error's reason in the player's language: the common ones by errno
(not found, permission denied, is a folder, disk full, read-only...), where the OS's own
text (strerror) would be English whatever --lang says. A rarer one falls back to the OS's
text, said to be English, with its errno name for whoever searches it."""

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
    errno.EMFILE: N_("too many files are open; close some programs and try again"),
    errno.ENFILE: N_("too many files are open; close some programs and try again"),
    errno.EBUSY: N_("the file or disk is busy (another program is using it)"),
    errno.ETXTBSY: N_("the file is busy (another program is using it)"),
    errno.EXDEV: N_("it cannot be moved to another disk in one step"),
    errno.ENOTEMPTY: N_("the folder is not empty"),
    errno.EFBIG: N_("the file is too large for this disk"),
    errno.ENOMEM: N_("the computer ran out of memory"),
    errno.EINVAL: N_("the name or the request is not valid here (a character the disk refuses?)"),
    errno.EILSEQ: N_("the name has a character this disk cannot store"),
    errno.ENODEV: N_("the disk or device is not there (was a USB stick removed?)"),
    errno.ENXIO: N_("the disk or device is not there (was a USB stick removed?)"),
    errno.ESTALE: N_("the network folder is no longer reachable"),
    errno.EAGAIN: N_("it is busy for a moment; try again"),
    errno.EINTR: N_("it was interrupted; try again"),
    errno.ETIMEDOUT: N_("the connection timed out"),
    errno.ECONNREFUSED: N_("the connection was refused (is the server running?)"),
    errno.ECONNRESET: N_("the connection was closed by the other side"),
    errno.ECONNABORTED: N_("the connection was closed by the other side"),
    errno.EPIPE: N_("the connection was closed by the other side"),
    errno.ENETUNREACH: N_("the network is unreachable"),
    errno.ENETDOWN: N_("the network is unreachable"),
    errno.EHOSTUNREACH: N_("the network is unreachable"),
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
    # the OS's own words are English: say so, so a Spanish reader knows why they are
    return Nested((part(N_("the system says, in English: “{why}” ({code})"), code=name, why=why),))
