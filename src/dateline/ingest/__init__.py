"""Ingest: read any pile of news (text, JSON Lines, HTML pages, RSS/Atom feeds, folders, .gz,
stdin) into clean, dated, attributed, deduplicated Articles.

    from dateline.ingest import read_articles, ingest
    for item in read_articles(["news/"]):      # Article or Rejection, no database involved
        ...
    report = ingest(["news/"], open_store("news.db"))
    print(report.summary_line())               # "120 read, 97 new, 23 duplicates, 2 rejected"
    print(report.language_line())              # "12 articles in ar, zh: not extracted (...)", or None
    sys.exit(report.exit_code)                 # 0 all read, 1 some rejected (a store error raises)
"""

from dateline.ingest.assemble import DEFAULT_MAX_BYTES, ReadOptions, assemble_article
from dateline.ingest.batch import IngestReport, IngestWarning, ingest, write_rejections
from dateline.ingest.dedupe import DEFAULT_NEAR_THRESHOLD, content_id
from dateline.ingest.pubdate import infer_publication_date
from dateline.ingest.sources import read_articles

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_NEAR_THRESHOLD",
    "IngestReport",
    "IngestWarning",
    "ReadOptions",
    "assemble_article",
    "content_id",
    "infer_publication_date",
    "ingest",
    "read_articles",
    "write_rejections",
]
