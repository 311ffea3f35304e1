"""`?`: every key of the desk, by screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Navigate", [
        ("↑ ↓  PgUp PgDn  Home End", "move in a list"),
        ("enter  →", "go deeper: day → stories → story → article reader"),
        ("escape  ←", "go back"),
        ("tab  shift+tab", "next / previous pane"),
    ]),
    ("Curate (saved at once)", [
        ("space", "summary sentence in/out; quote or figure: pin → drop → normal"),
        ("space (reader)", "take a sentence of the article into the summary, or out"),
        ("h", "edit the headline (empty: the machine's)"),
        ("d", "drop the story from the brief, or restore it"),
        ("[  ]  shift+↑ shift+↓", "move the story up / down the day"),
        ("m", "move the selected article to another story of the same day"),
    ]),
    ("Brief", [
        ("e", "export the selected day as Markdown (brief-YYYY-MM-DD.md)"),
        ("p", "preview the curated day as Markdown"),
        ("/", "filter stories and articles (escape clears)"),
        ("i (reader)", "what was removed as boilerplate, where the date came from"),
        ("ctrl+p", "command palette: jump to a day, themes, export Markdown, JSON"),
        ("t", "next theme"),
        ("?", "this help"),
        ("q", "quit"),
    ]),
]


def help_content() -> Content:
    """The keys in a column as wide as the longest plus two spaces, so none runs into its text."""
    width = max(len(key) for _, keys in KEYS for key, _ in keys)
    parts: list = []
    for section, keys in KEYS:
        if parts:
            parts.append("\n")
        parts += [(section, "bold $secondary"), "\n"]
        for key, what in keys:
            parts += [(f"  {key:<{width}}", "bold $accent"), "  ", what, "\n"]
    return Content.assemble(*parts)


class HelpScreen(ModalScreen):
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("question_mark", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "escape to close"
            yield Static(help_content(), id="help-text", markup=False)

    def action_close(self) -> None:
        self.dismiss()
