"""Entities benchmark: mention detection and cross-document chains on ECB+, speed, memory.

Reads ``../shared/data/ecbplus`` (see its README) and reports, on the dev topics by
default (``--split train`` for the training topics; the held-out test topics are never
read):

* mention detection of *named* HUMAN / LOC / NON_HUMAN mentions in the annotated
  sentences: a gold mention is named when its head (the last capitalised word before
  a preposition or comma) is capitalised and, at a sentence start, is not a word the
  corpus also writes in lower case.  "strict" needs the exact token span (a leading
  preposition or article of the gold span is ignored); "head" needs the predicted span
  to hold the gold head.  Precision counts a prediction right when it matches any
  gold entity mention, named or not; ECB+ annotates only the participants of its
  events, so unannotated true names count against precision;
* cross-document entity chains (CROSS_DOC_COREF) as B-cubed over the named gold
  mentions: each one takes the canonical id that `EntityResolver` gave the predicted
  mention holding its head (a singleton when none does), against two baselines;
* articles per second on one core for 600-word texts made of dev sentences;
* resolver memory: traced allocation after N synthetic articles, extrapolated.

Usage::

    .venv/bin/python benchmarks/entities.py [--split dev|train] [--memory-articles 100000]
"""

from __future__ import annotations

import argparse
import csv
import gc
import os
import pickle
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storyline.entities import (  # noqa: E402
    ArticleEntities,
    EntityResolver,
    LocalEntity,
    Mention,
    default_gazetteer,
    extract_entities,
)

DATA = ROOT.parent / "shared" / "data" / "ecbplus"
DEV = (2, 5, 12, 18, 21, 23, 34, 35)
TEST = set(range(36, 46))
ENTITY_TAGS = ("HUMAN", "LOC", "NON_HUMAN")
_SKIP_LEADING = {"in", "at", "near", "to", "from", "the", "a", "an", "on", "into", "around"}
_HEAD_STOP = {"in", "of", ",", "at", "near", "on", "from", "(", "-", "who", "which", "that"}
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "'s", "n't", "'", "%"}


@dataclass
class GoldMention:
    doc: str
    tokens: list[int]
    head: int
    named: bool
    chain: str


@dataclass
class Doc:
    name: str
    text: str
    offsets: dict[int, tuple[int, int]]
    sentence_of: dict[int, int]
    selected: set[int]
    gold: list[GoldMention] = field(default_factory=list)


def main() -> int:
    """Run the benchmark; return 0, or 1 when the data is absent."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--memory-articles", type=int, default=100_000)
    args = parser.parse_args()
    if not (DATA / "ECB+").is_dir():
        print(f"{DATA} is absent: the ECB+ data sits in ../shared/data beside the project")
        return 1
    topics = DEV if args.split == "dev" else _train_topics()
    docs = load_docs(topics)
    print(f"ECB+ {args.split}: {len(docs)} documents, topics {', '.join(map(str, topics))}")
    predictions, ids = run_pipeline(docs)
    rows = [*detection_rows(docs, predictions), *chain_rows(docs, predictions, ids)]
    rows.extend(speed_rows(docs))
    rows.extend(memory_rows(args.memory_articles))
    print_table(rows)
    print_misses(docs, predictions)
    return 0


def _train_topics() -> tuple[int, ...]:
    found = sorted(int(p.name) for p in (DATA / "ECB+").iterdir() if p.name.isdigit())
    return tuple(t for t in found if t not in DEV and t not in TEST)


# -- loading -----------------------------------------------------------------------


def load_docs(topics: tuple[int, ...]) -> list[Doc]:
    """Read the documents of ``topics`` with their named gold mentions."""
    selected: dict[str, set[int]] = defaultdict(set)
    with (DATA / "ECBplus_coreference_sentences.csv").open() as handle:
        for row in csv.DictReader(handle):
            selected[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    docs: list[Doc] = []
    for topic in topics:
        for path in sorted((DATA / "ECB+" / str(topic)).glob("*.xml")):
            name = path.stem
            if name in selected:
                docs.append(_read_doc(path, selected[name]))
    lower = Counter(w for d in docs for w in d.text.split() if w[:1].islower())
    for doc in docs:
        for gold in doc.gold:
            gold.named = gold.named and _is_named(doc, gold, lower)
    return docs


def _read_doc(path: Path, selected: set[int]) -> Doc:
    root = etree.parse(str(path)).getroot()
    tokens = [
        (int(t.get("t_id")), int(t.get("sentence")), t.text or "") for t in root.iter("token")
    ]
    plus = path.stem.endswith("plus")
    parts: list[str] = []
    offsets: dict[int, tuple[int, int]] = {}
    sentence_of: dict[int, int] = {}
    length, last_sentence = 0, None
    for t_id, sentence, word in tokens:
        if plus and sentence == 0:
            continue
        sep = "" if not parts else ("\n" if sentence != last_sentence else " ")
        if sep == " " and (word in _NO_SPACE_BEFORE or parts[-1] in {"(", "$"}):
            sep = ""
        parts.append(sep + word)
        length += len(sep)
        offsets[t_id] = (length, length + len(word))
        sentence_of[t_id] = sentence
        length += len(word)
        last_sentence = sentence
    doc = Doc(path.stem, "".join(parts), offsets, sentence_of, selected)
    doc.gold = _gold_mentions(root, doc)
    return doc


def _gold_mentions(root: etree._Element, doc: Doc) -> list[GoldMention]:
    chains: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations if relations is not None else ():
        sources = [s.get("m_id") for s in relation.findall("source")]
        if relation.tag == "CROSS_DOC_COREF":
            label = relation.get("note")
        elif relation.tag == "INTRA_DOC_COREF":
            label = f"{doc.name}#{relation.find('target').get('m_id')}"
        else:
            continue
        for m_id in sources:
            chains.setdefault(m_id, label)
    found: list[GoldMention] = []
    for markable in root.find("Markables"):
        ids = [int(a.get("t_id")) for a in markable.findall("token_anchor")]
        if not ids or not markable.tag.startswith(ENTITY_TAGS) or ids[0] not in doc.offsets:
            continue
        if doc.sentence_of[ids[0]] not in doc.selected:
            continue
        words = [doc.text[slice(*doc.offsets[i])] for i in ids]
        while len(ids) > 1 and words[0].lower() in _SKIP_LEADING:
            ids, words = ids[1:], words[1:]
        head = _head(ids, words)
        m_id = markable.get("m_id")
        chain = chains.get(m_id, f"{doc.name}#{m_id}")
        found.append(GoldMention(doc.name, ids, head, head >= 0, chain))
    return found


def _head(ids: list[int], words: list[str]) -> int:
    """Return the token id of the head (last capitalised word of the core), or -1."""
    core: list[int] = []
    for t_id, word in zip(ids, words, strict=True):
        if word.lower() in _HEAD_STOP and core:
            break
        core.append(t_id)
    capitals = [t for t, w in zip(ids, words, strict=False) if t in core and w[:1].isupper()]
    return capitals[-1] if capitals else -1


def _is_named(doc: Doc, gold: GoldMention, lower: Counter[str]) -> bool:
    first_in_sentence = min(
        t for t, s in doc.sentence_of.items() if s == doc.sentence_of[gold.head]
    )
    if gold.head != first_in_sentence:
        return True
    word = doc.text[slice(*doc.offsets[gold.head])]
    return lower[word.lower()] == 0


# -- running -----------------------------------------------------------------------


def run_pipeline(docs: list[Doc]) -> tuple[dict[str, tuple[Mention, ...]], dict[str, list[str]]]:
    """Find mentions in every document and resolve them in one resolver, in order."""
    resolver = EntityResolver()
    predictions: dict[str, tuple[Mention, ...]] = {}
    ids: dict[str, list[str]] = {}
    for doc in docs:
        article = extract_entities(doc.text)
        mapping = resolver.add(doc.name, article)
        predictions[doc.name] = article.mentions
        per_mention = [""] * len(article.mentions)
        for local in article.entities:
            for i in local.mentions:
                per_mention[i] = mapping[local.id]
        ids[doc.name] = per_mention
    return predictions, ids


def _in_selected(doc: Doc, mention: Mention) -> bool:
    for t_id, (start, end) in doc.offsets.items():
        if start <= mention.start < end:
            return doc.sentence_of[t_id] in doc.selected
    return False


def _span_tokens(doc: Doc, mention: Mention) -> list[int]:
    """Return the tokens a mention overlaps ("Lohan" overlaps the token "Lohan's")."""
    return [t for t, (a, b) in doc.offsets.items() if a < mention.end and b > mention.start]


def detection_rows(
    docs: list[Doc], predictions: dict[str, tuple[Mention, ...]]
) -> list[tuple[str, str]]:
    """Return P/R/F1 rows for strict-span and head matching."""
    counts = {"strict": [0, 0, 0], "head": [0, 0, 0]}  # tp_pred, n_pred, tp_gold
    named = 0
    for doc in docs:
        spans = {tuple(g.tokens) for g in doc.gold}
        heads = {g.head for g in doc.gold if g.head >= 0}
        preds = [_span_tokens(doc, m) for m in predictions[doc.name] if _in_selected(doc, m)]
        for tokens in preds:
            counts["strict"][1] += 1
            counts["head"][1] += 1
            counts["strict"][0] += tuple(tokens) in spans
            counts["head"][0] += any(t in heads for t in tokens)
        pred_spans = {tuple(t) for t in preds}
        pred_tokens = {t for tokens in preds for t in tokens}
        for gold in doc.gold:
            if gold.named:
                named += 1
                counts["strict"][2] += tuple(gold.tokens) in pred_spans
                counts["head"][2] += gold.head in pred_tokens
    rows = [("named gold mentions", str(named))]
    for name, (tp_pred, n_pred, tp_gold) in counts.items():
        p = tp_pred / n_pred if n_pred else 0.0
        r = tp_gold / named if named else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((f"mentions {name} P / R / F1", f"{p:.3f} / {r:.3f} / {f:.3f}"))
    return rows


def chain_rows(
    docs: list[Doc], predictions: dict[str, tuple[Mention, ...]], ids: dict[str, list[str]]
) -> list[tuple[str, str]]:
    """Return B-cubed rows for the resolver and two baselines."""
    gold: list[str] = []
    system: list[str] = []
    head_word: list[str] = []
    for doc in docs:
        for n, mention in enumerate(doc.gold):
            if not mention.named:
                continue
            gold.append(mention.chain)
            head_word.append(doc.text[slice(*doc.offsets[mention.head])].lower())
            found = ""
            for i, pred in enumerate(predictions[doc.name]):
                a, b = doc.offsets[mention.head]
                if pred.start < b and a < pred.end:
                    found = ids[doc.name][i]
                    break
            system.append(found or f"{doc.name}#{n}")
    rows = []
    for label, clusters in (
        ("resolver", system),
        ("baseline: same head word", head_word),
        ("baseline: all singletons", [str(i) for i in range(len(gold))]),
    ):
        p, r, f = b_cubed(gold, clusters)
        rows.append((f"B3 chains {label} P / R / F1", f"{p:.3f} / {r:.3f} / {f:.3f}"))
    return rows


def b_cubed(gold: list[str], system: list[str]) -> tuple[float, float, float]:
    """Return B-cubed precision, recall and F1 of ``system`` against ``gold`` labels."""
    gold_sets: dict[str, set[int]] = defaultdict(set)
    system_sets: dict[str, set[int]] = defaultdict(set)
    for i, (g, s) in enumerate(zip(gold, system, strict=True)):
        gold_sets[g].add(i)
        system_sets[s].add(i)
    p = r = 0.0
    for g, s in zip(gold, system, strict=True):
        overlap = len(gold_sets[g] & system_sets[s])
        p += overlap / len(system_sets[s])
        r += overlap / len(gold_sets[g])
    n = len(gold) or 1
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# -- speed and memory --------------------------------------------------------------


def speed_rows(docs: list[Doc]) -> list[tuple[str, str]]:
    """Time find + chain + resolve on 600-word texts built from the documents' sentences."""
    sentences = [line for d in docs for line in d.text.split("\n") if len(line.split()) > 3]
    texts: list[str] = []
    current: list[str] = []
    words = 0
    for line in sentences * 3:
        current.append(line)
        words += len(line.split())
        if words >= 600:
            texts.append("\n\n".join(current))
            current, words = [], 0
    resolver = EntityResolver()
    begin = time.perf_counter()
    for n, text in enumerate(texts):
        resolver.add(f"a{n}", extract_entities(text, date="2014-02-08"))
    elapsed = time.perf_counter() - begin
    return [
        ("articles/s (600 words, one core)", f"{len(texts) / elapsed:.0f} ({len(texts)} texts)")
    ]


def memory_rows(total: int) -> list[tuple[str, str]]:
    """Measure the resolver over ``total`` synthetic articles (Zipf-popular names).

    Memory is the growth of the process's resident set while the resolver fills, and
    the size of its exported state pickled (what a store would hold).
    """
    rng = random.Random(7)
    gaz = default_gazetteer()
    given = sorted(gaz.given_names)
    places = sorted({p.canonical for p in gaz.names.values() if p.kind == "PLACE"})
    people = [f"{rng.choice(given).title()} {_surname(rng)}" for _ in range(40_000)]
    suffixes = ["Bank", "Group", "Party", "Council"]
    orgs = [f"{_surname(rng)} {rng.choice(suffixes)}" for _ in range(8_000)]
    weights = [1 / (rank + 1) for rank in range(len(people))]
    resolver = EntityResolver()
    gc.collect()
    base = _rss()
    rows: list[tuple[str, str]] = []
    begin = time.perf_counter()
    done = 0
    for checkpoint in sorted({min(total, 10_000), total}):
        while done < checkpoint:
            resolver.add(f"s{done}", _synthetic_article(rng, people, weights, places, orgs))
            done += 1
        gc.collect()
        grown = _rss() - base
        state = len(pickle.dumps(resolver.export_state()))
        rows.append(
            (
                f"resolver after {done:,} synthetic articles",
                f"RSS +{grown / 2**20:.0f} MiB, state {state / 2**20:.1f} MiB pickled, "
                f"{len(resolver):,} entities",
            )
        )
    elapsed = time.perf_counter() - begin
    rows.append(("resolver add() articles/s (synthetic)", f"{done / elapsed:.0f}"))
    return rows


def _rss() -> int:
    """Return the resident set size of this process in bytes (Linux), else 0."""
    try:
        fields = Path("/proc/self/statm").read_text().split()
    except OSError:
        return 0
    return int(fields[1]) * os.sysconf("SC_PAGE_SIZE")


def _surname(rng: random.Random) -> str:
    syllables = ["ka", "ro", "mi", "den", "vel", "sar", "to", "lin", "bor", "esh", "qua", "zi"]
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).title()


def _synthetic_article(
    rng: random.Random,
    people: list[str],
    weights: list[float],
    places: list[str],
    orgs: list[str],
) -> ArticleEntities:
    chosen_people = set(rng.choices(people, weights=weights, k=5))
    entities: list[LocalEntity] = []
    mentions: list[Mention] = []
    for name in chosen_people:
        entities.append(_local(len(entities), name, "PERSON", mentions))
    for name in set(rng.choices(places, k=4)):
        entities.append(_local(len(entities), name, "PLACE", mentions))
    for name in set(rng.choices(orgs, k=3)):
        entities.append(_local(len(entities), name, "ORG", mentions))
    year = rng.randint(1990, 2024)
    return ArticleEntities(tuple(mentions), tuple(entities), date=f"{year}-06-01")


def _local(number: int, name: str, kind: str, mentions: list[Mention]) -> LocalEntity:
    key = name.lower()
    mentions.append(Mention(name, 0, len(name), kind, key))  # type: ignore[arg-type]
    return LocalEntity(f"e{number}", name, kind, key, (len(mentions) - 1,))  # type: ignore[arg-type]


# -- output ------------------------------------------------------------------------


def print_table(rows: list[tuple[str, str]]) -> None:
    """Print two aligned columns."""
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


def print_misses(docs: list[Doc], predictions: dict[str, tuple[Mention, ...]]) -> None:
    """Print the most frequent missed named heads and unmatched predictions."""
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    for doc in docs:
        preds = [m for m in predictions[doc.name] if _in_selected(doc, m)]
        covered = {t for m in preds for t in _span_tokens(doc, m)}
        heads = {g.head for g in doc.gold if g.head >= 0}
        for gold in doc.gold:
            if gold.named and gold.head not in covered:
                missed[doc.text[slice(*doc.offsets[gold.head])]] += 1
        for mention in preds:
            if not any(t in heads for t in _span_tokens(doc, mention)):
                spurious[f"{mention.text} ({mention.kind})"] += 1
    print("\nmost missed named heads:", ", ".join(f"{w} {n}" for w, n in missed.most_common(15)))
    print(
        "most frequent unmatched predictions:",
        ", ".join(f"{w} {n}" for w, n in spurious.most_common(15)),
    )


if __name__ == "__main__":
    sys.exit(main())
