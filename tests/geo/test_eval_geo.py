"""The geoparsing scorer on two small hand-made files, one in each corpus layout."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dateline.cli import app
from dateline.eval.geo import read_corpus, to_markdown


def test_reads_lgl_layout_and_leaves_out_gold_without_coordinates(fixtures_dir):
    (article,) = read_corpus(fixtures_dir / "geo" / "lgl_sample.xml")
    phrases = [t.phrase for t in article.toponyms]
    assert phrases[:4] == ["Kabul", "Kandahar", "Afghanistan", "Afghan"]
    assert article.moved == 0
    assert [t for t in article.toponyms if t.lat is None][0].phrase == "Two"


def test_geovirus_offsets_are_moved_onto_the_phrase(fixtures_dir):
    (article,) = read_corpus(fixtures_dir / "geo" / "geovirus_sample.xml")
    assert [article.text[t.start : t.end] for t in article.toponyms] == ["Doha", "Qatar"]
    assert article.moved == 2


def test_eval_geo_json_has_exactly_the_agreed_keys(fixtures_dir):
    result = CliRunner().invoke(app, ["eval", "geo", str(fixtures_dir / "geo" / "lgl_sample.xml"), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert set(figures) == {"articles", "toponyms", "gazetteer", "gold_spans", "geonames_ids", "end_to_end", "docs_per_s"}
    assert set(figures["gold_spans"]) == {"acc161", "mean_km", "median_km", "auc", "unresolved"}
    assert set(figures["end_to_end"]) == {"p", "r", "f1", "acc161"}
    assert figures["articles"] == 1 and figures["toponyms"] == 4
    assert figures["gold_spans"]["acc161"] == 1.0  # Kabul, Kandahar, Afghanistan and "Afghan"
    assert "embedded" in figures["gazetteer"]
    # the sample's gold names the GeoNames records of Kabul, Kandahar and Afghanistan (twice)
    assert figures["geonames_ids"]["n"] == 4


def test_exact_id_and_same_country_and_region_shares(fixtures_dir):
    from dateline.eval.geo import IdScores, read_corpus
    from dateline.model import Place, Span

    (article,) = read_corpus(fixtures_dir / "geo" / "lgl_ids_sample.xml")
    kabul, jalalabad, ohio = article.toponyms
    assert (kabul.geonames_id, kabul.country_geonames_id, kabul.admin1_name) == (1138958, 1149361, "Kabul")
    scores = IdScores()
    span = Span(0, 5, "Kabul")
    # the right record; a town of the right province of the right country; the wrong country
    scores.add(kabul, Place(span=span, name="Kabul", geonames_id=1138958, country_code="AF", admin1="Kabul"))
    scores.add(jalalabad, Place(span=span, name="Kabul", geonames_id=1138958, country_code="AF", admin1="Kabul"))
    scores.add(ohio, Place(span=span, name="Ohio", geonames_id=1, country_code="CA", admin1=None))
    assert scores.summary() == {"n": 3, "exact_id": round(1 / 3, 4), "same_country": round(2 / 3, 4), "same_region": round(1 / 3, 4)}


def test_a_region_name_with_its_designator_is_the_same_region():
    from dateline.eval.geo import _same_region_name

    assert _same_region_name("Matruh", "Muhafazat Matruh")
    assert _same_region_name("Daghestan", "Dagestan")
    assert not _same_region_name("Kentucky", "Virginia")
    assert not _same_region_name("West Virginia", "Virginia")
    assert not _same_region_name(None, "Ohio")


def test_halves_are_the_even_and_odd_articles_of_the_file():
    from dateline.eval.geo import GeoCorpusError, select_half

    articles = ["a0", "a1", "a2", "a3", "a4"]
    assert select_half(articles, "even") == ["a0", "a2", "a4"]
    assert select_half(articles, "odd") == ["a1", "a3"]
    assert select_half(articles, None) == articles
    try:
        select_half(articles, "third")
    except GeoCorpusError as error:
        assert "third" in str(error)
    else:
        raise AssertionError("an unknown half is a user error")


def test_markdown_section_names_the_gazetteer_and_the_published_figure(fixtures_dir):
    from dateline.eval.geo import evaluate

    text = to_markdown(evaluate(fixtures_dir / "geo" / "lgl_sample.xml"))
    assert "embedded" in text and "acc@161" in text


def test_a_file_that_is_not_a_corpus_is_one_clear_error(tmp_path):
    bad = tmp_path / "notes.xml"
    bad.write_text("<notes><note>hello</note></notes>", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "geo", str(bad)])
    assert result.exit_code == 1
    assert "notes.xml" in result.output and "no <article>" in result.output
