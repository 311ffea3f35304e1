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
        ("↑ ↓  j k  g G  PgUp PgDn", "move in a list (g G: first, last)"),
        ("enter  →  double click", "go deeper: day → stories → story → article reader (a click selects)"),
        ("escape  ←", "go back"),
        ("tab  shift+tab", "next / previous pane"),
        ("z", "maximise the focused pane, or restore it"),
    ]),
    ("Curate (saved at once)", [
        ("space", "summary sentence in/out; quote or figure: pin → drop → normal"),
        ("space (reader)", "take a sentence of the article into the summary, or out"),
        ("h", "edit the headline (empty: the machine's)"),
        ("d", "drop the story from the brief, or restore it"),
        ("[  ]  shift+↑ shift+↓", "move the story up / down the day"),
        ("m", "move the selected article to another story of the same day"),
        ("u  ctrl+z  ctrl+y", "undo, redo a curation step"),
        ("U", "the edits against the machine's brief, and the undo history"),
    ]),
    ("Brief", [
        ("e", "export dialog: format, path; write, copy to clipboard, open in $EDITOR"),
        ("p", "preview the curated day as Markdown"),
        ("/", "filter stories and articles (escape clears)"),
        ("i (reader)", "what was removed as boilerplate, where the date came from"),
        ("s", "skipped files and why"),
        ("ctrl+p", "command palette: jump to a day (any date form), themes, export"),
        ("t", "next theme (named as chosen)"),
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
