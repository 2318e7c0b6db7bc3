"""The gazetteer: names known without context, read from the package's ``gazetteer.tsv``."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from types import MappingProxyType

from storyline.entities._text import normalize_key
from storyline.entities._types import Kind

_MENTION_KINDS: frozenset[str] = frozenset({"PLACE", "ORG", "EVENT"})


@dataclass(frozen=True, slots=True)
class Place:
    """What the gazetteer says about one name.

    ``relation`` is ``country``, ``continent``, ``region``, or ``capital``/``city``/
    ``state``/``region``/``part`` with ``of`` naming the larger place.
    """

    kind: Kind
    canonical: str
    relation: str = ""
    of: str = ""


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Names, demonyms and given names, each keyed by `normalize_key`."""

    names: Mapping[str, Place]
    demonyms: Mapping[str, str]
    given_names: frozenset[str]
    max_words: int
    openers: frozenset[str] = frozenset()
    """Folded first words of the multi-word names."""
    spellings: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    """Every listed name of an entity, keyed by the key of its canonical name."""

    def spellings_of(self, canonical: str) -> tuple[str, ...]:
        """Return the listed names of the entity called ``canonical`` ("G8", "G-8" …)."""
        return self.spellings.get(normalize_key(canonical), ())

    def lookup(self, name: str) -> Place | None:
        """Return the entry for ``name`` (any spelling that shares its key), or ``None``."""
        return self.names.get(normalize_key(name))

    def written_in_capitals(self, word: str) -> bool:
        """Tell whether every listed spelling that shares ``word``'s key is in capitals
        (an acronym: "WHO", whose key "Who" shares)."""
        entry = self.lookup(word)
        if entry is None:
            return False
        key = normalize_key(word)
        listed = [n for n in self.spellings_of(entry.canonical) if normalize_key(n) == key]
        return bool(listed) and all(n.isupper() for n in listed)

    def demonym(self, word: str) -> str | None:
        """Return the place whose people ``word`` names ("Russian", "Libyans" → "Russia",
        "Libya"), or ``None``."""
        key = normalize_key(word)
        place = self.demonyms.get(key)
        if place is None and key.endswith("s") and key not in self.names:  # "Philippines"
            place = self.demonyms.get(key[:-1])
        return place

    def is_given_name(self, word: str) -> bool:
        """Tell whether ``word`` is a common given name."""
        return normalize_key(word) in self.given_names

    def country_of_capital(self, name: str) -> str | None:
        """Return the country whose capital ``name`` is, or ``None``."""
        entry = self.lookup(name)
        if entry is not None and entry.relation == "capital":
            return entry.of
        return None

    def is_country(self, name: str) -> bool:
        """Tell whether ``name`` names a country."""
        entry = self.lookup(name)
        return entry is not None and entry.relation == "country"


def parse_gazetteer(lines: Iterable[str]) -> Gazetteer:
    """Build a `Gazetteer` from TSV lines (``name, kind, canonical, relation``).

    Blank lines and lines starting with ``#`` are skipped; the first row of a name wins.

    Raises:
        ValueError: a row has the wrong number of columns or an unknown kind.
    """
    names: dict[str, Place] = {}
    demonyms: dict[str, str] = {}
    given: set[str] = set()
    openers: set[str] = set()
    spellings: dict[str, list[str]] = {}
    max_words = 1
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 4:
            raise ValueError(f"gazetteer line {number}: expected 4 tab-separated columns")
        name, kind, canonical, relation = fields
        key = normalize_key(name)
        if kind == "GIVEN":
            given.add(key)
        elif kind == "DEMONYM":
            demonyms.setdefault(key, canonical)
        elif kind in _MENTION_KINDS:
            rel, _, of = relation.partition(":")
            names.setdefault(key, Place(_as_kind(kind), canonical, rel, of))
            spellings.setdefault(normalize_key(canonical), []).append(name)
            words = name.split()
            max_words = max(max_words, len(words))
            if len(words) > 1 and words[0].casefold() != "the":
                openers.add(words[0].casefold().replace(".", ""))
        else:
            raise ValueError(f"gazetteer line {number}: unknown kind {kind!r}")
    return Gazetteer(
        MappingProxyType(names),
        MappingProxyType(demonyms),
        frozenset(given),
        max_words,
        frozenset(openers),
        MappingProxyType({k: tuple(v) for k, v in spellings.items()}),
    )


def _as_kind(kind: str) -> Kind:
    if kind == "PLACE":
        return "PLACE"
    if kind == "ORG":
        return "ORG"
    return "EVENT"


@functools.cache
def default_gazetteer() -> Gazetteer:
    """Return the gazetteer shipped with storyline (read once, then shared)."""
    text = resources.files("storyline.entities").joinpath("gazetteer.tsv").read_text("utf-8")
    return parse_gazetteer(text.splitlines())
