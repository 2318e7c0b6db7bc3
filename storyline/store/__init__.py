"""Where storyline keeps documents and everything derived from them.

`Store` is the narrow interface every stage talks to; `SQLiteStore` implements it in one
SQLite file (or in memory with ``":memory:"``).

Example::

    from storyline.store import open_store

    with open_store("news.db") as store:
        print(store.stats())
"""

from storyline.store.base import PutOutcome, PutResult, SearchHit, Store
from storyline.store.sqlite import SQLiteStore, open_store

__all__ = ["PutOutcome", "PutResult", "SQLiteStore", "SearchHit", "Store", "open_store"]
