"""storyline: turn piles of raw news into dated articles, events, stories and timelines.

Example::

    import storyline

    with storyline.open("news.db") as library:
        library.ingest(["crawl.warc.gz"])
        for article in library.articles(since="2005-01-01"):
            print(article.published, article.title)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from storyline.library import Library
    from storyline.settings import Settings

__all__ = ["Library", "__version__", "open"]

__version__ = "0.1.0"


def open(path: str | Path = "storyline.db", settings: Settings | None = None) -> Library:  # noqa: A001
    """Open (or create) the archive stored at ``path``; ``":memory:"`` keeps it in memory."""
    from storyline.library import open as open_library

    return open_library(path, settings)


def __getattr__(name: str) -> Any:
    # Imported lazily so that `import storyline` stays cheap for stages that need no
    # HTML extraction (the time tagger, the store).
    if name == "Library":
        from storyline.library import Library

        return Library
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")
