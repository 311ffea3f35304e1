"""Messages the widgets and the loading worker send to the app."""

from __future__ import annotations

from textual.message import Message


class LoadProgress(Message):
    """The worker's progress: `stage` is "reading" or "summarising"."""

    def __init__(self, stage: str, done: int, total: int) -> None:
        super().__init__()
        self.stage, self.done, self.total = stage, done, total


class Loaded(Message):
    """The corpus is read and the brief built (or rebuilt after an article move)."""

    def __init__(self, corpus, brief, curation, select: str | None = None) -> None:
        super().__init__()
        self.corpus, self.brief, self.curation, self.select = corpus, brief, curation, select


class LoadFailed(Message):
    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self.error = error


class DayChosen(Message):
    """The cursor moved to a day (key: ISO date or "undated")."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key


class StoryChosen(Message):
    """The cursor moved to a story (None: the list is empty)."""

    def __init__(self, story_id: str | None) -> None:
        super().__init__()
        self.story_id = story_id


class Advance(Message):
    """Enter in a list: go one step deeper (days → stories → story)."""

    def __init__(self, origin: str) -> None:
        super().__init__()
        self.origin = origin


class OpenArticle(Message):
    """Open the reader on an article of a story, at a sentence when known."""

    def __init__(self, story_id: str, article_id: str, sentence: int | None = None) -> None:
        super().__init__()
        self.story_id, self.article_id, self.sentence = story_id, article_id, sentence
