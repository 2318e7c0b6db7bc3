"""Stories: thread events weeks or years apart into stories with stable ids.

- `StoryLinker` takes events one at a time (with their articles' signals) and puts each
  into the story whose core entities and topic it shares most, or starts a new story.
- `stable_ids` keeps ids across a `rebuild` by overlap with the previous clusters.
- `Correction` and `apply_corrections` keep user merges and splits through rebuilds.
- `build_story` makes the `Story` record (title, span, articles, entities, history).

Example::

    from storyline.stories import StoryLinker, build_story

    linker = StoryLinker()
    for event, signals in events_in_time_order:
        story_id = linker.add(event, signals)
"""

from __future__ import annotations

from storyline.stories._ids import Correction, apply_corrections, build_story, stable_ids
from storyline.stories._linker import (
    Profile,
    StoryConfig,
    StoryLinker,
    event_profile,
    mention_fits,
    story_id_for,
)

__all__ = [
    "Correction",
    "Profile",
    "StoryConfig",
    "StoryLinker",
    "apply_corrections",
    "build_story",
    "event_profile",
    "mention_fits",
    "stable_ids",
    "story_id_for",
]
