"""Hand-made articles: transliterations join one person; a shared surname does not."""

from __future__ import annotations

from datetime import date

from dateline.entities import EntityResolver
from dateline.model import Article, Entity
from dateline.nlp import parse


def add(resolver, fixtures_dir, name, day):
    text = (fixtures_dir / "entities" / name).read_text(encoding="utf-8")
    return resolver.add_article(Article(id=name, text=text, published=day), parse(text))


def test_qahtani_and_kahtani_are_one_person_but_the_two_karzais_are_two(fixtures_dir):
    resolver = EntityResolver(aliases_path=None)
    first = add(resolver, fixtures_dir, "transliteration-a.txt", date(2021, 8, 1))
    second = add(resolver, fixtures_dir, "transliteration-b.txt", date(2021, 8, 5))
    ids = {m.span.text: m.entity_id for m in first + second}
    assert ids["Mutlaq al-Kahtani"] == ids["Kahtani"] == ids["Al Qahtani"] == ids["Mutlaq bin Majed Al Qahtani"]
    assert ids["Qatari envoy"] == ids["Kahtani"]
    karzais = {m.entity_id for m in first if m.span.text in {"Hamid Karzai", "Karzai"}}
    assert len(karzais) == 1
    other = {m.entity_id for m in second if m.span.text in {"Ahmed Wali Karzai", "Karzai"}}
    assert len(other) == 1 and other != karzais
    entities = {e.id: e for e in resolver.entities()}
    hamid = entities[karzais.pop()]
    assert hamid.name == "Hamid Karzai" and [r.title for r in hamid.roles] == ["former President"]


def test_known_entities_keep_their_ids(fixtures_dir):
    known = [Entity("person:qahtani-envoy", "Mutlaq bin Majed Al Qahtani", "person", ("Al Qahtani",), "QA")]
    resolver = EntityResolver(aliases_path=None, known=known)
    mentions = add(resolver, fixtures_dir, "transliteration-b.txt", date(2021, 8, 5))
    assert {m.entity_id for m in mentions if "ahtani" in m.span.text} == {"person:qahtani-envoy"}


def test_a_bare_surname_shared_by_two_known_people_joins_neither():
    known = [Entity("person:hamid-karzai", "Hamid Karzai", "person"),
             Entity("person:ahmed-wali-karzai", "Ahmed Wali Karzai", "person")]
    resolver = EntityResolver(aliases_path=None, known=known)
    text = "Karzai said on Monday that the talks had failed."
    mentions = resolver.add_article(Article(id="x", text=text, published=date(2021, 8, 9)), parse(text))
    karzai = next(m for m in mentions if m.span.text == "Karzai")
    assert karzai.entity_id not in {"person:hamid-karzai", "person:ahmed-wali-karzai"}


def test_a_town_the_ner_took_for_a_person_is_no_entity_once_the_geo_stage_places_it():
    from dateline.pipeline import Stages, read_article

    text = ('Rebels said they had captured the town of Kemise on Saturday. "We control Kemise," '
            "spokesman Getachew Reda said.")
    result = read_article(Article(id="k", text=text, published=date(2021, 11, 6)), parse(text), Stages.load())
    assert any(p.span.text == "Kemise" for p in result.places)
    assert not [m for m in result.mentions if m.span.text == "Kemise"]
    assert any(m.span.text == "Getachew Reda" and m.label == "PERSON" for m in result.mentions)


def test_reading_an_article_again_gives_its_own_ministry_the_same_id():
    # "the Ministry of Health" of no known country is the article's own entity; re-reading the
    # article with the store's entities known (extract --reprocess) must not mint a new one
    text = "The Ministry of Health said 12 people had died of cholera. The ministry urged residents to boil water."
    article = Article(id="5f3a9c0d2e7b41aa", text=text, published=date(2010, 1, 1))
    first = EntityResolver()
    before = {m.entity_id for m in first.add_article(article, parse(text)) if m.span.text == "Ministry of Health"}
    again = EntityResolver(known=first.entities())
    after = {m.entity_id for m in again.add_article(article, parse(text)) if m.span.text == "Ministry of Health"}
    assert len(before) == 1 and after == before
