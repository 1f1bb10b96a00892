"""An outlet's home region, learned over its articles, settles namesakes its articles leave open:
a paper most of whose stories are in Nebraska means Nebraska's Columbus by a bare "Columbus"."""

from __future__ import annotations

from datetime import date

from dateline.geo import find_places
from dateline.geo.home_region import HomeRegion, has_namesake_at_home, home_regions, region_evidence
from dateline.ingest import content_id
from dateline.model import Article, Place, Span
from dateline.nlp import parse

NEBRASKA, IOWA = ("US", "Nebraska"), ("US", "Iowa")


def _place(text: str, country: str, admin1: str, code: str = "PPL") -> Place:
    return Place(Span(0, len(text), text), text, country_code=country, admin1=admin1, feature_class="P",
                 feature_code=code, resolution="gazetteer")


def test_most_articles_naming_one_region_make_it_home():
    evidence = {"plainsherald.example": [frozenset({NEBRASKA}), frozenset({NEBRASKA}), frozenset({NEBRASKA, IOWA}),
                                         frozenset({IOWA}), frozenset()]}
    home = home_regions(evidence, min_articles=3, min_share=0.5)["plainsherald.example"]
    # four articles give evidence, three of them name Nebraska
    assert (home.country, home.admin1, home.articles) == ("US", "Nebraska", 4) and home.share == 0.75


def test_too_few_articles_or_no_majority_make_no_home():
    two = {"a.example": [frozenset({NEBRASKA}), frozenset({NEBRASKA})]}
    split = {"b.example": [frozenset({NEBRASKA}), frozenset({IOWA}), frozenset({NEBRASKA}), frozenset({IOWA})]}
    assert home_regions(two, min_articles=3, min_share=0.5) == {}
    assert home_regions(split, min_articles=3, min_share=0.5) == {}


def test_a_state_named_and_a_name_of_one_region_are_evidence_a_namesake_is_not(gazetteer):
    places = [_place("Nebraska", "US", "Nebraska", code="ADM1"),
              _place("Columbus", "US", "Ohio")]  # Columbus: towns in many states
    assert region_evidence(places, gazetteer) == frozenset({NEBRASKA})


def test_a_namesake_abroad_of_a_home_town_is_worth_reading_again(gazetteer):
    home = HomeRegion("US", "Nebraska", 0.8, 5)
    assert has_namesake_at_home([_place("Columbus", "US", "Ohio")], home, gazetteer)
    assert not has_namesake_at_home([_place("Columbus", "US", "Nebraska")], home, gazetteer)


def test_an_article_that_names_another_state_itself_is_left_as_it_reads(gazetteer):
    # the story says Ohio: the paper's Nebraska comes second to the article's own word
    home = HomeRegion("US", "Nebraska", 0.8, 5)
    places = [_place("Columbus", "US", "Ohio"), _place("Ohio", "US", "Ohio", code="ADM1")]
    assert not has_namesake_at_home(places, home, gazetteer)


TEXT = "Firefighters in Columbus put out a grain bin fire on Sunday night, the chief said."


def _columbus(gazetteer, text: str = TEXT, home_region=None) -> Place:
    article = Article(id="t", text=text)
    return next(p for p in find_places(article, parse(text), gazetteer, home_region=home_region)
                if p.span.text == "Columbus")


def test_a_bare_namesake_is_the_one_in_the_outlets_home_region(gazetteer):
    assert _columbus(gazetteer).admin1 != "Nebraska"  # alone, the biggest Columbus
    assert _columbus(gazetteer, home_region=NEBRASKA).admin1 == "Nebraska"


def test_a_qualified_namesake_keeps_its_region(gazetteer):
    text = "Firefighters in Columbus, Ohio, put out a warehouse fire on Sunday night."
    assert _columbus(gazetteer, text, home_region=NEBRASKA).admin1 == "Ohio"


def test_the_reduce_step_learns_an_outlets_home_and_reads_its_namesake_again(tmp_path):
    import dateline.pipeline as pipeline
    from dateline.store import open_store

    outlet = "plainsherald.example"
    texts = ["A Nebraska trooper stopped a truck carrying stolen cattle on Monday.",
             "Nebraska lawmakers voted on Tuesday to fund two new bridges.",
             "Storms flattened corn across Nebraska on Wednesday, farmers said.",
             TEXT]
    store = open_store(str(tmp_path / "events.db"))
    try:
        store.add_articles([Article(id=content_id(t), text=t, published=date(2024, 6, 3), outlet=outlet)
                            for t in texts])
        report = pipeline.process(store, fuse=False)
        assert report.home_reread == 1  # the Columbus story alone
        places = store.article_records(content_id(TEXT)).places
        assert [p.admin1 for p in places if p.span.text == "Columbus"] == ["Nebraska"]
    finally:
        store.close()


def test_the_articles_own_state_outvotes_the_outlets_home(gazetteer):
    # the story itself names Ohio: one unseen vote for Nebraska does not outweigh it
    text = "Firefighters in Columbus put out a warehouse fire on Sunday; Ohio's fire marshal is looking into it."
    assert _columbus(gazetteer, text, home_region=NEBRASKA).admin1 == "Ohio"


def _place_named(gazetteer, name: str, text: str, home_region) -> Place:
    article = Article(id="t", text=text)
    return next(p for p in find_places(article, parse(text), gazetteer, home_region=home_region) if p.span.text == name)


BRUSSELS = "Farm ministers gathered in Brussels for a second day of milk quota talks."
ONTARIO = ("CA", "Ontario")


def test_a_capital_abroad_is_not_pulled_to_a_village_of_its_name_at_home(gazetteer, monkeypatch):
    import dateline.geo.resolve as resolve

    # Ontario has a village called Brussels (about a thousand people); the Belgian capital is the reading
    assert _place_named(gazetteer, "Brussels", BRUSSELS, ONTARIO).country_code == "BE"
    monkeypatch.setattr(resolve, "HOME_REGION_GUARD_POPULATION", None)  # without the guard the vote pulls it
    assert _place_named(gazetteer, "Brussels", BRUSSELS, ONTARIO).admin1 == "Ontario"


def test_a_town_of_some_size_at_home_still_takes_the_vote_from_a_capital_abroad(gazetteer):
    # Athens, Tennessee (some 14,000 people) in a paper whose home is Tennessee
    text = "The Athens school board approved a new bus contract on Monday evening."
    assert _place_named(gazetteer, "Athens", text, None).country_code == "GR"
    assert _place_named(gazetteer, "Athens", text, ("US", "Tennessee")).admin1 == "Tennessee"


def test_two_articles_that_agree_make_a_home_one_does_not():
    # with the default settings: a small outlet of the store, two stories naming Nebraska
    two = {"prairievoice.example": [frozenset({NEBRASKA}), frozenset({NEBRASKA}), frozenset()]}
    assert home_regions(two)["prairievoice.example"].admin1 == "Nebraska"
    one = {"prairievoice.example": [frozenset({NEBRASKA}), frozenset()]}
    assert home_regions(one) == {}
    # two that disagree make none: half is no majority
    split = {"prairievoice.example": [frozenset({NEBRASKA}), frozenset({IOWA})]}
    assert home_regions(split) == {}
