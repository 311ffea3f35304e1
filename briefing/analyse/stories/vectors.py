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
    import scipy.sparse as sp

    # Columns in order of first appearance, as a growing vocabulary would number them; the
    # loops run in C (chain, map, fromiter): a Python loop per article was most of this on Reuters.
    vocabulary = {term: column for column, term in enumerate(dict.fromkeys(chain.from_iterable(bags)))}
    if not vocabulary:
        return None
    if vocabulary_out is not None:
        vocabulary_out.update(vocabulary)
    lengths = np.fromiter(map(len, bags), dtype=np.int64, count=len(bags))
    indptr = np.zeros(len(bags) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    total = int(indptr[-1])
    indices = np.fromiter(map(vocabulary.__getitem__, chain.from_iterable(bags)), dtype=np.int32, count=total)
    values = np.fromiter(chain.from_iterable(bag.values() for bag in bags), dtype=np.float32, count=total)
    matrix = sp.csr_matrix((values, indices, indptr), shape=(len(bags), len(vocabulary)))
    document_frequency = np.bincount(matrix.indices, minlength=len(vocabulary))
    idf = (np.log((1.0 + len(bags)) / (1.0 + document_frequency)) + 1.0).astype(np.float32)
    matrix.data = (1.0 + np.log(matrix.data)) * idf[matrix.indices]
    return l2_rows(matrix)


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
