"""Cue words: titles, honorifics and the words that give a name its kind.

All entries are lower case without periods (compare with ``word.casefold().rstrip(".")``).
The lists were written for this project and checked against the ECB+ training topics
(`benchmarks/entities.py` prints the effect; re-run it after a change).
"""

from __future__ import annotations

# Titles that give their holder a role.  A multi-word title is a tuple of words.
TITLES: frozenset[tuple[str, ...]] = frozenset(
    tuple(t.split())
    for t in (
        "president",
        "vice president",
        "vice-president",
        "president-elect",
        "prime minister",
        "deputy prime minister",
        "deputy",
        "premier",
        "chancellor",
        "foreign minister",
        "defence minister",
        "defense minister",
        "finance minister",
        "interior minister",
        "trade minister",
        "energy minister",
        "minister",
        "foreign secretary",
        "home secretary",
        "defense secretary",
        "defence secretary",
        "secretary of state",
        "secretary-general",
        "secretary general",
        "general secretary",
        "secretary",
        "king",
        "queen",
        "prince",
        "princess",
        "emperor",
        "empress",
        "crown prince",
        "pope",
        "senator",
        "sen",
        "governor",
        "gov",
        "mayor",
        "judge",
        "justice",
        "chief justice",
        "chairman",
        "chairwoman",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "envoy",
        "general",
        "gen",
        "colonel",
        "col",
        "commander",
        "commandant",
        "admiral",
        "adm",
        "captain",
        "capt",
        "lieutenant",
        "lt",
        "sergeant",
        "sgt",
        "archbishop",
        "bishop",
        "cardinal",
        "rabbi",
        "imam",
        "sheikh",
        "ayatollah",
        "representative",
        "rep",
        "congressman",
        "congresswoman",
        "attorney general",
        "chief executive",
        "ceo",
        "director",
        "coach",
        "sheriff",
        "detective",
        "officer",
        "inspector",
        "professor",
        "prof",
        "leader",
        "opposition leader",
        "actor",
        "actress",
        "singer",
        "rapper",
        "star",
        "boxer",
        "champion",
        "lawyer",
        "attorney",
    )
)
TITLE_MAX_WORDS = max(len(t) for t in TITLES)
TITLE_WORDS = frozenset(w for t in TITLES for w in t)
SINGLE_TITLES = frozenset(t[0] for t in TITLES if len(t) == 1)
# For each first word of a longer title, the words that may follow it.
TITLE_SECONDS: dict[str, frozenset[str]] = {
    first: frozenset(t[1] for t in TITLES if len(t) > 1 and t[0] == first)
    for first in {t[0] for t in TITLES if len(t) > 1}
}

# Honorifics mark a person but give no role.
HONORIFICS = frozenset(
    "mr mrs ms miss dr sir dame lord lady madam mme monsieur rev reverend fr".split()
)

# Words after a surname that are not the surname ("Arcade Joseph Comeaux Jr").
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())

# Words before a title that change its time ("former President X" is no current role).
TITLE_MODIFIERS = frozenset("former then acting deputy interim new incoming outgoing late".split())
NOT_CURRENT = frozenset("former then late outgoing".split())

# Name particles that may sit in lower case inside a name ("Osama bin Laden").
PARTICLES = frozenset("de da du del della der van von bin ibn al el la le".split())

# The last word of an organisation's name.
ORG_SUFFIXES = frozenset(
    """
    ministry council party bank inc corp corporation ltd llc plc co company group
    organisation organization association agency commission committee union university
    college school institute academy court department office bureau board authority
    service services police army navy force forces guard federation league club
    foundation fund trust assembly parliament congress senate government cabinet
    administration network news times post journal reporter magazine press tribune herald
    telegraph gazette daily weekly radio television tv studios studio pictures records
    airlines airways motors industries holdings partners enterprises systems technologies
    labs laboratories church mosque movement front brigade brigades alliance coalition images
    society institution commission conference forum
    """.split()
)
# The first word of an organisation's name ("Ministry of Defence", "Bank of Japan").
ORG_PREFIXES = frozenset("ministry bank university department house court council".split())

# The last word of a place's name; facilities count as places.
PLACE_SUFFIXES = frozenset(
    """
    island islands isles archipelago river sea ocean mountains mountain valley bay lake
    county province state city town village district region territory territories
    street avenue road square boulevard highway airport hospital center centre arena
    stadium prison jail hotel park beach springs hills heights coast strait peninsula
    bridge palace tower building station port harbour harbor plaza mall clinic unit
    desert forest canyon falls gulf
    """.split()
)
PLACE_PREFIXES = frozenset("mount mt lake cape gulf port fort san santa saint st".split())

# The last word of a named event.
EVENT_SUFFIXES = frozenset(
    """
    olympics games cup war summit championship championships festival awards open prix
    expo election elections revolution crisis massacre marathon tournament series bowl
    derby classic
    """.split()
)

# Description heads that refer to a disputed object named in the article.
DESCRIPTION_HEADS = frozenset("islands island isles archipelago".split())

# Words that only look like names at the start of a sentence or in a headline.
STOPWORDS = frozenset(
    """
    a an the this that these those there here it its he she they we you i his her their
    our your my me him them us who whom whose which what when where why how whether if
    and or but nor so yet for of in on at to from by with about as into onto over under
    after before since until while during though although because unless than then also
    however meanwhile moreover still even just only not no yes all any both each every
    few many more most much other some such one two three four five six seven eight nine
    ten first second third last next new old is are was were be been being has have had
    do does did will would can could should may might must shall according earlier later
    today yesterday tomorrow now once again instead perhaps maybe already mr mrs ms
    """.split()
)

# Words that never start a name: days, months and the like (time expressions).
MONTHS = frozenset(
    "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Short days, date words only before a date ("Thu Jun 3"): "Sun" also names papers.
SHORT_DAYS = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())
# Time zones written after a clock time ("4:19 pm EDT"): never names when in capitals.
TIME_ZONES = frozenset(
    "gmt utc bst cet cest eet eest est edt cst cdt mst mdt pst pdt akst akdt hst et pt ct "
    "mt jst kst ist aest aedt msk".split()
)

# Verbs after a name that make it the subject of a statement.
REPORTING_VERBS = frozenset(
    "said says told added explained wrote stated announced insisted warned argued".split()
)
# Words after a capital that signal the government, not the city ("Tokyo has promised").
AGENT_VERBS = frozenset(
    """
    has have had is was will would said says told wants wanted promised agreed refused
    rejected insisted warned accused announced plans planned hopes hoped believes claims
    claimed denied demanded urged called sees saw must cannot could should may might
    """.split()
)
# Prepositions before a name that make it a place ("in Sochi").
PLACE_PREPOSITIONS = frozenset("in at from near to outside inside across via".split())
# Words before "to" (or before its object: "sent troops to") that make what follows a
# destination ("flew to Sochi", "the road to Ajdabiya"); after others "to" names no
# place ("resistant to Tamiflu", "prayed to God").
TOWARDS_WORDS = frozenset(
    """
    fly flew flown flies flying travel travels travelled traveled travelling traveling go
    goes went gone going come comes came coming move moves moved moving return returns
    returned returning head heads headed heading drive drove driven march marched sail
    sailed rush rushed flee fled send sent ship shipped deploy deployed evacuate
    evacuated relocate relocated transfer transferred export exported bound back trip
    trips visit visits journey way road route flight flights path access gateway close
    closer next nearer north south east west northeast northwest southeast southwest
    inland offshore been mission missions take takes took taken taking bring brings
    brought
    """.split()
)

# Number words, for acronyms such as G8 = "Group of Eight".
NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "twenty": "20",
}
