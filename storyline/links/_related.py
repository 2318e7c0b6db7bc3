"""Turn related-coverage blocks (headline + date) into links to archive articles."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from storyline.links._timepoint import time_point
from storyline.model import Article, Evidence, MentionLink, Provenance

logger = logging.getLogger(__name__)

FOUND_ONE = 0.9
"""Score of a related link whose headline and date name exactly one archive article."""

FOUND_MANY = 0.7
"""Score when several archive articles answer the headline and date."""


def related_links(
    article: Article, find: Callable[[str, str | None], Sequence[str]]
) -> tuple[MentionLink, ...]:
    """Return one ``related`` link per related-coverage entry of ``article``.

    The span of such a link is not in the body: ``start`` and ``end`` are both the
    entry's position in ``article.related`` and ``text`` is its headline.  ``event`` is
    empty, since a headline alone names no event; the timeline places the entry by its date.

    Args:
        article: the article whose ``related`` entries extraction found.
        find: ``find(headline, date)`` returns the ids of archive articles that match.

    Example:
        >>> related_links(article, lambda headline, date: ())
    """
    links: list[MentionLink] = []
    for position, entry in enumerate(article.related):
        found = tuple(a for a in find(entry.title, entry.date) if a != article.id)
        evidence = Evidence(entry.title, position, position, article.id or None, "related")
        point = (
            time_point(entry.date, provenance=Provenance.EXPLICIT, evidence=(evidence,))
            if entry.date
            else None
        )
        score = FOUND_ONE if len(found) == 1 else FOUND_MANY if found else 0.0
        reasons = ["related coverage"]
        if entry.date:
            reasons.append(f"dated {entry.date}")
        reasons.append(f"{len(found)} archive article(s) found")
        links.append(
            MentionLink(
                article_id=article.id,
                start=position,
                end=position,
                text=entry.title,
                event="",
                articles=found,
                score=score,
                kind="related",
                time=point,
                reasons=tuple(reasons),
            )
        )
    logger.debug("%s: %d related links", article.id, len(links))
    return tuple(links)
