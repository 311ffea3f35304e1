"""A hostile shared folder: every kind of bad file at once. Nothing crashes, hangs or leaks.

The corpus is generated here (no committed binaries). For each file `export` and `inspect`
finish in bounded time, exit 0, list what they skipped with a reason a person can act on,
keep every good article, and carry none of the payload as live markup or escape sequences.
"""

import json
import os
import subprocess
import sys

import pytest
from markdown_it import MarkdownIt

from conftest import sample_text

GOOD = sample_text("004")  # a real article: must survive among the bad ones
PAYLOAD = (
    "Officials said the talks would go on, [bold]x[/] and [@click=app.quit]y[/] notwithstanding. "
    "The terminal title \x1b]0;pwned\x07 and \x1b[31mred\x1b[0m and \u202eevil\u202c were in the text. "
    "A <script>alert('x')</script> tag and [a link](javascript:alert(1)) were in it too. "
    "The newsletter tags {{ subscriber.email }} and *|FNAME|* appeared as well, the ministry said."
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    (root / "good.txt").write_text(GOOD)
    (root / "empty.txt").write_bytes(b"")
    (root / "whitespace.txt").write_text(" \n\t\n   \n")
    (root / "binary.txt").write_bytes(os.urandom(4096) + b"\x00" * 100)
    (root / "cp1252.txt").write_bytes(GOOD.replace("date 2022-02-01", "date 2022-02-02").encode("cp1252", "replace"))
    (root / "latin1.txt").write_bytes(("date 2022-02-03 Die Ministerin sagte, Gespräche über Sicherheit würden fortgesetzt. " * 5).encode("latin-1"))
    (root / "utf16.txt").write_bytes(("\ufeff date 2022-02-04 " + GOOD.split("\n", 1)[1]).encode("utf-16-le"))
    (root / "truncated.txt").write_bytes((" date 2022-02-05 " + GOOD.split("\n", 1)[1]).encode()[:-1] + "é".encode()[:1])
    with open(root / "huge.txt", "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse 100 MB: cheap to make, must be refused by size
    (root / "deep.html").write_text("<html><body>" + "<div>" * 50_000 + "deep text" + "</div>" * 50_000 + "</body></html>")
    (root / "malformed.html").write_text("<html><head><title>Broken</title><body><p>Unclosed <b>tags <div><p>" + GOOD[:2000])
    (root / "malformed.json").write_text('{"title": "x", "text": "unterminated')
    good_line = json.dumps({"title": "Blinken and Lavrov", "text": GOOD, "date": "2022-02-01"})
    (root / "mixed.jsonl").write_text("\n".join(["{bad", good_line, "[1,", '{"text": 5}', "\x00\x01"]))
    (root / "bomb.rss").write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{"&lol%s;" % ("" if i == 1 else i - 1) * 10}">' for i in range(1, 10))
        + ']><rss><channel><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>'
    )
    (root / "xxe.xml").write_text('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&x;</title><description>&x;</description></item></channel></rss>')
    os.mkfifo(root / "pipe.txt")
    (root / "loop").symlink_to(root)
    with open(os.fsencode(str(root)) + b"/bad\nname\xff.txt", "wb") as handle:
        handle.write((" date 2022-02-06 " + GOOD.split("\n", 1)[1]).encode())
    (root / "impossible.txt").write_text("Date: 9999-99-99\n\n" + GOOD.split("\n", 1)[1])
    (root / "year0.json").write_text(json.dumps({"title": "Year zero", "text": GOOD.split("\n", 1)[1], "date": "0000-01-01"}))
    # JSON spells what raw bytes would show: escapes, a bidi override, half a surrogate pair
    escaped = {"title": "Escaped \x1b[31mred\x1b[0m title", "source": "Evil\u202eWire", "date": "2022-02-08",
               "url": "https://example.com/\x1b]8;;x\x07", "text": PAYLOAD + " A lone half \ud800 of a pair. " + GOOD.split("\n", 1)[1]}
    (root / "escaped.json").write_text(json.dumps(escaped))  # ensure_ascii: "\u001b", "\ud800"
    (root / "payload.txt").write_text(f"Payload headline [bold]x[/] {{{{ t }}}}\n date 2022-02-07\n\n{PAYLOAD}\n\n{PAYLOAD}")
    return root


def run(*args, timeout=300):
    result = subprocess.run([sys.executable, "-m", "briefing", *args, "--no-cache"], capture_output=True, timeout=timeout)
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def inspected(hostile):
    code, out, err = run("inspect", str(hostile), "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_every_bad_file_is_skipped_with_a_reason(inspected):
    reasons = {item["path"]: item["reason"] for item in inspected["skipped"]}
    assert reasons["empty.txt"] == "empty file"
    assert "empty" in reasons["whitespace.txt"]
    assert reasons["binary.txt"].startswith("binary file")
    assert reasons["huge.txt"].startswith("too large") and "--max-file-size" in reasons["huge.txt"]
    assert reasons["malformed.json"].startswith("not valid JSON")
    assert "not valid JSON (line 1, 3" in reasons["mixed.jsonl"]
    assert reasons["bomb.rss"].startswith("unsafe XML refused")
    assert reasons["xxe.xml"].startswith("unsafe XML refused")
    assert "FIFO" in reasons["pipe.txt"]
    assert "symlink" in reasons["loop"]
    for reason in reasons.values():
        assert reason and "\n" not in reason and "Traceback" not in reason


def test_every_good_article_is_kept(inspected):
    paths = {a["path"] for a in inspected["articles"]}
    for name in ("good.txt", "cp1252.txt", "latin1.txt", "utf16.txt", "truncated.txt", "malformed.html",
                 "mixed.jsonl", "bad\\nname\\xff.txt", "impossible.txt", "year0.json", "payload.txt", "escaped.json"):
        assert name in paths, name
    dates = {a["path"]: a["date"] for a in inspected["articles"]}
    assert dates["cp1252.txt"] == "2022-02-02" and dates["utf16.txt"] == "2022-02-04" and dates["truncated.txt"] == "2022-02-05"
    assert dates["impossible.txt"] is None and dates["year0.json"] is None


def test_deep_html_does_not_crash(inspected):
    listed = {a["path"] for a in inspected["articles"]} | {s["path"] for s in inspected["skipped"]}
    assert "deep.html" in listed


@pytest.fixture(scope="module")
def markdown_export(hostile):
    """`briefing export HOSTILE`, run once for the tests that read its Markdown."""
    return run("export", str(hostile))


def test_no_escape_sequences_or_controls_anywhere(hostile, markdown_export):
    for args in (("inspect", str(hostile), "--format", "json"), ("inspect", str(hostile)), ("export", str(hostile)), ("export", str(hostile), "--format", "json")):
        code, out, err = markdown_export if args == ("export", str(hostile)) else run(*args)
        assert code == 0, err
        for forbidden in ("\x1b", "\x07", "\u202e", "\x00", "\x9b"):
            assert forbidden not in out and forbidden not in err, (args, forbidden)


def test_markdown_carries_no_live_payload(markdown_export):
    code, out, err = markdown_export
    assert code == 0, err
    html = MarkdownIt("commonmark").render(out)
    assert "<script" not in html and 'href="javascript' not in html
    for delimiter in ("{{", "}}", "*|", "|*"):
        assert delimiter not in html
    assert "[bold]x[/]" in out.replace("\\", "")  # shown literally (escaped for Markdown)


def test_rich_text_output_shows_markup_literally(hostile):
    code, out, err = run("inspect", str(hostile / "payload.txt"))
    assert code == 0
    assert "[bold]x[/]" in out and "[@click=app.quit]y[/]" in out


def test_vanishing_file_and_unreadable_folder(tmp_path, monkeypatch):
    from briefing.ingest import walk as walk_module
    from briefing.ingest.load import load_corpus

    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "gone.txt").write_text(GOOD)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(GOOD)
    real_walk, real_scandir = walk_module.walk, os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    def walk_then_delete(paths, *options):
        found = real_walk(paths, *options)
        (tmp_path / "gone.txt").unlink()  # vanishes between the scan and the read
        return found

    monkeypatch.setattr(walk_module.os, "scandir", scandir)
    monkeypatch.setattr("briefing.ingest.load.walk", walk_then_delete)
    corpus = load_corpus([tmp_path])
    reasons = {s.path: s.reason for s in corpus.skipped}
    assert [a.path for a in corpus.articles] == ["good.txt"]
    assert reasons["gone.txt"].startswith("vanished")
    assert reasons["locked"] == "unreadable: permission denied"


@pytest.mark.parametrize("fmt", ["md", "html", "slack", "text"])
def test_every_format_carries_no_live_payload(hostile, fmt, tmp_path, capsys):
    """Issue 18: the hostile folder in every output format passes the shared injection checks.
    The command runs in this process (each start-up costs more than the export): the tests
    above run it as a program."""
    from briefing.cli import main
    from format_checks import check

    out_file = tmp_path / f"brief.{fmt}"
    code = main(["export", str(hostile), "--format", fmt, "-o", str(out_file), "--no-cache"])
    assert code == 0, capsys.readouterr().err
    text = out_file.read_text(encoding="utf-8")
    check(fmt, text)
    for forbidden in ("\x1b", "\x07", "\u202e", "\x00"):
        assert forbidden not in text
    assert "[bold]x[/]" in text.replace("\\", "")  # the payload is shown, as text
