"""The state an article is about, and its namesakes read there.

A town's name is often shared by towns of several states (a Newark of New Jersey and one of
Ohio, a Lebanon in eight states). A reader settles which from the article itself: the state it
names ("a trooper of the Ohio State Highway Patrol", a dateline "NEWARK, Ohio"), the places it
names that lie in one state only (a county, a town of one name), the outlet's home state. Among
the namesakes of one country, the one in that state is meant; population decides only when the
article gives no state.

Evidence, each name of the article once (``state_votes``):

- a first-order region the article names, read as the region ("Ohio", "the Ohio State Highway
  Patrol"; a dateline's "NEWARK, Ohio"): two votes;
- a name all of whose candidates lie in one region ("Licking County": only Ohio's): one vote;
- the outlet's home region (learned over the store, else the state its web address names): one
  vote, which the article's own names outvote.

A town qualified by its state ("a driver from Dover, Del.") and that state do not vote: reporters
qualify the places outside the story's own state. The article is about a state when one state
has two votes or more, and more than any other (``article_state``). Its namesakes there then
gain ``geo.article_state_bonus`` over the same country's namesakes elsewhere
(``namesake_gains``), except:

- a name that is itself a state's or a country's ("Kansas", "Georgia", "Washington"): the
  region may be what it names, and the lists of regions and the state cues read it;
- a name whose reading outside the state is a national capital, or a city of
  ``geo.article_state_guard_population`` people or more in another country ("London" or
  "Toronto" in a story of an Ohio town): news of a city the world knows, not of a village of its
  name. A big city of the same country is not spared: a Kansas story's "Manhattan" is the Kansas
  town, its state decides among the country's namesakes;
- a name whose reading elsewhere the text vouches for more (its qualifier, a county of the story
  that holds it, the outlet's own town: a larger bonus than its namesakes in the state have).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from dateline.config import SETTINGS
from dateline.geo.gazetteer import name_key

ARTICLE_STATE_BONUS = SETTINGS.geo.article_state_bonus
GUARD_POPULATION = SETTINGS.geo.article_state_guard_population
# a state the text names counts as two names of one state; a state needs two such votes: one town
# of a name found in one state only (or the outlet's home alone) is too little
NAMED_STATE_VOTES = 2
MIN_VOTES = 2

# codes of places too wide to be in one state, and of a state itself
_WIDE = ("PCLI", "PCLD", "PCLS", "PCL", "TERR", "CONT", "RGN", "OCN", "SEA")
_COUNTRY = ("PCLI", "PCLD", "PCLS", "PCL", "TERR")


def _region(entry) -> tuple[str, str] | None:
    if not entry.country_code or not entry.admin1 or entry.feature_code in _WIDE:
        return None
    return (entry.country_code, entry.admin1)


def _qualified_pairs(text: str, mentions: Sequence) -> set[int]:
    """The positions (in ``mentions``) of the towns a state qualifies and of those states
    ("a driver from Dover, Del."): a reporter qualifies the places outside the story's own state,
    so neither is a vote for the state the story is about. A dateline's ("DOVER, Del. --") is:
    the story is filed from there."""
    pairs = set()
    for i in range(len(mentions) - 1):
        town, state = mentions[i], mentions[i + 1]
        if state.chosen is None or state.candidates[state.chosen].entry.feature_code != "ADM1":
            continue
        if not re.fullmatch(r"\s*,\s*", text[town.toponym.end : state.toponym.start]):
            continue
        if town.toponym.start <= 2 and town.toponym.text.isupper():
            continue  # a dateline
        pairs.update((i, i + 1))
    return pairs


def state_votes(text: str, mentions: Sequence, outlet_sources: frozenset[str]) -> Counter:
    """{(country, region code): how many of the article's names leave no doubt they lie there}.

    ``mentions``: the resolver's mentions in text order, chosen once (``chosen`` set); those whose
    source is in ``outlet_sources`` are the outlet's (a town guessed from its web address votes
    for nothing; its home region votes as one name). A town qualified by its state and the state
    that qualifies it do not vote (``_qualified_pairs``)."""
    votes: Counter = Counter()
    seen: set[str] = set()
    named = [m for m in mentions if m.toponym.source not in outlet_sources]
    skip = {id(named[i]) for i in _qualified_pairs(text, named)}
    for mention in mentions:
        if mention.chosen is None or not mention.candidates or mention.key in seen or id(mention) in skip:
            continue
        if mention.toponym.demonym:
            continue
        chosen = mention.candidates[mention.chosen].entry
        if mention.toponym.source in outlet_sources and chosen.feature_code != "ADM1":
            continue
        seen.add(mention.key)
        region = _region(chosen)
        if chosen.feature_code == "ADM1" and region:
            # a state the text names: a reporter's own word of the state; the outlet's home: one name's
            votes[region] += 1 if mention.toponym.source in outlet_sources else NAMED_STATE_VOTES
            continue
        regions = {_region(c.entry) for c in mention.candidates}
        if len(regions) == 1 and None not in regions:
            votes[regions.pop()] += 1
    return votes


def article_state(votes: Counter) -> tuple[str, str] | None:
    """The state with more votes than any other, and at least ``MIN_VOTES``, if one has."""
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < MIN_VOTES or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _names_a_region_or_country(mention) -> bool:
    return any(c.entry.feature_code in _COUNTRY + ("ADM1",) and name_key(c.entry.name) == mention.key
               for c in mention.candidates)


def _a_world_city(candidates: Sequence, country: str) -> bool:
    """A national capital, or a city of ``GUARD_POPULATION`` people in another country."""
    return any(c.entry.feature_code == "PPLC"
               or (GUARD_POPULATION is not None and c.entry.country_code != country
                   and (c.entry.population or 0) >= GUARD_POPULATION)
               for c in candidates)


def namesake_gains(mention, state: tuple[str, str]) -> list[int]:
    """The indices of a mention's candidates that gain: its towns and counties in the article's
    state, when the same country holds namesakes of it in other states."""
    if _names_a_region_or_country(mention):
        return []
    country = state[0]
    local = [c.entry.feature_class == "P" or c.entry.feature_code == "ADM2" for c in mention.candidates]
    here = [i for i, c in enumerate(mention.candidates) if local[i] and _region(c.entry) == state]
    elsewhere = [c for i, c in enumerate(mention.candidates)
                 if local[i] and c.entry.country_code == country and _region(c.entry) != state]
    away = [c for i, c in enumerate(mention.candidates) if i not in here]
    if not here or not elsewhere or _a_world_city(away, country):
        return []
    # a reading the text already vouches for more (a qualifier, the outlet's own town, a county
    # that holds it) is not moved by the article's state
    others = [b for i, b in enumerate(mention.bonus) if i not in here]
    if max(mention.bonus[i] for i in here) < max(others):
        return []
    return here


def apply_article_state(text: str, mentions: list, outlet_sources: frozenset[str]) -> tuple[str, str] | None:
    """Add ``ARTICLE_STATE_BONUS`` to the namesakes in the state the article is about; returns
    that state (None: the article names no one state, and population decides)."""
    if not ARTICLE_STATE_BONUS:
        return None
    state = article_state(state_votes(text, mentions, outlet_sources))
    if state is None:
        return None
    for mention in mentions:
        if mention.toponym.source in outlet_sources or not mention.candidates:
            continue
        for i in namesake_gains(mention, state):
            mention.bonus[i] += ARTICLE_STATE_BONUS
    return state
