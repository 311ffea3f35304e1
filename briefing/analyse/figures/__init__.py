"""Key figures: the numbers in an article together with what they count.

`extract_figures(text)` finds every figure a reader would quote — "more than 130,000 troops",
"about 4,500 such sites" (bomb shelters), "2.5 million people", "250,000-strong military",
"$1.5bn", "3.2%", "one in five", "tens of thousands of troops" — with its parsed value, unit,
qualifier, the counted noun (label), its sentence and its offsets in the text.
`merge_figures` joins the figures of a story's articles, flags disagreements, and ranks them.

Decisions (what is and is not a figure):

* Figures are counts, money, percentages, ratios ("one in five" -> 0.2, "two-thirds" -> 0.667),
  measures (distance, weight, volume, size, price levels, index points) and bare levels
  ("fell 508 points to 1738").
* Vague magnitudes ("thousands of", "tens of thousands of troops", "billions of dollars") are
  figures with `value=None`: they say something about size but no number to compare or rank.
* Spelled-out numbers are figures when they quantify ("three Iranian boats", "five mln
  barrels", "four pct", "at least three", "two more"), not when they refer ("the two sides",
  "all three companies"). "one" alone is never a figure ("one volley", "one of"), only with a
  scale or unit or in a ratio ("one mln shares", "one ct", "one in 10"). "half" is never one.
* Money keeps the stated unit: cents stay cents ("26 cts" -> 26, unit "cents"), pence stay
  pence; scale words multiply ("$1.5bn" -> 1.5e9 USD, "5.5 mln tonnes" -> 5.5e6 tonnes).
* Ranges give one figure per number; the first takes the unit and scale of the second
  ("85-90 mln ton" -> 85e6 and 90e6 tons, "five to 10 cts" -> 5 and 10 cents).
* Never figures: years ("in 2014", "a 2015 peace deal", "end-1986", "1986/87", "1990s"),
  dates ("Feb. 14", "February 13", "14 February", "April 27-29", "July One"), ordinals
  ("16th", "8th, 49th and 58th"), times ("10:30", "1000 GMT", "3 p.m."), durations and ages
  ("six hours", "the last 48 hours", "a 10-year note", "Cyr, 44,", "aged 55", "36-year-old"),
  model and unit names (T-72, T-72B3, MiG-31, Su-34, Mi-26, E95, TOS-1A, Covid-19, 82nd
  Airborne, Courage-2022, Boeing 737 and the list after it, Radio 5, Chapter 11, Section 416),
  vote tallies and scores ("voted 58 to 31", "a 5-0 vote", "majority to 9-8", "3-1"), phone
  numbers, page and reference numbers ("page 3", "No. 2", "band two"), numbers inside URLs,
  e-mail addresses and identifiers, and unit statements ("in thousands of tonnes").

Everything is regular expressions over one sentence at a time (plus the sentence before it to
resolve "such sites"): no model, no download, linear in the text, and it never raises.
"""

# The package: model (Figure, MergedFigure), words (word lists), masks (never figures),
# numbers (number cores), phrases (helpers on words), candidates (expand, qualify, label),
# ranges, rules (named rules on a sentence's figures), extract (extract_figures), merge
# (merge_figures). Every name stays importable from briefing.analyse.figures, the private ones too.

from __future__ import annotations

from .model import (  # noqa: F401
    Figure,
    MergedFigure,
)
from .words import (  # noqa: F401
    _ADJ_DROP,
    _ANY_NUMBER_WORD_WORDS,
    _ATTACHED_SCALES,
    _ATTACHED_UNITS,
    _CURRENCY_SYMBOLS,
    _CURRENCY_WORDS,
    _CUR_RE,
    _FRACTIONS,
    _FUNCTION_CAPS,
    _HARD_VERBS,
    _INCREMENT_QUALIFIERS,
    _IRREGULAR_PLURALS,
    _MEASURE_NOUNS,
    _MEASURE_UNITS,
    _MONTHS,
    _NOT_NOUNS,
    _NP_STOP_EXTRA,
    _NUMBER_WORDS,
    _ORDINAL_WORDS,
    _PRODUCT_SIZES,
    _QUALIFIERS,
    _QUALIFIER_RE,
    _QUALIFIER_WORDS_AFTER,
    _RATE,
    _REFERENCE_WORDS,
    _SCALES,
    _SINGULAR_S,
    _SMALL,
    _STOP,
    _TENS,
    _TIME_UNITS,
    _UNIT_RE,
    _UNIT_WORDS,
    _VERBS,
    _WEEKDAYS,
    _WORD_NUMBER,
    _WordList,
)
from .masks import (  # noqa: F401
    _AGE,
    _DATE,
    _MASKS,
    _NUMERIC_DATE,
    _PHONE,
    _TALLY,
    _TIME,
    _UNIT_STATEMENT,
    _URLISH,
    _YEAR_RANGE,
    _masked,
    _masks,
)
from .numbers import (  # noqa: F401
    _Cand,
    _DIGITS,
    _TOKEN,
    _parse_digits,
    _word_value,
)
from .phrases import (  # noqa: F401
    _ABBREVIATION,
    _NONSPACE_RUN,
    _TRAIL,
    _clean_label,
    _compound_left,
    _is_plural,
    _nounish,
    _np_after,
    _np_before,
    _pluralize,
    _singular,
    _tokens,
    _verbish,
)
from .candidates import (  # noqa: F401
    _A_DOZEN,
    _A_DOZEN_WORDS,
    _BY_THE_END,
    _FRACTION,
    _FRACTION_WORDS,
    _FROM_TO_END,
    _HYPHEN_SCALE,
    _HYPHEN_WORDS,
    _INCH,
    _IN_FOR,
    _LEADING_SCALE,
    _MORE,
    _NOUN_OF_END,
    _NUMERIC_WORD,
    _OF,
    _OF_DETERMINER,
    _OF_NUMBER,
    _OF_THE_PERIOD,
    _ONE_BLANK,
    _PARTITIVE,
    _PEOPLE_AFTER,
    _PLURAL_SOON,
    _RATE_SPLIT,
    _RATIO,
    _SCALE_WORD,
    _SECOND_SCALE,
    _SHORT_SCALE,
    _SPACES,
    _SUFFIX,
    _TWO_DIGITS,
    _VAGUE_MAGNITUDE,
    _VAGUE_WORDS,
    _WORD_BEFORE_END,
    _candidates,
    _expand,
    _label,
    _qualify,
    _resolve_such,
)
from .ranges import (  # noqa: F401
    _AND_GAP,
    _BETWEEN_END,
    _MORE_AFTER,
    _OR_GAP,
    _QUANTIFYING_END,
    _RANGE_GAP,
    _RANGE_OR_GAP,
    _REFERRING_END,
    _apply_ranges,
    _is_spelled_figure,
    _restatements,
)
from .rules import (  # noqa: F401
    _AGE_BEFORE,
    _CAPITAL_AFTER,
    _CLOSES_PARENTHESIS,
    _CONVERSION_GAP,
    _FIGURE_RULES,
    _GLUED_BEFORE,
    _GLUED_IDENTIFIER,
    _HYPHEN_MEASURE,
    _LOWER_WORD_AFTER,
    _MEASURE_END,
    _MINUS_BEFORE,
    _MODEL_HEAD,
    _MULTIPLIER_AFTER,
    _NAME_BEFORE,
    _PLAIN_NUMBER,
    _SCORE_BEFORE,
    _SENTENCE_START_WORD,
    _TIMES_AFTER,
    _WIRE_FRACTION,
    _drop_conversions,
    _drop_frequencies,
    _drop_identifiers,
    _drop_scores_and_ages,
    _hyphen_measures,
    _keep_signs,
    _noun_phrase_head,
    _wire_mixed_numbers,
)
from .extract import (  # noqa: F401
    _ANY_DIGIT,
    _ANY_NUMBER_WORD,
    _CAPITALISED_END,
    _CHUNK,
    _NUMBER_LIST_GAP,
    _REFERENCE_END,
    _drop_identifier_lists,
    _sentence_figures,
    extract_figures,
    figure_records,
)
from .merge import (  # noqa: F401
    _SYNONYMS,
    _WORD,
    _close_pairs,
    _conflict_candidates,
    _content_word,
    _content_words,
    _group_words,
    _head,
    _label_key,
    _merge,
    _round_bonus,
    _same_value,
    _sentence_words,
    _text_words,
    _words,
    merge_figures,
)

__all__ = ["Figure", "MergedFigure", "extract_figures", "figure_records", "merge_figures"]
