"""Dates with provenance, in every form the issue names, and the order of trust."""

import datetime as dt

import pytest

from briefing.ingest.clean import clean
from briefing.ingest.dates import filename_date, header_date, parse_date_value, text_date, url_date
from briefing.ingest.load import choose_date
from briefing.core.model import DateFinding, RawDocument
from conftest import sample_text

D = dt.date


@pytest.mark.parametrize(
    "line,expected",
    [
        (" date 2022-02-15 As the West warily eyed", D(2022, 2, 15)),
        ("20220215", D(2022, 2, 15)),
        ("Published: Feb. 15, 2022 10:31 AM EST", D(2022, 2, 15)),
        ("Posted on 15 February 2022", D(2022, 2, 15)),
        ("Updated 2022-02-15T10:00:00Z", D(2022, 2, 15)),
        ("Date: 2022/02/15", D(2022, 2, 15)),
    ],
)
def test_header_forms(line, expected):
    finding, _rest = header_date(line)
    assert finding.date == expected and finding.source == "header"


@pytest.mark.parametrize("line", ["Date: 9999-99-99", "date 2022-02-30", "published 0000-01-01", "20221345", "Date: 2999-01-01"])
def test_impossible_and_future_header_dates_rejected(line):
    assert header_date(line) is None


def test_not_a_header():
    assert header_date("Dates are hard to pin down, officials said.") is None


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://apnews.com/2022/02/15/russia-ukraine", D(2022, 2, 15)),
        ("https://www.example.com/news/2016-10-12-storm-hits", D(2016, 10, 12)),
        ("https://www.example.com/20220214/story.html", D(2022, 2, 14)),
        ("https://www.dailymail.co.uk/news/article-10515453/Ukraine-Putin.html", None),
    ],
)
def test_url_dates(url, expected):
    finding = url_date(url)
    assert (finding.date if finding else None) == expected


@pytest.mark.parametrize(
    "name,expected",
    [
        ("reuters_2016-10-12_storm.txt", D(2016, 10, 12)),
        ("20161012-ap.txt", D(2016, 10, 12)),
        ("000_e81418de888b2d50.txt", None),  # a hash, not a date
        ("a20161012ff.txt", None),
    ],
)
def test_filename_dates(name, expected):
    finding = filename_date(name)
    assert (finding.date if finding else None) == expected


def test_latest_caption_date_is_the_article_date():
    captions = clean(sample_text("001")).captions
    finding = text_date(captions)
    assert finding.date == D(2022, 2, 14) and finding.source == "text"
    assert "Feb. 14, 2022" in finding.evidence


def test_parse_values():
    assert parse_date_value("Tue, 15 Feb 2022 10:00:00 +0000")[0] == D(2022, 2, 15)
    assert parse_date_value("2022-02-15T23:30:00-05:00")[1].utcoffset() == dt.timedelta(hours=-5)
    assert parse_date_value("11/04/1998 11:21:00")[0] == D(1998, 11, 4)
    assert parse_date_value("15. Februar 2022")[0] == D(2022, 2, 15)
    assert parse_date_value("not a date") is None
    assert parse_date_value("2022-13-01") is None


def test_trust_order_metadata_header_url_filename_text():
    meta = DateFinding(D(2022, 2, 15), "metadata", "x")
    header = DateFinding(D(2022, 2, 14), "header", "y")
    raw = RawDocument(text="", date=meta)
    units = ["Kyiv, Monday, Feb. 7, 2022 — crowds gathered."]
    assert choose_date(raw, header, "https://x.org/2022/02/13/a", "2022-02-12_a.txt", [], units).source == "metadata"
    raw.date = None
    assert choose_date(raw, header, "https://x.org/2022/02/13/a", "2022-02-12_a.txt", [], units).source == "header"
    assert choose_date(raw, None, "https://x.org/2022/02/13/a", "2022-02-12_a.txt", [], units).date == D(2022, 2, 13)
    assert choose_date(raw, None, None, "2022-02-12_a.txt", [], units).date == D(2022, 2, 12)
    assert choose_date(raw, None, None, "a.txt", [], units).date == D(2022, 2, 7)
    assert choose_date(raw, None, None, "a.txt", [], ["No date in this text."]) is None


def test_prose_dates_about_other_days_are_not_taken():
    units = ["Intro paragraph without dates.", "Officials met.", "The treaty signed on March 3, 2015 still holds, they said."]
    assert choose_date(RawDocument(text=""), None, None, "a.txt", [], units) is None


def test_wire_files_take_their_header_date_whatever_the_title_looks_like():
    """Reuters files as the scale bench writes them: title line, ` date YYYY-MM-DD`, body.

    Titles such as `ECONOMIC SPOTLIGHT - BANKAMERICA` pass for datelines and a hard-wrapped
    title + header pair was once read as one paragraph: the header was lost and a date in
    the text won (313 days instead of 58).
    """
    import gzip
    import json

    from conftest import data_path

    from briefing.ingest.load import LoadOptions, build_article
    from briefing.core.model import RawDocument

    path = data_path("reuters21578", "reuters21578.jsonl.gz")
    rows = [json.loads(line) for line in gzip.open(path, "rt")][:3000]
    checked = wrong = 0
    for row in rows:
        body = (row.get("body") or "").replace("&\\t", "\n\n    ").strip()
        if not body:
            continue
        day = dt.datetime.strptime(row["date"].split()[0], "%d-%b-%Y").date()
        text = f"{(row.get('title') or '').strip()}\n date {day.isoformat()}\n\n{body}\n"
        article = build_article(RawDocument(text=text, kind="txt"), "reut.txt", "x", LoadOptions(), None)
        checked += 1
        wrong += article is None or (article.date, article.date_source) != (day, "header")
    assert checked > 2500 and wrong == 0
