"""Ingesting into a store: exact and near duplicates are links, never losses; the same input
read twice adds nothing. On SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from dateline.ingest import ingest

STORY = """Taliban fighters took control of the main border crossing with Tajikistan on Monday, local officials said, as government forces withdrew to the provincial capital after two days of fighting.

A provincial council member said hundreds of families had fled the district towards the city, where aid agencies were setting up tents in a school compound.

The defence ministry said reinforcements had been sent to the province and that the crossing would be retaken within days. The Taliban did not comment."""

OTHER_STORY = """Electricity was restored to most districts of the capital on Thursday after engineers repaired a pylon damaged in an explosion, the national power company said.

Residents had spent three nights without power in the summer heat, and hospitals had relied on generators."""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_near_duplicate_is_stored_and_linked(store, tmp_path):
    write(tmp_path, "a_original.txt", STORY)
    # the same story republished: new opening words, one sentence cut, a typo fixed
    republished = STORY.replace("Taliban fighters took control", "Taliban insurgents seized control").replace(
        " The Taliban did not comment.", "")
    write(tmp_path, "b_republished.txt", republished)
    write(tmp_path, "c_other.txt", OTHER_STORY)
    report = ingest([tmp_path], store)
    assert (report.read, report.new, report.near_duplicates, report.exact_duplicates) == (3, 2, 1, 0)
    stored = {Path(a.origin).name: a for a in store.iter_articles()}
    assert stored["b_republished.txt"].duplicate_of == stored["a_original.txt"].id
    assert stored["c_other.txt"].duplicate_of is None
    assert [a.id for a in store.duplicates_of(stored["a_original.txt"].id)] == [stored["b_republished.txt"].id]
    assert [a.id for a in store.iter_articles(originals_only=True)] == [stored["a_original.txt"].id, stored["c_other.txt"].id]


def test_exact_duplicate_differing_only_in_typography_is_one_article(store, tmp_path):
    write(tmp_path, "straight.txt", "The minister's convoy was hit - officials said \"three\" guards died.")
    write(tmp_path, "curly.txt", "The minister\u2019s  convoy was hit \u2014 officials said \u201cthree\u201d guards died.\n")
    report = ingest([tmp_path], store)
    assert (report.read, report.new, report.exact_duplicates) == (2, 1, 1)
    (only,) = list(store.iter_articles())
    assert sorted(Path(s["origin"]).name for s in store.sightings(only.id)) == ["curly.txt", "straight.txt"]


def test_reingesting_the_same_input_adds_nothing(store, fixtures_dir):
    folder = fixtures_dir / "ingest"
    first = ingest([folder], store)
    before = store.counts()
    second = ingest([folder], store)
    assert first.new > 5
    assert second.new == 0 and second.near_duplicates == 0
    assert second.already_stored == second.exact_duplicates == first.read
    assert store.counts() == before


def test_near_duplicates_are_found_across_runs(store, tmp_path):
    (tmp_path / "day1").mkdir()
    write(tmp_path / "day1", "story.txt", STORY)
    ingest([tmp_path / "day1"], store)
    (tmp_path / "day2").mkdir()
    write(tmp_path / "day2", "story.txt", STORY.replace("on Monday", "on Monday morning"))
    report = ingest([tmp_path / "day2"], store)
    assert (report.new, report.near_duplicates) == (0, 1)
