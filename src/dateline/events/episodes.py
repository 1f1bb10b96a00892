"""The occasion a news lead tells, as the body dates it.

A news lead tells what happened and often leaves its day to the body: "A fire destroyed a
furniture warehouse. The blaze started in a loading bay on Tuesday night ...".
The lead and the first sentences after it are one episode, the story's main occasion, and the
first of those sentences that names a day on one of its acts anchors it. An act of the lead
with no day of its own (only the report's) takes that anchor: it is the day of the occasion the
lead opened, not the report's.

This is the episode reading the date passes use (``dating.lead_acts_dated_by_the_body``): the
lead's act takes the day of its own retelling in the body when there is one (the same cue told
again with a day), else the anchor of the lead's episode read here. Pure: events in, events out.

Two other episode cues were measured on the tuning rows of the date gold and left out, because
they took more right dates than they gave: a day hung on a saying ("the deputy said Monday")
not carried to the acts told after it, the acts taking the last date an act's clause named
instead (3 rows righted, 9 broken; only where that date is earlier than the saying's: 1 and 2);
and a sentence in the past perfect opening undated background for the sentences after it,
until one names a day (none righted, 2 broken).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from dateline.model import Event


def acts_anchoring_the_lead(body: Sequence[Event], index_of: Callable[[Event], int]) -> list[Event]:
    """The acts that anchor the lead's episode: of the body's events told with a day of their
    own sentence (``body``: the sentences soon after the lead, in reach), the acts (not
    statements: a saying's day is when it was said) of the first sentence that has any. Empty
    when none has: the lead's occasion has no day the text gives."""
    acts = [event for event in body if event.type != "STATEMENT" and event.trigger is not None]
    first = min((index_of(event) for event in acts), default=None)
    return [event for event in acts if index_of(event) == first]
