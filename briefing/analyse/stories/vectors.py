"""TF-IDF rows over one vocabulary, built directly from term counts (the hot loop on a large corpus)."""

from __future__ import annotations

from itertools import chain

import numpy as np

from .features import term_counts


def vectorize(texts: list[str]):
    """L2-normalised TF-IDF rows (sparse CSR, float32) over one vocabulary for all texts.

    Sublinear TF (1 + ln tf) so a repeated word does not dominate; smoothed IDF
    ln((1 + n) / (1 + df)) + 1 as scikit-learn's; no max_df: in a small corpus on one subject
    the subject's words are in every document and still tell it from nothing. Built directly
    (not with TfidfVectorizer) because this is the hot loop on a large corpus. None when no
    text has a content word.
    """
    return vectorize_counts([term_counts(text) for text in texts])


def vectorize_counts(bags: list[dict[str, int]], vocabulary_out: dict | None = None):
    """`vectorize` from term counts already made (the loader makes them, see briefing.analyse.analysis).
    `vocabulary_out`, when given, receives the columns' terms (term -> column)."""
    # Columns in order of first appearance, as a growing vocabulary would number them; the
    # loops run in C (chain, map, fromiter): a Python loop per article was most of this on Reuters.
    vocabulary = {term: column for column, term in enumerate(dict.fromkeys(chain.from_iterable(bags)))}
    if not vocabulary:
        return None
    if vocabulary_out is not None:
        vocabulary_out.update(vocabulary)
    lengths = np.fromiter(map(len, bags), dtype=np.int64, count=len(bags))
    total = int(lengths.sum())
    indices = np.fromiter(map(vocabulary.__getitem__, chain.from_iterable(bags)), dtype=np.int32, count=total)
    values = np.fromiter(chain.from_iterable(bag.values() for bag in bags), dtype=np.float32, count=total)
    return _tfidf(values, indices, lengths, len(vocabulary))


def _tfidf(values: np.ndarray, indices: np.ndarray, lengths: np.ndarray, width: int):
    """The L2-normalised TF-IDF rows of the counts `values` at columns `indices`, `lengths` per row."""
    import scipy.sparse as sp

    indptr = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    matrix = sp.csr_matrix((values, indices, indptr), shape=(len(lengths), width))
    document_frequency = np.bincount(matrix.indices, minlength=width)
    idf = (np.log((1.0 + len(lengths)) / (1.0 + document_frequency)) + 1.0).astype(np.float32)
    matrix.data = (1.0 + np.log(matrix.data)) * idf[matrix.indices]
    return l2_rows(matrix)


class TermNumbers:
    """A number for every term seen, kept for a whole watch, so a bag of terms becomes arrays
    once per article (`arrays`) and a round's matrix is built from arrays (`vectorize_arrays`)."""

    def __init__(self) -> None:
        self.number: dict[str, int] = {}
        self.terms: list[str] = []

    def arrays(self, bag: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
        """(the terms' numbers, their counts) of a bag, in the bag's order."""
        number, terms = self.number, self.terms
        for term in bag:
            if term not in number:
                number[term] = len(terms)
                terms.append(term)
        numbers = np.fromiter(map(number.__getitem__, bag), dtype=np.int32, count=len(bag))
        return numbers, np.fromiter(bag.values(), dtype=np.float32, count=len(bag))


def vectorize_arrays(arrays: list[tuple[np.ndarray, np.ndarray]], numbers: TermNumbers, vocabulary_out: dict | None = None):
    """`vectorize_counts` of the bags that `numbers.arrays` made `arrays` of: the same matrix,
    bit for bit (columns in order of first appearance, the same counts in the same order),
    without a pass over every term of every bag in Python."""
    lengths = np.fromiter((len(ids) for ids, _ in arrays), dtype=np.int64, count=len(arrays))
    total = int(lengths.sum())
    if not total:
        return None
    ids = np.concatenate([ids for ids, _ in arrays])
    first = np.full(len(numbers.terms), total, dtype=np.int64)
    np.minimum.at(first, ids, np.arange(total, dtype=np.int64))  # each term's first position
    present = np.flatnonzero(first < total)
    order = present[np.argsort(first[present])]  # the terms by first appearance (positions differ: no ties)
    column = np.zeros(len(numbers.terms), dtype=np.int32)
    column[order] = np.arange(len(order), dtype=np.int32)
    if vocabulary_out is not None:
        terms = numbers.terms
        vocabulary_out.update(zip([terms[n] for n in order.tolist()], range(len(order))))
    return _tfidf(np.concatenate([counts for _, counts in arrays]), column[ids], lengths, len(order))


def l2_rows(matrix):
    """Sparse rows scaled to unit length (zero rows stay zero)."""
    import scipy.sparse as sp

    matrix = sp.csr_matrix(matrix, dtype=matrix.dtype)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix.data = matrix.data / np.repeat(norms, np.diff(matrix.indptr)).astype(matrix.dtype)
    return matrix


def dense_similarity(matrix) -> np.ndarray:
    """Cosine similarity of the (L2-normalised) rows as a dense float32 array."""
    similarity = matrix @ matrix.T
    similarity = similarity.toarray() if hasattr(similarity, "toarray") else np.asarray(similarity)
    return similarity.astype(np.float32, copy=False)
