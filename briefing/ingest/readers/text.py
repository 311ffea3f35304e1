"""Plain text, Markdown (with optional front matter) and SGML wire files (TREC/DUC `<DOC>`).

Plain text is passed through whole: header lines (title, date, URL, byline) are read by
`briefing.headers` and boilerplate by `briefing.ingest.clean`, the same for every format.
"""

from __future__ import annotations

import html as html_lib
import re

from ..dates import parse_date_value
from ...core.model import DateFinding, RawDocument


def read_text(text: str) -> tuple[list[RawDocument], list[str]]:
    return [RawDocument(text=text, kind="text")], []


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split simple `key: value` YAML front matter from the body (nested YAML is ignored)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        field = _FIELD.match(line.strip())
        if field and field.group(2):
            value = field.group(2).strip().strip("\"'").strip()
            fields.setdefault(field.group(1).lower(), value)
    return fields, text[match.end() :]


# Every pattern here runs on untrusted text in time linear in its length: a repeated part can
# never cross the delimiter that would start the next match (`[^\[\]]`, `[^<>]`, `[ \t]` not
# `\s`, which crosses lines), so a file of `*a *a *a …` or of blank lines cannot make them
# quadratic (a 60 KB line of `*a ` took 28 s with `(.+?)`).
_MD_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\([^()\n]*\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+\"[^\"\n]{0,300}\")?\)")
_MD_REF_DEF = re.compile(r"^[ \t]*\[[^\[\]\n]+\]:[ \t]*\S+.*$", re.M)
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+([^\n]*)$", re.M)
_MD_EMPHASIS = (
    re.compile(r"\*\*(?=\S)((?:[^*\n]|\*(?!\*))+?)(?<=\S)\*\*"),
    re.compile(r"__(?=\S)((?:[^_\n]|_(?!_))+?)(?<=\S)__"),
    re.compile(r"~~(?=\S)((?:[^~\n]|~(?!~))+?)(?<=\S)~~"),
    re.compile(r"\*(?=\S)([^*\n]+?)(?<=\S)\*"),
    re.compile(r"_(?=\S)([^_\n]+?)(?<=\S)_"),
)
_MD_HTML = re.compile(r"</?[A-Za-z][^<>]*>")
_MD_RULE = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.M)
_MD_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+", re.M)
_MD_QUOTE = re.compile(r"^[ \t]*>[ \t]?", re.M)
_MD_CODE_FENCE = re.compile(r"^```.*$", re.M)


def _heading_text(line: str) -> str:
    r"""A heading's text without its closing `#`s: done by hand, a `\s*#*\s*$` after a lazy
    group is cubic on a heading line full of spaces."""
    text = line.rstrip()
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1] in " \t"):
        text = bare
    return text.strip()


def markdown_to_text(body: str) -> tuple[str, str | None]:
    """Plain text of a Markdown body and its first heading (the likely title)."""
    heading = _MD_HEADING.search(body)
    title = _heading_text(heading.group(2)) if heading and heading.start() < 400 else None
    body = _MD_CODE_FENCE.sub("", body)
    body = _MD_REF_DEF.sub("", body)
    body = _MD_IMAGE.sub("", body)
    body = _MD_LINK.sub(r"\1", body)
    body = _MD_HEADING.sub(lambda m: _heading_text(m.group(2)), body)
    body = _MD_RULE.sub("", body)
    body = _MD_LIST.sub("", body)
    body = _MD_QUOTE.sub("", body)
    body = _MD_HTML.sub("", body)
    for _ in range(2):
        for emphasis in _MD_EMPHASIS:
            body = emphasis.sub(r"\1", body)
    return html_lib.unescape(body), title


def read_markdown(text: str) -> tuple[list[RawDocument], list[str]]:
    fields, body = parse_front_matter(text)
    plain, heading = markdown_to_text(body)
    title = fields.get("title") or None
    if title is None and heading:
        title = heading
        plain = plain.replace(heading, "", 1)  # the heading is the title, not body text
    date = None
    for key in ("date", "published", "pubdate", "published_at", "datepublished", "created"):
        if key in fields:
            parsed = parse_date_value(fields[key])
            if parsed:
                date = DateFinding(parsed[0], "metadata", f"{key}: {fields[key]}"[:200], parsed[1])
                break
    document = RawDocument(
        text=plain,
        title=title,
        source=fields.get("source") or fields.get("publisher") or fields.get("site_name") or None,
        url=fields.get("url") or fields.get("link") or fields.get("canonical_url") or None,
        date=date,
        kind="markdown",
    )
    return [document], []


_SGML_TAG = re.compile(r"<(/?)DOC\b[^<>]{0,500}>", re.I)


def _sgml_docs(text: str) -> list[str]:
    """The bodies of `<DOC>…</DOC>` in one pass over the tags (a lazy `<DOC>(.*?)</DOC>` scans
    to the end from every unclosed `<DOC>`: 64 s on 40,000 of them)."""
    docs, start = [], None
    for tag in _SGML_TAG.finditer(text):
        if not tag.group(1):
            start = tag.end() if start is None else start
        elif start is not None:
            docs.append(text[start : tag.start()])
            start = None
    return docs


def _sgml_field(doc: str, *tags: str) -> str | None:
    for tag in tags:
        opening = re.search(rf"<{tag}\b[^<>]{{0,500}}>", doc, re.I)
        if opening:
            closing = re.compile(rf"</{tag}>", re.I).search(doc, opening.end())
            if closing:
                return doc[opening.end() : closing.start()]
    return None


def _sgml_text(fragment: str) -> str:
    fragment = re.sub(r"<P>[ \t\n]*", "\n\n", fragment, flags=re.I)
    fragment = re.sub(r"<[^<>]+>", " ", fragment)
    paragraphs = re.split(r"\n[ \t]*\n|\n\t|\n {2,}", html_lib.unescape(fragment))
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def read_sgml(text: str) -> tuple[list[RawDocument], list[str]]:
    """TREC/DUC wire files: one or more `<DOC>` with DOCNO, DATE_TIME/DATE, HEADLINE, TEXT."""
    documents = []
    for doc in _sgml_docs(text) or [text]:
        body = _sgml_field(doc, "TEXT", "BODY") or ""
        title = _sgml_field(doc, "HEADLINE", "HL", "TITLE")
        when = _sgml_field(doc, "DATE_TIME", "DATE", "DATELINE")
        date = None
        if when:
            parsed = parse_date_value(" ".join(when.split()))
            if parsed:
                date = DateFinding(parsed[0], "metadata", " ".join(when.split())[:200], parsed[1])
        docno = (_sgml_field(doc, "DOCNO") or "").strip()
        source = {"APW": "Associated Press", "NYT": "The New York Times", "XIE": "Xinhua"}.get(docno[:3])
        documents.append(
            RawDocument(
                text=_sgml_text(body),
                title=" ".join(_sgml_text(title).split()) if title else None,
                source=source,
                date=date,
                kind="sgml",
            )
        )
    return documents, []
