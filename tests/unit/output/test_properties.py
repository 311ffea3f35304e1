"""Property-based tests: readers, splitter, extractors and the escaper never raise on any text,
offsets stay inside the text, and escaped Markdown parses back to the text it came from."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefing.ingest.clean import clean
from briefing.output.markdown import escape, literal_text
from briefing.ingest.readers import feed, structured, text as text_reader
from briefing.ingest.readers.html import fragment_to_text
from briefing.text.sentences import sentence_spans
from briefing.ingest.textsafe import DecodeError, decode_text

NEWSY = st.text(
    alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?'\"“”‘’()[]{}<>*_#|-–—…$%&/\\\n\t@=+~`^")),
    max_size=400,
)
ANY_TEXT = st.one_of(NEWSY, st.text(max_size=300))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
md = MarkdownIt("commonmark")


@FAST
@given(st.binary(max_size=2000))
def test_decoding_any_bytes_returns_text_or_a_reason(data):
    try:
        text, encoding = decode_text(data)
    except DecodeError as error:
        assert str(error)
    else:
        assert "\x1b" not in text and "\x00" not in text and encoding


@FAST
@given(ANY_TEXT)
def test_readers_never_raise(text):
    from briefing.ingest.readers import ReadError

    for reader in (text_reader.read_text, text_reader.read_markdown, text_reader.read_sgml, structured.read_jsonl, feed.read_feed, structured.read_json):
        try:
            documents, problems = reader(text)
        except ReadError as error:
            assert str(error)
        else:
            assert isinstance(documents, list) and isinstance(problems, list)
    fragment_to_text(text)
    clean(text)


@FAST
@given(st.lists(st.dictionaries(st.sampled_from(["title", "text", "body", "date", "url", "source", "publisher"]),
                                st.one_of(st.text(max_size=50), st.integers(), st.none(), st.lists(st.text(max_size=10), max_size=3)), max_size=5), max_size=4))
def test_json_reader_on_any_records(records):
    documents, problems = structured.read_json(json.dumps(records))
    assert len(documents) <= len(records)


@FAST
@given(ANY_TEXT)
def test_sentence_offsets_inside_the_text(text):
    for span in sentence_spans(text):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text


@FAST
@given(ANY_TEXT)
def test_quotes_and_figures_never_raise_and_offsets_hold(text):
    from briefing.analyse.figures import extract_figures
    from briefing.analyse.quotes import extract_quotes

    for quote in extract_quotes(text):
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
    for figure in extract_figures(text):
        assert 0 <= figure.start <= figure.end <= len(text)
        assert text[figure.start : figure.end] == figure.text


@FAST
@given(ANY_TEXT)
def test_escaped_markdown_parses_back_to_the_input(text):
    source = escape(text)
    expected = literal_text(text)
    tokens = md.parse(source)
    if not expected:
        assert tokens == [] or all(t.type != "inline" or not t.children for t in tokens)
        return
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = tokens[1].children
    assert {c.type for c in children} <= {"text"}
    assert "".join(c.content for c in children) == expected
