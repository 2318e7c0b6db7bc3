"""The alias registry: every name of every canonical entity, with viewpoint and validity."""

from __future__ import annotations

import csv
import dataclasses
import json
import re
from collections.abc import Iterable
from typing import Any, TextIO

from storyline.entities._text import normalize_key
from storyline.entities._types import Alias, AliasRow
from storyline.errors import RecordError
from storyline.model import Evidence

CSV_COLUMNS = (
    "entity_id",
    "name",
    "viewpoint",
    "valid_from",
    "valid_to",
    "evidence_article",
    "evidence_text",
    "evidence_start",
    "evidence_end",
)
_REQUIRED = ("entity_id", "name")
_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")

_AliasId = tuple[str, str | None, str | None, str | None]


class AliasRegistry:
    """Names of canonical entities and who uses them when; a name → entity index.

    A user alias file is a CSV with the columns ``entity_id,name`` and optionally
    ``viewpoint,valid_from,valid_to``: load it with `load_csv`.  The whole registry
    travels as plain `AliasRow` values (`rows`, `from_rows`), as CSV or as JSON.

    Example:
        >>> registry = AliasRegistry()
        >>> registry.add("place:kuril-islands", Alias("Northern Territories", "Japan"))
        True
        >>> registry.lookup("northern territories")
        ('place:kuril-islands',)
        >>> registry.name_for("place:kuril-islands", viewpoint="Japan")
        'Northern Territories'
    """

    def __init__(self, rows: Iterable[AliasRow] = ()) -> None:
        self._aliases: dict[str, dict[_AliasId, Alias]] = {}
        self._index: dict[str, set[str]] = {}
        for row in rows:
            self.add(row.entity_id, _alias_of(row))

    def __len__(self) -> int:
        return sum(len(a) for a in self._aliases.values())

    def add(self, entity_id: str, alias: Alias) -> bool:
        """Record ``alias`` for ``entity_id``; return whether it was new."""
        ident = (alias.name, alias.viewpoint, alias.valid_from, alias.valid_to)
        known = self._aliases.setdefault(entity_id, {})
        if ident in known:
            if known[ident].evidence is None and alias.evidence is not None:
                known[ident] = alias
            return False
        known[ident] = alias
        self._index.setdefault(normalize_key(alias.name), set()).add(entity_id)
        return True

    def remove(self, entity_id: str, name: str, viewpoint: str | None = None) -> int:
        """Forget the aliases ``name`` (with ``viewpoint``) of ``entity_id``; return how many."""
        known = self._aliases.get(entity_id, {})
        gone = [i for i in known if i[0] == name and i[1] == viewpoint]
        for ident in gone:
            del known[ident]
        key = normalize_key(name)
        if not any(normalize_key(i[0]) == key for i in known):
            self._index.get(key, set()).discard(entity_id)
        return len(gone)

    def move(self, old_id: str, new_id: str) -> None:
        """Give every alias of ``old_id`` to ``new_id`` (after a merge)."""
        for alias in self._aliases.pop(old_id, {}).values():
            self._index.get(normalize_key(alias.name), set()).discard(old_id)
            self.add(new_id, alias)

    def aliases(self, entity_id: str) -> tuple[Alias, ...]:
        """Return the aliases of ``entity_id`` in the order they were added."""
        return tuple(self._aliases.get(entity_id, {}).values())

    def lookup(
        self, name: str, *, viewpoint: str | None = None, date: str | None = None
    ) -> tuple[str, ...]:
        """Return the ids of entities called ``name`` (any spelling of its key).

        With ``date``, only aliases valid then count; with ``viewpoint``, entities whose
        alias that viewpoint uses come first, then neutral names, then the rest.
        """
        ranked: list[tuple[int, str]] = []
        key = normalize_key(name)
        for entity_id in self._index.get(key, ()):
            ranks = [
                _viewpoint_rank(alias, viewpoint)
                for alias in self._aliases[entity_id].values()
                if normalize_key(alias.name) == key and is_valid(alias, date)
            ]
            if ranks:
                ranked.append((min(ranks), entity_id))
        return tuple(entity_id for _, entity_id in sorted(ranked))

    def name_for(
        self, entity_id: str, *, viewpoint: str | None = None, date: str | None = None
    ) -> str | None:
        """Return the name of ``entity_id`` used from ``viewpoint`` at ``date``, if any."""
        valid = [a for a in self._aliases.get(entity_id, {}).values() if is_valid(a, date)]
        if not valid:
            return None
        return min(valid, key=lambda a: _viewpoint_rank(a, viewpoint)).name

    def rows_of(self, entity_id: str) -> tuple[AliasRow, ...]:
        """Return the aliases of ``entity_id`` as plain rows, in the order they were added."""
        return tuple(
            _row_of(entity_id, alias) for alias in self._aliases.get(entity_id, {}).values()
        )

    def rows(self) -> tuple[AliasRow, ...]:
        """Return every alias as a plain row, ordered by entity id."""
        return tuple(
            _row_of(entity_id, alias)
            for entity_id in sorted(self._aliases)
            for alias in self._aliases[entity_id].values()
        )

    @classmethod
    def from_rows(cls, rows: Iterable[AliasRow]) -> AliasRegistry:
        """Build a registry from `rows` output."""
        return cls(rows)

    def write_csv(self, stream: TextIO) -> None:
        """Write every alias to ``stream`` as CSV with a header row."""
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for row in self.rows():
            writer.writerow(["" if v is None else v for v in dataclasses.astuple(row)])

    def load_csv(self, stream: TextIO, source: str = "aliases.csv") -> int:
        """Add the aliases of a CSV file (header ``entity_id,name,...``); return how many.

        Raises:
            RecordError: a row lacks a required value or has a malformed date; the
                message names the line.
        """
        reader = csv.DictReader(stream)
        missing = [c for c in _REQUIRED if c not in (reader.fieldnames or ())]
        if missing:
            raise RecordError(source, None, f"missing column(s) {', '.join(missing)}")
        added = 0
        for row in reader:
            parsed = _parse_csv_row(row, source, reader.line_num)
            added += self.add(parsed.entity_id, _alias_of(parsed))
        return added

    def to_json(self) -> str:
        """Return the registry as a JSON array of rows."""
        return json.dumps([dataclasses.asdict(r) for r in self.rows()], ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> AliasRegistry:
        """Build a registry from `to_json` output."""
        data: list[dict[str, Any]] = json.loads(text)
        return cls(AliasRow(**item) for item in data)


def is_valid(alias: Alias, date: str | None) -> bool:
    """Tell whether ``alias`` holds at ``date`` (ISO, any granularity; ``None``: always)."""
    if date is None:
        return True
    if alias.valid_from and date[: len(alias.valid_from)] < alias.valid_from:
        return False
    return not (alias.valid_to and date[: len(alias.valid_to)] > alias.valid_to)


def _viewpoint_rank(alias: Alias, viewpoint: str | None) -> int:
    if viewpoint is not None and alias.viewpoint == viewpoint:
        return 0
    return 1 if alias.viewpoint is None else 2


def _parse_csv_row(row: dict[str, str | None], source: str, line: int) -> AliasRow:
    values = {k: (v or "").strip() or None for k, v in row.items() if k}
    entity_id, name = values.get("entity_id"), values.get("name")
    if not entity_id or not name:
        raise RecordError(source, line, "entity_id and name must not be empty")
    for column in ("valid_from", "valid_to"):
        value = values.get(column)
        if value is not None and not _ISO_DATE.match(value):
            reason = f"{column} {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
            raise RecordError(source, line, reason)
    offsets = []
    for column in ("evidence_start", "evidence_end"):
        value = values.get(column)
        if value is not None and not value.isdigit():
            raise RecordError(source, line, f"{column} {value!r} is not a character offset")
        offsets.append(int(value) if value is not None else None)
    return AliasRow(
        entity_id,
        name,
        values.get("viewpoint"),
        values.get("valid_from"),
        values.get("valid_to"),
        values.get("evidence_article"),
        values.get("evidence_text"),
        offsets[0],
        offsets[1],
    )


def _row_of(entity_id: str, alias: Alias) -> AliasRow:
    ev = alias.evidence
    return AliasRow(
        entity_id,
        alias.name,
        alias.viewpoint,
        alias.valid_from,
        alias.valid_to,
        ev.article_id if ev else None,
        ev.text if ev else None,
        ev.start if ev else None,
        ev.end if ev else None,
    )


def _alias_of(row: AliasRow) -> Alias:
    evidence = None
    if row.evidence_text is not None and row.evidence_start is not None:
        end = row.evidence_end if row.evidence_end is not None else row.evidence_start
        evidence = Evidence(row.evidence_text, row.evidence_start, end, row.evidence_article)
    return Alias(row.name, row.viewpoint, row.valid_from, row.valid_to, evidence)
