"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item or entry is an article.

Feeds are untrusted XML, parsed with defusedxml: entity declarations (the "billion laughs"
bomb) and external entities (XXE) are refused outright rather than expanded or fetched.
Elements are matched by local name so namespace variations do not lose items.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ..dates import parse_date_value
from ...core.model import DateFinding, RawDocument
from .errors import ReadError
from .html import fragment_to_text, looks_like_html


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child(element: Element, *names: str) -> Element | None:
    for name in names:
        for child in element:
            if _local(child.tag) == name:
                return child
    return None


def _text(element: Element | None) -> str | None:
    if element is None:
        return None
    text = "".join(element.itertext()).strip()
    return text or None


def _link(item: Element) -> str | None:
    for child in item:
        if _local(child.tag) != "link":
            continue
        href = child.get("href")
        if href and child.get("rel", "alternate") == "alternate":
            return href.strip()
        if child.text and child.text.strip():
            return child.text.strip()
    guid = _child(item, "guid", "id")
    if guid is not None and guid.text and guid.text.strip().startswith("http"):
        return guid.text.strip()
    return None


def _body(item: Element) -> str | None:
    for name in ("encoded", "content", "description", "summary"):
        element = _child(item, name)
        text = _text(element)
        if text:
            return fragment_to_text(text) if looks_like_html(text) or "&lt;" in text else text
    return None


def _date(item: Element) -> DateFinding | None:
    for name in ("pubdate", "published", "date", "issued", "created", "updated", "modified"):
        value = _text(_child(item, name))
        if value:
            parsed = parse_date_value(value)
            if parsed:
                return DateFinding(parsed[0], "metadata", f"{name}: {value}"[:200], parsed[1])
    return None


def parse_xml(text: str) -> Element:
    try:
        return fromstring(text.encode("utf-8"), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise ReadError(f"unsafe XML refused ({type(error).__name__}: entity declarations or external references)") from None
    except (ParseError, ValueError) as error:
        raise ReadError(f"malformed XML ({error})") from None
    except RecursionError:
        raise ReadError("malformed XML (nested too deeply)") from None


def read_feed(text: str) -> tuple[list[RawDocument], list[str]]:
    root = parse_xml(text)
    kind = _local(root.tag)
    if kind not in ("rss", "feed", "rdf", "channel"):
        raise ReadError(f"XML with root <{kind}> is neither an RSS nor an Atom feed")
    channel = _child(root, "channel") if kind in ("rss", "rdf") else root
    feed_title = _text(_child(channel, "title")) if channel is not None else None
    items = [e for e in root.iter() if _local(e.tag) in ("item", "entry")]
    documents, empty = [], 0
    for item in items:
        body = _body(item)
        if not body:
            empty += 1
            continue
        title = _text(_child(item, "title"))
        source = _text(_child(item, "source")) or feed_title
        documents.append(
            RawDocument(
                text=body,
                title=fragment_to_text(title) if title and looks_like_html(title) else title,
                source=source,
                url=_link(item),
                date=_date(item),
                kind="feed",
            )
        )
    problems = [f"{empty} of {len(items)} feed items have no text"] if empty else []
    if not items:
        problems.append("feed has no items")
    return documents, problems
