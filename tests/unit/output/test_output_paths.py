"""`-o` writes regular files only, through symlinks, never into the corpus unless forced.

No test here ever opens a real device for writing: a device is faked by making `os.stat`
report a character device for one path in tmp, and /dev/null is only used where the refusal
comes before anything is opened.
"""

import os
import stat
import subprocess
import sys

import pytest

from briefing.core import atomic
from briefing.core.atomic import NotARegularFile, write_atomic
from briefing.cli import main
from conftest import SAMPLE

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="FIFOs and symlinks as on Linux")


def export(*args, cwd=None):
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "export", *args, "--no-cache"], capture_output=True, text=True, cwd=cwd, timeout=300
    )
    return result.returncode, result.stdout, result.stderr


def test_a_fifo_is_refused_before_it_is_opened(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    code, out, err = export(str(SAMPLE), "-o", str(fifo))  # opening it for writing would block
    assert code == 2 and f"-o {fifo} is a FIFO" in err and "Traceback" not in err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert list(tmp_path.iterdir()) == [fifo]  # no temporary left beside it


def test_a_device_is_refused_and_never_replaced(tmp_path, monkeypatch):
    fake = tmp_path / "full"
    fake.write_text("stands in for /dev/full")
    real_stat = os.stat

    class Device:
        st_mode = stat.S_IFCHR | 0o666

    monkeypatch.setattr(atomic.os, "stat", lambda p, *a, **k: Device() if str(p) == str(fake) else real_stat(p, *a, **k))
    with pytest.raises(NotARegularFile, match=f"{fake} is a device"):
        write_atomic(fake, "brief")
    assert fake.read_text() == "stands in for /dev/full"
    assert main(["export", str(SAMPLE), "-o", str(fake), "--no-cache"]) == 2
    assert fake.read_text() == "stands in for /dev/full"


def test_dev_null_is_refused_before_anything_is_created(capsys):
    # refused on stat alone: nothing opened, no temporary created in /dev
    assert main(["export", str(SAMPLE), "-o", os.devnull, "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert f"-o {os.devnull} is a device" in err and ".tmp" not in err


def test_a_folder_and_a_link_to_a_folder_are_refused(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    link = tmp_path / "link-to-folder.md"
    link.symlink_to(folder)
    for target in (folder, link):
        code, _, err = export(str(SAMPLE), "-o", str(target))
        assert code == 2 and f"-o {target} is a folder" in err
    assert link.is_symlink() and folder.is_dir() and list(folder.iterdir()) == []


def test_a_symlink_is_written_through_to_its_target(tmp_path):
    target = tmp_path / "real-brief.md"
    target.write_text("old")
    os.chmod(target, 0o640)
    link = tmp_path / "brief.md"
    link.symlink_to(target.name)
    code, _, err = export(str(SAMPLE), "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.read_text().startswith("# Daily brief")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640


def test_a_path_inside_the_corpus_is_refused_unless_forced(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for source in sorted(SAMPLE.iterdir())[:2]:
        (corpus / source.name).write_bytes(source.read_bytes())
    article = sorted(corpus.iterdir())[0]
    before = article.read_bytes()
    for output in (article, corpus / "brief.md", corpus / "sub" / ".." / "brief.md"):
        code, _, err = export(str(corpus), "-o", str(output))
        assert code == 2 and "inside the corpus folder" in err and "--force" in err
    assert article.read_bytes() == before and not (corpus / "brief.md").exists()
    code, _, err = export(str(corpus), "-o", str(corpus / "brief.md"), "--force")
    assert code == 0 and (corpus / "brief.md").exists()


def test_dash_is_stdout(tmp_path):
    code, out, err = export(str(SAMPLE), "-o", "-", cwd=tmp_path)
    assert code == 0 and out.startswith("# Daily brief") and list(tmp_path.iterdir()) == []


def test_errors_name_the_users_path_not_the_temporary(tmp_path, monkeypatch):
    output = tmp_path / "brief.md"
    real_open = os.open

    def full_disk(path, flags, *args):
        if str(path).endswith(".tmp"):
            raise OSError(28, "No space left on device", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(atomic.os, "open", full_disk)
    with pytest.raises(OSError) as caught:
        write_atomic(output, "brief")
    assert caught.value.filename == str(output) and ".tmp" not in str(caught.value)
    assert main(["export", str(SAMPLE), "-o", str(output), "--no-cache"]) == 1
    assert not output.exists()


def test_tui_export_defaults_outside_the_corpus(tmp_path):
    from briefing.tui.app import export_folder

    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    assert export_folder(corpus, corpus) == tmp_path
    assert export_folder(corpus / "sub", corpus) == tmp_path
    assert export_folder(tmp_path / "elsewhere", corpus) == tmp_path / "elsewhere"
