"""Bad input never stops a batch: each problem is one line naming the input and the reason,
in the summary and in the --report file; everything else goes in."""

from __future__ import annotations

import gzip
import json
import os

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.ingest import read_articles
from dateline.model import Article, Rejection

GOOD = "Government forces retook the district centre on Monday, the governor's office said.\n"


def rejections_for(path, **options):
    from dateline.ingest import ReadOptions

    items = list(read_articles([path], ReadOptions(**options)))
    return [i for i in items if isinstance(i, Rejection)], [i for i in items if isinstance(i, Article)]


def test_binary_file(tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (rejected,), _ = rejections_for(tmp_path / "photo.txt")
    assert "PNG image, not text" in rejected.reason


def test_pdf_and_nul_bytes(tmp_path):
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (tmp_path / "data.bin").write_bytes(b"abc\x00\x01\x02def" * 20)
    rejected, _ = rejections_for(tmp_path)
    reasons = {os.path.basename(r.origin): r.reason for r in rejected}
    assert "PDF" in reasons["report.pdf"] and "binary" in reasons["data.bin"]


def test_empty_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n \t\n")
    (tmp_path / "empty.jsonl").write_text("\n\n")
    rejected, _ = rejections_for(tmp_path)
    assert sorted((os.path.basename(r.origin), r.reason) for r in rejected) == [
        ("blank.txt", "empty file"), ("empty.jsonl", "empty file"), ("empty.txt", "empty file")]


def test_header_but_no_text(tmp_path):
    (tmp_path / "header_only.txt").write_text(" date 2021-09-04 \n\n")
    (rejected,), _ = rejections_for(tmp_path / "header_only.txt")
    assert "no text" in rejected.reason


def test_undecodable_bytes(tmp_path):
    # not UTF-8, and no single-byte encoding reads it as language either
    noise = bytes((i * 37 + 129) % 128 + 128 for i in range(400))
    (tmp_path / "noise.txt").write_bytes(noise)
    (rejected,), _ = rejections_for(tmp_path / "noise.txt")
    assert rejected.reason.startswith("undecodable bytes")


def test_undecodable_line_in_jsonl_costs_only_that_line(tmp_path):
    good = json.dumps({"text": GOOD}).encode()
    (tmp_path / "mixed.jsonl").write_bytes(good + b"\n" + bytes(range(128, 256)) * 3 + b"\n" + good.replace(b"Monday", b"Friday") + b"\n")
    rejected, found = rejections_for(tmp_path / "mixed.jsonl")
    assert len(found) == 2
    assert [r.origin.rsplit(":", 1)[-1] for r in rejected] == ["2"]


def test_html_with_no_main_text(fixtures_dir):
    (rejected,), _ = rejections_for(fixtures_dir / "ingest" / "navigation_only.html")
    assert "no main text" in rejected.reason


def test_not_a_feed(tmp_path):
    (tmp_path / "feed.xml").write_text("<?xml version='1.0'?><catalogue><book>Not news</book></catalogue>")
    (rejected,), _ = rejections_for(tmp_path / "feed.xml")
    assert "not a readable RSS/Atom feed" in rejected.reason


def test_feed_broken_halfway_keeps_the_entries_before(tmp_path):
    (tmp_path / "cut.rss").write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>"
        "<item><title>Whole</title><description>The first entry is whole and readable.</description></item>"
        "<item><title>Cut</title><description>The second entry is cut off")
    rejected, found = rejections_for(tmp_path / "cut.rss")
    assert [a.title for a in found][:1] == ["Whole"]
    assert any("broken" in r.reason for r in rejected)


def test_over_the_size_limit(tmp_path):
    (tmp_path / "huge.txt").write_text("word " * 3000)
    (tmp_path / "huge.jsonl").write_text(json.dumps({"text": "word " * 3000}) + "\n" + json.dumps({"text": GOOD}) + "\n")
    rejected, found = rejections_for(tmp_path, max_bytes=10_000)
    assert len(found) == 1
    assert len(rejected) == 2 and all("over the limit" in r.reason or "over the article size limit" in r.reason for r in rejected)


def test_unreadable_paths(tmp_path):
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    rejected, _ = rejections_for(tmp_path / "dangling.txt")
    assert rejected[0].reason == "broken symbolic link"
    rejected, _ = rejections_for(tmp_path / "missing.txt")
    assert rejected[0].reason == "no such file or folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_permission_denied(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(GOOD)
    path.chmod(0)
    (rejected,), _ = rejections_for(path)
    assert "permission denied" in rejected.reason


def test_broken_gzip(tmp_path):
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(GOOD.encode())[:15])
    (rejected,), _ = rejections_for(tmp_path / "cut.txt.gz")
    assert "broken gzip" in rejected.reason


def test_the_rest_of_the_batch_goes_in_and_every_rejection_is_reported(tmp_path, fixtures_dir):
    news = tmp_path / "news"
    news.mkdir()
    (news / "good.txt").write_text(GOOD)
    (news / "empty.txt").write_text("")
    (news / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(300))
    (news / "bad.jsonl").write_text('{"text": "Fine line about the floods in Kunduz on Monday."}\n{oops\n')
    report_path = tmp_path / "rejected.jsonl"
    db = tmp_path / "news.db"
    result = CliRunner().invoke(app, ["ingest", "--db", str(db), "--report", str(report_path), str(news),
                                      str(fixtures_dir / "ingest" / "navigation_only.html"), str(news / "nope.txt")])
    assert result.exit_code == 1, result.output  # some inputs rejected (README, "Exit codes")
    assert "2 read, 2 new, 0 duplicates, 5 rejected" in result.stdout
    lines = [json.loads(line) for line in report_path.read_text().splitlines()]
    assert sorted(os.path.basename(r["origin"]) for r in lines) == [
        "bad.jsonl:2", "empty.txt", "navigation_only.html", "nope.txt", "photo.jpg"]
    assert all(r["reason"] for r in lines)
    for line in lines:  # and each is one line of the printed summary
        assert f"rejected: {line['origin']}: {line['reason']}" in result.output.splitlines()


def test_permission_denied_even_for_root(tmp_path, monkeypatch):
    from dateline.ingest import sources

    path = tmp_path / "locked.txt"
    path.write_text(GOOD)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(sources.os, "open", refuse)
    (rejected,), _ = rejections_for(path)
    assert rejected.reason == "cannot read: permission denied"
