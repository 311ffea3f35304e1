"""Multi-document extractive summaries of one story, and its headline.

A package of small named steps:

* `tokens` — words, stems, bigrams (memoised);
* `story` — a story as units of sentences in reading order;
* `hygiene` — what is never quoted: fragments, credits, sentences leaning on one not shown,
  near-duplicates across sources;
* `vectors` — TF-IDF vectors and cosines;
* `selection` — candidates, concept coverage (default, best on DUC 2003: R-2 10.7 against
  8.1 for plain sumy LexRank, bench/eval_duc.py) and reading order;
* `rankers` — sumy's LexRank, TextRank, LSA and Luhn on our sentences;
* `headline`, `casing`, `trim` — real titles cleaned, or a headline from the lead sentence.

Sentences are ours (`briefing.text.sentences`), never sumy's tokenizer, which needs NLTK punkt
data we cannot download. A summary sentence is always exactly one of `split_sentences`'
sentences, with its article and index, so the brief can quote and link it.
"""

from __future__ import annotations

from .headline import clean_title, headline
from .hygiene import MAX_WORDS, MIN_WORDS, _CREDIT, _balanced_quotes, _is_credit, leans_back
from .rankers import sumy_document, sumy_scores
from .selection import ALGORITHMS, NEAR_DUPLICATE, summarize
from .story import SummarySentence, _build_story, _reading_order
from .tokens import GENERIC_NEWS, LANGUAGE, STOP_WORDS, _STEMMER, _bigrams, _content_stems, _stem, _tokens
from .vectors import DENSE_CELLS as DENSE_CELLS, _array, _vectors

__all__ = [
    "ALGORITHMS", "GENERIC_NEWS", "LANGUAGE", "MAX_WORDS", "MIN_WORDS", "NEAR_DUPLICATE", "STOP_WORDS",
    "SummarySentence", "clean_title", "headline", "leans_back", "summarize", "sumy_document", "sumy_scores",
    "_CREDIT", "_STEMMER", "_array", "_balanced_quotes", "_bigrams", "_build_story", "_content_stems",
    "_is_credit", "_reading_order", "_stem", "_tokens", "_vectors",
]
