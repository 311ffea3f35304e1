"""The living brief's extras: what is new since the last brief, and a running story's timeline.

Format-neutral: each function returns plain dicts (the JSON fields) or lines of prose, which
the format-neutral view turns into sections (`formats/view.py`: `since_last_section`,
`timeline_section`), so every format (Markdown, HTML, Slack, text) shows them. Nothing here knows about Textual.

**Since the last brief.** Every export records, per corpus (in the user data folder, beside
the curation: `exports/<corpus key>.json`), what each story contained: its articles, its
figures (text, value, what it counts) and its quotes. `since_last_marks` compares a brief to
that record: a story is *new* when neither its id nor any of its articles was in it; else it
is marked with the articles that joined it, the figures whose value changed ("dead 60 → 65"),
the new figures and the new quotes. A story with none of these is unmarked. Nothing recorded
yet: every story is new.

**Timeline.** A thread (the same running story on several days, `stories.threads`) gets, on
its story of the latest day, one entry per day: the day's headline, the figures that day
brought (a value not given on an earlier day), and the thread's *key figure* — the counted
thing (`figure_conflicts.counted_thing`: dead, injured, missing…) told on most days — with its
change from the previous day that gave it.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
import threading
from contextlib import contextmanager
from pathlib import Path

from ..core.atomic import write_atomic
from ..text.conflict_words import INCREMENTS
from ..analyse.figure_conflicts import _older_event, counted_thing
from ..core.heap import frozen_heap

RECORD_VERSION = 1
OUTCOME_ORDER = ("dead", "injured", "missing", "displaced", "rescued", "arrested")


# ---------------------------------------------------------------- shared helpers


class _Memo(threading.local):
    whats: dict | None = None  # (label, text, sentence) -> what, while an export computes its extras


_memo = _Memo()


@contextmanager
def _remembering(whats: dict):
    """Within: `_what` reads and fills `whats` (this thread only). An export asks what each
    figure counts for its timelines and again for its record: once is enough (on Reuters,
    280,000 asks of 155,000 figures, serial in the main process)."""
    before, _memo.whats = _memo.whats, whats
    try:
        yield
    finally:
        _memo.whats = before


def _what(figure) -> str:
    """What a figure counts: its counted thing, else its label (lower case)."""
    known = getattr(figure, "counts", None)  # a story's FigureLine: found by the story stage
    if known is not None:
        return known
    whats = _memo.whats
    if whats is None:
        return _what_now(figure)
    key = (figure.label, figure.text, figure.sentence)  # all _what_now reads
    found = whats.get(key)
    if found is None:
        found = whats[key] = _what_now(figure)
    return found


def _what_now(figure) -> str:
    return _what_of(figure.label or "", figure.text, figure.sentence or "")


@functools.lru_cache(maxsize=200_000)
def _what_of(label: str, text: str, sentence: str) -> str:
    """`_what` of a figure's three strings: a pure function, remembered (a watch asks it of
    every figure of the folder each round)."""
    try:
        found = counted_thing(label, text, sentence)
    except Exception:  # a malformed figure never stops a brief
        found = None
    return found or label.strip().lower()


def _countable(figure) -> bool:
    value = figure.value
    return value is not None and value == value and not figure.text.lower().startswith(INCREMENTS)


def number(value: float) -> str:
    """60.0 → "60", 2500000.0 → "2,500,000", 2.5 → "2.5"."""
    if value is None:
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}"


def _quote_key(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", text.lower().replace("’", "'")))


# ---------------------------------------------------------------- since the last brief


def records_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("briefing")) / "exports"


def record_path(root: str | Path, directory: Path | None = None) -> Path:
    key = hashlib.sha256(str(Path(root).resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return (directory or records_dir()) / f"{key}.json"


def story_snapshot(story) -> dict:
    """What the record keeps of a story."""
    return {
        "articles": list(story.articles),
        "figures": [{"text": f.text, "value": f.value, "what": _what(f)} for f in story.figures],
        "quotes": [q.text for q in story.quotes],
    }


def load_record(root: str | Path, directory: Path | None = None) -> dict | None:
    """The stories the last export of this corpus contained ({id: snapshot}), or None when
    nothing was recorded (or the record is unreadable: then everything counts as new)."""
    path = record_path(root, directory)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    stories = data.get("stories") if isinstance(data, dict) else None
    if not isinstance(stories, dict):
        return None
    return {sid: s for sid, s in stories.items() if isinstance(s, dict) and isinstance(s.get("articles"), list)}


def save_record(brief, root: str | Path, directory: Path | None = None) -> Path:
    """Record what this brief contains (atomically). Stories of days outside this export stay
    recorded as they were."""
    path = record_path(root, directory)
    stories = load_record(root, directory) or {}
    days = {d.date.isoformat() for d in brief.days}
    current = {s.id: story_snapshot(s) | {"day": s.day.isoformat() if s.day else None} for s in brief.stories()}
    # a story of an exported day that is gone now (merged, removed) is no longer recorded
    stories = {sid: s for sid, s in stories.items() if s.get("day") not in days or sid in current}
    stories.update(current)
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"version": RECORD_VERSION, "corpus": str(Path(root).resolve()), "stories": dict(sorted(stories.items()))}
    write_atomic(path, _record_json(document) + "\n")
    return path


_INDENT = re.compile(r"\n( +)")


def _record_json(document: dict) -> str:
    """`json.dumps(document, ensure_ascii=False, indent=1)`, the same text, written by orjson
    (indenting turns the standard library's C encoder off: 2 s for a Reuters record, serial at
    the end of an export). orjson indents by two: every line's indent is halved (a string
    holds no raw newline). Where orjson would spell something differently (1e16 for 1e+16,
    null for NaN) the compact texts of the two differ, and the standard library writes it."""
    import orjson

    try:
        compact = orjson.dumps(document)
    except TypeError:  # orjson.JSONEncodeError: beyond 64-bit integers, lone surrogates
        compact = None
    if compact is None or compact.decode("utf-8") != json.dumps(document, ensure_ascii=False, separators=(",", ":")):
        return json.dumps(document, ensure_ascii=False, indent=1)
    text = orjson.dumps(document, option=orjson.OPT_INDENT_2).decode("utf-8")
    return _INDENT.sub(lambda m: "\n" + m.group(1)[: len(m.group(1)) // 2], text)


def since_last_marks(brief, record: dict | None, memo=None) -> dict[str, dict]:
    """Story id → its marks against `record` (see the module docstring); unmarked stories are
    left out. `record` None: every story is new. `memo` (a watch's `incremental.RoundMemo`)
    keeps the marks of a story object against a recorded entry from round to round."""
    marks: dict[str, dict] = {}
    owner: dict[str, str] = {}
    if record:
        for sid, snap in record.items():
            for aid in snap.get("articles", []):
                owner.setdefault(aid, sid)
    for story in brief.stories():
        if record is None:
            marks[story.id] = {"new": True}
            continue
        before = record.get(story.id)
        if before is None:
            ids = sorted({owner[a] for a in story.articles if a in owner})
            if not ids:
                marks[story.id] = {"new": True}
                continue
            before = _joined([record[i] for i in ids])
        found = story_changes(story, before) if memo is None else memo.changes(story, before, story_changes)
        if found:
            marks[story.id] = found
    return marks


def _joined(snapshots: list[dict]) -> dict:
    return {
        "articles": [a for s in snapshots for a in s.get("articles", [])],
        "figures": [f for s in snapshots for f in s.get("figures", []) if isinstance(f, dict)],
        "quotes": [q for s in snapshots for q in s.get("quotes", []) if isinstance(q, str)],
    }


def story_changes(story, before: dict) -> dict:
    """The marks of a story that was in the last brief as `before` ({} when nothing changed)."""
    old_articles = set(before.get("articles", []))
    new_articles = [a for a in story.articles if a not in old_articles]
    old_figures = [f for f in before.get("figures", []) if isinstance(f, dict)]
    old_texts = {f.get("text") for f in old_figures}
    old_values: dict[str, list] = {}
    for f in old_figures:
        if f.get("value") is not None:
            old_values.setdefault(f.get("what") or "", []).append(f["value"])
    changed, new_figures, seen_what = [], [], set()
    for figure in story.figures:
        what = _what(figure)
        if figure.text in old_texts:
            seen_what.add(what)
            continue
        was = old_values.get(what)
        if (what not in seen_what and was and _countable(figure) and what in _COUNTED and figure.value not in was):
            changed.append({"what": what, "was": was[0], "now": figure.value, "text": figure.text})
            seen_what.add(what)
        elif figure.value not in (was or []) or figure.value is None:
            new_figures.append(figure.text)
    old_quotes = [_quote_key(q) for q in before.get("quotes", []) if isinstance(q, str)]
    from .build import _same_quote

    new_quotes = [q.text for q in story.quotes if not any(_same_quote(_quote_key(q.text), k) for k in old_quotes)]
    found: dict = {}
    if new_articles:
        found["new_articles"] = new_articles
    if changed:
        found["changed_figures"] = changed
    if new_figures:
        found["new_figures"] = new_figures
    if new_quotes:
        found["new_quotes"] = new_quotes
    return found


class _Counted:
    """Counted things worth a "was → now" line: outcomes (dead, injured…) and anything a
    participle says happened to ("massed (troops)"); bare labels ("capital") are not."""

    def __contains__(self, what: str) -> bool:
        head = what.split(" (")[0]
        return head in OUTCOME_ORDER or " (" in what or head.endswith("ed")


_COUNTED = _Counted()


def change_text(change: dict) -> str:
    return f"{change['what']} {number(change['was'])} → {number(change['now'])}"


def marks_summary(mark: dict) -> str:
    """One line of plain text (to be escaped by the renderer) saying what a mark holds."""
    if mark.get("new"):
        return "New since the last brief"
    parts = []
    if mark.get("new_articles"):
        n = len(mark["new_articles"])
        parts.append(f"{n} new article{'s' if n != 1 else ''}")
    parts += [change_text(c) for c in mark.get("changed_figures", [])]
    if mark.get("new_figures"):
        parts.append("new figures: " + ", ".join(mark["new_figures"][:5]))
    if mark.get("new_quotes"):
        n = len(mark["new_quotes"])
        parts.append(f"{n} new quote{'s' if n != 1 else ''}")
    return "Since the last brief: " + "; ".join(parts)


# ---------------------------------------------------------------- timeline


def timelines(brief, memo=None) -> dict[str, list[dict]]:
    """Story id → its thread's timeline, on the most important story of each running thread's
    latest day (threads on one day only get none). Entries oldest first. `memo` (a watch's
    `incremental.RoundMemo`) keeps the timelines of threads no change touched."""
    years = {a.id: a.date.year if a.date else None for a in brief.corpus.articles}
    texts = {a.id: a.text for a in brief.corpus.articles}
    by_thread: dict[str, list] = {}
    for day in brief.days:
        for story in day.stories:  # most important first within a day
            by_thread.setdefault(story.thread, []).append(story)
    out: dict[str, list[dict]] = {}
    for stories in by_thread.values():
        days = sorted({s.day for s in stories})
        if len(days) < 2:
            continue
        per_day = {d: [s for s in stories if s.day == d] for d in days}
        make = functools.partial(thread_timeline, per_day, brief.settings.figures, years, texts)
        out[per_day[days[-1]][0].id] = make() if memo is None else memo.timeline(per_day, brief.settings.figures, make)
    return out


def key_figure(per_day: dict[dt.date, list], years: dict | None = None) -> str | None:
    """The thread's key figure: of the counted things told on at least two days, the outcome
    (dead, injured…) told on most days, else the counted thing told on most days; None when
    no counted thing recurs."""
    days_of: dict[str, set] = {}
    for day, stories in per_day.items():
        for story in stories:
            for figure in story.figures:
                if _countable(figure) and _about_today(figure, years or {}):
                    days_of.setdefault(_key_of(_what(figure)), set()).add(day)
    recurring = [w for w in days_of if len(days_of[w]) >= 2 and w in _COUNTED]  # a change needs two days
    outcomes = [w for w in recurring if w in OUTCOME_ORDER]
    if outcomes:
        return min(outcomes, key=lambda w: (-len(days_of[w]), OUTCOME_ORDER.index(w)))
    return min(recurring, key=lambda w: (-len(days_of[w]), w)) if recurring else None


_PARTITIVE = re.compile(
    r"\s+(?:of\s+(?:the|those|these)\s+(?:dead|victims|injured|wounded|casualties|bodies|missing|killed)\b"
    r"|(?:more|fewer|less)\s+than\b)", re.I)  # "18 of the dead", "29 more than last winter"


def _about_today(figure, years: dict) -> bool:
    """Not a key-figure value: an older event's toll (its sentence names another year: "in 1978,
    when 20 people died") or a part of the counted group ("18 of the dead had been identified")."""
    if _older_event(figure.sentence or "", years.get(figure.article)):
        return False
    at = (figure.sentence or "").find(figure.text)
    return at < 0 or not _PARTITIVE.match(figure.sentence[at + len(figure.text):])


def day_value(stories: list, what: str, years: dict | None = None, texts: dict | None = None):
    """The key figure on one day, as (value, text). In the day's most important story that
    gives it, each article's *lead* value: the figure it tells earliest (news leads with the
    current toll: "killing 60 people" in the first sentence, "police earlier had reported 65"
    further down), the larger of two in one sentence ("two youths died, bringing the toll to
    62"). The day's value is the one most articles lead with; a tie goes to the larger (tolls
    are revised upwards as bodies are found). A bound ("at least 60") counts as its number."""
    texts = texts or {}
    for story in stories:
        leads: dict[str, tuple] = {}
        for f in story.figures:
            if not (_countable(f) and _key_of(_what(f)) == what and _about_today(f, years or {})):
                continue
            for aid in [f.article, *f.also_in]:
                at = _told_at(texts.get(aid) or "", f)
                if aid not in leads or (at, -f.value) < leads[aid][:2]:
                    leads[aid] = (at, -f.value, f)
        if leads:
            votes: dict[float, list] = {}
            for _, _, f in leads.values():
                votes.setdefault(f.value, []).append(f)
            value = max(votes, key=lambda v: (len(votes[v]), v))
            return value, votes[value][0].text
    return None


def _told_at(text: str, figure) -> int:
    """Where an article tells a figure: its sentence, else (a copy worded a little differently)
    the figure's own words; never found: last."""
    at = text.find(figure.sentence) if figure.sentence else -1
    if at < 0:
        at = text.find(figure.text)
    return at if at >= 0 else 1 << 30


def _key_of(what: str) -> str:
    """An outcome counted of anything ("dead (temperatures)": the toll the cold took) is that outcome."""
    head = what.split(" (")[0]
    return head if head in OUTCOME_ORDER else what


def thread_timeline(per_day: dict[dt.date, list], new_figures: int = 5, years: dict | None = None, texts: dict | None = None) -> list[dict]:
    """One entry per day (oldest first): date, story id, headline, new figures, key figure."""
    what = key_figure(per_day, years)
    seen: set[tuple] = set()
    previous = None
    entries = []
    for day in sorted(per_day):
        stories = per_day[day]
        fresh: list[str] = []
        for story in stories:
            for figure in story.figures:
                key = figure.value if figure.value is not None else figure.text.lower()  # a number told before is not new
                if key not in seen:
                    seen.add(key)
                    if len(fresh) < new_figures:
                        fresh.append(figure.text)
        entry = {"date": day.isoformat(), "story": stories[0].id, "headline": stories[0].headline, "new_figures": fresh}
        if what:
            found = day_value(stories, what, years, texts)
            if found is not None:
                value, text = found
                entry["key_figure"] = {
                    "what": what, "value": value, "text": text,
                    "previous": previous, "change": None if previous is None else value - previous,
                }
                previous = value
        entries.append(entry)
    return entries


def timeline_line(entry: dict) -> str:
    """One entry as plain text (the renderer escapes it)."""
    day = dt.date.fromisoformat(entry["date"]).strftime("%-d %b")
    parts = [f"{day}: {entry['headline']}"]
    key = entry.get("key_figure")
    if key:
        if key["previous"] is None or key["previous"] == key["value"]:
            parts.append(f"{key['what']} {number(key['value'])}")
        else:
            parts.append(f"{key['what']} {number(key['previous'])} → {number(key['value'])}")
    if entry["new_figures"]:
        parts.append("new: " + ", ".join(entry["new_figures"]))
    return " — ".join(parts)


# ---------------------------------------------------------------- hooks for the renderers


def attach(brief, marks: dict[str, dict] | None = None, recorded: bool = True, memo=None) -> None:
    """Compute the extras a renderer shows and keep them on the brief (`brief.extras`):
    timelines always, since-last marks when given (`recorded`: was there a record)."""
    brief.extras = {"timelines": timelines(brief, memo), "marks": marks, "recorded": recorded}


def extras_of(brief) -> dict:
    found = getattr(brief, "extras", None)
    if found is None:
        attach(brief)
        found = brief.extras
    return found


def add_json(document: dict, brief) -> dict:
    """The additive JSON fields: `timeline` on a running story, `since_last` when asked
    (`{"new": true}` or its changes; `{}` for an unchanged story), and the brief's
    `since_last` summary (`{"recorded": bool, "marked": n}`)."""
    extras = extras_of(brief)
    for section in [*(d["stories"] for d in document["days"]), document["undated"]]:
        for item in section:
            item.update(story_json_extras(item["id"], extras))
    document.update(brief_json_extras(extras))
    return document


def story_json_extras(story_id: str, extras: dict) -> dict:
    """A story's additive JSON fields (`add_json`), in their order: timeline, since_last."""
    found: dict = {}
    entries = extras["timelines"].get(story_id)
    if entries:
        found["timeline"] = entries
    marks = extras.get("marks")
    if marks is not None:
        found["since_last"] = marks.get(story_id, {})
    return found


def brief_json_extras(extras: dict) -> dict:
    """The brief's additive JSON field (`add_json`): its since_last summary when marked."""
    marks = extras.get("marks")
    return {} if marks is None else {"since_last": {"recorded": extras.get("recorded", True), "marked": len(marks)}}


def prepare_export(brief, root, since_last: bool):
    """For `briefing export`: attach the extras (with marks when `since_last`) and return the
    function that records this export once it is written (a failed write records nothing)."""
    marks = None
    recorded = True
    whats: dict = {}  # what each figure counts: asked by the marks, the timelines and the record
    # the brief is millions of objects the collector's full passes would walk (1.3 s on Reuters)
    with frozen_heap(), _remembering(whats):
        if since_last:
            record = load_record(root)
            recorded = record is not None
            marks = since_last_marks(brief, record)
        attach(brief, marks, recorded)

    def record_it() -> None:
        try:
            with frozen_heap(), _remembering(whats):
                save_record(brief, root)
        except OSError as error:  # the brief is written; only "since last" will be off
            import sys

            print(f"briefing: could not record this export for --since-last: {error}", file=sys.stderr)

    return record_it


def new_count(marks: dict[str, dict] | None) -> int:
    """How many stories are marked (the desk's "N new")."""
    return len(marks or {})
