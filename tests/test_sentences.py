"""The sentence splitter on real news text."""

from briefing.sentences import sentence_spans, split_sentences
from conftest import sample_text


def test_abbreviations_initials_and_quotes_do_not_split():
    text = (
        "Dr. Tamara Ugrich said she stocked up on grains. Associated Press writers Jan M. Olsen in "
        "Copenhagen contributed. U.S. officials said on Feb. 14 that talks would go on. "
        "Lavrov said possibilities for talks “are far from being exhausted,” and he proposed more."
    )
    assert split_sentences(text) == [
        "Dr. Tamara Ugrich said she stocked up on grains.",
        "Associated Press writers Jan M. Olsen in Copenhagen contributed.",
        "U.S. officials said on Feb. 14 that talks would go on.",
        "Lavrov said possibilities for talks “are far from being exhausted,” and he proposed more.",
    ]


def test_sentence_after_closing_double_apostrophes():
    text = sample_text("000").split("\n\n")[-1]
    sentences = split_sentences(text)
    assert sentences[-1].startswith("''The more we are told not to panic")


def test_offsets_point_into_the_text():
    text = sample_text("001")
    for span in sentence_spans(text):
        assert text[span.start : span.end] == span.text


def test_paragraph_breaks_end_sentences():
    assert split_sentences("Log In\n\nReset Password\n\nKremlin signals more talks") == [
        "Log In", "Reset Password", "Kremlin signals more talks"]
