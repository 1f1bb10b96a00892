"""Toponym resolution: which place on the map each toponym names.

Each candidate from the gazetteer gets a score from general evidence, never from the text
at hand being special:

- prior: population (log), feature type (a country or a state before a hamlet of the same
  name; a capital before another town), how the name matched (the place's own name before an
  alternate, a transliteration skeleton last);
- the article's focus: the countries and first-order regions its other toponyms point to
  (each toponym votes for its candidates' countries and regions in proportion to their prior),
  so "Faizabad" in a story about Afghanistan is Badakhshan's capital;
- qualifiers in the text: "Alexandria, La.", "Paris, Texas", "Laurel County, Ky.";
- the state the article is about (geo/article_state.py): the states it names, its names found in
  one state only, the outlet's home state; its namesakes there beat the country's others, and
  population decides only when the article names no one state;
- a county the story names that holds a town it names ("a Richmond man", "Madison County
  deputies": the Kentucky pair), and a body named after a county, placed at the county ("Acadia
  Parish Fire District");
- feature words: "Helmand province" wants a region, "the village of X" a populated place,
  "Bagram Airfield" an airfield;
- proximity: a candidate near the other places of the article beats a namesake far away;
- the outlet's country: its country-code domain, else the bare currency mark its amounts carry
  ("a $40,000 grant": a namesake in a dollar country before one abroad; money_marks.yaml);
- one sense per article: the same name is the same place throughout; and a name does not vouch
  for itself, nor its city ("Dublin City Council" is no vote for Ireland's Dublin).

A name may say what it is not: a river is not the parish named after it ("Red River").

A toponym the gazetteer does not know is kept: placed at what the text says holds it ("the
village of Kibumba, which lies a few kilometres from Goma"; "Shipka Pass north of
Kazanlak") with a lower confidence and the reason, or left unresolved with its text.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from dateline.config import SETTINGS
from dateline.geo.article_state import apply_article_state
from dateline.geo.gazetteer import Candidate, Gazetteer, GazetteerEntry, great_circle_km, name_key
from dateline.geo.recognize import Toponym, feature_words
from dateline.model import Place, Span

FEATURE_PRIOR = {
    "PCLI": 3.0, "PCLD": 2.0, "PCLS": 2.0, "PCL": 2.0, "TERR": 1.5,
    "CONT": 3.5, "RGN": 3.0, "OCN": 3.0, "SEA": 3.0, "ISL": 2.0, "MTS": 2.0,
    "ADM1": 1.0, "ADM2": 0.0,
    "PPLC": 0.0, "PPLA": 0.0, "PPL": 0.0,
    "AIRB": -2.0, "AIRP": -2.0,
}
# regions that carry no population in the packages: a county is worth a small town, a named
# region ("the Gulf", "the Middle East") as much as a country
POPULATION_GUESS = {"ADM2": 20_000, "RGN": 10_000_000, "OCN": 10_000_000, "SEA": 10_000_000, "CONT": 100_000_000, "ISL": 1_000_000, "MTS": 1_000_000}
# places too wide to say where a town is (no proximity evidence, never a container)
WIDE_CODES = ("PCLI", "PCLD", "PCLS", "PCL", "TERR", "CONT", "RGN", "OCN", "SEA")
COUNTRY_CODES = ("PCLI", "PCLD", "PCLS", "PCL", "TERR")
# a town that matched only through one of its alternate names, when the name is a country's:
# "Iraq" is Iraq, not Arāk in Iran (whose alternate spellings include "Iraq")
ALTERNATE_NAME_OF_A_COUNTRY = SETTINGS.geo.alternate_name_of_a_country
ALTERNATE_NAME_OF_A_TOWN = SETTINGS.geo.alternate_name_of_a_town
SPELLING_OF_OWN_NAME = SETTINGS.geo.spelling_of_own_name
SMALL_PLACE_POPULATION = SETTINGS.geo.small_place_population
SMALL_PLACE_ABROAD_FOCUS_SHARE = SETTINGS.geo.small_place_abroad_focus_share
SMALL_PLACE_ABROAD_MIN_VOTES = SETTINGS.geo.small_place_abroad_min_votes
SMALL_PLACE_ABROAD_STRAY_VOTES = SETTINGS.geo.small_place_abroad_stray_votes
LONE_NAMESAKE_OTHER_PLACES = SETTINGS.geo.lone_namesake_other_places
MATCH_PRIOR = {"name": 0.0, "abbreviation": 0.3, "skeleton": -2.5, "demonym": 0.0}
POPULATION_WEIGHT = SETTINGS.geo.population_weight
OWN_NAME_BONUS = SETTINGS.geo.own_name_bonus
PROXIMITY_WEIGHT = SETTINGS.geo.proximity_weight
COUNTRY_FOCUS_WEIGHT = SETTINGS.geo.country_focus_weight
ADMIN1_FOCUS_WEIGHT = SETTINGS.geo.admin1_focus_weight
QUALIFIER_BONUS = SETTINGS.geo.qualifier_bonus
COUNTY_OF_A_TOWN_BONUS = SETTINGS.geo.county_of_a_town_bonus
KIND_BONUS = SETTINGS.geo.kind_bonus
SAME_NAME_CITY_IN_REGION = SETTINGS.geo.same_name_city_in_region
# a city of millions in a story that names several countries
BIG_CITY_POPULATION = SETTINGS.geo.big_city_population
BIG_CITY_BONUS = SETTINGS.geo.big_city_bonus
WORLD_STORY_COUNTRIES = SETTINGS.geo.world_story_countries


@dataclass
class _Mention:
    toponym: Toponym
    key: str
    candidates: list[Candidate]
    prior: list[float]
    # why the candidates are those of a shorter name: the feature word dropped ("Panjshir Valley"),
    # or the county a body is named after ("Acadia Parish Fire District")
    shorter: str | None = None
    bonus: list[float] = field(default_factory=list)
    chosen: int | None = None
    probability: float = 0.0


def _prior(candidate: Candidate, key: str, text: str) -> float:
    entry = candidate.entry
    population = entry.population or POPULATION_GUESS.get(entry.feature_code, 0)
    score = POPULATION_WEIGHT * math.log10(population + 1)
    score += FEATURE_PRIOR.get(entry.feature_code, 0.0)
    score += MATCH_PRIOR.get(candidate.match, 0.0)
    if name_key(entry.name) == key:
        score += OWN_NAME_BONUS
    if entry.feature_code in ("AIRB", "AIRP") and re.search(r"(?i)air(port|field|base| base| field|strip)", text):
        score += 6.0
    return score


def _names_water(toponym: Toponym) -> bool:
    """The name ends with a word of a river, lake or sea ("Red River", "Red River Valley"): it
    names the water or the land along it, which may have lent its name to a county."""
    words = toponym.text.split()
    if toponym.kind == "H" and toponym.feature_word and toponym.text.endswith(toponym.feature_word):
        return True
    return len(words) > 2 and toponym.kind == "T" and words[-2] in _WATER_WORDS


def _not_a_region_named_after_water(candidates: list[Candidate], key: str) -> list[Candidate]:
    """A river is not the parish named after it: "Red River" matched Red River Parish only
    through the parish's name without its word; a region whose own name it is stays."""
    return [c for c in candidates if c.entry.feature_class != "A" or name_key(c.entry.name) == key]


def _lookup(toponym: Toponym, gazetteer: Gazetteer) -> tuple[list[Candidate], str | None, str]:
    """The gazetteer's candidates for a toponym; why they are those of a shorter name (None when
    they bear the toponym's own name); the name the article calls the place by (a body named
    after a county speaks of the county: one sense with the county's other mentions)."""
    candidates, shorter = _lookup_any(toponym, gazetteer)
    if _names_water(toponym):
        candidates = _not_a_region_named_after_water(candidates, name_key(toponym.text))
    name = toponym.text
    if shorter and shorter.startswith(_BODY_NAMED_AFTER):
        name = shorter[len(_BODY_NAMED_AFTER):]
    return candidates, shorter, name


# "Acadia Parish Fire District", "Lamar County Jail", "Paris-Lamar County": a county or parish
# that begins a body's name (or ends a joint one); the words before the county word, last first
_COUNTY_IN_A_NAME = re.compile(r"((?:[A-Z][\w.'’]*\s+){0,2}[A-Z][\w.'’]*)\s+(County|Parish)\b")
_BODY_NAMED_AFTER = "a body named after "


def _county_a_body_is_named_after(text: str, gazetteer: Gazetteer) -> tuple[list[Candidate], str | None]:
    for match in _COUNTY_IN_A_NAME.finditer(text):
        words = re.split(r"[\s-]+", match.group(1))
        for n in range(len(words), 0, -1):
            county = f"{' '.join(words[-n:])} {match.group(2)}"
            if county == text:
                continue
            found = [c for c in gazetteer.candidates(county, allow_skeleton=False) if c.entry.feature_class == "A"]
            if found:
                return found, _BODY_NAMED_AFTER + county
    return [], None


def _lookup_any(toponym: Toponym, gazetteer: Gazetteer) -> tuple[list[Candidate], str | None]:
    if toponym.demonym:
        found = gazetteer.demonym_candidates(toponym.text)
        return found or gazetteer.candidates(toponym.text, allow_skeleton=False), None
    if toponym.kind == "R":
        # a street is not placed at a town of a similar name ("Clinton Street" is no Clinton)
        return gazetteer.candidates(toponym.text, allow_skeleton=False), None
    if toponym.feature_word in ("County", "Parish") and not toponym.text.endswith(toponym.feature_word):
        found = gazetteer.candidates(f"{toponym.text} {toponym.feature_word}", allow_skeleton=False)
        if found:
            return found, None
    if not gazetteer.candidates(toponym.text, allow_skeleton=False):
        found, why = _county_a_body_is_named_after(toponym.text, gazetteer)
        if found:
            return found, why
    found = gazetteer.candidates(toponym.text)
    # "Dublin City Council": the city of Dublin is any town called Dublin, not only the Irish
    # county whose name is Dublin City (a town of its own name, "Kansas City", still gains by it)
    if found and toponym.feature_word == "City" and toponym.text.endswith(" City"):
        seen = {c.entry_index for c in found}
        found += [c for c in gazetteer.candidates(toponym.text[: -len(" City")], allow_skeleton=False)
                  if c.entry.feature_class == "P" and c.entry_index not in seen]
    if found:
        return found, None
    words = toponym.text.split()
    # "Panjshir Valley" is placed at Panjshir; "Red River" is not placed at a town called Red
    if toponym.kind in ("A", "T", "S", "P") and len(words) > 1 and toponym.feature_word and toponym.text.endswith(toponym.feature_word):
        bare = toponym.text[: -len(toponym.feature_word)].strip()
        found = gazetteer.candidates(bare, allow_skeleton=False)
        if found:
            return found, f"{toponym.feature_word} not in the gazetteer"
    # "Kabul's", "Panjshir-based", "North Waziristan" spelled as one word elsewhere
    for variant in (re.sub(r"['’]s$", "", toponym.text), toponym.text.replace("-", " "), toponym.text.replace(" ", "")):
        if variant != toponym.text:
            found = gazetteer.candidates(variant)
            if found:
                return found, None
    # "Platte Co.", "Tewksbury Twp.", and a county or parish named without its word
    # ("Henrico", "Miami-Dade", "Avoyelles"): tried only when nothing else matched
    bare = re.sub(r"\s+(?:Co|Cnty)\.?$", " County", toponym.text)
    bare = re.sub(r"\s+Twp\.?$", " Township", bare)
    for variant in (bare, f"{toponym.text} County", f"{toponym.text} Parish"):
        if variant != toponym.text:
            found = gazetteer.candidates(variant, allow_skeleton=False)
            if found:
                return found, None
    return [], None


# the words of water in feature_words.yaml (kind H): what a valley may be named after
_WATER_WORDS = {word for word, kind, _ in feature_words().after if kind == "H"}


def _kind_fits(kind: str | None, entry: GazetteerEntry) -> bool:
    if kind is None:
        return False
    if kind == "S":
        return entry.feature_code in ("AIRB", "AIRP") or entry.feature_class == "S"
    return entry.feature_class == kind


def resolve_toponyms(
    text: str, toponyms: list[Toponym], gazetteer: Gazetteer, home: str | None = None,
    home_region: tuple[str, str] | None = None,
) -> list[Place]:
    """Places for the toponyms of one article (same order; unresolved ones kept).

    ``home``: the outlet's name or web address, when known ("Richmond Register",
    "www.palestineherald.com"): local news is mostly about the outlet's home town.
    ``home_region``: (country, region name) where most of the outlet's articles are
    (``geo.home_region``, learned over a store): its namesakes there come first. When none is
    learned, the state an American outlet's web address names ("masslive": Massachusetts;
    ``address_region``, host_states.yaml) takes its place.
    """
    mentions = []
    for toponym in toponyms:
        candidates, shorter, name = _lookup(toponym, gazetteer)
        key = name_key(name)
        mentions.append(
            _Mention(toponym, key, candidates, [_prior(c, key, toponym.text) for c in candidates], shorter)
        )
    _drop_far_skeletons(mentions)
    for mention in mentions:
        mention.bonus = [0.0] * len(mention.candidates)
        _apply_kind_and_region_rules(mention)
    _apply_qualifiers(text, mentions)
    _apply_counties_holding_towns(mentions)
    _apply_lists_of_regions(text, mentions)
    _apply_town_cues(text, mentions)
    _apply_world_cities(mentions)
    _apply_home(mentions, home)
    _apply_money_marks(text, mentions, home)
    named = len(mentions)
    mentions += _home_town_mentions(home, mentions, gazetteer)  # votes and neighbours only
    if home_region is None:  # none learned over the store: the state the outlet's web address names
        home_region = address_region(home, gazetteer)
    mentions += _home_region_mentions(home_region, gazetteer)  # votes only
    _drop_small_places_abroad(mentions)
    _drop_body_names_abroad(text, mentions)
    held = _hold_compass_parts_of_named_towns(mentions)
    for _ in range(2):
        _apply_focus(mentions)
        _choose(mentions)
    if apply_article_state(text, mentions, OUTLET_SOURCES) is not None:  # its namesakes in the article's state
        _choose(mentions)
    _apply_proximity(mentions)
    _choose(mentions)
    _return_compass_parts_near_their_town(held, mentions)
    _drop_namesakes_alone_in_their_region(mentions)
    mentions = mentions[:named]
    containers = _containers_by_name(mentions, text)
    return [_to_place(m, containers.get(m.key), gazetteer) for m in mentions]


def _home_town_mentions(home: str | None, mentions: list[_Mention], gazetteer: Gazetteer) -> list[_Mention]:
    """The town an outlet's web address names ("www.richmondregister.com": a Richmond), as one
    more, unseen mention of the article: local news is about places near its home."""
    label, country = _home_hints(home)
    if len(label.replace(".", "")) < 5:
        return []
    said = {m.key.replace(" ", "") for m in mentions}
    for i, j in _ends_of_address_labels(label):
        key = label[i:j]
        if key in said:
            continue
        candidates = [
            Candidate(k, gazetteer.entries[k], "name")
            for k in gazetteer.names.get(key, ())
            if gazetteer.entries[k].feature_class == "P"
            and gazetteer.entries[k].population >= 10_000
            and name_key(gazetteer.entries[k].name) == key
            and country in (None, gazetteer.entries[k].country_code)
        ]
        if candidates:
            mention = _Mention(Toponym(0, 0, key, "home"), key, candidates, [_prior(c, key, key) for c in candidates])
            mention.bonus = [0.0] * len(candidates)
            return [mention]
    return []


def _ends_of_address_labels(label: str) -> list[tuple[int, int]]:
    """Where a town's name may sit in an outlet's web address ("richmondregister",
    "theparisnews", "chronicle.augusta"): at the start of a label (after "the" or "my") or at its
    end, as (start, end) in ``label``, longest first from each start. Not anywhere inside it:
    "bclocalnews" holds a "Calne" across its words, no town of the outlet's."""
    spans = []
    offset = 0
    for part in label.split("."):
        lead = next((len(w) for w in ("the", "my") if part.startswith(w) and len(part) > len(w) + 4), 0)
        for i in range(lead, len(part)):
            for j in range(len(part), i + 4, -1):
                if i == lead or j == len(part):
                    spans.append((offset + i, offset + j))
        offset += len(part) + 1
    return spans


def _containers_by_name(mentions: list[_Mention], text: str) -> dict[str, tuple[_Mention, str]]:
    """For each name the gazetteer lacks, what holds it; a relation the text states ("a few
    kilometers from Bazarak") beats mere nearness, and holds for every mention of the name."""
    found: dict[str, tuple[_Mention, str]] = {}
    for mention in mentions:
        if mention.chosen is not None or mention.toponym.demonym:
            continue
        container = _container(mention, mentions, text)
        if container is None:
            continue
        stated = container[1].startswith("the text places it")
        if mention.key not in found or (stated and not found[mention.key][1].startswith("the text places it")):
            found[mention.key] = container
    return found


def _drop_far_skeletons(mentions: list[_Mention]) -> None:
    """A loose (skeleton) spelling match is believed only in a country the article is about:
    "Swift" is not Shufah in Palestine."""
    countries = set()
    for mention in mentions:
        for candidate in mention.candidates:
            if candidate.match != "skeleton" and candidate.entry.feature_code in ("PCLI", "PCLD", "PCLS", "ADM1"):
                countries.add(candidate.entry.country_code)
            elif candidate.match != "skeleton" and len(mention.candidates) == 1:
                countries.add(candidate.entry.country_code)
    for mention in mentions:
        if mention.candidates and mention.candidates[0].match == "skeleton":
            keep = [i for i, c in enumerate(mention.candidates) if c.entry.country_code in countries]
            mention.candidates = [mention.candidates[i] for i in keep]
            mention.prior = [mention.prior[i] for i in keep]


def _country_votes(mention: _Mention, below_country: bool) -> dict[str, float]:
    """How much one mention says each country, by its candidates as scored so far; with
    ``below_country``, by its towns, counties and states only."""
    votes: dict[str, float] = defaultdict(float)
    if mention.candidates and not mention.toponym.demonym:
        for candidate, weight in zip(mention.candidates, _softmax(_scores(mention))):
            if candidate.entry.country_code and not (below_country and candidate.entry.feature_code in WIDE_CODES):
                votes[candidate.entry.country_code] += weight
    return votes


def _votes_of_others(votes_by_key: dict[str, dict[str, float]], own_key: str) -> dict[str, float]:
    others: dict[str, float] = defaultdict(float)
    for key, votes in votes_by_key.items():
        if key != own_key:
            for country, weight in votes.items():
                others[country] += weight
    return others


def _is_small_place(entry: GazetteerEntry) -> bool:
    population = entry.population or POPULATION_GUESS.get(entry.feature_code, 0)
    return (entry.feature_class == "P" or entry.feature_code == "ADM2") and population < SMALL_PLACE_POPULATION


def _drop_small_places_abroad(mentions: list[_Mention]) -> None:
    """A name the gazetteer knows only as small places in countries none of the article's other
    places lie in, when those places agree on one other country, is a namesake of a place the
    packaged gazetteer lacks: "Hume" filed in an Illinois paper is not the Australian shire, and
    a Charleston story's "Hampton Park" is not the suburb of Melbourne (which would pull
    Charleston to Australia). The name is then placed by what the text says holds it. A name
    with a candidate of size or one in the article's country keeps all its candidates."""
    # where the story is: its towns, counties and states (a local story often names a country,
    # "back from Iraq", and none of its towns); any name, a country's too, vouches for a country
    local_votes: dict[str, dict[str, float]] = {}
    all_votes: dict[str, dict[str, float]] = {}
    for mention in mentions:
        # a town guessed from the outlet's web address names no country: Paris News, Paris Beacon
        if mention.toponym.source not in OUTLET_SOURCES and mention.key not in all_votes:
            local_votes[mention.key] = _country_votes(mention, below_country=True)
            all_votes[mention.key] = _country_votes(mention, below_country=False)
    for mention in mentions:
        if not mention.candidates or not all(_is_small_place(c.entry) for c in mention.candidates):
            continue
        local = _votes_of_others(local_votes, mention.key)
        total = sum(local.values())
        if not total:
            continue
        focus, weight = max(local.items(), key=lambda kv: kv[1])
        if weight < SMALL_PLACE_ABROAD_MIN_VOTES or weight / total < SMALL_PLACE_ABROAD_FOCUS_SHARE:
            continue
        # a story that also names other countries ("cases in Ohio, in Peru and in a village of
        # Chad") is not about one country: its small places abroad may be just that
        vouched = _votes_of_others(all_votes, mention.key)
        if vouched.get(focus, 0.0) < SMALL_PLACE_ABROAD_FOCUS_SHARE * sum(vouched.values()):
            continue
        if all(vouched.get(c.entry.country_code, 0.0) < SMALL_PLACE_ABROAD_STRAY_VOTES * weight for c in mention.candidates):
            mention.candidates, mention.prior, mention.bonus = [], [], []


BODY_WORDS_PATH = Path(__file__).resolve().parent / "body_words.yaml"


@lru_cache(maxsize=1)
def _body_words_table() -> dict:
    return yaml.safe_load(BODY_WORDS_PATH.read_text(encoding="utf-8"))


def body_words() -> tuple[dict, ...]:
    """The words that make the name before them a body's or a building's (body_words.yaml)."""
    return tuple(_body_words_table()["body_words"])


def compass_part_examples() -> tuple[dict, ...]:
    """Sentences whose "North X" is a side of the town X they also name (body_words.yaml)."""
    return tuple(_body_words_table().get("compass_part_examples", ()))


@lru_cache(maxsize=1)
def _body_word_after() -> re.Pattern:
    words = sorted((e["word"] for e in body_words()), key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b")


# a body's name is no town by its word already: the story's country need only hold most of the
# other places' weight (a small town's name alone needs 0.8 of it: _drop_small_places_abroad)
BODY_NAME_STORY_SHARE = 0.5


def _story_country(mentions: list[_Mention], own_key: str) -> str | None:
    """The country most of the article's other towns, counties and states point to, if one does."""
    votes: dict[str, dict[str, float]] = {}
    for mention in mentions:
        if mention.toponym.source not in OUTLET_SOURCES and mention.key not in votes:
            votes[mention.key] = _country_votes(mention, below_country=True)
    local = _votes_of_others(votes, own_key)
    total = sum(local.values())
    if not total:
        return None
    focus, weight = max(local.items(), key=lambda kv: kv[1])
    if weight < SMALL_PLACE_ABROAD_MIN_VOTES or weight / total <= BODY_NAME_STORY_SHARE:
        return None
    return focus


def _drop_body_names_abroad(text: str, mentions: list[_Mention]) -> None:
    """A name right before a word of a body or a building ("the Sunny Hills Apartments", "Bayside
    Community Center", body_words.yaml) names the body; it says where the body is only through a
    town of the name in the story's country. Its namesakes abroad, other than a city of millions, are
    dropped (a Kansas City fire at an apartment complex is not in a suburb of Auckland), and with
    none left the name is placed by what the text says holds it."""
    for mention in mentions:
        if not mention.candidates or mention.toponym.source in OUTLET_SOURCES:
            continue
        if not _body_word_after().match(text, mention.toponym.end):
            continue
        country = _story_country(mentions, mention.key)
        if country is None:
            continue
        # a city of millions abroad lends bodies its name ("Kabul University"): only it stays
        keep = [i for i, c in enumerate(mention.candidates)
                if c.entry.country_code == country or (c.entry.population or 0) >= BIG_CITY_POPULATION]
        mention.candidates = [mention.candidates[i] for i in keep]
        mention.prior = [mention.prior[i] for i in keep]
        mention.bonus = [mention.bonus[i] for i in keep]


_COMPASS_PART = re.compile(r"(?i)(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+(.+)")


# a part of a town is within this of the town's middle ("North Little Rock" beside Little Rock)
COMPASS_PART_KM = 40.0


def _hold_compass_parts_of_named_towns(mentions: list[_Mention]) -> list[tuple[_Mention, str, list, list, list]]:
    """ "a North Richmond neighborhood" in a story that also names Richmond is a side of that
    town: the small towns called North Richmond elsewhere must not pull the story (and Richmond)
    to their state. The part's candidates are held back while the town is chosen, and given back
    after (_return_compass_parts_near_their_town). Only a name known as small towns alone: a
    country or a city of size called "South X" ("North Korea", "South Sudan") is its own place."""
    named = {m.key for m in mentions if m.candidates and m.toponym.source not in OUTLET_SOURCES}
    held = []
    for mention in mentions:
        part = _COMPASS_PART.fullmatch(mention.toponym.text)
        if not part or not mention.candidates or name_key(part.group(1)) not in named:
            continue
        if all(c.entry.feature_class == "P" and _is_small_place(c.entry) for c in mention.candidates):
            held.append((mention, name_key(part.group(1)), mention.candidates, mention.prior, mention.bonus))
            mention.candidates, mention.prior, mention.bonus = [], [], []
    return held


def _return_compass_parts_near_their_town(held: list[tuple[_Mention, str, list, list, list]],
                                          mentions: list[_Mention]) -> None:
    """A held part keeps its namesakes near the town the story chose ("North Little Rock" by
    Little Rock); with none there it is placed at the town, whose side it is."""
    for mention, town_key, candidates, prior, bonus in held:
        towns = [m.candidates[m.chosen] for m in mentions if m.key == town_key and m.chosen is not None]
        if not towns:
            continue
        town = towns[0].entry
        keep = [i for i, c in enumerate(candidates)
                if great_circle_km(c.entry.lat, c.entry.lon, town.lat, town.lon) <= COMPASS_PART_KM]
        if not keep:
            # no town of the part's name by the town: the side of the town is placed at the town
            candidates, prior, bonus, keep = [towns[0]], [0.0], [0.0], [0]
        mention.candidates = [candidates[i] for i in keep]
        mention.prior = [prior[i] for i in keep]
        mention.bonus = [bonus[i] for i in keep]
        mention.focus, mention.proximity = [0.0] * len(keep), [0.0] * len(keep)
        best = max(range(len(keep)), key=lambda i: mention.prior[i] + mention.bonus[i])
        mention.chosen, mention.probability = best, _softmax([p + b for p, b in zip(mention.prior, mention.bonus)])[best]


def _drop_namesakes_alone_in_their_region(mentions: list[_Mention]) -> None:
    """A small town chosen among namesakes in several regions of one country, when the article
    is a story of one other region of that country (most of the other places it names below
    the country, and at least ``LONE_NAMESAKE_OTHER_PLACES`` of them, lie there) and names
    nothing in the town's region, is a namesake of a place the packaged gazetteer lacks: a
    Nebraska paper's "Brookside" school board (dateline KEARNEY, a firm from Omaha) is not
    Brookside, Delaware. The name is then placed by what the
    text says holds it. A reporter qualifies a town of another state ("Lakeview, Ore."), and the
    qualifier is a place of its region, so such a town keeps its reading."""
    chosen = [m for m in mentions if m.chosen is not None and not m.toponym.demonym]
    for mention in chosen:
        if mention.chosen is None:
            continue  # dropped with a mention of the same name
        entry = mention.candidates[mention.chosen].entry
        if mention.toponym.source in OUTLET_SOURCES or not _is_small_place(entry) or entry.feature_class != "P":
            continue
        regions = {c.entry.admin1 for c in mention.candidates
                   if c.entry.feature_class == "P" and c.entry.country_code == entry.country_code}
        filed_from = _dateline_region(mentions)
        lone_village = (filed_from is not None and filed_from[0] == entry.country_code
                        and filed_from[1] != entry.admin1 and (entry.population or 0) < LONE_VILLAGE_POPULATION)
        if len(regions) < 2 and not lone_village:
            continue  # one town of the name in the country: no namesake to be mistaken for
        others = {}
        for other in chosen:
            if other.chosen is None:
                continue
            place = other.candidates[other.chosen].entry
            if other.key != mention.key and place.country_code == entry.country_code \
                    and place.feature_code not in WIDE_CODES:
                others.setdefault(other.key, place.admin1)
        regions_named = Counter(others.values())
        if not regions_named or entry.admin1 in regions_named:
            continue
        if lone_village:
            # a village of one name far from a local story's dateline town, in a state the
            # story names nothing else in: a neighbourhood or street of the town's area the
            # gazetteer lacks ("LAKEVILLE — a fire at a Pine Hollow home" is no village two states away)
            _unplace(mentions, mention.key)
            continue
        _, count = regions_named.most_common(1)[0]
        # a story of one region: most of its places there ("Columbus", "Omaha": Nebraska), not a
        # country's news naming towns in many provinces
        if count >= LONE_NAMESAKE_OTHER_PLACES and count > len(others) / 2:
            _unplace(mentions, mention.key)


def _unplace(mentions: list[_Mention], key: str) -> None:
    for same in mentions:
        if same.key == key:
            same.candidates, same.prior, same.bonus, same.chosen = [], [], [], None


# a village of one name in the country below this many people is what a local story's own
# neighbourhood may be named like (the dateline rule of _drop_namesakes_alone_in_their_region)
LONE_VILLAGE_POPULATION = 10_000


def _dateline_region(mentions: list[_Mention]) -> tuple[str, str] | None:
    """(country, region) of the town a story opens with in capitals ("LAKEVILLE — ..."), when it
    is one: a local story filed from there."""
    first = next((m for m in mentions if m.toponym.source not in OUTLET_SOURCES), None)
    if first is None or first.chosen is None or first.toponym.start > 2 or not first.toponym.text.isupper():
        return None
    entry = first.candidates[first.chosen].entry
    if entry.feature_class != "P" or not entry.admin1:
        return None
    return (entry.country_code, entry.admin1)


def _apply_kind_and_region_rules(mention: _Mention) -> None:
    candidates = mention.candidates
    for i, candidate in enumerate(candidates):
        entry = candidate.entry
        if _kind_fits(mention.toponym.kind, entry):
            mention.bonus[i] += KIND_BONUS
        # "Kabul", "Kandahar", "New York": a region named after its big city means the city,
        # unless the text says region ("Kabul province"); so does a region named like the
        # country's capital ("Washington")
        if (
            entry.feature_class == "P"
            and name_key(entry.name) != mention.key
            and any(o.entry.feature_code in COUNTRY_CODES and o.match == "name" for o in candidates)
        ):
            mention.bonus[i] -= ALTERNATE_NAME_OF_A_COUNTRY
        # GeoNames keeps towns' former names: Beeville, Texas was once "Maryville"; a town of the
        # same country that bears the name today is the one a reporter means. A mere spelling
        # of the town's own name ("Hillsboro" for Hillsborough) is no former name.
        if (
            entry.feature_class == "P"
            and name_key(entry.name) != mention.key
            and fuzz.ratio(name_key(entry.name), mention.key) < SPELLING_OF_OWN_NAME
            and any(
                o.entry.feature_class == "P" and o.entry.country_code == entry.country_code and name_key(o.entry.name) == mention.key
                for o in candidates
            )
        ):
            mention.bonus[i] -= ALTERNATE_NAME_OF_A_TOWN
        if entry.feature_code == "ADM1" and mention.toponym.kind != "A":
            for other in candidates:
                o = other.entry
                if (
                    o.feature_class == "P"
                    and o.country_code == entry.country_code
                    and (o.admin1 == entry.admin1 or o.feature_code == "PPLC")  # Washington
                    and o.population >= 100_000
                    and name_key(o.name) == name_key(entry.name)
                ):
                    mention.bonus[i] -= SAME_NAME_CITY_IN_REGION + POPULATION_WEIGHT * (
                        math.log10(entry.population + 1) - math.log10(o.population + 1)
                    )
                    break


# generic labels of web addresses, which name no place
_GENERIC_LABELS = {"www", "com", "org", "net", "edu", "gov", "co", "ac", "news", "info", "biz", "online", "blogs", "m"}
# country-code domains that are sold as generic names and say nothing of where an outlet is
_GENERIC_COUNTRY_DOMAINS = {"tv", "io", "me", "fm", "am", "cc", "ws", "co", "ly", "to", "in"}
HOME_BONUS = SETTINGS.geo.home_bonus
MONEY_MARK_BONUS = SETTINGS.geo.money_mark_bonus


def _home_hints(home: str | None) -> tuple[str, str | None]:
    """(the outlet's name folded, or its web address's labels run together; the country its
    address's country-code domain names): "www.richmondregister.com" -> ("richmondregister",
    None); "www.thisisoxfordshire.co.uk" -> ("thisisoxfordshire", "GB")."""
    if not home:
        return "", None
    home = home.strip().lower()
    if " " in home.strip() or "." not in home:  # an outlet's name: "Richmond Register"
        return name_key(home).replace(" ", ""), None
    host = re.sub(r"^[a-z]+://", "", home).split("/")[0].split(":")[0]
    labels = host.split(".")
    country = None
    if len(labels) >= 2 and len(labels[-1]) == 2 and labels[-1] not in _GENERIC_COUNTRY_DOMAINS:
        country = "GB" if labels[-1] == "uk" else labels[-1].upper()
    named = [label.replace("-", "") for label in labels[:-1] if label not in _GENERIC_LABELS]
    return ".".join(named), country


# an outlet named after its town under a generic domain (.com, .net, .org) writes the English this
# pipeline reads: it is a paper of an English-writing country, and its town the namesake there
# ("theparisledger.com": Paris, Texas, not the capital of France). Most such papers are American
# (the other countries' local papers mostly go under .co.uk, .ca, .com.au, .co.nz, .ie), so the
# American namesake comes first by a little, which the story's own places still outweigh (the
# Woodstock Sentinel-Review, a .com, writes of Woodstock, Ontario and names Ontario)
ENGLISH_PRESS_COUNTRIES = frozenset({"US", "GB", "CA", "AU", "NZ", "IE"})
GENERIC_DOMAIN_COUNTRY = "US"


def _outlet_country_fits(country: str | None, entry: GazetteerEntry) -> bool:
    """Whether a town may be the home of an outlet of this country-code domain (None: a generic one)."""
    if country is None:
        return entry.country_code in ENGLISH_PRESS_COUNTRIES
    return entry.country_code == country


def _apply_home(mentions: list[_Mention], home: str | None) -> None:
    """A name in the outlet's name or web address is its home town: "Palestine" in the
    Palestine Herald is the town, not the country, and a town in the country of the outlet's
    domain ("Richmond" in a .co.uk paper) before its namesakes abroad."""
    label, country = _home_hints(home)
    if not label and not country:
        return
    for mention in mentions:
        squeezed = _own_name(mention.key).replace(" ", "")  # "Paris City Council": the Paris News's town
        in_name = len(squeezed) >= 4 and squeezed in label
        for i, candidate in enumerate(mention.candidates):
            entry = candidate.entry
            if in_name and entry.feature_class == "P":
                mention.bonus[i] += HOME_BONUS / 2 + (HOME_BONUS / 2 if _outlet_country_fits(country, entry) else 0.0)
                if country is None and entry.country_code == GENERIC_DOMAIN_COUNTRY:
                    mention.bonus[i] += HOME_BONUS / 8  # most papers under a generic domain are American
            elif country and entry.country_code == country and entry.feature_code not in WIDE_CODES:
                mention.bonus[i] += HOME_BONUS / 4


# a name whose main reading is a national capital or a city of this many people abroad (outside
# the home region's country) is not pulled to a village of its name in its outlet's home region
# by the home's vote: an Ontario paper's "Brussels" is the Belgian capital, not the Ontario
# village, unless the story's own places say so
HOME_REGION_GUARD_POPULATION = SETTINGS.geo.home_region_guard_population
HOME_REGION_GUARD_VILLAGE = SETTINGS.geo.home_region_guard_village  # people: a namesake at home below it
HOME_REGION_SOURCE = "home region"
# mentions the outlet adds, not the article's words: they name no place the text says
OUTLET_SOURCES = frozenset({"home", HOME_REGION_SOURCE})


def _home_region_mentions(home_region: tuple[str, str] | None, gazetteer: Gazetteer) -> list[_Mention]:
    """The outlet's home region as one more, unseen mention of the article, which votes for its
    region as a named state would: the article's own places that agree on another region outvote it."""
    if home_region is None:
        return []
    country, name = home_region
    code = next((c for (cc, c), n in gazetteer.admin1_names.items() if cc == country and n == name), name)
    index = gazetteer.admin1_entries.get((country, code))
    if index is None:
        return []
    entry = gazetteer.entries[index]
    key = name_key(entry.name)
    candidate = Candidate(index, entry, "name")
    mention = _Mention(Toponym(0, 0, key, HOME_REGION_SOURCE), key, [candidate], [_prior(candidate, key, key)])
    mention.bonus = [0.0]
    return [mention]


HOST_STATES_PATH = Path(__file__).with_name("host_states.yaml")
# a state's name that is also the name of a city of this many people outside the state names the
# city, not the state, in a web address ("washingtonpost": the capital)
HOST_STATE_CITY_POPULATION = 100_000


@lru_cache(maxsize=1)
def host_states() -> dict:
    """The table of how American outlets' web addresses name their state (host_states.yaml)."""
    return yaml.safe_load(HOST_STATES_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def _state_forms(gazetteer: Gazetteer) -> tuple[dict[str, str], dict[str, str]]:
    """({a state's name, short form or postal abbreviation, squeezed: its name},
    {postal abbreviation: its name}) for the states of the table's country."""
    table = host_states()
    country = table["country"]
    left_out = set(table["abbreviations_left_out"])
    forms: dict[str, str] = {}
    abbreviations: dict[str, str] = {}
    for (cc, code), name in gazetteer.admin1_names.items():
        if cc != country or not name:
            continue
        squeezed = name_key(name).replace(" ", "")
        elsewhere = any(
            gazetteer.entries[k].feature_class == "P" and gazetteer.entries[k].admin1 != code
            and (gazetteer.entries[k].population or 0) >= HOST_STATE_CITY_POPULATION
            for k in gazetteer.names.get(name_key(name), ()))
        if not elsewhere:
            forms[squeezed] = name
        for short in table["short_forms"].get(name, ()):
            forms[short] = name
        if len(code) == 2 and code.isalpha() and code.lower() not in left_out:
            forms[code.lower()] = name
            abbreviations[code.lower()] = name
    return forms, abbreviations


def address_region(home: str | None, gazetteer: Gazetteer) -> tuple[str, str] | None:
    """The American state an outlet's web address names ("www.masslive.com": Massachusetts;
    "wvgazette.com": West Virginia; "www.keokukia.com": Iowa), as (country, region name), or None
    (an outlet's name, a foreign domain, an address that names no state; host_states.yaml)."""
    if not home or " " in home.strip() or "." not in home:
        return None
    label, country = _home_hints(home)
    table = host_states()
    if country not in (None, table["country"]) or not label:
        return None
    forms, abbreviations = _state_forms(gazetteer)
    words = set(table["news_words"])
    found = set()
    parts = set(label.split("."))
    parts |= {part[len(w):] for part in parts for w in ("the", "my") if part.startswith(w) and len(part) > len(w)}
    for part in parts:
        for form, state in forms.items():
            if part == form or (part.startswith(form) and part[len(form):] in words):
                found.add(state)
        for abbreviation, state in abbreviations.items():
            town = part[: -len(abbreviation)]
            if part.endswith(abbreviation) and len(town) >= 4 and any(
                    gazetteer.entries[k].feature_class == "P"
                    and gazetteer.admin1_name(gazetteer.entries[k].country_code, gazetteer.entries[k].admin1) == state
                    and name_key(gazetteer.entries[k].name).replace(" ", "") == town
                    for k in gazetteer.names.get(town, ())):
                found.add(state)
    if len(found) != 1:
        return None
    return (table["country"], found.pop())


def _beyond_home_vote(mention: _Mention, home_regions: set[tuple]) -> bool:
    """Whether a name's main reading (its most populous candidate) is a national capital or a big
    city in another country than the outlet's home region, and its namesakes at home are villages
    only: the home's vote does not pull it there (an Ontario paper's "Brussels" is the Belgian
    capital, not Ontario's village of a thousand), though the story's own places still may. A
    namesake at home of some size still takes the home's vote (a Tennessee paper's "Athens", an
    Illinois paper's "Paris"), and so does every name whose main reading is in the home's own
    country (a Nebraska paper's "Columbus" is its Columbus, not Ohio's)."""
    if not mention.candidates or not home_regions or HOME_REGION_GUARD_POPULATION is None:
        return False
    main = max(mention.candidates, key=lambda c: c.entry.population or 0).entry
    if main.country_code in {country for country, _ in home_regions}:
        return False
    if main.feature_code != "PPLC" and (main.population or 0) < HOME_REGION_GUARD_POPULATION:
        return False
    at_home = [c.entry for c in mention.candidates if (c.entry.country_code, c.entry.admin1) in home_regions]
    return all((entry.population or 0) < HOME_REGION_GUARD_VILLAGE for entry in at_home)


MONEY_MARKS_PATH = Path(__file__).with_name("money_marks.yaml")


@lru_cache(maxsize=1)
def money_marks() -> tuple[tuple[str, frozenset[str], dict], ...]:
    """(mark, the countries whose papers write amounts with it bare, the table's example)."""
    data = yaml.safe_load(MONEY_MARKS_PATH.read_text(encoding="utf-8"))
    return tuple((e["mark"], frozenset(e["countries"]), e["example"]) for e in data["marks"])


@lru_cache(maxsize=1)
def _money_patterns() -> tuple[tuple[re.Pattern, frozenset[str]], ...]:
    # "$40,000", "$ 2.5 million"; not "US$40" nor "C$40", which mark a foreign currency
    return tuple((re.compile(rf"(?<![A-Za-z]){re.escape(mark)}\s?\d"), countries) for mark, countries, _ in money_marks())


def money_countries(text: str) -> frozenset[str]:
    """The countries whose readers an article counts money for: those of the one bare currency
    mark its amounts carry; none when it counts in two currencies (a story of exchange rates
    or of two countries' budgets says nothing of its outlet)."""
    found = [countries for pattern, countries in _money_patterns() if pattern.search(text)]
    return found[0] if len(found) == 1 else frozenset()


def _apply_money_marks(text: str, mentions: list[_Mention], home: str | None) -> None:
    """A town in a country whose currency the article counts in gains as a town in the country
    of the outlet's domain does: "Mansfield" in a story of a council's "$40,000" is a namesake
    in a dollar country, not the English town. What the article's other names say (its focus)
    still outweighs it: "Alexandria" among Egypt's towns stays the Egyptian city."""
    if _home_hints(home)[1] is not None:
        return  # the outlet's domain already says its country
    countries = money_countries(text)
    if not countries or _names_a_country_besides(mentions, countries):
        return
    for mention in mentions:
        # a city of millions abroad is one every reader knows ("London", "Rome"): news from
        # there, not of a namesake at home
        if any(c.entry.country_code not in countries and c.entry.population >= BIG_CITY_POPULATION
               for c in mention.candidates):
            continue
        for i, candidate in enumerate(mention.candidates):
            entry = candidate.entry
            if entry.country_code in countries and entry.feature_code not in WIDE_CODES:
                mention.bonus[i] += MONEY_MARK_BONUS


def _names_a_country_besides(mentions: list[_Mention], countries: frozenset[str]) -> bool:
    """The article names a country other than ``countries`` (its name, read first as the
    country): a dollar story of a harvest in Chile is not set at home, and its "Valparaiso" is
    Chile's. Local news names none, or only its own."""
    for mention in mentions:
        if not mention.candidates:
            continue
        best = mention.candidates[max(range(len(mention.prior)), key=mention.prior.__getitem__)]
        if best.entry.feature_code in COUNTRY_CODES and best.entry.country_code not in countries:
            return True
    return False


def _contains(outer: GazetteerEntry, inner: GazetteerEntry) -> bool:
    if outer.country_code is None or inner.country_code != outer.country_code or outer is inner:
        return False
    if outer.feature_code in ("PCLI", "PCLD", "PCLS", "PCL", "TERR"):
        return True
    if outer.feature_code == "ADM1":
        return inner.admin1 == outer.admin1 and inner.feature_code != "ADM1"
    if outer.feature_code == "ADM2":
        return inner.admin1 == outer.admin1 and inner.admin2 == outer.admin2 and inner.feature_code != "ADM2"
    return False


def _apply_qualifiers(text: str, mentions: list[_Mention]) -> None:
    """"Alexandria, La.", "Paris, Texas", "Anabah, Panjshir": the second name holds the first."""
    for before, first, second, after in zip([None] + mentions, mentions, mentions[1:], mentions[2:] + [None]):
        between = text[first.toponym.end : second.toponym.start]
        if not re.fullmatch(r"\s*,\s*|\s+in\s+|\s+", between) or first.toponym.demonym or second.toponym.demonym:
            continue
        if any(c.entry.feature_code in COUNTRY_CODES and c.match == "name" for c in first.candidates):
            continue  # "Iraq, Iran, Syria" is a list of countries, not Arak in Iran
        if before is not None and _in_a_list_of_regions(text, before, first):
            continue  # "Georgia, Oklahoma, Pennsylvania": not the hamlet of Oklahoma, Pa.
        if (
            after is not None
            and re.fullmatch(r"\s*,\s*", between)
            and re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+or)\s*", text[second.toponym.end : after.toponym.start])
            and _in_a_list_of_regions(text, first, second)
            and _region_countries(first) & _region_countries(after)
        ):
            continue  # "Washington, Pennsylvania and California": three states, not a town in Pa.
        for i, inner in enumerate(first.candidates):
            for j, outer in enumerate(second.candidates):
                if _contains(outer.entry, inner.entry):
                    first.bonus[i] = max(first.bonus[i], QUALIFIER_BONUS)
                    second.bonus[j] = max(second.bonus[j], QUALIFIER_BONUS / 2)


_COUNTY_WORDS = (" county", " parish")


def _apply_counties_holding_towns(mentions: list[_Mention]) -> None:
    """A town and a county of the story that holds it are read together: "a Richmond man" and
    "Madison County deputies" are Richmond, Kentucky and its county, though a bigger Richmond
    and seventeen other Madison Counties exist. Among many namesakes, a town that lies in a
    namesake of the county the story names is rarely a coincidence. Every mention of the two
    names gains (one sense per article)."""
    counties: dict[str, _Mention] = {}
    for mention in mentions:
        # a county called so ("Madison County"): a bare "Kent" or "Paris" may be a town
        if mention.key.endswith(_COUNTY_WORDS) and any(c.entry.feature_code == "ADM2" for c in mention.candidates):
            counties.setdefault(mention.key, mention)
    if not counties:
        return
    gains: set[tuple[str, int]] = set()
    seen: set[str] = set()
    for mention in mentions:
        if mention.toponym.demonym or mention.key in seen:
            continue
        seen.add(mention.key)
        for county_key, county in counties.items():
            if county_key == mention.key:
                continue
            for town in mention.candidates:
                if town.entry.feature_class != "P":
                    continue
                for holder in county.candidates:
                    if holder.entry.feature_code == "ADM2" and _contains(holder.entry, town.entry):
                        gains.add((mention.key, id(town.entry)))
                        gains.add((county_key, id(holder.entry)))
    for mention in mentions:
        for i, candidate in enumerate(mention.candidates):
            if (mention.key, id(candidate.entry)) in gains:
                mention.bonus[i] += COUNTY_OF_A_TOWN_BONUS


def _in_a_list_of_regions(text: str, before: _Mention, mention: _Mention) -> bool:
    """The mention follows a region's name and a comma, and is a region's name too."""
    if not re.fullmatch(r"\s*,\s*", text[before.toponym.end : mention.toponym.start]):
        return False
    return bool(_region_countries(before) & _region_countries(mention))


def _region_countries(mention: _Mention) -> set:
    """The countries of which the name is a first-order region's own name."""
    return {c.entry.country_code for c in mention.candidates if c.entry.feature_code == "ADM1" and name_key(c.entry.name) == mention.key}


def _only_a_region(mention: _Mention) -> bool:
    """The name is a first-order region's own name and no sizeable town's: "Virginia", "Utah"
    (not "Kandahar", which is a province and its city)."""
    regions = [c for c in mention.candidates if c.entry.feature_code == "ADM1" and name_key(c.entry.name) == mention.key]
    towns = [c for c in mention.candidates if c.entry.feature_class == "P" and c.entry.population >= 100_000]
    countries = [c for c in mention.candidates if c.entry.feature_code in COUNTRY_CODES]
    return bool(regions) and not towns and not countries


def _apply_lists_of_regions(text: str, mentions: list[_Mention]) -> None:
    """In a list of states or provinces ("Utah, Virginia, Washington and Wisconsin"), a name
    that is also a city is the region: Washington the state, not the capital."""
    for i, mention in enumerate(mentions):
        neighbours = []
        for j in (i - 1, i + 1):
            if 0 <= j < len(mentions):
                a, b = (mentions[j], mention) if j < i else (mention, mentions[j])
                if re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+or)\s*", text[a.toponym.end : b.toponym.start]):
                    neighbours.append(mentions[j])
        if not any(_only_a_region(n) for n in neighbours):
            continue
        for k, candidate in enumerate(mention.candidates):
            if candidate.entry.feature_code == "ADM1":
                mention.bonus[k] += KIND_BONUS


# what only a town has: its police, fire department, council, mayor, city hall, city limits
_TOWN_INSTITUTION_AFTER = re.compile(
    r"['’]?s?\s+(?:Police|Fire Department|Fire Chief|Fire Station|Volunteer Fire|City Council|Town Council|"
    r"Borough Council|Village Board|City Hall|Town Hall|City Manager|Town Manager|Mayor|city limits|city council|"
    r"police department|fire department)\b"
)
# a street address ends with its town: "1301 Lafayette Ave., Lebanon"
_STREET_ADDRESS_BEFORE = re.compile(
    r"\b\d+\s+(?:[NSEW]\.\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}(?:St|Ave|Rd|Blvd|Dr|Ln|Street|Avenue|Road|Boulevard|Drive|Lane|Pike|Highway)\.?,\s*$"
)
# what only a state or province has: "the Nebraska Department of Transportation", "the Ohio Legislature"
_STATE_INSTITUTION_AFTER = re.compile(
    r"['’]?s?\s+(?:(?:Department|Dept\.) of (?:Transportation|Natural Resources|Corrections|Revenue|Agriculture|"
    r"Environmental)|Legislature|General Assembly|State Police|Highway Patrol|"
    r"Supreme Court|Attorney General|Secretary of State|House of Representatives|State Senate)\b"
)
# "the City of Oxford", "the Town of Clinton"
_TOWN_OF_BEFORE = re.compile(r"\b(?:City|Town|Village|Borough) of\s+$")
TOWN_CUE_BONUS = SETTINGS.geo.town_cue_bonus
# a dateline ("LEBANON (AP) —", "HUME –", "CHARLESTON, W.Va. -"): the name in capitals that opens
# a story, then an optional state, an optional agency and a dash, is the town the story is filed
# from, not the country or county of the same name
# (\x96, \x97: the en and em dash of a page read in the wrong encoding; two spaces before the first
# word: a dateline whose dash was lost)
_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?\s*(?:\([A-Za-z .&/]+\))?"
                             r"(?:\s*[-–—\x96\x97]|  +(?=[A-Z]))")


def _apply_town_cues(text: str, mentions: list[_Mention]) -> None:
    """A name followed by what only a town has ("Lebanon Police", "the Huntsville City Council")
    or ending a street address ("1301 Lafayette Ave., Lebanon") or opening a story as its dateline
    ("LEBANON (AP) —") is a town, not the country or
    state of the same name; one followed by what only a state has ("the Kansas Department of
    Transportation", "the Ohio Legislature") is the state, not a town. Every mention of the name
    gains (one sense per article)."""
    towns = set()
    states = set()
    for mention in mentions:
        t = mention.toponym
        if t.demonym or t.kind not in (None, "P") or not t.text[:1].isupper():
            continue
        if t.kind is None and _STATE_INSTITUTION_AFTER.match(text, t.end):
            states.add(mention.key)
            continue
        if (
            _TOWN_INSTITUTION_AFTER.match(text, t.end)
            or _STREET_ADDRESS_BEFORE.search(text[max(0, t.start - 60) : t.start])
            or _TOWN_OF_BEFORE.search(text[max(0, t.start - 12) : t.start])
            or (not text[: t.start].strip() and t.text.isupper() and _DATELINE_AFTER.match(text, t.end))
        ):
            towns.add(mention.key)
    for mention in mentions:
        for i, candidate in enumerate(mention.candidates):
            if mention.key in towns and candidate.entry.feature_class == "P":
                mention.bonus[i] += TOWN_CUE_BONUS
            elif mention.key in states and candidate.entry.feature_code == "ADM1":
                mention.bonus[i] += TOWN_CUE_BONUS


def _apply_world_cities(mentions: list[_Mention]) -> None:
    """In a story that names several countries, a name shared by a city of millions and small
    towns is the city: "Moscow", "Cairo" and "Rome" in a report on the world's flu cases are
    not the towns of those names in the one country the story names most."""
    countries = set()
    for mention in mentions:
        for candidate in mention.candidates:
            entry = candidate.entry
            if entry.feature_code in COUNTRY_CODES and candidate.match in ("name", "abbreviation", "demonym"):
                countries.add(entry.country_code)
    if len(countries) < WORLD_STORY_COUNTRIES:
        return
    for mention in mentions:
        for i, candidate in enumerate(mention.candidates):
            entry = candidate.entry
            if entry.feature_class == "P" and entry.population >= BIG_CITY_POPULATION:
                mention.bonus[i] += BIG_CITY_BONUS


def _softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _scores(mention: _Mention) -> list[float]:
    return [p + b for p, b in zip(mention.prior, mention.bonus)]


def _own_name(key: str) -> str:
    """The name a mention's votes are its own under: "Dublin City" is Dublin's own name too, and
    does not vouch for Dublin's Ireland."""
    return key[: -len(" city")] if key.endswith(" city") else key


def _apply_focus(mentions: list[_Mention]) -> None:
    """Each toponym votes for the countries and regions of its candidates; each candidate
    then gains from the votes of the *other* toponyms for its country and region."""
    country_votes: dict[str, float] = defaultdict(float)
    admin1_votes: dict[tuple, float] = defaultdict(float)
    by_name_c: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    by_name_a: dict[str, dict[tuple, float]] = defaultdict(lambda: defaultdict(float))
    home_c: dict[str, float] = defaultdict(float)  # the votes of the outlet's home region alone
    home_a: dict[tuple, float] = defaultdict(float)
    for mention in mentions:
        mine_c: dict[str, float] = defaultdict(float)
        mine_a: dict[tuple, float] = defaultdict(float)
        if mention.candidates:
            weights = _softmax(_scores(mention))
            for candidate, weight in zip(mention.candidates, weights):
                entry = candidate.entry
                if entry.country_code:
                    mine_c[entry.country_code] += weight
                if entry.country_code and entry.admin1 and entry.feature_code not in ("PCLI",):
                    mine_a[(entry.country_code, entry.admin1)] += weight
        for k, v in mine_c.items():
            country_votes[k] += v
            by_name_c[_own_name(mention.key)][k] += v
        for k, v in mine_a.items():
            admin1_votes[k] += v
            by_name_a[_own_name(mention.key)][k] += v
        if mention.toponym.source == HOME_REGION_SOURCE:
            for k, v in mine_c.items():
                home_c[k] += v
            for k, v in mine_a.items():
                home_a[k] += v
    # a name does not vouch for itself: "Dublin" eight times is no evidence that it is in the
    # country where most Dublins are
    own = [(by_name_c[_own_name(m.key)], by_name_a[_own_name(m.key)]) for m in mentions]
    # saturating: one clear mention of Minnesota is strong evidence, ten are not ten times it;
    # and a country or region must also beat the article's other countries and regions
    total_c = sum(country_votes.values()) or 1.0
    total_a = sum(admin1_votes.values()) or 1.0
    for mention, (mine_c, mine_a) in zip(mentions, own):
        mention.focus = []
        if _beyond_home_vote(mention, set(home_a)):  # a capital abroad hears the story, not the outlet
            mine_c = {k: mine_c.get(k, 0.0) + home_c.get(k, 0.0) for k in mine_c.keys() | home_c.keys()}
            mine_a = {k: mine_a.get(k, 0.0) + home_a.get(k, 0.0) for k in mine_a.keys() | home_a.keys()}
        for candidate in mention.candidates:
            entry = candidate.entry
            c_votes = country_votes.get(entry.country_code, 0.0) - mine_c.get(entry.country_code, 0.0)
            a_key = (entry.country_code, entry.admin1)
            a_votes = admin1_votes.get(a_key, 0.0) - mine_a.get(a_key, 0.0) if entry.admin1 else 0.0
            c_score = (c_votes / (c_votes + 1.0)) * (0.5 + 0.5 * c_votes / total_c)
            a_score = (a_votes / (a_votes + 0.5)) * (0.5 + 0.5 * a_votes / total_a)
            mention.focus.append(COUNTRY_FOCUS_WEIGHT * c_score + ADMIN1_FOCUS_WEIGHT * a_score)


def _final_scores(mention: _Mention) -> list[float]:
    focus = getattr(mention, "focus", None) or [0.0] * len(mention.candidates)
    proximity = getattr(mention, "proximity", None) or [0.0] * len(mention.candidates)
    return [p + b + f + x for p, b, f, x in zip(mention.prior, mention.bonus, focus, proximity)]


def _choose(mentions: list[_Mention]) -> None:
    # one sense per article: mentions of the same name pool their evidence
    pooled: dict[str, list[float]] = {}
    for mention in mentions:
        if not mention.candidates:
            continue
        scores = _final_scores(mention)
        if mention.key in pooled and len(pooled[mention.key]) == len(scores):
            pooled[mention.key] = [max(a, b) for a, b in zip(pooled[mention.key], scores)]
        else:
            pooled.setdefault(mention.key, scores)
    for mention in mentions:
        if not mention.candidates:
            continue
        scores = pooled.get(mention.key) or _final_scores(mention)
        if len(scores) != len(mention.candidates):
            scores = _final_scores(mention)
        best = max(range(len(scores)), key=scores.__getitem__)
        mention.chosen = best
        mention.probability = _softmax(scores)[best]


_NOT_NEIGHBOURS = WIDE_CODES + ("ADM1",)


def _nearness(km: float) -> float:
    if km < 50:
        return 1.0
    if km < 150:
        return 0.6
    if km < 400:
        return 0.25
    return 0.0


def _apply_proximity(mentions: list[_Mention]) -> None:
    """A candidate near some reading of the article's other names gains: Alexandria, Brandon
    and Kensington read together are the Minnesota towns, each near the others, whatever
    bigger namesakes exist. Each other name counts once, by its closest plausible reading
    (a reading counts in proportion to how plausible it is so far); countries and states are
    too big to say where a town is."""
    readings: dict[str, list[tuple[GazetteerEntry, float]]] = {}
    for mention in mentions:
        if not mention.candidates or mention.toponym.demonym or mention.key in readings:
            continue
        scores = _final_scores(mention)
        weights = _softmax(scores)
        top = max(weights)
        ranked = sorted(zip(mention.candidates, weights), key=lambda cw: -cw[1])[:30]
        readings[mention.key] = [
            (c.entry, 0.3 + 0.7 * w / top) for c, w in ranked if c.entry.feature_code not in _NOT_NEIGHBOURS
        ]
    # a candidate's gain depends on it and its name's key alone: a name said again reads it once
    gains: dict[tuple[str, int], float] = {}
    for mention in mentions:
        mention.proximity = []
        for candidate in mention.candidates:
            entry = candidate.entry
            if entry.feature_code in WIDE_CODES:
                mention.proximity.append(0.0)
                continue
            known = (mention.key, id(entry))
            if known not in gains:
                gains[known] = _proximity(entry, mention.key, readings)
            mention.proximity.append(gains[known])


def _proximity(entry: GazetteerEntry, own_key: str, readings: dict[str, list[tuple[GazetteerEntry, float]]]) -> float:
    evidence = 0.0
    for key, options in readings.items():
        if key == own_key:
            continue
        best = 0.0
        for other, weight in options:
            if abs(other.lat - entry.lat) > 4 or other is entry:
                continue
            best = max(best, weight * _nearness(great_circle_km(entry.lat, entry.lon, other.lat, other.lon)))
        evidence += best
    return 2.0 * PROXIMITY_WEIGHT * (1 - math.exp(-evidence))


# "X, which is located some 20 kilometers from Y", "X northeast of Y", "X in Y", "X near Y"
_CONTAINER_CUE = re.compile(
    r"(?i)\b(?:in|inside|within|near|outside|from|of|at)\b[^.;]{0,3}$"
)


def _container(mention: _Mention, mentions: list[_Mention], text: str) -> tuple[_Mention, str] | None:
    """What the text says holds or neighbours a place the gazetteer does not know: the first
    resolved place after it in the same sentence that a relation word introduces, else the
    nearest resolved place in the same or the previous sentence."""
    t = mention.toponym
    sentence_end = _sentence_end(text, t.end)
    sentence_start = _sentence_start(text, t.start)
    resolved = [m for m in mentions if m.chosen is not None and not m.toponym.demonym and m is not mention]
    for other in resolved:
        o = other.toponym
        if t.end <= o.start <= sentence_end and o.start - t.end < 120:
            lead = text[t.end : o.start]
            too_big = other.candidates[other.chosen].entry.feature_code in WIDE_CODES
            if _CONTAINER_CUE.search(lead) and not too_big:
                relation = re.findall(r"(?i)\b(?:in|inside|within|near|outside|from|of|at)\b", lead)[-1].lower()
                return other, f"the text places it {_RELATION_WORDS.get(relation, relation)} {o.text}"
    before = [m for m in resolved if m.toponym.end <= t.start and m.toponym.start >= _sentence_start(text, sentence_start - 2)]
    after = [m for m in resolved if sentence_start <= m.toponym.start < sentence_end]
    nearby = sorted(before + after, key=lambda m: abs(m.toponym.start - t.start))
    for other in nearby:
        entry = other.candidates[other.chosen].entry
        if entry.feature_code not in WIDE_CODES:
            return other, f"not in the gazetteer; placed at {other.toponym.text}, named next to it"
    return None


_RELATION_WORDS = {"from": "near", "of": "by", "at": "at"}


def _sentence_start(text: str, position: int) -> int:
    found = max(text.rfind(". ", 0, max(0, position)), text.rfind("\n", 0, max(0, position)))
    return 0 if found < 0 else found + 1


def _sentence_end(text: str, position: int) -> int:
    ends = [i for i in (text.find(". ", position), text.find("\n", position)) if i >= 0]
    return min(ends) if ends else len(text)


def _to_place(mention: _Mention, found: tuple[_Mention, str] | None, gazetteer: Gazetteer) -> Place:
    t = mention.toponym
    span = Span(t.start, t.end, t.text)
    if mention.chosen is None:
        if found is None or t.demonym:
            return Place(span, t.text, reason="not in the gazetteer and nothing in the text says where it is")
        other, reason = found
        entry = other.candidates[other.chosen].entry
        return _place_from_entry(
            span, t.text, entry, gazetteer, round(0.4 * other.probability, 3), "contained-in", reason
        )
    entry = mention.candidates[mention.chosen].entry
    candidate = mention.candidates[mention.chosen]
    confidence = mention.probability
    reason = None
    if candidate.match == "skeleton":
        confidence *= 0.6
        reason = f"spelling matched loosely to {entry.name}"
    if mention.shorter:
        confidence *= 0.7
        reason = f"{mention.shorter}; placed at {entry.name}"
    return _place_from_entry(span, entry.name, entry, gazetteer, round(confidence, 3), "gazetteer", reason)


def _place_from_entry(
    span: Span, name: str, entry: GazetteerEntry, gazetteer: Gazetteer, confidence: float, how: str, reason: str | None
) -> Place:
    return Place(
        span=span,
        name=name,
        lat=round(entry.lat, 5),
        lon=round(entry.lon, 5),
        country_code=entry.country_code,
        admin1=gazetteer.admin1_name(entry.country_code, entry.admin1),
        admin2=entry.admin2,
        feature_class=entry.feature_class,
        feature_code=entry.feature_code,
        geonames_id=entry.geonames_id,
        population=entry.population or None,
        confidence=confidence,
        resolution=how,
        reason=reason,
    )


# "the capital", "the capital's airport", "the capital city": a place with no name. Not when the
# name follows ("the capital, Kabul", "the capital Kabul") or another place is named as its
# holder ("the capital of Panjshir"): those name the place themselves.
_BARE_CAPITAL = re.compile(
    r"\b[Tt]he (?:country['’]s |nation['’]s )?capital(?: city)?(?:['’]s)?\b(?!\s*,?\s*[A-Z])(?!\s+(?:of|city of)\b)"
)
BARE_CAPITAL_CONFIDENCE = SETTINGS.geo.bare_capital_confidence
# "the Afghan capital", "the Sri Lankan capital": the country is named, the city is not
_DEMONYM_CAPITAL = re.compile(r"\b[Tt]he ((?:[A-Z][a-z]+ )?[A-Z][a-z]+) capital(?: city)?\b(?!\s*,?\s*[A-Z])")
NAMED_CAPITAL_CONFIDENCE = SETTINGS.geo.named_capital_confidence


def bare_capitals(text: str, places: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """Places for a capital the text does not name: "the Afghan capital" is Kabul; a bare "the
    capital" is the capital of the country the article is most about (the country most of its
    resolved places lie in), at a lower confidence and with the reason. A bare one gets nothing
    when the article names no country's places, or two countries tie."""
    if "capital" not in text:
        return []
    taken = [(p.span.start, p.span.end) for p in places]
    found = []
    for match in _DEMONYM_CAPITAL.finditer(text):
        start, end = match.span(1)[0], match.end()
        countries = [c.entry for c in gazetteer.demonym_candidates(match.group(1)) if c.entry.feature_code in COUNTRY_CODES]
        capital = gazetteer.capital_entry(countries[0].country_code) if countries else None
        if capital is None or any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        found.append(
            _place_from_entry(
                Span(start, end, text[start:end]), capital.name, capital, gazetteer, NAMED_CAPITAL_CONFIDENCE,
                "gazetteer", f"'{match.group(0)}' names no city; taken as the capital of {countries[0].name}",
            )
        )
    votes: dict[str, float] = defaultdict(float)
    for place in places:
        if place.country_code and place.resolution == "gazetteer":
            votes[place.country_code] += 1.0
    if not votes:
        return found
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return found  # no one country the article is about
    country, count = ranked[0]
    capital = gazetteer.capital_entry(country)
    if capital is None:
        return found
    share = count / sum(votes.values())
    country_name = (gazetteer.country_entry(country) or capital).name
    for match in _BARE_CAPITAL.finditer(text):
        start = match.start() + match.group(0).index("capital")
        end = start + len("capital")
        if any(s < end and start < e for s, e in taken):
            continue
        found.append(
            _place_from_entry(
                Span(start, end, text[start:end]),
                capital.name,
                capital,
                gazetteer,
                round(BARE_CAPITAL_CONFIDENCE * share, 3),
                "gazetteer",
                f"'the capital' names no place; taken as the capital of {country_name}, "
                f"the country {count:.0f} of the article's {sum(votes.values()):.0f} resolved places lie in",
            )
        )
    return found


def outlet_home_town(home: str | None, places: list[Place], gazetteer: Gazetteer,
                     home_region: tuple[str, str] | None = None) -> Place | None:
    """The town an outlet's web address names ("www.richmondregister.com": a Richmond), as a
    place of no span of the text: the article's own place of that name when it names one (the
    resolver chose among the namesakes there), else the namesake of some size in the outlet's
    home region (learned over the store, else the state its address names), else the largest in
    the country of its domain (a generic domain: an English-writing country, American first).
    None for an outlet's name or an address that names no town."""
    if not home or " " in home.strip() or "." not in home:
        return None
    label, country = _home_hints(home)
    if len(label.replace(".", "")) < 5:
        return None
    region = home_region or address_region(home, gazetteer)
    for i, j in _ends_of_address_labels(label):
        key = label[i:j]
        named = [p for p in places if p.feature_class == "P" and p.country_code
                 and name_key(p.name).replace(" ", "") == key]
        if named:
            return named[0]
        entries = [gazetteer.entries[k] for k in gazetteer.names.get(key, ())]
        entries = [e for e in entries if e.feature_class == "P" and e.population >= 10_000
                   and name_key(e.name).replace(" ", "") == key and _outlet_country_fits(country, e)]
        if not entries:
            continue
        if region is not None:
            at_home = [e for e in entries if (e.country_code, gazetteer.admin1_name(e.country_code, e.admin1)) == region]
            entries = at_home or entries
        if country is None and any(e.country_code == GENERIC_DOMAIN_COUNTRY for e in entries):
            entries = [e for e in entries if e.country_code == GENERIC_DOMAIN_COUNTRY]
        entry = max(entries, key=lambda e: e.population or 0)
        return _place_from_entry(Span(0, 0, ""), entry.name, entry, gazetteer, 0.3, "gazetteer",
                                 "the town the outlet's web address names")
    return None
