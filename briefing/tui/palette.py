"""The command palette (ctrl+p): every action of the desk, jump to a day, switch theme, export.

A day is found by any date dateparser reads ("01 Feb", "1 February 2022", "2022-02-01",
"yesterday"); without a year, by day and month.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

ACTIONS = [
    ("Export day as Markdown", "export", "write brief-YYYY-MM-DD.md"),
    ("Export day as JSON", "export_json", "write brief-YYYY-MM-DD.json"),
    ("Preview day as Markdown", "preview", "the curated brief of the selected day"),
    ("Filter stories and articles", "filter", "show the filter bar"),
    ("Edit headline", "edit_headline", "of the selected story"),
    ("Drop or restore story", "drop_story", "the selected story"),
    ("Re-apply orphaned edits to this story", "reapply_orphans", "edits whose story is gone, listed at load"),
    ("Move story up", "move_story(-1)", "in the selected day"),
    ("Move story down", "move_story(1)", "in the selected day"),
    ("Move article to another story", "move_article", "the article of the selected row"),
    ("Toggle selected row", "toggle_item", "summary sentence in/out; quote or figure pin/drop"),
    ("Open article reader", "open_reader", "the article of the selected row"),
    ("Undo", "undo", "the last curation step"),
    ("Redo", "redo", "the step undone last"),
    ("List edits against the machine's brief", "show_edits", "and the undo history"),
    ("Skipped files and why", "show_skipped", "files that did not become articles"),
    ("Maximise the focused pane", "toggle_maximize", "z again restores"),
    ("Next theme", "next_theme", "cycle the themes"),
    ("Help", "help", "every key"),
    ("Quit", "quit", "leave briefing"),
]


class BriefingCommands(Provider):
    def _commands(self) -> list[tuple[str, object, str]]:
        app = self.app
        commands: list[tuple[str, object, str]] = []
        for name, action, help_text in ACTIONS:
            commands.append((name, partial(app.run_action, action), help_text))
        session = getattr(app, "session", None)
        if session is not None:
            for row in session.day_rows():
                label = row.key if row.date is None else f"{row.date.isoformat()} {row.date.strftime('%A')}"
                commands.append((f"Jump to day {label}", partial(app.jump_to_day, row.key), f"{row.stories} {'story' if row.stories == 1 else 'stories'}"))
        # the briefing themes only: Textual's own are in its "Theme" command already
        for theme in getattr(app, "theme_names", None) or sorted(app.available_themes):
            commands.append((f"Theme: {theme}", partial(app.set_theme, theme), "switch and save the theme"))
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)  # type: ignore[arg-type]

    def _date_hits(self, query: str) -> list[tuple[str, object, str]]:
        """Jump-to-day commands for a query dateparser reads as a date."""
        session = getattr(self.app, "session", None)
        if session is None or not any(ch.isdigit() for ch in query):
            return []
        parsed = parse_day(query)
        if parsed is None:
            return []
        date, has_year = parsed
        hits: list[tuple[str, object, str]] = []
        for row in session.day_rows():
            if row.date and (row.date.month, row.date.day) == (date.month, date.day) and (not has_year or row.date.year == date.year):
                label = f"{row.date.isoformat()} {row.date.strftime('%A')}"
                hits.append((f"Jump to day {label}", partial(self.app.jump_to_day, row.key), f"{row.stories} {'story' if row.stories == 1 else 'stories'}"))
        return hits

    async def search(self, query: str) -> Hits:
        for name, callback, help_text in self._date_hits(query):
            yield Hit(1.0, name, callback, help=help_text)  # type: ignore[arg-type]
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)  # type: ignore[arg-type]


def parse_day(query: str):
    """(date, whether the query named a year) for a query dateparser reads, else None."""
    import re

    import dateparser

    text = query.strip()
    for prefix in ("jump to day", "jump to", "day"):
        if text.lower().startswith(prefix):
            text = text[len(prefix):].strip()
    try:
        parsed = dateparser.parse(text, settings={"REQUIRE_PARTS": ["day", "month"], "PREFER_DAY_OF_MONTH": "first"})
    except Exception:  # dateparser on odd input: no date
        return None
    if parsed is None:
        return None
    return parsed.date(), bool(re.search(r"\b\d{4}\b", text)) or bool(re.search(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b", text))
