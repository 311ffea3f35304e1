"""Write files so that a crash, a kill -9 or a full disk never leaves half a file behind.

The new content goes to a temporary file in the same folder, is flushed and fsync'ed, then
renamed over the target (atomic on POSIX); the folder is fsync'ed so the rename survives a
power cut. Readers see the old file or the new one, never a mix.

The temporary file is named `.<target name>.<random>.tmp`: a kill -9 between its creation and
the rename leaves it behind (hidden, clearly temporary, never read back by us); the target is
untouched, and the next write of the same target removes such leftovers once they are an hour
old (younger ones may belong to another process writing right now). The new file gets the
permissions of any file the user writes (0666 less the umask, applied by the kernel when it is
created), or keeps the mode of the file it replaces.

Only regular files are written: a path that is a folder, a device, a FIFO or a socket is
refused before anything is created (renaming over `/dev/full` as root would replace the
device with a file). A symlink is written through: its target gets the new content and the
link stays. Errors name the path the caller gave, never our temporary file.
"""

from __future__ import annotations

import glob
import os
import secrets
import stat
from pathlib import Path

from .filekinds import special_kind


_TOKEN_BYTES = 4


def _temporary_name(path: Path, token: str) -> str:
    return f".{path.name}.{token}.tmp"


def _create_temporary(path: Path, mode: int) -> tuple[int, str]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        temporary = str(path.with_name(_temporary_name(path, secrets.token_hex(_TOKEN_BYTES))))
        try:
            return os.open(temporary, flags, mode), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")


STALE_SECONDS = 3600


def _remove_stale_temporaries(path: Path) -> None:
    """Temporaries of `path` left by a killed writer, an hour old or more."""
    import time

    try:
        leftovers = list(path.parent.glob(f".{glob.escape(path.name)}.*.tmp"))
    except OSError:
        return
    ours = len(_temporary_name(path, "0" * 2 * _TOKEN_BYTES))  # not `.<name>.<longer suffix>.tmp` of another file
    for leftover in leftovers:
        try:
            if len(leftover.name) == ours and time.time() - os.lstat(leftover).st_mtime > STALE_SECONDS:
                os.unlink(leftover)
        except OSError:
            continue


class NotARegularFile(OSError):
    """The path names something other than a regular file: we never replace it."""


def kind_of(path: Path | str) -> str | None:
    """What `path` is if not a regular file or nothing ("a folder", "a device", ...), else None."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError:
        return None  # an unreadable path: the write itself reports it
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    return special_kind(mode)


def write_atomic(path: Path | str, data: str | bytes | list[bytes], encoding: str = "utf-8") -> None:
    """Replace the regular file at `path` (or its symlink's target) with `data`, atomically
    (a list of byte chunks is written one after the other, never joined in memory)."""
    given = str(path)
    try:
        _write_atomic(Path(path), data, encoding)
    except NotARegularFile as error:
        raise NotARegularFile(f"{given} is {error.args[0]}: only regular files are written") from None
    except OSError as error:  # name the user's path, not `.name.1234abcd.tmp`
        raise type(error)(error.errno, error.strerror or str(error), given) from None


def _write_atomic(path: Path, data: str | bytes | list[bytes], encoding: str) -> None:
    if path.is_symlink():
        path = Path(os.path.realpath(path))  # write through to the target; the link stays
    kind = kind_of(path)
    if kind is not None:
        raise NotARegularFile(kind)
    chunks = [data.encode(encoding)] if isinstance(data, str) else [data] if isinstance(data, bytes) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        keep = stat.S_IMODE(os.stat(path).st_mode) & 0o777  # the file we replace keeps its permissions
    except OSError:
        keep = None
    # A new file: 0666 less the umask, as the kernel applies it (no umask() round trip, which
    # would briefly change it for every thread). Replacing: created private, then given the old mode.
    fd, temporary = _create_temporary(path, 0o666 if keep is None else 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            if keep is not None:
                try:
                    os.fchmod(handle.fileno(), keep)
                except OSError:  # a file system without modes (FAT, some network mounts)
                    pass
            for chunk in chunks:  # one write() a chunk (what the kill -9 durability test intercepts)
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        kind = kind_of(path)  # swapped in while we wrote: still never replaced
        if kind is not None:
            raise NotARegularFile(kind)
        os.replace(temporary, path)
        _remove_stale_temporaries(path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    try:
        directory = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(directory)
    except OSError:
        pass
    finally:
        os.close(directory)
