"""Find the files under the paths a user gave, safely.

Shared folders hold anything: hidden files, symlink loops, FIFOs, devices, folders we may not
read, names that are not UTF-8. We never follow a link into a folder already visited, never
open anything that is not a regular file (opening a FIFO blocks), and turn every problem into
a `Skipped` entry instead of an exception.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .model import Skipped


@dataclass(frozen=True)
class FoundFile:
    """A regular file to read, with the name to show for it."""

    path: Path  # where to open it
    display: str  # relative to the folder given (forward slashes), or the path as given


def display_name(path: Path, root: Path | None) -> str:
    """A printable, relative, forward-slash name; undecodable bytes shown as \\xNN escapes."""
    try:
        rel = path.relative_to(root) if root is not None else path
    except ValueError:
        rel = path
    text = rel.as_posix()
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "unreadable: permission denied"
    if isinstance(error, FileNotFoundError):
        return "vanished while scanning (or a broken symlink)"
    if error.errno == 40:  # ELOOP
        return "symlink loop"
    return f"unreadable: {error.strerror or error}"


def walk(paths: list[Path]) -> tuple[list[FoundFile], list[Skipped]]:
    """Every regular, non-hidden file under `paths`, sorted by display name, plus what was skipped."""
    found: list[FoundFile] = []
    skipped: list[Skipped] = []
    visited: set[tuple[int, int]] = set()
    for given in paths:
        root = given if given.is_dir() else None
        _visit(given, root, found, skipped, visited, top=True)
    found.sort(key=lambda f: f.display)
    skipped.sort(key=lambda s: s.path)
    return found, skipped


def _visit(path, root, found, skipped, visited, top=False) -> None:
    name = display_name(path, root) if not top else (path.as_posix() if root is None else ".")
    try:
        info = os.stat(path)
    except OSError as error:
        skipped.append(Skipped(name, _reason(error)))
        return
    if stat.S_ISDIR(info.st_mode):
        key = (info.st_dev, info.st_ino)
        if key in visited:
            if path.is_symlink():
                skipped.append(Skipped(name, "symlink to a folder already read (loop or repeat): not followed"))
            return
        visited.add(key)
        try:
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError as error:
            skipped.append(Skipped(name, _reason(error)))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden files and folders are not articles
            _visit(Path(entry.path), root, found, skipped, visited)
    elif stat.S_ISREG(info.st_mode):
        found.append(FoundFile(path, name if not top else display_name(path, None)))
    else:
        skipped.append(Skipped(name, _kind_of(info.st_mode) + ": not read"))
