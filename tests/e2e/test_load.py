"""Loading the sample corpus and hostile folders: what is loaded, what is skipped and why."""

import hashlib
import os
import sys


from briefing.ingest.load import LoadOptions, load_corpus
from conftest import SAMPLE, sample_text

BOILERPLATE = ("Log In", "Reset Password", "People also read", "AP Photo", "All rights reserved", "FILE-")


def test_sample_dates_and_provenance(sample_by_number):
    expected = {"000": ("2022-02-15", "header"), "001": ("2022-02-14", "text"), "002": ("2022-02-15", "header"), "004": ("2022-02-01", "header")}
    for number, (day, source) in expected.items():
        article = sample_by_number[number]
        assert (article.date.isoformat(), article.date_source) == (day, source), number


def test_sample_001_title_and_caption_evidence(sample_by_number):
    article = sample_by_number["001"]
    assert article.title == "Kremlin signals more talks amid Ukraine tensions"
    assert "Feb. 14, 2022" in article.date_evidence


def test_no_boilerplate_left_in_sample_text(sample_by_number):
    for number, article in sample_by_number.items():
        for phrase in BOILERPLATE:
            assert phrase not in article.text, (number, phrase)


def test_sample_sources(sample_by_number):
    assert sample_by_number["003"].source == "Associated Press"
    assert sample_by_number["002"].source == "dailymail.co.uk"
    assert sample_by_number["002"].url.startswith("https://www.dailymail.co.uk/")


def test_ids_are_stable_and_content_based(sample_corpus):
    again = load_corpus([SAMPLE])
    assert [a.id for a in again.articles] == [a.id for a in sample_corpus.articles]
    digest = hashlib.sha256((SAMPLE / "000_e81418de888b2d50.txt").read_bytes()).hexdigest()[:12]
    assert sample_corpus.articles[0].id == digest


def snapshot(folder):
    state = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            info = os.lstat(path)
            content = open(path, "rb").read() if os.path.isfile(path) and not os.path.islink(path) else b""
            state[path] = (info.st_mode, info.st_size, info.st_mtime_ns, hashlib.sha256(content).hexdigest())
    return state


def test_loading_never_writes_into_the_corpus(tmp_path):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    for path in SAMPLE.iterdir():
        (corpus_dir / path.name).write_bytes(path.read_bytes())
    (corpus_dir / "feed.json").write_text('[{"title": "t", "text": "Body text here."}]')
    before = snapshot(corpus_dir)
    os.chmod(corpus_dir, 0o555)  # a write would fail loudly, not only show in the snapshot
    try:
        load_corpus([corpus_dir])
        from briefing.cli import main

        assert main(["inspect", str(corpus_dir), "--format", "json"]) == 0
    finally:
        os.chmod(corpus_dir, 0o755)
    assert snapshot(corpus_dir) == before


def test_hostile_folder_skips_with_reasons(tmp_path):
    good = sample_text("004")
    (tmp_path / "good.txt").write_text(good)
    (tmp_path / ".hidden.txt").write_text(good)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("   \n\n\t ")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 50)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff" + bytes(100))
    (tmp_path / "only-chrome.txt").write_text("Log In\n\nReset Password\n\nShare this article\n")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "copy.txt").write_text(good)
    (sub / "loop").symlink_to(tmp_path)
    (tmp_path / "broken").symlink_to(tmp_path / "does-not-exist")
    os.mkfifo(tmp_path / "pipe.txt")
    corpus = load_corpus([tmp_path])
    assert sorted(a.path for a in corpus.articles) == ["good.txt", "sub/copy.txt"]
    assert corpus.articles[0].id != corpus.articles[1].id  # identical files keep distinct ids
    reasons = {s.path: s.reason for s in corpus.skipped}
    assert reasons["empty.txt"] == "empty file"
    assert "whitespace" in reasons["blank.txt"] or "empty" in reasons["blank.txt"]
    assert reasons["binary.txt"].startswith("binary file")
    assert reasons["photo.jpg"] == "not an article format (.jpg)"
    assert "no article text" in reasons["only-chrome.txt"]
    assert "FIFO" in reasons["pipe.txt"]
    assert "symlink" in reasons["sub/loop"]
    assert "broken symlink" in reasons["broken"]
    assert ".hidden.txt" not in reasons


def test_unreadable_file_reason(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(sample_text("004"))
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the open fail as it would for a user
        import briefing.ingest.readers as readers

        real_open = os.open

        def denied(target, *args, **kwargs):
            if str(target).endswith("secret.txt"):
                raise PermissionError(13, "Permission denied")
            return real_open(target, *args, **kwargs)

        monkeypatch.setattr(readers.os, "open", denied)
    corpus = load_corpus([tmp_path])
    assert corpus.skipped[0].reason == "unreadable: permission denied"


def test_size_limit_is_a_skip_not_a_crash(tmp_path):
    (tmp_path / "big.txt").write_text("Paragraph of news. " * 2000)
    corpus = load_corpus([tmp_path], LoadOptions(max_bytes=10_000))
    assert corpus.skipped[0].reason.startswith("too large")


def test_non_utf8_file_name(tmp_path):
    name = os.fsencode(str(tmp_path)) + b"/caf\xe9\nnews.txt"
    with open(name, "wb") as handle:
        handle.write(sample_text("004").encode())
    corpus = load_corpus([tmp_path])
    assert corpus.articles[0].path == "caf\\xe9\\nnews.txt"


def test_mtime_dates_only_when_asked(tmp_path):
    (tmp_path / "a.txt").write_text(sample_text("003"))
    assert load_corpus([tmp_path]).articles[0].date is None
    article = load_corpus([tmp_path], LoadOptions(mtime_dates=True)).articles[0]
    assert article.date_source == "file-mtime" and article.date is not None


def test_headless_import_never_loads_textual():
    import subprocess

    code = "import sys, briefing.cli, briefing.ingest.load, briefing.output.inspect; briefing.cli.main(['inspect', %r, '--format', 'json']); print([m for m in sys.modules if m.startswith(('textual', 'briefing.tui'))])" % str(SAMPLE)
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip().endswith("[]")


def _folder_of_many(tmp_path):
    """Copies of the sample articles under many names: edited, identical, and broken ones."""
    folder = tmp_path / "many"
    folder.mkdir()
    sources = sorted(p for p in SAMPLE.iterdir() if p.is_file())
    for n in range(90):
        source = sources[n % len(sources)]
        text = source.read_bytes()
        if n % 3:  # most differ (a line of their own), every third is an identical copy
            text = text.replace(b"\n", f"\nItem {n} of the pile.\n".encode(), 1)
        (folder / f"{n:03d}-{source.name}").write_bytes(text)
    (folder / "050-broken.json").write_text("{not json")
    (folder / "051-empty.txt").write_text("")
    return folder


def _shape(corpus):
    return (
        [(a.id, a.path, a.title, a.text, a.date, a.date_source, a.source) for a in corpus.articles],
        [(s.path, s.reason) for s in corpus.skipped],
    )


def test_pooled_batches_load_the_same_as_one_process(tmp_path, monkeypatch):
    """The loader parses batches in worker processes, the next batch read while the last is
    parsed and filed: order, ids of identical files, skips and the cache must not notice."""
    import briefing.ingest.load as load
    from briefing.core.cache import Cache

    folder = _folder_of_many(tmp_path)
    monkeypatch.setattr(load, "PARALLEL_MIN_FILES", 10**9)
    alone = _shape(load_corpus([folder]))
    monkeypatch.setattr(load, "PARALLEL_MIN_FILES", 8)
    monkeypatch.setattr(load, "BATCH_FILES", 16)  # six batches, the last one short
    cache = Cache(tmp_path / "cache.sqlite3")
    pooled, warm = _shape(load_corpus([folder], cache=cache)), _shape(load_corpus([folder], cache=cache))
    assert len(alone[0]) > 80 and any("~" in row[0] for row in alone[0]) and alone[1]
    assert pooled == alone
    assert warm == alone
