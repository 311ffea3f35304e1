"""Word lists of the summary and headline steps (kept apart from the logic that uses them)."""

from __future__ import annotations

from ...ingest.dates import WEEKDAYS

#: First words of a sentence that lean on the sentence before it: personal and demonstrative
#: pronouns (who is "he"?) and connectives (but what came before?).
LEANING_STARTS = frozenset("""
    he she it they his her its their him them this these those
    but and however also yet so still moreover furthermore besides instead nevertheless
    nonetheless thus therefore hence otherwise meanwhile then likewise similarly
""".split())

#: Day names: a headline says what happened, not on which weekday.
DAY_NAMES = tuple(day.title() for day in WEEKDAYS)

#: Verbs of attribution ("X said"): a headline states the news, not who told it.
ATTRIBUTION_VERBS = (
    "said", "says", "told", "tells", "announced", "announces", "reported", "reports", "added", "adds",
    "stated", "states", "noted", "notes", "declared", "declares", "confirmed", "confirms",
)

#: Words that open a preposed adjunct ("After weeks of talks, ...") or a subordinate clause.
ADJUNCT_STARTS = frozenset("""
    after amid as although at before despite during following for from if in on since though
    under until when whereas while with without within because by over earlier later
""".split())

#: Where a clause may be cut off the end of a headline, strongest first.
CLAUSE_WORDS = ("which", "who", "whom", "whose", "where", "while", "whereas", "but", "although", "though",
                "because", "as", "after", "before", "when", "since", "until", "saying", "according", "amid",
                "despite", "following", "that", "if", "unless")  # not "and": it joins names as often as clauses
PREPOSITIONS = ("in", "on", "at", "for", "from", "with", "to", "by", "of", "near", "over", "under", "into",
                "against", "during", "through", "about", "between", "across", "after", "before", "amid")
