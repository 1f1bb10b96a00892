"""Fuzzing every reader with hypothesis: random bytes and mutations of the small hand-made
files in tests/fixtures/ingest (text, JSON Lines, HTML, RSS, Atom), read as files, as .gz and
from standard input. Properties:

- no exception escapes a reader; every item is an Article or a Rejection, and each rejection is
  one clear line (no Python class names, no repeated word, no line break);
- in a mix of good and broken inputs (lines of a JSON Lines file, files of a folder) every good
  article is kept;
- after ingesting such a mix into SQLite, the store passes ``PRAGMA integrity_check``.

`make test` runs a few examples of each (DATELINE_FUZZ_EXAMPLES, default 20); `make fuzz`
runs 10,000 inputs per reader (a tenth as many for the store property, which opens a new store
each time) and prints how many each property saw (docs/reliability.md).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import sqlite3
import sys
import tempfile
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.ingest import ReadOptions, read_articles
from dateline.ingest.sources import read_input
from dateline.model import Article, Rejection

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SEEDS = {
    "text": (FIXTURES / "wire.txt").read_bytes(),
    "jsonl": (FIXTURES / "articles.jsonl").read_bytes(),
    "html": (FIXTURES / "article.html").read_bytes(),
    "feed": (FIXTURES / "feed.rss").read_bytes(),
    "atom": (FIXTURES / "feed.atom").read_bytes(),
}
SUFFIX = {"text": ".txt", "jsonl": ".jsonl", "html": ".html", "feed": ".rss", "atom": ".atom"}
EXAMPLES = int(os.environ.get("DATELINE_FUZZ_EXAMPLES", "20"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 100, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
# each example of the store property opens a new SQLite store (migrations and all): a tenth as many
STORE_FUZZ = settings(FUZZ, max_examples=max(20, EXAMPLES // 10))
OPTIONS = ReadOptions(max_bytes=64 * 1024, today=date(2026, 12, 1))
EXCEPTION_NAME = re.compile(r"\b[A-Z][A-Za-z]*(Error|Exception)\b")
REPEATED_WORD = re.compile(r"\b(\w+) \1\b", re.IGNORECASE)

# what breaks parsers: deep nesting, stray and partial UTF-8, NULs, entity declarations and
# references, markup that never closes, impossible and future header dates, byte-order marks
NASTY = [
    b"[" * 3000, b'{"a":' * 500, b"\xff\xfe", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\r", b"\n", b"\xef\xbb\xbf",
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>', b"&b;", b"&#0;", b"&#x110000;",
    b"<![CDATA[", b"]]>", b"<", b"</item>", b"<item>", b"<div>" * 400, b' date 2021-02-30 \n', b' date 2099-01-01 \n',
    b"\\ud800", b'"', b"\\", b"\x1f\x8b", "Ä ä".encode("utf-16"), "قالت الوزارة".encode(), "Министр".encode("cp1251"),
]


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "repeat", "truncate", "random"]))
        at = draw(st.integers(0, len(data)))
        if kind == "flip" and data:
            data[min(at, len(data) - 1)] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from(NASTY))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "repeat":
            data[at:at] = bytes(data[at : at + draw(st.integers(1, 64))]) * draw(st.integers(2, 20))
        elif kind == "truncate":
            del data[at:]
        else:
            data[at:at] = draw(st.binary(max_size=64))
    return bytes(data)


def inputs_for(fmt: str):
    return st.one_of(mutated(SEEDS[fmt]), st.binary(max_size=2048), st.just(SEEDS[fmt]))


def assert_well_formed(items: list) -> None:
    for item in items:
        assert isinstance(item, (Article, Rejection))
        if isinstance(item, Rejection):
            assert item.reason and "\n" not in item.reason, item
            assert not EXCEPTION_NAME.search(item.reason), item.reason
            assert not REPEATED_WORD.search(item.reason), item.reason
        else:
            assert item.text.strip() and re.fullmatch(r"[0-9a-f]{64}", item.id)


@contextmanager
def stdin_bytes(data: bytes):
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data))
    try:
        yield
    finally:
        sys.stdin = saved


def read_file(data: bytes, suffix: str) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "input" + suffix)
        with open(path, "wb") as handle:
            handle.write(data)
        return list(read_input(path, OPTIONS))


def _reader_test(fmt: str):
    @FUZZ
    @given(data=inputs_for(fmt))
    def test(data, fuzz_counts):
        fuzz_counts[f"reader {fmt}"] += 1
        assert_well_formed(read_file(data, SUFFIX[fmt]))

    return test


test_text_reader = _reader_test("text")
test_jsonl_reader = _reader_test("jsonl")
test_html_reader = _reader_test("html")
test_rss_reader = _reader_test("feed")
test_atom_reader = _reader_test("atom")


@FUZZ
@given(fmt=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_gzip_reader(fmt, data, fuzz_counts):
    content = data.draw(inputs_for(fmt))
    packed = gzip.compress(content, mtime=0)
    # whole, cut short, or with a flipped byte: broken archives too
    cut = data.draw(st.integers(0, len(packed)))
    packed = data.draw(st.sampled_from([packed, packed[:cut], packed[:cut] + b"\x00" + packed[cut + 1 :]]))
    fuzz_counts["reader gzip"] += 1
    assert_well_formed(read_file(packed, SUFFIX[fmt] + ".gz"))


@FUZZ
@given(data=st.one_of(*(inputs_for(fmt) for fmt in sorted(SEEDS))))
def test_stdin_reader(data, fuzz_counts):
    fuzz_counts["reader stdin"] += 1
    with stdin_bytes(data):
        assert_well_formed(list(read_input("-", OPTIONS)))


GOOD_TEXTS = [
    "Government forces retook the district centre on Monday, the governor's office said.",
    "Floods cut the main road to Kunduz on Friday, the provincial police chief said.",
    "A convoy of twelve trucks reached the besieged town on Tuesday, the World Food Programme said.",
]


def good_line(n: int) -> bytes:
    return json.dumps({"text": f"{GOOD_TEXTS[n % len(GOOD_TEXTS)]} Report number {n}."}).encode()


@FUZZ
@given(
    layout=st.lists(st.one_of(st.integers(0, 10_000), mutated(SEEDS["jsonl"]), st.binary(max_size=300)),
                    min_size=1, max_size=12),
)
def test_every_good_line_of_a_mixed_jsonl_is_kept(layout, fuzz_counts):
    lines, expected = [], set()
    for part in layout:
        if isinstance(part, int):
            lines.append(good_line(part))
            expected.add(json.loads(good_line(part))["text"])
        else:
            lines.append(part.replace(b"\n", b" ").replace(b"\r", b" "))
    fuzz_counts["mixed jsonl"] += 1
    items = read_file(b"\n".join(lines) + b"\n", ".jsonl")
    assert_well_formed(items)
    assert expected <= {a.text for a in items if isinstance(a, Article)}


@STORE_FUZZ
@given(broken=st.lists(st.tuples(st.sampled_from(sorted(SEEDS)), st.data()), min_size=1, max_size=4),
       good=st.integers(0, 10_000))
def test_a_mixed_folder_keeps_every_good_article_and_the_store_stays_whole(broken, good, fuzz_counts):
    from dateline.ingest import ingest
    from dateline.store import open_store

    fuzz_counts["mixed folder into store"] += 1
    text = json.loads(good_line(good))["text"]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "news"
        root.mkdir()
        (root / "good.txt").write_text(text, encoding="utf-8")
        for index, (fmt, data) in enumerate(broken):
            (root / f"broken{index}{SUFFIX[fmt]}").write_bytes(data.draw(inputs_for(fmt)))
        assert_well_formed(list(read_articles([root], OPTIONS)))
        db = Path(folder) / "news.db"
        with open_store(str(db)) as store:
            ingest([root], store, max_bytes=OPTIONS.max_bytes)
        connection = sqlite3.connect(db)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {row[0] for row in connection.execute("SELECT text FROM articles")}
        finally:
            connection.close()
        assert text in stored
