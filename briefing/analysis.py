"""Per-article analysis that depends on an article's text alone, done once where it is loaded.

Figures, quotes, the duplicate finder's shingles and anchors, and the story grouper's term
counts are the bulk of the work on a large folder. Computed in the loader's worker processes
they run in parallel with parsing, and they are cached with the file, so a second run, a
regrouped story in the TUI or a run with other summary settings does not redo them.

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
    figures: list
    quotes: list
    dedup: tuple  # (fingerprint, shingle hashes, anchors), see dedup.text_profile
    terms: dict[str, int]  # story-grouping term counts of stories.profile_text


def _crc(article: Article) -> int:
    return zlib.crc32(f"{article.title or ''}\x00{article.text}".encode("utf-8", "surrogatepass"))


def analyse(article: Article) -> Analysis:
    """Everything below, computed now (the loader calls this in its workers)."""
    from .dedup import text_profile
    from .figures import extract_figures
    from .quotes import extract_quotes
    from .stories import profile_text, term_counts

    return Analysis(
        text_crc=_crc(article),
        figures=extract_figures(article.text),
        quotes=extract_quotes(article.text),
        dedup=text_profile(article.text),
        terms=term_counts(profile_text(article)),
    )


def _current(article: Article) -> Analysis | None:
    analysis = getattr(article, "analysis", None)
    if analysis is not None and analysis.text_crc == _crc(article):
        return analysis
    return None


def figures_of(article: Article) -> list:
    from .figures import extract_figures

    analysis = _current(article)
    return analysis.figures if analysis else extract_figures(article.text)


def quotes_of(article: Article) -> list:
    from .quotes import extract_quotes

    analysis = _current(article)
    return analysis.quotes if analysis else extract_quotes(article.text)


def dedup_profile_of(article: Article) -> tuple:
    from .dedup import text_profile

    analysis = _current(article)
    return analysis.dedup if analysis else text_profile(article.text)


def terms_of(article: Article) -> dict[str, int]:
    from .stories import profile_text, term_counts

    analysis = _current(article)
    return analysis.terms if analysis else term_counts(profile_text(article))
