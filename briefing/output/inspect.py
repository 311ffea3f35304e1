"""The `inspect` document: everything the engine read from each file, as plain data.

Shape: `../shared/inspect.schema.json` (schema `briefing-inspect/1`). Quotes and figures are
filled by their extractors when present (`briefing.analyse.quotes`, `briefing.analyse.figures`).
"""

from __future__ import annotations

from ..core.model import Article, Corpus
from ..text.sentences import split_sentences

SCHEMA = "briefing-inspect/1"


def _extractor(module: str, name: str):
    try:
        imported = __import__(f"briefing.{module}", fromlist=[name])
    except ImportError:
        return None
    return getattr(imported, name, None)


def article_record(article: Article) -> dict:
    quotes = _extractor("quotes", "quote_records")
    figures = _extractor("figures", "figure_records")
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "date": article.date.isoformat() if article.date else None,
        "date_source": article.date_source,
        "date_evidence": article.date_evidence,
        "text": article.text,
        "removed": list(article.removed),
        "sentences": split_sentences(article.text),
        "quotes": quotes(article) if quotes else [],
        "figures": figures(article) if figures else [],
    }


def inspect_document(corpus: Corpus) -> dict:
    return {
        "schema": SCHEMA,
        "articles": [article_record(a) for a in corpus.articles],
        "skipped": [{"path": s.path, "reason": s.reason} for s in corpus.skipped],
    }
