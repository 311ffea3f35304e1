"""The shortcuts figure extraction takes answer exactly what the work they skip would have:
a string test before a search that cannot match, a window cut from a sentence's tokens, a
case-sensitive scan of the lowercased sentence. Checked on Reuters sentences and on
generated text made of the characters the patterns turn on."""

from __future__ import annotations

import gzip
import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.analyse.figures import candidates, extract, phrases
from briefing.analyse.figures.numbers import _TOKEN
from briefing.analyse.figures.rules import _AGE_BEFORE, _SCORE_AGE_ENDS, _SCORE_OR_AGE_BEFORE, _TURNED_BEFORE
from briefing.analyse.figures.words import _QUALIFIER_RE, _WORD_NUMBER
from briefing.text.prefilter import ascii_lower
from briefing.text.sentences import sentence_spans
from conftest import data_path


def _reuters_sentences(count: int) -> list[str]:
    with gzip.open(data_path("reuters21578", "reuters21578.jsonl.gz"), "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return [span.text for row in random.Random(11).sample(rows, min(count, len(rows))) for span in sentence_spans(row.get("body") or "")]


def _same_as_the_work_skipped(sentence: str) -> None:
    step = 1 if len(sentence) <= 80 else 5  # every position of short text, a spread of long text's
    for end in range(0, len(sentence) + 1, step):
        for lo in {0, max(0, end - 7), max(0, end - 40)}:
            assert phrases._window_tokens(sentence, lo, end) == [
                (m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(sentence, lo, end)
            ], (sentence, lo, end)
        window = sentence[max(0, end - 40):end]
        assert candidates._qualifier_before(window) == _QUALIFIER_RE.search(window) or (
            candidates._qualifier_before(window).span() == _QUALIFIER_RE.search(window).span()  # type: ignore[union-attr]
        ), window
        before = sentence[:end]
        if _NOUN_OF_END.search(before):
            assert before.rstrip().endswith(candidates._NOUN_OF_END_WORDS), before
        if before.isascii() and (_SCORE_OR_AGE_BEFORE.search(before[-30:]) or _AGE_BEFORE.search(before[-30:]) or _TURNED_BEFORE.search(before[-30:])):
            assert before[-30:].rstrip().lower().endswith(_SCORE_AGE_ENDS), before
    low = ascii_lower(sentence)
    if low is not None:
        assert [m.span() for m in candidates._WORD_NUMBER_LOWER.finditer(low)] == [m.span() for m in _WORD_NUMBER.finditer(sentence)]
    assert extract._any_number_word(sentence) == bool(extract._ANY_NUMBER_WORD.search(sentence))


_NOUN_OF_END = candidates._NOUN_OF_END


def test_shortcuts_hold_on_reuters_sentences():
    sentences = _reuters_sentences(300)
    assert len(sentences) > 400
    for sentence in sentences:
        _same_as_the_work_skipped(sentence)


_ALPHABET = "0123456789 ,.'’-&$%aAbBcCeEfFhHiIlLmMnNoOrRsStTuUvVwWxX\n"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_shortcuts_hold_on_generated_text(sentence):
    _same_as_the_work_skipped(sentence)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["more than", "about", "Some", "c.", "~", "up to", "at least", "between", "of", "at",
                                 "totaling", "worth", "aged", "score of", "turned", "as young as", "1.5", "five", "Twenty-one",
                                 "the", "x", " ", "  ", "\n", "-", "("]), max_size=10))
def test_shortcuts_hold_on_phrases_the_patterns_name(words):
    _same_as_the_work_skipped(" ".join(words) + " ")
