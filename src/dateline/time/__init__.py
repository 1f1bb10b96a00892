"""The temporal tagger: time expressions found by a grammar of news English (grammar.yaml),
normalised to TIMEX3 values against the article's date and the narrative reference time."""

from dateline.time.anchoring import closes_a_stretch, date_of_sentence, opens_a_stretch
from dateline.time.relative import date_after_a_told_date, date_relative_to_clause
from dateline.time.tagger import tag_timexes

__all__ = ["closes_a_stretch", "date_after_a_told_date", "date_of_sentence", "date_relative_to_clause", "opens_a_stretch", "tag_timexes"]
