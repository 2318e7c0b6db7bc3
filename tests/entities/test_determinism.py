"""The same articles give the same entities in every process.

Python salts the hashes of strings per process, so anything that depends on the order
of a set differs from one run to the next; these tests run the resolver in two
processes with different salts and compare what they produce.
"""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import itertools, json
from storyline.entities import EntityResolver, extract_entities
firsts = ["Tolvan", "Berik", "Anselm", "Oriel", "Casimir", "Dorian", "Evander", "Fabian",
          "Gideon", "Hector", "Ignatius", "Jasper"]
lasts = ["Marlowe", "Pembrook", "Quill", "Rutherford", "Stanhope", "Thornbury",
         "Underhill", "Vance", "Whitcombe", "Yardley"]
people = [f"{a} {b}" for a, b in itertools.product(firsts, lasts)]
resolver = EntityResolver()
for k in range(0, len(people), 12):
    group = ", ".join(f"Mr {p}" for p in people[k : k + 12])
    text = f"Officials of the Harbour Authority met {group} in Lisbon."
    resolver.add(f"a{k}", extract_entities(text, date="2020-01-01"))
state = resolver.export_state()
print(json.dumps(sorted((c.entity_id, c.other_id, c.count) for c in state.contexts)))
"""


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_companion_counts_do_not_depend_on_the_hash_salt() -> None:
    # The Harbour Authority meets 120 people, one of them at a time only: its companion
    # counts pass the cap and are cut back among equal counts.
    first = _run("1")
    assert '"org:harbour-authority"' in first
    assert _run("2") == first
