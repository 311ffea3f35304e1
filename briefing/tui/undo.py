"""Undo and redo of every curation step (`u` / ctrl+z, ctrl+y), and `U`: the editor's edits
against the machine's brief, as a list.

A step is a snapshot of the curation's edits taken before the change (plain data: the story
edits, the order of each day, the article moves, the anchors). Undo puts the snapshot back
into the live `Curation` (its revision stays the store's, so saving is never a conflict) and
keeps the state it replaced for redo. No Textual here but the `EditsScreen` at the bottom.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ..brief.curation import Curation
from .text import safe

LIMIT = 500  # steps kept; the oldest go first


@dataclass
class Snapshot:
    stories: dict
    order: dict
    moves: dict
    anchors: dict

    @classmethod
    def of(cls, curation: Curation) -> Snapshot:
        return cls(
            copy.deepcopy(curation.stories),
            copy.deepcopy(curation.order),
            dict(curation.moves),
            copy.deepcopy(curation.anchors),
        )

    def restore(self, curation: Curation) -> bool:
        """Put this state into `curation`; True when the article moves changed (regroup)."""
        regroup = curation.moves != self.moves
        curation.stories = copy.deepcopy(self.stories)
        curation.order = copy.deepcopy(self.order)
        curation.moves = dict(self.moves)
        curation.anchors = copy.deepcopy(self.anchors)
        return regroup


@dataclass
class Step:
    label: str
    before: Snapshot
    after: Snapshot | None = None


class UndoStack:
    """Steps done (undoable) and undone (redoable); a new step clears the redo side."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.done: list[Step] = []
        self.undone: list[Step] = []
        self.limit = limit

    def record(self, label: str, before: Snapshot) -> None:
        self.done.append(Step(label, before))
        del self.done[: -self.limit]
        self.undone.clear()

    def undo(self, curation: Curation) -> tuple[Step, bool] | None:
        if not self.done:
            return None
        step = self.done.pop()
        step.after = Snapshot.of(curation)
        regroup = step.before.restore(curation)
        self.undone.append(step)
        return step, regroup

    def redo(self, curation: Curation) -> tuple[Step, bool] | None:
        if not self.undone:
            return None
        step = self.undone.pop()
        assert step.after is not None
        before = Snapshot.of(curation)
        regroup = step.after.restore(curation)
        self.done.append(Step(step.label, before))
        return step, regroup


def describe_edits(session) -> list[tuple[str, list[str]]]:
    """Every edit of the curation against the machine's brief: (story headline, changes)."""
    curation = session.curation
    out: list[tuple[str, list[str]]] = []
    for story_id, edits in curation.stories.items():
        if edits.is_empty():
            continue
        raw = session._raw.get(story_id)
        title = raw.headline if raw else f"(story {story_id} — not in this brief)"
        lines = []
        if edits.dropped:
            lines.append("dropped from the brief")
        if edits.headline:
            lines.append(f"headline: “{edits.headline}”")
        for label, items in (
            ("summary sentence left out", edits.excluded),
            ("sentence pulled into the summary", edits.included),
            ("quote pinned", edits.pinned_quotes),
            ("quote dropped", edits.dropped_quotes),
            ("figure pinned", edits.pinned_figures),
            ("figure dropped", edits.dropped_figures),
        ):
            for article, what in items:
                text = session.sentence(article, what) if isinstance(what, int) else what
                text = text or f"sentence {what}"
                lines.append(f"{label}: {text[:100]}{'…' if len(text) > 100 else ''}")
        out.append((title, lines))
    for day, ids in curation.order.items():
        if ids:
            out.append((f"Day {day}", [f"stories put in the editor's order ({len(ids)})"]))
    for article_id in curation.moves:
        article = session.articles.get(article_id)
        name = (article.title or article.path) if article else article_id
        out.append((f"Article {name}", ["moved to another story"]))
    return out


def edits_content(session, stack: UndoStack) -> Content:
    parts: list = []
    listed = describe_edits(session)
    if not listed:
        parts.append(("No edits: the brief is the machine's.", "$text-muted"))
    for title, lines in listed:
        parts += [safe(title, "bold $secondary"), "\n"]
        for line in lines:
            parts += ["  · ", safe(line), "\n"]
    parts += ["\n", ("Undo history (newest first)", "bold $secondary"), "\n"]
    if not stack.done:
        parts.append(("  nothing to undo", "$text-muted"))
    for step in reversed(stack.done[-30:]):
        parts += ["  ", safe(step.label), "\n"]
    return Content.assemble(*parts)


class EditsScreen(ModalScreen):
    """`U`: the edits against the machine's brief and the undo history."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("U", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
    ]

    def __init__(self, content: Content) -> None:
        super().__init__()
        self.content = content

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="edits-box") as box:
            box.border_title = "Edits against the machine's brief"
            box.border_subtitle = "u undo · ctrl+y redo · escape close"
            yield Static(self.content, id="edits-text", markup=False)

    def action_close(self) -> None:
        self.dismiss()
