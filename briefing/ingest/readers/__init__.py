"""Readers turn one file's text into raw documents; `read_file` picks the reader.

The reader is chosen by extension, and by sniffing the first bytes when the extension does
not say (no extension, `.xml`, a `.txt` that is really HTML). Each reader returns a list of
`RawDocument` (a feed or a JSON list holds many) and the problems it met inside the file.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path

from ...core.model import RawDocument
from ..textsafe import DecodeError, clean_field, decode_text
from .errors import ReadError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

TEXT_EXTENSIONS = {".txt", ".text", ".md", ".markdown"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml", ".shtml"}
JSON_EXTENSIONS = {".json"}
JSONL_EXTENSIONS = {".jsonl", ".ndjson"}
FEED_EXTENSIONS = {".rss", ".atom", ".xml"}
NOT_ARTICLES = {
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".bmp", ".tif", ".tiff", ".pdf",
    ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar", ".mp3", ".mp4", ".mov", ".avi",
    ".wav", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".exe", ".dll", ".so", ".bin",
    ".pyc", ".py", ".js", ".css", ".csv", ".tsv", ".woff", ".woff2", ".ttf", ".sqlite", ".db",
}


@dataclass
class ReadResult:
    documents: list[RawDocument]
    problems: list[str] = field(default_factory=list)  # parts of the file that were skipped
    data: bytes = b""


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a regular file without ever blocking on a FIFO or device swapped in under us."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except PermissionError:
        raise ReadError("unreadable: permission denied") from None
    except FileNotFoundError:
        raise ReadError("vanished while scanning") from None
    except OSError as error:
        raise ReadError(f"unreadable: {error.strerror or error}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("not a regular file: not read")
        if info.st_size > max_bytes:
            raise ReadError(
                f"too large: {info.st_size / 1e6:.0f} MB (limit {max_bytes / 1e6:.0f} MB, "
                "raise it with --max-file-size)"
            )
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise ReadError(f"too large: grew past {max_bytes / 1e6:.0f} MB while being read")
        return b"".join(chunks)
    except OSError as error:
        raise ReadError(f"unreadable: {error.strerror or error}") from None
    finally:
        os.close(fd)


def _sniff(text: str) -> str:
    head = text.lstrip()[:2048].lower()
    if head.startswith(("{", "[")):
        return "json"
    if head.startswith("<doc>") or head.startswith("<doc ") :
        return "sgml"
    if head.startswith("<?xml") or head.startswith("<rss") or head.startswith("<feed"):
        if "<rss" in head or "<feed" in head or "<rdf:rdf" in head:
            return "feed"
        if "<html" in head:
            return "html"
        return "xml"
    if head.startswith("<!doctype html") or "<html" in head[:512] or "<body" in head[:1024]:
        return "html"
    return "text"


def kind_for(path: Path, text: str) -> str:
    ext = path.suffix.lower()
    sniffed = _sniff(text)
    if ext in HTML_EXTENSIONS:
        return "html"
    if ext in JSONL_EXTENSIONS:
        return "jsonl"
    if ext in JSON_EXTENSIONS:
        return "json"
    if ext in FEED_EXTENSIONS:
        return "feed" if sniffed in ("feed", "xml") else sniffed
    if ext in {".md", ".markdown"}:
        return "markdown"
    if sniffed in ("html", "sgml", "feed"):
        return sniffed  # a .txt or extension-less file that is really markup
    return "text"


def check_extension(path: Path) -> None:
    if path.suffix.lower() in NOT_ARTICLES:
        raise ReadError(f"not an article format ({path.suffix.lower()})")


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read one file into raw documents, or raise ReadError with a reason."""
    check_extension(path)
    return parse_bytes(path, read_bytes(path, max_bytes))


def parse_bytes(path: Path, data: bytes) -> ReadResult:
    """Raw documents from a file's bytes (the name picks the reader), or raise ReadError."""
    try:
        text, _encoding = decode_text(data)
    except DecodeError as error:
        raise ReadError(str(error)) from None
    kind = kind_for(path, text)
    reader = _READERS.get(kind)
    if reader is None:
        raise ReadError("XML that is neither an RSS nor an Atom feed")
    documents, problems = reader(text)
    return ReadResult([_safe(document) for document in documents], problems, data)


def _safe(document: RawDocument) -> RawDocument:
    """Every string a reader decoded (JSON escapes, entities) made as safe as the file's text."""
    document.text, document.title = clean_field(document.text), clean_field(document.title)  # type: ignore[assignment]
    document.source, document.url = clean_field(document.source), clean_field(document.url)
    document.removed = [clean_field(r) for r in document.removed]  # type: ignore[misc]
    if document.date is not None and (evidence := clean_field(document.date.evidence)) != document.date.evidence:
        document.date = replace(document.date, evidence=evidence)  # type: ignore[arg-type]
    return document


def _readers():
    from . import feed, html, structured, text  # the readers' parsers (XML, HTML): loaded on first use

    return {
        "text": text.read_text,
        "markdown": text.read_markdown,
        "sgml": text.read_sgml,
        "html": html.read_html,
        "json": structured.read_json,
        "jsonl": structured.read_jsonl,
        "feed": feed.read_feed,
    }


class _LazyReaders(dict):
    """Import reader modules on first use, so `briefing --help` stays fast."""

    def get(self, key, default=None):
        if not self:
            self.update(_readers())
        return super().get(key, default)


_READERS = _LazyReaders()
