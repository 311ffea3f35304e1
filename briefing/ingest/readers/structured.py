"""JSON (one article, a list, or a wrapper such as `{"articles": [...]}`) and JSON Lines.

News APIs and scrapers disagree on key names; we accept the usual ones. A bad line in a
JSONL file costs that line only: the good lines still load and the bad ones are reported.
"""

from __future__ import annotations

import json
import sys

from ..dates import parse_date_value, plausible
from ...core.model import DateFinding, RawDocument
from .errors import ReadError
from .html import fragment_to_text, looks_like_html

TITLE_KEYS = ("title", "headline", "name")
TEXT_KEYS = ("text", "body", "content", "articleBody", "article_body", "maintext", "full_text", "story", "description", "summary")
DATE_KEYS = ("date", "published", "publishedAt", "published_at", "datePublished", "date_published", "pubDate", "pub_date", "publish_date", "created_at", "timestamp", "time")
URL_KEYS = ("url", "link", "href", "canonical_url", "permalink")
SOURCE_KEYS = ("source", "publisher", "site_name", "siteName", "outlet", "source_name", "domain")
CONTAINER_KEYS = ("articles", "items", "data", "results", "entries", "documents", "docs", "stories", "posts")

MAX_DEPTH = 200


def _first(record: dict, keys: tuple[str, ...]):
    lowered = {str(k).lower(): v for k, v in record.items()}
    for key in keys:
        value = record.get(key, lowered.get(key.lower()))
        if value not in (None, "", [], {}):
            return value
    return None


def _as_text(value) -> str | None:
    """A string from a field that may be a string, a number, a list of paragraphs or {name: ...}."""
    if value is None:
        return None
    if isinstance(value, dict):
        return _as_text(_first(value, ("name", "title", "text", "value", "url", "href", "#text")))
    if isinstance(value, list):
        parts = [_as_text(v) for v in value]
        return "\n\n".join(p for p in parts if p) or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) else None


def _date(record: dict) -> DateFinding | None:
    value = _first(record, DATE_KEYS)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _epoch(value)
    text = _as_text(value)
    if not text:
        return None
    if text.isdigit() and len(text) >= 9:
        return _epoch(int(text))
    parsed = parse_date_value(text)
    return DateFinding(parsed[0], "metadata", text[:200], parsed[1]) if parsed else None


def _epoch(value: float) -> DateFinding | None:
    import datetime as dt

    seconds = value / 1000 if value > 1e11 else value  # milliseconds or seconds
    try:
        moment = dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None
    day = plausible(moment.year, moment.month, moment.day)
    return DateFinding(day, "metadata", str(value), moment) if day else None


def record_to_document(record: dict, kind: str) -> RawDocument | None:
    """One article from a mapping of the usual keys, or None when it has no text."""
    body = _as_text(_first(record, TEXT_KEYS))
    title = _as_text(_first(record, TITLE_KEYS))
    if not body or not body.strip():
        return None
    if looks_like_html(body):
        body = fragment_to_text(body)
    if title and looks_like_html(title):
        title = fragment_to_text(title)
    return RawDocument(
        text=body,
        title=" ".join(title.split()) if title else None,
        source=_as_text(_first(record, SOURCE_KEYS)),
        url=_as_text(_first(record, URL_KEYS)),
        date=_date(record),
        kind=kind,
    )


def _records(value, depth: int = 0) -> list:
    """Article-like mappings in a parsed JSON value: itself, a list of them, or a wrapper."""
    if depth > 3:
        return []
    if isinstance(value, list):
        return [v for v in value if isinstance(v, dict)]
    if isinstance(value, dict):
        if _first(value, TEXT_KEYS) is not None and not isinstance(_first(value, TEXT_KEYS), (list, dict)):
            return [value]
        for key in CONTAINER_KEYS:
            if isinstance(value.get(key), (list, dict)):
                return _records(value[key], depth + 1)
        return [value]
    return []


def _loads(text: str):
    limit = sys.getrecursionlimit()
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError(f"nested deeper than {limit} levels") from None


def read_json(text: str) -> tuple[list[RawDocument], list[str]]:
    try:
        value = _loads(text)
    except ValueError as error:
        # A .json file that is really JSON Lines is common: try that before giving up.
        if "\n" in text.strip() and text.lstrip().startswith("{"):
            documents, problems = read_jsonl(text)
            if documents:
                return documents, problems
        raise _invalid(error) from None
    records = _records(value)
    documents, problems = _documents_from(records[:MAX_RECORDS], "json")
    if len(records) > MAX_RECORDS:
        problems.append(f"only the first {MAX_RECORDS} records read: {len(records) - MAX_RECORDS} more not read (limit per file)")
    return documents, problems


def _invalid(error: Exception) -> Exception:
    message = str(error).split(":")[0] if isinstance(error, json.JSONDecodeError) else str(error)
    return ReadError(f"not valid JSON ({message})")


def _documents_from(records: list, kind: str) -> tuple[list[RawDocument], list[str]]:
    documents, empty = [], 0
    for record in records:
        document = record_to_document(record, kind)
        if document is None:
            empty += 1
        else:
            documents.append(document)
    problems = [f"{empty} of {len(records)} records have no article text"] if empty else []
    if not records:
        problems.append("no article records (expected an object with a text/body/content key, or a list of them)")
    return documents, problems


MAX_RECORDS = 5000  # articles read from one JSON/JSONL file: bounds a file's work and memory


def read_jsonl(text: str) -> tuple[list[RawDocument], list[str]]:
    """One record a line, streamed: after MAX_RECORDS articles the rest is counted, not parsed
    (a 17 MB file of a million tiny lines reached 4.9 GB and minutes of work)."""
    records, bad, left = [], [], 0  # type: ignore[var-annotated]
    start = 0
    number = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line, start, number = text[start:end], end + 1, number + 1
        if not line.strip():
            continue
        if len(records) >= MAX_RECORDS:
            left += 1
            continue
        try:
            value = _loads(line)
        except ValueError:
            bad.append(number)
            continue
        records.extend(_records(value))
    documents, problems = _documents_from(records[:MAX_RECORDS], "jsonl")
    if bad:
        shown = ", ".join(map(str, bad[:10])) + (" …" if len(bad) > 10 else "")
        problems.insert(0, f"{len(bad)} line(s) not valid JSON (line {shown})")
    if left or len(records) > MAX_RECORDS:
        problems.append(f"only the first {MAX_RECORDS} records read: {left + len(records) - MAX_RECORDS} more lines not read (limit per file)")
    return documents, problems
