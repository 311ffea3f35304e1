"""The curated brief of the selected day as Markdown, rendered. Links are shown, never opened."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown


class SafeMarkdown(Markdown):
    """A Markdown view whose links do nothing but say where they point."""

    def __init__(self, markdown: str) -> None:
        super().__init__(markdown, open_links=False, id="preview-markdown")

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.prevent_default()
        event.stop()
        self.app.notify(f"link (not opened): {event.href}", markup=False, timeout=4)


class PreviewScreen(Screen):
    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("p", "close", "Back", show=False),
        Binding("q", "close", "Back", show=False),
        Binding("e", "app.export", "Export"),
    ]

    def __init__(self, markdown: str, title: str) -> None:
        super().__init__()
        self.markdown = markdown
        self.sub_title = title

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="preview-scroll"):
            yield SafeMarkdown(self.markdown)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#preview-scroll").focus()

    def action_close(self) -> None:
        self.dismiss()
