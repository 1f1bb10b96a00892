"""The texts the benchmarks time: LGL's local news articles, as dated articles."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from lxml import etree

from dateline.model import Article


def lgl_articles(shared: Path, limit: int | None = None) -> list[Article]:
    """LGL's articles in file order, dated by their download time (a stand-in for publication)."""
    tree = etree.parse(str(Path(shared) / "eval" / "geo" / "lgl.xml"))
    articles = []
    for node in tree.iter("article"):
        text = node.findtext("text") or ""
        if not text.strip():
            continue
        try:
            published = date.fromisoformat((node.findtext("dltime") or "")[:10])
        except ValueError:
            published = None
        articles.append(Article(id=hashlib.sha256(text.encode()).hexdigest(), text=text, title=node.findtext("title"),
                                published=published, published_source="metadata" if published else "none"))
        if limit is not None and len(articles) >= limit:
            break
    return articles
