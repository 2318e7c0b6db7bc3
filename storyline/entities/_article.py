"""Resolving the mentions of one article into local entities.

Chaining rules, applied in order (a union-find over mention indexes):

1. Person names of two or more words join when their last words match and their
   first names agree (equal, an initial of the other, or missing).
2. A one-word mention that is not a known place or organisation joins the nearest
   earlier (else the nearest later) person whose surname - or, for a name of two words,
   whose first word that is not a given name ("Xi" of "Xi Jinping", "Wolf" of "Wolf
   Blitzer") - it spells.
3. Other mentions join on equal keys (the gazetteer makes "WTO" and "World Trade
   Organisation" one key); a single word joins a longer name it opens when the rest
   is generic ("Kuril" → "Kuril Islands").
4. Stated aliases join their names: acronyms, "also called", "known as A in R and B
   in J" (the viewpoints go on the aliases).
5. Descriptions: a determiner, up to two modifiers and an island head word ("four small
   islands", "the islands") refer to the article's one island entity, when it has
   exactly one (a name ending in an island word, or a "known as" subject that is such
   a description).

Metonymy (a capital standing for its government: "Tokyo has promised", "ties with
Tokyo", "Tokyo's position") is recorded, never replaced: the mention stays a place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from storyline.entities._aliases import learn_aliases
from storyline.entities._cues import fold
from storyline.entities._gazetteer import Gazetteer, default_gazetteer
from storyline.entities._lexicon import (
    AGENT_VERBS,
    DESCRIPTION_HEADS,
    ORG_SUFFIXES,
    PLACE_PREPOSITIONS,
    PLACE_SUFFIXES,
)
from storyline.entities._names import name_parts, names_agree, surname_keys
from storyline.entities._roles import find_text_roles
from storyline.entities._text import normalize_key, sentence_starts
from storyline.entities._types import (
    Alias,
    AliasFact,
    ArticleEntities,
    DemonymLink,
    Description,
    Kind,
    LocalEntity,
    Mention,
    Metonymy,
    RoleMention,
)
from storyline.model import Evidence

_DESCRIPTION = re.compile(
    r"\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]everal|[Bb]oth)"
    r"\s+(?:(?!of\b|and\b|in\b|on\b)[\w-]+\s+){0,2}?(?:islands|island|isles|archipelago)\b"
)
_DEMONYM_WORD = re.compile(r"\b(?P<word>[A-Z][a-z]+)\b(?=(?P<pair>\s[A-Z][a-z]+\b)?)")
# Nouns after a capital's possessive that make it its government ("Tokyo's position").
_GOVERNMENT_NOUNS = frozenset(
    "ties relations position policy decision bid stance claim claims ambitions government "
    "response offer proposal demands".split()
)
_RELATION_NOUNS = frozenset("ties relations talks dialogue trade negotiations links".split())
_GENERIC = PLACE_SUFFIXES | ORG_SUFFIXES
# A known organisation's name before one of these names a part of it, not it ("the UN
# Office for the Coordination of Humanitarian Affairs", "the NATO Council").
_UNITS = frozenset(
    "office council department ministry committee commission agency bureau board court"
    " authority assembly".split()
)
_THE_BEFORE = re.compile(r"(?i)\bthe\s+$")
# What a person's name opens without being the person: "Obama" of "the Obama
# Administration", "Clinton" of "the Clinton Foundation".
_LED_BY = frozenset("administration cabinet foundation government campaign".split())


def resolve_in_article(
    text: str,
    mentions: Sequence[Mention],
    *,
    date: str | None = None,
    gazetteer: Gazetteer | None = None,
    demonyms: Sequence[DemonymLink] | None = None,
) -> ArticleEntities:
    """Chain an article's mentions into local entities with roles, aliases and metonymy.

    Args:
        text: the text the mentions were found in (offsets refer to it).
        mentions: the mentions, as `find_mentions` returns them.
        date: the article's date (ISO); roles written as present titles hold then.
        gazetteer: names known without context; the shipped one by default.
        demonyms: the demonym links found with the mentions, when known (else they
            are looked for again).

    Returns:
        The mentions, the local entities (ids ``e0``, ``e1`` … in order of first
        mention), metonymies, stated aliases and demonym links.

    Example:
        >>> text = "Russian President Vladimir Putin met Mr Putin's allies."
        >>> result = resolve_in_article(text, find_mentions(text), date="2005-11-20")
        >>> [(e.name, e.forms) for e in result.entities]
        [('Vladimir Putin', ('Russian President Vladimir Putin', 'Mr Putin'))]
    """
    gaz = gazetteer or default_gazetteer()
    mentions = tuple(mentions)
    chains = _Chains(len(mentions))
    _chain_people(text, mentions, chains, gaz)
    _chain_keys(mentions, chains, gaz)
    _chain_heads_of(mentions, chains)
    facts = learn_aliases(text, gaz)
    aliases, subjects = _chain_facts(mentions, chains, facts)
    kinds = _group_kinds(text, mentions, chains, gaz)
    is_person = [kinds[chains.find(i)] == "PERSON" for i in range(len(mentions))]
    roles = _roles(text, mentions, is_person, gaz, date)
    descriptions = _descriptions(text, mentions, chains, kinds, subjects)
    entities = _build(mentions, chains, kinds, gaz, aliases, roles, descriptions)
    return ArticleEntities(
        mentions=mentions,
        entities=entities,
        metonymies=_metonymies(text, mentions, gaz),
        alias_facts=facts,
        demonyms=tuple(demonyms) if demonyms is not None else _demonyms(text, mentions, gaz),
        date=date,
    )


class _Chains:
    """A union-find over mention indexes."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            found.setdefault(self.find(i), []).append(i)
        return found


def _chain_people(text: str, mentions: Sequence[Mention], chains: _Chains, gaz: Gazetteer) -> None:
    """Rules 1 and 2: full names by surname and given names, then single words."""
    full = [  # named events too: "Hurricane Katrina" ... "Katrina"
        i
        for i, m in enumerate(mentions)
        if m.kind in ("PERSON", "OTHER", "EVENT") and len(m.text.split()) > 1
    ]
    people = [i for i in full if mentions[i].kind == "PERSON"]
    # Each mention joins the earliest earlier one that agrees with it; a name written
    # again is compared once, through its first mention.
    first: dict[str, int] = {}
    for i in people:
        name = mentions[i].text
        if name in first:
            chains.join(i, first[name])
            continue
        words = name.split()
        for other, j in first.items():
            if names_agree(words, other.split(), gaz):
                chains.join(i, j)
                break
        first[name] = i
    owners_of: dict[str, list[int]] = {}
    # First words no known given name opens, which a report may use alone ("Thanks,
    # Wolf" of "Wolf Blitzer"): a word joins one only when no full name ends in it
    # ("Obama" of "Barack Obama", not of a flat text's "Obama Tries").
    openers_of: dict[str, list[int]] = {}
    for i in full:
        words = mentions[i].text.split()
        for key in surname_keys(words, gaz):
            owners_of.setdefault(key, []).append(i)
        given = name_parts(words)[0]
        if len(given) == 1 and not gaz.is_given_name(given[0]):
            openers_of.setdefault(given[0], []).append(i)
    seen: Counter[int] = Counter()  # mentions so far of each chain (by its root)
    is_full = set(full)
    for i, mention in enumerate(mentions):
        if i in is_full:
            seen[chains.find(i)] += 1
        if len(mention.text.split()) != 1 or mention.kind in ("ORG", "EVENT"):
            continue
        if mention.kind != "PERSON" and gaz.lookup(mention.text) is not None:
            continue  # "Jordan" the country; but "Mr Kan" is Naoto Kan, not "Kan." (Kansas)
        key = normalize_key(mention.text)
        owners = owners_of.get(key) or openers_of.get(key)
        if owners:
            earlier = [j for j in owners if j < i]
            owner = _bearer(text, mentions, chains, seen, earlier, i) if earlier else owners[0]
            chains.join(i, owner)
            seen[chains.find(i)] += 1


def _bearer(
    text: str,
    mentions: Sequence[Mention],
    chains: _Chains,
    seen: Counter[int],
    earlier: list[int],
    at: int,
) -> int:
    """The full name a surname written alone stands for, of ``earlier`` ones.

    The one named in the same or the previous sentence, when only one is; else the one
    mentioned most so far ("Aisha Gaddafi", named once, does not take every later
    "Gaddafi" of a chronology of Muammar Gaddafi's fall); else the nearest.
    """
    if len({chains.find(j) for j in earlier}) == 1:
        return earlier[-1]
    near = [j for j in earlier if _within_a_sentence(text, mentions[j], mentions[at])]
    if near and len({chains.find(j) for j in near}) == 1:
        return near[-1]
    return max(reversed(earlier), key=lambda j: seen[chains.find(j)])


def _within_a_sentence(text: str, earlier: Mention, later: Mention) -> bool:
    """Whether ``later`` lies in ``earlier``'s sentence or the next one (as the tokenizer
    splits them: "Col. Muammar Gaddafi" is one sentence)."""
    return later.start - earlier.end <= 400 and sentence_starts(text, earlier.start, later.end) <= 1


def _chain_keys(mentions: Sequence[Mention], chains: _Chains, gaz: Gazetteer) -> None:
    """Rule 3: equal keys; a single word opening a longer generic name ("Kuril" and
    "Kuril Islands"), unless the word is a known place the longer name is not
    ("Mexico" and "Mexico City", "Texas" and "Texas City", "Gulf" and "Gulf Coast") or a
    person's surname."""
    # Chains holding a person's full name: a surname written alone twice joins two of
    # them only when it is one name ("Hillary Clinton" ... "Clinton" ... "Bill
    # Clinton" ... "Clinton" is two people).
    named = {chains.find(i) for i, m in enumerate(mentions) if m.kind == "PERSON" and " " in m.text}
    by_key: dict[str, int] = {}
    for i, mention in enumerate(mentions):
        first = by_key.setdefault(mention.entity_key, i)
        several_words = " " in mention.entity_key
        if first != i and (several_words or _compatible(mentions[first].kind, mention.kind)):
            a, b = chains.find(first), chains.find(i)
            if not several_words and a != b and a in named and b in named:
                continue
            chains.join(first, i)
            if a in named or b in named:
                named.add(chains.find(i))
    people = {m.entity_key for m in mentions if m.kind == "PERSON"}
    for key, i in by_key.items():
        head, _, rest = key.partition(" ")
        words = rest.split()
        if rest and head in by_key and all(w in _GENERIC for w in words):
            if head in people or chains.find(by_key[head]) in named or _LED_BY & set(words):
                continue  # "Wall", Simon Wall's surname, is not the Wall Street
            known = gaz.lookup(mentions[by_key[head]].text)
            whole = gaz.lookup(mentions[i].text)
            if known is None or (
                known.canonical == whole.canonical
                if whole
                else known.kind != "PLACE" and not _UNITS.intersection(words)
            ):
                chains.join(by_key[head], i)


def _chain_heads_of(mentions: Sequence[Mention], chains: _Chains) -> None:
    """Rule 3b: a place's single word is the "<word> of ..." place the article names.

    "Oil spread across the Gulf of Mexico. Fishermen in the Gulf are angry": the bare
    word reads as the gazetteer's Gulf (the Persian Gulf) only when the article names
    no other, or names that one too.
    """
    longer: dict[str, set[str]] = {}
    for mention in mentions:
        head, of, _ = mention.text.partition(" of ")
        if of and mention.kind == "PLACE" and " " not in head:
            longer.setdefault(normalize_key(head), set()).add(mention.entity_key)
    if not longer:
        return
    first: dict[str, int] = {}
    spelled: dict[str, set[str]] = {}  # each key's spellings in the article
    for i, mention in enumerate(mentions):
        first.setdefault(mention.entity_key, i)
        spelled.setdefault(mention.entity_key, set()).add(normalize_key(mention.text))
    for i, mention in enumerate(mentions):
        if mention.kind not in ("PLACE", "OTHER") or " " in mention.text:
            continue
        owners = longer.get(normalize_key(mention.text))
        if owners is None or len(owners) != 1:
            continue
        if spelled[mention.entity_key] - {normalize_key(mention.text)}:
            continue  # the article also writes the place the word is known for
        chains.join(first[next(iter(owners))], i)


def _compatible(a: Kind, b: Kind) -> bool:
    return a == b or "OTHER" in (a, b) or {a, b} == {"PERSON", "PLACE"}


def _chain_facts(
    mentions: Sequence[Mention], chains: _Chains, facts: Sequence[AliasFact]
) -> tuple[dict[int, list[Alias]], dict[int, str]]:
    """Rule 4: join stated aliases; return aliases and description subjects per mention."""
    starts = {m.start: i for i, m in enumerate(mentions)}
    aliases: dict[int, list[Alias]] = {}
    subjects: dict[int, str] = {}
    for fact in facts:
        alias_at = starts.get(fact.alias_start)
        if alias_at is None:
            continue
        name_at = starts.get(fact.name_start)
        if name_at is None:
            name_at = _mention_inside(mentions, fact.name_start, len(fact.name))
        if name_at is not None:
            chains.join(name_at, alias_at)
        else:
            subjects[alias_at] = fact.name
        alias = Alias(fact.alias, fact.viewpoint, evidence=fact.evidence)
        aliases.setdefault(alias_at, []).append(alias)
        siblings = [f for f in facts if f.evidence == fact.evidence and f is not fact]
        for other in siblings:
            other_at = starts.get(other.alias_start)
            if other_at is not None:
                chains.join(alias_at, other_at)
    return aliases, subjects


def _mention_inside(mentions: Sequence[Mention], start: int, length: int) -> int | None:
    for i, mention in enumerate(mentions):
        if start <= mention.start and mention.end <= start + length:
            return i
    return None


def _group_kinds(
    text: str, mentions: Sequence[Mention], chains: _Chains, gaz: Gazetteer
) -> dict[int, Kind]:
    """Give each chain one kind: a person if any titled name, or a full name never
    written after "the"; else the majority."""
    kinds: dict[int, Kind] = {}
    for root, members in chains.groups().items():
        kinds[root] = _chain_kind(text, [mentions[i] for i in members], gaz)
    return kinds


def _chain_kind(text: str, members: list[Mention], gaz: Gazetteer) -> Kind:
    if any(m.kind == "PERSON" and m.cue for m in members):
        return "PERSON"
    # A full name written after "the" is a thing's ("the Deepwater Horizon"); a surname
    # may be ("the Obama administration").
    thing = any(
        " " in m.text and _THE_BEFORE.search(text, max(0, m.start - 5), m.start) for m in members
    )
    if not thing and any(m.kind == "PERSON" and " " in m.text for m in members):
        return "PERSON"
    known = [entry.kind for m in members if (entry := gaz.lookup(m.text)) is not None]
    if known:
        return Counter(known).most_common(1)[0][0]
    skip = ("OTHER", "PERSON") if thing else ("OTHER",)
    counts = Counter(m.kind for m in members if m.kind not in skip)
    return counts.most_common(1)[0][0] if counts else "OTHER"


def _roles(
    text: str,
    mentions: Sequence[Mention],
    is_person: list[bool],
    gaz: Gazetteer,
    date: str | None,
) -> dict[int, list[tuple[str, str | None, Evidence]]]:
    """Collect roles per mention index: title cues at ``date``, then roles in the text."""
    roles: dict[int, list[tuple[str, str | None, Evidence]]] = {}
    for i, mention in enumerate(mentions):
        if mention.role and is_person[i]:
            start = text.rfind(mention.cue, 0, mention.start) if mention.cue else -1
            start = start if start >= 0 else mention.start
            evidence = Evidence(text[start : mention.end], start, mention.end)
            roles.setdefault(i, []).append((mention.role, date, evidence))
    for found in find_text_roles(text, mentions, is_person, gaz, date):
        evidence = Evidence(text[found.start : found.end], found.start, found.end)
        roles.setdefault(found.mention, []).append((found.role, found.date, evidence))
    return roles


def _descriptions(
    text: str,
    mentions: Sequence[Mention],
    chains: _Chains,
    kinds: dict[int, Kind],
    subjects: dict[int, str],
) -> dict[int, list[Description]]:
    """Rule 5: island descriptions go to the article's one island entity."""
    islands: set[int] = set()
    for i, mention in enumerate(mentions):
        root = chains.find(i)
        head = fold(mention.text.split()[-1])
        subject_head = fold(subjects[i].split()[-1]) if i in subjects else ""
        if kinds[root] in ("PLACE", "OTHER") and (
            head in DESCRIPTION_HEADS or subject_head in DESCRIPTION_HEADS
        ):
            islands.add(root)
    if len(islands) != 1:
        return {}
    root = islands.pop()
    found = [Description(m.group(), m.start(), m.end()) for m in _DESCRIPTION.finditer(text)]
    return {root: found} if found else {}


def _build(
    mentions: Sequence[Mention],
    chains: _Chains,
    kinds: dict[int, Kind],
    gaz: Gazetteer,
    aliases: dict[int, list[Alias]],
    roles: dict[int, list[tuple[str, str | None, Evidence]]],
    descriptions: dict[int, list[Description]],
) -> tuple[LocalEntity, ...]:
    entities: list[LocalEntity] = []
    for number, (root, members) in enumerate(sorted(chains.groups().items())):
        kind = kinds[root]
        name = _chain_name([mentions[i] for i in members], kind, gaz)
        key = normalize_key(name)
        forms = tuple(dict.fromkeys(mentions[i].form for i in members))
        own_aliases = tuple(a for i in members for a in aliases.get(i, ()))
        own_roles = tuple(
            RoleMention(key, role, when, evidence)
            for i in members
            for role, when, evidence in roles.get(i, ())
        )
        entities.append(
            LocalEntity(
                id=f"e{number}",
                name=name,
                kind=kind,
                key=key,
                mentions=tuple(members),
                forms=forms,
                aliases=own_aliases,
                roles=own_roles,
                descriptions=tuple(descriptions.get(root, ())),
            )
        )
    return tuple(entities)


def _chain_name(members: list[Mention], kind: Kind, gaz: Gazetteer) -> str:
    """Return the fullest name of a chain: canonical if known, else the longest."""
    for mention in members:
        entry = gaz.lookup(mention.text)
        if entry is not None and entry.kind == kind:
            opens = mention.text.lower() + " of "  # the "Gulf" of a chain with "Gulf of Mexico"
            if not any(m.text.lower().startswith(opens) for m in members):
                return entry.canonical
    if kind == "PERSON":
        return max((m.text for m in members), key=lambda t: (len(t.split()), len(t)))
    return max(members, key=lambda m: (len(m.text.split()), -m.start)).text


def _metonymies(text: str, mentions: Sequence[Mention], gaz: Gazetteer) -> tuple[Metonymy, ...]:
    """Flag capitals used for their government (see the module docstring)."""
    found: list[Metonymy] = []
    for i, mention in enumerate(mentions):
        if mention.kind != "PLACE":
            continue
        country = gaz.country_of_capital(mention.text)
        if country is None or not _is_agent_use(text, mention):
            continue
        start, end = _sentence_around(text, mention.start, mention.end)
        evidence = Evidence(text[start:end], start, end)
        reading = f"government of {country}"
        found.append(Metonymy(i, reading, normalize_key(country), evidence))
    return tuple(found)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the bounds of the sentence holding ``start..end`` (at most 300 characters)."""
    low = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - 300)
    low = max(0, low + 1)
    while low < start and text[low].isspace():
        low += 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    high = min([*stops, len(text) - 1, end + 300]) + 1
    return low, min(high, len(text))


def _is_agent_use(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 60) : mention.start].split()
    after = text[mention.end : mention.end + 40].split()
    if after and after[0] in ("'s", "’s"):
        return any(w.casefold() in _GOVERNMENT_NOUNS for w in after[1:3])
    if before and before[-1].casefold() in PLACE_PREPOSITIONS:
        return False
    if after and after[0].casefold().strip(",.") in AGENT_VERBS and after[0][-1:] not in ",.":
        return True
    if before and before[-1].casefold() in ("with", "between"):
        return any(w.casefold() in _RELATION_NOUNS for w in before[-5:-1])
    return False


def _demonyms(text: str, mentions: Sequence[Mention], gaz: Gazetteer) -> tuple[DemonymLink, ...]:
    """Find demonyms ("Russian", "South Korean") outside mentions: relations to places."""
    spans = [(m.start, m.end) for m in mentions]
    found: list[DemonymLink] = []
    skip_to = 0
    for match in _DEMONYM_WORD.finditer(text):
        if match.start() < skip_to or any(a <= match.start() < b for a, b in spans):
            continue
        for end in (match.end("pair"), match.end("word")):
            place = gaz.demonym(text[match.start() : end]) if end > 0 else None
            if place is not None:
                found.append(
                    DemonymLink(text[match.start() : end], match.start(), end, normalize_key(place))
                )
                skip_to = end
                break
    return tuple(found)
