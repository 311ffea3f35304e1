"""The sentence splitter on real news text."""

from briefing.text.sentences import sentence_spans, split_sentences
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


def test_wire_conjunctions_after_dotted_abbreviations_continue_the_sentence():
    """Reuters capitalises a conjunction between two names ("its U.S. And Japanese partners");
    splitting there left fragments such as "And Japanese partners for a stake in…"."""
    text = ("The bid by Cable and Wireless PLC and its U.S. And Japanese partners for a stake in Japan's "
            "international telecommunications market was blocked. The N.Z. Trade Minister said talks went on. "
            "Sales rose in the U.S. The company said so.")
    assert split_sentences(text) == [
        "The bid by Cable and Wireless PLC and its U.S. And Japanese partners for a stake in Japan's "
        "international telecommunications market was blocked.",
        "The N.Z. Trade Minister said talks went on.",
        "Sales rose in the U.S.",
        "The company said so.",
    ]


def test_a_quotation_running_on_to_its_speaker_is_one_sentence():
    text = ("“No help. No police. No firemen,” 17-year-old Zuhir Hersi said Friday. “Just kids helping kids.” "
            "She said: “It burned. We ran.”")
    sentences = split_sentences(text)
    assert sentences[0] == "“No help. No police. No firemen,” 17-year-old Zuhir Hersi said Friday."
    assert sentences[1] == "“Just kids helping kids.”"


def test_hostile_quotes_and_dots_never_lose_text():
    for text in ("“" * 50 + "A. B. C.", "U.S. And", "And. Or. U.S. And. N.Z.", "“a,” b. “c. d,", "S.A. Corp. Inc. Said it."):
        spans = sentence_spans(text)
        assert "".join(s.text for s in spans).replace(" ", "") == text.replace(" ", "")


def test_reuters_sentences_do_not_start_on_a_split_conjunction():
    """Over real Reuters bodies, no sentence is the tail of a cut after "U.S." ("And Chinese soybeans…")."""
    import gzip
    import json
    import re

    from briefing.ingest.clean import clean
    from conftest import data_path

    path = data_path("reuters21578", "reuters21578.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for _, line in zip(range(3000), handle)]
    tails = []
    for row in rows:
        sentences = split_sentences(clean(row.get("body") or "").text)
        for before, after in zip(sentences, sentences[1:]):
            if re.search(r"\b(?:[A-Z]\.){2,}$", before) and re.match(r"(?:And|Or) [A-Z]", after):
                tails.append(after)
    assert tails == []


def test_a_quotation_never_swallows_a_huge_paragraph():
    """Only a quotation that closes nearby runs on to its speaker; a quote mark opened
    40,000 sentences before ",”" must not make them one (nor be searched for each of them)."""
    text = "“Start. " + "Word word word. " * 40000 + "End,” he said."
    assert len(split_sentences(text)) > 39000
