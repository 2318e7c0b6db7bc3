"""A writer process for the crash test: ``python -m tests.store.writer DB COUNT EVERY``.

Puts the articles `numbered(0..COUNT-1)`, committing every EVERY puts and saying so on
stdout.  After the first five commits it puts a few more, says ``pending``, and goes on
writing, so a kill at that moment lands in an open transaction.
"""

from __future__ import annotations

import sys

from storyline.store import SQLiteStore
from tests.store.corpus import numbered

PENDING_AFTER = 5


def main(path: str, count: int, every: int) -> None:
    """Write ``count`` articles to ``path``, committing every ``every``."""
    store = SQLiteStore(path)
    for index in range(count):
        store.put(*numbered(index))
        done = index + 1
        if done % every == 0:
            store.commit()
            print(f"committed {done}", flush=True)
        if done == PENDING_AFTER * every + every // 2:
            print("pending", flush=True)
    store.close()
    print("finished", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
