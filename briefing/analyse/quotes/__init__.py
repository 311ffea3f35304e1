"""Direct quotations and who said them.

`extract_quotes(text)` finds every stretch of text between quote marks, in reading order, and
attributes it to a speaker. It works on clean article text (paragraphs separated by blank
lines) with rules only: no model, nothing downloaded.

Marks. Every mark news uses is read: “ ” „ « » " '' `` (the double family) and ‘ ’ ' `
(the single family). Each mark is classed by what surrounds it: a mark after a space (or
at a paragraph start, or after a bracket or dash) and before a word can open; a mark after a
word and before a space or punctuation can close; a single mark between two letters is an
apostrophe (can't, Russia's). Curly marks only break ties, so typos such as a closing “ still
close. Marks of either family pair with any mark of the same family, so a "…'' pair works.
Pairing uses a stack per paragraph: a closing mark closes the nearest open mark of its
family; a quote left open at the end of a paragraph is kept (to the end of the paragraph)
when the next paragraph opens again with a mark of its family (a quote that runs on over
paragraphs) or when it opened the paragraph; any other open mark is dropped, and the quotes
found inside it are promoted. Quotes inside quotes are not reported on their own.

Speakers. For each quote we look, in the sentence around it, after the quote first
(`"…," Lavrov said`, `"…," said Karine Jean-Pierre, the…`, `"…," he told reporters`,
`"…," according to X`), then before it (`Lavrov said: "…"`, `X added that "…"`,
`X said Europe is "on the edge…"`, participles such as `, adding that "…"` take the clause's
subject). A quote with no attribution takes the speaker of the quote before it in the same
paragraph, or, when it opens its paragraph, the speaker of the previous paragraph (a quoted
speaker, or the subject of a reporting verb there). What was written ("she", "Lavrov",
"the foreign minister") is kept in `speaker_as_written`; `speaker` is the fullest name the
article gives: surnames and names with titles are looked up among the article's names,
descriptions ("the foreign minister") among the titles and appositions written next to
names, pronouns ("he", "she") go to the last person named before them whose gender (from
honorifics, role words and a list of first names) does not clash. Groups and anonymous
sources that no name in the article answers to keep the text's own description as speaker
("a source", "officials", "the general staff"): that is what the article attributes the
quote to, and it is never a guessed name. A relative pronoun alone ("who") gives no speaker.

Short quotes (fewer than three words) and unattributed quotes of fewer than six words are
flagged `fragment` (scare quotes, names of things: "endless talks").

`canonical_speaker(names)` merges spellings of one person across articles (Sergey/Sergei
Lavrov, Zelensky/Zelenskyy, Lavrov -> Sergey Lavrov).

Everything is linear in the text (bounded windows around each quote) and never raises.
"""

# The package: model (Quote), words (word lists), marks (pairing), phrases (tokens, noun
# phrases), names (the article's names), speakers (attribution handlers), extract
# (extract_quotes), canonical (one name per person across articles). Every name stays
# importable from briefing.analyse.quotes, the private ones too (tests and benches read some).

from __future__ import annotations

from .model import (  # noqa: F401
    Quote,
)
from .words import (  # noqa: F401
    DEMONYMS,
    DETERMINERS,
    HONORIFICS,
    ORG_WORDS,
    PERSON_ROLES,
    PRONOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
    _ABBREV_TOKEN,
    _AMBIGUOUS_FORMS,
    _BEFORE_ONLY,
    _CAP_STOP,
    _CLOSE_DIR,
    _CLOSE_NEXT,
    _DOUBLE,
    _INTRO_WORDS,
    _INVERTING,
    _IRREGULAR,
    _LEAD_WORDS,
    _MODALS,
    _NAME_CONNECTORS,
    _NAME_SUFFIXES,
    _NEEDS_PARTICLE,
    _NP_INSIDE,
    _OPEN_DIR,
    _OPEN_PREV_DOUBLE,
    _OPEN_PREV_SINGLE,
    _PLACE_START,
    _QUOTE_CHARS,
    _RELATIVE,
    _ROLE_GENDER,
    _ROLE_NOUNS,
    _RUN_BREAKERS,
    _SKIP_BEFORE_VERB,
    _SMALL_WORDS,
    _SPEECH_LEMMAS,
    _STATE_ABBREV,
    _STOP,
    _TOKEN,
    _WORD,
    _inflect,
)
from .marks import (  # noqa: F401
    _DECADE_OR_YEAR,
    _ENDS_WITH_BYLINE,
    _LINE_OPENS_QUOTE,
    _LOWER_WORD_AFTER,
    _MARK,
    _Mark,
    _NEWLINE,
    _Open,
    _PARA,
    _PERCENT_AFTER,
    _REPORTING_AFTER,
    _Raw,
    _classify,
    _next_single_closes,
    _pair_marks,
    _pair_paragraph,
    _paragraph_spans,
)
from .phrases import (  # noqa: F401
    _POSSESSIVE_ENDINGS,
    _Tok,
    _bare,
    _np_backward,
    _np_forward,
    _span_text,
    _tokens,
)
from .names import (  # noqa: F401
    _APPOSITION,
    _CAP_RUN,
    _HE,
    _INITIAL,
    _INITIAL_OR_ABBREVIATION,
    _LETTER_WORD,
    _Mention,
    _Names,
    _PREPOSITION_BEFORE,
    _RUN_WORD,
    _SHE,
    _TRAILING_PARENTHESIS,
    _WORD_OR_MARK,
    _contains_in_order,
    _is_org,
    _split_at_function_words,
    _split_name,
)
from .speakers import (  # noqa: F401
    _Speaker,
    _after_quote,
    _apposition_subject,
    _before_quote,
    _classify_np,
    _one_of_them,
    _quoted_as,
    _skip_back,
    _skip_parenthesis,
    _speech_verb_at,
    _subject_before,
)
from .extract import (  # noqa: F401
    _DESCRIBED_MAX_WORDS,
    _ENDS_WITH_INITIAL,
    _LETTER_LED_WORD,
    _Sent,
    _as_described,
    _described_antecedent,
    _extract,
    _indirect_speakers,
    _is_title,
    _joined_sentences,
    _reported_subject,
    _resolve,
    _sentence_bounds,
    _title_case,
    _words,
    extract_quotes,
    quote_records,
)
from .canonical import (  # noqa: F401
    _NOT_A_TO_Z,
    _REPEATED_CHAR,
    _SPACES,
    _close,
    _fold,
    _name_words,
    canonical_speaker,
)

__all__ = ["Quote", "extract_quotes", "quote_records", "canonical_speaker", "PRONOUNS", "DETERMINERS", "HONORIFICS", "TITLE_WORDS", "PERSON_ROLES", "DEMONYMS", "ORG_WORDS", "SPEECH_VERBS"]
