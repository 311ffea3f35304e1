"""TF-IDF vectors and cosines of sentences, built directly with numpy (dense when small).

A story asks for a few small matrices; scikit-learn's vectoriser cost more in validation
than the arithmetic. Cosines are rounded so ties stay ties whatever the summation order.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from scipy import sparse

from .tokens import _content_stems, _token_tuple


def _vectors(texts: list[str]):
    """TF-IDF rows (L2-normalised) over stemmed content words; None when there are no words.

    The numbers of scikit-learn's `TfidfVectorizer(sublinear_tf=True)` (tf = 1 + ln count,
    smooth idf = ln((1 + n) / (1 + df)) + 1, sorted vocabulary), built directly: a story asks
    for three small matrices and the vectoriser's validation and bookkeeping cost more than
    the arithmetic (4,500 Reuters stories: seconds).
    """
    bags = [Counter(_content_stems(text)) for text in texts]
    vocabulary = sorted(set().union(*bags))
    if not vocabulary:
        return None
    column = {term: k for k, term in enumerate(vocabulary)}
    df = np.zeros(len(vocabulary))
    indptr, indices, counts = [0], [], []  # type: ignore[var-annotated]
    for bag in bags:
        terms = sorted(bag)  # in column order: the vocabulary is sorted
        indices.extend(map(column.__getitem__, terms))
        counts.extend(map(bag.__getitem__, terms))
        indptr.append(len(indices))
    indices_array = np.asarray(indices, dtype=np.int32)
    np.add.at(df, indices_array, 1.0)
    idf = np.log((1.0 + len(texts)) / (1.0 + df)) + 1.0
    data = (1.0 + np.log(np.asarray(counts, dtype=float))) * idf[indices_array]  # type: ignore[type-var]
    indptr_array = np.asarray(indptr, dtype=np.int32)
    rows = np.repeat(np.arange(len(texts)), np.diff(indptr_array))
    norms = np.sqrt(np.bincount(rows, weights=data**2, minlength=len(texts)))[rows]
    data = data / np.where(norms > 0, norms, 1.0)
    if len(texts) * len(vocabulary) <= DENSE_CELLS:
        dense = np.zeros((len(texts), len(vocabulary)))
        dense[rows, indices_array] = data
        return dense
    return sparse.csr_matrix((data, indices_array, indptr_array), shape=(len(texts), len(vocabulary)))


#: Below this many cells a matrix is a plain numpy array: most stories are a few articles,
#: and building and multiplying scipy.sparse matrices (a dozen per story, each validated in
#: Python) cost more than the arithmetic. Big stories (DUC clusters, a day of wire results)
#: stay sparse.
DENSE_CELLS = 60_000


def _array(matrix) -> np.ndarray:
    return matrix.toarray() if sparse.issparse(matrix) else np.asarray(matrix)


def _settled(values: np.ndarray) -> np.ndarray:
    """Cosines rounded to 12 decimals, below which float summation order decides: a dense and a
    sparse product (or two CPUs' BLAS kernels) differ in the last bits, and an exact tie
    between two sentences must stay a tie, broken by position, not by rounding noise."""
    return np.round(values, 12)


def _row_dots(a, b) -> np.ndarray:
    """Per row, the dot product of `a`'s row with `b`'s (dense or sparse `a`; `b` dense, or
    sparse with `a`: never densified, since a story of 20,000 sentences over 20,000 words would
    need gigabytes)."""
    if sparse.issparse(a):
        return np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return np.einsum("ij,ij->i", a, _array(b))


def _group_sums(matrix, group_of: np.ndarray):
    """Per group, the sum of its rows (`group_of[i]` is row i's group, 0..k-1)."""
    n, k = len(group_of), int(group_of.max()) + 1
    if sparse.issparse(matrix):
        return sparse.csr_matrix((np.ones(n), (group_of, np.arange(n))), shape=(k, n)) @ matrix
    if k * n > DENSE_CELLS:  # many articles: a k×n membership matrix grows with the square
        sums = np.zeros((k, matrix.shape[1]))
        np.add.at(sums, group_of, matrix)
        return sums
    membership = np.zeros((k, n))
    membership[group_of, np.arange(n)] = 1.0
    return membership @ matrix


_BUILD = object()


def _similarity(texts: list[str], matrix=_BUILD) -> np.ndarray:
    """Pairwise cosine over content words, vectorised (sparse product), for redundancy.

    Sentences with the same words (a syndicated copy) count as identical even when they have
    no content word to compare. `matrix`: `_vectors(texts)` when the caller already has it.
    """
    if matrix is _BUILD:
        matrix = _vectors(texts)
    sim = np.zeros((len(texts), len(texts))) if matrix is None else _settled(_array(matrix @ matrix.T))
    keys = np.array([" ".join(_token_tuple(t)) for t in texts], dtype=object)
    sim[keys[:, None] == keys[None, :]] = 1.0
    return sim
