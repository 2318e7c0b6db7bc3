"""Time-expression benchmark: TempEval-3 Task A scores on the TBAQ-cleaned gold.

Each gold ``.tml`` file of ``../shared/data/tempeval3/TBAQ-cleaned/{TimeBank,AQUAINT}`` is
turned into system input by stripping every tag inside ``<TEXT>`` (the DCT stays), run
through `storyline.time.annotate_timeml`, and scored against the gold with the
TempEval-3 rules (see the data README): relaxed match = any overlap (one-to-one, greedy),
strict match = the same tokens, type and value accuracy over relaxed matches, attribute
F1 = accuracy x relaxed F1, all micro-averaged, the DCT excluded.  Every annotated
document is also checked against the TimeML schema the task's validator uses
(``scorer-spec/tml.xsd``).

TimeBank is the tuning set; AQUAINT is the development test and is never used to write
rules (``--errors`` lists mismatches of the tuning sets only).  ``--set TE3-Silver``
scores the machine-annotated silver data as well (a further tuning set, not a test).

Usage::

    .venv/bin/python benchmarks/timex.py [--errors] [--by-source] [--limit N] [--set NAME ...]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storyline.time import annotate_timeml  # noqa: E402

TEMPEVAL = ROOT.parent / "shared" / "data" / "tempeval3"
DATA = TEMPEVAL / "TBAQ-cleaned"
SCHEMA = TEMPEVAL / "scorer-spec" / "tml.xsd"
SETS = ("TimeBank", "AQUAINT")
TUNING = ("TimeBank", "TE3-Silver")

_TEXT = re.compile(r"(<TEXT>)(.*?)(</TEXT>)", re.DOTALL)
_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Span:
    """One TIMEX3 of a document's TEXT, by offsets into the tag-stripped text."""

    start: int
    end: int
    type: str
    value: str
    text: str


def strip_text(xml_text: str) -> str:
    """Return the system input of a gold document, as the task's input files are: every
    tag inside <TEXT> removed, and the annotations after it (event instances, links)."""
    match = _TEXT.search(xml_text)
    if match is None:
        raise ValueError("no <TEXT>")
    plain = _TAG.sub("", match.group(2))
    rest = xml_text[match.end(2) :]
    close = rest.rfind("</TimeML>")
    tail = "</TEXT>\n\n" + rest[close:] if close >= 0 else rest
    return xml_text[: match.start(2)] + plain + tail


def read_timexes(xml_text: str) -> tuple[str, list[Span]]:
    """Return the tag-stripped TEXT and its TIMEX3 spans."""
    match = _TEXT.search(xml_text)
    if match is None:
        raise ValueError("no <TEXT>")
    raw = match.group(2)
    plain: list[str] = []
    length = 0
    open_at: list[tuple[int, dict[str, str]]] = []
    spans: list[Span] = []
    position = 0
    for tag in _TAG.finditer(raw):
        piece = raw[position : tag.start()]
        plain.append(piece)
        length += len(piece)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1) == "":
            open_at.append((length, dict(_ATTR.findall(tag.group(3)))))
        elif open_at:
            start, attrs = open_at.pop()
            text = "".join(plain)[start:length]
            spans.append(Span(start, length, attrs.get("type", ""), attrs.get("value", ""), text))
    plain.append(raw[position:])
    return "".join(plain), spans


def token_range(text: str, span: Span) -> tuple[int, int]:
    """Return the (first, last) token offsets a span covers, PTB-like tokens."""
    tokens = [
        m.span() for m in _TOKEN.finditer(text) if m.end() > span.start and m.start() < span.end
    ]
    return (tokens[0][0], tokens[-1][1]) if tokens else (span.start, span.end)


@dataclass
class Counts:
    """Micro-averaged match counts over a set of documents."""

    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def prf(self, hits: int) -> tuple[float, float, float]:
        """Precision, recall and F1 of ``hits`` matches."""
        precision = hits / self.system if self.system else 0.0
        recall = hits / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def accuracies(self) -> tuple[float, float]:
        """Type and value accuracy over the relaxed matches."""
        if not self.relaxed:
            return 0.0, 0.0
        return self.type_ok / self.relaxed, self.value_ok / self.relaxed

    def report(self, name: str, docs: int, seconds: float) -> str:
        """Return the score table for this set."""
        sp, sr, sf = self.prf(self.strict)
        rp, rr, rf = self.prf(self.relaxed)
        type_acc, value_acc = self.accuracies()
        return (
            f"{name}: {docs} docs, gold {self.gold}, system {self.system}\n"
            f"  strict   P {sp:.4f}  R {sr:.4f}  F1 {sf:.4f}\n"
            f"  relaxed  P {rp:.4f}  R {rr:.4f}  F1 {rf:.4f}\n"
            f"  type acc {type_acc:.4f}  value acc {value_acc:.4f}  "
            f"type F1 {type_acc * rf:.4f}  value F1 {value_acc * rf:.4f}\n"
            f"  speed    {docs / seconds:.0f} docs/s on one core ({seconds:.2f} s)"
        )


def score_document(
    text: str, gold: list[Span], system: list[Span], counts: Counts, errors: list[str] | None
) -> None:
    """Add one document's matches to ``counts`` (and its mismatches to ``errors``)."""
    counts.gold += len(gold)
    counts.system += len(system)
    used: set[int] = set()
    for g in gold:
        found = None
        for index, s in enumerate(system):
            if index not in used and s.start < g.end and g.start < s.end:
                found = index
                break
        if found is None:
            if errors is not None:
                errors.append(f"MISS  {g.text!r} {g.type} {g.value}  |{_context(text, g)}")
            continue
        used.add(found)
        s = system[found]
        counts.relaxed += 1
        counts.strict += token_range(text, g) == token_range(text, s)
        counts.type_ok += g.type == s.type
        counts.value_ok += g.value == s.value
        if errors is not None and (g.value != s.value or g.type != s.type or g.text != s.text):
            errors.append(
                f"DIFF  gold {g.text!r} {g.type} {g.value} / ours {s.text!r} {s.type} "
                f"{s.value}  |{_context(text, g)}"
            )
    if errors is not None:
        for index, s in enumerate(system):
            if index not in used:
                errors.append(f"EXTRA {s.text!r} {s.type} {s.value}  |{_context(text, s)}")


def _context(text: str, span: Span) -> str:
    left = text[max(0, span.start - 60) : span.start].replace("\n", " ")
    right = text[span.end : span.end + 40].replace("\n", " ")
    return f"{left}[[{text[span.start : span.end]}]]{right}"


def source_of(path: Path) -> str:
    """The news source a TimeML file's name starts with ("wsj_0026.tml" -> "wsj")."""
    match = re.match(r"[A-Za-z]+", path.name)
    return match.group(0).lower() if match else "?"


def source_table(counts: dict[str, Counts]) -> str:
    """One line per source: gold expressions, relaxed F1, type and value accuracy and
    value F1."""
    lines = ["  source  gold  relaxed F1  type acc  value acc  value F1"]
    for source, c in sorted(counts.items(), key=lambda item: -item[1].gold):
        rf = c.prf(c.relaxed)[2]
        type_acc, value_acc = c.accuracies()
        lines.append(
            f"  {source:6} {c.gold:5}  {rf:10.3f}  {type_acc:8.3f}  {value_acc:9.3f}"
            f"  {value_acc * rf:8.3f}"
        )
    return "\n".join(lines)


def run_set(name: str, limit: int | None, show_errors: bool, by_source: bool = False) -> None:
    """Score one TBAQ set and print its table (and, for the tuning sets, its errors or
    its scores per news source when asked)."""
    folder = TEMPEVAL / name if name == "TE3-Silver" else DATA / name
    files = sorted(folder.glob("**/*.tml"))[:limit]
    inputs = [(path, path.read_bytes().decode("utf-8")) for path in files]
    stripped = [strip_text(xml) for _, xml in inputs]
    began = time.perf_counter()
    outputs = [annotate_timeml(xml) for xml in stripped]
    seconds = time.perf_counter() - began
    counts = Counts()
    errors: list[str] | None = [] if show_errors and name in TUNING else None
    sources: dict[str, Counts] = defaultdict(Counts)
    for (path, gold_xml), out_xml in zip(inputs, outputs, strict=True):
        gold_text, gold = read_timexes(gold_xml)
        system_text, system = read_timexes(out_xml)
        if gold_text != system_text:
            raise SystemExit(f"{path.name}: TEXTS NOT SAME after annotation")
        if errors is not None:
            errors.append(f"## {path.name}")
        score_document(gold_text, gold, system, counts, errors)
        score_document(gold_text, gold, system, sources[source_of(path)], None)
    print(counts.report(name, len(files), seconds))
    if by_source and name in TUNING:
        print(source_table(sources))
    invalid = schema_failures([(path.name, xml) for path, xml in zip(files, outputs, strict=True)])
    print(f"  schema   {len(files) - len(invalid)} of {len(files)} files valid against tml.xsd")
    for problem in invalid[:10]:
        print(f"    {problem}")
    if errors:
        print("\n".join(errors))


def schema_failures(documents: list[tuple[str, str]]) -> list[str]:
    """Check each annotated document against the TimeML schema of the task's validator;
    return one line per document that fails."""
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    failures = []
    for name, xml in documents:
        if not schema.validate(etree.fromstring(xml.encode("utf-8"))):
            failures.append(f"{name}: {schema.error_log.last_error}")
    return failures


def main() -> int:
    """Parse options and score each set."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list TimeBank mismatches")
    parser.add_argument("--limit", type=int, default=None, help="first N files per set")
    parser.add_argument("--by-source", action="store_true", help="TimeBank scores per news source")
    parser.add_argument(
        "--set", choices=(*SETS, "TE3-Silver"), action="append", help="only this set"
    )
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"{DATA} is absent: the TempEval-3 data sits in ../shared/data", file=sys.stderr)
        return 1
    for name in args.set or SETS:
        run_set(name, args.limit, args.errors, args.by_source)
    return 0


if __name__ == "__main__":
    sys.exit(main())
