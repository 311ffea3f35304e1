"""walk() on a hostile tree gives exactly these files, names and skips.

walk takes plain files on the word of the folder listing and builds display names by joining
escaped entry names; these pin the results the stat-every-entry version gave.
"""

import os
import socket
import sys
from pathlib import Path

import pytest

from briefing.core.model import Skipped
from briefing.ingest.walk import OUTSIDE, FoundFile, walk

LINK_REPEAT = "symlink to a folder already read (loop or repeat): not followed"
BROKEN = "vanished while scanning (or a broken symlink)"
FIFO = "a FIFO (named pipe): not read"

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="symlinks, FIFOs and byte names as on Linux")


def _touch(path) -> None:
    with open(path, "wb") as handle:
        handle.write(b"x")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    top = tmp_path / "top"
    (top / "a" / "b").mkdir(parents=True)
    raw = os.fsencode(str(top))
    _touch(top / "plain.txt")
    _touch(top / "a" / "one.txt")
    _touch(top / "a" / "b" / "two.txt")
    (top / "z").mkdir()
    _touch(top / "z" / "zz.txt")
    (top / "a-link-to-z").symlink_to(top / "z")  # sorts before z: z itself is then a repeat
    (top / "y-link-to-a").symlink_to(top / "a")  # sorts after a: a link to a folder already read
    (top / "a" / "b" / "loop").symlink_to(top)
    (top / "link-to-file.txt").symlink_to(top / "plain.txt")
    (top / "self-loop").symlink_to(top / "self-loop")
    (top / "broken").symlink_to(top / "does-not-exist")
    os.mkfifo(top / "pipe.txt")
    (top / "link-to-pipe").symlink_to(top / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(top / "sock"))
    sock.close()
    _touch(top / ".hidden.txt")
    (top / ".hidden-dir").mkdir()
    _touch(top / ".hidden-dir" / "in.txt")
    _touch(raw + b"/bad\xff.txt")
    os.mkdir(raw + b"/dir\xfe")
    _touch(raw + b"/dir\xfe/inner\x80.txt")
    for name in ("new\nline.txt", "tab\there.txt", "esc\x1b.txt", "zero\u200bwidth.txt", "é.txt", "back\\slash.txt"):
        _touch(top / name)
    (top / "weird\ndir").mkdir()
    _touch(top / "weird\ndir" / "in\t.txt")
    return top


def _found(top: Path, rel: list[str | bytes]) -> list[FoundFile]:
    raw = os.fsencode(str(top))
    out = []
    for name in rel:
        path = Path(os.fsdecode(raw + b"/" + name)) if isinstance(name, bytes) else top / name
        display = os.fsdecode(name) if isinstance(name, bytes) else name
        display = display.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        for char, escaped in (("\n", "\\n"), ("\t", "\\t"), ("\x1b", "\\x1b"), ("\u200b", "\\u200b")):
            display = display.replace(char, escaped)
        out.append(FoundFile(path, display))
    return sorted(out, key=lambda f: f.display)


EXPECTED_FILES = [
    "a/one.txt", "a/b/two.txt", "a-link-to-z/zz.txt", "plain.txt", "link-to-file.txt", b"bad\xff.txt",
    b"dir\xfe/inner\x80.txt", "new\nline.txt", "tab\there.txt", "esc\x1b.txt", "zero\u200bwidth.txt", "é.txt",
    "back\\slash.txt", "weird\ndir/in\t.txt",
]
EXPECTED_SKIPS = [
    Skipped("a/b/loop", LINK_REPEAT), Skipped("broken", BROKEN), Skipped("link-to-pipe", FIFO),
    Skipped("pipe.txt", FIFO), Skipped("self-loop", "symlink loop"), Skipped("sock", "a socket: not read"),
    Skipped("y-link-to-a", LINK_REPEAT),
]


def test_hostile_tree_exact(tree: Path):
    found, skipped = walk([tree])
    assert found == _found(tree, EXPECTED_FILES)
    assert [f.display for f in found] == sorted(f.display for f in found)
    assert "bad\\xff.txt" in [f.display for f in found] and "dir\\xfe/inner\\x80.txt" in [f.display for f in found]
    assert "weird\\ndir/in\\t.txt" in [f.display for f in found]
    assert skipped == EXPECTED_SKIPS


def test_relative_dot_given(tree: Path, monkeypatch):
    monkeypatch.chdir(tree)
    found, skipped = walk([Path(".")])
    assert [f.display for f in found] == [f.display for f in _found(tree, EXPECTED_FILES)]
    assert [f.path for f in found] == [Path(os.path.relpath(f.path, tree)) for f in _found(tree, EXPECTED_FILES)]
    assert skipped == EXPECTED_SKIPS


def test_paths_given_directly(tree: Path):
    odd = tree / "new\nline.txt"
    found, skipped = walk([tree / "z", odd, tree / "plain.txt"])
    assert found == sorted(
        [FoundFile(tree / "z" / "zz.txt", "zz.txt"), FoundFile(odd, odd.as_posix().replace("\n", "\\n")),
         FoundFile(tree / "plain.txt", (tree / "plain.txt").as_posix())],
        key=lambda f: f.display,
    )
    assert skipped == []
    given = [tree / "pipe.txt", tree / "broken", tree / "missing", tree / "self-loop"]
    assert walk(given) == ([], sorted(
        [Skipped(given[0].as_posix(), FIFO), Skipped(given[1].as_posix(), BROKEN),
         Skipped(given[2].as_posix(), BROKEN), Skipped(given[3].as_posix(), "symlink loop")],
        key=lambda s: s.path,
    ))


def test_folder_given_twice_or_through_a_link(tree: Path):
    zz = FoundFile(tree / "z" / "zz.txt", "zz.txt")
    assert walk([tree / "z", tree / "z"]) == ([zz], [])
    assert walk([tree / "z", tree / "a-link-to-z"]) == ([zz], [Skipped(".", LINK_REPEAT)])
    # a/b first: its loop points out of a/b (the corpus is the folder given), so it is skipped
    # as outside; the top folder given next is then read whole, a/b within it a silent repeat
    found, skipped = walk([tree / "a" / "b", tree])
    assert found == sorted(
        [f for f in _found(tree, EXPECTED_FILES) if f.display != "a/b/two.txt"]
        + [FoundFile(tree / "a" / "b" / "two.txt", "two.txt")],
        key=lambda f: f.display,
    )
    assert Skipped("loop", OUTSIDE) in skipped


def test_name_too_long_for_stat_is_skipped(tmp_path: Path):
    folder = tmp_path
    while len(os.fsencode(str(folder))) + 201 < 3950:
        folder = folder / ("d" * 200)
    folder = folder / ("e" * (3950 - len(os.fsencode(str(folder))) - 1))
    folder.mkdir(parents=True)
    room = 4095 - 3950 - 1  # bytes left for a name: a longer path is refused (ENAMETOOLONG)
    fits, too_long, too_long_utf8 = "f" * room, "g" * (room + 1), "é" * (room // 2 + 1)
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        for name in (fits, too_long, too_long_utf8):
            os.close(os.open(name, os.O_CREAT | os.O_WRONLY, 0o644, dir_fd=descriptor))
    finally:
        os.close(descriptor)
    _touch(folder / "short.txt")
    assert len(os.fsencode(str(folder))) == 3950
    found, skipped = walk([tmp_path])
    prefix = folder.relative_to(tmp_path).as_posix() + "/"
    assert [f.display for f in found] == [prefix + fits, prefix + "short.txt"]
    assert skipped == [Skipped(prefix + too_long, "unreadable: File name too long"),
                       Skipped(prefix + too_long_utf8, "unreadable: File name too long")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their permissions")
def test_unreadable_and_unsearchable_folders(tmp_path: Path):
    (tmp_path / "locked").mkdir()
    _touch(tmp_path / "locked" / "in.txt")
    (tmp_path / "no-search").mkdir()
    _touch(tmp_path / "no-search" / "in.txt")
    _touch(tmp_path / "no-search" / "too.txt")
    (tmp_path / "no-search" / "sub").mkdir()
    _touch(tmp_path / "ok.txt")
    os.chmod(tmp_path / "locked", 0)
    os.chmod(tmp_path / "no-search", 0o644)  # listable, but nothing inside can be looked at
    try:
        found, skipped = walk([tmp_path])
    finally:
        os.chmod(tmp_path / "locked", 0o755)
        os.chmod(tmp_path / "no-search", 0o755)
    denied = "unreadable: permission denied"
    assert found == [FoundFile(tmp_path / "ok.txt", "ok.txt")]
    assert skipped == [Skipped("locked", denied), Skipped("no-search/in.txt", denied),
                       Skipped("no-search/sub", denied), Skipped("no-search/too.txt", denied)]
