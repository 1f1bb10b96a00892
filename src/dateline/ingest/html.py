"""Saved web pages: the main text, title, date, outlet and language with trafilatura (which
falls back across extractors and never throws on bad HTML); a page with no main text (an
index page, a login wall, an empty shell filled by JavaScript) is rejected with that reason."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from dateline.ingest.assemble import ReadOptions, assemble_article
from dateline.ingest.decoding import DecodeError, decode_bytes
from dateline.ingest.reasons import describe_error
from dateline.model import Article, Rejection

_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article", "pre")
MIN_MAIN_TEXT_WORDS = 12  # fewer, and with no full stop, is a menu or a caption, not a story


def has_main_text(text: str) -> bool:
    words = len(re.findall(r"\w+", text))
    return words >= MIN_MAIN_TEXT_WORDS or (words >= 5 and re.search(r"\w[.!?]", text) is not None)


def read_html(data: bytes, origin: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    try:
        decoded = decode_bytes(data)
    except DecodeError as error:
        yield Rejection(origin, str(error))
        return
    page = decoded.text
    import trafilatura  # heavy; only pages need it

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        document = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # trafilatura is robust, but a page must never stop the batch
        yield Rejection(origin, f"HTML could not be read ({describe_error(error)})")
        return
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not has_main_text(text):
        yield Rejection(origin, "HTML page with no main text (navigation, scripts or boilerplate only)")
        return
    lang = getattr(document, "language", None)
    if not lang:
        match = _LANG.search(page[:5000])
        lang = match.group(1) if match else None
    title = getattr(document, "title", None)
    if title and text.startswith(title):  # trafilatura repeats the headline as the first line
        text = text[len(title):].lstrip()
    yield assemble_article(
        text,
        origin=origin,
        options=options,
        title=title,
        url=getattr(document, "url", None),
        outlet=getattr(document, "sitename", None),
        date_raw=getattr(document, "date", None),
        language=lang,
        meta={"format": "html"} | ({"author": document.author} if getattr(document, "author", None) else {}),
        warnings=decoded.warnings,
    )


def fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), one paragraph per block."""
    if "<" not in markup:
        return markup
    from lxml import etree, html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", markup)
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    return re.sub(r"[ \t]+", " ", root.text_content())
