"""Find the files under the paths a user gave, safely.

Shared folders hold anything: hidden files, symlink loops, FIFOs, devices, folders we may not
read, names that are not UTF-8. We never follow a link into a folder already visited, never
open anything that is not a regular file (opening a FIFO blocks), and turn every problem into
a `Skipped` entry instead of an exception.

The corpus is the folder: a symlink is followed only when its target stays inside the folder
given (after resolving every link on the way); a link out of it (`/etc/passwd`,
`/proc/self/environ`, a folder in /tmp) is skipped and reported, unless the user asked for
`follow_symlinks`. A stranger's corpus must never publish the editor's own files.

Listing is cheap on big flat folders: the type `os.scandir` already gives lets a plain regular
file (not a symlink) be taken without an `os.stat` of its own, and display names are built by
joining the folder's name with the escaped entry name instead of `Path.relative_to`. Anything
else (symlinks, folders, FIFOs, unknown types) is stat'ed, following links, as before.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path

from ..core.filekinds import special_kind
from ..core.model import Skipped


@dataclass(frozen=True)
class FoundFile:
    """A regular file to read, with the name to show for it."""

    path: Path  # where to open it
    display: str  # relative to the folder given (forward slashes), or the path as given


def _escape(text: str) -> str:
    """Printable text: undecodable bytes as \\xNN, other non-printable characters escaped."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def display_name(path: Path, root: Path | None) -> str:
    """A printable, relative, forward-slash name; undecodable bytes shown as \\xNN escapes."""
    try:
        rel = path.relative_to(root) if root is not None else path
    except ValueError:
        rel = path
    return _escape(rel.as_posix())


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "unreadable: permission denied"
    if isinstance(error, FileNotFoundError):
        return "vanished while scanning (or a broken symlink)"
    if error.errno == 40:  # ELOOP
        return "symlink loop"
    return f"unreadable: {error.strerror or error}"


# Linux refuses a path of PATH_MAX (4096) bytes or more, and most file systems a name over 255
# bytes, with ENAMETOOLONG; a file whose path would be refused goes through os.stat, which
# reports it as before, instead of being taken on the word of its folder listing.
_PATH_MAX = 4096
_NAME_MAX = 255
_by_name = attrgetter("name")


def _child_maker():
    """pathlib's own quick `folder / name` for a listed name (a private helper, used only if it
    builds exactly the Path that `Path(entry.path)` does; that parses the string again and was
    a third of the time on a flat folder of 20,000 files)."""
    make = getattr(Path, "_make_child_relpath", None)
    if make is None:
        return None
    try:
        for folder, name in (("a", "b"), ("a/b", "c d"), (".", "b"), ("/", "b"), ("//a", "b"), ("a/..", "b\udcff\n")):
            built, expected = make(Path(folder), name), Path(os.path.join(folder, name))
            if built != expected or str(built) != str(expected) or type(built) is not type(expected):
                return None
    except Exception:  # a changed private signature: fall back to the public way
        return None
    return make


_make_child = _child_maker()


OUTSIDE = "symlink to outside the corpus folder: not followed (--follow-symlinks reads it)"


@dataclass
class _Walk:
    """What one walk collects, and the real folder that links must stay inside."""

    found: list
    skipped: list
    visited: set
    inside: str | None  # the resolved corpus folder; None: links followed anywhere


def within(target: str, folder: str) -> bool:
    return target == folder or target.startswith(folder.rstrip("/") + "/")


def walk(paths: list[Path], follow_symlinks: bool = False) -> tuple[list[FoundFile], list[Skipped]]:
    """Every regular, non-hidden file under `paths`, sorted by display name, plus what was skipped.

    Symlinks under a folder are followed only to targets inside that folder, unless
    `follow_symlinks`."""
    found: list[FoundFile] = []
    skipped: list[Skipped] = []
    visited: set[tuple[int, int]] = set()
    for given in paths:
        root = given if given.is_dir() else None
        inside = None if follow_symlinks or root is None else os.path.realpath(given)
        _visit_given(given, root, _Walk(found, skipped, visited, inside))
    found.sort(key=attrgetter("display"))
    skipped.sort(key=attrgetter("path"))
    return found, skipped


def _visit_given(path: Path, root: Path | None, state: _Walk) -> None:
    """A path as the user gave it: a folder is shown as ".", anything else by its own path."""
    name = path.as_posix() if root is None else "."
    found, skipped = state.found, state.skipped
    try:
        info = os.stat(path)
    except OSError as error:
        skipped.append(Skipped(name, _reason(error)))
        return
    if stat.S_ISDIR(info.st_mode):
        # Names inside are relative to the folder; None only if the path became a folder
        # between is_dir() and stat(): then they are whole paths, as display_name(path, None).
        _visit_folder(path, name, info, "" if root is not None else None, state, path.is_symlink())
    elif stat.S_ISREG(info.st_mode):
        found.append(FoundFile(path, display_name(path, None)))
    else:
        skipped.append(Skipped(name, special_kind(info.st_mode) + ": not read"))


def _outside(child: Path, state: _Walk) -> Path | None:
    """The resolved target of a link that may be followed, or None (it leaves the corpus)."""
    target = os.path.realpath(child)
    if state.inside is not None and not within(target, state.inside):
        return None
    return Path(target)


def _visit_folder(path: Path, name: str, info, prefix: str | None, state: _Walk, linked: bool = False) -> None:
    """Read folder `path` (shown as `name`, its entries as `prefix` + entry name) once."""
    found, skipped, visited = state.found, state.skipped, state.visited
    key = (info.st_dev, info.st_ino)
    if key in visited:
        if linked:
            skipped.append(Skipped(name, "symlink to a folder already read (loop or repeat): not followed"))
        return
    visited.add(key)
    try:
        entries = sorted(os.scandir(path), key=_by_name)
    except OSError as error:
        skipped.append(Skipped(name, _reason(error)))
        return
    # Listing a folder needs read permission, stat'ing what is in it search permission: a plain
    # file is taken without a stat only once one stat inside this folder has worked. (Left out:
    # a file swapped between listing and stat, or a security module refusing a stat of one file
    # only; such a file fails when opened instead.)
    searchable = False
    room = min(_NAME_MAX, _PATH_MAX - 2 - len(os.fsencode(str(path))))  # bytes left for a name
    quick_room = room // 4  # a name of this many characters or fewer surely fits (UTF-8)
    for entry in entries:
        entry_name = entry.name
        if entry_name.startswith("."):
            continue  # hidden files and folders are not articles
        if prefix is None:
            shown = display_name(Path(entry.path), None)
        elif entry_name.isascii() and entry_name.isprintable():
            shown = prefix + entry_name
        else:
            shown = prefix + _escape(entry_name)
        child = Path(entry.path) if _make_child is None else _make_child(path, entry_name)
        if searchable:
            try:
                plain_file = entry.is_file(follow_symlinks=False)  # from the listing's type: no syscall
            except OSError:
                plain_file = False
            if plain_file and (
                len(entry_name) <= quick_room or len(os.fsencode(entry_name)) <= room
            ):
                found.append(FoundFile(child, shown))
                continue
        # Symlinks (followed inside the corpus), folders, FIFOs, devices, unknown types: stat
        # as the user would.
        try:
            linked = entry.is_symlink()
            if linked:
                if _outside(child, state) is None:
                    skipped.append(Skipped(shown, OUTSIDE))
                    continue
            child_info = os.stat(child)
        except OSError as error:
            skipped.append(Skipped(shown, _reason(error)))
            continue
        searchable = True
        mode = child_info.st_mode
        if stat.S_ISDIR(mode):
            _visit_folder(child, shown, child_info, shown + "/", state, linked)
        elif stat.S_ISREG(mode):
            found.append(FoundFile(child, shown))
        else:
            skipped.append(Skipped(shown, special_kind(mode) + ": not read"))
