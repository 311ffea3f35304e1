"""Names in the article: every capitalised run, split into titles and name, with gender and
person evidence, for resolving surnames, descriptions and pronouns to the fullest name."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from ...text.first_names import ArticleNames, first_name_gender
from .phrases import _Tok, _bare, _tokens
from .words import DEMONYMS, DETERMINERS, HONORIFICS, ORG_WORDS, PERSON_ROLES, SPEECH_VERBS, TITLE_WORDS, _ABBREV_TOKEN, _CAP_STOP, _NAME_SUFFIXES, _PLACE_START, _ROLE_GENDER, _ROLE_NOUNS, _RUN_BREAKERS


# ---------------------------------------------------------------------------------------
# Names in the article


def _split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """(title words, name): the name is the last stretch after any title, organisation or
    nationality word ("White House Press Secretary Jen Psaki" -> "Jen Psaki")."""
    cut = 0
    for k, w in enumerate(words):
        lw = w.lower()
        if lw in TITLE_WORDS or lw in HONORIFICS or lw in DEMONYMS or _bare(w).lower() in ORG_WORDS \
                or ("-" in lw and lw.rsplit("-", 1)[1] in TITLE_WORDS):  # Vice-President
            cut = k + 1
    if cut >= len(words):
        return words, []
    # the rest of an office before a first name: "(Chancellor of the) Exchequer Nigel Lawson"
    k = cut + 1
    while k < len(words) - 1 and not first_name_gender(words[k]):
        k += 1
    if k < len(words) - 1 and len(words) - cut >= 3 and not first_name_gender(words[cut]):
        cut = k
    return words[:cut], words[cut:]


_PREPOSITION_BEFORE = re.compile(r"\b(?:of|to|with|for|by|from|about|against|on|at|in|than|like)\s+$")


def _split_at_function_words(words: list[str]) -> list[list[str]]:
    """A capitalised function word inside a run (wire copy's "U.S. And Japan") ends a name."""
    parts: list[list[str]] = [[]]
    for w in words:
        if parts[-1] and w.lower() in _RUN_BREAKERS and w[:1].isupper():
            parts.append([])
        else:
            parts[-1].append(w)
    return [p for p in parts if p]


def _is_org(words: list[str]) -> bool:
    if not words:
        return True
    for w in words:
        lw = _bare(w).lower()
        if lw in ORG_WORDS or lw in DEMONYMS:
            return True
        if w.isupper() and len(w) > 1 and "." not in w and "-" not in w:
            return True  # CNN, NATO, AP
    if words[0].lower() in _PLACE_START and len(words) > 1:
        return True
    return False


@dataclass
class _Mention:
    start: int
    end: int
    words: tuple[str, ...]  # name words without titles
    titles: tuple[str, ...]  # lower-case title / role words written with it
    gender: str | None


# Every run starts with a capital A-Z: the leading lookahead lets the scan skip other positions
# at once instead of trying the whole pattern there (same matches, a third of the time).
_CAP_RUN = re.compile(
    r"(?=[A-Z])"
    r"(?:\b" + _ABBREV_TOKEN + r"\s+|\b[A-Z]\.\s+)*"
    r"\b[A-Z][\w'’\-]*[\w]"
    r"(?:(?:\s+|\s*-\s*)(?:" + _ABBREV_TOKEN + r"|[A-Z]\.|(?:de|da|van|von|bin|al|der|le|la|del|di|du|ben|ibn|el|abu)(?=\s+[A-Z])|[A-Z][\w'’\-]*[\w]|[A-Z]))*"
    r"(?:,?\s+(?:Jr|Sr)\.|\s+I{2,3}\b|\s+IV\b)?"
)


_RUN_WORD = re.compile(r"[A-Z][a-z]{0,3}\.|[\w'’\-]+\.?")

_INITIAL = re.compile(r"[A-Z]\.")

_INITIAL_OR_ABBREVIATION = re.compile(r"[A-Z]\.|[A-Z][a-z]{0,3}\.")

_WORD_OR_MARK = re.compile(r"[A-Za-z\-]+|[^\sA-Za-z]")

_APPOSITION = re.compile(r",\s+(?:the|a|an|his|her|their)\s+([^,.;:()\"“”]{1,80})")

_LETTER_WORD = re.compile(r"[A-Za-z\-]+")

_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.I)

_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)

_TRAILING_PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*$")


class _Names:
    """Every capitalised name written in the article, for lookups."""

    def __init__(self, text: str, quoted: list[tuple[int, int]]):
        self.text = text
        self.first_names = ArticleNames(text)
        self.mentions: list[_Mention] = []
        self.full: dict[str, list[tuple[str, ...]]] = {}
        self.counts: dict[tuple[str, ...], int] = {}
        self.gender: dict[tuple[str, ...], str] = {}
        self.person_evidence: set[tuple[str, ...]] = set()
        self.quoted = quoted
        self._run_start = -1
        self._quoted_starts = [a for a, _ in quoted]
        self._fullest_memo: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._people_pending: list[int] | None = None  # see learn_people_on_demand
        for m in _CAP_RUN.finditer(text):
            raw_words = _RUN_WORD.findall(m.group(0))
            raw_words = [w.rstrip(".") if (w.endswith(".") and w.lower() not in HONORIFICS and w.lower() not in _NAME_SUFFIXES and not _INITIAL.fullmatch(w)) else w for w in raw_words]
            words = [w for w in raw_words if w]
            # drop sentence-initial function words
            while words and words[0].lower() in _CAP_STOP:
                words = words[1:]
            if not words:
                continue
            self._run_start = m.start()
            for part in _split_at_function_words(words):  # "U.S. And Japan" is two names
                self._add(m.start(), m.end(), part)
        self.mentions.sort(key=lambda x: x.start)
        self._starts = [x.start for x in self.mentions]

    def _add(self, start: int, end: int, words: list[str]) -> None:
        # a possessive ends the name: "Zelenskyy's office", "Hillary Clinton’s campaign manager Robby Mook"
        cut = None
        for k, w in enumerate(words):
            if _bare(w) != w and k < len(words) - 1:
                cut = k
                break
        if cut is not None:
            self._add(start, end, words[:cut + 1])
            rest = words[cut + 1:]
            if rest:
                self._add(start, end, rest)
            return
        titles, name = _split_name(words)
        name = [_bare(w) for w in name]
        if not name or _is_org(name) or len(name) > 4:
            return
        gender = None
        evidence = False
        for t in titles:
            lt = t.lower()
            g = HONORIFICS.get(lt) or _ROLE_GENDER.get(lt)
            if g:
                gender = g
            if lt in HONORIFICS or lt.rstrip(".") in PERSON_ROLES:
                evidence = True
        # lower-case role words just before the run: "Pentagon spokesman John Kirby"
        before = self.text[max(0, start - 60):start]
        role = []
        if not titles or start == self._run_start:
            for w in reversed([w.lower() for w in _WORD_OR_MARK.findall(before)[-4:]]):
                if w in TITLE_WORDS or w in PERSON_ROLES or w in DEMONYMS or w in _ROLE_GENDER:
                    role.append(w)
                else:
                    break
        for w in role:
            if w in _ROLE_GENDER:
                gender = gender or _ROLE_GENDER[w]
            if w in PERSON_ROLES:
                evidence = True
        # apposition just after: "Jane Smith, a model." / "Oleksiy Danilov, the secretary of ..."
        after = self.text[end:end + 90]
        app = _APPOSITION.match(after)
        app_words = [w.lower() for w in _LETTER_WORD.findall(app.group(1))][:8] if app else []
        for w in app_words:
            if w in _ROLE_GENDER:
                gender = gender or _ROLE_GENDER[w]
        if any(w in PERSON_ROLES for w in app_words[:5]):
            evidence = True
        all_titles = tuple(t.lower().rstrip(".") for t in titles) + tuple(role) + tuple(app_words)
        if len(name) >= 2:
            listed = self.first_names.gender(name[0])
            if listed:
                gender = gender or listed
                evidence = True
        key = tuple(name)
        mention = _Mention(start, end, key, all_titles, gender)
        self.mentions.append(mention)
        self.counts[key] = self.counts.get(key, 0) + 1
        same_surname = self.full.setdefault(self._key(key), [])
        if key not in same_surname:
            same_surname.append(key)
        if gender:
            self.gender.setdefault(key, gender)
        if evidence:
            self.person_evidence.add(key)

    @staticmethod
    def _key(name: tuple[str, ...]) -> str:
        words = [w for w in name if w.lower() not in _NAME_SUFFIXES]
        return (words[-1] if words else name[-1]).lower()

    def fullest(self, name: tuple[str, ...]) -> tuple[str, ...]:
        """The longest name in the article that ends like `name` and contains its words.

        Memoised: the names it reads (`full`, `counts`) are complete once __init__ has run
        (only __init__ adds names, and nothing calls this before), and the rules ask for the
        same few names again and again (every mention, speaker and pronoun)."""
        found = self._fullest_memo.get(name)
        if found is None:
            found = self._fullest_memo[name] = self._fullest(name)
        return found

    def _fullest(self, name: tuple[str, ...]) -> tuple[str, ...]:
        if not name:
            return name
        candidates = self.full.get(self._key(name), [])
        has_suffix = any(w.lower() in _NAME_SUFFIXES for w in name)
        best = name
        best_score = (len(name), self.counts.get(name, 0))
        mine = [w.lower() for w in name]
        for cand in candidates:
            if any(w.lower() in _NAME_SUFFIXES for w in cand) != has_suffix:
                continue
            low = [w.lower() for w in cand]
            if not _contains_in_order(low, mine):
                continue
            score = (len(cand), self.counts.get(cand, 0))
            if score > best_score:
                best, best_score = cand, score
        if len(best) == 1:
            # a first name alone ("Melanie"): a unique full name starting with it
            starts = {c for cands in self.full.values() for c in cands if len(c) > 1 and c[0] == best[0]}
            if len(starts) == 1 and self.first_names.gender(best[0]):
                best = next(iter(starts))
        return best

    def gender_of(self, name: tuple[str, ...]) -> str | None:
        self._learn_people()
        g = self.gender.get(name)
        if g:
            return g
        listed = self._listed_gender(name)
        if listed:
            return listed
        # a surname mention with an honorific somewhere: "Mr. Obama"
        for cand in self.full.get(self._key(name), []):
            if _contains_in_order([w.lower() for w in cand], [w.lower() for w in name]) and self.gender.get(cand):
                return self.gender[cand]
        return None

    def is_person(self, name: tuple[str, ...]) -> bool:
        self._learn_people()
        full = self.fullest(name)
        if full in self.person_evidence or name in self.person_evidence:
            return True
        for cand in self.full.get(self._key(name), []):
            if cand in self.person_evidence and _contains_in_order([w.lower() for w in cand], [w.lower() for w in name]):
                return True
        return False

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quoted_starts, pos) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    def learn_people_on_demand(self, starts: list[int]) -> None:
        """Run add_speakers and set_sentences when last_person first needs them.

        What they learn (person evidence, sentence subjects, genders from pronouns) is read by
        last_person only (through is_person and gender_of), and they read nothing that changes
        after __init__, so running them late gives the same answers. Most articles never
        resolve a he/she, and these two (with the token list of the whole text they need)
        were a third of the time of quote extraction."""
        self._people_pending = starts

    def _learn_people(self) -> None:
        """The pending add_speakers and set_sentences, once (readers of what they learn call this)."""
        starts = self._people_pending
        if starts is not None:
            self._people_pending = None
            self.add_speakers(_tokens(self.text, 0, len(self.text)))
            self.set_sentences(starts)

    def add_speakers(self, toks: list[_Tok]) -> None:
        """Names of two words or more that are subjects of a reporting verb are people."""
        from .speakers import _subject_before  # here: speakers reads names to resolve them

        for v, t in enumerate(toks):
            if t.low not in SPEECH_VERBS or t.cap or t.low.endswith("ing") or self.in_quote(t.start):
                continue
            sp = _subject_before(self.text, toks, v)
            if sp is not None and sp.kind == "name":
                full = self.fullest(sp.words)
                if len(full) >= 2:
                    self.person_evidence.add(full)

    def set_sentences(self, starts: list[int]) -> None:
        """Mark subjects (the first person named in a sentence) and learn genders from the
        pronouns of sentences that name one person only."""
        self._sent_starts = starts
        by_sentence: dict[int, list[_Mention]] = {}
        for m in self.mentions:
            if self.in_quote(m.start) or not self.is_person(m.words):
                continue
            by_sentence.setdefault(bisect.bisect_right(starts, m.start) - 1, []).append(m)
        self.subjects = set()
        votes: dict[tuple[str, ...], list[int]] = {}
        for index, ms in by_sentence.items():
            subject = next((m for m in ms if self._can_be_subject(m)), None)
            if subject is not None:
                self.subjects.add(id(subject))
            people = {self.fullest(m.words) for m in ms}
            if len(people) != 1:
                continue
            full = next(iter(people))
            lo = ms[0].end
            hi = starts[index + 1] if index + 1 < len(starts) else len(self.text)
            chunk = self.text[lo:min(hi, lo + 400)]
            he = len(_HE.findall(chunk))
            she = len(_SHE.findall(chunk))
            v = votes.setdefault(full, [0, 0])
            v[0] += he
            v[1] += she
        for full, (he, she) in votes.items():
            if full in self.gender or self._listed_gender(full):
                continue
            if he > she and he >= 1:
                self.gender[full] = "m"
            elif she > he and she >= 1:
                self.gender[full] = "f"

    def _can_be_subject(self, m: _Mention) -> bool:
        """Not a possessive ("Howard's trip") nor the object of a preposition ("ahead of
        Howard"): those name a person without making them the one who acts or speaks."""
        if self.text[m.end:m.end + 2] in ("'s", "’s") or self.text[m.end - 2:m.end] in ("'s", "’s"):
            return False
        before = _PREPOSITION_BEFORE.search(self.text, max(0, m.start - 12), m.start)
        return before is None

    def _listed_gender(self, name: tuple[str, ...]) -> str | None:
        return self.first_names.gender(name[0]) if len(name) > 1 else None

    def last_person(self, pos: int, gender: str | None) -> tuple[str, ...] | None:
        """The person a he/she at `pos` most likely is: the last gender-compatible person
        named as a sentence's subject in the window before it, else the last one named."""
        self._learn_people()
        k = bisect.bisect_left(self._starts, pos) - 1
        fallback = None
        subjects = getattr(self, "subjects", set())  # type: ignore[var-annotated]
        while k >= 0:
            m = self.mentions[k]
            k -= 1
            if m.end > pos or self.in_quote(m.start):
                continue
            if not self.is_person(m.words):
                continue
            full = self.fullest(m.words)
            g = m.gender or self.gender_of(full) or self.gender_of(m.words)
            if gender and g and g != gender:
                continue
            if id(m) in subjects:
                return full
            if fallback is None:
                fallback = full
            if pos - m.start > 1500:
                break
        return fallback

    def by_description(self, words: list[str], pos: int) -> tuple[str, ...] | None:
        """The last person before `pos` written with these title words (the foreign minister)."""
        content = [w.lower() for w in words if w.lower() not in DETERMINERS]
        content = [w for w in content if w.isalpha() or "-" in w]
        if not content:
            return None
        head = content[-1]
        if head not in TITLE_WORDS and head not in _ROLE_NOUNS and head not in _ROLE_GENDER:
            return None
        k = bisect.bisect_left(self._starts, pos) - 1
        while k >= 0:
            m = self.mentions[k]
            k -= 1
            if m.end > pos:
                continue
            titles = set(m.titles)
            if head in titles and sum(1 for w in content if w in titles) * 2 >= len(content):
                return self.fullest(m.words)
        return None


def _contains_in_order(big: list[str], small: list[str]) -> bool:
    it = iter(big)
    return all(any(w == b or (len(w) == 2 and w.endswith(".") and b.startswith(w[0])) for b in it) for w in small)
