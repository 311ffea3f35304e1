"""Names for files that are neither regular files nor folders, shared by the walk (what it skips) and
the atomic writer (what it refuses to replace), so both say the same thing."""

from __future__ import annotations

import stat


def special_kind(mode: int) -> str:
    """What a file that is neither a regular file nor a folder is, for a message ("a device")."""
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"
