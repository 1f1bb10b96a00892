"""Hand-made sentences for the rules that keep non-actors out and different things apart:
codes match only exactly, an added word is another body, a nationality word names the country a
reader means, a region after its town does not act, a health ministry is some country's."""

from __future__ import annotations

from datetime import date

from dateline.entities import EntityResolver
from dateline.entities.lexicon import default_lexicon
from dateline.entities.names import person_name, same_person_name
from dateline.model import Article
from dateline.nlp import parse


def read_all(*texts: str):
    resolver = EntityResolver(aliases_path=None)
    mentions = [resolver.add_article(Article(id=str(n), text=t, published=date(2009, 5, 1)), parse(t))
                for n, t in enumerate(texts)]
    return mentions, {e.id: e for e in resolver.entities()}


def ids_of(mentions, words: str) -> set[str]:
    return {m.entity_id for article in mentions for m in article if m.span.text == words}


def test_codes_with_digits_never_match_on_spelling():
    lexicon = default_lexicon()
    assert not same_person_name(person_name("H5N1", lexicon), person_name("H1N1", lexicon))
    assert not same_person_name(person_name("Flight 370", lexicon), person_name("Flight 307", lexicon))
    assert same_person_name(person_name("Mohammad Yusuf", lexicon), person_name("Muhammad Yousuf", lexicon))


def test_strains_and_diseases_are_no_actors_in_any_article():
    mentions, entities = read_all(
        "Officials said the H5N1 strain was found in Turkey.",
        "Doctors in Mexico confirmed H1N1 in two patients, said Health Secretary Jose Cordova.",
    )
    written = {m.span.text for article in mentions for m in article}
    assert not {"H5N1", "H1N1"} & written
    assert not any(e.name in {"H5N1", "H1N1"} for e in entities.values())
    assert "Jose Cordova" in written


def test_a_body_with_an_added_word_is_another_body():
    mentions, _ = read_all(
        "Samples were tested by the Department of Agriculture in Manila, the Philippines.",
        "Toxicologists from the WA Department of Agriculture will test the dead birds in Esperance.",
    )
    assert ids_of(mentions, "WA Department of Agriculture").isdisjoint(ids_of(mentions, "Department of Agriculture"))


def test_close_spellings_of_the_same_words_still_join():
    mentions, _ = read_all(
        "The Los Angeles Times Newspaper reported the death on Friday.",
        "The Los Angles Times Newspaper reported the arrest on Monday.",
    )
    assert ids_of(mentions, "Los Angeles Times Newspaper") == ids_of(mentions, "Los Angles Times Newspaper")


def test_nationality_words_name_the_country_a_reader_means():
    lexicon = default_lexicon()
    assert lexicon.country_of_demonym("American") == "US"
    assert lexicon.country_of_demonym("Indian") == "IN"
    assert lexicon.country_of_demonym("British") == "GB"


def test_a_region_after_its_town_does_not_act_but_a_country_does():
    mentions, entities = read_all(
        "The samples were flown from Atlanta, Georgia, to the laboratory.",
        "Georgia said it would close its border with Russia.",
    )
    assert not ids_of(mentions[:1], "Georgia")
    assert ids_of(mentions[1:], "Georgia") == {"country:ge"}


def test_health_ministries_of_two_countries_stay_two():
    mentions, entities = read_all(
        "In Brazil, the Health Ministry said 327 people had died. Brazil has the most deaths.",
        "In Israel, the Ministry of Health confirmed two cases. Israel closed schools.",
        "The Ministry of Health said it would hire more nurses.",
    )
    brazil, israel, unknown = (ids_of([article], words) for article, words in
                               zip(mentions, ["Health Ministry", "Ministry of Health", "Ministry of Health"]))
    assert len(brazil) == len(israel) == len(unknown) == 1
    assert len(brazil | israel | unknown) == 3
    assert entities[brazil.pop()].country_code == "BR" and entities[israel.pop()].country_code == "IL"
    assert entities[unknown.pop()].country_code is None
