"""The stories of the selected day: headline, number of sources, duplicates, dropped ones struck."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from .clicks import ClickSelects
from ..brief.build import Story
from .living import since_last_label
from .messages import Advance, StoryChosen
from .session import Session
from .highlight import mark_matches
from .text import safe


def story_label(session: Session, story: Story, number: int) -> Content:
    dropped = session.is_dropped(story.id)
    sources = session.sources(story)
    duplicates = session.duplicates(story)
    edited = not session.edits(story.id).is_empty() and not dropped
    marker = ("✗ ", "$error") if dropped else (("✎ ", "$accent") if edited else "  ")
    headline = mark_matches(safe(story.headline), session.query)
    if dropped:
        headline = headline.stylize("strike $text-muted")
    meta = f"{sources} source{'s' if sources != 1 else ''}"
    parts: list = [marker, (f"{number:>2}. ", "$text-muted"), headline, "\n     ", (meta, "$text-muted")]
    if duplicates:
        parts += ["  ", (f"+{duplicates} duplicate{'s' if duplicates != 1 else ''}", "$warning")]
    if dropped:
        parts += ["  ", ("dropped", "$error")]
    new = since_last_label(session, story)
    if new:
        parts[:1] = [marker, new]
    return Content.assemble(*parts)


class StoriesList(ClickSelects, OptionList):
    """One option per story of a day (id: the story id)."""

    BORDER_TITLE = "Stories"
    BINDINGS = [
        Binding("shift+up", "app.move_story(-1)", "Move up", show=False),
        Binding("shift+down", "app.move_story(1)", "Move down", show=False),
        Binding("right", "advance", "Story", show=False),
        Binding("left", "app.back", "Days", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self.day: str | None = None
        self._cache: dict[tuple, Option] = {}
        self._session: Session | None = None

    def _option(self, session: Session, story: Story, number: int) -> Option:
        """The option of a story, reused while its label is unchanged: an OptionList keeps the
        rendering and the height of an option it has seen, so a day of 1,500 stories redraws
        after an edit in a fraction of the time it takes to lay it out afresh."""
        edits = session.edits(story.id)
        # the articles, not only how many: a story keeps its id when articles move in or out
        key = (story.id, number, story.headline, edits.dropped, edits.is_empty(), tuple(story.articles), since_last_label(session, story), session.query)
        option = self._cache.get(key)
        if option is None:
            option = self._cache[key] = Option(story_label(session, story, number), id=story.id)
        return option

    def show(self, session: Session, day: str, keep: str | None = None) -> None:
        stories = session.stories(day)
        current = keep or (self.current if day == self.day else None)
        if session is not self._session or len(self._cache) > 20_000:
            self._cache, self._session = {}, session
        self.day = day
        self.set_options([self._option(session, s, n) for n, s in enumerate(stories, start=1)])
        ids = [s.id for s in stories]
        if ids:
            self.highlighted = ids.index(current) if current in ids else 0
        else:
            self.post_message(StoryChosen(None))
        total = len(session.stories(day, filtered=False))
        self.border_subtitle = f"{len(ids)} of {total}" if session.query else f"{total} {'story' if total == 1 else 'stories'}"

    @property
    def current(self) -> str | None:
        option = self.highlighted_option
        return option.id if option else None

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(StoryChosen(event.option.id))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(Advance("stories"))

    def action_advance(self) -> None:
        self.post_message(Advance("stories"))
