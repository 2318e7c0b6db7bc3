"""Cheap tense cues: which way a time expression points when the text leaves it open.

No part-of-speech tagger: a clause's tense is read from nearby auxiliaries ("will",
"was"), irregular past forms, "-ed" endings and infinitives after verbs of intent
("agreed to visit ... in the autumn").  `clause_tense` looks at the words nearest to a
time expression; `sentence_tense` votes over a whole sentence.
"""

from __future__ import annotations

import re

from storyline.time._lexicon import WEEKDAYS
from storyline.time._types import Tense

# A clock time is one word, so that its "am" is not the verb ("at 10:00 am on Monday").
# A contraction split off as tokenised text writes it ("I 'm", "we 'll") is a word too.
_WORD = re.compile(
    r"\d+(?:[:.]\d\d)?\s*[AaPp]\.?[Mm]\b\.?|[A-Za-z]+(?:-[A-Za-z]+)*(?:'[a-z]+)?"
    r"|(?<![A-Za-z])'(?:m|re|ll)\b"
)
# A full stop after a single letter or a title ("a.m.", "U.S.", "Mr.") ends no clause.
_BOUNDARY = re.compile(
    r"(?:(?<![^\w][A-Za-z])(?<!^[A-Za-z])(?<!\b(?:Mr|Dr|St))(?<!\bMrs)(?<!\b(?:Gen|Sen|Rep|Gov))"
    r"\.|[!?;])\s"
    r"|\n\s*\n|[\"\u201c\u201d]|,\s+but\s"
    r"|(?<=[a-z])\s?:\s+(?=[A-Z][a-z])"  # a heading's colon: "Why prices are rising: Bad weather"
    r"|(?:\)|-RRB-)\s*(?:--|\u2014)"  # a dateline's "(CNN) --"
)

# How many words on either side of a time expression are searched for a cue; chosen on
# TimeBank (weekday and month values): 20 reaches the governing verb across long noun
# phrases ("will see Putin at a summit of the Group of Eight ... in June"); the nearest
# cue still wins, so a longer window only matters when nothing is closer.
_WINDOW_WORDS = 20
_WINDOW_CHARS = 200

FUTURE_WORDS = frozenset(
    "will shall 'll wo won't would going planned scheduled expected expects expect expecting "
    "intends intend upcoming tomorrow next coming later soon projected predicts plans planning "
    "slated forthcoming "
    "ahead".split()
)
PAST_WORDS = frozenset(
    "was were had did said told ago came went made met saw took gave held began left "
    "won lost fell rose sold bought paid found got been became brought built chose "
    "drew drove ate felt fought flew forgot froze grew heard hid hit hurt kept knew "
    "laid led lent let lay lit meant put quit ran rang read rode sang sank sat sent "
    "set shook shot shut slept spoke spent split spread stood stole struck swore swept "
    "swam taught tore thought threw understood woke wore wrote yesterday earlier "
    "last previously recently formerly once since broke caught sought stuck fled dealt "
    "withdrew underwent overcame undertook upheld arose dug forgave mistook overthrew "
    "oversaw slid sprang spun strove swung wept withheld blew shone bled sped stank clung "
    "flung hung slung stung wrung strode awoke forbade overtook bent knelt crept withstood "
    "drank slew shrank overran undid outgrew foresaw overheard befell rewrote bade "
    "taken given seen written shown done begun broken chosen driven fallen forgotten frozen "
    "hidden known ridden risen shaken spoken stolen sworn thrown woken worn grown drawn "
    "flown blown died lied tied cast withdrawn overthrown undertaken overtaken forgiven "
    "mistaken rewritten overseen".split()
)
PRESENT_WORDS = frozenset(
    "is are am says say has have does do now currently today may might must should".split()
)
# "previously planned", "originally scheduled": a plan that lies in the past.
_LOOKING_BACK = frozenset("previously originally already".split())
_PAST_AUX = frozenset(("had", "was", "were", "did"))
_PASSIVE_AUX = frozenset(
    ("be", "is", "are", "am", "'m", "'re", "being", "remains", "remain", "stays", "stay")
)
# Words before an infinitive that make it a plan ("agreed to visit", "is due to open").
INTENT_WORDS = frozenset(
    "agreed agree agrees plan plans planned decided decide expected expect expects want "
    "wants wanted hope hopes hoped intend intends intended aim aims aimed promised "
    "promise promises pledged vowed set due going scheduled likely ready prepared "
    "invited asked urged offered proposed seek seeks sought is are was were "
    "needs need wish wishes able unlikely poised agreement plan plans bid offer proposal "
    "deal decision effort attempt threatened threatens threaten".split()
)
# Words ending in -ed that are not past forms.
ED_EXCEPTIONS = frozenset(
    "need speed seed feed bed red hundred united indeed based related detailed limited "
    "proposed supposed concerned interested advanced armed skilled sacred wicked "
    "naked rugged ragged aged beloved alleged preferred unnamed unidentified "
    "unexpected unprecedented bloodshed watershed seabed riverbed hatred greed creed breed "
    "homestead shred proceed succeed exceed embattled beleaguered armored armoured "
    "underdeveloped talented ahmed mohammed muhammed hamed saeed rasheed khaled zayed".split()
)
# After these an "-ed" word describes a noun ("the armed forces", "a so-called deal").
_BEFORE_ADJECTIVE = frozenset(
    "the a an its his her their our this these those so newly second third fourth fifth "
    "sixth seventh eighth ninth tenth".split()
)
_PARTS_OF_DAY = frozenset("morning afternoon evening night".split())
_TIMES_OF_A_DAY = frozenset(
    [*WEEKDAYS, *_PARTS_OF_DAY, *"today yesterday tonight this that in on".split()]
)
# Participles spelt like their verb ("to be broadcast Monday"): past forms after "be".
_BARE_PARTICIPLES = frozenset("broadcast telecast webcast rebroadcast forecast cast bid".split())
_PLAN_AFTER_IS = frozenset("scheduled slated due expected poised planned".split())
_MODALS = frozenset("could might may should must can".split())
_NOT_AHEAD_AFTER_MODAL = frozenset("not n't have never see hear smell feel barely hardly".split())
_NOUN_PLANS_AFTER = frozenset("for were are was is had have of".split())
_FUTURE_AUX = frozenset(("will", "shall", "'ll", "would", "wo", "won't"))
_WILL = frozenset(("will", "shall", "won't"))
_SUBJECTS = frozenset("it he she they we i you that this there who which".split())
# "the coming vote", "is coming", "in coming weeks": ahead.
_COMING_AHEAD = frozenset("the is are am be 's in over this".split())
_SPAN_AFTER_COMING = frozenset(
    "a an one two three four five six seven eight nine ten just only shortly days weeks "
    "months years hours minutes before after".split()
)
_NOT_ADVERBS = frozenset(
    "family assembly rally ally italy july supply reply anomaly monopoly".split()
)
_PASSIVE_BE = frozenset("be been being".split())
_PROGRESSIVE_AUX = frozenset("is are am 's 're 'm be".split())
_PROCEED_BEFORE_AHEAD = frozenset("go goes went gone going pressed pushed forged".split())
_LEAD_BEFORE_AHEAD = frozenset(
    "points point percent lead well far clear just still streets seconds strokes goals votes "
    "runs shots games lengths laps way".split()
)
# A capitalised bare verb inside a sentence opens a call to act (after a comma or a
# quote mark the word list does not keep): what it asks for lies ahead.
_IMPERATIVES = frozenset("Go Come Join Vote Return Stay Bring Keep Meet Send".split())
_NOT_AFTER_IMPERATIVE = frozenset("to the a an of and".split())  # "Come the hour"
# What a source "would not" do when asked: a refusal told after the day it was made.
_REFUSED = frozenset(
    "comment say confirm deny elaborate discuss disclose speculate budge reveal identify "
    "name specify answer respond rule".split()
)
# A request told in the past, its addressee between it and "to": the verb dates the request.
_REQUESTED = frozenset("asked urged told ordered pressed requested called".split())
_STOP_AFTER_TO = frozenset(
    "the a an his her its their our your my this that these those be been every each "
    "some any no all".split()
)


_DUE_AUX = frozenset("is are was were be been 's 're also now not originally still".split())
# Verbs that follow "due to" in a plan ("is due to arrive"); any other word is a cause.
_PLAN_VERBS = frozenset(
    "be start begin open take meet arrive return visit hold resume end close expire leave "
    "travel sign announce release publish come go face appear attend vote report deliver "
    "decide rule launch complete finish conclude testify speak address hand submit present "
    "receive fly land play host retire step stand run reach make give get become enter join "
    "undergo tour sail dock debate consider discuss review hear issue unveil wrap kick "
    "convene gather stage mark celebrate expand rise fall increase drop".split()
)


def is_past_form(word: str) -> bool:
    """Whether the lower-cased ``word`` reads as a past form: an irregular one ("broke") or
    an "-ed" word that is not one of the adjectives ending so ("united", "aged")."""
    if "-" in word:
        # "re-elected" is a verb; "value-added", "US-led", "so-called" describe a noun
        first, _, rest = word.partition("-")
        return first in _VERB_PREFIXES and is_past_form(rest)
    return word in PAST_WORDS or (
        word.endswith("ed") and len(word) > 4 and word not in ED_EXCEPTIONS
    )


_VERB_PREFIXES = frozenset("re co pre de un over out mis under cross".split())


def _cue(words: list[str], index: int) -> Tense | None:
    """Return the tense signalled by ``words[index]`` in its context, if any."""
    word = words[index].lower()
    previous = words[index - 1].lower() if index else ""
    following = words[index + 1].lower() if index + 1 < len(words) else ""
    if word == "once" and following in _NOT_FORMERLY_AFTER:
        return None  # "once more", "once again", "once a week", "once they arrive"
    if word == "last" and previous in ("the", "its", "their", "his", "her", "our"):
        return None  # "in the last quarter-final": the final one, no past
    if word in ("later", "earlier", "sooner") and following == "than":
        return None  # "expected no earlier than Monday": a bound, no tense
    if (
        words[index] in _IMPERATIVES
        and index + 1 < len(words)
        and words[index + 1].islower()  # not a name ("Go Daddy")
        and following not in _NOT_AFTER_IMPERATIVE
    ):
        return "future"  # "Friends, Come back to the square on Friday": a call to act
    if word == "soon" and following in ("after", "afterwards", "thereafter", "before"):
        return None  # "seized the port soon after starting their revolt in March"
    if word == "later" and is_past_form(following):
        return None  # "an apology on Thursday, later withdrawn": a step told in the past
    if word in ("later", "earlier") and following in _TIMES_OF_A_DAY:
        return None  # "later Thursday", "earlier this morning": a part of a day, no tense
    if word == "coming" and previous not in _COMING_AHEAD and following in _SPAN_AFTER_COMING:
        return None  # a participle placing something ("coming a year before the outbreak")
    if word == "coming" and previous in ("from", "of", "without", "by", "after", "before"):
        return None  # a gerund ("to stop the oil from coming in")
    if word == "plans" and (previous in _BEFORE_ADJECTIVE or following in _NOUN_PLANS_AFTER):
        return None  # "plans for Thursday's protests were circulated": the noun
    if word in _MODALS and words[index].islower() and following not in _NOT_AHEAD_AFTER_MODAL:
        return "future"  # "could resume by Thursday", "should peak Wednesday"
    if (
        word == "going"
        and following != "to"
        and previous not in _PROGRESSIVE_AUX
        and not previous.endswith(("'s", "'re", "'m"))
    ):
        return None  # "the index going up 7 points": a movement, no plan
    if word == "next" and following in ("to", "door"):
        return None  # "a building next to the residence", "the centre next door": beside it
    if word == "ahead" and (
        previous in _LEAD_BEFORE_AHEAD
        or previous[:1].isdigit()
        or previous in _PROCEED_BEFORE_AHEAD
    ):
        # "16 points ahead", "well ahead": a lead; "let the strikes go ahead": to proceed
        return None
    if (
        is_past_form(word)
        and previous.endswith("ing")
        and words[index - 1].islower()
        and previous not in _NOT_GERUND_OBJECT
        and following[:1].isalpha()
        and words[index + 1].islower()
        and following not in _NOT_NOUN_AFTER_ED
    ):
        return None  # "will help in fulfilling increased demands": an adjective
    if word in ("provided", "providing") and following in _SUBJECTS | {"the"}:
        return None  # "provided that they beat Tottenham on Sunday": a condition
    if word == "since" and following == "then":
        return None  # "will sleep at the camp, a first since then, and fly back": a bound
    if word == "forthcoming" and previous not in _BEFORE_ADJECTIVE:
        return None  # "was not particularly forthcoming": open, not ahead
    if word in FUTURE_WORDS:
        if (
            word in ("would", "wo")
            and following in ("not", "n't")
            and index + 2 < len(words)
            and words[index + 2].lower() in _REFUSED
        ):
            return "past"  # "would not comment Friday": a refusal on that day, told after
        if previous in ("as", "than") and word in ("scheduled", "planned", "expected"):
            # "retired, as scheduled, on June 30", "better than expected results on
            # Tuesday": an aside or a comparison, the verb decides
            return None
        if word == "'ll" and following in ("recall", "remember"):
            return None  # "as you 'll recall, on Wednesday ...": an aside, no future
        return "past" if previous in _LOOKING_BACK else "future"
    if previous == "to" and word.islower():
        return None  # an infinitive ("to set up"): the word "to" decides
    if word == "to" and index + 1 < len(words):
        following = words[index + 1]
        if following.islower() and following not in _STOP_AFTER_TO:
            lead = {w.lower() for w in words[max(0, index - 3) : index]}
            if lead & _PAST_AUX:
                return "past"
            if (
                words[index - 1].lower() == "due"
                and following.lower() not in _PLAN_VERBS  # a cause, not a plan
                and (index < 2 or words[index - 2].lower() not in _DUE_AUX)
            ):
                # "withdrew due to injuries on Monday", "wounds sustained due to enemy
                # action": because of them, not "talks due to start at the weekend"
                return None
            if lead & _REQUESTED and words[index - 1].lower() not in _REQUESTED:
                return None  # "asked the speaker to call a vote on Monday": the asking
            if lead & INTENT_WORDS:
                return "future"
        return None
    if (
        is_past_form(word)
        and previous.endswith("ly")
        and previous not in _NOT_ADVERBS
        and index >= 2
        and (words[index - 2].lower() in _BEFORE_ADJECTIVE or words[index - 2].endswith("'s"))
    ):
        return None  # "the Bank of Japan's closely watched survey": an adjective
    if is_past_form(word) and previous in ("and", "or") and index >= 2:
        passive = {w.lower() for w in words[max(0, index - 5) : index - 2]} & _PASSIVE_BE
        if is_past_form(words[index - 2].lower()) and passive:
            return None  # "will be presented and played on Friday": the first one's tense
    if is_past_form(word) or (previous in ("be", "been") and word in _BARE_PARTICIPLES):
        before = [w.lower() for w in words[max(0, index - 3) : index]]
        if word not in PAST_WORDS and before[-1:] and before[-1] in _BEFORE_ADJECTIVE:
            return None
        if before[-2:] == ["would", "have"]:
            return "past"  # "would have risen in October": a past that did not happen
        if any(w in _FUTURE_AUX for w in before) or before[-2:] == ["to", "be"]:
            return "future"
        if "be" in before and "have" not in before and any(w in _MODALS for w in before):
            return "future"  # "could be permanently sealed by Sunday"
        if before[-2:] in (["after", "being"], ["since", "being"]):
            return "past"  # "held until Saturday after being arrested on Tuesday"
        if before[-1:] in (["not"], ["n't"], ["never"]):
            before = before[:-1]  # "if the leak is not sealed in July": still a passive
        if before[-1:] and (before[-1] in _PASSIVE_AUX or before[-1].endswith(("'m", "'re"))):
            return None
        return "past"
    if word in ("is", "are") and following in _PLAN_AFTER_IS:
        return "future"  # "a witness is scheduled to testify ... on Wednesday"
    if word == "now" and previous in _FUTURE_AUX | _MODALS:
        return None  # "would now not attend ... on Sunday": the modal decides
    if word.endswith("ing") and previous == "since" and len(word) > 5:
        return "past"  # "since leaving office in May"
    if word in PRESENT_WORDS or word.endswith(("'re", "'m")):
        return "present"  # "we're meeting on Saturday", "I'm told"
    return None


# ", who will be taking part ,": a clause about someone, skipped when looking ahead for
# the verb of the expression's own clause (", which will be broadcast," may be about it).
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|whose)\b[^,]*,")


# ", located about 500 km from the capital,": a participle describing a place, no tense.
_DESCRIBING_PARTICIPLE = re.compile(
    r",\s*(?:located|based\s+in|situated|headquartered|nestled|perched)\b[^,;.!?\"]*,"
)
# "could be capped -- though not sealed -- by Sunday": an aside between dashes.
_DASHED_ASIDE = re.compile(r"\s(?:--|\u2014)\s[^-\u2014.;!?]{1,60}?\s(?:--|\u2014)\s")
# A short quoted term ("open skies" agreement) is part of its clause, not quoted speech.
_SHORT_QUOTE = re.compile(r"[\"\u201c]([^\"\u201c\u201d\n.,;:!?]{1,24})[\"\u201d]")


def _clause_window(text: str, start: int, end: int) -> tuple[list[str], int]:
    """Return the words of the clause around [start, end) and the index after the left part."""
    left = _SHORT_QUOTE.sub(r" \1 ", text[max(0, start - _WINDOW_CHARS) : start])
    left = _DASHED_ASIDE.sub(" ", _DESCRIBING_PARTICIPLE.sub(" ", left))
    right = _SHORT_QUOTE.sub(r" \1 ", text[end : end + _WINDOW_CHARS])
    cuts = [m.end() for m in _BOUNDARY.finditer(left)]
    if cuts:
        left = left[cuts[-1] :]
    stop = _BOUNDARY.search(right)
    if stop is not None:
        right = right[: stop.start()]
    right = _RELATIVE_CLAUSE.sub(" ", right)
    left_words = _WORD.findall(left)
    return left_words + _WORD.findall(right), len(left_words)


def clause_tense(text: str, start: int, end: int) -> Tense | None:
    """Return the tense of the clause that holds ``text[start:end]``, or ``None``.

    The nearest cue before the expression wins ("agreed on Saturday" is past, "will
    meet on Friday" future); when there is none before it, the nearest after it.

    Example:
        >>> clause_tense("He will arrive on Friday.", 17, 23)
        'future'
    """
    words, split = _clause_window(text, start, end)
    if (
        split >= 2
        and split < len(words)
        and words[split - 2].lower() == "and"
        and words[split - 1].lower() in ("on", "late", "early")
        and (is_past_form(words[split].lower()) or words[split].lower() in _REPORTING)
    ):
        return "past"  # "will be difficult ... and on Monday criticised": the day's verb
    for index in range(split - 1, max(-1, split - 1 - _WINDOW_WORDS), -1):
        if words[index].lower() in _SUBORDINATORS and index < split - 1:
            # "will play on January 9 after their match on Tuesday was put off": the
            # clause "after" opens has its own verb, after the expression
            own = _verb_after(words, split)
            if own is not None:
                return own
        if index == split - 1 and words[index].lower() in ("later", "earlier"):
            continue  # "Later Saturday, the talks opened": part of the expression's day
        tense = _cue(words, index)
        if tense is not None:
            return tense
    for index in range(split, min(len(words), split + _WINDOW_WORDS)):
        tense = _cue(words, index)
        if tense is not None:
            if tense == "past" and words[index].lower() not in PAST_WORDS:
                # "from May 1, leaded fuel will be ...": an "-ed" adjective, then the verb
                after = [w.lower() for w in words[index + 1 : index + 3]]
                if after and after[0] not in _SUBJECTS and set(after) & _WILL:
                    return "future"
            return tense
    return None


_NOT_FORMERLY_AFTER = frozenset(
    "more again a an every in or and the per daily you we they he she it i that this".split()
)
_SUBORDINATORS = frozenset("after before because although though while whereas unless".split())
_AUXILIARIES = frozenset("was were had did will would 'll".split())


def _verb_after(words: list[str], split: int) -> Tense | None:
    """The tense of an auxiliary right after the expression ("on Tuesday was
    postponed"), past an adverb ("late Wednesday night were predicting")."""
    index = split
    if index < len(words) and words[index].lower().endswith("ly"):
        index += 1
    if index < len(words) and words[index].lower() in _PARTS_OF_DAY:
        index += 1  # "observers late Wednesday night were predicting"
    if index < len(words) and words[index].lower() in _AUXILIARIES:
        return _cue(words, index)
    return None


# Words in "-ing" before which an "-ed" word is a verb ("after being arrested"), and
# words after one that show it is a verb ("meeting ended on Friday").
_NOT_GERUND_OBJECT = frozenset(
    "being having getting becoming seeing morning evening during thing nothing something "
    "anything everything king ring spring meeting building".split()
)
_NOT_NOUN_AFTER_ED = frozenset(
    "on in at by to from for with of into as after before since until the a an his her "
    "their its our this that these those and or but when while".split()
)
_REPORTING = frozenset("said says told tells added adding according".split())


def sentence_tense(sentence: str) -> Tense:
    """Return the main tense of a sentence by a vote of its cues (reporting verbs aside).

    Example:
        >>> sentence_tense("Putin made an official visit to Japan in 2005.")
        'past'
    """
    words = _WORD.findall(sentence)
    votes = {"past": 0, "present": 0, "future": 0}
    for index, word in enumerate(words):
        if word.lower() in _REPORTING:
            continue
        tense = _cue(words, index)
        if tense is not None and word.lower() not in ("last", "next", "now", "today"):
            votes[tense] += 1
    if votes["future"] and votes["future"] >= votes["past"]:
        return "future"
    if votes["past"]:
        return "past"
    return "present"
