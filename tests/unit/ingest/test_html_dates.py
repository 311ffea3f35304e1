"""Publication dates of saved web pages (briefing.ingest.html.dates)."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
from pathlib import Path

import pytest

from briefing.ingest.html.dates import find_html_date, parse_value

REPO = Path(__file__).resolve().parents[3]
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
    assert found.moment == dt.datetime(2020, 6, 29, 10, 16, 15, tzinfo=dt.timezone(dt.timedelta(hours=2)))


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


def test_article_date_beats_a_page_wide_update_stamp():
    page = """<html><head><title>Neue Radwege</title></head><body>
<header><div class="updated">Letzte Aktualisierung:
<time datetime="2024-03-20">20.03.2024</time></div></header>
<article><h1>Neue Radwege für die Innenstadt</h1>
<p class="date"><time datetime="2024-03-12">12. März 2024</time></p>
<p>Der Stadtrat hat am Montag beschlossen, bis zum Herbst zwölf Kilometer neue Radwege
anzulegen.</p><p>Die Arbeiten beginnen im April und sollen den Verkehr wenig stören.</p>
</article></body></html>"""
    found = find_html_date(page, today=dt.date(2025, 1, 1))
    assert found is not None and found.date == dt.date(2024, 3, 12)
    assert "2024-03-12" in found.evidence


CMS_STAMP = '<meta name="date" content="2021-10-15">'  # htmldate reads it before the rest
BYLINE = '<p class="byline">By Ann Lee, 13 October 2021</p>'


def test_two_statements_that_agree_overrule_htmldate():
    """Published markup and the byline under the headline agree; a CMS stamp does not."""
    head = CMS_STAMP + '<meta property="article:published_time" content="2021-10-13T09:00:00+02:00">'
    found = find(page(head, ARTICLE.replace("</h1>", "</h1>" + BYLINE)))
    assert found.date == dt.date(2021, 10, 13)
    assert found.source == "metadata"
    assert "article:published_time" in found.evidence and "13 October 2021" in found.evidence


def test_one_statement_alone_does_not_overrule_htmldate():
    found = find(page(CMS_STAMP, ARTICLE.replace("</h1>", "</h1>" + BYLINE)))
    assert found.date == dt.date(2021, 10, 15)


def test_byline_date_is_not_read_from_navigation_or_sidebars():
    head = CMS_STAMP + '<meta property="article:published_time" content="2021-10-13T09:00:00+02:00">'
    sidebar = '<aside><p>Most read</p><p>Bridge closed, 13 October 2021</p></aside>'
    found = find(page(head, ARTICLE.replace("</h1>", "</h1>" + sidebar)))
    assert found.date == dt.date(2021, 10, 15)  # the sidebar's date is no second statement


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


# --- what must not be returned --------------------------------------------------------


def test_future_date_is_rejected():
    head = '<meta property="article:published_time" content="2030-01-02T10:00:00Z">'
    assert find(page(head, ARTICLE)) is None
    assert find_html_date(page(head, ARTICLE), today=dt.date(2030, 1, 5)).date == dt.date(2030, 1, 2)


def test_impossible_and_too_old_dates_are_rejected():
    impossible = find(page('<meta property="article:published_time" content="2020-02-30T10:00:00Z">', ARTICLE))
    assert impossible is None or impossible.date.month == 2  # never rolled over into March
    assert find(page(body=ARTICLE.replace("</h1>", '</h1><p class="date">31 June 2020</p>'))) is None
    assert find(page('<meta property="article:published_time" content="1985-05-01">', ARTICLE)) is None
    assert parse_value("2022-29-11") is None
    assert parse_value("2020-02-30T10:00:00Z") is None


def test_page_without_a_date_gives_none():
    body = ARTICLE + '<footer><p>© 2019 Example Media. All rights reserved.</p></footer>'
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
    "many deep empty elements after a headline": "<h1>x</h1>" + "<div>" * 250 + "<span></span>" * 20_000,
}


@pytest.mark.parametrize("html", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_input_never_raises(html):
    find_html_date(html)  # must not raise


def test_non_string_input_never_raises():
    assert find_html_date(None) is None  # type: ignore[arg-type]
    found = find_html_date(b'<meta property="article:published_time" content="2020-01-02">')  # type: ignore[arg-type]
    assert found.date == dt.date(2020, 1, 2)


def test_copyright_year_is_not_a_date():
    """htmldate reads a bare year as 1 January; a page that never writes that day has none."""
    body = ARTICLE + "<footer><p>Copyright 2016 Example Media</p></footer>"
    assert find(page(body=body)) is None


def test_dates_come_with_provenance():
    body = ARTICLE.replace("</h1>", '</h1><p class="date">Published on 12.03.2021</p>')
    found = find(page(body=body, lang="de"))
    assert found.date == dt.date(2021, 3, 12)
    assert found.source == "text" and "12.03.2021" in found.evidence


# --- the shared gold sets: blind half, ours against htmldate ------------------------------


def _half(name: str) -> str:
    return ("tune", "blind")[hashlib.sha1(name.encode()).digest()[0] % 2]


@pytest.mark.dataset
@pytest.mark.parametrize("name", ["htmldate_mediacloud2020", "trafilatura_eval"])
def test_blind_half_at_least_as_good_as_htmldate(name):
    """On pages no rule was written from, our dates are never worse than htmldate's alone.

    The absolute figures (tune | blind) are printed by bench/eval_html_dates.py.
    """
    from htmldate import find_date

    folder = DATA / name
    if not (folder / "gold.json").is_file():
        pytest.skip(f"evaluation data not available at {folder}")
    ours = base = total = 0
    for entry in json.loads((folder / "gold.json").read_text(encoding="utf-8")):
        if _half(entry["file"]) != "blind":
            continue
        html = gzip.decompress((folder / entry["file"]).read_bytes()).decode("utf-8", errors="replace")
        found = find_html_date(html)  # HTML only, no URL
        ours += (found.date.isoformat() if found else None) == entry["date"]
        base += find_date(html, extensive_search=True, original_date=True) == entry["date"]
        total += 1
    assert total > 50
    assert ours >= base, (ours / total, base / total)
