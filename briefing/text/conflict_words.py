"""Words for telling what a counted figure is about, for flagging conflicting figures.

OUTCOMES maps the words news uses for what happened to the people (or things) counted to one
class, so "60 killed", "65 dead" and "the death toll rose to 62" are one counted thing.
LOWER_BOUNDS and UPPER_BOUNDS are qualifiers that make two different values agree ("at least
60" and "65"). General English, not taken from any one article.
"""

from __future__ import annotations

OUTCOMES: dict[str, str] = {
    **dict.fromkeys("killed kill kills killing dead died die dies dying death deaths toll lives perished "
                    "fatalities fatal".split(), "dead"),
    **dict.fromkeys("injured injuring injures injury injuries wounded wounding hurt hospitalized "
                    "hospitalised casualties".split(), "injured"),
    **dict.fromkeys("missing unaccounted disappeared".split(), "missing"),
    **dict.fromkeys("arrested arrests arrest detained detentions detained held jailed".split(), "arrested"),
    **dict.fromkeys("evacuated evacuation evacuations displaced fled homeless".split(), "displaced"),
    **dict.fromkeys("rescued saved".split(), "rescued"),
}

# Head nouns that count people in general: "60 people killed", "65 dead", "162 others injured".
PEOPLE = frozenset("people persons person others victims dead casualties fatalities".split())

LOWER_BOUNDS = ("at least", "more than", "over", "upwards of", "in excess of", "no fewer than", "no less than")
UPPER_BOUNDS = ("up to", "fewer than", "less than", "nearly", "almost", "under", "as many as", "no more than")
INCREMENTS = ("an extra", "a further", "another", "an additional", "additional", "further")
