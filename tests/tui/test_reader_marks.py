"""The reader lights what the engine found and kept, not a second extraction of its own."""

from __future__ import annotations

import re

from briefing.brief.build import build_brief
from briefing.core.config import Settings
from briefing.ingest.load import load_corpus
from briefing.tui.reader import FIGURE_STYLE, QUOTE_STYLE, _highlights
from conftest import SAMPLE


def test_reader_marks_are_the_storys_own_quotes_and_figures():
    corpus = load_corpus([SAMPLE])  # its own: building a brief marks the articles' duplicates
    brief = build_brief(corpus, Settings())
    articles = {a.id: a for a in corpus.articles}
    lit = 0
    for story in brief.stories():
        for article_id in story.articles:
            text = articles[article_id].text
            marks = _highlights(text, story, article_id)
            quotes = {q.text for q in story.quotes if article_id in (q.article, *q.also_in)}
            figures = {f.text for f in story.figures if article_id in (f.article, *f.also_in)}
            for start, end, style in marks:
                if style == QUOTE_STYLE:
                    assert text[start:end] in quotes
                else:  # the figure as worded here, or its number when another source worded it
                    assert text[start:end] in figures or any(text[start:end] in f for f in figures)
            lit += len(marks)
            # a year in the text is a number the engine does not keep as a figure: never lit
            for year in re.finditer(r"\b20\d\d\b", text):
                assert not any(s <= year.start() < e and style == FIGURE_STYLE and text[s:e] == year.group()
                               for s, e, style in marks)
    assert lit >= 10  # the sample's stories hold quotes and figures from several articles


def test_reader_marks_nothing_without_a_story():
    assert _highlights("He said: “We will go.” 300 troops left.", None, "x") == []
