"""The command palette (ctrl+p): every action of the desk, jump to a day, switch theme, export."""

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
                commands.append((f"Jump to day {label}", partial(app.jump_to_day, row.key), f"{row.stories} stories"))
        for theme in sorted(app.available_themes):
            commands.append((f"Theme: {theme}", partial(app.set_theme, theme), "switch and save the theme"))
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)  # type: ignore[arg-type]
