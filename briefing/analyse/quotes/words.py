"""Word lists of the quote extractor: speech verbs and their forms, pronouns, determiners,
titles, roles, demonyms and organisation words. General English, none taken from one article."""

from __future__ import annotations

import re


# ---------------------------------------------------------------------------------------
# Word lists (written for this module)

_SPEECH_LEMMAS = """
say tell add ask write tweet post note explain continue argue insist warn reply respond state
declare announce claim recall remark observe acknowledge admit concede counter suggest urge
stress emphasize emphasise maintain quip joke exclaim shout yell cry whisper complain predict
promise vow pledge boast brag lament muse reiterate repeat confirm assure reassure remind caution
contend charge allege agree conclude comment testify wonder thunder fume scoff offer retort
snap mutter sigh laugh plead beg demand deny proclaim assert affirm rule recount describe
add tweet text email message blog announce report inform advise clarify disclose reveal
acknowledge mention point go chime weigh interject propose predict estimate concur rail put
""".split()

_IRREGULAR = {
    "say": ["said", "says", "saying", "say"],
    "tell": ["told", "tells", "telling", "tell"],
    "write": ["wrote", "writes", "writing", "written", "write"],
    "go": ["went", "goes", "going"],
    "put": ["put", "puts"],
    "cry": ["cried", "cries", "crying"],
    "reply": ["replied", "replies", "replying"],
    "testify": ["testified", "testifies", "testifying"],
    "clarify": ["clarified", "clarifies", "clarifying"],
    "deny": ["denied", "denies", "denying"],
    "rule": ["ruled", "rules"],
    "snap": ["snapped", "snaps", "snapping"],
    "quip": ["quipped", "quips", "quipping"],
    "chime": ["chimed"],
    "weigh": ["weighed"],
    "point": ["pointed"],
    "blog": ["blogged", "blogs", "blogging"],
    "brag": ["bragged", "brags", "bragging"],
    "beg": ["begged", "begs", "begging"],
    "message": ["messaged"],
    "text": ["texted"],
}


def _inflect(lemma: str) -> list[str]:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith(("sh", "ch", "ss", "x")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


SPEECH_VERBS: frozenset[str] = frozenset(f for lemma in _SPEECH_LEMMAS for f in _inflect(lemma))

# Verbs that may open an inverted attribution: `"…," said Karine Jean-Pierre`.
_INVERTING = frozenset(
    "said says added adds asked asks wrote writes continued continues explained explains noted notes "
    "recalled recalls replied replies responded responds insisted insists declared declares "
    "warned warns argued argues quipped quips joked jokes tweeted tweets exclaimed suggested "
    "observed remarked countered concluded acknowledged admitted cautioned stressed".split()
)

# Verbs that go with a quote before them only, not as an attribution after it.
_BEFORE_ONLY = frozenset("called calls calling dubbed labeled labelled branded described describing describes".split())

# Verbs that never take a quote: "pointed" only with "out", "went" only with "on".
_NEEDS_PARTICLE = {"put": "it", "puts": "it", "pointed": "out", "points": "out", "pointing": "out", "went": "on", "goes": "on", "going": "on",
                   "chimed": "in", "weighed": "in", "go": "on", "point": "out"}

# Forms that are too often something else when they stand alone.
_AMBIGUOUS_FORMS = frozenset(
    "post posts report reports charge charges rule rules text texts email emails message messages offer offers "
    "state states estimate estimates point points go goes cry cries sigh laugh snap demand demands deny denies "
    "concur counter joke jokes comment comments note notes answer promise promises pledge pledges vow vows "
    "claim claims warning warnings reply replies statement remark remarks response boast boasts "
    "complaint complaints".split()
)


PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "they": None, "we": None, "i": None, "you": None, "it": None}

_RELATIVE = {"who", "which", "that"}

DETERMINERS = frozenset(
    "the a an another one his her their its our my your this that these those some several many two three "
    "four five both each other most few any no".split()
)

_STOP = frozenset(
    """and but or nor so yet because if when while as than that which who whom whose where after before since
    until though although in on at to from by with into about over under for of is was were are be been
    being has have had will would could can should may might must do does did not also later then now
    still again there here what how why whether just even only never always already once it its this
    said says told tells very more less much such up out off down back against between through during
    per via like unlike among amid despite without within across toward towards upon onto""".split()
)

_SKIP_BEFORE_VERB = frozenset(
    """also later then has have had was is were would will did does once again reportedly repeatedly previously
    recently earlier further quickly simply just often never always already even only flatly publicly
    privately initially first finally subsequently separately similarly alternately apparently
    angrily bluntly calmly clearly firmly frankly gently loudly openly quietly sharply softly strongly
    tersely wryly curtly proudly happily sadly emphatically triumphantly glumly bitterly has've 've 's
    had've last yesterday today tonight here there""".split()
)

HONORIFICS = {
    "mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "dr": None, "dr.": None,
    "prof": None, "prof.": None, "sir": "m", "dame": "f", "lord": "m", "lady": "f", "madam": "f",
    "rev": None, "rev.": None, "fr": "m", "fr.": "m", "sen": None, "sen.": None, "rep": None, "rep.": None,
    "gov": None, "gov.": None, "gen": None, "gen.": None, "lt": None, "lt.": None, "col": None, "col.": None,
    "sgt": None, "sgt.": None, "capt": None, "capt.": None, "adm": None, "adm.": None, "maj": None, "maj.": None,
    "pres": None, "pres.": None, "amb": None, "amb.": None, "hon": None, "hon.": None, "gens.": None,
    "sens.": None, "reps.": None, "del.": None, "atty.": None, "supt.": None, "det.": None, "insp.": None, "cmdr.": None,
}

TITLE_WORDS = frozenset(
    """president vice prime minister foreign secretary chancellor chief deputy press senator sen sen. representative
    rep rep. governor gov gov. mayor general gen gen. lieutenant lt lt. colonel col col. judge justice speaker leader
    king queen prince princess pope ambassador spokesman spokeswoman spokesperson director chairman chairwoman
    chair ceo commissioner attorney candidate nominee officer official sergeant sgt sgt. captain capt capt.
    admiral adm adm. major maj maj. professor prof prof. doctor dr dr. reverend rev rev. father pastor bishop
    cardinal rabbi imam sheikh emir sultan crown premier president-elect former acting interim state defense
    defence interior finance health home trade economy energy education labor labour transport
    environment agriculture treasury homeland security national principal assistant senior junior top
    executive managing founder co-founder owner head boss commander coach manager analyst strategist adviser
    advisor aide counsel counselor minority majority whip congressman congresswoman councilman councilwoman
    councillor member mp mep delegate envoy lawmaker legislator democrat democratic republican gop
    independent mr mr. mrs mrs. ms ms. miss sir dame lord lady hon hon. secretary-general under-secretary
    undersecretary communications policy retired vice-presidential presidential first""".split()
)

# Role words that say a name is a person ("Pentagon spokesman John Kirby", "Jane Smith, a model").
PERSON_ROLES = frozenset(
    """president minister secretary chancellor ambassador senator governor mayor spokesman spokeswoman
    spokesperson director chairman chairwoman chair ceo commissioner attorney candidate nominee officer
    official leader chief adviser advisor aide analyst strategist lawyer professor doctor physician nurse
    model actor actress singer musician writer author journalist reporter editor columnist economist
    scientist researcher historian student teacher resident mother father wife husband son daughter
    brother sister widow owner founder manager coach player voter supporter activist organizer organiser
    pastor bishop priest rabbi imam judge justice prosecutor general colonel captain sergeant admiral
    commander soldier veteran officer congressman congresswoman lawmaker legislator representative
    delegate envoy diplomat premier king queen prince princess pope businessman businesswoman
    entrepreneur executive partner fellow expert consultant pollster surrogate speaker whip host anchor
    comedian rapper star athlete mr mrs ms dr""".split()
)

DEMONYMS = frozenset(
    """american u.s. us british uk english scottish welsh irish french german italian spanish portuguese dutch belgian
    swiss austrian swedish norwegian danish finnish polish czech slovak hungarian romanian bulgarian greek
    turkish russian ukrainian belarusian georgian armenian azerbaijani kazakh chinese japanese korean
    north south indian pakistani afghan iranian iraqi syrian israeli palestinian lebanese jordanian saudi
    egyptian libyan moroccan algerian tunisian nigerian kenyan ethiopian african canadian mexican brazilian
    argentine argentinian chilean colombian venezuelan cuban australian european western eastern
    soviet nato eu un lithuanian latvian estonian moldovan serbian croatian bosnian albanian qatari emirati
    yemeni""".split()
)

ORG_WORDS = frozenset(
    """house ministry department post times news party council committee agency office service campaign court
    congress senate administration government kremlin pentagon journal network institute university
    foundation association union organization organisation bank fund company corp corp. inc inc. group press
    television tv radio magazine review tribune herald observer guardian telegraph mail express reuters ap
    afp cnn bbc nbc cbs abc fox msnbc npr pbs twitter facebook instagram police army navy force forces guard
    commission authority bureau board center centre embassy parliament assembly federation republic state
    states nations square street palace island islands sea ocean europe america asia africa war court
    hill park river city county district region province church mosque school college hospital airport
    station base command staff fleet brigade division corps secretariat cabinet duma rada
    today daily weekly monthly online media channel report poll survey study index coalition alliance
    movement front caucus society club team league party's kremlin pentagon military
    intelligence fbi cia democrats republicans conservatives liberals progressives""".split()
)

_PLACE_START = frozenset("new north south east west san los las santa fort port saint st. st upper lower great".split())

_CAP_STOP = frozenset(
    """the a an but and or so yet as in on at to from by with for of after before when while if because although
    though meanwhile however still also asked speaking earlier later then now there here this that these those
    it its his her their our my we they he she i you yes no not one two both all some many most more
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
    what why how where who which whether even just only once despite amid during since until""".split()
)

_NAME_CONNECTORS = frozenset("de da van von bin al der den le la del di du dos das ben ibn el abu".split())

_NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())

_ROLE_GENDER = {
    "spokeswoman": "f", "chairwoman": "f", "congresswoman": "f", "businesswoman": "f", "councilwoman": "f",
    "actress": "f", "mother": "f", "wife": "f", "daughter": "f", "sister": "f", "grandmother": "f",
    "queen": "f", "princess": "f", "widow": "f", "girl": "f", "woman": "f",
    "spokesman": "m", "chairman": "m", "congressman": "m", "businessman": "m", "councilman": "m",
    "actor": "m", "father": "m", "husband": "m", "son": "m", "brother": "m", "grandfather": "m",
    "king": "m", "prince": "m", "boy": "m", "man": "m",
}


_ABBREV_TOKEN = (
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Prof|Rev|St|Jr|Sr|Hon|Pres|Amb|Supt|Insp|Det|"
    r"Cmdr|Cpl|Pvt|Atty|Gens|Reps|Sens|Messrs|Ft|Mt|Fr)\."
)

_STATE_ABBREV = (
    r"(?:[RDI]-)?(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|"
    r"Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Vt|Va|Wash|Wis|Wyo)\."
)

# The first four alternatives can only match at an ASCII letter (the first two at a capital):
# the lookaheads skip them everywhere else, which halves the time of the scan without changing
# a single match (same alternatives, same order).
_TOKEN = re.compile(
    r"(?=[A-Za-z])(?:(?=[A-Z])(?:\b" + _ABBREV_TOKEN + r"|\b" + _STATE_ABBREV + r")"
    r"|(?:[A-Za-z]\.){2,}|\b[A-Z]\.(?=\s+[A-Z]))"
    r"|[^\W_][\w'’\-]*[^\W_]|[^\W_]|[^\w\s]"
)

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

_DOUBLE = {"``", "''", "“", "”", "„", "‟", "«", "»", '"'}

_OPEN_DIR = {"``", "“", "„", "«", "‘", "‚", "`"}

_CLOSE_DIR = {"”", "»", "’", "‟"}

_QUOTE_CHARS = set("“”„‟«»\"‘’‚'`")

_OPEN_PREV_SINGLE = set("([{—–-/") | set("“”„«»\"")

_OPEN_PREV_DOUBLE = _OPEN_PREV_SINGLE | set(",:;.!?") | set("‘’'")

_CLOSE_NEXT = set(".,;:!?)]}—–-…/*") | _QUOTE_CHARS


_ROLE_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson official officials source sources aide aides adviser advisers
    advisor advisors director head member members leader leaders chief president secretary minister
    representative representatives analyst analysts expert experts lawyer lawyers attorney friend friends
    supporter supporters critic critics officer officers resident residents voter voters worker workers
    statement report study poll""".split()
)

_RUN_BREAKERS = frozenset("and or of the for in to with at on by".split())


_LEAD_WORDS = frozenset("and but so then meanwhile however still also now as".split())


_MODALS = frozenset("would will could can should may might must to".split())

_NP_INSIDE = frozenset("in at from with by near to of for and or on into under over about between".split())


_INTRO_WORDS = frozenset(
    "in on at after before during with asked speaking despite following since amid under for from "
    "when while as although though meanwhile however still earlier later last".split()
)


_SMALL_WORDS = frozenset("a an the and or but of in on at to for with by from as is it its nor so up".split())
