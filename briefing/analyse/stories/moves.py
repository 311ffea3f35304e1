"""The editor's moves applied to the machine's story groups (the brief builds on the result;
the editor's other edits are applied to the finished brief by briefing.brief.curation)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from .ids import story_id


def apply_moves(groups: list, moves: dict[str, str], original_of: dict[str, str] | None = None) -> list:
    """Regroup the machine's stories by the editor's moves, keeping the stories' ids.

    `moves` maps an article to an article of the story it should join, as that story is after
    the other moves (a → b and b → c put a and b with c), or to itself for a story of its own.
    A move to an unknown article or to another day is ignored, and so are moves that go round
    in a loop (a → b → a: both stay where the grouping put them). A moved article takes its
    copies (duplicates) along unless they are moved themselves: `original_of` (copy → original)
    says whose copy each is; without it, the copies of a story of one original are its copies,
    and copies left in a story that all its originals left follow the first that left.

    Ids. The editor's edits are keyed by story id, so a move must not rename a story:
    - a story keeps the id of the unmoved group it came from, whatever joins or leaves it, as
      long as any of its articles stays; a story that every article leaves disappears (and
      comes back with its id, and its edits, when one is moved back);
    - an article moved to a story of its own makes a story with the id `story_id(day, its
      articles)`: deterministic, and the id the grouping gives a story of just those articles.
    Edits name their sentences, quotes and figures by article, so an edit made in a story about
    an article that has since left it does nothing, neither there nor in the article's new
    story, and counts again if the article comes back.
    """
    if not moves:
        return groups
    home = {aid: n for n, g in enumerate(groups) for aid in g.article_ids}
    originals = {aid for g in groups for aid in g.originals}
    step = _move_steps(groups, moves, home, originals, original_of or {})
    place = _resolve(step, home)
    arriving: dict[int | str, list[str]] = {}  # a group's index, or the article of a story of its own
    for aid, where in place.items():
        if where != home[aid]:
            arriving.setdefault(where, []).append(aid)
    staying = [[a for a in g.article_ids if place.get(a, n) == n] for n, g in enumerate(groups)]
    for n, g in enumerate(groups):  # copies whose originals all left (whose copies they are is unknown)
        left = [a for a in g.originals if place.get(a, n) != n]
        if left and staying[n] and not any(a in originals for a in staying[n] + arriving.get(n, [])):
            arriving.setdefault(place[left[0]], []).extend(staying[n])
            staying[n] = []
    kept = []
    for n, g in enumerate(groups):
        ids = staying[n] + sorted(arriving.get(n, []))
        if ids:
            kept.append(replace(g, article_ids=ids, originals=[a for a in ids if a in originals] or ids))
    for aid, ids in arriving.items():  # type: ignore[assignment]
        if isinstance(aid, str):
            source, ids = groups[home[aid]], sorted(ids)
            firsts = [a for a in ids if a in originals] or ids
            kept.append(replace(source, article_ids=ids, originals=firsts, id=story_id(source.day, ids, firsts), score=1.0 if len(firsts) == 1 else source.score))
    kept.sort(key=lambda g: (g.day is None, g.day or dt.date.min, g.id))
    return kept


def _move_steps(groups: list, moves: dict[str, str], home: dict[str, int], originals: set[str], original_of: dict[str, str]) -> dict[str, str]:
    """Article → the article whose story it goes to (itself: a story of its own): the editor's
    valid moves, then each copy not moved itself after its original."""
    step = {}
    for aid, anchor in moves.items():
        if aid in home and anchor in home and groups[home[anchor]].day == groups[home[aid]].day:
            step[aid] = anchor
    for n, g in enumerate(groups):
        lone = g.originals[0] if len(g.originals) == 1 else None
        for aid in g.article_ids:
            leader = original_of.get(aid, lone)
            if aid not in step and aid not in originals and leader != aid and home.get(leader) == n:  # type: ignore[arg-type]
                step[aid] = leader  # type: ignore[assignment]
    return step


def _resolve(step: dict[str, str], home: dict[str, int]) -> dict[str, int | str]:
    """Where each article in `step` ends: a group's index, or its own id for a story of its own.
    Loops are broken by leaving their articles at home; order-free."""
    place: dict[str, int | str] = {}
    for start in sorted(step):
        path: list[str] = []
        seen: dict[str, int] = {}
        current = start
        while current not in place:
            target = step.get(current)
            if current in seen:  # a loop: every article on it stays at home
                for aid in path[seen[current]:]:
                    place[aid] = home[aid]
                del path[seen[current]:]
            elif target is None:
                place[current] = home[current]
            elif target == current:
                place[current] = current
            else:
                seen[current] = len(path)
                path.append(current)
                current = target
        for aid in path:
            place[aid] = place[current]
    return place
