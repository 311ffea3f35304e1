"""The corpus is the folder: links out of it are never read, nor published.

A stranger's corpus can hold `env.txt -> /proc/self/environ`; the brief must not carry the
editor's environment. Links that stay inside the folder are read as before.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.ingest.load import LoadOptions, load_corpus
from briefing.ingest.walk import OUTSIDE
from conftest import sample_text

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="symlinks and /proc as on Linux")
SECRET = "sk-live-SECRET-do-not-publish"
GOOD = sample_text("004")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text(GOOD)
    (root / "sub" / "inner.txt").write_text(GOOD.replace("Blinken", "Secretary Blinken"))
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "private.txt").write_text(f"Private notes\n\nThe token {SECRET} is in this private file. " * 20)
    (root / "env.txt").symlink_to("/proc/self/environ")
    (root / "passwd.txt").symlink_to("/etc/passwd")
    (root / "outside-folder").symlink_to(outside)
    (root / "outside-file.txt").symlink_to(outside / "private.txt")
    (root / "relative-escape.txt").symlink_to(Path("..") / "outside" / "private.txt")
    (root / "inside-link.txt").symlink_to(root / "sub" / "inner.txt")
    (root / "inside-folder").symlink_to("sub")  # relative, stays inside: read once (sub read first)
    return root


def run(*args, env=None):
    environment = dict(os.environ, API_TOKEN=SECRET, **(env or {}))
    result = subprocess.run([sys.executable, "-m", "briefing", *args, "--no-cache"], capture_output=True, text=True, env=environment, timeout=300)
    return result.returncode, result.stdout, result.stderr


OUTSIDE_LINKS = {"env.txt", "passwd.txt", "outside-folder", "outside-file.txt", "relative-escape.txt"}


def test_links_out_of_the_corpus_are_skipped_with_a_reason(corpus):
    loaded = load_corpus([corpus])
    paths = {a.path for a in loaded.articles}
    assert "inside-link.txt" in paths and "good.txt" in paths
    assert not paths & OUTSIDE_LINKS and not any(p.startswith("outside-folder/") for p in paths)
    reasons = {s.path: s.reason for s in loaded.skipped}
    assert {p for p, r in reasons.items() if r == OUTSIDE} == OUTSIDE_LINKS
    assert all(SECRET not in a.text and "root:" not in a.text for a in loaded.articles)


def test_export_publishes_no_secret_and_says_what_it_skipped(corpus):
    code, out, err = run("export", str(corpus))
    assert code == 0, err
    assert SECRET not in out and "API" not in out and "root:x" not in out
    assert "skipped 5 files" in err and "outside the corpus" in err
    code, out, err = run("inspect", str(corpus), "--format", "json")
    skipped = {s["path"]: s["reason"] for s in json.loads(out)["skipped"]}
    assert {p for p, r in skipped.items() if "outside the corpus" in r} == OUTSIDE_LINKS


def test_follow_symlinks_reads_outside_targets_when_asked(corpus):
    loaded = load_corpus([corpus], LoadOptions(follow_symlinks=True))
    paths = {a.path for a in loaded.articles}
    assert {"outside-file.txt", "outside-folder/private.txt"} <= paths
    assert not any(s.reason == OUTSIDE for s in loaded.skipped)


def test_a_folder_given_through_a_link_is_the_corpus(corpus, tmp_path):
    via = tmp_path / "via"
    via.symlink_to(corpus)
    loaded = load_corpus([via])
    assert "inside-link.txt" in {a.path for a in loaded.articles}
    assert {s.path for s in loaded.skipped if s.reason == OUTSIDE} == OUTSIDE_LINKS
