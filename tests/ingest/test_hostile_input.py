"""Issue 16: inputs made to hurt. Each costs itself only, says so in one line naming the file
(and line, entry or byte) and the problem, and never garbles the text silently."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from datetime import date

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.ingest import ReadOptions, read_articles
from dateline.model import Article, Rejection

GOOD = "Government forces retook the district centre on Monday, the governor's office said."
OTHER = "Floods cut the main road to Kunduz on Friday, the provincial police chief said."
TODAY = date(2026, 12, 1)
EXCEPTION_NAME = re.compile(r"\b[A-Z][A-Za-z]*(Error|Exception|Forbidden)\b")
REPEATED_WORD = re.compile(r"\b(\w+) \1\b", re.IGNORECASE)


def read(*paths):
    items = list(read_articles(list(paths), ReadOptions(today=TODAY)))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Rejection)]


def assert_one_clear_line(reason: str):
    assert "\n" not in reason and "Traceback" not in reason
    assert not EXCEPTION_NAME.search(reason), reason
    assert not REPEATED_WORD.search(reason), reason


# --- 1. data loss -----------------------------------------------------------------------------


def test_deeply_nested_line_costs_that_line_only(tmp_path):
    path = tmp_path / "nested.jsonl"
    path.write_text(json.dumps({"text": GOOD}) + "\n" + "[" * 100_000 + "\n" + json.dumps({"text": OTHER}) + "\n")
    found, rejected = read(path)
    assert sorted(a.text for a in found) == sorted([GOOD, OTHER])
    (bad,) = rejected
    assert bad.origin == f"{path}:2" and "nested more than" in bad.reason
    assert_one_clear_line(bad.reason)


def test_nesting_in_a_json_document_is_one_line(tmp_path):
    path = tmp_path / "nested.json"
    path.write_text("[" + "{\"a\": [" * 50_000)
    found, (bad,) = read(path)
    assert not found and "nested more than" in bad.reason


def test_a_broken_first_line_does_not_lose_the_rest_of_the_file(tmp_path):
    path = tmp_path / "first_broken.jsonl"
    path.write_text('{"text": "cut off here\n' + json.dumps({"text": GOOD}) + "\n")
    found, (bad,) = read(path)
    assert [a.text for a in found] == [GOOD] and bad.origin.endswith(":1")


def test_an_over_long_line_is_skipped_without_holding_it(tmp_path):
    path = tmp_path / "long.jsonl"
    path.write_text('{"text": "' + "x" * 50_000 + '"}\n' + json.dumps({"text": GOOD}) + "\n")
    items = list(read_articles([path], ReadOptions(max_bytes=10_000)))
    assert [i.text for i in items if isinstance(i, Article)] == [GOOD]
    (bad,) = [i for i in items if isinstance(i, Rejection)]
    assert bad.origin.endswith(":1") and "over the limit" in bad.reason


# --- 2. unclear lines ---------------------------------------------------------------------------


def test_malformed_json_names_the_column_once(tmp_path):
    path = tmp_path / "control.jsonl"
    path.write_bytes(b'{"text": "a\tb"}\n')  # a raw tab inside a string
    _, (bad,) = read(path)
    assert "column 12" in bad.reason and "control character" in bad.reason
    assert_one_clear_line(bad.reason)


def test_reasons_for_hostile_inputs_are_one_clear_line(tmp_path):
    (tmp_path / "a.json").write_text('[{"text": 1')
    (tmp_path / "b.rss").write_text("<rss><channel><item><description>&nope; x</description></item></channel></rss>")
    (tmp_path / "c.jsonl").write_text('"just a string"\n{"text": "' + "\\ud800" + '"}\n')
    (tmp_path / "d.txt").write_bytes(bytes(range(128, 256)) * 4)
    _, rejected = read(tmp_path)
    assert len(rejected) >= 4
    for rejection in rejected:
        assert_one_clear_line(rejection.reason)


# --- 3. silent garbling ------------------------------------------------------------------------


def test_invalid_utf8_is_replaced_and_reported_with_line_and_byte(tmp_path):
    path = tmp_path / "stray.txt"
    data = b"Troops entered the town on Monday.\nThey shelled \xff\xfe the market, officials said.\n"
    path.write_bytes(data)
    (article,), _ = read(path)
    assert "\ufffd" in article.text and "\u00ff" not in article.text  # not read as Latin-1's "ÿþ"
    (warning,) = article.meta["warnings"]
    bad_byte = data.index(b"\xff")
    assert f"line 2 byte {bad_byte}" in warning and "U+FFFD" in warning


def test_a_legacy_encoding_is_read_and_named(tmp_path):
    path = tmp_path / "cp1251.txt"
    text = "Министр иностранных дел заявил во вторник, что переговоры идут хорошо."
    path.write_bytes(text.encode("cp1251"))
    (article,), _ = read(path)
    assert article.text == text and article.language == "ru"
    assert any("read as" in w for w in article.meta["warnings"])


def test_invalid_bytes_in_a_jsonl_line_are_placed_in_the_file(tmp_path):
    path = tmp_path / "stray.jsonl"
    first = json.dumps({"text": GOOD}).encode() + b"\n"
    second = b'{"text": "Floods \xff cut the road."}\n'
    path.write_bytes(first + second)
    found, rejected = read(path)
    assert not rejected and len(found) == 2
    (warning,) = found[1].meta["warnings"]
    bad_byte = (first + second).index(b"\xff")
    assert f"line 2 byte {bad_byte}" in warning


@pytest.mark.parametrize("header", ["date 2021-02-30", "date 2099-01-01"])
def test_an_impossible_or_future_header_date_is_a_warning_and_leaves_the_text(tmp_path, header):
    path = tmp_path / "report.txt"
    path.write_text(f" {header} \nFighting resumed near the airport on Tuesday, September 7, 2021, witnesses said.\n")
    (article,), _ = read(path)
    assert not article.text.startswith("date") and header.split()[1] not in article.text
    assert article.published == date(2021, 9, 7) and article.published_source == "inferred"
    assert any(header.split()[1] in w for w in article.meta["warnings"])


def test_a_future_metadata_date_is_not_taken(tmp_path):
    path = tmp_path / "future.jsonl"
    path.write_text(json.dumps({"text": GOOD, "date": "2099-01-01"}) + "\n")
    (article,), _ = read(path)
    assert article.published is None and article.published_source == "none"
    assert any("2099-01-01" in w for w in article.meta["warnings"])


def billion_laughs() -> str:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "' + f"&lol{'' if i == 1 else i - 1};" * 10 + '">' for i in range(1, 10))
    return (f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel><title>Bomb</title>'
            "<item><title>x</title><description>&lol9;</description></item></channel></rss>")


def test_an_entity_expansion_bomb_is_rejected_not_stored(tmp_path):
    path = tmp_path / "bomb.xml"
    path.write_text(billion_laughs())
    found, (bad,) = read(path)
    assert not found and "declares its own entities" in bad.reason
    assert_one_clear_line(bad.reason)


def test_an_external_entity_is_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    path = tmp_path / "xxe.rss"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
                    "<rss><channel><item><description>&xxe; and the floods.</description></item></channel></rss>")
    found, (bad,) = read(path)
    assert not any("TOP SECRET" in a.text for a in found) and "entities" in bad.reason


def test_articles_in_arabic_and_chinese_are_counted_as_not_extracted(tmp_path):
    from dateline.ingest import ingest
    from dateline.store import open_store

    (tmp_path / "ar.txt").write_text("قالت وزارة الصحة إن القصف على المدينة أدى إلى مقتل عشرة أشخاص يوم الاثنين.")
    (tmp_path / "zh.txt").write_text("星期一，政府军重新夺回了该地区中心，省长办公室在一份声明中说。袭击造成十人死亡。")
    (tmp_path / "zh2.txt").write_text("国防部星期二说，洪水切断了通往昆都士的主要道路，三座桥梁被冲毁。")
    (tmp_path / "en.txt").write_text(GOOD)
    with open_store(str(tmp_path / "news.db")) as store:
        report = ingest([tmp_path], store)
    assert dict(report.not_extracted) == {"ar": 1, "zh": 2}
    assert report.language_line().startswith("3 articles in zh, ar: not extracted")


# --- 4. denial of service ----------------------------------------------------------------------


def test_a_fifo_is_rejected_at_once(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "good.txt").write_text(GOOD)
    found, (bad,) = read(tmp_path)  # walked in a folder, too
    assert [a.text for a in found] == [GOOD]
    assert bad.origin == str(fifo) and bad.reason.startswith("a named pipe (FIFO), not a regular file")


def test_a_socket_and_a_device_are_rejected(tmp_path):
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        _, (bad,) = read(path)
        assert bad.reason.startswith("a socket")
    finally:
        server.close()
    _, (bad,) = read("/dev/zero")
    assert bad.reason.startswith("a character device")


# --- 5. exit status ----------------------------------------------------------------------------


def test_exit_status_says_whether_inputs_were_rejected(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.jsonl"
    good.write_text(GOOD)
    bad.write_text(json.dumps({"text": OTHER}) + "\n{oops\n")
    db = str(tmp_path / "news.db")
    runner = CliRunner()
    clean = runner.invoke(app, ["ingest", "--db", db, str(good)])
    assert clean.exit_code == 0, clean.output
    some_rejected = runner.invoke(app, ["ingest", "--db", db, str(good), str(bad)])
    assert some_rejected.exit_code == 1 and "1 rejected" in some_rejected.stdout
    usage = runner.invoke(app, ["ingest", "--db", db, "--max-bytes", "lots", str(good)])
    assert usage.exit_code == 2


def test_a_store_that_cannot_be_written_is_exit_2_and_one_line(tmp_path):
    db = tmp_path / "news.db"
    (tmp_path / "good.txt").write_text(GOOD)
    code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('BEGIN EXCLUSIVE');"
            "print('locked', flush=True); sys.stdin.read()")
    subprocess.run([sys.executable, "-m", "dateline.cli", "ingest", "--db", str(db), str(tmp_path / "good.txt")],
                   capture_output=True, check=False)
    holder = subprocess.Popen([sys.executable, "-c", code, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        (tmp_path / "other.txt").write_text(OTHER)
        result = subprocess.run([sys.executable, "-m", "dateline.cli", "ingest", "--db", str(db), str(tmp_path / "other.txt")],
                                capture_output=True, text=True, timeout=120,
                                env={**os.environ, "COLUMNS": "300", "DATELINE_SQLITE_BUSY_SECONDS": "2"})
    finally:
        holder.communicate("")
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line == f"error: store {db}: cannot write to the store (database is locked)"


def test_a_character_reference_beyond_unicode_costs_the_feed_one_line(tmp_path):
    # found by the fuzzer: feedparser itself raises on &#x110000; (no such character)
    path = tmp_path / "feed.rss"
    path.write_text("<rss><channel><language>&#x110000;en</language><item><description>Floods cut the road."
                    "</description></item></channel></rss>")
    items = list(read_articles([path], ReadOptions(today=TODAY)))
    assert all(isinstance(i, (Article, Rejection)) for i in items)
    for rejection in (i for i in items if isinstance(i, Rejection)):
        assert_one_clear_line(rejection.reason)


def test_lone_surrogates_are_replaced_not_fatal_to_the_store(tmp_path):
    # found by the fuzzer: "\ud800" in JSON is half a character, which no UTF-8 file or
    # database holds; it cost the article (in a field kept in meta, it would stop the store)
    from dateline.ingest import ingest
    from dateline.store import open_store

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text(
        json.dumps({"text": GOOD + " \ud800", "title": "Retaken \udfff", "tag": "x\ud801"}) + "\n"
        + json.dumps({"text": OTHER}) + "\n")
    found, rejected = read(tmp_path / "in")
    assert not rejected and len(found) == 2
    assert found[0].text.endswith("\ufffd") and found[0].title == "Retaken \ufffd"
    (warning,) = found[0].meta["warnings"]
    assert warning.startswith("3 lone surrogate")
    with open_store(str(tmp_path / "news.db")) as store:
        report = ingest([tmp_path / "in"], store)
    assert report.new == 2 and report.exit_code == 0 and len(report.warnings) == 1
