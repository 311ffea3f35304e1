"""sumy's rankers (LexRank, TextRank, LSA, Luhn) on our own sentences.

sumy's default tokenizer needs NLTK's punkt data, which cannot be downloaded here, so sumy
only ever sees sentences we split; LexRank's similarity matrix is vectorised (sumy's is
quadratic pure Python) with the same formula.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import numpy as np

from ...text.sentences import split_sentences
from .tokens import _STEMMER, _WORD, LANGUAGE, STOP_WORDS


class _Tokenizer:
    """What sumy asks of a tokenizer; we only ever give it sentences we split ourselves."""

    language = LANGUAGE

    @staticmethod
    def to_sentences(paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    @staticmethod
    def to_words(sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


_TOKENIZER = _Tokenizer()


@lru_cache(maxsize=1)
def _sumy_summarizers() -> dict:
    """sumy's summarizers by name, imported on first use: only the sumy methods need them."""
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    class _VectorLexRank(LexRankSummarizer):
        """sumy's LexRank with the idf-modified cosine matrix computed by numpy, not pair by pair.

        Same formula (tf / max tf, idf = log(N / (1 + n_j)), threshold, degree normalisation),
        so the scores match sumy's; it only removes the quadratic pure-Python loops.
        """

        def __call__(self, document, sentences_count):
            sentences_words = [self._to_words_set(s) for s in document.sentences]
            if not sentences_words:
                return ()
            vocabulary = {t: k for k, t in enumerate(sorted({t for words in sentences_words for t in words}))}
            n = len(sentences_words)
            tf = np.zeros((n, len(vocabulary)))
            for row, words in enumerate(sentences_words):
                counts = Counter(words)
                top = max(counts.values()) if counts else 1
                for term, c in counts.items():
                    tf[row, vocabulary[term]] = c / top
            df = (tf > 0).sum(axis=0)
            idf = np.log(n / (1.0 + df))
            weighted = tf * idf
            norms = np.sqrt((weighted ** 2).sum(axis=1))
            dots = weighted @ weighted.T
            with np.errstate(divide="ignore", invalid="ignore"):
                cosine = np.where(np.outer(norms, norms) > 0, dots / np.outer(norms, norms), 0.0)
            matrix = (cosine > self.threshold).astype(float)
            degrees = matrix.sum(axis=1)
            degrees[degrees == 0] = 1
            matrix /= degrees[:, None]
            scores = self.power_method(matrix, self.epsilon)
            ratings = dict(zip(document.sentences, scores))
            return self._get_best_sentences(document.sentences, sentences_count, ratings)

    return {
        "lexrank": _VectorLexRank,
        "textrank": TextRankSummarizer,
        "lsa": LsaSummarizer,
        "luhn": LuhnSummarizer,
    }


def sumy_document(texts: list[str]):
    """A sumy document whose sentences are exactly `texts` (one paragraph each)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    return ObjectDocumentModel([Paragraph([Sentence(t, _TOKENIZER)]) for t in texts])


def sumy_scores(texts: list[str], algorithm: str = "lexrank", summarizer=None) -> np.ndarray:
    """Every sentence's sumy rating (sumy itself only returns its top N, in document order).

    We intercept the ratings sumy hands to its own `_get_best_sentences`. Identical texts get
    the same rating (sumy keys ratings by text).
    """
    if not texts:
        return np.zeros(0)
    if summarizer is None:
        summarizer = _sumy_summarizers()[algorithm](_STEMMER)
        summarizer.stop_words = STOP_WORDS
    captured: dict = {}

    def capture(sentences, count, rating, *args, **kwargs):
        rate = (lambda s: rating[s]) if isinstance(rating, dict) else (lambda s: rating(s, *args, **kwargs))
        captured.update({id(s): float(rate(s)) for s in sentences})
        return ()

    document = sumy_document(texts)
    summarizer._get_best_sentences = capture  # instance attribute shadows the static method
    summarizer(document, len(texts))
    return np.array([captured.get(id(s), 0.0) for s in document.sentences])


