"""What an editor would never put in a brief, sentence by sentence.

Fragments, captions and credits, questions, unbalanced quotations, and sentences that lean
on one we may not show: a pronoun ("He said there are…") or a connective ("But others…") at
the start, or "such"/"the same" pointing back. A leaning sentence is used only right after
the sentence it leans on, from the same article, or not at all (`leans_back`). Near-duplicate
sentences across sources (same words, another wire) are kept once (`same_words`).
"""

from __future__ import annotations

import re
from itertools import chain

import numpy as np

from ...text.prefilter import ascii_lower, may_contain
from .tokens import _token_tuple
from .wordlists import LEANING_STARTS

#: Sentences shorter than this are fragments ("The US reacted coolly."), not summary material.
MIN_WORDS = 8
#: Longer than this is usually a run-on from a missing paragraph break or a list.
MAX_WORDS = 70
#: Two sentences sharing this share of their word set (Jaccard), or the shorter one's words
#: this much (containment), say the same thing: two wires of one rate change, a copy edited.
SAME_WORDS_JACCARD = 0.5
SAME_WORDS_CONTAINMENT = 0.8

_CREDIT = re.compile(
    r"\((?:AP|Reuters|AFP|Getty)[^)]*\)\s*$|\b(?:AP|Reuters|AFP|Getty Images|EPA|Shutterstock) ?Photo\b|"
    r"\bPhoto(?:graph)?s? (?:by|:|provided|released|taken)|\bvia AP\)|^\(?FILE\b|^In this (?:handout )?photo|"
    r"\b(?:Copyright|All rights reserved|Click here|Sign up|Subscribe|Read more|Reporting by|Editing by|"
    r"contributed to this report|Follow (?:us|him|her) on)\b",
    re.IGNORECASE,
)
# Lower-case words every _CREDIT match contains (see briefing.text.prefilter): the pattern was a
# tenth of summarising Reuters, and 99% of sentences contain none of them.
_CREDIT_WORDS = ("(ap", "(reuters", "(afp", "(getty", "photo", "via ap)", "file", "copyright", "all rights reserved",
                 "click here", "sign up", "subscribe", "read more", "reporting by", "editing by",
                 "contributed to this report", "follow ")


def _is_credit(text: str) -> bool:
    return may_contain(ascii_lower(text), _CREDIT_WORDS) and bool(_CREDIT.search(text))


_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$|[\"'”’]$")
_FIRST_WORD = re.compile(r"[\"'“‘`«(\[]*([A-Za-z]+)")
_POINTING_WORDS = re.compile(r"\bsuch\b(?! as\b)|\bthe same\b|\b(?:a|the) similar\b(?! \w+ to\b)", re.I)


def leans_back(text: str) -> bool:
    """The sentence needs the one before it: a pronoun or connective first, "such", "the same"."""
    match = _FIRST_WORD.match(text)
    if match and match.group(1).lower() in LEANING_STARTS:
        return True
    return ("such" in text or "same" in text or "similar" in text) and bool(_POINTING_WORDS.search(text))


def is_quotable(text: str, words: int) -> bool:
    """Drop what an editor would not put in a brief: fragments, captions, credits, questions."""
    if words < MIN_WORDS or words > MAX_WORDS:
        return False
    if text.rstrip("\"'”’») ").endswith("?"):
        return False
    if not _TERMINAL.search(text):
        return False  # headings, cut-off text, "Log In"
    first = text.lstrip("\"'“‘«([`")[:1]
    if not first or first.islower():
        return False  # a continuation the splitter cut off
    if _is_credit(text):
        return False
    if not _balanced_quotes(text) or text.rstrip("\"'”’») ").endswith(("…", "...")):
        return False  # the middle or the end of a quotation, or a trailing-off fragment
    return True


def is_readable(text: str) -> bool:
    """The weakest bar, for stories where nothing is quotable: a whole sentence, no fragment."""
    first = text.lstrip("\"'“‘«([`")[:1]
    return bool(first) and not first.islower() and bool(_TERMINAL.search(text)) and not _is_credit(text)


def _balanced_quotes(text: str) -> bool:
    """Double quotation marks open and close inside the sentence, in that order."""
    if "“" not in text and "”" not in text:  # most sentences: no curly quote to walk through
        return text.count('"') % 2 == 0
    depth = 0
    for char in text:
        if char == "“":
            depth += 1
        elif char == "”":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0 and text.count('"') % 2 == 0


def same_words(texts: list[str]) -> np.ndarray:
    """Pairs of sentences with (nearly) the same word set: Jaccard or containment over all
    words, numbers included, so two wires that only change the company name still match."""
    n = len(texts)
    bags = [set(_token_tuple(t)) for t in texts]
    if n <= _PAIRWISE_MAX:
        return _same_words_pairwise(bags)
    # columns numbered in order of first appearance, all in C (a loop per word was most of it)
    vocabulary = {word: k for k, word in enumerate(dict.fromkeys(chain.from_iterable(bags)))}
    cols = list(map(vocabulary.__getitem__, chain.from_iterable(bags)))
    rows = np.repeat(np.arange(n), [len(b) for b in bags])
    if not vocabulary:
        return np.zeros((n, n), bool)
    if n * len(vocabulary) <= 60_000:  # most stories: a small dense product beats building sparse matrices
        incidence = np.zeros((n, len(vocabulary)))
        incidence[rows, cols] = 1.0
        shared = incidence @ incidence.T
    else:
        from scipy import sparse

        matrix = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, len(vocabulary)))
        shared = (matrix @ matrix.T).toarray()
    sizes = np.array([len(b) for b in bags], dtype=float)
    union = sizes[:, None] + sizes[None, :] - shared
    smaller = np.minimum(sizes[:, None], sizes[None, :])
    with np.errstate(divide="ignore", invalid="ignore"):
        jaccard = np.where(union > 0, shared / union, 0.0)
        containment = np.where(smaller > 0, shared / smaller, 0.0)
    return (jaccard >= SAME_WORDS_JACCARD) | (containment >= SAME_WORDS_CONTAINMENT)


#: Up to this many sentences (a single-article story's candidates) `same_words` compares the
#: word sets pair by pair: building and multiplying an incidence matrix cost ten times more.
_PAIRWISE_MAX = 24


def _same_words_pairwise(bags: list[set[str]]) -> np.ndarray:
    """`same_words` by set sizes: the same counts and the same float divisions (exact integers,
    correctly rounded either way), so the same answer."""
    n = len(bags)
    out = np.zeros((n, n), bool)
    for i, a in enumerate(bags):
        for j in range(i, n):
            if same_word_sets(a, bags[j]):
                out[i, j] = out[j, i] = True
    return out


def same_word_sets(a: set[str], b: set[str]) -> bool:
    """Two word sets of (nearly) the same sentence: Jaccard or containment over their sizes."""
    shared = len(a & b)
    union = len(a) + len(b) - shared
    smaller = min(len(a), len(b))
    return (union > 0 and shared / union >= SAME_WORDS_JACCARD) or (
        smaller > 0 and shared / smaller >= SAME_WORDS_CONTAINMENT
    )
