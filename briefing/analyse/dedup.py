"""Find duplicates: identical copies, near-copies (syndication, re-posts) and re-translations.

Three checks, cheapest first, each with its own evidence:

- **identical**: the same words in the same order (a hash of the normalised text);
- **near**: 5-word shingles shared (Jaccard, or containment for a cut copy), candidates found
  with MinHash-LSH (datasketch) so a large corpus is not compared pair by pair;
- **translation**: a re-translated or re-written copy shares few shingles but keeps the same
  *anchors* — names and numbers — in the same order. Candidates share rare runs of three
  anchors; the check is how much of the shorter anchor sequence the other repeats in runs of two
  or more, in order (scattered shared names are what same-topic stories have).

The original of a group is the article we trust most for its date (dated, then earliest, then
longest); every other member is `duplicate_of` it.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations

import numpy as np

from ..core.incremental import current
from ..core.memo import TokenMemo
from ..core.model import Article, current_analysis
from ..core.pair_index import PairIndex

SHINGLE = 5
NEAR_JACCARD = 0.5
NEAR_CONTAINMENT = 0.7
# Share of anchors repeated in runs for a translation. Hand-judged translation-only Reuters
# pairs (bench/eval_dedup.py; tune | blind halves): >= 0.85 holds 6/9 | 5/5 duplicates,
# [0.75, 0.85) 6/6 | 2/4, [0.60, 0.75) 3/6 | 6/14. Lowering to 0.75 pays on tune but costs
# blind precision (5/5 -> 7/9), so it stays; the sample's one translation plays no part.
TRANSLATION_RUNS = 0.85
MIN_SHINGLES = 12
MIN_ANCHORS = 15
ANCHOR_RUN = 3
RARE_RUN_DF = 25  # a run of anchors shared by more articles than this is not evidence

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Anchors are numbers and capitalised words: r"\b\d[\d,.]*\d\b|\b\d\b|\b[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*\b".
# _ANCHOR matches exactly that, written to start with a character class (the leading word
# boundary becomes the look-behind after it) so the regex engine skips to a digit or a capital
# instead of trying every alternative at every position (tests/unit/analyse/test_dedup.py holds the two equal).
_ANCHOR_PLAIN = r"\b\d[\d,.]*\d\b|\b\d\b|\b[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*\b"
_ANCHOR = re.compile(r"[\dA-Z](?<!\w.)(?:(?<=\d)(?:[\d,.]*\d)?|(?<=[A-Z])[a-z]+(?:[-'’][A-Z]?[a-z]+)*)\b")
# A capital after sentence-final punctuation and at most two spaces: what anchors() skips as a
# sentence's first word (`text[start - 3 : start].strip()` ends with the punctuation).
_SENTENCE_START = re.compile(r"[.!?\"“‘']\s{0,2}(?=[A-Z])")
_FUNCTION_WORDS = set(
    "the a an and or but of in on at to for from by with as is are was were be been it its this that these those "
    "he she they we i you his her their our has have had not no if then than so after before while when where "
    "who what which there here also however meanwhile still some many most more asked speaking".split()
)


@dataclass(frozen=True)
class Duplicate:
    """`copy` repeats `original`; `kind` says which check found it, `score` how strongly."""

    copy: str
    original: str
    kind: str  # identical | near | translation
    score: float


def words(text: str) -> list[str]:
    return _WORD.findall(text.replace("’", "'").replace("‘", "'").lower())


_SHINGLE_WEIGHTS = np.random.default_rng(5).integers(1, 2**63, size=SHINGLE, dtype=np.uint64) | np.uint64(1)


def _token_hash(token: str) -> int:
    """A fixed 64-bit hash (BLAKE2b): the same numbers in every process and every run, so
    shingles can be computed where articles are loaded, in parallel."""
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


_TOKEN_HASHES = TokenMemo(_token_hash, limit=1_000_000)


def token_hashes(tokens: list[str]) -> np.ndarray:
    return np.fromiter(map(_TOKEN_HASHES.__getitem__, tokens), dtype=np.uint64, count=len(tokens))


def shingles(ids: np.ndarray) -> np.ndarray:
    """Sorted unique 64-bit hashes of every run of SHINGLE tokens (one weight per position)."""
    if len(ids) < SHINGLE:
        return np.empty(0, dtype=np.uint64)
    # Each window's weighted sum, added up one token offset at a time: the same uint64 sums as
    # summing a sliding-window view (wrapping addition does not depend on order), without its
    # (windows x SHINGLE) temporary. Sort and keep the first of each run: np.unique, less overhead.
    count = len(ids) - SHINGLE + 1
    hashes = ids[:count] * _SHINGLE_WEIGHTS[0]
    for offset in range(1, SHINGLE):
        hashes += ids[offset : offset + count] * _SHINGLE_WEIGHTS[offset]
    hashes.sort()
    return hashes[np.concatenate(([True], hashes[1:] != hashes[:-1]))]


def anchors(text: str) -> list[str]:
    """Names and numbers in order: what survives translation. Sentence-initial words are skipped."""
    sentence_starts = {match.end() for match in _SENTENCE_START.finditer(text)}
    sentence_starts.add(0)
    found = []
    for match in _ANCHOR.finditer(text):
        token = match.group()
        if token[0].isdigit():
            found.append(token.replace(",", ""))
        elif match.start() not in sentence_starts and (lower := token.lower()) not in _FUNCTION_WORDS:
            found.append(lower[:5])  # prefix: Sergey/Sergei, Kyiv/Kiev differ only late
    return found


@dataclass
class _Profile:
    article: Article
    fingerprint: str
    shingles: np.ndarray  # sorted unique shingle hashes
    anchors: list[str]
    signature: np.ndarray | None  # MinHash of the shingles, None under MIN_SHINGLES
    runs: tuple  # every ANCHOR_RUN consecutive anchors, each once


def text_profile(text: str) -> tuple:
    """What the duplicate checks need of one text: a hash of its words, its shingle hashes, its
    anchors, its MinHash signature (None when too short to index) and its runs of anchors.
    A function of the text alone, made where articles are loaded (see briefing.analyse.analysis)."""
    tokens = words(text)
    fingerprint = hashlib.sha1(" ".join(tokens).encode("utf-8", "surrogatepass")).hexdigest()
    hashes = shingles(token_hashes(tokens))
    found = anchors(text)
    signature = minhash(hashes) if len(hashes) >= MIN_SHINGLES else None
    # every ANCHOR_RUN consecutive anchors, each once: a tuple, not a frozenset (a watch keeps
    # every article's, and the duplicate index takes the tuple as its keys without a copy)
    runs = tuple(dict.fromkeys(zip(*(found[i:] for i in range(ANCHOR_RUN)))))
    return fingerprint, hashes, found, signature, runs


def _profile(article: Article) -> _Profile:
    analysis = current_analysis(article)  # made at load time, if for this text
    return _Profile(article, *(analysis.dedup if analysis else text_profile(article.text)))


_NUMBER = re.compile(r"\d+(?:[.,/-]\d+)*")
NUMBERS_JACCARD = 0.5
LEAD_NAMES_SHARED = {"near": 1.0, "translation": 0.8}


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


def _same_facts(a: _Profile, b: _Profile, kind: str) -> bool:
    """Templated wire items (prices, rates, daily reports) share most words but not the facts.

    Two checks over the stretch both texts cover: the numbers must mostly agree (Asarco lead at
    27.0 vs 26.50 cents is two stories), and the names in the shorter text's first sentence must
    appear in the other (Marine Midland's prime rate is not J.P. Morgan's).
    """
    short, long = sorted((a, b), key=lambda p: len(p.article.text))
    covered = long.article.text[: int(len(short.article.text) * 1.1) + 20]
    ours, theirs = _numbers(short.article.text), _numbers(covered)
    if ours or theirs:
        if len(ours & theirs) / len(ours | theirs) < NUMBERS_JACCARD:
            return False
    lead = split_lead(short.article.text)
    names = {n for n in anchors(lead) if not n[0].isdigit()}
    first = re.match(r"\W*([A-Z][a-z]+)", lead)
    if first and first.group(1).lower() not in _FUNCTION_WORDS:
        names.add(first.group(1)[:5].lower())  # "Unocal said …" vs "Murphy Oil said …"
    if names:
        vocabulary = {w[:5] for w in words(long.article.text)}
        if len(names & vocabulary) / len(names) < LEAD_NAMES_SHARED[kind]:
            return False
    return True


def split_lead(text: str) -> str:
    """The first sentence, roughly: up to the first full stop followed by a space and a capital."""
    match = re.search(r"[.!?][\"'”’]?\s+(?=[A-Z\"“])", text[:600])
    return text[: match.start() + 1] if match else text[:300]


def _near_score(a: _Profile, b: _Profile) -> float:
    if min(len(a.shingles), len(b.shingles)) < MIN_SHINGLES:
        return 0.0
    shared = len(np.intersect1d(a.shingles, b.shingles, assume_unique=True))
    jaccard = shared / (len(a.shingles) + len(b.shingles) - shared)
    containment = shared / min(len(a.shingles), len(b.shingles))
    if jaccard >= NEAR_JACCARD:
        return jaccard
    return containment if containment >= NEAR_CONTAINMENT else 0.0


def anchor_runs_shared(a: _Profile, b: _Profile) -> float:
    """Share of the shorter anchor sequence the other repeats in runs of two or more, in order."""
    if min(len(a.anchors), len(b.anchors)) < MIN_ANCHORS:
        return 0.0
    matcher = SequenceMatcher(None, a.anchors, b.anchors, autojunk=False)
    # Only runs of two or more anchors count: stories on one topic share names scattered
    # about; a translation keeps whole runs ("Lavrov … Putin … 130000") in order.
    in_runs = sum(block.size for block in matcher.get_matching_blocks() if block.size >= 2)
    return in_runs / min(len(a.anchors), len(b.anchors))


def _translation_score(a: _Profile, b: _Profile) -> float:
    score = anchor_runs_shared(a, b)
    return score if score >= TRANSLATION_RUNS else 0.0


NUM_BANDS, BAND_ROWS = 40, 3  # 120 hash functions; a pair with Jaccard 0.4 collides in some band 93% of the time
_RANDOM = np.random.default_rng(20220215)
_MULTIPLIERS = _RANDOM.integers(1, 2**63, size=NUM_BANDS * BAND_ROWS, dtype=np.uint64) | np.uint64(1)
_OFFSETS = _RANDOM.integers(0, 2**63, size=NUM_BANDS * BAND_ROWS, dtype=np.uint64)
MAX_BUCKET = 100  # a band value shared by more articles is boilerplate, not evidence


def minhash(items: np.ndarray) -> np.ndarray:
    """MinHash signature: per hash function, the least multiply-shift hash of the items.

    Written here rather than taken from datasketch: that package imports SciPy's integrators
    (4 s at start-up) and builds one object per article; this is a few numpy lines.
    """
    hashed = _MULTIPLIERS[:, None] * items[None, :]  # one row per hash function: rows reduce fastest
    hashed += _OFFSETS[:, None]
    # The shift keeps order, so shifting the row minima equals the minimum of the shifted hashes.
    return (hashed.min(axis=1) >> np.uint64(32)).astype(np.uint32)


def _lsh_candidates(profiles: list[_Profile]) -> set[tuple[int, int]]:
    """Pairs whose shingle sets are probably similar (MinHash-LSH banding), not all pairs."""
    indexed = np.array([i for i, p in enumerate(profiles) if p.signature is not None], dtype=np.int64)
    if len(indexed) < 2:
        return set()
    signatures = np.vstack([profiles[i].signature for i in indexed]).astype(np.uint64)
    mix = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)
    pairs: set[tuple[int, int]] = set()
    for band in range(NUM_BANDS):
        keys = (signatures[:, band * BAND_ROWS : (band + 1) * BAND_ROWS] * mix[:BAND_ROWS]).sum(axis=1, dtype=np.uint64)
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        sizes = np.diff(np.r_[starts, len(keys)])
        for start, size in zip(starts[sizes > 1], sizes[sizes > 1]):
            if size <= MAX_BUCKET:
                pairs.update(combinations(sorted(indexed[order[start : start + size]].tolist()), 2))
    return pairs


def _band_keys(profile: _Profile) -> list[int]:
    """(band, band value) of one profile, as `_lsh_candidates` computes them (for `PairIndex`),
    each pair as one int, band << 64 | value (a value is a uint64, so two keys are equal exactly
    when their bands and values are): a watch keeps every article's keys, and a (band, value)
    tuple each was ~40 MB more on all of Reuters."""
    if profile.signature is None:
        return []
    mix = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)
    rows = profile.signature.astype(np.uint64)[: NUM_BANDS * BAND_ROWS].reshape(NUM_BANDS, BAND_ROWS)
    values = (rows * mix[:BAND_ROWS]).sum(axis=1, dtype=np.uint64).tolist()  # integer sums: the same values
    return [band << 64 | value for band, value in enumerate(values)]


def _run_keys(profile: _Profile) -> tuple:
    return profile.runs


def _anchor_candidates(profiles: list[_Profile]) -> set[tuple[int, int]]:
    """Pairs sharing several rare runs of three anchors (names/numbers in the same order)."""
    postings: dict[tuple, list[int]] = defaultdict(list)
    for index, profile in enumerate(profiles):
        for run in profile.runs:
            postings[run].append(index)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in postings.values():
        if 1 < len(members) <= RARE_RUN_DF:
            for pair in combinations(members, 2):
                shared[pair] += 1
    return {pair for pair, count in shared.items() if count >= 3}


def _original_rank(article: Article):
    dated = article.date is not None and article.date_source not in ("none", "file-mtime")
    return (not dated, article.date or __import__("datetime").date.max, -article.words, article.path, article.id)


def _most_original(members: list[int], articles: list[Article]) -> int:
    """The member (an index into `articles`) the others repeat; one alone is its own, unranked."""
    return members[0] if len(members) == 1 else min(members, key=lambda m: _original_rank(articles[m]))


def find_duplicates(articles: list[Article]) -> dict[str, Duplicate]:
    """Map each duplicate's id to how it repeats its group's original.

    Identical texts collapse first onto one representative; near-copies and translations are
    then searched among representatives, and a copy is only ever marked as repeating an
    original it was checked against directly (no chains through a third text).
    """
    memo = current()  # a watch round: profiles and pair checks it already made are reused
    profiles = [memo.profile(a, _profile) for a in articles] if memo else [_profile(a) for a in articles]
    direct = (lambda a, b: memo.direct(a, b, _direct)) if memo else _direct
    twins: dict[str, list[int]] = defaultdict(list)
    for index, profile in enumerate(profiles):
        twins[profile.fingerprint].append(index)
    representative = {}
    for members in twins.values():
        best = _most_original(members, articles)
        for member in members:
            representative[member] = best
    reps = sorted(set(representative.values()))
    parent = {r: r for r in reps}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    evidence: dict[frozenset, tuple[str, float]] = {}
    rep_profiles = [profiles[r] for r in reps]
    if memo is not None:  # a watch round: both searches kept up to date, the same pairs
        lsh = memo.kept("lsh", lambda: PairIndex(_band_keys, MAX_BUCKET, 1)).candidates(rep_profiles)
        candidates = lsh | memo.kept("anchors", lambda: PairIndex(_run_keys, RARE_RUN_DF, 3)).candidates(rep_profiles)
    else:
        candidates = _lsh_candidates(rep_profiles) | _anchor_candidates(rep_profiles)
    for a, b in sorted(candidates):
        i, j = reps[a], reps[b]
        if root(i) != root(j) and (found := direct(profiles[i], profiles[j])):
            evidence[frozenset((i, j))] = found
            parent[root(i)] = root(j)

    components: dict[int, list[int]] = defaultdict(list)
    for r in reps:
        components[root(r)].append(r)
    final: dict[int, tuple[int, str, float] | None] = {}  # representative → (original, kind, score)
    for members in components.values():
        original = _most_original(members, articles)
        final[original] = None
        for member in members:
            if member != original:
                found = evidence.get(frozenset((member, original))) or direct(profiles[member], profiles[original])
                final[member] = (original, *found) if found else None

    duplicates: dict[str, Duplicate] = {}
    for index, article in enumerate(articles):
        rep = representative[index]
        if index != rep:
            target = final[rep][0] if final[rep] else rep  # type: ignore[index]
            kind, score = (final[rep][1], final[rep][2]) if final[rep] else ("identical", 1.0)  # type: ignore[index]
        elif final[rep]:
            target, kind, score = final[rep]  # type: ignore[misc]
        else:
            continue
        duplicates[article.id] = Duplicate(article.id, articles[target].id, kind, round(score, 3))
    return duplicates


DUPLICATE_WINDOW_DAYS = 3  # a syndicated copy or re-post appears within days, not weeks


def _far_apart(a: Article, b: Article) -> bool:
    """Recurring reports (monthly estimates, daily tenders) repeat their wording weeks apart."""
    return a.date is not None and b.date is not None and abs((a.date - b.date).days) > DUPLICATE_WINDOW_DAYS


def _direct(a: _Profile, b: _Profile) -> tuple[str, float] | None:
    """Does one text repeat the other: identical, a near copy, or a translation with the same facts?"""
    if a.fingerprint == b.fingerprint:
        return "identical", 1.0
    if _far_apart(a.article, b.article):
        return None
    if (score := _near_score(a, b)) and _same_facts(a, b, "near"):
        return "near", score
    if (score := _translation_score(a, b)) and _same_facts(a, b, "translation"):
        return "translation", score
    return None


def apply_duplicates(articles: list[Article], duplicates: dict[str, Duplicate]) -> None:
    """Record `duplicate_of` and let an undated copy inherit its original's date."""
    by_id = {a.id: a for a in articles}
    for article in articles:
        found = duplicates.get(article.id)
        article.duplicate_of = found.original if found else None
        if found and article.date is None:
            original = by_id[found.original]
            if original.date is not None:
                article.date = original.date
                article.date_source = "duplicate"
                article.date_evidence = f"{found.kind} copy of {original.path}"
