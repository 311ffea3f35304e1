"""Per-article analysis that depends on an article's text alone, done once where it is loaded.

The duplicate finder's shingles, MinHash and anchors and the story grouper's term counts
were seconds of single-process work on a large folder; computed in the loader's worker
processes they run in parallel with parsing. They are not kept in the cache (a warm run hits
the brief cache and never needs them; unpickling them cost more than it saved). Figures and
quotes are not made here: the story stage extracts them (or a prefetching worker attaches
them); measured on Reuters, making them at load time was slower overall.

Every accessor falls back to computing from the text when an article carries no analysis or
one made for a different text (the record keeps a CRC of the text it describes), so nothing
downstream depends on how the article was made.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from .model import Article


@dataclass
class Analysis:
    text_crc: int  # of the title and text these results describe
    dedup: tuple  # (fingerprint, shingle hashes, anchors, MinHash, anchor runs): dedup.text_profile
    terms: dict[str, int]  # story-grouping term counts of stories.profile_text
    names: dict[str, int] | None = None  # names and figures of the lead, for the same-event test (stories.name_counts)
    figures: list | None = None  # None: not attached yet, extracted where needed
    quotes: list | None = None


def text_digest(article: Article) -> int:
    """A CRC of an article's title and text: what its text-only results depend on."""
    return zlib.crc32(f"{article.title or ''}\x00{article.text}".encode("utf-8", "surrogatepass"))


def analyse(article: Article) -> Analysis:
    """The analysis, computed now (the loader calls this in its workers).

    Figures and quotes are left to the story stage: made here they were paid for every
    article, shipped back from the workers and pickled into the cache, and a cold Reuters
    export measured 10-15 s slower than extracting them per story.
    """
    from .dedup import text_profile
    from .stories import name_counts, profile_text, term_counts

    return Analysis(
        text_crc=text_digest(article),
        dedup=text_profile(article.text),
        terms=term_counts(profile_text(article)),
        names=name_counts(article),
    )


def _current(article: Article) -> Analysis | None:
    analysis = getattr(article, "analysis", None)
    if analysis is not None and analysis.text_crc == text_digest(article):
        return analysis
    return None


def figures_of(article: Article) -> list:
    from .figures import extract_figures

    analysis = _current(article)
    return analysis.figures if analysis and analysis.figures is not None else extract_figures(article.text)


def quotes_of(article: Article) -> list:
    from .quotes import extract_quotes

    analysis = _current(article)
    return analysis.quotes if analysis and analysis.quotes is not None else extract_quotes(article.text)


def dedup_profile_of(article: Article) -> tuple:
    from .dedup import text_profile

    analysis = _current(article)
    return analysis.dedup if analysis else text_profile(article.text)


def terms_of(article: Article) -> dict[str, int]:
    from .stories import profile_text, term_counts

    analysis = _current(article)
    return analysis.terms if analysis else term_counts(profile_text(article))


def grouping_features_of(article: Article) -> tuple[dict[str, int], dict[str, int]]:
    """(term counts, names and figures) for the story grouper, with one check of the analysis."""
    from .stories import name_counts, profile_text, term_counts

    analysis = _current(article)
    terms = analysis.terms if analysis else term_counts(profile_text(article))
    names = analysis.names if analysis and analysis.names is not None else name_counts(article)
    return terms, names


def attach_extractions(article: Article, figures: list, quotes: list) -> None:
    """Keep figures and quotes made elsewhere (a prefetching worker) with the article's analysis."""
    analysis = _current(article)
    if analysis is not None:
        analysis.figures, analysis.quotes = figures, quotes
