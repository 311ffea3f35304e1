"""One test per reader, on real article text from the sample corpus (and DUC when present)."""

import json
from pathlib import Path

import pytest

from briefing.ingest.load import load_corpus
from briefing.ingest.readers import ReadError, read_file
from conftest import data_path, sample_text

LEAD_001 = sample_text("001").split("\n\n")[3]  # "MOSCOW - Russia's top diplomat advised ..."
LAVROV_001 = sample_text("001").split("\n\n")[6]
BODY_004 = sample_text("004").split("\n", 1)[1]


def write(tmp_path: Path, name: str, content) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only_article(tmp_path):
    corpus = load_corpus([tmp_path])
    assert len(corpus.articles) == 1, corpus.skipped
    return corpus.articles[0]


def test_text_reader_on_sample_file(tmp_path):
    write(tmp_path, "a.txt", sample_text("001"))
    article = only_article(tmp_path)
    assert article.kind == "text" and article.title == "Kremlin signals more talks amid Ukraine tensions"


def test_markdown_with_front_matter(tmp_path):
    write(tmp_path, "a.md", f"---\ntitle: \"Kremlin signals more talks\"\ndate: 2022-02-14\nsource: AP\nurl: https://apnews.com/x\n---\n\n{LEAD_001}\n\n**{LAVROV_001}**\n")
    article = only_article(tmp_path)
    assert article.title == "Kremlin signals more talks" and article.source == "AP"
    assert article.date.isoformat() == "2022-02-14" and article.date_source == "metadata"
    assert "**" not in article.text and "top diplomat advised" in article.text


def test_markdown_without_front_matter_uses_heading(tmp_path):
    write(tmp_path, "a.md", f"# Kremlin signals more talks\n\n{LEAD_001} See [the AP story](https://apnews.com/x).\n")
    article = only_article(tmp_path)
    assert article.title == "Kremlin signals more talks"
    assert "the AP story" in article.text and "](" not in article.text and "#" not in article.text


def test_json_single_article_with_usual_keys(tmp_path):
    write(tmp_path, "a.json", json.dumps({"headline": "Blinken and Lavrov to talk", "articleBody": BODY_004,
                                          "datePublished": "2022-02-01T09:00:00-05:00", "link": "https://w.post/x",
                                          "publisher": {"name": "The Washington Post"}}))
    article = only_article(tmp_path)
    assert (article.title, article.source, article.url) == ("Blinken and Lavrov to talk", "The Washington Post", "https://w.post/x")
    assert article.date.isoformat() == "2022-02-01" and article.date_source == "metadata"


def test_json_list_and_wrapper(tmp_path):
    items = [{"title": f"t{i}", "content": f"<p>{LEAD_001}</p><p>Paragraph {i}.</p>", "publishedAt": "2022-02-14"} for i in range(3)]
    write(tmp_path, "list.json", json.dumps(items))
    write(tmp_path, "wrapped.json", json.dumps({"status": "ok", "articles": items[:2]}))
    corpus = load_corpus([tmp_path])
    assert len(corpus.articles) == 5
    assert all("<p>" not in a.text for a in corpus.articles)
    assert len({a.id for a in corpus.articles}) == 5


def test_jsonl_good_lines_survive_bad_ones(tmp_path):
    good = json.dumps({"title": "Kremlin signals", "text": LEAD_001, "date": "2022-02-14"})
    write(tmp_path, "a.jsonl", "\n".join([good, "{not json", good.replace("Kremlin", "Moscow"), '{"title": "no text"}', "[1, 2"]))
    corpus = load_corpus([tmp_path])
    assert len(corpus.articles) == 2
    reasons = " | ".join(s.reason for s in corpus.skipped)
    assert "2 line(s) not valid JSON (line 2, 5)" in reasons and "no article text" in reasons


def test_invalid_json_is_skipped_with_reason(tmp_path):
    write(tmp_path, "a.json", '{"title": "x", "text": ')
    corpus = load_corpus([tmp_path])
    assert not corpus.articles and corpus.skipped[0].reason.startswith("not valid JSON")


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>AP Top News</title>
<item><title>Kremlin signals more talks</title><link>https://apnews.com/article/1</link>
<pubDate>Mon, 14 Feb 2022 16:05:00 GMT</pubDate><description>short</description>
<content:encoded><![CDATA[<p>{lead}</p><p>{quote}</p>]]></content:encoded></item>
<item><title>Second</title><link>https://apnews.com/article/2</link><pubDate>Tue, 15 Feb 2022 08:00:00 GMT</pubDate>
<description>{lead}</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title type="html">Kremlin &lt;b&gt;signals&lt;/b&gt;</title><link href="https://wire.example/a" rel="alternate"/>
<published>2022-02-14T10:00:00Z</published><content type="html">&lt;p&gt;{lead}&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_items_are_articles(tmp_path):
    write(tmp_path, "feed.rss", RSS.format(lead=LEAD_001, quote=LAVROV_001))
    corpus = load_corpus([tmp_path])
    first, second = corpus.articles
    assert first.title == "Kremlin signals more talks" and first.source == "AP Top News"
    assert first.url == "https://apnews.com/article/1" and first.date.isoformat() == "2022-02-14"
    assert "can’t go on indefinitely" in first.text  # content:encoded preferred over description
    assert second.date.isoformat() == "2022-02-15"


def test_atom_entries_are_articles(tmp_path):
    write(tmp_path, "feed.xml", ATOM.format(lead=LEAD_001))
    article = only_article(tmp_path)
    assert article.title == "Kremlin signals" and article.url == "https://wire.example/a"
    assert article.date_source == "metadata" and "<p>" not in article.text


def test_entity_bomb_is_refused(tmp_path):
    bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]><rss><channel><item><title>&lol2;</title><description>x</description></item></channel></rss>'
    path = write(tmp_path, "bomb.rss", bomb)
    with pytest.raises(ReadError, match="unsafe XML"):
        read_file(path)


def test_external_entity_is_refused(tmp_path):
    xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&x;</title><description>x</description></item></channel></rss>'
    path = write(tmp_path, "xxe.xml", xxe)
    with pytest.raises(ReadError, match="unsafe XML"):
        read_file(path)


def test_sgml_wire_file_from_duc():
    folder = data_path("duc2003_task2", "docs", "d30005t")
    path = sorted(folder.iterdir())[0]
    result = read_file(path)
    (document,) = result.documents
    assert document.date is not None and document.date.source == "metadata"
    assert "<" not in document.text and len(document.text.split()) > 100
    assert document.source == "Associated Press"
