"""The two seed articles read as a person reads them (../shared/seeds/gold.json)."""

from __future__ import annotations

from datetime import date

from dateline.ingest import read_articles


def seed_articles(seeds_dir):
    return {a.origin.rsplit("/", 1)[-1]: a for a in read_articles(sorted(seeds_dir.glob("*.txt")))}


def test_seed_000_is_dated_by_its_header_and_credited_to_cnn(seeds_dir, seed_gold):
    article = seed_articles(seeds_dir)["000_928372cbf91601d0.txt"]
    gold = next(d for d in seed_gold["documents"] if d["file"].startswith("000"))
    assert article.published == date.fromisoformat(gold["publication_date"]) == date(2021, 9, 4)
    assert article.published_source == "header" and article.published_confidence == 1.0
    assert article.outlet == "CNN"
    assert not article.text.lstrip().startswith("date")  # the header is metadata, not text
    assert article.text.startswith("Two domestic flights flew from the capital’s airport")
    assert article.language == "en"


def test_seed_004_is_dated_from_its_text_and_credited_to_doha_news(seeds_dir, seed_gold):
    article = seed_articles(seeds_dir)["004_19ea109a735e8b51.txt"]
    gold = next(d for d in seed_gold["documents"] if d["file"].startswith("004"))
    assert article.published == date.fromisoformat(gold["publication_date"]) == date(2021, 7, 6)
    assert article.published_source == "inferred"
    assert article.published_confidence >= 0.8  # 'July 6, 2021' was a Tuesday and the text says 'on Tuesday'
    assert "Tuesday" in article.meta["published_evidence"]
    assert article.outlet == "Doha News"


def test_ids_are_content_hashes(seeds_dir):
    first = seed_articles(seeds_dir)
    again = seed_articles(seeds_dir)
    assert {a.id for a in first.values()} == {a.id for a in again.values()}
    assert all(len(a.id) == 64 for a in first.values())
