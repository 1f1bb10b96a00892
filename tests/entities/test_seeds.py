"""The seed gold's actors, end to end: two articles two months apart, read in either order."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.entities import EntityResolver
from dateline.model import Article
from dateline.nlp import parse


def _seed_articles(seeds_dir, seed_gold):
    articles = []
    for document in seed_gold["documents"]:
        text = (seeds_dir / document["file"]).read_text(encoding="utf-8")
        articles.append(Article(id=document["file"], text=text, published=date.fromisoformat(document["publication_date"])))
    return articles


@pytest.fixture(scope="module", params=["oldest first", "newest first"])
def resolved(request, seeds_dir, seed_gold):
    articles = sorted(_seed_articles(seeds_dir, seed_gold), key=lambda a: a.published,
                      reverse=request.param == "newest first")
    resolver = EntityResolver(aliases_path=None)
    mentions = {a.id: resolver.add_article(a, parse(a.text)) for a in articles}
    return resolver, mentions, {e.id: e for e in resolver.entities()}


def ids_of(mentions, words):
    return {m.entity_id for m in mentions if m.span.text == words}


def one_id(mentions_by_article, words):
    found = set()
    for mentions in mentions_by_article.values():
        found |= ids_of(mentions, words)
    assert len(found) == 1 and None not in found, f"{words!r} -> {found}"
    return found.pop()


def test_every_gold_actor_resolves_to_one_entity(resolved, seed_gold):
    _, mentions, entities = resolved
    named = {m.span.text for ms in mentions.values() for m in ms}
    gold_actors = {actor for d in seed_gold["documents"] for e in d["events"] for actor in e.get("actors", [])}
    for actor in gold_actors:
        if actor in named:  # some gold actors are paraphrases ("US forces" is written as such; others are)
            entity_id = one_id(mentions, actor)
            assert entity_id in entities


def test_the_qatari_envoy_is_one_person_in_both_articles(resolved):
    _, mentions, entities = resolved
    full = one_id(mentions, "Mutlaq bin Majed Al Qahtani")
    assert one_id(mentions, "Al Qahtani") == full
    assert entities[full].kind == "person"
    assert entities[full].name == "Mutlaq bin Majed Al Qahtani"
    assert entities[full].country_code == "QA"
    descriptions = [m for ms in mentions.values() for m in ms if m.label == "DESCRIPTION" and m.entity_id == full]
    assert any("Qatari special envoy" in m.span.text for m in descriptions)
    articles_with_him = [a for a, ms in mentions.items() if any(m.entity_id == full for m in ms)]
    assert len(articles_with_him) == 2


def test_amrullah_saleh_is_one_entity_whose_role_changed(resolved):
    _, mentions, entities = resolved
    saleh = entities[one_id(mentions, "Amrullah Saleh")]
    assert one_id(mentions, "Saleh") == saleh.id
    roles = {(r.title, r.as_of) for r in saleh.roles}
    assert ("First Vice President", date(2021, 7, 6)) in roles
    assert ("former Vice President", date(2021, 9, 4)) in roles
    for role in saleh.roles:
        assert "Amrullah Saleh" in role.evidence.text and role.title.split()[-1] in role.evidence.text


def test_the_group_in_the_july_article_is_the_taliban(resolved):
    _, mentions, _ = resolved
    taliban = one_id(mentions, "Taliban")
    descriptions = [m for m in mentions["004_19ea109a735e8b51.txt"] if m.label == "DESCRIPTION"]
    by_words = {m.span.text: m.entity_id for m in descriptions}
    assert by_words["the group"] == taliban
    assert by_words["the militant group"] == taliban
    september = {m.span.text: m.entity_id for m in mentions["000_928372cbf91601d0.txt"] if m.label == "DESCRIPTION"}
    assert september["the insurgent group"] == taliban


def test_named_actors_and_their_kinds(resolved):
    _, mentions, entities = resolved
    nrf = one_id(mentions, "National Resistance Front")
    assert one_id(mentions, "NRF") == nrf and entities[nrf].kind == "armed_group"
    centcom = one_id(mentions, "CENTCOM")
    assert one_id(mentions, "US Central Command") == centcom and entities[centcom].kind == "military"
    assert entities[one_id(mentions, "Hezb-e-Islami")].kind == "political_party"
    assert entities[one_id(mentions, "Gulbuddin Hekmatyar")].kind == "person"
    assert one_id(mentions, "Hekmatyar") == one_id(mentions, "Gulbuddin Hekmatyar")
    assert entities[one_id(mentions, "Taliban")].kind == "armed_group"
    assert entities[one_id(mentions, "CNN")].kind == "media"
    assert entities[one_id(mentions, "International Emergency")].kind == "ngo"
    assert entities[one_id(mentions, "Hamdullah Mohib")].kind == "person"
    assert one_id(mentions, "Mohib") == one_id(mentions, "Hamdullah Mohib")
    afghan_forces = entities[one_id(mentions, "Afghan security forces")]
    assert afghan_forces.kind == "military" and afghan_forces.country_code == "AF"
    assert one_id(mentions, "Afghan soldiers") == afghan_forces.id
    us_forces = entities[one_id(mentions, "US forces")]
    assert us_forces.kind == "military" and us_forces.country_code == "US" and us_forces.id != afghan_forces.id


def test_roles_of_the_other_officials(resolved):
    _, mentions, entities = resolved
    mohib = entities[one_id(mentions, "Hamdullah Mohib")]
    assert [r.title for r in mohib.roles] == ["National Security Adviser"] and mohib.country_code == "AF"
    danish = entities[one_id(mentions, "Sarwar Danish")]
    assert [r.title for r in danish.roles] == ["Second Vice President"]
    atmar = entities[one_id(mentions, "Mohammad Haneef Atmar")]
    assert [r.title for r in atmar.roles] == ["Minister of Foreign Affairs"]


def test_nationalities_point_to_countries_and_are_not_places(resolved):
    _, mentions, entities = resolved
    qatari = [m for ms in mentions.values() for m in ms if m.span.text == "Qatari"]
    assert qatari and all(m.label == "NORP" and m.entity_id == "country:qa" for m in qatari)
    assert entities["country:qa"].kind == "country"
    afghan = [m for ms in mentions.values() for m in ms if m.span.text == "Afghan"]
    assert afghan and all(m.entity_id == "country:af" for m in afghan)
    # a people, not a nation: no entity
    tajik = [m for ms in mentions.values() for m in ms if m.span.text == "Tajik"]
    assert all(m.entity_id is None for m in tajik)


def test_places_are_left_to_the_geo_stage(resolved):
    _, mentions, _ = resolved
    words = {m.span.text for ms in mentions.values() for m in ms}
    for place in ("Kabul", "Panjshir", "Bazarak", "Anabah", "Khawak Pass", "Faizabad", "Panjshir Valley"):
        assert place not in words
