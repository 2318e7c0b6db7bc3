"""The time stage: time expressions, sentence times and publication-date inference.

- `tag` finds time expressions in English text and normalises them to TIMEX3
  (``DATE``/``TIME``/``DURATION``/``SET`` with values such as ``2014-02-08``,
  ``2014-FA``, ``P13M``), resolving relative ones against the publication date.
- `sentence_times` gives each sentence the time it speaks about.
- `infer_published` dates an article that carries no date, from clues in its text and
  dated facts from the archive (`KnownDate`); `date_from_text` and `date_from_coverage`
  are the two steps the pipeline runs it in (the text and the shipped calendar at
  ingestion, the archive's dated coverage later), with their guards.
- `annotate_timeml` and `annotate_timeml_dir` write TempEval-3 TimeML for evaluation.

Example::

    from storyline.time import tag

    text = "The minister said on Saturday that talks will resume in the autumn."
    for timex in tag(text, "2014-02-08"):
        print(timex.text, timex.type, timex.value)
    # Saturday DATE 2014-02-08
    # the autumn DATE 2014-FA
"""

from __future__ import annotations

from storyline.time._calendar import is_timex_value
from storyline.time._coverage import date_from_coverage, date_from_text, within_written_years
from storyline.time._known import calendar_dates, calendar_dates_in, known_dates_from_articles
from storyline.time._pubdate import infer_published
from storyline.time._sentences import sentence_times, split_sentences
from storyline.time._tagger import tag
from storyline.time._timeml import annotate_timeml, annotate_timeml_dir
from storyline.time._types import KnownDate, SentenceTime

__all__ = [
    "KnownDate",
    "SentenceTime",
    "annotate_timeml",
    "annotate_timeml_dir",
    "calendar_dates",
    "calendar_dates_in",
    "date_from_coverage",
    "date_from_text",
    "infer_published",
    "is_timex_value",
    "known_dates_from_articles",
    "sentence_times",
    "split_sentences",
    "tag",
    "within_written_years",
]
