"""One test per cleaning rule, on lines taken from the sample corpus (real wire and web text)."""

import pytest

from briefing.ingest.clean import clean, is_caption, is_chrome, split_units
from conftest import sample_text

T001, T002, T003 = sample_text("001"), sample_text("002"), sample_text("003")


def lines_of(text: str, *starts: str) -> list[str]:
    found = [u for u in split_units(text) if u.startswith(starts)]
    assert found, starts
    return found


@pytest.mark.parametrize("line", ["Log In", "Reset Password", "People also read…", "Share this article", "Advertisement", "3 min read"])
def test_site_chrome(line):
    assert is_chrome(line)


def test_chrome_rule_leaves_real_short_sentences():
    assert not is_chrome("The US reacted coolly.")
    assert not is_chrome("Home prices rose 3% in January, the ministry said.")


def test_chrome_removed_from_real_article():
    result = clean(T001)
    assert "Log In" in result.removed and "Reset Password" in result.removed
    assert "Log In" not in result.text and "Reset Password" not in result.text
    result = clean(T003)
    assert "People also read" not in result.text


def test_ap_file_and_handout_captions():
    for caption in lines_of(T001, "FILE-", "In this handout photo", "In this photo provided"):
        assert is_caption(caption, sentence_like_document=False), caption


def test_caption_with_photo_credit():
    (caption,) = lines_of(T001, "A view of Ukraine")
    assert caption.endswith("(AP Photo/Efrem Lukatsky)")
    assert is_caption(caption, sentence_like_document=False)


def test_caption_truncated_credit_and_weekday_date():
    for caption in lines_of(T001, "A young woman holds a weapon", "A member of the Special Forces"):
        assert is_caption(caption, sentence_like_document=False)


def test_daily_mail_unpunctuated_captions():
    captions = lines_of(T002, "Russian President Vladimir Putin attends", "Sukhoi Su-34 fighters", "Members of the 82nd Airborne")
    for caption in captions:
        assert is_caption(caption, sentence_like_document=True)


def test_body_paragraphs_are_not_captions():
    for unit in lines_of(T001, "Moscow denies it has any plans", "Dr. Tamara Ugrich", "The meeting came as"):
        assert not is_caption(unit, sentence_like_document=True)


def test_captions_removed_but_kept_for_review():
    result = clean(T001)
    assert "AP Photo" not in result.text and "FILE-" not in result.text and "In this photo" not in result.text
    assert any("AP Photo" in r for r in result.removed)
    assert len(result.captions) >= 8


def test_byline_gives_source_and_is_removed():
    result = clean(T003)
    assert result.source == "Associated Press"
    assert "ISACHENKOV" not in result.text
    assert any(r.startswith("By VLADIMIR ISACHENKOV") for r in result.removed)


def test_contributor_line_removed():
    result = clean(T003)
    assert "contributed" not in result.text
    assert any(r.endswith("contributed.") for r in result.removed)


def test_copyright_notice_removed():
    result = clean(T003)
    assert "All rights reserved" not in result.text and "Copyright" not in result.text


def test_dateline_stripped_from_first_paragraph():
    result = clean(T003)
    assert result.text.startswith("Russia’s top diplomat on Monday advised")
    assert "MOSCOW (AP) —" in result.removed


def test_repeated_lines_removed_once():
    repeated = [u for u in split_units(T001) if u.startswith("In this photo provided by the Russian Defense Ministry Press Service on Monday, Feb. 14, 2022. A MiG-31 fighter of the Russian air force takes off")]
    assert len(repeated) == 3
    result = clean(T001)
    assert sum(r == repeated[0] for r in result.removed) == 3  # once as a caption, twice as repeats


def test_repeated_body_paragraph_is_dropped():
    paragraph = "Moscow denies it has any plans to invade Ukraine but has massed well over 130,000 troops near its borders."
    result = clean("\n\n".join([paragraph, "The US reacted coolly.", paragraph]))
    assert result.text.count("130,000") == 1


def test_header_lines_title_date_url():
    result = clean(T002)
    assert result.title.startswith("Now Putin plays the peacemaker")
    assert result.header_date.date.isoformat() == "2022-02-15"
    assert result.url.startswith("https://www.dailymail.co.uk/")
    assert "dailymail.co.uk" not in result.text


def test_header_date_running_into_first_sentence():
    result = clean(sample_text("000"))
    assert result.header_date.evidence == "date 2022-02-15"
    assert result.text.startswith("As the West warily eyed Russian troop movements")
    assert result.title is None


def test_daily_mail_vaccine_sidebar_lines_removed():
    result = clean(T002)
    for sidebar in ("one in 30,000", "One in 65,000", "One in 50,000", "sore arm", "less likely to pass the virus"):
        assert sidebar not in result.text


def test_hard_wrapped_wire_copy_is_unwrapped():
    wire = (
        "German police raided several locations near\nBonn after receiving word of a terrorist threat against the U.S.\n"
        "Embassy, but no evidence of a planned attack was found, officials\nsaid Wednesday.\n"
        "\tPolice, including agents of an elite anti-terrorist unit,\nchecked several suspects during raids.\n"
    )
    units = split_units(wire)
    assert units == [
        "German police raided several locations near Bonn after receiving word of a terrorist threat against the U.S. "
        "Embassy, but no evidence of a planned attack was found, officials said Wednesday.",
        "Police, including agents of an elite anti-terrorist unit, checked several suspects during raids.",
    ]


def test_extra_patterns_from_config():
    import re

    result = clean(sample_text("004"), extra_patterns=[re.compile(r"Washington Post")])
    assert "Washington Post" not in result.text


def test_fast_regexes_match_their_plain_forms():
    """The copyright, contributor and caption-word regexes were split or given a first-character
    look-ahead for speed; they must accept exactly what the single alternations did."""
    import random
    import re

    from briefing.ingest import clean as c

    copyright_plain = re.compile(
        r"^(?:©|\(c\)|copyright\b)|all rights reserved|may not be (?:published|reproduced), broadcast|"
        r"rewritten or redistributed|without (?:prior )?(?:written )?permission\.?$",
        re.I,
    )
    contributor_plain = re.compile(
        r"(?:\bcontributed(?: to)?(?: this)?(?: report(?:ing)?| story)?\.?$)|^(?:Additional )?(?:reporting|writing|editing) by\b|"
        r"^\w[\w .'-]{0,40} reported from [^.]{2,60}\.$",
        re.I,
    )
    caption_words_plain = re.compile(c._CAPTION_WORDS.pattern.replace(r"(?=[pisalr(, ])", ""), re.I)
    pieces = [
        "All Rights Reserved", "aLL rights reſerved", "may not be published, broadcast", "rewritten or redistributed",
        "without prior written permission", "without permission.", "©", "(C)", "Copyright", "copyrights", "contributed",
        "contributed to this report.", "Reporting by", "Additional editing by", "Ann Lee reported from Kyiv.", "pictured",
        "İs seen", "ıs seen", "poſes", "ATTENDS", "(left", ", right,", " left and ", "in this satellite image", "Kelvin K",
        " ", ".", "x", "\n", "2022",
    ]
    rng = random.Random(11)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))
        assert c._is_copyright(text) == bool(copyright_plain.search(text)), text
        assert c._is_contributor_line(text) == bool(contributor_plain.search(text)), text
        found, plain = c._CAPTION_WORDS.search(text), caption_words_plain.search(text)
        assert (found and found.span()) == (plain and plain.span()), text


# ---------------------------------------------------------------- wire markup at load

from briefing.ingest.clean import normalize_wire  # noqa: E402


@pytest.mark.parametrize("raw, expected", [
    ("``For now, we can no longer speak,'' she said.", "“For now, we can no longer speak,” she said."),
    ("''No help. No firemen,'' he said.", "“No help. No firemen,” he said."),
    ("said, ```Don't take this case,''' Hu recounted.", "said, “‘Don't take this case,'” Hu recounted."),  # nested quote
    ("British Petroleum Co Plc <BP>, which owns it", "British Petroleum Co Plc, which owns it"),
    ("sold to <Sedio N.V.> of Lugano", "sold to Sedio N.V. of Lugano"),
    ("acquired <Diversified Data\nCorp>.", "acquired Diversified Data\nCorp."),
    ("STANDARD OIL <SRD> TO FORM UNIT", "STANDARD OIL TO FORM UNIT"),
    ("profits rose.\n&\\tThe bank said", "profits rose.\n\n\nThe bank said"),
    ("profits rose. &\tThe bank said", "profits rose. \n\nThe bank said"),
    ("the embassy. &UR; (tc-pfg-dkt)", "the embassy.  (tc-pfg-dkt)"),  # spaces are joined later, per unit
    ("AT&T and S&P said 5 &lt; 6 &amp; more", "AT&T and S&P said 5 < 6 & more"),
    ("tThe company said", "The company said"),
    ("eBay and iPhone and tRNA", "eBay and iPhone and tRNA"),
    ("Plain text stays as it is.", "Plain text stays as it is."),
])
def test_wire_markup_becomes_what_it_stands_for(raw, expected):
    assert normalize_wire(raw) == expected


def test_hostile_markup_is_linear_and_safe():
    for text in ("<" * 20000, "&" * 20000 + ";", "``" * 10000, "<A" * 5000 + ">", "&#99999999;", "&#0;",
                 "&" + " " * 50000 + "x", "<" + "\t" * 50000 + "x>", "." + " " * 50000 + "\\t"):
        out = normalize_wire(text)
        assert isinstance(out, str) and "\x00" not in out


def test_raw_reuters_bodies_lose_their_markup_at_load():
    """Bodies exactly as Reuters-21578 has them: `&\\t` paragraph marks, <Company> tags, tickers."""
    import gzip
    import json
    import re

    from conftest import data_path

    path = data_path("reuters21578", "reuters21578.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for _, line in zip(range(2000), handle)]
    marked = [r["body"] for r in rows if r.get("body") and ("<" in r["body"] or "&\\t" in r["body"])]
    assert len(marked) > 100
    for body in marked:
        text = clean(body).text
        assert not re.search(r"&\\t|<[^<>]{1,60}>|\bt[A-Z][a-z]", text), text[:200]


def test_duc_files_lose_their_typesetting_codes(tmp_path):
    from briefing.ingest.load import load_corpus
    from conftest import data_path

    docs = data_path("duc2003_task2", "docs")
    corpus = load_corpus([docs / "d30005t", docs / "d31022t"])
    assert corpus.articles
    for article in corpus.articles:
        assert "``" not in article.text and "''" not in article.text and "&UR;" not in article.text


_HEADERISH = ["date", "Date:", "DATED", "published on", "Posted", "pubdate", "publication date", "Updated", "last updated",
              "datum", "Veröffentlicht", "1987", "20220215", "2022-02-15", "Feb 15, 2022", "15. Februar 2022", " ", "\t",
              "\u00a0", "said", "The", "tNew", "York", "x"]


def test_header_line_screen_never_hides_a_header_date():
    """`may_be_header` skips the header patterns only for lines they cannot read as a date header."""
    import random

    from briefing.ingest.dates import _header_date as header_date, may_be_header as _may_be_header

    rng = random.Random(5)
    lines = ["".join(rng.choice(_HEADERISH) + rng.choice(["", " ", ": "]) for _ in range(rng.randint(1, 4))) for _ in range(3000)]
    found = 0
    for line in lines:
        if header_date(line) is not None:
            found += 1
            assert _may_be_header(line), line
    assert found > 100


def test_stray_escape_hint_is_in_every_stray_escape():
    from briefing.ingest.clean import _STRAY_ESCAPE, _STRAY_ESCAPE_HINT

    for text in ["tThe", "the\nnNew York", "a tBig one", "rate nOn", "tX", "ta", "\ttMay"]:
        if _STRAY_ESCAPE.search(text):
            assert _STRAY_ESCAPE_HINT.search(text), text
    from briefing.ingest.clean import normalize_wire

    assert normalize_wire("He said.\ntThe deal") == "He said.\nThe deal"  # a left-over escape goes
    assert normalize_wire("He said.\nThe deal") == "He said.\nThe deal"
