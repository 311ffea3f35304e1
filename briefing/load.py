"""Load a corpus: walk the paths, read each file, clean, date, and account for every skip.

This is the first stage of the engine and the only one that touches the file system. It
never writes: the corpus folder is read-only to us (a test holds us to that).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .clean import clean
from .dates import filename_date, text_date, url_date
from .model import Article, Corpus, DateFinding, RawDocument, Skipped
from .readers import DEFAULT_MAX_BYTES, ReadError, read_file
from .walk import walk

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class LoadOptions:
    mtime_dates: bool = False  # date undated articles by file modification time (asked for only)
    max_bytes: int = DEFAULT_MAX_BYTES
    clean_patterns: tuple = ()  # extra compiled regexes: units matching one are dropped


def url_host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def choose_date(
    raw: RawDocument, cleaned_header: DateFinding | None, url: str | None, name: str, captions: list[str], units: list[str]
) -> DateFinding | None:
    """The most trusted date: metadata → header → url → filename → text (captions, dateline)."""
    return (
        raw.date
        or cleaned_header
        or url_date(url)
        or filename_date(name)
        or text_date(captions)
        or text_date(units[:2])
        or _weekday_text_date(units)
    )


def _weekday_text_date(units: list[str]) -> DateFinding | None:
    """In running prose only dated weekdays ("Monday, Feb. 14, 2022") are taken as about the article."""
    finding = text_date(units)
    if finding and any(day in finding.evidence for day in ("day,", "day ")):
        return finding
    return None


def build_article(raw: RawDocument, name: str, article_id: str, options: LoadOptions, mtime: float | None) -> Article | None:
    cleaned = clean(raw.text, find_title=raw.title is None, extra_patterns=list(options.clean_patterns) or None)
    if not cleaned.text.strip():
        return None
    url = raw.url or cleaned.url
    date = choose_date(raw, cleaned.header_date, url, name, cleaned.captions, cleaned.units)
    if date is None and options.mtime_dates and mtime is not None:
        stamp = dt.datetime.fromtimestamp(mtime)
        date = DateFinding(stamp.date(), "file-mtime", stamp.isoformat(timespec="seconds"))
    return Article(
        id=article_id,
        path=name,
        text=cleaned.text,
        title=raw.title or cleaned.title,
        source=raw.source or cleaned.source or url_host(url),
        url=url,
        date=date.date if date else None,
        date_source=date.source if date else "none",
        date_evidence=date.evidence if date else None,
        removed=raw.removed + cleaned.removed,
        kind=raw.kind,
        moment=date.moment if date else None,
    )


def load_file(path: Path, name: str, options: LoadOptions) -> tuple[list[Article], list[Skipped]]:
    """Articles of one file and the skips inside it; never raises for a bad file."""
    try:
        result = read_file(path, options.max_bytes)
    except ReadError as error:
        return [], [Skipped(name, str(error))]
    except RecursionError:
        return [], [Skipped(name, "nested too deeply to read")]
    except MemoryError:
        return [], [Skipped(name, "too large to read in memory")]
    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        mtime = None
    digest = hashlib.sha256(result.data).hexdigest()[:12]
    articles, skipped = [], [Skipped(name, problem) for problem in result.problems]
    many = len(result.documents) > 1
    for index, raw in enumerate(result.documents):
        article = build_article(raw, name, f"{digest}-{index}" if many else digest, options, mtime)
        if article is not None:
            articles.append(article)
    if not articles and not skipped:
        skipped.append(Skipped(name, "no article text (only boilerplate or empty)"))
    elif not articles and result.documents:
        skipped.append(Skipped(name, "no article text left after removing boilerplate"))
    return articles, skipped


def load_corpus(paths: list[Path], options: LoadOptions | None = None, progress: Progress | None = None) -> Corpus:
    """Every article under `paths`, in path order, and every file that did not yield one."""
    options = options or LoadOptions()
    files, skipped = walk(paths)
    root = paths[0].as_posix() if len(paths) == 1 else " ".join(p.as_posix() for p in paths)
    corpus = Corpus(root=root, skipped=list(skipped))
    seen_ids: dict[str, int] = {}
    for done, found in enumerate(files, start=1):
        articles, problems = load_file(found.path, found.display, options)
        for article in articles:
            count = seen_ids.get(article.id, 0)
            seen_ids[article.id] = count + 1
            if count:
                article.id = f"{article.id}~{count + 1}"  # identical files: keep ids unique
        corpus.articles.extend(articles)
        corpus.skipped.extend(problems)
        if progress:
            progress(done, len(files), found.display)
    return corpus
