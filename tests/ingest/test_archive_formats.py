"""Ingest at archive scale: a folder of many JSON Lines .gz files, and a Parquet file of
articles read row group by row group."""

from __future__ import annotations

import gzip
import json
from datetime import date, datetime

import pyarrow as pa
import pyarrow.parquet as pq

from dateline.ingest import ingest
from dateline.store import open_store

TOWNS = ["Kabul", "Herat", "Kandahar", "Mazar-i-Sharif", "Jalalabad", "Kunduz"]


def test_a_folder_of_many_jsonl_gz_files(tmp_path):
    archive = tmp_path / "archive" / "2021"
    archive.mkdir(parents=True)
    for day in range(1, 31):
        with gzip.open(archive / f"2021-06-{day:02d}.jsonl.gz", "wt", encoding="utf-8") as handle:
            for n, town in enumerate(TOWNS):
                handle.write(json.dumps({
                    "text": f"Report {n} of June {day}: the council of {town} met on day {day} to discuss "
                            f"water supplies for district {n * 31 + day}, a spokesman said.",
                    "published": f"2021-06-{day:02d}", "source": {"name": "Wire"}}) + "\n")
    with open_store(str(tmp_path / "archive.db")) as store:
        first = ingest([tmp_path / "archive"], store)
        assert (first.files, first.read, first.new, len(first.rejected)) == (30, 180, 180, 0)
        again = ingest([tmp_path / "archive"], store)
        assert (again.read, again.new, again.already_stored) == (180, 0, 180)
        june_3 = [a for a in store.iter_articles() if a.published == date(2021, 6, 3)]
        assert len(june_3) == 6 and {a.outlet for a in june_3} == {"Wire"}


def test_a_parquet_file_of_articles_row_group_by_row_group(tmp_path):
    table = pa.table({
        "title": ["Clashes near the border", "Empty row", "Arrests in Jalalabad", "Families flee Kunduz"],
        "text": ["Government troops clashed with rebels near the border on Monday.", "",
                 "Police arrested 12 men in Jalalabad on Friday after a rocket struck the airport.",
                 "The United Nations said more than 1,000 families had fled Kunduz since Sunday."],
        "published": [datetime(2021, 7, 6, 8), datetime(2021, 7, 7), datetime(2021, 7, 11, 9, 30), None],
        "url": ["https://news.example/1", None, "https://news.example/3", "https://news.example/4"],
        "source": ["Example News", "Example News", "Kabul Times", "Example News"],
        "words": [11, 0, 15, 14],
    })
    path = tmp_path / "articles.parquet"
    pq.write_table(table, path, row_group_size=2)
    assert pq.ParquetFile(path).num_row_groups == 2
    with open_store(str(tmp_path / "parquet.db")) as store:
        report = ingest([path], store)
        assert (report.read, report.new) == (3, 3)
        assert [r.origin for r in report.rejected] == [f"{path}:row 2"]
        assert "no text field" in report.rejected[0].reason
        by_title = {a.title: a for a in store.iter_articles()}
        arrests = by_title["Arrests in Jalalabad"]
        assert arrests.published == date(2021, 7, 11) and arrests.outlet == "Kabul Times"
        assert arrests.url == "https://news.example/3"
        assert ingest([path], store).new == 0


def test_a_broken_parquet_file_is_one_line(tmp_path):
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 this is not a parquet file at all PAR1")
    with open_store(str(tmp_path / "broken.db")) as store:
        report = ingest([broken], store)
    assert report.new == 0 and len(report.rejected) == 1
    assert report.rejected[0].origin == str(broken) and "not a readable Parquet file" in report.rejected[0].reason
