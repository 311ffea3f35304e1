"""Durability: kill -9 during an export or a curation save, several instances on one corpus,
and the permissions of what we write.

The kills are deterministic: a helper script (HOOK, run in the child) wraps the function at
which the child must stop — the engine, the temporary file's write, its fsync, the rename —
reports through a pipe that it has arrived, and blocks on stdin. The test then sends SIGKILL
and looks at what is left on disk. No sleeps: every wait is on a pipe.
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.core.atomic import write_atomic
from briefing.brief.curation import CurationStore
from conftest import SAMPLE

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals, modes and file locks")

# Run in the child: python hook.py STAGE TARGET CHANNEL_FD (export ARGS... | save HEADLINE | writer N ID | reader STOP)
HOOK = r'''
import json, os, sys

stage, target, channel_fd, mode, *rest = sys.argv[1:]
target = os.path.abspath(target)
channel = os.fdopen(int(channel_fd), "w") if int(channel_fd) >= 0 else None
prefix = "." + os.path.basename(target) + "."


def report(**fields):
    channel.write(json.dumps({"stage": stage, **fields}) + "\n")
    channel.flush()


def block(**fields):
    """Tell the test we are here, then wait to be killed (EOF on stdin: the test went away)."""
    report(**fields)
    sys.stdin.buffer.read()
    os._exit(3)


def temporary_of(fd):
    """The path of fd if it is write_atomic's temporary file for the target, else None."""
    try:
        here = os.fstat(fd)
        folder = os.path.dirname(target)
        for name in os.listdir(folder):
            if name.startswith(prefix) and name.endswith(".tmp"):
                there = os.lstat(os.path.join(folder, name))
                if (there.st_dev, there.st_ino) == (here.st_dev, here.st_ino):
                    return os.path.join(folder, name)
    except OSError:
        pass
    return None


def size(path):
    return os.path.getsize(path) if os.path.exists(path) else None


real_fdopen, real_fsync, real_replace = os.fdopen, os.fsync, os.replace

if stage == "engine":  # still computing the brief: nothing written yet
    import briefing.brief.build

    briefing.brief.build.build_brief = lambda *a, **k: block()
elif stage == "write":  # half of the new content is in the temporary file
    class HalfWriter:
        def __init__(self, handle, path):
            self.handle, self.path = handle, path

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return self.handle.__exit__(*exc)

        def __getattr__(self, name):
            return getattr(self.handle, name)

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            block(temporary=self.path, written=size(self.path), total=len(data))

    def fdopen(fd, *args, **kwargs):
        handle = real_fdopen(fd, *args, **kwargs)
        path = temporary_of(fd)
        return HalfWriter(handle, path) if path else handle

    os.fdopen = fdopen
elif stage == "fsync":  # the temporary file is complete, being fsync'ed; not renamed yet
    def fsync(fd):
        path = temporary_of(fd)
        if path:
            block(temporary=path, written=size(path))
        return real_fsync(fd)

    os.fsync = fsync
elif stage == "replace":  # fsync'ed, about to be renamed over the target
    def replace(source, destination, *args, **kwargs):
        if os.path.abspath(destination) == target:
            block(temporary=os.fspath(source), written=size(source))
        return real_replace(source, destination, *args, **kwargs)

    os.replace = replace
elif stage == "renamed":  # renamed, the folder not fsync'ed yet
    def replace(source, destination, *args, **kwargs):
        real_replace(source, destination, *args, **kwargs)
        if os.path.abspath(destination) == target:
            block()

    os.replace = replace

if mode == "export":
    from briefing.cli import main

    sys.exit(main(rest))
elif mode == "save":  # one curation edit, as the desk saves it
    from briefing.brief.curation import CurationStore

    store = CurationStore(os.environ["CORPUS"])
    assert os.path.abspath(store.path) == target, (store.path, target)
    curation = store.load()
    curation.set_headline("story-1", rest[0])
    store.save(curation)
elif mode == "writer":  # many saves to one corpus, racing other writers
    from briefing.brief.curation import CurationStore, to_json

    count, me = int(rest[0]), rest[1]
    warnings = []
    store = CurationStore(os.environ["CORPUS"], warn=warnings.append)
    curation = store.load()
    loaded = store.loaded_revision
    print("ready", flush=True)
    sys.stdin.readline()  # go
    log = []
    for i in range(count):
        curation.set_headline("shared", f"writer {me} save {i}")
        curation.set_headline(f"own-{me}", f"save {i}")
        curation.toggle_sentence(f"own-{me}", f"article-{me}", i, True)  # the file grows as it goes
        before = len(warnings)
        store.save(curation)
        log.append([curation.revision, len(warnings) - before])
    print(json.dumps({"loaded": loaded, "log": log, "final": to_json(curation), "warnings": sorted(set(warnings))}))
elif mode == "reader":  # reads the state file, unlocked and through the store, until told to stop
    from briefing.brief.curation import CurationStore

    stop = rest[0]
    warnings = []
    reads, loads, revisions, problems, seen = 0, 0, [], [], False
    print("ready", flush=True)
    while True:
        last = os.path.exists(stop)
        try:
            document = json.loads(open(target, encoding="utf-8").read())
            seen = True
            reads += 1
            if not revisions or revisions[-1] != document["revision"]:
                revisions.append(document["revision"])
        except FileNotFoundError:
            if seen:
                problems.append("state file missing after it was first written")
        except Exception as error:
            problems.append(f"{type(error).__name__}: {error}")
        if reads % 10 == 0:
            CurationStore(os.environ["CORPUS"], warn=warnings.append).load()
            loads += 1
        if last:
            break
    print(json.dumps({"reads": reads, "loads": loads, "revisions": revisions, "problems": problems[:5], "warnings": warnings}))
'''


@pytest.fixture(scope="module")
def hook(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hook") / "hook.py"
    path.write_text(HOOK)
    return path


@pytest.fixture(scope="module")
def cache_home(tmp_path_factory) -> str:
    return str(tmp_path_factory.mktemp("cache"))


def environment(tmp_path: Path, cache_home: str) -> dict:
    return dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=cache_home, CORPUS=str(SAMPLE))


def export(*args: str, cache_home: str, tmp_path: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "export", str(SAMPLE), *args],
        capture_output=True, text=True, env=environment(tmp_path, cache_home), timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def briefs(cache_home, tmp_path_factory) -> tuple[bytes, bytes]:
    """(previous, new): the one-day brief already in OUT, and the full brief an export writes.

    Also warms the analysis cache, so each killed export below takes ~1 s rather than ~2 s.
    """
    home = tmp_path_factory.mktemp("home")
    new = export(cache_home=cache_home, tmp_path=home).encode()
    previous = export("--date", "2022-02-14", cache_home=cache_home, tmp_path=home).encode()
    assert new.startswith(b"# Daily brief") and previous.startswith(b"# Daily brief") and new != previous
    return previous, new


def start_and_stop_at(hook: Path, stage: str, target: Path, mode: str, *args: str, env: dict):
    """Start the child, wait (on a pipe) until it reports it is at `stage`; it is then blocked."""
    read_end, write_end = os.pipe()
    child = subprocess.Popen(
        [sys.executable, str(hook), stage, str(target), str(write_end), mode, *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, pass_fds=(write_end,),
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 30)
        line = os.read(read_end, 65536).decode() if ready else ""
    finally:
        os.close(read_end)
    if not line:  # it exited (or hung) without reaching the stage
        child.kill()
        out, err = child.communicate()
        pytest.fail(f"child never reached {stage!r} (exit {child.returncode}): {err.decode()[-2000:]}")
    return child, json.loads(line)


def kill_9(child: subprocess.Popen) -> None:
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL


def leftovers(folder: Path, target: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p != target)


# ----------------------------------------------------------------- kill -9 during an export

EXPORT_STAGES = ["engine", "write", "fsync", "replace", "renamed"]


@pytest.mark.parametrize("stage", EXPORT_STAGES)
def test_kill_9_during_export_leaves_the_previous_brief_or_the_new_one(stage, hook, briefs, cache_home, tmp_path):
    previous, new = briefs
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "brief.md"
    out.write_bytes(previous)
    out.chmod(0o640)
    child, report = start_and_stop_at(
        hook, stage, out, "export", "export", str(SAMPLE), "-o", str(out), env=environment(tmp_path, cache_home)
    )
    if stage in ("write", "fsync", "replace"):  # caught between the temporary file and the rename
        temporary = Path(report["temporary"])
        assert temporary.parent == folder and temporary.name.startswith(".brief.md.") and temporary.name.endswith(".tmp")
        expected_size = report["total"] // 2 if stage == "write" else len(new)
        assert report["written"] == expected_size
        assert temporary.read_bytes() == new[:expected_size]
        assert out.read_bytes() == previous  # readers still see the previous brief meanwhile
    kill_9(child)

    if stage == "renamed":
        assert out.read_bytes() == new  # complete new brief
        assert stat.S_IMODE(out.stat().st_mode) == 0o640  # kept the mode of the brief it replaced
        assert leftovers(folder, out) == []
    else:
        assert out.read_bytes() == previous  # byte for byte: the previous brief, whole
        stray = leftovers(folder, out)
        if stage == "engine":
            assert stray == []
        else:  # kill -9 cannot be cleaned up after: one hidden, clearly temporary file remains
            assert [p.name for p in stray] == [Path(report["temporary"]).name]
        # nothing a later run (or a glob for briefs) could take for the brief
        assert sorted(folder.glob("*.md")) == [out] and all(p.name.startswith(".") and p.suffix == ".tmp" for p in stray)
        write_atomic(out, new)  # and the next write goes through regardless
        assert out.read_bytes() == new and leftovers(folder, out) == stray


# ----------------------------------------------------------------- kill -9 during a curation save

SAVE_STAGES = ["write", "fsync", "replace", "renamed"]


@pytest.fixture
def state_path(tmp_path, monkeypatch) -> Path:
    """Where the child's CurationStore keeps the sample corpus's state (XDG_DATA_HOME in tmp_path)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = CurationStore(SAMPLE).path
    assert str(path).startswith(str(tmp_path))
    return path


@pytest.mark.parametrize("stage", SAVE_STAGES)
def test_kill_9_during_a_curation_save_leaves_the_previous_state_whole(stage, hook, cache_home, tmp_path, state_path):
    messages = []
    store = CurationStore(SAMPLE, warn=messages.append)
    curation = store.load()
    curation.set_headline("story-1", "previous headline")
    curation.toggle_sentence("story-1", "article", 2, True)
    store.save(curation)
    previous = state_path.read_bytes()

    child, report = start_and_stop_at(hook, stage, state_path, "save", "new headline", env=environment(tmp_path, cache_home))
    lock = state_path.with_suffix(".lock")
    if stage != "renamed":
        assert Path(report["temporary"]).name.startswith(f".{state_path.name}.")
        assert state_path.read_bytes() == previous
        with open(lock, "a+") as handle:  # the child holds the lock while it saves
            with pytest.raises(BlockingIOError):
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    kill_9(child)

    with open(lock, "a+") as handle:  # died with the child: nobody is left waiting forever
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(handle, fcntl.LOCK_UN)
    again = CurationStore(SAMPLE, warn=messages.append).load()
    if stage == "renamed":
        assert json.loads(state_path.read_text())["revision"] == 2
        assert again.stories["story-1"].headline == "new headline" and again.revision == 2
    else:
        assert state_path.read_bytes() == previous
        assert again.stories["story-1"].headline == "previous headline"
        assert again.stories["story-1"].excluded == [("article", 2)] and again.revision == 1
    assert messages == []  # nothing was found corrupt or set aside
    names = {p.name for p in state_path.parent.iterdir()}
    assert not any(".corrupt-" in n or ".newer-" in n for n in names)
    assert {n for n in names if n.endswith(".json")} == {state_path.name}  # a stray temporary file ends in .tmp
    # and the desk carries on saving
    store = CurationStore(SAMPLE, warn=messages.append)
    curation = store.load()
    curation.set_headline("story-2", "after the crash")
    store.save(curation)
    assert CurationStore(SAMPLE).load().stories["story-2"].headline == "after the crash"


# ----------------------------------------------------------------- several instances on one corpus

WRITERS, SAVES = 3, 200


def test_instances_saving_one_corpus_at_once_never_corrupt_it(hook, cache_home, tmp_path, state_path):
    env = environment(tmp_path, cache_home)
    stop = tmp_path / "stop"  # the reader reads until this exists (then once more)

    def start(name, mode, *args):
        stderr = open(tmp_path / f"{name}.stderr", "w")
        child = subprocess.Popen(
            [sys.executable, str(hook), "none", str(state_path), "-1", mode, *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, env=env, text=True,
        )
        stderr.close()
        return child

    def finish(name, child) -> dict:
        output = child.stdout.read()
        child.wait(timeout=60)
        errors = (tmp_path / f"{name}.stderr").read_text()
        assert child.returncode == 0 and errors == "", f"{name} failed: {errors[-2000:]}"  # no exception escaped
        return json.loads(output)

    writers = [start(f"writer-{n}", "writer", str(SAVES), str(n)) for n in range(WRITERS)]
    reader = start("reader", "reader", str(stop))
    try:
        for child in [*writers, reader]:
            assert child.stdout.readline() == "ready\n"
        for writer in writers:  # all loaded, none saved yet: go
            writer.stdin.write("go\n")
            writer.stdin.flush()
        results = [finish(f"writer-{n}", writer) for n, writer in enumerate(writers)]
        stop.touch()
        reading = finish("reader", reader)
    finally:  # on a failure, leave nothing running
        stop.touch()
        for child in [*writers, reader]:
            if child.poll() is None:
                child.kill()
                child.wait()

    # the lock serialises saves: every revision 1..N written exactly once, none lost or repeated
    total = WRITERS * SAVES
    written = sorted(revision for result in results for revision, _ in result["log"])
    assert written == list(range(1, total + 1))
    # last writer wins, and says so exactly when another instance saved since this one last did
    for result in results:
        mine = [result["loaded"]] + [revision for revision, _ in result["log"]]
        for (revision, warned), before in zip(result["log"], mine):
            assert warned == (1 if revision - 1 > before else 0)
        assert all("another briefing saved edits" in w for w in result["warnings"])
    # whatever the interleaving: all loaded revision 0 before anyone saved, so every writer but
    # the very first to save was overtaken before its first save, and said so
    assert sum(warned for result in results for _, warned in result["log"]) >= WRITERS - 1

    # the file on disk is whole, and it is exactly the complete state of the last writer
    document = json.loads(state_path.read_text())
    (last,) = [result for result in results if result["log"][-1][0] == total]
    assert {key: document[key] for key in last["final"]} == last["final"]
    assert document["revision"] == total and document["corpus"] == str(SAMPLE.resolve())

    # a concurrent reader never saw a torn, missing or unparsable file, nor a revision going back
    assert reading["problems"] == [] and reading["warnings"] == []
    assert reading["reads"] > 0 and reading["revisions"] == sorted(reading["revisions"])
    assert reading["revisions"][-1] == total
    assert not any(".corrupt-" in p.name or ".newer-" in p.name for p in state_path.parent.iterdir())
    assert not list(state_path.parent.glob("*.tmp"))  # no kill, so no temporary file left


# ----------------------------------------------------------------- permissions


@pytest.fixture
def umask():
    """Set the process umask for one test; restored afterwards."""
    saved = os.umask(0o022)
    yield os.umask
    os.umask(saved)


@pytest.mark.parametrize(
    "mask, expected", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664), (0o077, 0o600)], ids=lambda mode: f"{mode:04o}"
)
def test_a_new_file_gets_0666_less_the_umask(mask, expected, umask, tmp_path):
    umask(mask)
    target = tmp_path / "brief.md"
    write_atomic(target, "# Daily brief\n")
    assert stat.S_IMODE(target.stat().st_mode) == expected
    assert target.read_text() == "# Daily brief\n"


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o666, 0o444], ids=lambda mode: f"{mode:04o}")
def test_a_replaced_file_keeps_its_mode(mode, umask, tmp_path):
    umask(0o022)
    target = tmp_path / "brief.md"
    target.write_text("previous")
    target.chmod(mode)
    write_atomic(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == mode and target.read_bytes() == b"new"
    assert leftovers(tmp_path, target) == []


def test_export_to_a_new_file_gets_normal_permissions(briefs, cache_home, tmp_path):
    out = tmp_path / "new-brief.md"
    saved = os.umask(0o022)  # the child inherits it
    try:
        export("-o", str(out), cache_home=cache_home, tmp_path=tmp_path)
    finally:
        os.umask(saved)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert out.read_bytes() == briefs[1]


def test_leftover_temporaries_are_removed_once_stale(tmp_path):
    """A kill -9 leaves `.<name>.<hex>.tmp` behind; the next write removes it when an hour old."""
    import os
    import time

    from briefing.core.atomic import write_atomic

    target = tmp_path / "brief.md"
    old = tmp_path / ".brief.md.0123abcd.tmp"
    fresh = tmp_path / ".brief.md.89abcdef.tmp"
    other = tmp_path / ".other.md.0123abcd.tmp"
    for leftover in (old, fresh, other):
        leftover.write_text("partial")
    hour_ago = time.time() - 3700
    os.utime(old, (hour_ago, hour_ago))
    os.utime(other, (hour_ago, hour_ago))
    write_atomic(target, "new brief\n")
    assert target.read_text() == "new brief\n"
    assert not old.exists() and fresh.exists() and other.exists()
