"""Publication dates of saved web pages (briefing.html_dates)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import time
from pathlib import Path

import pytest

from briefing.html_dates import find_html_date, parse_text, url_date

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
TODAY = dt.date(2024, 6, 1)


def page(head: str = "", body: str = "", lang: str = "en") -> str:
    return f'<!DOCTYPE html><html lang="{lang}"><head><title>T</title>{head}</head><body>{body}</body></html>'


ARTICLE = (
    "<h1>Council votes to repair the bridge</h1>"
    "<p>The city council voted on Monday to repair the old bridge over the river, "
    "a project that will take two years and cost 48 million euros.</p>"
)


def find(html: str, url: str | None = None):
    return find_html_date(html, url=url, today=TODAY)


# --- each markup source ----------------------------------------------------------------


def test_json_ld_date_published():
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
        ' "headline": "Bridge", "datePublished": "2020-06-29T10:16:15+02:00",'
        ' "dateModified": "2020-07-02T08:00:00+02:00",'
        ' "publisher": {"@type": "Organization", "name": "X", "foundingDate": "1998-01-01"}}</script>'
    )
    found = find(page(head, ARTICLE))
    assert found.date == dt.date(2020, 6, 29)
    assert found.source == "metadata"
    assert "datePublished" in found.evidence and len(found.evidence) <= 200
    assert found.moment == dt.datetime(2020, 6, 29, 10, 16, tzinfo=dt.timezone(dt.timedelta(hours=2)))


def test_json_ld_related_items_do_not_count():
    head = (
        '<script type="application/ld+json">{"@type": "ItemList", "itemListElement": ['
        '{"@type": "NewsArticle", "datePublished": "2019-01-05"}]}</script>'
        '<meta property="article:published_time" content="2021-03-04T09:00:00+01:00">'
    )
    assert find(page(head, ARTICLE)).date == dt.date(2021, 3, 4)


def test_opengraph_published_time_beats_modified_time():
    head = (
        '<meta property="article:modified_time" content="2021-05-01T12:00:00+00:00">'
        '<meta property="article:published_time" content="2021-04-20T12:00:00+00:00">'
    )
    found = find(page(head, ARTICLE))
    assert found.date == dt.date(2021, 4, 20)
    assert found.source == "metadata"
    assert "article:published_time" in found.evidence


def test_time_element_with_datetime():
    body = ARTICLE.replace(
        "</h1>", '</h1><p class="byline">By Ann Lee, <time datetime="2019-11-18T19:04:00-05:00">Nov. 18, 2019</time></p>'
    )
    found = find(page(body=body))
    assert found.date == dt.date(2019, 11, 18)
    assert found.source == "metadata"
    assert "2019-11-18" in found.evidence


def test_itemprop_date_published_first_in_document_wins():
    body = (
        '<article><h1>Story</h1><span><meta itemprop="datePublished" content="2022-02-02">02.02.2022</span>'
        "<p>Text of the story, long enough to be a paragraph of an article.</p></article>"
        '<div class="more-news"><ul><li><meta itemprop="datePublished" content="2022-01-27">Older story</li></ul></div>'
    )
    assert find(page(body=body, lang="de")).date == dt.date(2022, 2, 2)


def test_date_in_canonical_url():
    head = '<link rel="canonical" href="https://example.com/news/2020/01/22/some-story/">'
    found = find(page(head, ARTICLE))
    assert found == find(page(head, ARTICLE))
    assert found.date == dt.date(2020, 1, 22)
    assert found.source == "url"
    assert found.evidence.startswith("https://example.com/news/2020/01/22")


def test_date_in_url_argument_when_page_has_none():
    found = find(page(body=ARTICLE), url="https://example.org/2018/03/07/im-test/")
    assert (found.date, found.source) == (dt.date(2018, 3, 7), "url")


def test_visible_dateline_in_several_languages():
    cases = [
        ('<p class="meta">Veröffentlicht am 5. März 2020, 14:30 Uhr</p>', "de", dt.date(2020, 3, 5)),
        ('<div class="date">Publié le 12 février 2021</div>', "fr", dt.date(2021, 2, 12)),
        ('<span class="fecha">29 de junio de 2020</span>', "es", dt.date(2020, 6, 29)),
        ('<p class="byline">Posted: July 18, 2020 - 4:01 PM</p>', "en", dt.date(2020, 7, 18)),
        ('<div class="info">2020年07月12日</div>', "ja", dt.date(2020, 7, 12)),
        ('<span class="date">29 июня 2020</span>', "ru", dt.date(2020, 6, 29)),
    ]
    for dateline, lang, expected in cases:
        body = ARTICLE.replace("</h1>", "</h1>" + dateline)
        found = find(page(body=body, lang=lang))
        assert found is not None, dateline
        assert (found.date, found.source) == (expected, "text"), dateline


def test_generic_meta_date_loses_to_the_visible_dateline():
    """CMSs fill <meta name="date"> with the last edit; the reader sees the real date."""
    head = '<meta name="date" content="2020-02-12">'
    body = ARTICLE.replace("</h1>", '</h1><div class="news-single-timedata">05.02.2020</div>')
    assert find(page(head, body, lang="de")).date == dt.date(2020, 2, 5)


def test_sidebar_comment_and_masthead_dates_are_not_the_article_date():
    body = (
        '<div class="header-top"><div class="today">Wednesday, August 19, 2020</div></div>'
        "<article>" + ARTICLE.replace("</h1>", '</h1><p class="date">March 3, 2020</p>') + "</article>"
        '<aside class="sidebar"><ul><li><a href="/x">Other story</a> <span class="date">March 9, 2020</span></li></ul></aside>'
        '<div class="comments"><p class="comment-date">March 10, 2020</p></div>'
    )
    assert find(page(body=body)).date == dt.date(2020, 3, 3)


def test_utc_timestamp_near_midnight_takes_the_local_day_shown_on_the_page():
    head = '<meta property="article:published_time" content="2020-02-18T02:18:11Z">'
    body = ARTICLE.replace("</h1>", '</h1><p class="date">Published Feb. 17, 2020 at 9:18 PM</p>')
    assert find(page(head, body)).date == dt.date(2020, 2, 17)
    # without a local sign the UTC day stays: no time zone is guessed
    assert find(page(head, ARTICLE)).date == dt.date(2020, 2, 18)


def test_wiki_page_date_is_its_latest_revision():
    head = '<meta name="generator" content="MediaWiki 1.35.0">'
    body = ARTICLE + '<div id="footer"><li id="footer-info-lastmod">This page was last edited on 7 April 2020, at 05:33.</li></div>'
    assert find(page(head, body)).date == dt.date(2020, 4, 7)


# --- what must not be returned --------------------------------------------------------


def test_future_date_is_rejected():
    head = '<meta property="article:published_time" content="2030-01-02T10:00:00Z">'
    assert find(page(head, ARTICLE)) is None
    assert find_html_date(page(head, ARTICLE), today=dt.date(2030, 1, 5)).date == dt.date(2030, 1, 2)


def test_impossible_and_too_old_dates_are_rejected():
    assert find(page('<meta property="article:published_time" content="2020-02-30T10:00:00Z">', ARTICLE)) is None
    assert find(page(body=ARTICLE.replace("</h1>", '</h1><p class="date">31 June 2020</p>'))) is None
    assert find(page('<meta property="article:published_time" content="1985-05-01">', ARTICLE)) is None
    assert parse_text("2022-29-11") is None
    assert url_date("https://x.org/2020/13/45/story") is None


def test_page_without_a_date_gives_none():
    body = ARTICLE + '<footer><p>© 2019 Example Media. All rights reserved.</p></footer>'
    assert find(page(body=body)) is None


def test_sentence_mentions_and_profile_dates_are_not_datelines():
    body = (
        "<h1>Forum: where did it go?</h1>"
        '<dl class="pairs"><dt>Joined</dt><dd>May 11, 2017</dd></dl>'
        '<p class="meta">Effective Date: Saturday, July 25, 2020</p>'
    )
    assert find(page(body=body)) is None


# --- hostile input ------------------------------------------------------------------------


HOSTILE = {
    "empty": "",
    "blank": "   ",
    "nul bytes": "\x00" * 1000,
    "random bytes as utf-8": os.urandom(20_000).decode("utf-8", errors="replace"),
    "random bytes as latin-1": os.urandom(20_000).decode("latin-1"),
    "deeply nested tags": "<div>" * 50_000 + "Published 3 March 2020" + "</div>" * 50_000,
    "deeply nested json-ld": '<script type="application/ld+json">' + "[" * 50_000 + "]" * 50_000 + "</script>",
    "truncated json-ld": '<script type="application/ld+json">{"datePublished": "2020-01-0</script>',
    "xml declaration": '<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p></body></html>',
    "nonsense values": "<html><body><time datetime='9999-99-99T99:99:99Z'>x</time><p>31/02/2020</p></body></html>",
    "giant epoch": '<meta name="pubdate" content="99999999999999999999">',
    "broken markup": "<<<>>><html<<body>>>&&&&;;;<p<p<p>",
}


@pytest.mark.parametrize("html", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_input_never_raises(html):
    find_html_date(html)  # must not raise


def test_non_string_input_never_raises():
    assert find_html_date(None) is None  # type: ignore[arg-type]
    found = find_html_date(b'<meta property="article:published_time" content="2020-01-02">')  # type: ignore[arg-type]
    assert found.date == dt.date(2020, 1, 2)


def test_huge_page_stays_fast():
    html = page(body="<p>lorem ipsum 12.12.2012 dolor sit amet</p>" * 60_000)
    start = time.perf_counter()
    find_html_date(html)
    assert time.perf_counter() - start < 5


# --- the shared gold set ----------------------------------------------------------------


def test_mediacloud_accuracy():
    folder = DATA / "htmldate_mediacloud2020"
    if not (folder / "gold.json").is_file():
        pytest.skip(f"evaluation data not available at {folder}")
    entries = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    hits = 0
    for entry in entries:
        html = gzip.decompress((folder / entry["file"]).read_bytes()).decode("utf-8", errors="replace")
        found = find_html_date(html)  # HTML only, no URL
        hits += (found.date.isoformat() if found else None) == entry["date"]
    assert hits / len(entries) >= 0.92, hits / len(entries)
