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

from .dedup import text_profile
from ..core.model import Analysis, Article, current_analysis, text_digest
from .stories import grouping_features_of, name_counts, profile_text, term_counts

__all__ = [
    "Analysis", "analyse", "attach_extractions", "dedup_profile_of", "figures_of", "grouping_features_of",
    "quotes_of", "terms_of", "text_digest",
]


def analyse(article: Article) -> Analysis:
    """The analysis, computed now (the loader calls this in its workers).

    Figures and quotes are left to the story stage: made here they were paid for every
    article, shipped back from the workers and pickled into the cache, and a cold Reuters
    export measured 10-15 s slower than extracting them per story.
    """
    return Analysis(
        text_crc=text_digest(article),
        dedup=text_profile(article.text),
        terms=term_counts(profile_text(article)),
        names=name_counts(article),
    )


def figures_of(article: Article) -> list:
    from .figures import extract_figures  # heavy (compiled pattern tables): not for the loader's workers

    analysis = current_analysis(article)
    return analysis.figures if analysis and analysis.figures is not None else extract_figures(article.text)


def quotes_of(article: Article) -> list:
    from .quotes import extract_quotes  # heavy (compiled pattern tables): not for the loader's workers

    analysis = current_analysis(article)
    return analysis.quotes if analysis and analysis.quotes is not None else extract_quotes(article.text)


def dedup_profile_of(article: Article) -> tuple:
    analysis = current_analysis(article)
    return analysis.dedup if analysis else text_profile(article.text)


def terms_of(article: Article) -> dict[str, int]:
    analysis = current_analysis(article)
    return analysis.terms if analysis else term_counts(profile_text(article))


def attach_extractions(article: Article, figures: list, quotes: list) -> None:
    """Keep figures and quotes made elsewhere (a prefetching worker) with the article's analysis."""
    analysis = current_analysis(article)
    if analysis is not None:
        analysis.figures, analysis.quotes = figures, quotes
