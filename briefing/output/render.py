"""Readable terminal renderings of engine documents, with Rich.

Article text is untrusted: it only ever enters Rich as `Text` objects (never parsed as
markup), and escape sequences were already removed when the file was decoded.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text


def make_console(file=None) -> Console:
    return Console(file=file, markup=False, highlight=False, emoji=False, soft_wrap=False)


def _field(label: str, value) -> Text:
    text = Text()
    text.append(f"{label}: ", style="bold")
    text.append("—" if value in (None, "") else str(value))
    return text


def render_inspect(document: dict, console: Console) -> None:
    for article in document["articles"]:
        header = Text(article["title"] or "(no title)", style="bold")
        meta = Group(
            _field("path", article["path"]),
            _field("id", article["id"]),
            _field("source", article["source"]),
            _field("url", article["url"]),
            _field("date", f"{article['date'] or 'unknown'}  (from {article['date_source']}"
                   + (f": {article['date_evidence']!r})" if article["date_evidence"] else ")")),
            _field("sentences", len(article["sentences"])),
            _field("quotes", len(article["quotes"])),
            _field("figures", len(article["figures"])),
        )
        body = Text(article["text"][:1200] + (" …" if len(article["text"]) > 1200 else ""))
        parts = [meta, Rule(style="dim"), body]
        if article.get("removed"):
            removed = Text("\n".join("– " + line[:110] for line in article["removed"][:12]), style="dim")
            parts += [Rule("removed as boilerplate", style="dim"), removed]
        if article["quotes"]:
            quotes = Text("\n".join(f"“{q['text'][:100]}” — {q['speaker'] or '?'}" for q in article["quotes"][:10]))
            parts += [Rule("quotes", style="dim"), quotes]
        if article["figures"]:
            figures = Text("\n".join(f"{f['text']}  [{f['label']}]" for f in article["figures"][:10]))
            parts += [Rule("figures", style="dim"), figures]
        console.print(Panel(Group(*parts), title=header, title_align="left"))  # type: ignore[arg-type]
    if document["skipped"]:
        table = Table(title="Skipped files", show_lines=False)
        table.add_column("path")
        table.add_column("reason")
        for item in document["skipped"]:
            table.add_row(Text(item["path"]), Text(item["reason"]))
        console.print(table)
    console.print(Text(f"{len(document['articles'])} articles, {len(document['skipped'])} skipped", style="bold"))
