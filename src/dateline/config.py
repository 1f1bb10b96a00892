"""The thresholds and weights of every stage, in one place.

Each stage reads its numbers from here (``SETTINGS.geo.qualifier_bonus``), so what a run was
tuned with can be read, compared and changed in one file. The values were chosen on the tuning
part of each development corpus (see docs/quality.md); changing one changes the figures there.
Language itself (cue words, patterns, feature words) lives in the YAML tables beside each stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class GeoSettings:
    """Scores of the toponym resolver (``geo/resolve.py``): a candidate place's score is the sum
    of what speaks for it; the best wins."""

    # a town that matched only through one of its alternate names, when the name is a country's:
    # "Iraq" is Iraq, not a town in Iran whose alternate spellings include "Iraq"
    alternate_name_of_a_country: float = 4.0
    population_weight: float = 0.5  # per tenfold population
    own_name_bonus: float = 1.0  # the place's own name, not one of its alternate names
    # a town that matched only through a former or alternate name, when a town of the same
    # country bears the name as its own: "Maryville" is not Beeville, Texas, once called so
    alternate_name_of_a_town: float = 3.0
    spelling_of_own_name: int = 85  # rapidfuzz ratio from which an alternate name is a spelling
    # a small place abroad, when the article's other places all lie in one other country, is a
    # namesake of a place the gazetteer lacks ("Hume" in an Illinois paper is no Australian shire)
    small_place_population: int = 100_000
    small_place_abroad_focus_share: float = 0.8  # the other places' share in their one country
    small_place_abroad_min_votes: float = 0.75  # ... and their weight there (one fairly sure place)
    # below this share of that weight, what the article's names say for the place's country is
    # stray (a namesake's vote), not the article being about it
    small_place_abroad_stray_votes: float = 0.1
    # a small town among namesakes, alone in its region in a story of one other region (this many
    # of its places there, most of them), is a namesake the gazetteer lacks (geo/resolve.py)
    lone_namesake_other_places: int = 2
    proximity_weight: float = 0.75
    country_focus_weight: float = 4.0
    admin1_focus_weight: float = 2.0
    qualifier_bonus: float = 8.0  # "Paris, Texas"
    county_of_a_town_bonus: float = 1.0  # "a Richmond man" and "Madison County" named in one story
    kind_bonus: float = 2.5
    same_name_city_in_region: float = 2.5
    big_city_population: int = 1_000_000  # a city of millions in a story that names several countries
    big_city_bonus: float = 1.5
    world_story_countries: int = 3
    home_bonus: float = 4.0  # the outlet's own country
    # a town in a country whose currency the article counts money in, bare ("$40,000"): as much
    # as a town in the country of the outlet's country-code domain (home_bonus / 4)
    money_mark_bonus: float = 1.0
    # the outlet's home region (the first-level region most of its articles name without doubt,
    # geo/home_region.py) votes as one unseen mention of its state (not a bonus: the article's own
    # places outvote it); the reduce step learns the homes, keeps them in the store and maps the
    # namesakes again
    home_region_pass: bool = True
    # articles of the outlet that name a region without doubt: two that agree (and none against)
    # make a home; one alone does not (stop 42: 3 -> 2, small outlets of a store)
    home_region_min_articles: int = 2
    home_region_dominant_share: float | None = None  # a name counts as evidence when one region holds this share of its people
    home_region_min_share: float = 0.6  # of those, more than this share name the home region
    # a name whose main reading is a national capital or a city of this many people in another
    # country than the home region's is not pulled by the home's vote to a namesake at home of
    # fewer people than home_region_guard_village (None: no guard); chosen on LGL's even half and
    # the judged tuning part ("Brussels" in an Ontario paper stays Belgian)
    home_region_guard_population: int | None = 500_000
    home_region_guard_village: int = 5_000
    town_cue_bonus: float = 2.5  # "the City of Oxford"
    # the state an article is about (the one most of its names that leave no doubt lie in, the
    # outlet's home state one vote): its namesakes there gain over the country's others
    # (geo/article_state.py); not over a national capital or a city of this many people abroad
    article_state_bonus: float = 2.0
    article_state_guard_population: int | None = 500_000
    bare_capital_confidence: float = 0.45  # "the capital": below any named place the article agrees on
    named_capital_confidence: float = 0.8  # "the Afghan capital"


@dataclass(frozen=True)
class EntitySettings:
    max_aliases: int = 40
    fuzzy_org_score: int = 92  # rapidfuzz ratio from which two organisation names are one


@dataclass(frozen=True)
class EventSettings:
    # how many sentences back an event with no place of its own looks for an event of the same
    # type (one episode told over several sentences)
    place_carry_sentences: int = 3
    low_confidence: float = 0.4
    # a clause shorter than this many words tells the classifier too little: it reads the sentence
    classifier_min_words: int = 6
    verb_trigger_weight: float = 0.7
    noun_trigger_weight: float = 0.55
    max_source_tokens: int = 20
    resolution_window: int = 6  # sentences back a pronoun or description looks for its name
    # the event-type classifier's probabilities (events/acled_coding.py)
    classifier_fill_min: float = 0.5
    classifier_open_override: float = 0.45
    classifier_disagree_note: float = 0.6
    classifier_uncertain: float = 0.4
    # below this, a classifier reading with no cue word behind it is a guess: the sub-type is
    # left open and the note names the guess
    classifier_fill_floor: float = 0.4
    # the learned non-event filter (events/non_events.py, weights and threshold in
    # events/models/non_event_filter.json): drop the events it reads as no event
    learned_non_event_filter: bool = True
    # the learned last word on an act dated by default to the report's day (events/report_day.py,
    # weights in events/models/report_day.json): leave undated the acts it reads as having no day
    learned_report_day: bool = True


@dataclass(frozen=True)
class PipelineSettings:
    batch_size: int = 32  # articles parsed together (nlp.pipe) and written in one transaction


@dataclass(frozen=True)
class Settings:
    geo: GeoSettings = field(default_factory=GeoSettings)
    entities: EntitySettings = field(default_factory=EntitySettings)
    events: EventSettings = field(default_factory=EventSettings)
    pipeline: PipelineSettings = field(default_factory=PipelineSettings)


SETTINGS = Settings()
