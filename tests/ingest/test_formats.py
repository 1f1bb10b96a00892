"""Each format a newsroom hands over: text, JSON Lines, HTML pages, RSS/Atom, folders, .gz, stdin."""

from __future__ import annotations

import gzip
import io
import sys
from datetime import date

from dateline.ingest import read_articles
from dateline.model import Article, Rejection


def articles_in(*paths):
    items = list(read_articles(paths))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Rejection)]


def test_html_page_gives_main_text_title_date_and_outlet(fixtures_dir):
    (page,), rejected = articles_in(fixtures_dir / "ingest" / "article.html")
    assert not rejected
    assert page.title == "Floods cut off villages in Badakhshan"
    assert page.outlet == "Kabul Herald"
    assert page.published == date(2021, 7, 6) and page.published_source == "metadata"
    assert page.url == "https://kabulherald.example.org/2021/07/06/floods-badakhshan"
    assert "helicopters would be needed" in page.text
    assert "Subscribe to our newsletter" not in page.text and "Sport" not in page.text
    assert page.language == "en"


def test_rss_feed_gives_one_article_per_entry(fixtures_dir):
    found, rejected = articles_in(fixtures_dir / "ingest" / "feed.rss")
    assert [a.title for a in found] == ["Border crossing reopens after a week", "Power restored in the capital"]
    border, power = found
    assert border.outlet == power.outlet == "Frontier Post"
    assert border.published == date(2021, 7, 7)  # the outlet's own day (22:30 +0500), not UTC's
    assert border.text.startswith("The Torkham border crossing reopened on Wednesday")
    assert "Hundreds of lorries" in border.text and "<p>" not in border.text
    assert border.url == "https://frontierpost.example.com/news/border-crossing-reopens"
    assert power.text.startswith("Electricity was restored")
    (broken,) = rejected
    assert "entry3" in broken.origin and "no text" in broken.reason


def test_atom_feed(fixtures_dir):
    (clinic,), rejected = articles_in(fixtures_dir / "ingest" / "feed.atom")
    assert not rejected
    assert clinic.title == "Clinic opens in Panjshir" and clinic.outlet == "Valley Dispatch"
    assert clinic.published == date(2021, 9, 4) and clinic.url == "https://valley.example.net/clinic"


def test_jsonl_field_aliases(fixtures_dir):
    found, rejected = articles_in(fixtures_dir / "ingest" / "articles.jsonl")
    talks, convoy, schools = found
    assert talks.title == "Ceasefire talks resume in Doha" and talks.outlet == "Gulf Wire"  # headline, source.name
    assert talks.published == date(2021, 7, 5) and talks.url == "https://example.com/ceasefire-talks"
    assert convoy.text.startswith("A convoy of twelve trucks") and convoy.outlet == "Relief Daily"
    assert convoy.published == date(2021, 7, 6)  # RFC 822 'pubdate'
    assert schools.published == date(2021, 7, 7) and schools.outlet == "Herat Times"  # epoch seconds
    assert schools.meta["fields"] == {"category": "education"}  # other fields are kept
    assert [r.origin.rsplit(":", 1)[-1] for r in rejected] == ["4", "5"]
    assert "malformed JSON" in rejected[0].reason and "no text field" in rejected[1].reason


def test_json_document_with_a_list_of_articles(tmp_path):
    path = tmp_path / "export.json"
    path.write_text('{"status": "ok", "articles": [\n {"title": "One", "content": "First story text."},\n'
                    ' {"title": "Two", "content": "Second story text."}\n]}', encoding="utf-8")
    found, rejected = articles_in(path)
    assert [a.title for a in found] == ["One", "Two"] and not rejected


def test_wire_story_text_file(fixtures_dir):
    (story,), _ = articles_in(fixtures_dir / "ingest" / "wire.txt")
    assert story.outlet == "Reuters"
    assert story.published == date(2021, 7, 8) and story.published_source == "inferred"
    assert story.title is None  # the first line is a sentence, not a headline


def test_folder_is_read_recursively_with_gz_and_without_its_readme(fixtures_dir):
    found, rejected = articles_in(fixtures_dir / "ingest" / "folder")
    assert not rejected
    names = sorted(a.origin.rsplit("/", 1)[-1] for a in found)
    assert names == ["first.txt", "second.jsonl:1", "third.txt.gz"]
    first = next(a for a in found if a.origin.endswith("first.txt"))
    assert first.title == "Market reopens in Jalalabad"
    hospital = next(a for a in found if a.origin.endswith(".gz"))
    assert "oxygen cylinders" in hospital.text and hospital.title == "Hospital receives oxygen supplies"


def test_stdin_is_sniffed(monkeypatch):
    data = b'{"text": "Protesters gathered outside the governor\'s office on Sunday.", "source": "Radio Azadi"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (article,), rejected = articles_in("-")
    assert article.outlet == "Radio Azadi" and article.origin == "<stdin>:1" and not rejected


def test_gzipped_jsonl_is_streamed(tmp_path):
    path = tmp_path / "export.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for n in range(3):
            handle.write(f'{{"text": "Story number {n} about the floods in the north."}}\n')
    found, rejected = articles_in(path)
    assert len(found) == 3 and not rejected


def test_latin1_text_is_decoded(tmp_path):
    path = tmp_path / "french.txt"
    text = ("Le ministre a déclaré mardi que les négociations à Doha étaient « très avancées ». "
            "Les délégations se réuniront à nouveau la semaine prochaine, a précisé le porte-parole du ministère.")
    path.write_bytes(text.encode("latin-1"))
    (article,), rejected = articles_in(path)
    assert not rejected and "déclaré" in article.text and "négociations" in article.text
    assert article.language == "fr"
