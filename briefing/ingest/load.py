"""Load a corpus: walk the paths, read each file, clean, date, and account for every skip.

This is the first stage of the engine and the only one that touches the file system. It
never writes: the corpus folder is read-only to us (a test holds us to that).
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .clean import clean, normalize_wire
from .dates import filename_date, text_date, url_date
from ..core.model import Article, Corpus, DateFinding, RawDocument, Skipped
from ..core.cache import Cache, NoCache, fingerprint
from ..core.heap import frozen_heap
from .readers import DEFAULT_MAX_BYTES, ReadError, check_extension, parse_bytes, read_bytes
from .walk import FoundFile, walk

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class LoadOptions:
    mtime_dates: bool = False  # date undated articles by file modification time (asked for only)
    max_bytes: int = DEFAULT_MAX_BYTES
    clean_patterns: tuple = ()  # extra compiled regexes: units matching one are dropped
    follow_symlinks: bool = False  # follow links to targets outside the corpus folder (asked for only)


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
    cleaned = clean(
        raw.text, find_title=raw.title is None, extra_patterns=list(options.clean_patterns) or None, extracted=raw.kind == "html"
    )
    if not cleaned.text.strip():
        return None
    url = raw.url or cleaned.url
    if raw.kind == "html":  # the page's own date finder has weighed its markup, URL and text
        date = raw.date or filename_date(name)
    else:
        date = choose_date(raw, cleaned.header_date, url, name, cleaned.captions, cleaned.units)
    if date is None and options.mtime_dates and mtime is not None:
        stamp = dt.datetime.fromtimestamp(mtime)
        date = DateFinding(stamp.date(), "file-mtime", stamp.isoformat(timespec="seconds"))
    article = Article(
        id=article_id,
        path=name,
        text=cleaned.text,
        title=normalize_wire(raw.title) or cleaned.title,
        source=raw.source or cleaned.source or url_host(url),
        url=url,
        date=date.date if date else None,
        date_source=date.source if date else "none",
        date_evidence=date.evidence if date else None,
        removed=raw.removed + cleaned.removed,
        kind=raw.kind,
        moment=date.moment if date else None,
    )
    article.analysis = _analysis(article)
    return article


def _analysis(article: Article):
    """The dedup and grouping features (briefing.analyse.analysis), made here in the loader's workers;
    a failure only means they are computed later, where needed."""
    from ..analyse.analysis import analyse

    try:
        return analyse(article)
    except RecursionError:
        raise
    except Exception:
        return None


def _parse(path: Path, name: str, data: bytes, options: LoadOptions, mtime: float | None) -> tuple[list[Article], list[Skipped]]:
    """Articles of one file's bytes and the skips inside it; never raises for a bad file."""
    try:
        result = parse_bytes(path, data)
    except ReadError as error:
        return [], [Skipped(name, str(error))]
    except RecursionError:
        return [], [Skipped(name, "nested too deeply to read")]
    except MemoryError:
        return [], [Skipped(name, "too large to read in memory")]
    digest = hashlib.sha256(data).hexdigest()[:12]
    articles, skipped = [], [Skipped(name, problem) for problem in result.problems]
    many = len(result.documents) > 1
    for index, raw in enumerate(result.documents):
        try:
            article = build_article(raw, name, f"{digest}-{index}" if many else digest, options, mtime)
        except RecursionError:
            article = None
            skipped.append(Skipped(name, f"entry {index + 1}: nested too deeply to clean"))
        if article is not None:
            articles.append(article)
    if not articles and not skipped:
        skipped.append(Skipped(name, _why_no_text(result.documents)))
    return articles, skipped


def _why_no_text(documents: list[RawDocument]) -> str:
    """A reason a person can act on for a file that gave no article."""
    if not any(raw.text.strip() for raw in documents):
        return "empty: no text in the file"
    if all(len(clean(raw.text, find_title=raw.title is None).units) <= 2 for raw in documents):
        return "no article text: only a title or header lines"
    return "no article text left after removing boilerplate"


def _read(found: FoundFile, options: LoadOptions) -> tuple[bytes | None, float | None, Skipped | None]:
    try:
        check_extension(found.path)
        data = read_bytes(found.path, options.max_bytes)
    except ReadError as error:
        return None, None, Skipped(found.display, str(error))
    try:
        mtime = os.stat(found.path).st_mtime if options.mtime_dates else None
    except OSError:
        mtime = None
    return data, mtime, None


def load_file(path: Path, name: str, options: LoadOptions) -> tuple[list[Article], list[Skipped]]:
    """Articles of one file and the skips inside it; never raises for a bad file."""
    data, mtime, problem = _read(FoundFile(path, name), options)
    if problem:
        return [], [problem]
    return _parse(path, name, data, options, mtime)  # type: ignore[arg-type]


def _options_key(options: LoadOptions) -> tuple:
    return (options.mtime_dates, tuple(p.pattern for p in options.clean_patterns))


FILE_SECONDS = 20.0  # wall-clock budget of one file's reading, cleaning and analysis
WORKER_MEMORY = 2 << 30  # address space a loader worker may add to what it inherited


OVER_MEMORY = "needed too much memory to read: skipped"


def _over_budget(problems: list[Skipped]) -> bool:
    """A skip for the time or memory budget: says nothing about the file for next time."""
    return any(p.reason == OVER_MEMORY or p.reason.startswith("took more than ") for p in problems)


class _OverBudget(Exception):
    pass


def _on_alarm(number, frame):
    raise _OverBudget


def _parse_job(job):
    """`_parse` within the file budget: a file that takes longer is skipped and reported
    instead of stalling the export (SIGALRM, checked by the regex engine too). Only in a
    main thread, where signals are delivered: the loader's workers and the command line."""
    import signal
    import threading

    path, name, data, options, mtime = job
    if threading.current_thread() is not threading.main_thread() or FILE_SECONDS <= 0:
        return _parse(path, name, data, options, mtime)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, FILE_SECONDS)
        return _parse(path, name, data, options, mtime)
    except _OverBudget:
        return [], [Skipped(name, f"took more than {FILE_SECONDS:g} s to read: skipped")]
    except MemoryError:
        return [], [Skipped(name, OVER_MEMORY)]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _worker_budget() -> None:
    """A loader worker's memory budget: past it an allocation fails with MemoryError, and
    the file is skipped (see `_parse_job`), instead of the machine swapping."""
    import resource

    try:
        with open("/proc/self/statm") as handle:
            size = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = size + WORKER_MEMORY
        if hard == resource.RLIM_INFINITY or limit < hard:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (OSError, ValueError, IndexError):
        pass


PARALLEL_MIN_FILES = 64
BATCH_FILES = 512  # files read into memory at once: bounds memory on folders of big pages


class _Parser:
    """Parses batches of files, in a pool of worker processes when there are many files."""

    def __init__(self, total: int):
        import threading

        workers = min(os.cpu_count() or 1, 8)
        self._pool = None
        # fork() from a worker thread (the TUI loads in one) can copy a lock another thread
        # holds and deadlock the child; there a fork server starts clean processes instead.
        method = "fork" if threading.current_thread() is threading.main_thread() else "forkserver"
        if total >= PARALLEL_MIN_FILES and workers >= 2 and method in _start_methods():
            import multiprocessing

            self._pool = multiprocessing.get_context(method).Pool(workers, initializer=_worker_budget)

    def submit(self, jobs: list) -> Callable[[], list]:
        """Start parsing `jobs`; the returned call waits for and gives back their results.

        In the pool this returns at once, so the caller can read the next batch and store
        the last one in the cache while the workers parse (a serial second per 20,000 files).
        """
        if self._pool is None or len(jobs) < 8:
            return lambda: [_parse_job(job) for job in jobs]
        return self._pool.map_async(_parse_job, jobs, chunksize=16).get

    def close(self, failed: bool = False) -> None:
        """Wait for the workers; after an error or an interrupt stop them at once instead (a
        close() and join() let them parse every queued file first: 30 s after Ctrl-C)."""
        if self._pool is not None:
            if failed:
                self._pool.terminate()
            else:
                self._pool.close()
            self._pool.join()


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


def load_corpus(
    paths: list[Path], options: LoadOptions | None = None, progress: Progress | None = None, cache: Cache | None = None
) -> Corpus:
    """Every article under `paths`, in path order, and every file that did not yield one.

    With a cache, a file whose bytes (and the options) were seen before is not parsed again.
    """
    options = options or LoadOptions()
    cache = cache or NoCache()
    files, skipped = walk(paths, options.follow_symlinks)
    root = paths[0].as_posix() if len(paths) == 1 else " ".join(p.as_posix() for p in paths)
    corpus = Corpus(root=root, skipped=list(skipped))
    seen_ids: dict[str, int] = {}
    parser = _Parser(len(files))

    def take(batch: _Batch, done: int) -> None:
        for articles, problems in _finish_batch(batch, cache):
            for article in articles:
                count = seen_ids.get(article.id, 0)
                seen_ids[article.id] = count + 1
                if count:
                    article.id = f"{article.id}~{count + 1}"  # identical files: keep ids unique
            corpus.articles.extend(articles)
            corpus.skipped.extend(problems)
        gc.freeze()  # what is loaded stays: the collector's full passes need not walk it again
        if progress:
            progress(done, len(files), batch.read[-1][0].display)

    try:
        with frozen_heap():
            # Two batches in flight: while the workers parse one, this process reads the next and
            # files the previous one's results (and the cache) instead of leaving them idle.
            waiting: tuple[_Batch, int] | None = None
            for start in range(0, len(files), BATCH_FILES):
                batch = _start_batch(files[start : start + BATCH_FILES], options, cache, parser)
                if waiting:
                    take(*waiting)
                waiting = (batch, start + len(batch.read))
            if waiting:
                take(*waiting)
    except BaseException:
        parser.close(failed=True)
        raise
    parser.close()
    corpus.skipped.sort(key=lambda s: s.path)
    return corpus


@dataclass
class _Batch:
    read: list[tuple]  # (found, data, mtime, problem, cache key) per file, in order
    cached: dict  # cache key -> stored (articles, skipped)
    parsed: Callable[[], list]  # waits for the parse of the files the cache did not have


def _start_batch(batch: list[FoundFile], options: LoadOptions, cache: Cache, parser: _Parser) -> _Batch:
    """Read a batch, look its files up in the cache, and start parsing the others."""
    options_key = _options_key(options)
    read = []
    for found in batch:
        data, mtime, problem = _read(found, options)
        key = None if problem else fingerprint(hashlib.sha256(data).digest(), options_key, found.path.suffix.lower())  # type: ignore[arg-type]
        read.append((found, data, mtime, problem, key))
    cached = cache.get_many("file", [key for *_, key in read if key])
    jobs = [(found.path, found.display, data, options, mtime) for found, data, mtime, problem, key in read if key and key not in cached]
    return _Batch(read, cached, parser.submit(jobs))


def _finish_batch(batch: _Batch, cache: Cache) -> list[tuple]:
    """(articles, skipped) per file of the batch, in order, from the cache or parsed; the
    parsed ones are stored in the cache."""
    read, cached = batch.read, batch.cached
    parsed = iter(batch.parsed())
    results, fresh = [], {}  # type: ignore[var-annotated]
    for found, _data, _mtime, problem, key in read:
        if problem:
            results.append(([], [problem]))
        elif key in cached:
            results.append(_renamed(cached[key], found.display))
        else:
            articles, problems = next(parsed)
            if not any(a.date_source == "file-mtime" for a in articles) and not _over_budget(problems):
                fresh[key] = ([_without_analysis(a) for a in articles], problems)
            results.append((articles, problems))
    cache.put_many("file", fresh)  # type: ignore[arg-type]
    return results


def _without_analysis(article: Article) -> Article:
    """The cache keeps articles without their analysis: unpickling 19,000 shingle arrays cost
    a warm Reuters run 3-4 s, more than recomputing what a brief-cache miss needs."""
    import copy

    stored = copy.copy(article)
    stored.analysis = None
    return stored


def _renamed(entry: tuple, name: str) -> tuple[list[Article], list[Skipped]]:
    """A cached file's articles under the name it has now (the same bytes may have moved)."""
    import copy

    articles, problems = entry
    articles = [copy.copy(a) for a in articles]
    for article in articles:
        article.path = name
        article.removed = list(article.removed)
    return articles, [Skipped(name, p.reason) for p in problems]
