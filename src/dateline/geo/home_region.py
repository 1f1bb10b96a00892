"""An outlet's home region: the first-level region (state, province) most of its articles are about.

Local papers name their towns without the state ("a Columbus man"), and one article alone often
cannot tell Columbus, Nebraska from Columbus, Ohio. The outlet can: a paper writes mostly about
one region, and the places its articles name without doubt show which. Read over all of an
outlet's articles (the reduce step), that region is then a prior for the namesakes of each
article (``resolve_toponyms(home_region=...)``).

Evidence, per article: the regions of the places it names that leave no doubt of their region:
a state or province itself ("Nebraska"), or a name all of whose gazetteer entries lie in one
region ("Kearney" only in Nebraska, say). An article votes once for each such region. An
outlet has a home region when at least ``min_articles`` of its articles give evidence and more
than ``min_share`` of those name the same region (and no other region ties it). An outlet with
no home learned still has one when its web address names an American state
(``geo.resolve.address_region``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from dateline.config import SETTINGS
from dateline.geo.gazetteer import Gazetteer, name_key
from dateline.geo.resolve import WIDE_CODES  # wide places (countries, continents, seas) say nothing of a region
from dateline.model import Place


@dataclass(frozen=True)
class HomeRegion:
    """An outlet's home region: the record the store keeps for it (``outlet_homes``)."""

    country: str  # ISO code: "US"
    admin1: str  # the region's name as places carry it: "Nebraska"
    share: float  # of the outlet's articles with evidence, the share that names this region
    articles: int  # the outlet's articles with evidence
    outlet: str = ""
    updated: datetime | None = None  # when the store last saw it change (None: not stored)

    @property
    def key(self) -> tuple[str, str]:
        return (self.country, self.admin1)


def _population_by_region(name: str, gazetteer: Gazetteer) -> dict[tuple[str, str], int]:
    """The (country, region name) of every entry the gazetteer gives for a name, wide places left
    out, with the people its entries of that name hold there (at least 1 per entry)."""
    regions: dict[tuple[str, str], int] = {}
    for index in gazetteer.names.get(name_key(name), ()):
        entry = gazetteer.entries[index]
        if entry.feature_code in WIDE_CODES:
            continue
        region = (entry.country_code, gazetteer.admin1_name(entry.country_code, entry.admin1))
        regions[region] = regions.get(region, 0) + max(1, entry.population or 0)
    return regions


def _regions_of_name(name: str, gazetteer: Gazetteer) -> set[tuple[str, str]]:
    return set(_population_by_region(name, gazetteer))


# a name also leaves no doubt when one region holds nearly all the people of its places ("Omaha":
# the city in Nebraska, not the hamlet in Texas); None: only names of one region
DOMINANT_SHARE: float | None = SETTINGS.geo.home_region_dominant_share


def region_evidence(places: Iterable[Place], gazetteer: Gazetteer) -> frozenset[tuple[str, str]]:
    """The regions an article's places name without doubt: a region itself, or a name whose
    gazetteer entries all lie in one region."""
    found = set()
    for place in places:
        if place.resolution != "gazetteer" or not place.country_code or not place.admin1:
            continue
        if place.feature_code in WIDE_CODES:
            continue
        if place.feature_code == "ADM1":
            found.add((place.country_code, place.admin1))
            continue
        regions = _population_by_region(place.span.text, gazetteer)
        mine = regions.get((place.country_code, place.admin1), 0)
        if set(regions) == {(place.country_code, place.admin1)} or (
                DOMINANT_SHARE is not None and mine and mine >= DOMINANT_SHARE * sum(regions.values())):
            found.add((place.country_code, place.admin1))
    return frozenset(found)


def home_regions(evidence_by_outlet: Mapping[str, list[frozenset[tuple[str, str]]]],
                 min_articles: int | None = None, min_share: float | None = None) -> dict[str, HomeRegion]:
    """{outlet: its home region} for the outlets whose articles clearly agree on one region.
    ``evidence_by_outlet``: per outlet, each article's ``region_evidence``."""
    counts = {}
    for outlet, articles in evidence_by_outlet.items():
        with_evidence = [regions for regions in articles if regions]
        counts[outlet] = (Counter(region for regions in with_evidence for region in regions), len(with_evidence))
    return home_regions_from_counts(counts, min_articles, min_share)


def home_regions_from_counts(counts: Mapping[str, tuple[Counter, int]], min_articles: int | None = None,
                             min_share: float | None = None) -> dict[str, HomeRegion]:
    """The same from counts (what the store keeps): per outlet, how many of its articles name
    each region without doubt, and how many name any."""
    min_articles = SETTINGS.geo.home_region_min_articles if min_articles is None else min_articles
    min_share = SETTINGS.geo.home_region_min_share if min_share is None else min_share
    homes = {}
    for outlet, (votes, with_evidence) in counts.items():
        if with_evidence < min_articles or not votes:
            continue
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
        (region, count), runner_up = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0)
        share = count / with_evidence
        if share > min_share and count > runner_up:
            homes[outlet] = HomeRegion(region[0], region[1], round(share, 3), with_evidence, outlet=outlet)
    return homes


def has_namesake_at_home(places: Iterable[Place], home: HomeRegion, gazetteer: Gazetteer) -> bool:
    """Whether an article names a place outside its outlet's home region whose name the gazetteer
    also gives in the home region: the article a home-region prior may read otherwise. Not when
    the article itself names another region without doubt and not the home one: a paper's story
    of a town across the state line says so, and its own evidence comes before the outlet's."""
    places = list(places)
    own = region_evidence(places, gazetteer)
    if own and home.key not in own:
        return False
    for place in places:
        if place.country_code and (place.country_code, place.admin1) == home.key:
            continue
        if place.feature_code in WIDE_CODES or place.feature_code == "ADM1":
            continue
        if home.key in _regions_of_name(place.span.text, gazetteer):
            return True
    return False
